"""Duplicate a product as a template, delete a draft never published, archive a published product."""

import pytest
from django.urls import reverse

from catalogue.models import PassportVersion
from lifecycle.models import DurabilityTest
from products.models import EvidenceDocument, Product
from products.services import duplicate_product
from tests.factories import (
    DurabilityTestFactory,
    EvidenceDocumentFactory,
    ProductVariantFactory,
    complete_product,
    published_product,
)

pytestmark = pytest.mark.django_db


def test_a_duplicate_is_a_draft_with_every_part_no_gtin_and_copy_in_the_name(english, maker):
    original = complete_product(maker=maker, name="Kochmesser 20")
    ProductVariantFactory(product=original)
    report = EvidenceDocumentFactory(product=original, title="Prüfbericht", verified=True)
    DurabilityTestFactory(product=original, evidence=report)

    copy = duplicate_product(original)

    assert copy.pk != original.pk and copy.status == Product.Status.DRAFT
    assert copy.name == "Kochmesser 20 (copy)" and copy.gtin is None
    for related in ["variants", "materials", "components", "supply_chain_steps", "spare_parts", "repair_services"]:
        assert getattr(copy, related).count() == getattr(original, related).count() > 0, related
    assert [s.step_type for s in copy.supply_chain_steps.order_by("position")] == [
        s.step_type for s in original.supply_chain_steps.order_by("position")
    ]
    for section in ["durability", "repairability", "end_of_life"]:
        assert getattr(copy, section).pk != getattr(original, section).pk
    # The test points at the copy of its report, which awaits review again.
    test = DurabilityTest.objects.get(product=copy)
    assert test.evidence.product_id == copy.pk and test.evidence.title == "Prüfbericht"
    assert not test.evidence.verified
    assert EvidenceDocument.objects.filter(product=copy).count() == original.evidence.count()
    original.refresh_from_db()
    assert original.gtin  # the original keeps its GTIN


def test_the_duplicate_button_makes_a_german_kopie(maker_client, maker):
    original = complete_product(maker=maker, name="Brotmesser")
    response = maker_client.post(reverse("products:product-duplicate", args=[original.pk]), HTTP_ACCEPT_LANGUAGE="de")
    copy = Product.objects.exclude(pk=original.pk).get(maker=maker)
    assert response.status_code == 302 and response["Location"] == reverse("products:product-edit", args=[copy.pk])
    assert copy.name in {"Brotmesser (Kopie)", "Brotmesser (copy)"}


def test_another_organisations_product_cannot_be_duplicated(maker_client):
    other = complete_product()
    assert maker_client.post(reverse("products:product-duplicate", args=[other.pk])).status_code == 404
    assert Product.objects.count() == 1


def test_a_draft_is_deleted_only_after_the_confirmation(maker_client, maker):
    draft = complete_product(maker=maker)
    url = reverse("products:product-delete", args=[draft.pk])
    page = maker_client.get(url)
    assert page.status_code == 200 and "Delete for good" in page.content.decode()
    assert Product.objects.filter(pk=draft.pk).exists()  # GET only asks

    response = maker_client.post(url)

    assert response.status_code == 302
    assert not Product.objects.filter(pk=draft.pk).exists()


def test_a_published_product_cannot_be_deleted_and_says_why(maker_client, maker):
    product = published_product(maker=maker)
    url = reverse("products:product-delete", args=[product.pk])
    page = maker_client.get(url)
    assert page.status_code == 409
    assert "A published product cannot be deleted" in page.content.decode()
    response = maker_client.post(url, follow=True)
    assert "withdraw it instead of deleting it" in response.content.decode()
    assert Product.objects.filter(pk=product.pk).exists()


def test_archiving_withdraws_and_moves_the_product_to_the_archived_tab(maker_client, maker):
    product = published_product(maker=maker, name="Altes Modell")
    active = complete_product(maker=maker, name="Neues Modell")

    response = maker_client.post(reverse("publishing:archive", args=[product.pk]), follow=True)

    assert "is archived: its passport is withdrawn" in response.content.decode()
    product.refresh_from_db()
    assert product.status == Product.Status.WITHDRAWN
    assert PassportVersion.objects.filter(product=product).exists()  # still readable at its URLs
    listed = maker_client.get(reverse("products:workspace")).content.decode()
    assert active.name in listed and "Altes Modell" not in listed
    archived = maker_client.get(reverse("products:workspace") + "?archived=1").content.decode()
    assert "Altes Modell" in archived and active.name not in archived


def test_the_product_page_offers_the_actions_that_apply(maker_client, maker):
    draft = complete_product(maker=maker)
    html = maker_client.get(draft.get_absolute_url()).content.decode()
    assert reverse("products:product-duplicate", args=[draft.pk]) in html
    assert reverse("products:product-delete", args=[draft.pk]) in html
    assert reverse("publishing:archive", args=[draft.pk]) not in html
    published = published_product(maker=maker)
    html = maker_client.get(published.get_absolute_url()).content.decode()
    assert reverse("products:product-delete", args=[published.pk]) not in html
    assert reverse("publishing:archive", args=[published.pk]) in html
