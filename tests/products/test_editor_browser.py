"""In headless Chromium: the demo's most complete product entered in one page with one save, published, duplicated,
and the copy deleted; rows moved and removed by keyboard; the unsaved-changes prompt; the error summary's focus.

The walk also is the benchmark of the editor (bench/bench_editor_entry.py runs it and reads the counts it writes
to $BENCH_EDITOR_COUNTS).
"""

import json
import os

from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from catalogue.demo.data import PRODUCTS
from products.models import Product
from tests.conftest import BROWSER_TESTS
from tests.factories import CategoryFactory, MakerMembershipFactory

pytestmark = BROWSER_TESTS

# The demo's most complete product: 3 variants, 3 materials, 3 components, 8 steps, 3 tests and every section.
DEMO = PRODUCTS[0]
LISTS = ("variants", "materials", "components", "supply_chain_steps", "durability_tests", "spare_parts")
SECTIONS = ("durability", "repairability", "end_of_life")


def signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


class Counts:
    """Page loads, editor saves and other form posts of one browser page."""

    def __init__(self, page):
        self.loads = 0
        self.saves = 0
        self.other_posts = 0
        self.fields = 0
        page.on("load", self._loaded)
        page.on("request", self._requested)

    def _loaded(self, _page):
        self.loads += 1

    def _requested(self, request):
        if request.method != "POST" or request.resource_type != "document":
            return
        if request.url.endswith("/products/new/") or request.url.endswith("/edit/"):
            self.saves += 1
        else:
            self.other_posts += 1


def put(page, counts: Counts, selector: str, value) -> None:
    """Type or choose a value the way a maker would; None and "" are left as they are (not disclosed)."""
    if value is None or value == "":
        return
    element = page.locator(selector)
    kind = element.evaluate("e => e.tagName === 'SELECT' ? 'select' : (e.type || e.tagName).toLowerCase()")
    if kind == "select":
        element.select_option(value="true" if value is True else "false" if value is False else str(value))
    elif kind == "checkbox":
        if value:
            element.check()
        else:
            return
    else:
        element.fill(str(value))
    counts.fields += 1


def enter_demo_product(page, counts: Counts, category) -> None:
    """Every field of the demo product, rows added in place ("Add another", no round trip)."""
    for name in ("name", "model_number", "gtin", "description", "price_eur", "mass_g"):
        put(page, counts, f"#id_product-{name}", DEMO.get(name))
    put(page, counts, "#id_product-category", category.pk)
    rows = {**{name: DEMO.get(name) or [] for name in LISTS}, "supply_chain_steps": DEMO["supply_chain"]}
    rows["repair_services"] = DEMO["repair_services"]
    for prefix, values in rows.items():
        for index, row in enumerate(values):
            if index > 0:
                page.click(f'button[name="add-{prefix}"]')
            for field, value in row.items():
                if field == "evidence":
                    continue  # a test's report is uploaded once the product exists
                put(page, counts, f"#id_{prefix}-{index}-{field}", value)
    for section in SECTIONS:
        for field, value in DEMO[section].items():
            put(page, counts, f"#id_{section}-{field}", value)


def test_the_demo_product_is_entered_in_one_page_then_published_duplicated_and_the_copy_deleted(
    live_server, transactional_db, browser
):
    membership = MakerMembershipFactory()
    category = CategoryFactory(slug="chefs-knives-browser", name_de="Kochmesser", name_en="Chef's knives")
    page = signed_in_page(browser, live_server, membership.user)
    counts = Counts(page)

    page.goto(f"{live_server.url}/workspace/products/new/")
    enter_demo_product(page, counts, category)
    page.click('.form-actions button[name="then"][value="view"]')
    page.wait_for_url("**/workspace/products/*/")
    entry = {"loads": counts.loads, "saves": counts.saves, "fields": counts.fields}

    product = Product.objects.get(name=DEMO["name"])
    assert entry["saves"] == 1 and entry["loads"] == 2, entry
    assert product.variants.count() == 3 and product.materials.count() == 3 and product.components.count() == 3
    steps = list(product.supply_chain_steps.order_by("position").values_list("step_type", flat=True))
    assert steps == [step["step_type"] for step in DEMO["supply_chain"]]
    assert product.durability_tests.count() == 3 and product.repair_services.count() == 2
    assert product.durability.warranty_years == 10 and product.end_of_life.take_back_offered

    page.click('#passport button.primary[type="submit"]')
    page.wait_for_load_state()
    product.refresh_from_db()
    assert product.status == Product.Status.PUBLISHED

    page.click('form[action$="/duplicate/"] button')
    page.wait_for_url("**/edit/")
    copy = Product.objects.exclude(pk=product.pk).get()
    assert copy.name == f"{DEMO['name']} (copy)" and copy.gtin is None and copy.supply_chain_steps.count() == 8
    page.goto(f"{live_server.url}{copy.get_absolute_url()}")
    page.click(f'a[href$="/products/{copy.pk}/delete/"]')
    page.click('button:has-text("Delete for good")')
    page.wait_for_url("**/workspace/")
    assert list(Product.objects.values_list("pk", flat=True)) == [product.pk]

    path = os.environ.get("BENCH_EDITOR_COUNTS")
    if path:
        with open(path, "w") as out:
            json.dump({**entry, "total_loads": counts.loads, "other_posts": counts.other_posts}, out)


def test_rows_move_and_go_by_keyboard_and_leaving_unsaved_changes_asks(live_server, transactional_db, browser):
    membership = MakerMembershipFactory()
    CategoryFactory()
    page = signed_in_page(browser, live_server, membership.user)
    page.goto(f"{live_server.url}/workspace/products/new/")
    page.select_option("#id_supply_chain_steps-0-step_type", "forging")
    page.click('button[name="add-supply_chain_steps"]')
    page.select_option("#id_supply_chain_steps-1-step_type", "hardening")
    assert page.evaluate("document.activeElement.id") == "id_supply_chain_steps-1-step_type"  # focus on the new row

    page.focus("#move-supply_chain_steps-1-up")
    page.keyboard.press("Enter")

    # Moved in place, the focus still on the button, the order numbered and announced; nothing was sent.
    assert page.evaluate("document.activeElement.id") == "move-supply_chain_steps-1-up"
    rows = page.locator("#formset-supply_chain_steps [data-row]")
    assert rows.nth(0).get_attribute("id") == "row-supply_chain_steps-1"
    assert page.input_value('input[name="supply_chain_steps-1-position"]') == "1"
    assert page.input_value('input[name="supply_chain_steps-0-position"]') == "2"
    # A locator's expectation, not wait_for_function: the page's CSP forbids the eval that the latter polls with.
    expect(page.locator("#editor-announcer")).to_contain_text("position 1 of 2")

    page.focus("#id_supply_chain_steps-0-DELETE")
    page.keyboard.press("Space")
    assert page.locator("#row-supply_chain_steps-0").is_hidden()
    assert page.is_checked("#id_supply_chain_steps-0-DELETE")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]


def test_after_an_error_the_summary_has_the_focus(live_server, transactional_db, browser):
    membership = MakerMembershipFactory()
    page = signed_in_page(browser, live_server, membership.user)
    page.goto(f"{live_server.url}/workspace/products/new/")
    page.fill("#id_durability-warranty_years", "-1")
    page.click('.form-actions button[name="then"][value="view"]')
    page.wait_for_selector("#form-errors")
    assert page.evaluate("document.activeElement.id") == "form-errors"
    page.click('#form-errors a[href="#id_durability-warranty_years"]')
    assert page.evaluate("document.activeElement.id") == "id_durability-warranty_years"
