"""Browse v2 (issue 16): the filter panel, the home box's fall-through to search and real example codes,
the compare selection in the session (add, remove, a refused fifth), and differences in the comparison."""

import pytest
from django.core.cache import cache

from catalogue.passports.services import withdraw_product
from catalogue.public.compare_selection import selection
from catalogue.public.compare_table import mark_differences
from catalogue.public.home_box import EXAMPLES_CACHE_KEY
from tests.catalogue.public.test_browse import published
from tests.factories import CategoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def add(client, product, follow=False, **headers):
    return client.post(
        "/products/compare/add", {"code": product.passport_code, "next": "/products/?page=2"}, follow=follow, **headers
    )


# ---------- Browse ----------


def test_filters_sit_in_a_closed_panel_and_the_search_field_stays_outside(client):
    published(name="Brotmesser")
    html = client.get("/products/").content.decode()
    panel = html[html.index('id="filters-panel"') - 60 :]
    assert panel.startswith("<details") or "<details" in panel[:80]
    opening = panel[panel.index("<details") : panel.index(">", panel.index("<details"))]
    assert " open" not in opening  # closed in the HTML; browse_filters.js opens it on a wide screen
    assert html.index('name="q"') < html.index('id="filters-panel"') < html.index('name="ordering"')
    assert html.index('id="filters-panel"') < html.index('name="category"')
    assert "js/browse_filters.js" in html


def test_home_box_sends_a_product_name_to_search(client):
    response = client.get("/lookup/", {"code": "Brotmesser"})
    assert response.status_code == 302
    assert response["Location"] == "/products/?q=Brotmesser"
    response = client.get("/lookup/", {"code": "Kochmesser 20 cm"})
    assert response["Location"] == "/products/?q=Kochmesser+20+cm"


def test_home_box_keeps_explaining_a_mistyped_code_or_number(client):
    response = client.get("/lookup/", {"code": "K7QX-2M9"})  # a code missing a character
    assert response.status_code == 400
    assert "should have 8 characters" in response.content.decode()
    assert client.get("/lookup/", {"code": "4006381333932"}).status_code == 400  # a bad check digit


def test_hint_examples_come_from_the_catalogue_and_none_when_empty(client):
    html = client.get("/").content.decode()
    hint = html[html.index('id="lookup-hint"') : html.index("</p>", html.index('id="lookup-hint"'))]
    assert "e.g." not in hint
    cache.delete(EXAMPLES_CACHE_KEY)
    product = published(name="Brotmesser", gtin="04006381333931")
    html = client.get("/").content.decode()
    hint = html[html.index('id="lookup-hint"') : html.index("</p>", html.index('id="lookup-hint"'))]
    assert "4006381333931" in hint
    assert f"{product.passport_code[:4]}\u2011{product.passport_code[4:]}" in hint
    # The examples are cached: a withdrawn product stays in the hint until the cache expires (10 minutes).
    withdraw_product(product)
    assert "4006381333931" in client.get("/").content.decode()


# ---------- The compare selection ----------


def test_the_selection_is_kept_in_the_session_across_result_pages(client):
    first, second = published(name="Messer A"), published(name="Messer B")
    response = add(client, first)
    assert response.status_code == 302 and response["Location"] == "/products/?page=2"
    add(client, second)
    html = client.get("/products/", {"page": 1}).content.decode()
    tray = html[html.index('id="compare-tray"') :]
    assert "Messer A" in tray and "Messer B" in tray
    assert 'href="/products/compare/"' in tray  # two chosen: compare now
    response = client.get("/products/compare/")
    assert response.status_code == 200
    assert [page["product"]["name"] for page in response.context["pages"]] == ["Messer A", "Messer B"]


def test_a_fifth_choice_is_explained_and_the_four_stay(client):
    products = [published(name=f"Messer {index}") for index in range(5)]
    for product in products[:4]:
        add(client, product)
    response = add(client, products[4], follow=True)
    html = response.content.decode()
    assert "At most 4 products can be compared; remove one first." in html
    assert client.session["compare_codes"] == [product.passport_code for product in products[:4]]
    # With JavaScript: the same refusal as JSON, with the bar to show.
    answer = add(client, products[4], HTTP_ACCEPT="application/json")
    assert answer.status_code == 409
    assert answer.json()["error"] is True
    assert answer.json()["codes"] == [product.passport_code for product in products[:4]]
    assert 'id="compare-tray"' in answer.json()["bar"]


def test_remove_and_clear_and_an_unknown_code(client):
    first, second = published(name="Messer A"), published(name="Messer B")
    add(client, first)
    add(client, second)
    client.post("/products/compare/remove", {"code": first.passport_code, "next": "/products/"})
    assert client.session["compare_codes"] == [second.passport_code]
    client.post("/products/compare/clear", {"next": "https://evil.example/"})
    assert client.session["compare_codes"] == []
    response = client.post("/products/compare/add", {"code": "NOTACODE", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/products/"  # never off the site
    assert client.get("/products/compare/add").status_code == 405


def test_a_card_offers_add_or_remove_and_the_bar_lists_in_one_query(client, django_assert_num_queries):
    first, second = published(name="Messer A"), published(name="Messer B")
    add(client, first)
    html = client.get("/products/").content.decode()
    card_a = html[html.index('id="card-' + first.passport_code) :]
    card_a = card_a[: card_a.index("</article>")]
    assert 'action="/products/compare/remove"' in card_a and "Remove from comparison" in card_a
    card_b = html[html.index('id="card-' + second.passport_code) :]
    assert 'action="/products/compare/add"' in card_b[: card_b.index("</article>")]
    request = client.get("/products/").wsgi_request
    with django_assert_num_queries(1):
        assert [item["name"] for item in selection(request)] == ["Messer A"]


# ---------- The comparison ----------


def test_rows_that_differ_are_marked_with_a_class_and_a_sign(client):
    category = CategoryFactory()
    first = published(name="Messer A", materials=("X50CrMoV15",), category=category)
    second = published(name="Messer B", materials=("Olivenholz",), category=category)
    html = client.get("/products/compare/", {"p": [first.passport_code, second.passport_code]}).content.decode()
    table = html[html.index("compare-table") :]
    materials_row = table[: table.index("Olivenholz")]
    materials_row = materials_row[materials_row.rindex("<tr") :]
    assert 'class="differs"' in materials_row and "≠" in materials_row
    maker_rows = [row for row in table.split("<tr")[1:] if "Category" in row[:200]]
    assert maker_rows and 'class="differs"' not in maker_rows[0]  # the same category: not marked
    assert 'tabindex="0"' in html[html.index("compare-wrap") - 40 : html.index("compare-wrap") + 80]


def test_mark_differences_compares_cells_exactly():
    rows = mark_differences([{"label": "a", "cells": ["1", "1"]}, {"label": "b", "cells": ["1", None]}])
    assert [row["differs"] for row in rows] == [False, True]


def test_shared_links_still_compare_the_codes_in_the_address(client):
    first, second, third = (published(name=f"Messer {letter}") for letter in "ABC")
    add(client, third)
    response = client.get("/products/compare/", {"p": [first.passport_code, second.passport_code]})
    assert [page["product"]["name"] for page in response.context["pages"]] == ["Messer A", "Messer B"]
