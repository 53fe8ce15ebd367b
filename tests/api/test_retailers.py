"""Retailer API: the assortment by code or scan, the reprint list and printing passports or labels as PDF."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import AssortmentItem, PrintJob
from catalogue.passports.services import publish_product, withdraw_product
from catalogue.retailers.services import record_print_job
from tests.api.conftest import english_client, token_client
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import (
    AssortmentItemFactory,
    ProductFactory,
    RetailerMembershipFactory,
    RetailerOrganisationFactory,
    bare_product,
    make_gtin13,
    published_bare_product,
    republished,
)


def assortment_url(retailer) -> str:
    return f"/api/v1/retailers/{retailer.slug}/assortment/"


def count_queries(client, url) -> int:
    """Queries of one request with a cold cache, so that every part of the answer is read."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


class TestRetailers:
    def test_only_your_own_retailers(self, retailer_api_client, retailer):
        RetailerOrganisationFactory()
        data = retailer_api_client.get("/api/v1/retailers/").json()
        assert [row["slug"] for row in data["results"]] == [retailer.slug]
        assert data["results"][0]["links"]["print"].endswith(f"/api/v1/retailers/{retailer.slug}/print/")

    def test_another_retailer_answers_404(self, retailer_api_client, published_product):
        other = RetailerOrganisationFactory()
        AssortmentItemFactory(retailer=other, product=published_product)
        for url in ("", "assortment/", "reprints/"):
            assert retailer_api_client.get(f"/api/v1/retailers/{other.slug}/{url}").status_code == 404
        response = retailer_api_client.post(f"/api/v1/retailers/{other.slug}/print/", {"scope": "all"}, format="json")
        assert response.status_code == 404
        assert published_product.passport_code not in response.content.decode()
        assert PrintJob.objects.count() == 0


class TestAssortment:
    def test_add_by_gtin_then_again(self, retailer_api_client, retailer):
        product = published_bare_product(gtin="0" + make_gtin13(7))
        response = retailer_api_client.post(assortment_url(retailer), {"code": product.gtin[1:]}, format="json")
        assert response.status_code == 201, response.content
        assert response.json()["passport_code"] == product.passport_code
        again = retailer_api_client.post(
            assortment_url(retailer), {"code": product.passport_code_display.lower()}, format="json"
        )
        assert again.status_code == 200
        assert again.json()["passport_code"] == product.passport_code
        assert list(AssortmentItem.objects.filter(retailer=retailer).values_list("product", flat=True)) == [product.pk]

    def test_add_by_scanned_passport_url(self, retailer_api_client, retailer, published_product):
        published_bare_product()  # another passport, which must not be the one added
        url = f"https://example.org/p/{published_product.passport_code}"
        response = retailer_api_client.post(assortment_url(retailer), {"code": url}, format="json")
        assert response.status_code == 201, response.content
        assert response.json()["passport_code"] == published_product.passport_code
        assert response.json()["name"] == published_product.name
        added = AssortmentItem.objects.filter(retailer=retailer).values_list("product", flat=True)
        assert list(added) == [published_product.pk]

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("4006381333932", "check digit"),
            ("", "This field may not be blank."),
        ],
    )
    def test_a_bad_code_names_the_field(self, retailer_api_client, retailer, code, message):
        response = retailer_api_client.post(assortment_url(retailer), {"code": code}, format="json")
        assert response.status_code == 400
        assert message in " ".join(response.json()["code"])

    def test_drafts_and_withdrawn_passports_cannot_be_added(self, retailer_api_client, retailer):
        draft = ProductFactory()
        gone = published_bare_product()
        withdraw_product(gone)
        for product in (draft, gone):
            response = retailer_api_client.post(
                assortment_url(retailer), {"code": product.passport_code}, format="json"
            )
            assert response.status_code == 400
            assert "No published passport" in response.json()["code"][0]
        assert not AssortmentItem.objects.exists()

    def test_rows_show_the_published_names_not_live_edits(self, retailer_api_client, retailer):
        product = published_bare_product(name="Schere Veröffentlicht")
        AssortmentItemFactory(retailer=retailer, product=product)
        product.name = "Schere Unveröffentlicht"
        product.save()
        body = retailer_api_client.get(assortment_url(retailer)).content.decode()
        assert "Schere Veröffentlicht" in body
        assert "Unveröffentlicht" not in body
        row = retailer_api_client.get(f"{assortment_url(retailer)}{product.passport_code}/").json()
        assert row["name"] == "Schere Veröffentlicht"
        assert (row["current_version"], row["last_printed_version"], row["never_printed"]) == (1, None, True)

    def test_remove(self, retailer_api_client, retailer, published_product):
        kept = published_bare_product()
        AssortmentItemFactory(retailer=retailer, product=published_product)
        AssortmentItemFactory(retailer=retailer, product=kept)
        url = f"{assortment_url(retailer)}{published_product.passport_code}/"
        assert retailer_api_client.delete(url).status_code == 204
        assert retailer_api_client.delete(url).status_code == 404
        assert retailer_api_client.get(url).status_code == 404
        rows = retailer_api_client.get(assortment_url(retailer)).json()["results"]
        assert [row["passport_code"] for row in rows] == [kept.passport_code]

    def test_a_second_member_sees_the_same_assortment(self, retailer, published_product):
        AssortmentItemFactory(retailer=retailer, product=published_product)
        colleague = token_client(RetailerMembershipFactory(organisation=retailer).user)
        data = colleague.get(assortment_url(retailer)).json()
        assert data["count"] == 1
        assert [row["passport_code"] for row in data["results"]] == [published_product.passport_code]


