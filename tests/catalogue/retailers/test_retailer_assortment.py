"""Retailer workspace: access, adding by code or scan, removing, and the assortment page."""

import pytest
from django.urls import reverse

from catalogue.models import AssortmentItem
from catalogue.passports.services import publish_product, withdraw_product
from products.identifiers import gs1_check_digit
from tests.factories import (
    AssortmentItemFactory,
    MakerMembershipFactory,
    ProductFactory,
    RetailerMembershipFactory,
    UserFactory,
    published_product,
)

pytestmark = pytest.mark.django_db


def assortment_url(retailer):
    return reverse("retailer:assortment", args=[retailer.slug])


def add(client, retailer, identifier):
    return client.post(reverse("retailer:add", args=[retailer.slug]), {"identifier": identifier})


# ---------- Access ----------


def test_anonymous_users_are_sent_to_the_login(client, retailer):
    response = client.get(assortment_url(retailer))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_users_without_a_retailer_membership_are_refused(client, retailer):
    client.force_login(MakerMembershipFactory().user)
    assert client.get(reverse("retailer:index")).status_code == 403
    assert client.get(assortment_url(retailer)).status_code == 404


def test_index_leads_to_the_single_retailer(retailer_client, retailer):
    response = retailer_client.get(reverse("retailer:index"))
    assert response.status_code == 302
    assert response["Location"] == assortment_url(retailer)


def test_index_lists_several_retailers(client):
    user = UserFactory()
    first = RetailerMembershipFactory(user=user).organisation
    second = RetailerMembershipFactory(user=user).organisation
    client.force_login(user)
    html = client.get(reverse("retailer:index")).content.decode()
    assert assortment_url(first) in html and assortment_url(second) in html


def test_another_retailers_data_answers_404(retailer_client, retailer):
    other = RetailerMembershipFactory().organisation
    item = AssortmentItemFactory(retailer=other, product=published_product())
    assert retailer_client.get(assortment_url(other)).status_code == 404
    assert add(retailer_client, other, item.product.passport_code).status_code == 404
    remove = reverse("retailer:remove", args=[retailer.slug, item.pk])
    assert retailer_client.post(remove).status_code == 404
    assert AssortmentItem.objects.filter(pk=item.pk).exists()


# ---------- Adding ----------


def test_add_by_scanned_ean_redirects_back_to_a_focused_field(retailer_client, retailer):
    product = published_product()
    response = add(retailer_client, retailer, product.gtin[1:])  # an EAN-13 as a scanner types it
    item = AssortmentItem.objects.get(retailer=retailer)
    assert item.product == product
    assert response.status_code == 302
    assert response["Location"] == f"{assortment_url(retailer)}?added={item.pk}"
    page = retailer_client.get(response["Location"]).content.decode()
    assert "autofocus" in page
    assert 'class="just-added"' in page
    assert product.name in page


@pytest.mark.parametrize(
    "spelling",
    [
        lambda p: p.passport_code,
        lambda p: p.passport_code_display.lower(),
        lambda p: f"  {p.passport_code[:4]} {p.passport_code[4:]} ",
        lambda p: f"https://pass.example.org/p/{p.passport_code}",
        lambda p: f"https://pass.example.org/01/{p.gtin}?linkType=gs1:dpp",
        lambda p: f"{p.gtin[1:4]}-{p.gtin[4:]}",
    ],
)
def test_add_accepts_loose_input(retailer_client, retailer, spelling):
    product = published_product()
    add(retailer_client, retailer, spelling(product))
    assert list(retailer.assortment.values_list("product", flat=True)) == [product.pk]


def test_a_wrong_check_digit_names_the_expected_one(retailer_client, retailer):
    body = "400638133393"
    expected = gs1_check_digit(body)
    wrong = body + str((expected + 1) % 10)
    response = add(retailer_client, retailer, wrong)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"check digit should be {expected}" in html
    assert 'aria-invalid="true"' in html
    assert wrong in html  # kept, so a typist can correct it
    assert not retailer.assortment.exists()


def test_a_passport_code_typo_is_explained(retailer_client, retailer):
    product = published_product()
    code = product.passport_code
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    html = add(retailer_client, retailer, typo).content.decode()
    assert "check character" in html


@pytest.mark.parametrize("status", ["draft", "withdrawn", "unknown"])
def test_only_published_products_can_be_added(retailer_client, retailer, status):
    if status == "draft":
        gtin = ProductFactory().gtin
    elif status == "withdrawn":
        product = published_product()
        withdraw_product(product)
        gtin = product.gtin
    else:
        body = "4009999999999"[:12]
        gtin = body + str(gs1_check_digit(body))
    response = add(retailer_client, retailer, gtin)
    assert response.status_code == 400
    assert "No published passport has the GTIN" in response.content.decode()
    assert not retailer.assortment.exists()


def test_adding_twice_keeps_one_item(retailer_client, retailer):
    product = published_product()
    add(retailer_client, retailer, product.passport_code)
    response = add(retailer_client, retailer, product.gtin)
    assert response.status_code == 302
    assert retailer.assortment.count() == 1
    page = retailer_client.get(response["Location"]).content.decode()
    assert "already in your assortment" in page


def test_an_empty_field_is_an_error_not_a_crash(retailer_client, retailer):
    response = add(retailer_client, retailer, "   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert 'aria-invalid="true"' in html
    assert not retailer.assortment.exists()


def test_remove(retailer_client, retailer):
    item = AssortmentItemFactory(retailer=retailer, product=published_product())
    kept = AssortmentItemFactory(retailer=retailer, product=published_product())
    url = reverse("retailer:remove", args=[retailer.slug, item.pk])
    # The row's button asks first: the page names the product, and only its own button removes.
    question = retailer_client.get(url)
    assert question.status_code == 200
    assert item.product.name in question.content.decode() and 'name="confirm"' in question.content.decode()
    assert retailer_client.post(url).status_code == 200  # a POST without the confirmation asks too
    assert retailer.assortment.count() == 2
    response = retailer_client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == assortment_url(retailer)
    assert list(retailer.assortment.all()) == [kept]


# ---------- The assortment page ----------


def test_page_shows_product_maker_versions_and_state(retailer_client, retailer):
    product = published_product(name="Santoku Damast")
    AssortmentItemFactory(retailer=retailer, product=product)
    html = retailer_client.get(assortment_url(retailer)).content.decode()
    assert "Santoku Damast" in html
    assert product.maker.name in html
    assert "Not printed yet" in html
    assert 'name="items"' in html
    assert reverse("retailer:remove", args=[retailer.slug, AssortmentItem.objects.get().pk]) in html


def test_page_query_count_does_not_grow_with_the_assortment(retailer_client, retailer, django_assert_max_num_queries):
    def page_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert retailer_client.get(assortment_url(retailer)).status_code == 200
        return len(context.captured_queries)

    AssortmentItemFactory(retailer=retailer, product=published_product())
    few = page_queries()
    for _ in range(5):
        product = published_product()
        publish_product(product)
        AssortmentItemFactory(retailer=retailer, product=product)
    assert page_queries() == few
    with django_assert_max_num_queries(12):
        retailer_client.get(assortment_url(retailer))
