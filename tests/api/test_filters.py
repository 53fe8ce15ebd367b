"""The product FilterSet shared by the API and the HTML browse pages: facets, search and ordering."""

from decimal import Decimal

import pytest

from catalogue.passports.services import withdraw_product
from catalogue.public.filters import ProductFilterSet
from catalogue.scores.services import refresh_score
from products.models import Product
from tests.factories import (
    CategoryFactory,
    MaterialFactory,
    ProductFactory,
    SupplyChainStepFactory,
    bare_product,
    graded_product,
    published_bare_product,
)


def scored(grade, **kwargs) -> float:
    """A product whose data earn ``grade``; its live overall score, computed by the real scoring service."""
    return refresh_score(graded_product(grade, **kwargs)).overall


# Most tests read as staff, who see the live data of every maker's products in any status.
def names(client, query) -> list[str]:
    response = client.get(f"/api/v1/products/?{query}")
    assert response.status_code == 200, response.json()
    return [row["name"] for row in response.json()["results"]]


def test_category_includes_subcategories(staff_api_client):
    knives = CategoryFactory(slug="knives")
    chefs = CategoryFactory(slug="chefs-knives", parent=knives)
    small = CategoryFactory(slug="small-chefs-knives", parent=chefs)
    scissors = CategoryFactory(slug="scissors")
    ProductFactory(name="Messer", category=knives)
    ProductFactory(name="Kochmesser", category=chefs)
    ProductFactory(name="Kleines Kochmesser", category=small)
    ProductFactory(name="Schere", category=scissors)

    assert sorted(names(staff_api_client, "category=knives")) == ["Kleines Kochmesser", "Kochmesser", "Messer"]
    assert sorted(names(staff_api_client, "category=chefs-knives")) == ["Kleines Kochmesser", "Kochmesser"]
    assert names(staff_api_client, "category=scissors") == ["Schere"]


def test_unknown_category_is_a_clear_400(staff_api_client):
    response = staff_api_client.get("/api/v1/products/?category=nope")
    assert response.status_code == 400
    assert "category" in response.json()


def test_maker_grade_and_min_score(staff_api_client, maker, other_maker):
    scores = {
        "A-Messer": scored("A", name="A-Messer", maker=maker),
        "C-Messer": scored("C", name="C-Messer", maker=maker),
        "B-Schere": scored("B", name="B-Schere", maker=other_maker),
    }
    ProductFactory(name="Ohne Score", maker=other_maker)
    assert scores["A-Messer"] > scores["B-Schere"] >= 65 > scores["C-Messer"]

    assert sorted(names(staff_api_client, f"maker={maker.slug}")) == ["A-Messer", "C-Messer"]
    assert sorted(names(staff_api_client, "grade=A&grade=B")) == ["A-Messer", "B-Schere"]
    assert sorted(names(staff_api_client, "min_score=65")) == ["A-Messer", "B-Schere"]
    assert names(staff_api_client, f"min_score={scores['B-Schere']}") == ["A-Messer", "B-Schere"]
    assert staff_api_client.get("/api/v1/products/?min_score=viel").status_code == 400
    assert staff_api_client.get("/api/v1/products/?grade=F").status_code == 400


def test_material_name(staff_api_client):
    olive = ProductFactory(name="Olive")
    MaterialFactory(product=olive, name="Olivenholz")
    steel = ProductFactory(name="Stahl")
    MaterialFactory(product=steel, name="X50CrMoV15")
    assert names(staff_api_client, "material=oliven") == ["Olive"]
    assert names(staff_api_client, "material=x50") == ["Stahl"]


def test_region_means_every_step_in_it_or_nearer(staff_api_client):
    solingen = ProductFactory(name="Solingen")
    SupplyChainStepFactory(product=solingen, city="Solingen", postcode="42651", country="DE")
    bergisch = ProductFactory(name="Bergisch")
    SupplyChainStepFactory(product=bergisch, city="Solingen", postcode="42651", country="DE")
    SupplyChainStepFactory(product=bergisch, city="Wuppertal", postcode="42103", country="DE")
    world = ProductFactory(name="Welt")
    SupplyChainStepFactory(product=world, city="Solingen", postcode="42651", country="DE")
    SupplyChainStepFactory(product=world, city="Shenzhen", postcode="", country="CN")
    undisclosed = ProductFactory(name="Unbekannt")
    SupplyChainStepFactory(product=undisclosed, city="", postcode="", country="")
    ProductFactory(name="Ohne Schritte")

    assert names(staff_api_client, "region=solingen") == ["Solingen"]
    assert sorted(names(staff_api_client, "region=bergisch")) == ["Bergisch", "Solingen"]
    assert sorted(names(staff_api_client, "region=world")) == ["Bergisch", "Solingen", "Welt"]


