"""Evidence uploaded from where the claim is: the claim chosen, the test linked at upload, the decision beside it."""

import pytest
from django.urls import reverse

from lifecycle.models import DurabilityTest
from products.models import EvidenceDocument
from tests.factories import DurabilityTestFactory, EvidenceDocumentFactory, ProductFactory, complete_product

pytestmark = pytest.mark.django_db


def test_a_test_row_offers_the_upload_with_its_claim_and_itself_preselected(maker_client, maker):
    product = complete_product(maker=maker)
    test = DurabilityTestFactory(product=product)
    html = maker_client.get(reverse("products:product-edit", args=[product.pk])).content.decode()
    upload = reverse("products:evidence-add", args=[product.pk])
    assert f"{upload}?claim=durability&amp;backs=durability_tests:{test.pk}" in html
    assert f"{upload}?claim=warranty&amp;return=id_durability-warranty_years" in html
    assert f"{upload}?claim=supply_chain&amp;return=section-supply-chain" in html

    page = maker_client.get(f"{upload}?claim=durability&backs=durability_tests:{test.pk}").content.decode()
    assert '<option value="durability" selected>' in page
    assert "This document will back" in page


def test_the_upload_links_the_test_and_returns_to_the_editor(maker_client, maker):
    product = complete_product(maker=maker)
    test = DurabilityTestFactory(product=product)
    url = reverse("products:evidence-add", args=[product.pk])
    query = f"?claim=durability&backs=durability_tests:{test.pk}&return=row-durability_tests-0"

    response = maker_client.post(
        url + query, {"title": "Prüfbericht ISO 8442-5", "claim": "durability", "url": "https://example.org/r.pdf"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("products:product-edit", args=[product.pk]) + "#row-durability_tests-0"
    test.refresh_from_db()
    assert test.evidence.title == "Prüfbericht ISO 8442-5" and test.evidence.product_id == product.pk


def test_another_products_row_is_never_linked(maker_client, maker):
    product = complete_product(maker=maker)
    foreign_test = DurabilityTestFactory(product=ProductFactory())
    url = reverse("products:evidence-add", args=[product.pk]) + f"?backs=durability_tests:{foreign_test.pk}"
    maker_client.post(url, {"title": "Bericht", "claim": "durability", "url": "https://example.org/r.pdf"})
    foreign_test.refresh_from_db()
    assert foreign_test.evidence is None
    assert EvidenceDocument.objects.filter(product=product, title="Bericht").exists()


def test_the_staff_decision_shows_beside_the_test_and_the_section(maker_client, maker):
    product = complete_product(maker=maker)
    rejected = EvidenceDocumentFactory(product=product, title="Alter Bericht", claim="durability")
    rejected.record_decision(
        EvidenceDocument.ReviewStatus.REJECTED, user=None, at=None, reason="Der Bericht ist unleserlich."
    )
    rejected.save()
    DurabilityTestFactory(product=product, evidence=rejected, property=DurabilityTest.Property.HARDNESS)

    html = maker_client.get(reverse("products:product-edit", args=[product.pk])).content.decode()

    row = html[html.index('id="formset-durability_tests"') :]
    assert "Evidence: Alter Bericht" in row and "rejected" in row and "Der Bericht ist unleserlich." in row
    section = html[html.index('id="evidence-durability"') :]
    assert "Alter Bericht" in section[: section.index("</div>")]
