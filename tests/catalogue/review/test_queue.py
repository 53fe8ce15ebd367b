"""The queue lists pending evidence oldest first, filters by maker, unverified claims and claims without evidence."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.review import selectors, services
from lifecycle.models import Durability, EndOfLife
from products.models import EvidenceDocument
from tests.factories import (
    DurabilityFactory,
    EndOfLifeFactory,
    EvidenceDocumentFactory,
    MakerOrganisationFactory,
    ProductFactory,
    SupplyChainStepFactory,
    uploaded_evidence,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("review:queue")


def sent(product, title, days_ago, **fields):
    """Evidence sent ``days_ago`` days ago (uploaded_at is set on insert, so it is moved afterwards)."""
    document = EvidenceDocumentFactory(product=product, title=title, **fields)
    EvidenceDocument.objects.filter(pk=document.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days_ago))
    return document


def titles(response) -> list[str]:
    return [document.title for document in response.context["page"].object_list]


def test_the_queue_lists_only_pending_evidence_oldest_first(staff_client, product, staff_user):
    sent(product, "Neu", 1)
    sent(product, "Alt", 5)
    sent(product, "Geprüft", 9, verified=True)
    services.reject_evidence(sent(product, "Abgelehnt", 7), user=staff_user, reason="Unleserlich")

    response = staff_client.get(QUEUE)

    assert titles(response) == ["Alt", "Neu"]
    html = response.content.decode()
    assert "Geprüft" not in html and "Abgelehnt" not in html
    assert product.name in html and product.maker.name in html


def test_a_pdf_is_previewed_in_a_frame_an_image_in_an_img_and_a_link_is_linked(staff_client, product):
    pdf = uploaded_evidence(product)
    image = uploaded_evidence(product, name="foto.png", content=b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    link = EvidenceDocumentFactory(product=product, url="https://example.org/garantie.pdf")

    html = staff_client.get(QUEUE).content.decode()

    assert f'<iframe class="evidence-frame" src="{reverse("review:evidence-preview", args=[pdf.pk])}"' in html
    assert f'<img class="evidence-image" src="{reverse("review:evidence-preview", args=[image.pk])}"' in html
    assert 'href="https://example.org/garantie.pdf"' in html
    assert html.count('name="decision" value="rejected"') == 3
    assert link.title in html


def test_the_maker_filter_shows_one_makers_evidence_and_the_counts_per_maker(staff_client, product, other_product):
    sent(product, "Unsere", 2)
    sent(other_product, "Fremde", 3)
    sent(other_product, "Fremde, geprüft", 3, verified=True)

    response = staff_client.get(QUEUE, {"maker": product.maker.pk})

    assert titles(response) == ["Unsere"]
    html = response.content.decode()
    assert f"{other_product.maker.name} (1 awaiting review, 1 unverified)" in html


def test_unverified_claims_include_rejected_evidence_but_not_approved(staff_client, product, staff_user):
    sent(product, "Wartet", 2)
    services.reject_evidence(sent(product, "Abgelehnt", 3), user=staff_user, reason="Falsches Produkt")
    sent(product, "Geprüft", 4, verified=True)

    response = staff_client.get(QUEUE, {"show": "unverified", "maker": product.maker.pk})

    assert titles(response) == ["Abgelehnt", "Wartet"]
    assert "Falsches Produkt" in response.content.decode()


def test_claims_without_any_evidence(staff_client, maker):
    warranty_only = ProductFactory(maker=maker, name="Garantiert")
    DurabilityFactory(product=warranty_only, warranty_years=5, lifetime_warranty=False)
    backed = ProductFactory(maker=maker, name="Belegt")
    DurabilityFactory(product=backed, warranty_years=5)
    EvidenceDocumentFactory(product=backed, claim="warranty")
    take_back = ProductFactory(maker=maker, name="Rücknahme")
    EndOfLifeFactory(product=take_back, take_back_offered=True)
    steps = ProductFactory(maker=maker, name="Lieferkette")
    SupplyChainStepFactory(product=steps)
    EvidenceDocumentFactory(product=steps, claim="durability")  # evidence for another claim backs nothing here
    ProductFactory(maker=maker, name="Ohne Angaben")

    response = staff_client.get(QUEUE, {"show": "unbacked"})

    rows = {product.name: product.unbacked_claims for product in response.context["page"].object_list}
    assert set(rows) == {"Garantiert", "Rücknahme", "Lieferkette"}
    assert rows["Garantiert"] == ["Warranty"]
    assert rows["Rücknahme"] == ["End of life / take-back"]
    assert rows["Lieferkette"] == ["Supply chain"]


def test_a_rejected_document_still_counts_as_evidence_given_for_its_claim(maker, staff_user):
    product = ProductFactory(maker=maker)
    EndOfLifeFactory(product=product, take_back_offered=True)
    assert list(selectors.products_with_unbacked_claims()) == [product]
    document = EvidenceDocumentFactory(product=product, claim="end_of_life")
    services.reject_evidence(document, user=staff_user, reason="Kein Rücknahmeangebot")
    assert list(selectors.products_with_unbacked_claims()) == []


def test_unbacked_claims_by_maker(staff_client, maker, other_maker):
    for organisation in (maker, other_maker):
        DurabilityFactory(product=ProductFactory(maker=organisation, name=f"Von {organisation.name}"), warranty_years=2)
    response = staff_client.get(QUEUE, {"show": "unbacked", "maker": other_maker.pk})
    assert [product.name for product in response.context["page"].object_list] == [f"Von {other_maker.name}"]


def test_bad_filters_are_ignored_with_a_message_not_a_500(staff_client, product):
    sent(product, "Wartet", 1)
    response = staff_client.get(QUEUE, {"maker": "abc", "show": "everything"})
    assert response.status_code == 200
    assert titles(response) == ["Wartet"]
    assert "Some filters were not valid" in response.content.decode()


def test_the_queue_is_paginated(staff_client, product):
    for day in range(12):
        sent(product, f"Nachweis {day:02}", 30 - day)
    first = staff_client.get(QUEUE)
    second = staff_client.get(QUEUE, {"page": 2})
    assert len(titles(first)) == 10 and titles(second) == ["Nachweis 10", "Nachweis 11"]


@pytest.mark.parametrize("show", ["pending", "unverified", "unbacked"])
def test_the_query_count_does_not_grow_with_the_rows(staff_client, show, django_assert_num_queries):
    makers = [MakerOrganisationFactory() for _ in range(3)]

    def add_rows():
        for organisation in makers:
            product = ProductFactory(maker=organisation)
            Durability.objects.create(product=product, warranty_years=3)
            EndOfLife.objects.create(product=product, take_back_offered=True)
            for _ in range(2):
                sent(product, "Nachweis", 3, claim="durability")

    add_rows()
    staff_client.get(QUEUE, {"show": show})  # the session's first request may touch more
    # Session, user, the header's roles, the maker choices with their counts, the page's count and its rows.
    with django_assert_num_queries(QUERIES[show]):
        staff_client.get(QUEUE, {"show": show})
    add_rows()
    with django_assert_num_queries(QUERIES[show]):
        staff_client.get(QUEUE, {"show": show})


QUERIES = {"pending": 6, "unverified": 6, "unbacked": 6}
