"""Passport list rows and details stored at publication: the same JSON as built from the snapshot, fixed queries."""

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import QuerySet
from django.urls import set_script_prefix
from rest_framework.test import APIClient

from catalogue.models import PassportVersion, PublishedFacets
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import published_bare_product, published_product, republished, showcase_product

LIST = "/api/v1/passports/?page_size=100"


def forget_stored_json() -> None:
    """As for versions published before the texts were stored: the API builds everything from the snapshots."""
    QuerySet.update(PassportVersion.objects.all(), public_detail_json="")
    PublishedFacets.objects.update(list_row="")
    cache.clear()


def answer(client, url: str) -> bytes:
    cache.clear()  # the list's page cache would answer the second read with the first read's bytes
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.content


def row_of(client, product) -> dict:
    rows = json.loads(answer(client, LIST))["results"]
    return next(row for row in rows if row["passport_code"] == product.passport_code)


@pytest.fixture
def catalogue(db, maker, maker_user):
    """Products of every kind: complete, showcase (confidential supplier, Solingen), bare, withdrawn, two versions."""
    complete = published_product(maker_user, maker=maker)
    showcase = showcase_product(maker=maker)
    publish_product(showcase, maker_user)
    bare = published_bare_product(maker_user, maker=maker)
    withdrawn = published_bare_product(maker_user, maker=maker)
    withdraw_product(withdrawn, maker_user)
    twice = published_product(maker_user, maker=maker)
    republished(twice, maker_user)
    return [complete, showcase, bare, withdrawn, twice]


def test_publishing_stores_the_rendered_texts(catalogue):
    for version in PassportVersion.objects.all():
        assert version.public_detail_json.startswith('"gtin":')
    # The list row of the current version, with the browse facets (the version republished has two).
    assert PublishedFacets.objects.count() == len(catalogue)
    for facets in PublishedFacets.objects.select_related("version"):
        assert facets.version.number == facets.product.passport_versions.count()
        assert facets.list_row.startswith('"passport_code_display":')
        assert f'"content_hash":"{facets.version.content_hash}"' in facets.list_row
        assert f'"version":{facets.version.number},' in facets.list_row


def test_the_list_is_the_same_json_as_built_from_the_snapshots(catalogue):
    client = APIClient()
    stored = answer(client, LIST)
    assert len(json.loads(stored)["results"]) == len(catalogue)
    forget_stored_json()
    # The same JSON; on PostgreSQL the snapshot read back from jsonb has its keys in jsonb's order, not the text's.
    assert json.loads(answer(client, LIST)) == json.loads(stored)


def test_the_detail_is_the_same_json_as_built_from_the_snapshots(catalogue):
    client = APIClient()
    for product in catalogue:
        url = f"/api/v1/passports/{product.passport_code}/"
        stored = answer(client, url)
        assert PassportVersion.objects.filter(product=product, public_detail_json="").count() == 0
        QuerySet.update(PassportVersion.objects.filter(product=product), public_detail_json="")
        assert json.loads(answer(client, url)) == json.loads(stored), product
    twice = catalogue[-1]
    detail = json.loads(answer(client, f"/api/v1/passports/{twice.passport_code}/"))
    assert detail["version"] == 2
    assert detail["predecessor"]["url"] == f"http://testserver/api/v1/passports/{twice.passport_code}/versions/1/"


def test_the_urls_follow_the_requests_host(catalogue, settings):
    settings.ALLOWED_HOSTS = ["passports.example.org"]
    client = APIClient(HTTP_HOST="passports.example.org")
    code = catalogue[-1].passport_code
    rows = json.loads(answer(client, LIST))["results"]
    assert all(row["url"].startswith("http://passports.example.org/api/v1/passports/") for row in rows)
    detail = json.loads(answer(client, f"/api/v1/passports/{code}/"))
    assert detail["links"]["html"].startswith("http://passports.example.org/")
    assert detail["predecessor"]["url"].startswith("http://passports.example.org/")


def test_a_withdrawal_shows_in_the_stored_rows(catalogue):
    client = APIClient()
    product = catalogue[0]
    withdraw_product(product)
    row = row_of(client, product)
    assert (row["status"], row["withdrawn"]) == ("withdrawn", True)
    detail = json.loads(answer(client, f"/api/v1/passports/{product.passport_code}/"))
    assert (detail["status"], detail["withdrawn"]) == ("withdrawn", True)


