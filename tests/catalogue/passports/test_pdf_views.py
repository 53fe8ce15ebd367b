"""PDF downloads: current and given versions, the public batch, the maker's preview and draft privacy."""

import pytest
from django.urls import reverse

from catalogue.passports.services import publish_product, withdraw_product
from products.identifiers import generate_passport_code
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import (
    MakerMembershipFactory,
    RetailerMembershipFactory,
    complete_product,
    published_product,
)

pytestmark = pytest.mark.django_db


def passport_pdf_url(product, **query):
    url = reverse("catalogue:passport-pdf", args=[product.passport_code])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def version_pdf_url(product, number):
    return reverse("catalogue:passport-version-pdf", args=[product.passport_code, number])


def assert_is_pdf(response, filename_part):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert filename_part in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_current_passport_pdf_is_rendered_from_the_published_snapshot(client):
    product = published_product(name="Brotmesser Wellenschliff")
    response = client.get(passport_pdf_url(product, lang="de"))
    assert_is_pdf(response, f"passport-{product.passport_code}-v1-de.pdf")
    assert "Brotmesser Wellenschliff" in pdf_text(response.content)
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 2
    assert client.get(passport_pdf_url(product, lang="de"), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert "max-age" in response["Cache-Control"]


def test_pdf_prints_what_was_published_not_the_current_draft_data(client):
    product = published_product(name="Tafelmesser Klassik")
    product.name = "Tafelmesser Klassik (unveröffentlichte Änderung)"
    product.save()
    text = pdf_text(client.get(passport_pdf_url(product)).content)
    assert "Tafelmesser Klassik" in text
    assert "unveröffentlichte" not in text


def test_each_version_keeps_its_own_pdf_and_the_current_one_follows_republishing(client):
    product = published_product(name="Schälmesser Erste Auflage")
    product.name = "Schälmesser Zweite Auflage"
    product.save()
    publish_product(product)

    first = client.get(version_pdf_url(product, 1))
    second = client.get(version_pdf_url(product, 2))
    current = client.get(passport_pdf_url(product))
    assert_is_pdf(first, "-v1-")
    assert "Erste Auflage" in pdf_text(first.content)
    assert "Zweite Auflage" in pdf_text(second.content)
    assert "Zweite Auflage" in pdf_text(current.content)
    assert first["ETag"] != second["ETag"]
    # A version never changes, so it is cached longer than the current passport.
    assert first["Cache-Control"] != current["Cache-Control"]
    assert client.get(version_pdf_url(product, 3)).status_code == 404


def test_version_pdf_answers_304_to_a_matching_etag(client):
    product = published_product()
    first = client.get(version_pdf_url(product, 1))
    again = client.get(version_pdf_url(product, 1), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_languages_render_differently_and_a_bad_language_is_a_clear_400(client):
    product = published_product()
    german = client.get(passport_pdf_url(product, lang="de"))
    english = client.get(passport_pdf_url(product, lang="en"))
    assert "-de.pdf" in german["Content-Disposition"]
    assert "-en.pdf" in english["Content-Disposition"]
    german_text, english_text = pdf_text(german.content), pdf_text(english.content)
    assert "Reparierbarkeit" in german_text and "Repairability" not in german_text
    assert "Repairability" in english_text and "Reparierbarkeit" not in english_text
    assert german["ETag"] != english["ETag"]
    bad = client.get(passport_pdf_url(product, lang="fr"))
    assert bad.status_code == 400
    assert "lang" in bad.content.decode() and "fr" in bad.content.decode()


def test_default_language_is_the_active_one(client):
    product = published_product()
    response = client.get(passport_pdf_url(product), HTTP_ACCEPT_LANGUAGE="en")
    assert "-en.pdf" in response["Content-Disposition"]


def test_loosely_typed_code_redirects_to_the_canonical_url(client):
    product = published_product()
    loose = product.passport_code_display.lower()
    response = client.get(reverse("catalogue:passport-pdf", args=[loose]) + "?lang=en")
    assert response.status_code == 301
    assert response["Location"] == passport_pdf_url(product, lang="en")


def test_withdrawn_passport_pdf_stays_available(client):
    product = published_product(name="Zurückgezogenes Messer")
    withdraw_product(product)
    for response in (client.get(version_pdf_url(product, 1)), client.get(passport_pdf_url(product))):
        assert_is_pdf(response, "-v1-")
        assert "Zurückgezogenes Messer" in pdf_text(response.content)


def test_unknown_and_malformed_codes_answer_404(client):
    assert client.get(reverse("catalogue:passport-pdf", args=["K7QX2M9D"])).status_code == 404
    assert client.get(reverse("catalogue:passport-pdf", args=["nonsense"])).status_code == 404


def test_pdf_view_query_count_is_bounded(client, django_assert_max_num_queries):
    product = published_product()
    with django_assert_max_num_queries(2):
        assert client.get(version_pdf_url(product, 1)).status_code == 200


# ---------- A draft cannot be printed by anyone but its own maker ----------


@pytest.fixture
def draft(maker):
    return complete_product(maker=maker, name="Geheimer Prototyp")


def _draft_urls(draft, other):
    return [
        reverse("catalogue:passport-pdf", args=[draft.passport_code]),
        reverse("catalogue:passport-version-pdf", args=[draft.passport_code, 1]),
        reverse("catalogue:batch-pdf") + f"?codes={draft.passport_code}",
        reverse("catalogue:batch-pdf") + f"?codes={other.passport_code},{draft.passport_code}&format=labels",
        reverse("catalogue:batch-pdf") + f"?codes={draft.gtin}",
    ]


def test_nobody_gets_a_public_pdf_of_a_draft(client, draft, maker_user):
    other = published_product()
    users = [None, MakerMembershipFactory().user, RetailerMembershipFactory().user, maker_user]
    for user in users:
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in _draft_urls(draft, other):
            response = client.get(url)
            assert response.status_code == 404, (user, url)
            assert b"Geheimer Prototyp" not in response.content


def test_only_its_own_maker_gets_the_preview_of_a_draft(client, draft, maker_user):
    url = reverse("publishing:preview-pdf", args=[draft.pk])
    assert client.get(url).status_code == 302  # to the login page
    for outsider in (MakerMembershipFactory().user, RetailerMembershipFactory().user):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(maker_user)
    response = client.get(url + "?lang=en")
    assert_is_pdf(response, f"preview-{draft.passport_code}-en.pdf")
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    assert "Geheimer Prototyp" in text
    assert "PREVIEW" in text.upper()


def test_preview_changes_nothing(client, draft, maker_user):
    client.force_login(maker_user)
    client.get(reverse("publishing:preview-pdf", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == draft.Status.DRAFT
    assert not draft.passport_versions.exists()


# ---------- Public batch ----------


def batch_url(query: str) -> str:
    return reverse("catalogue:batch-pdf") + "?" + query


def test_batch_renders_passports_in_the_order_asked_by_code_or_gtin(client):
    first = published_product(name="Erstes Messer")
    second = published_product(name="Zweites Messer")
    codes = f"{second.passport_code_display.lower()},{first.gtin[1:]}"
    response = client.get(batch_url(f"codes={codes}&lang=en"))
    assert_is_pdf(response, "passports-2-en.pdf")
    text = pdf_text(response.content)
    assert text.index("Zweites Messer") < text.index("Erstes Messer")
    assert page_count(response.content) >= 2


def test_batch_of_labels_fits_several_products_on_one_page(client):
    products = [published_product(name=f"Etikettenmesser {n}") for n in range(3)]
    codes = ",".join(product.passport_code for product in products)
    response = client.get(batch_url(f"codes={codes}&format=labels&layout=3x8"))
    assert_is_pdf(response, "labels-3-")
    assert page_count(response.content) == 1
    text = pdf_text(response.content)
    assert all(f"Etikettenmesser {n}" in text for n in range(3))


def test_batch_names_the_bad_codes_in_a_400(client):
    product = published_product()
    response = client.get(batch_url(f"codes={product.passport_code},4006381333932,ZZZ"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "4006381333932" in body and "ZZZ" in body
    assert "check digit should be 1" in body
    assert product.passport_code not in body


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("codes=", "codes"),
        ("codes=K7QX2M9C&format=poster", "poster"),
        ("codes=K7QX2M9C&format=labels&layout=9x9", "9x9"),
        ("codes=K7QX2M9C&lang=xx", "xx"),
    ],
)
def test_batch_rejects_bad_parameters_naming_them(client, query, named):
    response = client.get(batch_url(query))
    assert response.status_code == 400
    assert named in response.content.decode()


def test_batch_refuses_more_than_the_limit(client):
    codes = ",".join(["K7QX2M9C"] * 201)
    response = client.get(batch_url(f"codes={codes}"))
    assert response.status_code == 400
    assert "200" in response.content.decode()


def test_batch_names_unknown_codes_in_a_404(client):
    product = published_product()
    unknown = generate_passport_code()
    response = client.get(batch_url(f"codes={product.passport_code},{unknown}"))
    assert response.status_code == 404
    assert unknown in response.content.decode()


def test_batch_query_count_does_not_grow_with_the_batch(client, django_assert_max_num_queries):
    products = [published_product(name=f"Stapelmesser {n}") for n in range(6)]
    codes = ",".join(product.passport_code for product in products)
    with django_assert_max_num_queries(2):
        response = client.get(batch_url(f"codes={codes}&format=labels"))
    assert_is_pdf(response, "labels-6-")
    text = pdf_text(response.content)
    assert all(f"Stapelmesser {n}" in text for n in range(6))


def test_a_withdrawn_passport_prints_with_a_withdrawn_banner(client):
    product = published_product(name="Gemüsemesser Rückruf")
    published = client.get(passport_pdf_url(product, lang="en"))
    assert "WITHDRAWN" not in pdf_text(published.content)

    withdraw_product(product)
    english = client.get(passport_pdf_url(product, lang="en"))
    german = client.get(version_pdf_url(product, 1) + "?lang=de")
    assert english.status_code == 200
    assert "WITHDRAWN" in pdf_text(english.content)
    assert "ZURÜCKGEZOGEN" in pdf_text(german.content)
    # Caches must not keep serving the PDF from before the withdrawal.
    assert english["ETag"] != published["ETag"]
