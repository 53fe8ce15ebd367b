"""In headless Chromium: staff reject evidence in the queue with a reason; the maker sees it and got the mail."""

from django.conf import settings
from django.test import Client

from catalogue.accounts.preferences import remember_language
from tests import accounts
from tests.conftest import BROWSER_TESTS
from tests.factories import uploaded_evidence
from tests.mail import text_part
from tests.worker import run_queued_tasks

pytestmark = BROWSER_TESTS

REASON = "Der Prüfbericht gehört zu einem anderen Messer."


def signed_in_context(browser, live_server, client: Client):
    """A browser context with the session of ``client`` (signed in through the real pages)."""
    context = browser.new_context(locale="en-GB")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context


def test_staff_reject_evidence_and_the_maker_sees_why(
    live_server, transactional_db, browser, product, maker_user, smtp_server, settings
):
    settings.SITE_BASE_URL = live_server.url
    remember_language(maker_user, "en")
    evidence = uploaded_evidence(product)
    staff, secret = accounts.staff_with_totp(username="pruefer")
    staff_client = Client()
    accounts.log_in(staff_client, staff, secret)
    maker_client = Client()
    accounts.log_in(maker_client, maker_user)

    reviewer = signed_in_context(browser, live_server, staff_client).new_page()
    violations = []
    reviewer.on("console", lambda message: "Content Security" in message.text and violations.append(message.text))
    preview = f"/review/evidence/{evidence.pk}/file"
    with reviewer.expect_response(lambda response: response.url.endswith(preview)) as file:
        reviewer.goto(f"{live_server.url}/review/")
    # The preview frame loaded the PDF from the staff-only view, which lets this site (only) frame it.
    assert file.value.status == 200 and file.value.headers["content-type"] == "application/pdf"
    assert reviewer.locator(f"#evidence-{evidence.pk} iframe.evidence-frame").count() == 1
    assert violations == []

    item = reviewer.locator(f"#evidence-{evidence.pk}")
    item.get_by_label("Reason for the rejection").fill(REASON)
    item.get_by_role("button", name="Reject").click()
    reviewer.wait_for_load_state()
    assert "Rejected “Prüfbericht”" in reviewer.locator(".messages").inner_text()
    assert reviewer.locator(f"#evidence-{evidence.pk}").count() == 0  # no longer awaiting review

    maker_page = signed_in_context(browser, live_server, maker_client).new_page()
    maker_page.goto(f"{live_server.url}{product.get_absolute_url()}")
    row = maker_page.locator("#evidence tbody tr", has_text="Prüfbericht")
    assert "rejected" in row.locator(".evidence-decision").inner_text()
    assert REASON in row.locator(".rejection-reason").inner_text()

    run_queued_tasks()
    message = smtp_server.only_one_to(maker_user.email)
    assert message["Subject"] == f"Evidence rejected: {product.name}"
    assert REASON in text_part(message)
    assert f"{live_server.url}{product.get_absolute_url()}#evidence" in text_part(message)
