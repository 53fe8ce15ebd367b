"""Headless Chromium: a maker filters the list, ticks products, publishes those that changed, exports a spreadsheet."""

import io
import os

import openpyxl
import pytest

from catalogue.scores.services import refresh_score
from products.models import Product
from products.xlsx_workbooks import PRODUCTS_SHEET
from tests.accounts import PASSWORD
from tests.conftest import BROWSER_TESTS
from tests.factories import complete_product, graded_product

pytestmark = [*BROWSER_TESTS, pytest.mark.django_db(transaction=True)]
# Set to a directory to keep the screenshots (desktop and tablet) for a look.
SCREENSHOTS = os.environ.get("WORKSPACE_SCREENSHOTS", "")


def test_filter_tick_publish_and_export(live_server, browser, maker, maker_user):
    refresh_score(graded_product("A", maker=maker, name="Kochmesser Alpha"))
    refresh_score(graded_product("E", maker=maker, name="Schälmesser Echo"))
    complete_product(maker=maker, name="Brotmesser Bravo")
    page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/?next=/workspace/")
    page.locator("#id_login").fill(maker_user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/workspace/")

    page.get_by_role("searchbox", name="Search").fill("messer")
    page.get_by_label("Sort by").select_option("grade")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/workspace/?*sort=grade*")
    names = page.locator("tbody th[scope=row] a").all_inner_texts()
    assert names == ["Kochmesser Alpha", "Brotmesser Bravo", "Schälmesser Echo"]
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/workspace-desktop.png", full_page=True)
        page.set_viewport_size({"width": 800, "height": 1100})
        page.screenshot(path=f"{SCREENSHOTS}/workspace-tablet.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    select_all = page.get_by_label("Select all on this page")
    select_all.check()  # shown by static/js/workspace_list.js
    assert page.locator("[data-select-item]:checked").count() == 3
    select_all.uncheck()
    assert page.locator("[data-select-item]:checked").count() == 0

    with page.expect_download() as download:
        page.get_by_label("Kochmesser Alpha").check()
        page.get_by_role("button", name="Export (Excel)").click()
    sheet = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))[PRODUCTS_SHEET]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Kochmesser Alpha"]

    page.get_by_label("Brotmesser Bravo").check()
    page.get_by_role("button", name="Publish those that changed").click()
    page.wait_for_url("**/publish-selected/")
    result = page.locator("main").inner_text()
    assert "Published: 2" in result and "Passport version 1 is published." in result
    assert set(Product.objects.filter(status="published").values_list("name", flat=True)) == {
        "Kochmesser Alpha",
        "Brotmesser Bravo",
    }