def test_made_in_solingen_reads_the_verdict_of_the_stored_score(staff_api_client):
    # The factories' category needs forging or stamping, hardening, grinding and assembly (methodology 1.1).
    local = ProductFactory(name="Solinger")
    for step_type in ("stamping", "hardening", "grinding", "assembly"):
        SupplyChainStepFactory(product=local, step_type=step_type)
    # Raw material and packaging are never essential stages under SolingenV § 1.
    SupplyChainStepFactory(product=local, step_type="raw_material", city="Duisburg", postcode="47051")
    ground_elsewhere = ProductFactory(name="Auswärts geschliffen")
    for step_type in ("forging", "hardening", "assembly"):
        SupplyChainStepFactory(product=ground_elsewhere, step_type=step_type)
    SupplyChainStepFactory(product=ground_elsewhere, step_type="grinding", city="Thiers", postcode="", country="FR")
    only_ground = ProductFactory(name="Nur geschliffen")
    SupplyChainStepFactory(product=only_ground, step_type="grinding")
    ProductFactory(name="Ohne Schritte")
    for product in Product.objects.all():
        refresh_score(product)

    assert names(staff_api_client, "solingen=true") == ["Solinger"]
    assert sorted(names(staff_api_client, "solingen=false")) == [
        "Auswärts geschliffen",
        "Nur geschliffen",
        "Ohne Schritte",
    ]


def test_search_by_words_gtin_and_passport_code(staff_api_client, maker):
    knife = ProductFactory(name="Kochmesser Olive", maker=maker, model_number="KM-20", gtin="04006381333931")
    ProductFactory(name="Schere", description="Aus Stahl")
    assert names(staff_api_client, "q=kochmesser olive") == ["Kochmesser Olive"]
    assert names(staff_api_client, "q=stahl") == ["Schere"]
    assert names(staff_api_client, "q=4006381333931") == ["Kochmesser Olive"]
    assert names(staff_api_client, "q=400-6381-333931") == ["Kochmesser Olive"]
    loose = f"{knife.passport_code[:4].lower()}-{knife.passport_code[4:]}"
    assert names(staff_api_client, f"q={loose}") == ["Kochmesser Olive"]
    assert names(staff_api_client, "q=km-20") == ["Kochmesser Olive"]


def test_ordering_is_stable_and_documented(staff_api_client):
    for index, price in enumerate(["30", "10", "20", "10"]):
        ProductFactory(name=f"Produkt {index}", price_eur=Decimal(price))
    # Equal prices fall back to creation order, in either direction.
    assert names(staff_api_client, "ordering=price") == ["Produkt 1", "Produkt 3", "Produkt 2", "Produkt 0"]
    assert names(staff_api_client, "ordering=-price") == ["Produkt 0", "Produkt 2", "Produkt 1", "Produkt 3"]
    assert names(staff_api_client, "ordering=-name") == ["Produkt 3", "Produkt 2", "Produkt 1", "Produkt 0"]
    assert staff_api_client.get("/api/v1/products/?ordering=secret_field").status_code == 400


def test_status_of_your_own_products(maker_api_client, maker):
    ProductFactory(name="Entwurf", maker=maker)
    published_bare_product(name="Veröffentlicht", maker=maker)
    withdraw_product(published_bare_product(name="Zurückgezogen", maker=maker))
    owner = maker_api_client
    assert names(owner, "status=draft") == ["Entwurf"]
    assert names(owner, "status=published") == ["Veröffentlicht"]
    assert names(owner, "status=withdrawn") == ["Zurückgezogen"]
    assert owner.get("/api/v1/products/?status=deleted").status_code == 400


def test_filterset_works_on_its_own_for_html_pages(db):
    """The browse pages pass a queryset and GET data; no DRF is involved."""
    published_bare_product(name="Messer")
    scissors = published_bare_product(name="Schere")
    bare_product(name="Schere im Entwurf")
    filterset = ProductFilterSet(data={"q": "schere"}, queryset=Product.objects.filter(status="published"))
    assert filterset.is_valid()
    assert list(filterset.qs) == [scissors]
    assert "category" in filterset.form.fields


@pytest.mark.parametrize(
    ("url", "anonymous", "staff"),
    [
        # Live product data needs a sign-in first, so anonymous requests stop at 401 there.
        ("/api/v1/products/?category=a%00b", 401, 400),
        ("/api/v1/products/?maker=a%00b", 401, 400),
        ("/api/v1/products/?q=a%00b", 401, 400),
        ("/api/v1/products/?material=a%00b", 401, 400),
        ("/api/v1/makers/?search=a%00b", 400, 400),
        ("/api/v1/categories/?search=%00", 400, 400),
        ("/api/v1/makers/a%00b/", 404, 404),
        ("/api/v1/categories/a%00b/", 404, 404),
        ("/api/v1/products/ABCD%00EFG/", 401, 404),
        ("/api/v1/products/ABCD%00EFG/evidence/", 404, 404),
        ("/api/v1/passports/?q=a%00b", 400, 400),
        ("/api/v1/passports/?category=a%00b", 400, 400),
        ("/api/v1/passports/ABCD%00EFG/", 404, 404),
        ("/api/v1/passports/ABCD%00EFG/versions/", 404, 404),
        ("/api/v1/lookup?code=a%00b", 400, 400),
    ],
)
def test_null_characters_are_refused_before_the_database(clients, url, anonymous, staff):
    """PostgreSQL answers text with NUL characters with an error, which must never become a 500."""
    assert clients["anonymous"].get(url).status_code == anonymous
    assert clients["staff"].get(url).status_code == staff
