"""Staff admin: list filters and search work, evidence can be verified, passport versions are read-only."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from catalogue.models import PassportVersion
from lifecycle.models import Durability, EndOfLife, Repairability, SparePart
from products.models import Category, EvidenceDocument, MakerOrganisation, Material, Product, SupplyChainStep
from tests.factories import EvidenceDocumentFactory, complete_product

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        Product,
        MakerOrganisation,
        Category,
        Material,
        SupplyChainStep,
        EvidenceDocument,
        Durability,
        Repairability,
        SparePart,
        EndOfLife,
        PassportVersion,
    ],
)
def test_changelists_load_with_search_and_filters(staff_client, model):
    complete_product(name="Kochmesser Solingen")
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = staff_client.get(url, {"q": "Solingen"})
    assert response.status_code == 200


def test_product_search_finds_by_gtin_and_filter_by_status(staff_client):
    product = complete_product(name="Kochmesser Solingen")
    url = reverse("admin:products_product_changelist")
    response = staff_client.get(url, {"q": product.gtin[1:], "status__exact": "draft"})
    assert product.name in response.content.decode()
    response = staff_client.get(url, {"status__exact": "published"})
    assert product.name not in response.content.decode()


def test_the_product_change_page_has_the_lifecycle_inlines(staff_client):
    product = complete_product()
    response = staff_client.get(reverse("admin:products_product_change", args=[product.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for prefix in ["materials", "supply_chain_steps", "evidence", "durability", "spare_parts", "end_of_life"]:
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert staff_client.get(reverse("admin:products_product_history", args=[product.pk])).status_code == 200


def test_mark_as_verified_records_who_and_when(staff_client, staff_user):
    first, second = EvidenceDocumentFactory.create_batch(2)
    response = staff_client.post(
        reverse("admin:products_evidencedocument_changelist"),
        {"action": "mark_verified", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    for evidence in (first, second):
        evidence.refresh_from_db()
        assert evidence.verified is True
        assert evidence.verified_by == staff_user
        assert evidence.verified_at is not None
        assert evidence.history.latest().history_user == staff_user


def test_passport_versions_cannot_be_added_changed_or_deleted(staff_user):
    request = RequestFactory().get("/")
    request.user = staff_user
    model_admin = admin.site._registry[PassportVersion]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.has_view_permission(request)


def test_ticking_verified_by_hand_records_who_and_when(staff_client, staff_user):
    evidence = EvidenceDocumentFactory()
    url = reverse("admin:products_evidencedocument_change", args=[evidence.pk])
    response = staff_client.post(
        url,
        {
            "product": evidence.product_id,
            "title": evidence.title,
            "claim": evidence.claim,
            "url": evidence.url,
            "verified": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    evidence.refresh_from_db()
    assert evidence.verified is True
    assert evidence.verified_by == staff_user
    assert evidence.verified_at is not None