class TestPrinting:
    def print(self, client, retailer, **body):
        return client.post(f"/api/v1/retailers/{retailer.slug}/print/", body, format="json")

    def test_labels_for_chosen_items_by_gtin_or_code(self, retailer_api_client, retailer):
        first = published_bare_product(gtin="0" + make_gtin13(11), name="Erstes Etikett")
        second = published_bare_product(name="Zweites Etikett")
        unchosen = published_bare_product(name="Nicht gewählt")
        for product in (first, second, unchosen):
            AssortmentItemFactory(retailer=retailer, product=product)
        response = self.print(
            retailer_api_client,
            retailer,
            items=[first.gtin, second.passport_code.lower()],
            format="labels",
            layout="3x8",
        )
        assert response.status_code == 200, response.content
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith(f'inline; filename="labels-{retailer.slug}-')
        assert page_count(response.content) == 1
        text = pdf_text(response.content)
        assert "Erstes Etikett" in text and "Zweites Etikett" in text
        assert "Nicht gewählt" not in text
        job = PrintJob.objects.get()
        assert (job.format, job.label_layout, job.language) == ("labels", "3x8", "de")
        assert {version.product_id for version in job.versions.all()} == {first.pk, second.pk}

    def test_the_reprint_list_and_printing_it(self, retailer_api_client, retailer):
        stale = published_bare_product(name="Altes Etikett")
        fresh = published_bare_product(name="Frisches Etikett")
        AssortmentItemFactory(retailer=retailer, product=stale)
        AssortmentItemFactory(retailer=retailer, product=fresh)
        assert self.print(retailer_api_client, retailer, scope="all", language="en").status_code == 200
        assert retailer_api_client.get(f"/api/v1/retailers/{retailer.slug}/reprints/").json()["count"] == 0
        republished(stale)
        reprints = retailer_api_client.get(f"/api/v1/retailers/{retailer.slug}/reprints/").json()["results"]
        assert [(row["passport_code"], row["current_version"], row["last_printed_version"]) for row in reprints] == [
            (stale.passport_code, 2, 1)
        ]
        reprinted = self.print(retailer_api_client, retailer, scope="reprint")
        assert reprinted.status_code == 200
        text = pdf_text(reprinted.content)
        assert "Altes Etikett" in text and "Frisches Etikett" not in text
        assert PrintJob.objects.order_by("-pk").first().versions.get().number == 2
        assert retailer_api_client.get(f"/api/v1/retailers/{retailer.slug}/reprints/").json()["count"] == 0

    def test_items_outside_the_assortment_are_named(self, retailer_api_client, retailer):
        inside = published_bare_product()
        outside = published_bare_product()
        AssortmentItemFactory(retailer=retailer, product=inside)
        response = self.print(retailer_api_client, retailer, items=[inside.passport_code, outside.passport_code])
        assert response.status_code == 400
        assert response.json() == {"items": [f"Not in your assortment: {outside.passport_code}."]}
        assert not PrintJob.objects.exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "items"),
            ({"items": ["not a code!"]}, "items"),
            ({"scope": "all", "format": "poster"}, "format"),
            ({"scope": "all", "language": "fr"}, "language"),
            ({"scope": "all", "layout": "1x1"}, "layout"),
            ({"items": ["K7QX2M9C"] * 201}, "items"),
        ],
    )
    def test_bad_requests_name_the_field(self, retailer_api_client, retailer, published_product, body, field):
        AssortmentItemFactory(retailer=retailer, product=published_product)
        response = self.print(retailer_api_client, retailer, **body)
        assert response.status_code == 400
        assert field in response.json()
        assert not PrintJob.objects.exists()

    def test_an_empty_assortment_prints_nothing(self, retailer_api_client, retailer):
        response = self.print(retailer_api_client, retailer, scope="all")
        assert response.status_code == 400
        assert response.json() == {"items": ["Select at least one product to print."]}

    def test_sessions_need_the_csrf_token(self, retailer_membership, retailer, published_product):
        AssortmentItemFactory(retailer=retailer, product=published_product)
        browser = english_client(enforce_csrf_checks=True)
        browser.force_login(retailer_membership.user)
        response = browser.post(f"/api/v1/retailers/{retailer.slug}/print/", {"scope": "all"}, format="json")
        assert response.status_code == 403
        assert not PrintJob.objects.exists()


class TestQueryCounts:
    @pytest.mark.parametrize("path", ["assortment/", "reprints/"])
    def test_lists_are_constant(self, retailer_api_client, retailer, path):
        def fill(count):
            for _ in range(count):
                product = bare_product()
                printed = publish_product(product)
                AssortmentItemFactory(retailer=retailer, product=product)
                record_print_job(retailer, [printed], user=None, output_format="passport", language="de")
                republished(product)  # a newer version than the printed one: reprint needed

        fill(10)
        url = f"/api/v1/retailers/{retailer.slug}/{path}?page_size=100"
        at_10 = count_queries(retailer_api_client, url)
        fill(90)
        assert retailer_api_client.get(url).json()["count"] == 100
        assert count_queries(retailer_api_client, url) == at_10
