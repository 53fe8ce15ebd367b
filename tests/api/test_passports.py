"""Public passports in the API: published data only, versions, publishing, withdrawing and the live score."""

from datetime import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import PassportVersion, ProductScore
from catalogue.passports.services import publish_product, withdraw_product
from catalogue.retailers.selectors import assortment_rows
from catalogue.retailers.services import record_print_job
from catalogue.scores.services import refresh_score, score_details
from products.models import Product
from tests.api.conftest import etag_of
from tests.factories import (
    AssortmentItemFactory,
    CategoryFactory,
    ProductFactory,
    bare_product,
    complete_product,
    published_bare_product,
    republished,
)

PUBLIC_READERS = ["anonymous", "maker", "other_maker", "retailer", "staff"]


def passport_url(product) -> str:
    return f"/api/v1/passports/{product.passport_code}/"


def count_queries(client, url) -> int:
    """Queries of one request with a cold cache, so that every part of the answer is read."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


@pytest.fixture
def knife(maker):
    """A complete product of the maker, published once through the real service."""
    product = complete_product(maker=maker, name="Kochmesser Alt", price_eur=129)
    publish_product(product)
    return product


class TestNothingUnpublishedLeaks:
    def test_an_edit_after_publishing_is_not_public(self, clients, knife):
        owner = clients["maker"]
        response = owner.patch(
            f"/api/v1/products/{knife.passport_code}/",
            {"name": "Kochmesser Neu", "price_eur": 999, "materials": [{"name": "Geheimstahl"}]},
            format="json",
            headers={"If-Match": etag_of(owner, knife)},
        )
        assert response.status_code == 200, response.content
        for role in PUBLIC_READERS:
            client = clients[role]
            for url in (passport_url(knife), "/api/v1/passports/", f"{passport_url(knife)}versions/1/"):
                body = client.get(url).content.decode()
                assert "Kochmesser Alt" in body, (role, url)
                assert "Kochmesser Neu" not in body, (role, url)
                assert "Geheimstahl" not in body, (role, url)
                # The price as a JSON value: a bare "999" also turns up by chance in hashes and times.
                assert '"price_eur":999' not in body, (role, url)
                assert '"price_eur":129' in body, (role, url)
        detail = clients["anonymous"].get(passport_url(knife)).json()
        assert detail["passport"]["product"]["price_eur"] == 129.0
        # Filters answer from the published data too, so they do not reveal the edit either.
        for query, count in (("q=neu", 0), ("q=alt", 1), ("material=geheimstahl", 0), ("material=x50", 1)):
            assert clients["anonymous"].get(f"/api/v1/passports/?{query}").json()["count"] == count, query
        # Only the maker's members (and staff) read the live data, which has the edit.
        assert owner.get(f"/api/v1/products/{knife.passport_code}/").json()["name"] == "Kochmesser Neu"

    def test_live_product_data_answers_401_or_404_to_others(self, clients, knife):
        url = f"/api/v1/products/{knife.passport_code}/"
        assert clients["anonymous"].get(url).status_code == 401
        assert clients["anonymous"].get("/api/v1/products/").status_code == 401
        for role in ("other_maker", "retailer"):
            assert clients[role].get(url).status_code == 404, role
            assert clients[role].get(f"{url}evidence/").status_code == 404, role
            assert clients[role].get(f"{url}score/").status_code == 404, role
            assert clients[role].get("/api/v1/products/").json()["count"] == 0, role

    def test_drafts_are_never_passports(self, clients, maker):
        draft = complete_product(maker=maker)
        for role in PUBLIC_READERS:
            assert clients[role].get(passport_url(draft)).status_code == 404, role
            assert clients[role].get(f"{passport_url(draft)}versions/").status_code == 404, role
            assert clients[role].get("/api/v1/passports/").json()["count"] == 0, role

    def test_a_published_status_without_a_version_is_not_listed(self, clients, maker):
        ProductFactory(maker=maker, status=Product.Status.PUBLISHED)
        assert clients["anonymous"].get("/api/v1/passports/").json()["count"] == 0


class TestList:
    def test_rows_come_from_the_current_snapshot(self, clients, knife):
        republished(knife)  # version 2
        row = clients["anonymous"].get("/api/v1/passports/").json()["results"][0]
        snapshot = PassportVersion.objects.get(product=knife, number=2).snapshot
        assert row["passport_code"] == knife.passport_code
        assert row["name"] == snapshot["product"]["name"]
        assert row["gtin"] == snapshot["product"]["gtin"]
        assert row["version"] == 2
        assert row["maker"] == {"slug": knife.maker.slug, "name": knife.maker.name}
        assert row["category"]["slug"] == knife.category.slug
        assert row["score"]["grade"] == snapshot["score"]["grade"]
        assert row["score"]["overall"] == snapshot["score"]["overall"]
        assert row["score"]["durability"] == snapshot["score"]["subscores"]["durability"]
        assert row["solingen"] == snapshot["score"]["solingen"]["qualifies"]
        assert row["withdrawn"] is False
        assert row["links"]["html"].endswith(f"/p/{knife.passport_code}")
        assert row["links"]["pdf"].endswith(f"/p/{knife.passport_code}/passport.pdf")
        assert row["url"] == f"http://testserver{passport_url(knife)}"

    def test_withdrawn_passports_are_listed_and_marked(self, clients, maker):
        published_bare_product(maker=maker, name="Aktuell")
        gone = published_bare_product(maker=maker, name="Zurückgezogen")
        withdraw_product(gone)
        anonymous = clients["anonymous"]
        rows = anonymous.get("/api/v1/passports/").json()["results"]
        assert [(row["name"], row["withdrawn"], row["status"]) for row in rows] == [
            ("Aktuell", False, "published"),
            ("Zurückgezogen", True, "withdrawn"),
        ]
        assert [row["name"] for row in anonymous.get("/api/v1/passports/?withdrawn=true").json()["results"]] == [
            "Zurückgezogen"
        ]
        assert [row["name"] for row in anonymous.get("/api/v1/passports/?withdrawn=false").json()["results"]] == [
            "Aktuell"
        ]

    def test_the_browse_filters_apply(self, clients, maker, other_maker):
        knives = CategoryFactory(slug="knives")
        scissors = CategoryFactory(slug="scissors")
        published_bare_product(maker=maker, category=knives, name="Messer")
        published_bare_product(maker=other_maker, category=scissors, name="Schere")
        anonymous = clients["anonymous"]

        def names(query):
            response = anonymous.get(f"/api/v1/passports/?{query}")
            assert response.status_code == 200, response.content
            return [row["name"] for row in response.json()["results"]]

        assert names("category=scissors") == ["Schere"]
        assert names(f"maker={maker.slug}") == ["Messer"]
        assert names("q=schere") == ["Schere"]
        assert names("ordering=-name") == ["Schere", "Messer"]
        assert anonymous.get("/api/v1/passports/?category=nope").status_code == 400
        assert anonymous.get("/api/v1/passports/?grade=F").status_code == 400

    def test_page_size_is_capped(self, clients, maker):
        for _ in range(101):
            published_bare_product(maker=maker)
        data = clients["anonymous"].get("/api/v1/passports/?page_size=1000").json()
        assert data["count"] == 101
        assert len(data["results"]) == 100


class TestVersions:
    def test_every_version_newest_first_with_superseded(self, clients, knife):
        republished(knife)
        republished(knife)
        data = clients["anonymous"].get(f"{passport_url(knife)}versions/").json()
        assert [(row["version"], row["superseded"]) for row in data["results"]] == [
            (3, False),
            (2, True),
            (1, True),
        ]
        first = data["results"][2]
        stored = PassportVersion.objects.get(product=knife, number=1)
        assert first["content_hash"] == stored.content_hash
        assert first["methodology_version"] == stored.methodology_version
        assert first["links"]["html"].endswith(f"/p/{knife.passport_code}/v/1")
        assert first["links"]["pdf"].endswith(f"/p/{knife.passport_code}/v/1/passport.pdf")
        assert first["url"].endswith(f"{passport_url(knife)}versions/1/")
        assert "passport" not in first

    def test_one_version_is_its_frozen_snapshot(self, clients, knife):
        republished(knife)
        stored = PassportVersion.objects.get(product=knife, number=1)
        data = clients["anonymous"].get(f"{passport_url(knife)}versions/1/").json()
        assert data["passport"] == stored.snapshot
        assert data["version"] == 1
        assert data["superseded"] is True
        assert data["withdrawn"] is False
        assert datetime.fromisoformat(data["published_at"]) == stored.published_at
        assert data["content_hash"] == stored.content_hash
        assert data["gtin"] == stored.snapshot["product"]["gtin"]

    def test_the_current_version(self, clients, knife):
        republished(knife)
        data = clients["anonymous"].get(passport_url(knife)).json()
        assert data["version"] == 2
        assert data["superseded"] is False
        assert data["passport"] == PassportVersion.objects.get(product=knife, number=2).snapshot

    def test_codes_are_read_loosely_and_unknown_versions_are_404(self, clients, knife):
        code = knife.passport_code
        loose = f"{code[:4].lower()}-{code[4:].lower()}"
        anonymous = clients["anonymous"]
        assert anonymous.get(f"/api/v1/passports/{loose}/").json()["passport_code"] == code
        assert anonymous.get(f"/api/v1/passports/{code}/versions/2/").status_code == 404
        assert anonymous.get(f"/api/v1/passports/{code}/versions/0/").status_code == 404
        assert anonymous.get(f"/api/v1/passports/{code}/versions/{'9' * 30}/").status_code == 404
        assert anonymous.get("/api/v1/passports/NOTACODE/").status_code == 404

    def test_a_withdrawn_passport_stays_readable_and_marked(self, clients, knife):
        withdraw_product(knife)
        data = clients["anonymous"].get(passport_url(knife)).json()
        assert data["withdrawn"] is True
        assert data["status"] == "withdrawn"
        versions = clients["anonymous"].get(f"{passport_url(knife)}versions/").json()["results"]
        assert [row["withdrawn"] for row in versions] == [True]


class TestPublishAndWithdraw:
    def publish(self, client, product, **headers):
        return client.post(f"/api/v1/products/{product.passport_code}/publish/", headers=headers)

    def test_publish_creates_the_next_version(self, clients, maker):
        product = complete_product(maker=maker)
        owner = clients["maker"]
        response = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})
        assert response.status_code == 201, response.content
        data = response.json()
        assert data["version"] == 1
        assert data["passport"]["product"]["passport_code"] == product.passport_code
        assert response["Location"] == data["url"]
        assert clients["anonymous"].get(response["Location"]).json()["passport"] == data["passport"]
        product.refresh_from_db()
        assert product.status == Product.Status.PUBLISHED
        owner.patch(
            f"/api/v1/products/{product.passport_code}/",
            {"name": "Kochmesser, neue Auflage"},
            format="json",
            headers={"If-Match": etag_of(owner, product)},
        )
        again = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})
        assert again.status_code == 201
        assert again.json()["version"] == 2

    def test_publishing_an_unchanged_product_answers_200_with_the_current_version(self, clients, maker, retailer):
        product = complete_product(maker=maker)
        AssortmentItemFactory(retailer=retailer, product=product)
        owner = clients["maker"]
        first = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})
        assert first.status_code == 201
        printed = PassportVersion.objects.get(product=product)
        record_print_job(retailer, [printed], user=None, output_format="passport", language="de")

        again = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})

        assert again.status_code == 200, again.content
        assert again.json() == first.json()
        assert again["Content-Location"] == first["Location"]
        assert not again.has_header("Location")
        assert PassportVersion.objects.filter(product=product).count() == 1
        assert [row.reprint_needed for row in assortment_rows(retailer)] == [False]

    def test_publishing_a_withdrawn_unchanged_product_makes_it_public_again_without_a_new_version(self, clients, maker):
        product = complete_product(maker=maker)
        owner = clients["maker"]
        self.publish(owner, product, **{"If-Match": etag_of(owner, product)})
        withdraw_product(product)

        again = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})

        assert again.status_code == 200
        assert (again.json()["version"], again.json()["withdrawn"]) == (1, False)
        product.refresh_from_db()
        assert product.status == Product.Status.PUBLISHED

    def test_publish_needs_the_current_etag(self, clients, maker):
        product = complete_product(maker=maker)
        owner = clients["maker"]
        assert self.publish(owner, product).status_code == 428
        stale = etag_of(owner, product)
        owner.patch(
            f"/api/v1/products/{product.passport_code}/", {"name": "Neu"}, format="json", headers={"If-Match": stale}
        )
        assert self.publish(owner, product, **{"If-Match": stale}).status_code == 412
        assert not PassportVersion.objects.filter(product=product).exists()

    def test_an_incomplete_product_lists_what_is_missing(self, clients, maker):
        product = ProductFactory(maker=maker, description="")
        owner = clients["maker"]
        response = self.publish(owner, product, **{"If-Match": etag_of(owner, product)})
        assert response.status_code == 400
        data = response.json()
        assert "a description" in data["missing"]
        assert "at least one material" in data["missing"]
        assert "a description" in data["detail"]
        assert not PassportVersion.objects.filter(product=product).exists()

    def test_others_cannot_publish(self, clients, maker):
        product = complete_product(maker=maker)
        etag = etag_of(clients["maker"], product)
        assert self.publish(clients["anonymous"], product, **{"If-Match": etag}).status_code == 401
        for role in ("other_maker", "retailer", "staff"):
            assert self.publish(clients[role], product, **{"If-Match": etag}).status_code == 404, role
        assert not PassportVersion.objects.filter(product=product).exists()

    def test_withdraw(self, clients, knife):
        owner = clients["maker"]
        url = f"/api/v1/products/{knife.passport_code}/withdraw/"
        assert owner.post(url).status_code == 428
        response = owner.post(url, headers={"If-Match": etag_of(owner, knife)})
        assert response.status_code == 200, response.content
        assert response.json()["withdrawn"] is True
        knife.refresh_from_db()
        assert knife.status == Product.Status.WITHDRAWN
        assert clients["anonymous"].get(passport_url(knife)).json()["withdrawn"] is True
        republished = self.publish(owner, knife, **{"If-Match": etag_of(owner, knife)})
        assert republished.json()["withdrawn"] is False

    def test_a_draft_cannot_be_withdrawn(self, clients, maker):
        draft = complete_product(maker=maker)
        owner = clients["maker"]
        response = owner.post(
            f"/api/v1/products/{draft.passport_code}/withdraw/", headers={"If-Match": etag_of(owner, draft)}
        )
        assert response.status_code == 400
        assert response.json()["detail"] == "Only a published passport can be withdrawn."
        draft.refresh_from_db()
        assert draft.status == Product.Status.DRAFT


class TestLiveScore:
    def test_the_maker_sees_criteria_and_ranked_hints(self, clients, maker):
        product = complete_product(maker=maker)
        stored = refresh_score(product)
        data = clients["maker"].get(f"/api/v1/products/{product.passport_code}/score/").json()
        assert data["grade"] == stored.grade
        assert data["computed_at"] == stored.details["computed_at"]
        assert data["subscores"] == stored.details["subscores"]
        assert [criterion["key"] for criterion in data["criteria"]] == [
            criterion["key"] for criterion in stored.details["criteria"]
        ]
        assert all(criterion["points"] <= criterion["max_points"] for criterion in data["criteria"])
        gains = [hint["overall_points"] for hint in data["hints"]]
        assert gains == sorted(gains, reverse=True)
        assert data["outdated"] is False
        assert "qualifies" in data["solingen"]

    def test_a_missing_score_is_computed(self, clients, maker):
        product = complete_product(maker=maker)
        assert not ProductScore.objects.filter(product=product).exists()  # scored after commit, outside tests
        data = clients["maker"].get(f"/api/v1/products/{product.passport_code}/score/").json()
        expected = score_details(product)
        assert (data["overall"], data["grade"]) == (expected["overall"], expected["grade"])
        assert data["criteria"] == expected["criteria"]
        assert not ProductScore.objects.filter(product=product).exists()  # computed for the answer, not stored


class TestListCache:
    def test_a_page_is_served_from_the_cache_until_the_catalogue_changes(self, clients, maker):
        product = bare_product(maker=maker, name="Erstes")
        publish_product(product)
        anonymous = clients["anonymous"]
        anonymous.get("/api/v1/passports/")
        with CaptureQueriesContext(connection) as context:
            first = anonymous.get("/api/v1/passports/").json()
        assert len(context.captured_queries) == 1  # the catalogue's revision
        published_bare_product(maker=maker, name="Zweites")
        second = anonymous.get("/api/v1/passports/").json()
        assert [row["name"] for row in first["results"]] == ["Erstes"]
        assert [row["name"] for row in second["results"]] == ["Erstes", "Zweites"]
        withdraw_product(product)
        assert anonymous.get("/api/v1/passports/").json()["results"][0]["withdrawn"] is True
        republished(product)
        assert anonymous.get("/api/v1/passports/").json()["results"][0]["version"] == 2

    def test_pages_hosts_and_filters_are_cached_apart(self, clients, maker, settings):
        settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
        for name in ("A", "B"):
            published_bare_product(maker=maker, name=name)
        anonymous = clients["anonymous"]
        assert [row["name"] for row in anonymous.get("/api/v1/passports/?page_size=1").json()["results"]] == ["A"]
        second_page = anonymous.get("/api/v1/passports/?page_size=1&page=2").json()["results"]
        assert [row["name"] for row in second_page] == ["B"]
        elsewhere = anonymous.get("/api/v1/passports/?page_size=1", headers={"Host": "api.example.org"}).json()
        assert elsewhere["results"][0]["url"].startswith("http://api.example.org/")


class TestQueryCounts:
    def test_passport_list_is_constant(self, clients, maker, other_maker):
        def fill(count):
            for index in range(count):
                published_bare_product(maker=maker if index % 2 else other_maker)

        fill(10)
        url = "/api/v1/passports/?page_size=100"
        at_10 = count_queries(clients["anonymous"], url)
        fill(90)
        assert clients["anonymous"].get(url).json()["count"] == 100
        assert count_queries(clients["anonymous"], url) == at_10
        assert at_10 <= 5  # revision, count, page, current versions, their snapshot parts

    def test_filtered_passport_list_is_constant(self, clients, maker):
        category = CategoryFactory(parent=CategoryFactory())
        url = f"/api/v1/passports/?page_size=100&category={category.slug}&ordering=-score&q=kochmesser"
        for _ in range(10):
            published_bare_product(maker=maker, category=category, name="Kochmesser")
        at_10 = count_queries(clients["anonymous"], url)
        for _ in range(90):
            published_bare_product(maker=maker, category=category, name="Kochmesser")
        assert clients["anonymous"].get(url).json()["count"] == 100
        assert count_queries(clients["anonymous"], url) == at_10

    def test_version_list_is_constant(self, clients, maker):
        product = published_bare_product(maker=maker)
        url = f"{passport_url(product)}versions/?page_size=100"
        at_1 = count_queries(clients["anonymous"], url)
        for _ in range(20):
            republished(product)
        assert count_queries(clients["anonymous"], url) == at_1
        assert at_1 == 1
