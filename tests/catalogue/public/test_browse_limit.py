"""Result lists count and show at most a limit of products; a search then ranks the best-scored matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import PublishedFacets
from catalogue.passports.services import publish_product
from catalogue.public import views
from tests.factories import graded_product, published_bare_product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def names(response) -> list[str]:
    assert response.status_code == 200
    return [card["name"] for card in response.context["cards"]]


@pytest.fixture
def limit_of_five(monkeypatch):
    monkeypatch.setattr(views, "BROWSE_LIMIT", 5)


def test_up_to_the_limit_the_count_is_exact(client, limit_of_five):
    for index in range(5):
        published_bare_product(name=f"Messer {index}")
    response = client.get("/products/")
    assert response.context["page_obj"].paginator.truncated is False
    assert "5 products" in response.content.decode()
    assert "More than" not in response.content.decode()


def test_more_than_the_limit_are_counted_as_more_and_the_list_ends_at_it(client, limit_of_five):
    for index in range(7):
        published_bare_product(name=f"Messer {index}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/products/")
    html = response.content.decode()
    assert "More than 5 products" in html
    assert "The first 5 are listed. Narrow the list with the filters or a search to find the others." in html
    assert names(response) == [f"Messer {index}" for index in range(5)]
    # The count reads no more than one row beyond the limit. (The catalogue's revision, which keys the page
    # cache, counts the withdrawn products; it is not the list's count.)
    sqls = [query["sql"] for query in queries]
    counts = [sql for sql in sqls if "COUNT(" in sql.upper() and "content_hash" not in sql]
    assert counts and all("LIMIT 6" in sql for sql in counts), counts


def test_pages_stop_at_the_limit(client, limit_of_five, monkeypatch):
    monkeypatch.setattr(views, "BROWSE_PAGE_SIZE", 2)
    for index in range(7):
        published_bare_product(name=f"Messer {index}")
    assert names(client.get("/products/", {"page": 3})) == ["Messer 4"]
    page = client.get("/products/", {"page": 4}).context["page_obj"]
    assert (page.number, page.paginator.num_pages) == (3, 3)  # past the end: the last page, as Django's paginator


def test_an_explicit_order_lists_its_first_products(client, limit_of_five):
    for index in range(7):
        published_bare_product(name=f"Messer {index}")
    assert names(client.get("/products/", {"ordering": "-name"})) == [f"Messer {index}" for index in (6, 5, 4, 3, 2)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text ranking")
def test_a_search_with_more_matches_ranks_the_best_scored(client, monkeypatch):
    monkeypatch.setattr(views, "BROWSE_LIMIT", 3)
    named = {
        "A": ("Klinge Alpha", "Ein Messer aus Solingen."),
        "B": ("Klinge Beta", "Ein Messer aus Solingen."),
        "C": ("Messer Classic", "Aus Solingen."),
        "D": ("Klinge Delta", "Ein Messer aus Solingen."),
        "E": ("Messer Extra", "Aus Solingen."),
    }
    for grade, (name, description) in named.items():
        publish_product(graded_product(grade, name=name, description=description))
    overall = dict(PublishedFacets.objects.values_list("name", "overall"))
    best = sorted(overall, key=overall.get, reverse=True)[:3]
    assert sorted(best) == ["Klinge Alpha", "Klinge Beta", "Messer Classic"]
    response = client.get("/products/", {"q": "Messer"})
    # The word in the name ranks above the word in the description; "Messer Extra" is as relevant but scored worst.
    assert names(response) == ["Messer Classic", "Klinge Alpha", "Klinge Beta"]
    html = response.content.decode()
    assert "More than 3 products" in html
    assert "The 3 with the best scores are listed, the most relevant first." in html
    # Sorted by name instead, the first three by name are listed, however they scored.
    assert names(client.get("/products/", {"q": "Messer", "ordering": "name"})) == [
        "Klinge Alpha",
        "Klinge Beta",
        "Klinge Delta",
    ]
