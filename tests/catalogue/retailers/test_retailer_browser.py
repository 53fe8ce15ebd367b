"""In headless Chromium: a retailer adds products, prints shelf passports and labels, sees reprints per format,
prints the whole assortment as a background job and downloads it; the page fits a phone, a tablet and a desktop."""

from pathlib import Path

from django.conf import settings
from django.test import Client

from catalogue.models import ItemPrint, PrintJob
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.conftest import BROWSER_TESTS
from tests.factories import RetailerMembershipFactory, published_product, republished
from tests.worker import run_queued_tasks

pytestmark = BROWSER_TESTS
SHOTS = Path("/tmp/work/shots")


def signed_in_page(browser, live_server, user, width=1280):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context, context.new_page()


def watch_reload(page) -> list:
    """A print form reloads its page 2.5 s after the submit (static/js/retailer.js). A test that navigates that
    page must first let the reload happen, or the reload aborts its navigation: a fast render is done sooner."""
    loads = []
    page.once("load", lambda _page: loads.append(True))
    return loads


def wait_for_reload(page, loads: list) -> None:
    for _ in range(300):
        if loads:
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page should reload itself after a print")


def test_a_retailer_prints_reprints_per_format_and_a_background_job(live_server, transactional_db, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    membership = RetailerMembershipFactory()
    retailer = membership.organisation
    products = [published_product(name=f"Messer {n:02d}") for n in range(22)]
    context, page = signed_in_page(browser, live_server, membership.user)
    violations = []
    page.on("console", lambda message: "Content Security" in message.text and violations.append(message.text))
    url = f"{live_server.url}/retailer/{retailer.slug}/"
    page.goto(url)
    for product in products:  # scanned one after another into the focused field
        page.get_by_label("GTIN/EAN or passport code").fill(product.gtin)
        page.keyboard.press("Enter")
        page.wait_for_load_state()
    page.wait_for_selector(".assortment-table")
    assert page.locator(".assortment-table tbody tr").count() == 22, page.inner_text("main")[:800]

    # Shelf passports for a selection: the PDF opens in a new tab, this page lists the job.
    page.locator(f"#select-{retailer.assortment.get(product=products[0]).pk}").check()
    page.locator(f"#select-{retailer.assortment.get(product=products[1]).pk}").check()
    page.locator("#print-form").get_by_label("Shelf passports (one page)").check()
    with context.expect_page() as opened:
        page.get_by_role("button", name="Print selected").click()
    pdf_tab = opened.value
    pdf_tab.wait_for_load_state()
    assert ItemPrint.objects.filter(format="shelf").count() == 2
    page.wait_for_selector("#print-jobs", timeout=10000)  # the page reloads itself to list the job
    assert "Download PDF" in page.locator("#print-jobs").inner_text()

    # Labels with price and EAN from position 10, for the same two.
    form = page.locator("#print-form")
    for product in products[:2]:
        page.locator(f"#select-{retailer.assortment.get(product=product).pk}").check()
    form.get_by_label("Shelf labels").check()
    form.get_by_label("Price on the labels").check()
    form.get_by_label("EAN-13 barcode on the labels").check()
    form.get_by_label("Start at label").fill("10")
    loads = watch_reload(page)
    with context.expect_page() as opened:
        page.get_by_role("button", name="Print selected").click()
    opened.value.wait_for_load_state()
    labels = PrintJob.objects.get(format="labels")
    assert labels.plan["labels"]["start"] == 10 and labels.plan["labels"]["price"] and labels.plan["labels"]["ean"]
    pdf = Client()
    pdf.force_login(membership.user)
    content = pdf.get(f"/retailer/{retailer.slug}/jobs/{labels.pk}/pdf/")
    assert products[0].name in pdf_text(content.content)

    # A maker publishes a new version: the page says which formats need a reprint.
    republished(products[0])
    wait_for_reload(page, loads)
    page.goto(url)
    reprint = page.locator("#reprint")
    assert "Reprint needed: 1 product" in reprint.inner_text()
    assert reprint.locator(".format-shelf .print-state-reprint").count() == 1
    assert reprint.locator(".format-labels .print-state-reprint").count() == 1
    assert reprint.locator(".format-detailed .print-state-none").count() == 1
    page.get_by_label("Print state").select_option("reprint")
    page.get_by_label("In format").select_option("labels")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert page.locator(".assortment-table tbody tr").count() == 1
    page.goto(url)

    for width in (390, 1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"assortment-{width}.png"), full_page=True)
        if width == 1024:
            # Nothing is cut off on a tablet: the last column's button is inside the window.
            box = page.locator(".assortment-table .row-actions .button").first.bounding_box()
            assert box["x"] + box["width"] <= 1024
            assert page.evaluate("document.documentElement.scrollWidth") <= 1024

    # The whole assortment as a background job: the new tab shows the progress, live.
    page.locator("[data-select-all]").check()
    assert page.locator("[data-select-item]:checked").count() == 22
    page.locator("#print-form").get_by_label("Shelf passports (one page)").check()
    loads = watch_reload(page)
    with context.expect_page() as opened:
        page.get_by_role("button", name="Print selected").click()
    job_tab = opened.value
    job_tab.wait_for_load_state()
    job = PrintJob.objects.order_by("-pk").first()
    assert job.total == 22 and job.status == PrintJob.Status.QUEUED
    assert "being printed in the background" in job_tab.content()
    wait_for_reload(page, loads)  # while the job is queued, so that the notice is left for the next visit
    run_queued_tasks()
    job_tab.wait_for_selector("[data-job-done]:not([hidden])", timeout=10000)
    job_tab.screenshot(path=str(SHOTS / "print-job-done.png"))
    # Downloaded with the tab's own session, as its link does.
    download = job_tab.request.get(live_server.url + job_tab.locator("[data-job-pdf]").get_attribute("href"))
    assert download.status == 200
    assert page_count(download.body()) == 22
    page.goto(url)
    assert f"print job {job.pk} is ready" in page.locator(".messages").inner_text()
    assert violations == []