def test_a_redaction_renders_the_stored_texts_again(catalogue, staff_user):
    client = APIClient()
    product = catalogue[0]
    version = PassportVersion.objects.get(product=product)
    description = version.snapshot["product"]["description"]
    redact_version(version, ["product.model_number", "product.description"], "Markenrecht", staff_user)
    row = row_of(client, product)
    assert row["model_number"] is None
    detail = answer(client, f"/api/v1/passports/{product.passport_code}/")
    assert description and description.encode() not in detail
    assert json.loads(detail)["passport"]["redactions"][0]["fields"] == ["product.model_number", "product.description"]


def test_the_command_stores_missing_texts(catalogue):
    client = APIClient()
    before = answer(client, LIST)
    forget_stored_json()
    call_command("store_public_json")
    assert not PublishedFacets.objects.filter(list_row="").exists()
    assert not PassportVersion.objects.filter(public_detail_json="").exists()
    assert answer(client, LIST) == before


@pytest.mark.parametrize("count", [3, 12])
def test_the_list_reads_a_fixed_number_of_queries(db, maker, maker_user, django_assert_num_queries, count):
    for _ in range(count):
        published_bare_product(maker_user, maker=maker)
    client = APIClient()
    cache.clear()
    # The catalogue's revision (page cache key), the count, the page of products with their stored rows.
    with django_assert_num_queries(3):
        response = client.get(LIST)
    assert len(response.json()["results"]) == count
    # Another page of the same filters: its count is kept; no stored row is missing, so nothing is built.
    with django_assert_num_queries(2):
        response = client.get(LIST + "&page=1")
    assert len(response.json()["results"]) == count


def test_the_detail_reads_one_query(catalogue, django_assert_num_queries):
    client = APIClient()
    with django_assert_num_queries(1):
        response = client.get(f"/api/v1/passports/{catalogue[1].passport_code}/")
    assert response.json()["passport"]["product"]["passport_code"] == catalogue[1].passport_code


def test_a_redaction_shows_in_the_kept_list_at_once(catalogue, staff_user):
    client = APIClient()
    product = catalogue[0]
    before = next(row for row in client.get(LIST).json()["results"] if row["passport_code"] == product.passport_code)
    assert before["model_number"] is not None  # "" before, null once redacted
    redact_version(PassportVersion.objects.get(product=product), ["product.model_number"], "Markenrecht", staff_user)
    rows = client.get(LIST).json()["results"]  # no cache.clear(): the list's page cache must not answer
    assert next(row for row in rows if row["passport_code"] == product.passport_code)["model_number"] is None


def test_the_kept_count_follows_publications_and_filters(catalogue, maker, maker_user):
    client = APIClient()
    cache.clear()
    pages = [client.get(f"/api/v1/passports/?page_size=2&page={page}").json() for page in (1, 2)]
    assert [page["count"] for page in pages] == [len(catalogue)] * 2
    current = client.get("/api/v1/passports/?page_size=2&withdrawn=false").json()["count"]
    assert current == len(catalogue) - 1  # a filter has a count of its own
    published_bare_product(maker_user, maker=maker)  # no cache.clear(): the new revision counts again
    assert client.get("/api/v1/passports/?page_size=2&page=3").json()["count"] == len(catalogue) + 1
    assert client.get("/api/v1/passports/?page_size=2&withdrawn=false").json()["count"] == current + 1


def test_the_urls_follow_the_script_prefix(catalogue):
    client = APIClient()
    plain = json.loads(answer(client, LIST))["results"][0]  # the URL templates of the host, kept
    assert plain["url"].startswith("http://testserver/api/v1/passports/")
    # Behind a proxy's path prefix (Django's WSGI handler sets the prefix from SCRIPT_NAME; the test client does not).
    set_script_prefix("/katalog/")
    try:
        row = client.get(LIST, SCRIPT_NAME="/katalog").json()["results"][0]
    finally:
        set_script_prefix("/")
    assert row["url"].startswith("http://testserver/katalog/api/v1/passports/"), row["url"]
    assert row["links"]["html"].startswith("http://testserver/katalog/"), row["links"]


def test_the_unfiltered_list_reads_the_same_pages_as_the_queryset(catalogue, maker, maker_user):
    for _ in range(3):
        published_bare_product(maker_user, maker=maker)
    client = APIClient()
    # Without a filter the page runs SQL compiled once; ordering by name builds the queryset for each page.
    for page in (1, 2, 3):
        plain = json.loads(answer(client, f"/api/v1/passports/?page_size=3&page={page}"))
        by_name = json.loads(answer(client, f"/api/v1/passports/?page_size=3&page={page}&ordering=name"))
        assert plain["results"] == by_name["results"], page
        assert plain["count"] == by_name["count"] == len(catalogue) + 3
    codes = [row["passport_code"] for row in plain["results"]]
    assert len(codes) == 2  # the last page: what LIMIT and OFFSET leave of 8
