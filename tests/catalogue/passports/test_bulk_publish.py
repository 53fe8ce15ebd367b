"""Publishing the selected products of the workspace list: the real publishing service, one outcome per product."""

import pytest
from django.test import Client
from django.urls import reverse

from catalogue.models import PassportVersion
from catalogue.passports.drafts import refresh_unpublished_changes
from catalogue.passports.services import publish_product
from products.models import Product
from products.services import ProductWrite, save_product
from tests.factories import ProductFactory, bare_product, complete_product

URL = reverse("publishing:publish-selected")


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are asserted as their English msgids."""


def outcomes(response) -> dict[str, tuple[str, str]]:
    return {outcome.product.name: (outcome.kind, outcome.message) for outcome in response.context["outcomes"]}


def test_each_selected_product_is_published_refused_or_left_as_it_is(maker_client, maker, published_product):
    draft = complete_product(maker=maker, name="Neuer Entwurf")
    incomplete = bare_product(maker=maker, name="Unvollständig", description="")
    changed = complete_product(maker=maker, name="Geändert")
    publish_product(changed)
    save_product(Product.objects.get(pk=changed.pk), ProductWrite(fields={"description": "Neu geschliffen."}))
    # What the catalogue runs once the edit is committed (a test's transaction never commits).
    refresh_unpublished_changes([changed.pk, published_product.pk])
    changed.refresh_from_db()
    assert changed.has_unpublished_changes
    published_product.refresh_from_db()
    assert not published_product.has_unpublished_changes

    response = maker_client.post(URL, {"product": [p.pk for p in (draft, incomplete, changed, published_product)]})

    assert response.status_code == 200
    found = outcomes(response)
    assert found["Neuer Entwurf"] == ("published", "Passport version 1 is published.")
    assert found["Geändert"] == ("published", "Passport version 2 is published.")
    assert found["Unvollständig"][0] == "refused"
    assert found["Unvollständig"][1].startswith("This product cannot be published yet. Missing: a description")
    assert found[published_product.name] == ("unchanged", "No unpublished changes: not published again.")
    assert PassportVersion.objects.filter(product=published_product).count() == 1
    assert Product.objects.get(pk=draft.pk).status == Product.Status.PUBLISHED
    assert Product.objects.get(pk=incomplete.pk).status == Product.Status.DRAFT
    page = response.content.decode()
    assert "Published: 2 · unchanged: 1 · not published: 1" in page


def test_another_organisations_product_is_never_published(maker_client, other_maker):
    theirs = complete_product(maker=other_maker)

    response = maker_client.post(URL, {"product": [theirs.pk]})

    assert response.context["outcomes"] == []
    theirs.refresh_from_db()
    assert theirs.status == Product.Status.DRAFT
    assert not PassportVersion.objects.exists()


def test_only_members_may_publish_and_only_by_post(maker_client, product):
    response = Client().post(URL, {"product": [product.pk]})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert maker_client.get(URL).status_code == 405
    product.refresh_from_db()
    assert product.status == Product.Status.DRAFT


def test_nothing_or_too_much_selected_is_said_clearly(maker_client, maker):
    response = maker_client.post(URL, {}, follow=True)
    assert "Select at least one product." in response.content.decode()
    ids = [ProductFactory(maker=maker).pk for _ in range(51)]
    response = maker_client.post(URL, {"product": ids}, follow=True)
    assert "Select at most 50 products at once." in response.content.decode()
    assert not PassportVersion.objects.exists()
