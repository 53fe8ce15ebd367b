"""The pages of the workspace list, the import and bulk publishing are valid HTML by the Nu HTML Checker."""

import io

import openpyxl
import pytest
from django.urls import reverse

from catalogue.scores.services import refresh_score
from products.import_queue import start_import_job
from tests.catalogue.public.test_html_validity import needs_vnu, nu_errors
from tests.factories import CategoryFactory, MakerMembershipFactory, ProductFactory, graded_product

pytestmark = [needs_vnu, pytest.mark.django_db]


def bad_workbook() -> io.BytesIO:
    book = openpyxl.Workbook()
    book.active.append(["name", "category", "price_eur"])
    book.active.append(["Messer", "nope", -3])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "produkte.xlsx"
    return upload


def test_the_pages_are_valid(maker_client, maker, maker_user, tmp_path):
    CategoryFactory(slug="chefs-knives")
    MakerMembershipFactory(user=maker_user)  # two organisations: the maker column and the maker choice show
    graded = refresh_score(graded_product("B", maker=maker, name="Kochmesser")).product
    ProductFactory(maker=maker, name="Schere")
    job = start_import_job(b"[]", "gross.json", maker, user=maker_user)
    pages = {
        "workspace-list": maker_client.get(reverse("products:workspace"), {"q": "e", "sort": "grade"}),
        "workspace-list-empty": maker_client.get(reverse("products:workspace"), {"q": "nichts"}),
        "import": maker_client.get(reverse("products:import")),
        "import-errors": maker_client.post(
            reverse("products:import"), {"organisation": maker.pk, "file": bad_workbook()}
        ),
        "import-job": maker_client.get(reverse("products:import-job", args=[job.pk])),
        "bulk-publish": maker_client.post(reverse("publishing:publish-selected"), {"product": [graded.pk]}),
    }
    assert pages["import-errors"].status_code == 400
    assert {name: response.status_code for name, response in pages.items() if name != "import-errors"} == {
        name: 200 for name in pages if name != "import-errors"
    }

    assert nu_errors({name: response.content.decode() for name, response in pages.items()}, tmp_path) == {}
