"""Browse, compare and "what changed" in real Chromium on a phone (390×844) and a desktop (1280 px).

Screenshots go to $BROWSER_ARTIFACTS_DIR (or the test's temporary directory).
"""

import os
from pathlib import Path

from tests.catalogue.public.test_browse import published
from tests.catalogue.public.test_browser import serious_violations
from tests.conftest import BROWSER_TESTS
from tests.factories import CategoryFactory, republished

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = BROWSER_TESTS


def shots(tmp_path) -> Path:
    directory = Path(os.environ.get("BROWSER_ARTIFACTS_DIR") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def no_overflow(page, width):
    wide = page.evaluate(
        """w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 60))""",
        width,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, wide


def catalogue():
    category = CategoryFactory()
    names = [
        "Kochmesser Gesamtbewertung 20 cm",
        "Brotmesser Olivenholz",
        "Santoku Damast",
        "Schälmesser",
        "Filetiermesser",
    ]
    products = [
        published(name=name, category=category, materials=(material,))
        for name, material in zip(names, ["X50CrMoV15", "Olivenholz", "Damaststahl", "X50CrMoV15", "C60"], strict=True)
    ]
    return products


def test_phone_browse_compare_and_a_fifth_choice(live_server, transactional_db, browser, tmp_path):
    products = catalogue()
    context = browser.new_context(viewport=PHONE, locale="de-DE", device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/products/")
    # The filters are folded away: the first result is on the first screen.
    assert page.locator("#filters-panel").evaluate("element => element.open") is False
    first_card = page.locator(".product-cards > li").first
    assert first_card.bounding_box()["y"] < PHONE["height"]
    no_overflow(page, PHONE["width"])
    page.screenshot(path=str(shots(tmp_path) / "browse-390.png"), full_page=True)

    # Add four with JavaScript: the bar updates in place, without a reload.
    for product in products[:4]:
        page.locator(f"form[data-code='{product.passport_code}'] button").click()
        page.wait_for_function(
            "code => document.querySelector(`form[data-code='${code}']`).action.endsWith('/remove')",
            arg=product.passport_code,
        )
    assert page.locator("#compare-tray .compare-tray-list li").count() == 4
    page.locator(f"form[data-code='{products[4].passport_code}'] button").click()
    page.wait_for_selector("#compare-status.notice-error")
    # The refusal is shown (German once translated; the msgid names the limit either way), and the four stay.
    assert "4" in page.locator("#compare-status").inner_text()
    assert page.locator("#compare-status").is_visible()
    assert page.locator("#compare-tray .compare-tray-list li").count() == 4

    # The bar sticks to the bottom of the screen.
    tray = page.locator("#compare-tray").bounding_box()
    assert tray["y"] + tray["height"] <= PHONE["height"] + 1

    page.locator("#compare-tray a.button.primary").click()
    page.wait_for_url("**/products/compare/")
    assert page.locator(".compare-table thead th").count() == 4
    assert page.locator(".compare-table tr.differs").count() >= 1
    # The table scrolls inside its focusable region; the page itself does not get wider than the phone.
    assert page.locator(".compare-wrap").get_attribute("tabindex") == "0"
    no_overflow(page, PHONE["width"])
    # Row labels: each label's words fit the column (no word is wider than its cell, so none breaks mid-word).
    too_narrow = page.evaluate(
        """() => [...document.querySelectorAll('.compare-table th[scope=row]')]
              .filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent)"""
    )
    assert too_narrow == []
    page.screenshot(path=str(shots(tmp_path) / "compare-390.png"), full_page=True)
    serious, report = serious_violations(page)
    assert not serious, report
    page.goto(f"{live_server.url}/products/")  # with four chosen: the bar lists them
    serious, report = serious_violations(page)
    assert not serious, report
    context.close()


def test_desktop_browse_compare_and_changes(live_server, transactional_db, browser, tmp_path):
    products = catalogue()
    republished(products[0])
    context = browser.new_context(viewport=DESKTOP, locale="de-DE")
    page = context.new_page()
    page.goto(f"{live_server.url}/products/")
    assert page.locator("#filters-panel").evaluate("element => element.open") is True  # beside the results
    for product in products[:3]:
        page.locator(f"form[data-code='{product.passport_code}'] button").click()
        page.wait_for_function(
            "code => document.querySelector(`form[data-code='${code}']`).action.endsWith('/remove')",
            arg=product.passport_code,
        )
    # The selection survives a reload: it is in the session.
    page.reload()
    assert page.locator("#compare-tray .compare-tray-list li").count() == 3
    no_overflow(page, DESKTOP["width"])
    page.screenshot(path=str(shots(tmp_path) / "browse-1280.png"), full_page=True)
    page.goto(f"{live_server.url}/products/compare/")
    no_overflow(page, DESKTOP["width"])
    page.screenshot(path=str(shots(tmp_path) / "compare-1280.png"), full_page=True)

    code = products[0].passport_code
    page.goto(f"{live_server.url}/p/{code}/v/2/changes")
    assert page.locator("#version-changes tbody tr").count() >= 1
    no_overflow(page, DESKTOP["width"])
    page.screenshot(path=str(shots(tmp_path) / "changes-1280.png"), full_page=True)
    phone = browser.new_context(viewport=PHONE, locale="de-DE", device_scale_factor=2, is_mobile=True).new_page()
    phone.goto(f"{live_server.url}/p/{code}/v/2/changes")
    no_overflow(phone, PHONE["width"])
    phone.screenshot(path=str(shots(tmp_path) / "changes-390.png"), full_page=True)
    context.close()


def test_without_javascript_the_forms_still_work(live_server, transactional_db, browser):
    products = catalogue()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/products/")
    for product in products[:2]:
        page.locator(f"form[data-code='{product.passport_code}'] button").click()
        page.wait_for_load_state()
    assert page.locator("#compare-tray .compare-tray-list li").count() == 2
    page.locator("#compare-tray a.button.primary").click()
    assert page.locator(".compare-table thead th").count() == 2
    context.close()
