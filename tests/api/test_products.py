"""Product reads and writes: nested parts, per-field validation, ETag / If-Match and query counts."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.serializers import ProductListSerializer
from catalogue.models import ProductScore
from lifecycle.models import Durability, Repairability
from products.models import Material, Product, SupplyChainStep
from tests.api.conftest import etag_of
from tests.factories import (
    CategoryFactory,
    MakerMembershipFactory,
    MaterialFactory,
    ProductFactory,
    SupplyChainStepFactory,
    complete_product,
)

FULL_BODY = {
    "name": "Kochmesser 20 cm",
    "gtin": "4006381 333931",
    "model_number": "KM-20",
    "description": "Geschmiedet.",
    "price_eur": 129.5,
    "mass_g": 210,
    "variants": [{"code": "20", "name": "20 cm"}],
    "materials": [
        {"name": "X50CrMoV15", "part": "Klinge", "share_percent": 80, "recycled_content_percent": 30},
        {"name": "Olivenholz", "part": "Griff", "share_percent": 20, "renewable": True},
    ],
    "components": [{"name": "Griff", "replaceable": True, "spare_part_available": False}],
    "supply_chain_steps": [
        {"position": 1, "step_type": "forging", "performed_by": "maker", "city": "Solingen", "country": "de"},
        {
            "position": 2,
            "step_type": "grinding",
            "performed_by": "supplier",
            "supplier_name": "Schleiferei Geheim",
            "supplier_confidential": True,
            "city": "Thiers",
            "country": "FR",
        },
    ],
    "durability": {"warranty_years": 5, "expected_lifetime_years": 25, "resharpenable": True},
    "repairability": {"documentation": "public", "documentation_url": "https://example.org/repair"},
    "spare_parts": [{"name": "Griffschalen", "years_available": 10}],
    "repair_services": [{"service_type": "resharpening", "price_eur": 8}],
    "end_of_life": {"take_back_offered": True, "recyclable_share_percent": 90},
}


@pytest.fixture
def category():
    return CategoryFactory(slug="chefs-knives")


def create(client, body, category):
    return client.post("/api/v1/products/", {**body, "category_slug": category.slug}, format="json")


class TestCreate:
    def test_creates_a_draft_with_every_part(self, maker_api_client, maker, category):
        response = create(maker_api_client, FULL_BODY, category)

        assert response.status_code == 201, response.json()
        product = Product.objects.get(passport_code=response.json()["passport_code"])
        assert product.maker == maker
        assert product.status == Product.Status.DRAFT
        assert product.gtin == "04006381333931"
        assert [m.name for m in product.materials.all()] == ["X50CrMoV15", "Olivenholz"]
        assert product.supply_chain_steps.get(position=1).region == "solingen"
        assert product.supply_chain_steps.get(position=1).country == "DE"
        assert product.durability.warranty_years == Decimal("5")
        assert product.repairability.documentation == "public"
        assert product.end_of_life.recyclable_share_percent == Decimal("90")
        assert product.spare_parts.count() == 1
        assert product.repair_services.count() == 1
        assert product.variants.get().code == "20"
        assert response["Location"].endswith(f"/api/v1/products/{product.passport_code}/")
        assert response["ETag"].startswith('"')

    def test_the_response_shows_what_was_stored(self, maker_api_client, category):
        data = create(maker_api_client, FULL_BODY, category).json()
        assert data["materials"][0]["share_percent"] == 80.0
        assert data["supply_chain_steps"][1]["region"] == "eu"
        assert data["supply_chain_steps"][1]["supplier_name"] == "Schleiferei Geheim"  # the maker sees it
        assert data["durability"]["warranty_years"] == 5.0

    def test_field_type_errors_come_per_field_and_per_item(self, maker_api_client, category):
        body = {
            **FULL_BODY,
            "gtin": "4006381333932",
            "materials": [{"name": "Stahl"}, {"name": "Holz", "share_percent": 150}],
        }
        response = create(maker_api_client, body, category)

        assert response.status_code == 400
        errors = response.json()
        assert errors["gtin"] == ["GTIN check digit should be 1, not 2."]
        assert list(errors["materials"]) == ["1"]
        assert "share_percent" in errors["materials"]["1"]
        assert not Product.objects.exists()

    def test_model_rules_come_per_field_of_each_part(self, maker_api_client, category):
        body = {
            **FULL_BODY,
            "supply_chain_steps": [
                {"step_type": "forging", "performed_by": "maker", "city": "Solingen", "country": "DE"},
                {"step_type": "grinding", "performed_by": "supplier", "city": "Solingen"},
            ],
            "durability": {"resharpenable": False, "resharpening_cycles": 5},
            "repairability": {"documentation": "public"},
        }
        response = create(maker_api_client, body, category)

        assert response.status_code == 400
        errors = response.json()
        assert set(errors["supply_chain_steps"]) == {"1"}
        assert set(errors["supply_chain_steps"]["1"]) == {"supplier_name", "country"}
        assert "resharpening_cycles" in errors["durability"]
        assert "documentation_url" in errors["repairability"]
        assert not Product.objects.exists()
        assert not SupplyChainStep.objects.exists()

    def test_duplicate_gtin_is_reported_on_the_field(self, maker_api_client, category):
        ProductFactory(gtin="04006381333931")
        response = create(maker_api_client, FULL_BODY, category)
        assert response.status_code == 400
        assert list(response.json()) == ["gtin"]

    def test_duplicate_variant_codes(self, maker_api_client, category):
        body = {**FULL_BODY, "variants": [{"code": "20", "name": "a"}, {"code": "20", "name": "b"}]}
        response = create(maker_api_client, body, category)
        assert response.status_code == 400
        assert response.json()["variants"] == {"1": {"code": ["Each variant needs its own code."]}}

    def test_maker_of_another_organisation_is_refused(self, maker_api_client, other_maker, category):
        response = create(maker_api_client, {**FULL_BODY, "maker_slug": other_maker.slug}, category)
        assert response.status_code == 400
        assert "maker_slug" in response.json()

    def test_members_of_several_organisations_name_the_maker(self, maker_membership, category):
        second = MakerMembershipFactory(user=maker_membership.user).organisation
        from tests.api.conftest import token_client

        client = token_client(maker_membership.user)
        assert "maker_slug" in create(client, FULL_BODY, category).json()
        response = create(client, {**FULL_BODY, "maker_slug": second.slug}, category)
        assert response.status_code == 201
        assert Product.objects.get().maker == second

    def test_status_cannot_be_written(self, maker_api_client, category):
        response = create(maker_api_client, {**FULL_BODY, "status": "published"}, category)
        assert response.json()["status"] == "draft"


class TestUpdate:
    def test_a_sent_list_replaces_the_stored_list(self, maker_api_client, maker):
        product = complete_product(maker=maker)
        response = maker_api_client.patch(
            f"/api/v1/products/{product.passport_code}/",
            {"materials": [{"name": "Carbonstahl", "share_percent": 100}]},
            format="json",
            headers={"If-Match": etag_of(maker_api_client, product)},
        )
        assert response.status_code == 200, response.json()
        assert list(product.materials.values_list("name", flat=True)) == ["Carbonstahl"]
        assert product.components.count() == 1  # not sent, so unchanged

    def test_a_sent_section_is_updated_field_by_field(self, maker_api_client, maker):
        product = complete_product(maker=maker)
        maker_api_client.patch(
            f"/api/v1/products/{product.passport_code}/",
            {"durability": {"warranty_years": 10}},
            format="json",
            headers={"If-Match": etag_of(maker_api_client, product)},
        )
        durability = Durability.objects.get(product=product)
        assert durability.warranty_years == Decimal("10")
        assert durability.expected_lifetime_years == 25  # kept

    def test_null_removes_a_section(self, maker_api_client, maker):
        product = complete_product(maker=maker)
        response = maker_api_client.patch(
            f"/api/v1/products/{product.passport_code}/",
            {"repairability": None},
            format="json",
            headers={"If-Match": etag_of(maker_api_client, product)},
        )
        assert response.json()["repairability"] is None
        assert not Repairability.objects.filter(product=product).exists()

    def test_keeping_its_own_gtin_is_no_duplicate(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        response = maker_api_client.put(
            f"/api/v1/products/{product.passport_code}/",
            {"name": "Neu", "category_slug": product.category.slug, "gtin": product.gtin},
            format="json",
            headers={"If-Match": etag_of(maker_api_client, product)},
        )
        assert response.status_code == 200, response.json()

    def test_a_failed_update_changes_nothing(self, maker_api_client, maker):
        product = complete_product(maker=maker)
        response = maker_api_client.patch(
            f"/api/v1/products/{product.passport_code}/",
            {
                "name": "Neu",
                "materials": [{"name": "Stahl"}],
                "repairability": {"documentation": "public", "documentation_url": ""},
            },
            format="json",
            headers={"If-Match": etag_of(maker_api_client, product)},
        )
        assert response.status_code == 400
        product.refresh_from_db()
        assert product.name != "Neu"
        assert product.materials.count() == 2

    def test_the_passport_code_in_the_url_is_read_loosely(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        loose = f"{product.passport_code[:4].lower()}-{product.passport_code[4:].lower()}"
        assert maker_api_client.get(f"/api/v1/products/{loose}/").status_code == 200
        assert maker_api_client.get("/api/v1/products/not-a-code/").status_code == 404


class TestConcurrency:
    def url(self, product):
        return f"/api/v1/products/{product.passport_code}/"

    def test_get_returns_a_strong_etag(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        etag = maker_api_client.get(self.url(product))["ETag"]
        assert etag.startswith('"') and etag.endswith('"')
        assert maker_api_client.get(self.url(product))["ETag"] == etag

    @pytest.mark.parametrize("method", ["put", "patch", "delete"])
    def test_without_if_match_428(self, maker_api_client, maker, method):
        product = ProductFactory(maker=maker, name="Alt")
        response = getattr(maker_api_client, method)(
            self.url(product), {"name": "Neu", "category_slug": product.category.slug}, format="json"
        )
        assert response.status_code == 428
        assert "If-Match" in response.json()["detail"]
        product.refresh_from_db()
        assert product.name == "Alt"

    @pytest.mark.parametrize("method", ["put", "patch", "delete"])
    def test_with_a_stale_etag_412(self, maker_api_client, maker, method):
        product = ProductFactory(maker=maker, name="Alt")
        stale = etag_of(maker_api_client, product)
        # Someone else changes the product in between.
        maker_api_client.patch(self.url(product), {"name": "Zwischendurch"}, format="json", headers={"If-Match": stale})
        response = getattr(maker_api_client, method)(
            self.url(product),
            {"name": "Neu", "category_slug": product.category.slug},
            format="json",
            headers={"If-Match": stale},
        )
        assert response.status_code == 412
        product.refresh_from_db()
        assert product.name == "Zwischendurch"

    def test_a_part_changed_elsewhere_makes_the_etag_stale(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        stale = etag_of(maker_api_client, product)
        MaterialFactory(product=product)  # e.g. added in the workspace; the product row is untouched
        response = maker_api_client.patch(
            self.url(product), {"name": "Neu"}, format="json", headers={"If-Match": stale}
        )
        assert response.status_code == 412

    def test_the_current_etag_is_accepted_and_a_new_one_returned(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        etag = etag_of(maker_api_client, product)
        response = maker_api_client.patch(self.url(product), {"name": "Neu"}, format="json", headers={"If-Match": etag})
        assert response.status_code == 200
        assert response["ETag"] != etag
        assert response["ETag"] == etag_of(maker_api_client, product)

    def test_one_of_several_etags_may_match(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        header = f'"outdated", {etag_of(maker_api_client, product)}'
        response = maker_api_client.patch(
            self.url(product), {"name": "Neu"}, format="json", headers={"If-Match": header}
        )
        assert response.status_code == 200

    def test_a_weak_etag_never_matches(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        weak = "W/" + etag_of(maker_api_client, product)
        response = maker_api_client.patch(self.url(product), {"name": "Neu"}, format="json", headers={"If-Match": weak})
        assert response.status_code == 412

    def test_the_etag_does_not_depend_on_the_language(self, maker_api_client, maker):
        product = ProductFactory(maker=maker)
        german = maker_api_client.get(self.url(product), headers={"Accept-Language": "de"})["ETag"]
        english = maker_api_client.get(self.url(product), headers={"Accept-Language": "en"})["ETag"]
        assert german == english

    def test_the_etag_does_not_depend_on_the_host_name(self, maker_api_client, maker, settings):
        settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
        product = ProductFactory(maker=maker)
        here = maker_api_client.get(self.url(product))
        there = maker_api_client.get(self.url(product), headers={"Host": "api.example.org"})
        assert here.json()["url"] != there.json()["url"]
        assert here["ETag"] == there["ETag"]
        response = maker_api_client.patch(
            self.url(product),
            {"name": "Neu"},
            format="json",
            headers={"If-Match": here["ETag"], "Host": "api.example.org"},
        )
        assert response.status_code == 200


class TestRepresentation:
    def test_live_data_is_only_for_members_and_staff(self, clients, maker):
        product = ProductFactory(maker=maker)
        SupplyChainStepFactory(
            product=product, performed_by="supplier", supplier_name="Geheim GmbH", supplier_confidential=True
        )
        url = f"/api/v1/products/{product.passport_code}/"
        for role in ("maker", "staff"):
            data = clients[role].get(url).json()
            assert data["id"] == product.pk, role
            assert [step["supplier_name"] for step in data["supply_chain_steps"]] == ["Geheim GmbH"], role
        assert clients["anonymous"].get(url).status_code == 401
        for role in ("other_maker", "retailer"):
            assert clients[role].get(url).status_code == 404, role

    def test_score_summary_when_scored(self, clients, maker):
        product = ProductFactory(maker=maker)
        ProductScore.objects.update_or_create(
            product=product,
            defaults={
                "overall": 72.5,
                "grade": "B",
                "durability": 80,
                "repairability": 65,
                "supply_chain": 90,
                "circularity": 55,
                "methodology_version": "1.0",
                "computed_at": timezone.now(),
            },
        )
        data = clients["maker"].get(f"/api/v1/products/{product.passport_code}/").json()
        assert data["score"]["grade"] == "B"
        assert data["score"]["overall"] == 72.5

    def test_missing_sections_are_null(self, clients, maker):
        product = ProductFactory(maker=maker)
        ProductScore.objects.filter(product=product).delete()
        data = clients["maker"].get(f"/api/v1/products/{product.passport_code}/").json()
        assert data["durability"] is None
        assert data["repairability"] is None
        assert data["end_of_life"] is None
        assert data["score"] is None
        assert data["category"]["name"] == {"de": product.category.name_de, "en": product.category.name_en}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


class TestQueryCounts:
    @pytest.mark.parametrize("role", ["maker", "staff"])
    def test_product_list_is_constant(self, clients, maker, other_maker, role):
        def fill(count):
            for index in range(count):
                # Staff see both makers' products; maker A sees its own, so it gets 10 and 100 of them.
                owner = maker if role == "maker" or index % 2 else other_maker
                complete_product(maker=owner)

        fill(10)
        at_10 = count_queries(clients[role], "/api/v1/products/?page_size=100")
        fill(90)
        assert clients[role].get("/api/v1/products/?page_size=100").json()["count"] == 100
        at_100 = count_queries(clients[role], "/api/v1/products/?page_size=100")
        assert at_10 == at_100
        assert at_100 <= 4  # token + memberships + count + page

    def test_filtered_list_is_constant(self, clients, maker):
        parent = CategoryFactory()
        child = CategoryFactory(parent=parent)
        url = f"/api/v1/products/?page_size=100&category={parent.slug}&material=stahl&region=germany&ordering=-score"
        for _ in range(10):
            complete_product(maker=maker, category=child)
        at_10 = count_queries(clients["maker"], url)
        for _ in range(90):
            complete_product(maker=maker, category=child)
        assert count_queries(clients["maker"], url) == at_10

    def test_product_detail_does_not_grow_with_its_parts(self, maker_api_client, maker):
        product = complete_product(maker=maker)
        url = f"/api/v1/products/{product.passport_code}/"
        few = count_queries(maker_api_client, url)
        for index in range(20):
            MaterialFactory(product=product, name=f"Material {index}")
            SupplyChainStepFactory(product=product)
        assert count_queries(maker_api_client, url) == few
        assert few <= 14

    @pytest.mark.parametrize("url", ["/api/v1/makers/?page_size=100", "/api/v1/categories/?page_size=100"])
    def test_maker_and_category_lists_are_constant(self, clients, url):
        for _ in range(10):
            ProductFactory(category=CategoryFactory(parent=CategoryFactory()))
        at_10 = count_queries(clients["anonymous"], url)
        for _ in range(90):
            ProductFactory(category=CategoryFactory(parent=CategoryFactory()))
        assert count_queries(clients["anonymous"], url) == at_10


def test_page_size_is_capped(clients, maker):
    for _ in range(105):
        ProductFactory(maker=maker)
    data = clients["maker"].get("/api/v1/products/?page_size=1000").json()
    assert data["count"] == 105
    assert len(data["results"]) == 100


def test_material_is_counted_once_per_product(clients, maker):
    product = ProductFactory(maker=maker)
    MaterialFactory(product=product, name="Stahl A")
    MaterialFactory(product=product, name="Stahl B")
    data = clients["maker"].get("/api/v1/products/?material=stahl").json()
    assert data["count"] == 1
    assert Material.objects.count() == 2


def test_null_characters_in_slugs_are_refused(maker_api_client, category):
    response = create(maker_api_client, {**FULL_BODY, "maker_slug": "a\x00b"}, category)
    assert response.status_code == 400
    assert "maker_slug" in response.json()
    response = maker_api_client.post("/api/v1/products/", {**FULL_BODY, "category_slug": "x\x00"}, format="json")
    assert response.status_code == 400
    assert "category_slug" in response.json()


def test_list_rows_equal_the_documented_serializer(clients, maker):
    """The list builds its rows directly from values; they must say what ProductListSerializer says."""
    scored = complete_product(maker=maker, price_eur=Decimal("129.90"))
    ProductScore.objects.update_or_create(
        product=scored,
        defaults={
            "overall": 72.5,
            "grade": "B",
            "durability": 80,
            "repairability": 65.25,
            "supply_chain": 90,
            "circularity": 55,
            "methodology_version": "1.0",
            "computed_at": timezone.now(),
        },
    )
    ProductFactory(maker=maker, gtin=None, price_eur=None, model_number="")
    request = Request(APIRequestFactory().get("/api/v1/products/"))
    products = Product.objects.filter(maker=maker).select_related("maker", "category", "score")
    documented = ProductListSerializer(products.order_by("name", "pk"), many=True, context={"request": request}).data
    listed = clients["maker"].get("/api/v1/products/").json()["results"]
    assert listed == json.loads(JSONRenderer().render(documented))
    assert [row["score"] is None for row in listed].count(True) == 1
