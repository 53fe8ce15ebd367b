"""Browse and search, comparison and the maker directory: published passports only."""

import pytest
from django.core.cache import cache
from django.db import connection

from catalogue.models import ProductScore, PublishedFacets
from catalogue.passports.facets import refresh_search_documents
from catalogue.passports.services import publish_product, withdraw_product
from catalogue.public.search import search_products, uses_full_text
from catalogue.scores.services import refresh_score
from products.models import Product
from tests.factories import (
    CategoryFactory,
    MakerOrganisationFactory,
    MaterialFactory,
    ProductFactory,
    SupplyChainStepFactory,
    add_best_practice,
    complete_product,
    graded_product,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SOLINGEN = ("Solingen", "42651", "DE")
THIERS = ("Thiers", "63300", "FR")
UNDISCLOSED = ("", "", "")


def published(grade=None, materials=("X50CrMoV15",), steps=(("forging", SOLINGEN),), **kwargs) -> Product:
    """A product built from factories and published through the real service (its live data may differ later).

    With ``grade``, its data earn that grade; otherwise it has the given materials and (step type, place) steps.
    """
    if grade is not None:
        product = graded_product(grade, **kwargs)
    else:
        product = ProductFactory(**kwargs)
        for name in materials:
            MaterialFactory(product=product, name=name)
        for position, (step_type, (city, postcode, country)) in enumerate(steps):
            SupplyChainStepFactory(
                product=product, position=position, step_type=step_type, city=city, postcode=postcode, country=country
            )
    publish_product(product)
    return product


def names(response) -> list[str]:
    return [card["name"] for card in response.context["cards"]]


def test_lists_published_products_only(client):
    shown = published(name="Brotmesser")
    ProductFactory(name="Entwurf")  # draft
    gone = published(name="Zurückgezogen")
    withdraw_product(gone)
    response = client.get("/products/")
    assert response.status_code == 200
    assert names(response) == [shown.name]
    assert "Entwurf" not in response.content.decode()


def test_cards_show_the_published_snapshot(client):
    product = published(name="Brotmesser")
    product.name = "Neuer Entwurfsname"
    product.save()
    html = client.get("/products/").content.decode()
    assert "Brotmesser" in html and "Neuer Entwurfsname" not in html
    assert f'href="/p/{product.passport_code}"' in html


def test_filter_by_category_and_maker(client):
    knives = CategoryFactory(slug="knives")
    maker = MakerOrganisationFactory(slug="wupperhof")
    match = published(category=knives, maker=maker, name="Passend")
    published(category=knives, name="Anderer Hersteller")
    published(maker=maker, name="Andere Kategorie")
    response = client.get("/products/", {"category": "knives", "maker": "wupperhof"})
    assert names(response) == [match.name]


def test_a_parent_category_lists_its_subcategories(client):
    blades = CategoryFactory(slug="blades")
    bread = published(category=CategoryFactory(slug="bread-knives", parent=blades), name="Brotmesser")
    chef = published(category=CategoryFactory(slug="chefs-knives", parent=blades), name="Kochmesser")
    published(name="Schere")
    response = client.get("/products/", {"category": "blades"})
    assert response.status_code == 200
    assert sorted(names(response)) == sorted([bread.name, chef.name])


def test_filter_by_grade_and_minimum_score(client):
    alpha = published(grade="A", name="Alpha")
    beta = published(grade="B", name="Beta")
    delta = published(grade="D", name="Delta")
    overall = {
        product.name: product.passport_versions.get().snapshot["score"]["overall"] for product in (alpha, beta, delta)
    }
    assert overall["Alpha"] > overall["Beta"] >= 65 > 50 > overall["Delta"]
    assert names(client.get("/products/", {"grade": ["A", "D"]})) == ["Alpha", "Delta"]
    assert names(client.get("/products/", {"grade": "B"})) == ["Beta"]
    assert names(client.get("/products/", {"min_score": "65"})) == ["Alpha", "Beta"]
    assert names(client.get("/products/", {"min_score": str(overall["Alpha"])})) == ["Alpha"]


def test_filter_by_material(client):
    published(name="Olive", materials=["Olivenholz", "X50CrMoV15"])
    published(name="Plain", materials=["POM-Kunststoff"])
    assert names(client.get("/products/", {"material": "oliven"})) == ["Olive"]


def test_filter_made_in_solingen_and_by_region(client):
    # The factories' category needs forging or stamping, hardening, grinding and assembly (methodology 1.1).
    stages = [("forging", SOLINGEN), ("hardening", SOLINGEN), ("assembly", SOLINGEN)]
    published(name="Lokal", steps=[*stages, ("grinding", SOLINGEN)])
    published(name="Ausland", steps=[*stages, ("grinding", THIERS)])
    published(name="Verschwiegen", steps=[*stages, ("grinding", UNDISCLOSED)])
    published(name="Nur geschliffen", steps=[("grinding", SOLINGEN)])  # the other stages not disclosed
    assert names(client.get("/products/", {"solingen": "true"})) == ["Lokal"]
    assert names(client.get("/products/", {"solingen": "false"})) == ["Ausland", "Nur geschliffen", "Verschwiegen"]
    assert names(client.get("/products/", {"region": "solingen"})) == ["Lokal", "Nur geschliffen"]
    assert names(client.get("/products/", {"region": "eu"})) == ["Ausland", "Lokal", "Nur geschliffen"]


def test_search_finds_words_maker_and_gtin(client):
    maker = MakerOrganisationFactory(name="Klingenschmiede Wupperhof")
    knife = published(name="Kochmesser Damast", maker=maker, gtin="04006381333931")
    scissors = CategoryFactory(name_de="Scheren", name_en="Scissors")
    published(name="Nagelschere", description="Feine Schere für die Nagelpflege.", category=scissors)
    assert names(client.get("/products/", {"q": "messer"})) == [knife.name]
    assert names(client.get("/products/", {"q": "wupperhof damast"})) == [knife.name]
    assert names(client.get("/products/", {"q": "4006381333931"})) == [knife.name]
    assert names(client.get("/products/", {"q": "gibtsnicht"})) == []


def test_facets_and_search_read_the_published_snapshot_not_live_data(client):
    product = published(name="Veröffentlicht", grade="B")  # with olive wood among its materials
    # Unpublished edits: a new material, a better live score and a new name.
    MaterialFactory(product=product, name="Geheimlegierung")
    add_best_practice(product)
    assert refresh_score(product).grade == "A"
    Product.objects.filter(pk=product.pk).update(name="Entwurfsname")
    assert names(client.get("/products/", {"material": "geheim"})) == []
    assert names(client.get("/products/", {"material": "oliven"})) == ["Veröffentlicht"]
    assert names(client.get("/products/", {"grade": "A"})) == []
    assert names(client.get("/products/", {"grade": "B"})) == ["Veröffentlicht"]
    assert names(client.get("/products/", {"q": "Entwurfsname"})) == []
    assert names(client.get("/products/", {"q": "veröffentlicht"})) == ["Veröffentlicht"]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback is for databases without full text")
def test_search_uses_the_fallback_on_sqlite():
    knife = published(name="Kochmesser")
    queryset = Product.objects.all()
    assert not uses_full_text(queryset)
    assert list(search_products(queryset, "KOCH")) == [knife]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_full_text_search_stems_words_and_ranks_on_postgresql(client):
    knife = published(name="Brotmesser Bäckerstolz", materials=["Olivenholz"])
    clippers = CategoryFactory(name_de="Nagelknipser", name_en="Nail clippers")
    published(name="Nagelknipser", materials=["Messing"], category=clippers, description="Aus Messing.")
    assert uses_full_text(Product.objects.all())
    # Whole-word stemming finds "Bäckerstolzes"; fragments come from word matching.
    assert names(client.get("/products/", {"q": "Bäckerstolzes"})) == [knife.name]
    assert names(client.get("/products/", {"q": "messer"})) == [knife.name]  # not the brass clipper


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_search_reads_the_stored_document_and_its_indexes_on_postgresql(client):
    knife = published(name="Brotmesser Bäckerstolz")
    facets = PublishedFacets.objects.filter(product=knife)
    assert "'backerstolz':2A" in str(facets.values_list("search_document", flat=True).get())
    # Stemmed whole words come from the stored document alone: without it only fragments match.
    facets.update(search_document=None)
    assert names(client.get("/products/", {"q": "Bäckerstolzes"})) == []
    refresh_search_documents(facets)
    cache.clear()  # the documents changed behind the catalogue's revision, which keys the kept pages
    assert names(client.get("/products/", {"q": "Bäckerstolzes"})) == [knife.name]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'catalogue_publishedfacets'")
        indexes = " ".join(row[0] for row in cursor.fetchall())
    assert "USING gin (search_document)" in indexes
    assert "USING gin (upper(search_text) gin_trgm_ops)" in indexes


def test_sorting_and_pagination(client):
    for index in range(30):
        # More recycled steel, a better score: the scores rise with the index.
        product = complete_product(name=f"Messer {index:02d}")
        product.materials.filter(name="X50CrMoV15").update(recycled_content_percent=2 * index)
        publish_product(product)
    scores = list(ProductScore.objects.order_by("product__name").values_list("overall", flat=True))
    assert scores == sorted(set(scores)) and len(scores) == 30
    first = client.get("/products/", {"ordering": "-score"})
    assert names(first)[:2] == ["Messer 29", "Messer 28"]
    assert len(names(first)) == 24
    second = client.get("/products/", {"ordering": "-score", "page": 2})
    assert names(second) == [f"Messer {index:02d}" for index in range(5, -1, -1)]
    assert "ordering=-score&amp;page=1" in second.content.decode()


def test_invalid_filter_is_400_with_a_message(client):
    published()
    response = client.get("/products/", {"min_score": "viel"})
    assert response.status_code == 400
    assert "Minimum score" in response.content.decode()


def test_draft_only_makers_are_not_offered(client):
    hidden = MakerOrganisationFactory(name="Geheime Manufaktur")
    ProductFactory(maker=hidden)
    published()
    html = client.get("/products/").content.decode()
    assert "Geheime Manufaktur" not in html
    assert client.get("/products/", {"maker": hidden.slug}).status_code == 400


def test_browse_query_count_does_not_grow(client, django_assert_max_num_queries):
    for _index in range(3):
        published()
    with django_assert_max_num_queries(8) as small:
        client.get("/products/")
    for _index in range(12):
        published()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/products/")


# ---------- Compare ----------


def test_compare_two_to_four_products(client, django_assert_max_num_queries):
    products = [published(name=f"Messer {index}") for index in range(4)]
    codes = [product.passport_code for product in products]
    with django_assert_max_num_queries(4):
        response = client.get("/products/compare/", {"p": codes})
    html = response.content.decode()
    assert response.status_code == 200
    for product in products:
        assert f'href="/p/{product.passport_code}">{product.name}</a>' in html
    assert "Durability" in html and "Solingen designation" in html


def test_compare_refuses_one_or_five(client):
    products = [published() for _index in range(5)]
    codes = [product.passport_code for product in products]
    for chosen in (codes[:1], codes):
        response = client.get("/products/compare/", {"p": chosen})
        assert response.status_code == 400
        assert "Choose between 2 and 4 products to compare." in response.content.decode()
        assert products[0].name not in response.content.decode()
    assert client.get("/products/compare/", {"p": codes[:2]}).status_code == 200


def test_compare_unknown_or_draft_is_404(client):
    product = published()
    draft = ProductFactory(name="Geheimer Entwurf")
    response = client.get("/products/compare/", {"p": [product.passport_code, draft.passport_code]})
    assert response.status_code == 404
    html = response.content.decode()
    assert f"No published passport has the code {draft.passport_code}." in html
    assert "Geheimer Entwurf" not in html


# ---------- Makers ----------


def test_maker_directory_lists_makers_with_passports(client):
    shown = published().maker
    hidden = ProductFactory().maker
    html = client.get("/makers/").content.decode()
    assert shown.name in html and hidden.name not in html
    assert f'href="/makers/{shown.slug}/"' in html


def test_maker_page_lists_its_passports(client):
    product = published(name="Brotmesser")
    response = client.get(f"/makers/{product.maker.slug}/")
    assert response.status_code == 200
    assert names(response) == ["Brotmesser"]


def test_maker_without_passports_is_404(client):
    draft = ProductFactory(name="Geheimer Entwurf")
    response = client.get(f"/makers/{draft.maker.slug}/")
    assert response.status_code == 404
    assert "Geheimer Entwurf" not in response.content.decode()


def test_the_filter_offers_only_makers_and_categories_with_current_passports(client):
    knives = CategoryFactory(slug="messer", name_en="Knives")
    chef = CategoryFactory(slug="kochmesser", name_en="Chef's knives", parent=knives)
    razors = CategoryFactory(slug="rasiermesser", name_en="Razors")
    CategoryFactory(slug="leer", name_en="Empty")
    shown = published(category=chef, maker=MakerOrganisationFactory(name="Zeigt"))
    gone = published(category=razors, maker=MakerOrganisationFactory(name="Zurückgezogen"))
    withdraw_product(gone)
    ProductFactory(maker=MakerOrganisationFactory(name="Nur Entwurf"))
    form = client.get("/products/").context["filterset"].form
    assert [maker.name for maker in form.fields["maker"].queryset] == [shown.maker.name]
    assert sorted(category.slug for category in form.fields["category"].queryset) == ["kochmesser", "messer"]


def test_filtering_by_grades_needs_no_distinct(client):
    best = published(grade="A")
    published(grade="C")
    response = client.get("/products/", {"grade": ["A", "B"], "category": best.category.slug})
    assert names(response) == [best.name]
    # A product has one facets row, so DISTINCT would only make PostgreSQL sort every match to count them.
    assert "DISTINCT" not in str(response.context["filterset"].qs.query)
