"""A decision the published passport does not show yet is flagged for the maker until the product is republished."""

import pytest
from django.urls import reverse

from catalogue.passports.services import publish_product
from catalogue.review import selectors, services
from tests.factories import EvidenceDocumentFactory, published_product, uploaded_evidence

pytestmark = pytest.mark.django_db

SHOW_VERIFIED = "Republish to show the verified evidence"
NO_LONGER = "Republish so that the passport no longer shows withdrawn verifications"


def detail(client, product) -> str:
    return client.get(product.get_absolute_url()).content.decode()


def workspace(client) -> str:
    return client.get(reverse("products:workspace")).content.decode()


def test_approving_evidence_the_passport_lists_as_unverified_flags_it_until_republished(
    maker_client, published_product, maker_user, staff_user, english
):
    report = uploaded_evidence(published_product)
    publish_product(published_product, maker_user)  # the passport lists the report, not verified
    assert SHOW_VERIFIED not in detail(maker_client, published_product)

    services.approve_evidence(report, user=staff_user)

    page = detail(maker_client, published_product)
    assert SHOW_VERIFIED in page and 'id="republish-notice"' in page and report.title in page
    assert SHOW_VERIFIED in workspace(maker_client)

    publish_product(published_product, maker_user)

    assert 'id="republish-notice"' not in detail(maker_client, published_product)
    assert SHOW_VERIFIED not in workspace(maker_client)


def test_evidence_approved_after_publishing_is_flagged_too(maker_client, published_product, staff_user, english):
    later = EvidenceDocumentFactory(product=published_product, title="Garantiebedingungen", claim="warranty")
    assert selectors.republish_notice(published_product) is None  # awaiting review: nothing to show yet
    services.approve_evidence(later, user=staff_user)
    assert selectors.republish_notice(published_product).newly_verified == ["Garantiebedingungen"]


def test_rejecting_evidence_the_passport_shows_as_verified_asks_to_republish(
    maker_client, published_product, maker_user, staff_user, english
):
    verified = published_product.evidence.get()  # published as verified
    assert verified.verified

    services.reject_evidence(verified, user=staff_user, reason="Abgelaufen")

    page = detail(maker_client, published_product)
    assert NO_LONGER in page and SHOW_VERIFIED not in page
    assert "Republish: evidence no longer verified" in workspace(maker_client)
    publish_product(published_product, maker_user)
    assert NO_LONGER not in detail(maker_client, published_product)


def test_a_rejection_of_evidence_the_passport_never_showed_as_verified_needs_no_republishing(
    published_product, maker_user, staff_user
):
    report = uploaded_evidence(published_product)
    publish_product(published_product, maker_user)
    services.reject_evidence(report, user=staff_user, reason="Unleserlich")
    assert selectors.republish_notice(published_product) is None


def test_drafts_have_nothing_to_republish(product, staff_user):
    services.approve_evidence(EvidenceDocumentFactory(product=product), user=staff_user)
    assert selectors.republish_notice(product) is None


def test_the_workspace_list_asks_two_queries_for_any_number_of_products(
    maker, maker_user, staff_user, django_assert_num_queries
):
    products = [published_product(maker_user, maker=maker) for _ in range(4)]
    for product in products:
        services.approve_evidence(EvidenceDocumentFactory(product=product, claim="warranty"), user=staff_user)
    with django_assert_num_queries(2):
        notices = selectors.republish_notices([product.pk for product in products])
    assert set(notices) == {product.pk for product in products}
