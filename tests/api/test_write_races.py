"""Concurrent writes over HTTP: twenty clients at once create, edit or publish, and none gets a 500.

Each test runs against a real threaded WSGI server whose request threads have their own database connections:
on PostgreSQL the live server on the test database, on SQLite a server in its own process on a SQLite file
(tests/file_database_server.py), because the in-memory test database cannot show SQLite's locking.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from tests.api.http import token_request
from tests.api.test_products import FULL_BODY
from tests.factories import CategoryFactory, MakerMembershipFactory, make_gtin13
from tests.file_database_server import start_server

CLIENTS = 20

# Transactional: the server's request threads must see what the test wrote, and commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def sqlite_file_server(tmp_path_factory):
    process, started = start_server(f"sqlite:///{tmp_path_factory.mktemp('races') / 'races.sqlite3'}")
    yield started
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def server(request, live_server):
    """``{"url", "token", "category"}`` of a threaded server with a maker's token and a category."""
    if connection.vendor == "sqlite":
        return request.getfixturevalue("sqlite_file_server")
    membership = MakerMembershipFactory()
    return {
        "url": live_server.url,
        "token": Token.objects.create(user=membership.user).key,
        "category": CategoryFactory().slug,
    }


def call(server, path: str, **options):
    """One request with the maker's token (tests.api.http.token_request)."""
    return token_request(server["url"] + path, server["token"], **options)


def all_at_once(send) -> list[tuple]:
    """``send()`` from twenty threads released together; answers their (status, headers, body)."""
    barrier = threading.Barrier(CLIENTS)

    def one(_index):
        barrier.wait()
        return send()

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(one, range(CLIENTS)))


def statuses(answers) -> list[int]:
    return sorted(status for status, _headers, _body in answers)


def new_product(server, gtin: str, name: str) -> dict:
    body = {**FULL_BODY, "gtin": gtin, "name": name, "category_slug": server["category"]}
    status, headers, data = call(server, "/api/v1/products/", method="POST", body=body)
    assert status == 201, data
    return {"code": data["passport_code"], "etag": headers["ETag"]}


def version_count(server, code: str) -> int:
    status, _headers, data = call(server, f"/api/v1/passports/{code}/versions/")
    assert status == 200, data
    return data["count"]


def test_twenty_creates_with_one_gtin_make_one_product_and_nineteen_400s_naming_the_gtin(server):
    body = {
        **FULL_BODY,
        "gtin": make_gtin13(900000000),
        "name": "Gleichzeitig angelegt",
        "category_slug": server["category"],
    }

    answers = all_at_once(lambda: call(server, "/api/v1/products/", method="POST", body=body))

    assert statuses(answers) == [201] + [400] * (CLIENTS - 1), [a[2] for a in answers if a[0] not in (201, 400)]
    for status, _headers, data in answers:
        if status == 400:
            assert "gtin" in data, data
    status, _headers, listed = call(server, "/api/v1/products/?page_size=100")
    assert status == 200
    assert [row["name"] for row in listed["results"]].count(body["name"]) == 1


def test_twenty_edits_with_one_etag_make_one_change_and_nineteen_412s(server):
    product = new_product(server, make_gtin13(900000001), "Gleichzeitig bearbeitet")
    path = f"/api/v1/products/{product['code']}/"

    answers = all_at_once(
        lambda: call(server, path, method="PATCH", body={"price_eur": 99.5}, headers={"If-Match": product["etag"]})
    )

    assert statuses(answers) == [200] + [412] * (CLIENTS - 1), [a[2] for a in answers if a[0] not in (200, 412)]


def test_twenty_publishes_with_one_etag_make_one_version_and_nineteen_412s(server):
    product = new_product(server, make_gtin13(900000002), "Gleichzeitig veröffentlicht")
    path = f"/api/v1/products/{product['code']}/publish/"

    answers = all_at_once(lambda: call(server, path, method="POST", headers={"If-Match": product["etag"]}))

    assert statuses(answers) == [201] + [412] * (CLIENTS - 1), [a[2] for a in answers if a[0] not in (201, 412)]
    assert version_count(server, product["code"]) == 1


def test_twenty_publishes_of_an_unchanged_product_make_no_new_version(server):
    product = new_product(server, make_gtin13(900000003), "Unverändert veröffentlicht")
    path = f"/api/v1/products/{product['code']}/publish/"
    status, _headers, first = call(server, path, method="POST", headers={"If-Match": product["etag"]})
    assert status == 201, first

    # "*" passes If-Match whatever the ETag is now, so every publish reaches the publishing service.
    answers = all_at_once(lambda: call(server, path, method="POST", headers={"If-Match": "*"}))

    assert statuses(answers) == [200] * CLIENTS, [a[2] for a in answers if a[0] != 200]
    assert {body["version"] for _status, _headers, body in answers} == {first["version"]}
    assert version_count(server, product["code"]) == 1


def test_twenty_publishes_after_a_change_make_exactly_one_new_version(server):
    product = new_product(server, make_gtin13(900000004), "Einmal geändert")
    code = product["code"]
    status, _headers, _body = call(
        server, f"/api/v1/products/{code}/publish/", method="POST", headers={"If-Match": "*"}
    )
    assert status == 201
    status, _headers, data = call(
        server, f"/api/v1/products/{code}/", method="PATCH", body={"price_eur": 140}, headers={"If-Match": "*"}
    )
    assert status == 200, data

    answers = all_at_once(
        lambda: call(server, f"/api/v1/products/{code}/publish/", method="POST", headers={"If-Match": "*"})
    )

    assert statuses(answers) == [200] * (CLIENTS - 1) + [201], [a[2] for a in answers if a[0] not in (200, 201)]
    assert {body["version"] for _status, _headers, body in answers} == {2}
    assert version_count(server, code) == 2
