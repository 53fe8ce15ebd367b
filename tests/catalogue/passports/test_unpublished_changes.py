"""Draft against published: the stored flag, the product page, the workspace list, the changes page and the API."""

from dataclasses import replace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.models import PassportVersion, ProductScore
from catalogue.passports import drafts
from catalogue.passports.drafts import has_unpublished_changes, refresh_after_rescore, refresh_unpublished_changes
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish, withdraw_product
from catalogue.scores import services as score_services
from products.models import Product
from products.services import ProductWrite, save_product
from tests.factories import MaterialFactory, ProductFactory, complete_product, published_product

pytestmark = pytest.mark.django_db


def edit(product, user=None, **fields) -> Product:
    stored = Product.objects.get(pk=product.pk)
    return save_product(stored, ProductWrite(fields=fields), user=user)


@pytest.fixture
def settled_product(maker, maker_user, django_capture_on_commit_callbacks):
    """A published product whose creation's after-commit work has run, as if made in an earlier request.

    Inside a test's transaction a change joins the batch that is still pending; that batch runs only when
    captured, so the product is made inside a capture.
    """
    with django_capture_on_commit_callbacks(execute=True):
        product = published_product(maker_user, maker=maker)
    return product


def flag(product) -> bool:
    return Product.objects.values_list("has_unpublished_changes", flat=True).get(pk=product.pk)


def test_the_flag_follows_edits_publishing_and_reverting(
    settled_product, maker_user, django_capture_on_commit_callbacks
):
    published_product = settled_product
    assert flag(published_product) is False
    original = published_product.name
    with django_capture_on_commit_callbacks(execute=True):
        edit(published_product, name="Kochmesser neu")
    assert flag(published_product) is True
    assert has_unpublished_changes(published_product) is True

    with django_capture_on_commit_callbacks(execute=True):
        edit(published_product, name=original)  # back to what the passport says
    assert flag(published_product) is False

    with django_capture_on_commit_callbacks(execute=True):
        edit(published_product, name="Kochmesser neu")
    publication = publish(Product.objects.get(pk=published_product.pk), maker_user)
    assert publication.created is True
    assert flag(published_product) is False
    assert has_unpublished_changes(published_product) is False


def test_a_change_to_a_part_counts_too(settled_product, django_capture_on_commit_callbacks):
    published_product = settled_product
    with django_capture_on_commit_callbacks(execute=True):
        MaterialFactory(product=published_product, name="Messing", part="Nieten")
    assert flag(published_product) is True


