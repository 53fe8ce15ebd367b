"""A consumer in real headless Chromium: type a GTIN, read the passport, switch language, check accessibility."""

import os
from pathlib import Path

from catalogue.passports.services import publish_product
from tests.conftest import BROWSER_TESTS
from tests.factories import published_product, showcase_product

PHONE = {"width": 390, "height": 844}
# Screenshots go here when set (CI keeps them); otherwise into the test's temporary directory.
ARTIFACTS_ENV = "BROWSER_ARTIFACTS_DIR"

pytestmark = BROWSER_TESTS


def serious_violations(page) -> tuple[list[str], str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    serious = [violation["id"] for violation in violations if violation["impact"] in ("serious", "critical")]
    return serious, results.generate_report() if violations else ""


def test_consumer_types_a_gtin_and_reads_the_passport(live_server, transactional_db, browser, tmp_path):
    product = showcase_product(gtin="04006381333931")
    grade = publish_product(product).snapshot["score"]["grade"]
    context = browser.new_context(viewport=PHONE, locale="de-DE", device_scale_factor=2, is_mobile=True)
    page = context.new_page()

    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "de"
    serious, report = serious_violations(page)
    assert not serious, report

    page.locator("#lookup-code").fill("400 6381 333931")
    page.locator("#lookup-code").press("Enter")
    page.wait_for_url(f"**/p/{product.passport_code}")
    assert page.locator("h1").inner_text() == product.name
    assert page.locator(".grade-badge.large").inner_text() == grade

    # Switch to English with one tap on the header's language button (a plain POST, no JavaScript needed).
    page.locator('.language-switcher button[value="en"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith(f"/p/{product.passport_code}")
    assert page.locator("#materials-title").inner_text() == "Materials"
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # axe checks the details too

    directory = Path(os.environ.get(ARTIFACTS_ENV) or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    screenshot = directory / "passport-phone.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000

    # The page must fit the phone: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    serious, report = serious_violations(page)
    assert not serious, report
    context.close()


def test_lookup_error_and_browse_are_accessible(live_server, transactional_db, browser):
    published_product()
    page = browser.new_page(viewport=PHONE, locale="en-GB")
    page.goto(f"{live_server.url}/lookup/?code=4006381333932")
    assert "should be 1, not 2" in page.locator("#lookup-error").inner_text()
    serious, report = serious_violations(page)
    assert not serious, report
    page.goto(f"{live_server.url}/products/")
    assert page.locator(".product-card").count() == 1
    serious, report = serious_violations(page)
    assert not serious, report
