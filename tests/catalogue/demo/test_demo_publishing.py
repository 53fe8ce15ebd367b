"""load_demo publishes most demo passports, keeps a few drafts, and shows a reprint-needed product."""

import pytest
from django.urls import reverse

from catalogue.demo import data as demo_data
from catalogue.demo.loader import load_demo
from catalogue.models import PassportVersion, PrintJob
from catalogue.passports.services import missing_for_publication
from catalogue.retailers.selectors import assortment_rows
from products.models import Product

pytestmark = pytest.mark.django_db


def test_demo_publishes_the_flagged_products_and_leaves_the_others_as_drafts():
    summary = load_demo()
    flagged = {spec["name"] for spec in demo_data.PRODUCTS if spec["publish"]}
    published = set(Product.objects.filter(status=Product.Status.PUBLISHED).values_list("name", flat=True))
    drafts = set(Product.objects.filter(status=Product.Status.DRAFT).values_list("name", flat=True))
    assert published == flagged
    assert len(published) > len(drafts) >= 3
    assert not PassportVersion.objects.filter(product__status=Product.Status.DRAFT).exists()
    assert summary.created[PassportVersion] == PassportVersion.objects.count()
    # Published by a member of the product's maker where the demo has one.
    demo_maker = Product.objects.filter(maker__memberships__user__username="demo-maker", status="published").first()
    assert demo_maker.passport_versions.first().published_by.username == "demo-maker"


def test_demo_products_meant_for_publishing_pass_the_publishing_checks():
    summary = load_demo()
    assert all(missing_for_publication(product) == [] for product in summary.products_to_publish)


def test_a_second_run_publishes_nothing():
    load_demo()
    versions = list(PassportVersion.objects.order_by("pk").values_list("pk", "content_hash"))
    jobs = PrintJob.objects.count()
    second = load_demo()
    assert PassportVersion not in second.created
    assert list(PassportVersion.objects.order_by("pk").values_list("pk", "content_hash")) == versions
    assert PrintJob.objects.count() == jobs


def test_demo_retailer_has_printed_and_one_product_needs_a_reprint():
    summary = load_demo()
    rows = assortment_rows(summary.retailer)
    assert PrintJob.objects.filter(retailer=summary.retailer).count() == 1
    assert sum(row.reprint_needed for row in rows) == 1
    assert any(row.never_printed for row in rows)


def test_demo_drafts_stay_private(client):
    load_demo()
    drafts = Product.objects.filter(status=Product.Status.DRAFT)
    assert drafts.exists()
    for draft in drafts:
        assert client.get(reverse("catalogue:passport-pdf", args=[draft.passport_code])).status_code == 404
        assert client.get(f"/p/{draft.passport_code}").status_code == 404
        found = client.get("/products/", {"q": draft.name}).context["cards"]
        assert draft.name not in {card["name"] for card in found}