def test_a_product_that_was_never_published_has_no_unpublished_changes(maker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = complete_product(maker=maker)
    assert flag(product) is False
    assert has_unpublished_changes(product) is False


def test_refreshing_many_products_takes_a_constant_number_of_queries(maker, django_assert_max_num_queries):
    products = [published_product(maker=maker) for _ in range(3)]
    Product.objects.filter(pk__in=[p.pk for p in products]).update(name="Anders")
    with django_assert_max_num_queries(20):
        refresh_unpublished_changes([p.pk for p in products])
    assert all(flag(product) for product in products)


def test_the_product_page_offers_a_new_version_only_when_something_changed(
    maker_client, settled_product, english, django_capture_on_commit_callbacks
):
    published_product = settled_product
    url = published_product.get_absolute_url()
    page = maker_client.get(url).content.decode()
    assert "The published passport is up to date." in page
    assert "Publish new version" not in page and 'id="publish-button"' not in page

    with django_capture_on_commit_callbacks(execute=True):
        edit(published_product, description="Jetzt mit neuem Griff.")
    page = maker_client.get(url).content.decode()
    assert "Unpublished changes" in page and "The published passport is up to date." not in page
    assert "Publish new version" in page
    assert reverse("publishing:changes", args=[published_product.pk]) in page


def test_a_withdrawn_passport_can_be_published_again_without_changes(maker_client, published_product, maker_user):
    withdraw_product(published_product, maker_user)
    page = maker_client.get(published_product.get_absolute_url()).content.decode()
    assert 'id="publish-button"' in page


def test_the_workspace_list_marks_products_with_unpublished_changes(maker_client, maker, english):
    changed = published_product(maker=maker)
    current = published_product(maker=maker)
    Product.objects.filter(pk=changed.pk).update(has_unpublished_changes=True)
    response = maker_client.get(reverse("products:workspace"))
    rows = {product.pk: product.has_unpublished_changes for product in response.context["products"]}
    assert rows == {changed.pk: True, current.pk: False}
    page = response.content.decode()
    assert page.count(reverse("publishing:changes", args=[changed.pk])) == 1
    assert reverse("publishing:changes", args=[current.pk]) not in page


def test_the_workspace_list_does_not_grow_with_its_products(maker_client, maker, django_assert_num_queries):
    url = reverse("products:workspace")
    published_product(maker=maker)
    maker_client.get(url)
    with CaptureQueriesContext(connection) as few:
        maker_client.get(url)
    for index in range(4):
        product = published_product(maker=maker)
        if index % 2:
            Product.objects.filter(pk=product.pk).update(has_unpublished_changes=True)
        ProductFactory(maker=maker)
    with django_assert_num_queries(len(few.captured_queries)):
        response = maker_client.get(url)
    assert len(response.context["products"]) == 9


def test_the_changes_page_lists_fields_and_rows_in_both_languages(maker_client, published_product, english):
    stored = Product.objects.get(pk=published_product.pk)
    materials = [
        {"name": m.name, "part": m.part, "share_percent": m.share_percent} for m in stored.materials.all()[1:]
    ] + [{"name": "Messing", "part": "Nieten"}]
    save_product(stored, ProductWrite(fields={"name": "Kochmesser Pro"}, lists={"materials": materials}))
    url = reverse("publishing:changes", args=[published_product.pk])
    response = maker_client.get(url)
    assert response.status_code == 200
    changes = response.context["changes"]
    kinds = {(change.section, change.field, change.kind) for change in changes}
    assert ("product", "name", "changed") in kinds
    assert ("materials", None, "added") in kinds and ("materials", None, "removed") in kinds
    page = response.content.decode()
    assert "Kochmesser Pro" in page and "Messing" in page and "Materials" in page
    assert "Publish new version" in page

    german = maker_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Materialien" in german and "Produkt" in german


def test_the_changes_page_says_when_nothing_changed(maker_client, published_product, english):
    response = maker_client.get(reverse("publishing:changes", args=[published_product.pk]))
    page = response.content.decode()
    assert response.context["changes"] == [] and "The published passport is up to date." in page
    assert "Publish new version" not in page


def test_the_changes_page_is_only_for_the_products_organisation(client, other_maker_membership, published_product):
    client.force_login(other_maker_membership.user)
    assert client.get(reverse("publishing:changes", args=[published_product.pk])).status_code == 404


def test_publishing_after_the_changes_page_makes_exactly_one_version(maker_client, published_product):
    edit(published_product, description="Neu.")
    maker_client.post(reverse("publishing:publish", args=[published_product.pk]))
    assert PassportVersion.objects.filter(product=published_product).count() == 2
    assert flag(published_product) is False


def test_the_rescore_command_flags_the_products_a_methodology_change_affects(maker, monkeypatch, capsys):
    product, untouched = published_product(maker=maker), published_product(maker=maker)
    call_command("rescore", "--no-progress")
    assert "0 scores changed" in capsys.readouterr().out
    assert (flag(product), flag(untouched)) == (False, False)

    # A new methodology: the published passport's score is no longer what publishing would freeze.
    real = score_services.score_product
    monkeypatch.setattr(score_services, "score_product", lambda facts: replace(real(facts), methodology_version="9.9"))
    call_command("rescore", "--no-progress", "--product", str(product.pk))
    assert "1 scores changed" in capsys.readouterr().out
    assert (flag(product), flag(untouched)) == (True, False)


def test_after_a_rescore_the_quick_comparison_agrees_with_the_full_one(maker, monkeypatch):
    """refresh_after_rescore against refresh_unpublished_changes (the full draft comparison) as the oracle."""
    changed_score, same_score, edited, redacted, score_back = (published_product(maker=maker) for _ in range(5))
    never_published = complete_product(maker=maker)
    Product.objects.filter(pk=edited.pk).update(description="Geändert, nicht veröffentlicht.")
    redact_version(PassportVersion.objects.get(product=redacted), ["product.description"], "Vertraulich.")
    # Flagged only for its score, which the rescore brings back to the published one: the flag must clear.
    stored = ProductScore.objects.get(product=score_back)
    ProductScore.objects.filter(pk=stored.pk).update(details={**stored.details, "methodology_version": "0.9"})
    products = [changed_score, same_score, edited, redacted, never_published, score_back]
    ids = [product.pk for product in products]
    refresh_unpublished_changes(ids)
    assert flag(score_back) is True and flag(edited) is True
    real = score_services.score_product
    moved = {changed_score.pk, edited.pk, redacted.pk, never_published.pk}
    monkeypatch.setattr(
        score_services,
        "score_product",
        lambda facts: replace(real(facts), methodology_version="9.9") if facts.product_id in moved else real(facts),
    )
    result = score_services.rescore(ids)
    assert set(result.changed) == moved | {score_back.pk}

    refresh_after_rescore(result.changed)
    quick = [flag(product) for product in products]
    Product.objects.filter(pk__in=ids).update(has_unpublished_changes=False)
    refresh_unpublished_changes(ids)
    assert quick == [flag(product) for product in products] == [True, False, True, True, False, False]


def test_a_stored_score_that_comes_back_to_the_published_one_leaves_the_product_unflagged(maker):
    product = published_product(maker=maker)
    stored = ProductScore.objects.get(product=product)
    ProductScore.objects.filter(pk=stored.pk).update(details={**stored.details, "methodology_version": "0.9"})
    call_command("rescore", "--no-progress", "--product", str(product.pk))
    assert flag(product) is False


def test_the_rescore_command_leaves_the_flags_of_unchanged_scores_unless_asked(maker):
    product = published_product(maker=maker)
    Product.objects.filter(pk=product.pk).update(name="Ohne Signal geändert")
    call_command("rescore", "--no-progress")
    assert flag(product) is False  # the score stayed the same, so nothing the rescore did changed the draft
    call_command("rescore", "--no-progress", "--all-flags")
    assert flag(product) is True


def test_a_flagged_product_whose_score_moved_is_settled_without_building_its_draft(maker, monkeypatch):
    edited = published_product(maker=maker)
    Product.objects.filter(pk=edited.pk).update(description="Geändert, nicht veröffentlicht.")
    refresh_unpublished_changes([edited.pk])
    real = score_services.score_product
    monkeypatch.setattr(score_services, "score_product", lambda facts: replace(real(facts), methodology_version="9.9"))
    result = score_services.rescore([edited.pk])
    built: list[int] = []
    full = drafts._refresh_batch
    monkeypatch.setattr(drafts, "_refresh_batch", lambda ids: (built.extend(ids), full(ids)))
    refresh_after_rescore(result.changed)
    assert built == [] and flag(edited) is True
