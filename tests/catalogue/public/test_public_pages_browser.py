"""Public pages v2 in headless Chromium: the passport fits three phone screens, axe finds nothing serious on any
public page (the API docs included), one tap switches the language, a phone walks from an EAN to a comparison,
and screenshots at 390 and 1280 px."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalogue.demo.loader import load_demo
from catalogue.models import PassportVersion
from tests.catalogue.public.test_browser import serious_violations
from tests.conftest import BROWSER_TESTS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Three phone screens (3 × 844 px), less a margin for the browser's own bars.
MAX_PHONE_HEIGHT = 2600
SHOTS_ENV = "PUBLIC_SHOTS_DIR"  # screenshots go there when set (the issue's /tmp/work/shots/), else to tmp_path

pytestmark = BROWSER_TESTS


def most_complete_demo_passport() -> str:
    """The demo's passport with the most data: the longest current snapshot."""
    versions = PassportVersion.objects.current().select_related("product")
    return max(versions, key=lambda version: len(str(version.snapshot))).product.passport_code


@pytest.fixture
def demo(transactional_db):
    load_demo()
    return most_complete_demo_passport()


def test_the_most_complete_demo_passport_fits_three_phone_screens_with_its_details_closed(live_server, demo, browser):
    page = browser.new_page(viewport=PHONE, locale="de-DE", is_mobile=True, device_scale_factor=1)
    page.goto(f"{live_server.url}/p/{demo}")
    assert page.locator("details.passport-section[open]").count() == 0
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_PHONE_HEIGHT, f"{height} px"
    # The summary is on the first screen.
    assert page.locator(".passport-summary").bounding_box()["y"] < PHONE["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # A section link opens its closed section.
    page.locator('.section-nav a[href="#repair"]').click()
    # The section opens on the hashchange event, after the click has returned: wait for it (5 s at most).
    expect(page.locator("#repair details.passport-section")).to_have_attribute("open", "", timeout=5_000)


def test_one_tap_switches_the_language_on_a_cached_passport_page(live_server, demo, browser):
    page = browser.new_page(viewport=PHONE, locale="de-DE")
    page.goto(f"{live_server.url}/p/{demo}")
    page.goto(f"{live_server.url}/p/{demo}")  # the second visit comes from the page cache
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator('.language-switcher button[value="en"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith(f"/p/{demo}")
    assert page.locator(".maker-text-note").count() >= 1
    page.locator('.language-switcher button[value="de"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"


def test_axe_finds_no_serious_issue_on_any_public_page(live_server, demo, browser):
    from catalogue.public.selectors import published_products

    codes = [product.passport_code for product in published_products().order_by("pk")[:2]]
    maker = published_products().select_related("maker").first().maker
    urls = [
        "/",
        f"/p/{demo}",
        "/products/",
        f"/products/compare/?p={codes[0]}&p={codes[1]}",
        "/makers/",
        f"/makers/{maker.slug}/",
        "/methodology/",
        "/repair/?near=42651",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/api/docs/",
    ]
    failures = []
    for locale in ("de-DE", "en-GB"):
        context = browser.new_context(viewport=PHONE, locale=locale)
        page = context.new_page()
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            if url == "/api/docs/":
                page.wait_for_selector(".opblock", timeout=15_000)
            if url == f"/p/{demo}":  # the details too: open every section
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            serious, report = serious_violations(page)
            if serious:
                failures.append(f"{locale} {url}: {serious}\n{report[:3000]}")
        context.close()
    assert not failures, "\n".join(failures)


def test_screenshots_of_home_and_passport_at_phone_and_desktop_width(live_server, demo, browser, tmp_path):
    directory = Path(os.environ.get(SHOTS_ENV) or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("390", PHONE), ("1280", DESKTOP)):
        page = browser.new_page(viewport=viewport, locale="de-DE")
        for label, url in (("home", "/"), ("passport", f"/p/{demo}")):
            page.goto(f"{live_server.url}{url}")
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (label, name)
            path = directory / f"{label}-{name}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        page.close()


def test_a_phone_walk_from_an_ean_to_a_comparison_in_english(live_server, transactional_db, browser):
    """Type an EAN on the home page, read the summary, open repair, compare two products, switch to English."""
    load_demo()
    current = PassportVersion.objects.current().select_related("product").exclude(product__gtin="")
    by_category = {}
    for version in current:
        by_category.setdefault(version.product.category_id, []).append(version.product)
    product = next(products[0] for products in by_category.values() if len(products) >= 2)
    page = browser.new_page(viewport=PHONE, locale="de-DE", is_mobile=True, has_touch=True)

    page.goto(f"{live_server.url}/")
    page.locator("#lookup-code").fill(product.gtin[-13:])  # as printed under the barcode: the EAN-13
    page.locator("#lookup-code").press("Enter")
    page.wait_for_url(f"**/p/{product.passport_code}")
    summary = page.locator(".passport-summary")
    assert summary.bounding_box()["y"] < PHONE["height"]
    assert summary.locator(".subscores-compact li").count() == 4
    assert page.locator(".grade-badge").first.bounding_box()["y"] < PHONE["height"]  # the grade on the first screen

    page.locator('.section-nav a[href="#repair"]').click()
    # The section opens on the hashchange event, after the click has returned: wait for it (5 s at most).
    expect(page.locator("#repair details.passport-section")).to_have_attribute("open", "", timeout=5_000)

    page.locator(".passport-actions a", has_text="Mit ähnlichen Produkten vergleichen").click()
    page.wait_for_url("**/products/?category=*")
    for index in range(2):
        page.locator(".compare-choice button").nth(index).click()
        page.wait_for_load_state()
    page.locator("a", has_text="Jetzt vergleichen").first.click()
    page.wait_for_url("**/products/compare/**")
    assert page.locator(".compare-table thead th[scope=col]").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator('.language-switcher button[value="en"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".compare-table thead th[scope=col]").count() == 2  # the selection survives the switch
    assert page.locator(".compare-table caption").inner_text() == "The chosen products side by side"


def test_from_a_passports_repair_section_to_the_nearest_repair_service(live_server, demo, browser):
    """Open repair on a phone, follow "find a service near you", type a postcode: the nearest come first."""
    page = browser.new_page(viewport=PHONE, locale="de-DE", is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/p/{demo}")
    page.locator('.section-nav a[href="#repair"]').click()
    page.locator("#repair a", has_text="Reparatur- oder Schleifservice in Ihrer Nähe finden").click()
    page.wait_for_url("**/repair/")
    page.locator("#id_near").fill("42697")
    page.locator("#id_service").select_option("resharpening")
    page.locator(".repair-search button[type=submit]").click()
    page.wait_for_url("**/repair/?near=42697&service=resharpening")
    places = page.locator(".repair-place")
    assert places.count() >= 5
    distances = [
        float(text.split(" km")[0].replace(",", ".")) for text in places.locator(".repair-distance").all_inner_texts()
    ]
    assert distances == sorted(distances) and distances[:2] == [0, 0]  # both in Ohligs itself, then by name
    assert places.locator("h2").all_inner_texts()[:2] == ["Hohlschliff Ohligs Rasiermesser e. K.", "Repair-Café Ohligs"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
