"""The workspace product list: search, filters, sorting, the grade column, pagination, exporting a selection."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from catalogue.scores.services import refresh_score
from products import views
from products.models import Product
from products.xlsx_workbooks import PRODUCTS_SHEET
from tests.factories import CategoryFactory, MakerMembershipFactory, ProductFactory, graded_product

URL = reverse("products:workspace")
# Session, user and memberships; the categories for the filter; the count and the page of products (grade joined
# in); the republish notices (two).
LIST_QUERIES = 8


def listed(client, **query) -> list[str]:
    response = client.get(URL, query)
    assert response.status_code == 200
    return [product.name for product in response.context["products"]]


@pytest.fixture(autouse=True)
def _english(english):
    """Labels are asserted as their English msgids."""


class TestSearch:
    def test_by_name_model_number_gtin_and_passport_code(self, maker_client, maker):
        knife = ProductFactory(maker=maker, name="Kochmesser", model_number="KM-20", gtin="04006381333931")
        ProductFactory(maker=maker, name="Brotmesser", model_number="BM-1")

        assert listed(maker_client, q="koch") == ["Kochmesser"]
        assert listed(maker_client, q="km-2") == ["Kochmesser"]
        assert listed(maker_client, q="400 6381 333931") == ["Kochmesser"]
        assert listed(maker_client, q=knife.passport_code_display.lower()) == ["Kochmesser"]
        assert set(listed(maker_client, q="messer")) == {"Brotmesser", "Kochmesser"}

    def test_another_organisations_products_are_never_found(self, maker_client, maker, other_maker):
        theirs = ProductFactory(maker=other_maker, name="Fremdes Messer")
        assert listed(maker_client, q="Fremdes") == []
        assert listed(maker_client, q=theirs.passport_code) == []


class TestFilters:
    def test_status_category_and_unpublished_changes(self, maker_client, maker, maker_user):
        knives, scissors = CategoryFactory(), CategoryFactory()
        ProductFactory(maker=maker, name="Entwurf", category=knives)
        published = ProductFactory(maker=maker, name="Veröffentlicht", category=scissors)
        Product.objects.filter(pk=published.pk).update(status=Product.Status.PUBLISHED)
        changed = ProductFactory(maker=maker, name="Geändert", category=scissors)
        Product.objects.filter(pk=changed.pk).update(status=Product.Status.PUBLISHED, has_unpublished_changes=True)

        assert listed(maker_client, status="draft") == ["Entwurf"]
        assert set(listed(maker_client, status="published")) == {"Veröffentlicht", "Geändert"}
        assert listed(maker_client, category=knives.pk) == ["Entwurf"]
        assert listed(maker_client, changes="yes") == ["Geändert"]
        assert set(listed(maker_client, changes="no")) == {"Entwurf", "Veröffentlicht"}

    def test_grade_filter_column_and_sorting(self, maker_client, maker):
        for grade, name in (("D", "Delta"), ("A", "Alpha"), ("C", "Charlie")):
            refresh_score(graded_product(grade, maker=maker, name=name))
        ProductFactory(maker=maker, name="Ohne Note")  # never scored: sorted last

        assert listed(maker_client, grade="A") == ["Alpha"]
        assert listed(maker_client, sort="grade") == ["Alpha", "Charlie", "Delta", "Ohne Note"]
        page = maker_client.get(URL, {"sort": "grade"}).content.decode()
        assert '<span class="grade-badge grade-A"' in page
        assert re.search(r"<th scope=\"col\">Grade</th>", page)

    def test_sorting_by_name_and_by_last_change(self, maker_client, maker):
        for name in ("Bravo", "Alpha", "Charlie"):
            ProductFactory(maker=maker, name=name)

        assert listed(maker_client, sort="name") == ["Alpha", "Bravo", "Charlie"]
        assert listed(maker_client, sort="-name") == ["Charlie", "Bravo", "Alpha"]
        assert listed(maker_client, sort="-updated") == ["Charlie", "Alpha", "Bravo"]
        assert listed(maker_client, sort="updated") == ["Bravo", "Alpha", "Charlie"]

    def test_an_unknown_value_lists_everything_rather_than_failing(self, maker_client, maker):
        ProductFactory(maker=maker, name="Alpha")
        assert listed(maker_client, status="nope", grade="Z", sort="price", category="999") == ["Alpha"]


class TestPagination:
    def test_pages_keep_the_search_and_the_filters(self, maker_client, maker, monkeypatch):
        monkeypatch.setattr(views, "PRODUCTS_PER_PAGE", 2)
        for number in range(5):
            ProductFactory(maker=maker, name=f"Messer {number}")
        ProductFactory(maker=maker, name="Schere")

        response = maker_client.get(URL, {"q": "Messer", "sort": "name"})
        assert [p.name for p in response.context["products"]] == ["Messer 0", "Messer 1"]
        assert 'href="?page=2&amp;q=Messer&amp;sort=name"' in response.content.decode()
        assert listed(maker_client, q="Messer", sort="name", page=3) == ["Messer 4"]

    def test_the_query_count_does_not_grow_with_the_products(
        self, maker_client, maker, maker_user, django_assert_num_queries
    ):
        second = MakerMembershipFactory(user=maker_user).organisation  # two organisations: the maker column shows
        for count in (2, 12):
            while Product.objects.count() < count:
                refresh_score(ProductFactory(maker=maker if Product.objects.count() % 2 else second))
            with django_assert_num_queries(LIST_QUERIES):
                response = maker_client.get(URL, {"q": "messer", "sort": "grade", "status": "draft"})
            assert len(response.context["products"]) == count


class TestExportSelected:
    def test_the_selected_products_are_exported_and_anothers_are_ignored(self, maker_client, maker, other_maker):
        first, second, _third = (ProductFactory(maker=maker, name=name) for name in ("A", "B", "C"))
        theirs = ProductFactory(maker=other_maker)

        response = maker_client.post(
            reverse("products:export-selected"),
            {"product": [first.pk, second.pk, theirs.pk], "format": "xlsx"},
        )

        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.content))[PRODUCTS_SHEET]
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
            first.passport_code,
            second.passport_code,
        ]

    def test_nothing_selected_says_so(self, maker_client):
        response = maker_client.post(reverse("products:export-selected"), {"format": "xlsx"}, follow=True)
        assert "Select at least one product." in response.content.decode()

    def test_the_list_offers_the_bulk_actions(self, maker_client, maker):
        product = ProductFactory(maker=maker)
        page = maker_client.get(URL).content.decode()
        assert f'name="product" value="{product.pk}"' in page
        assert f'formaction="{reverse("publishing:publish-selected")}"' in page
        assert f'action="{reverse("products:export-selected")}"' in page

    def test_anonymous_users_are_sent_to_log_in(self, client):
        response = client.post(reverse("products:export-selected"), {"product": [1]})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
