"""In headless Chromium, the Content-Security-Policy blocks nothing the site needs, and its scripts still work."""

from django.conf import settings
from django.test import Client

from catalogue.passports.services import publish_product
from tests import accounts
from tests.conftest import BROWSER_TESTS
from tests.factories import RetailerMembershipFactory, showcase_product

# Registered before any page script runs (Playwright injects it outside the page's policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${where})`);
});
"""

pytestmark = BROWSER_TESTS


class Watched:
    """A browser page that records CSP violations (event and console) and policy errors on the console."""

    def __init__(self, context):
        self.page = context.new_page()
        self.console: list[str] = []
        self.page.on("console", self.record)

    def record(self, message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text or "Permissions Policy" in text:
            self.console.append(text)

    def visit(self, url: str):
        response = self.page.goto(url)
        assert response.status == 200, url
        # The policy is really in force on this page, so that "no violations" means something.
        assert "default-src 'self'" in response.headers["content-security-policy"], url
        assert "camera=()" in response.headers["permissions-policy"], url
        self.page.wait_for_load_state("networkidle")
        return response

    def problems(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations") + self.console


def signed_in_context(browser, live_server, user):
    client = Client()
    if user.is_staff:  # the admin wants a session that passed the second factor
        accounts.log_in(client, user, accounts.add_totp(user))
    else:
        client.force_login(user)
    context = browser.new_context(locale="de-DE")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.add_init_script(RECORD_VIOLATIONS)
    return context


def test_public_pages_and_api_docs_run_under_the_policy(live_server, transactional_db, browser):
    product = showcase_product(gtin="04006381333931")
    publish_product(product)
    context = browser.new_context(locale="de-DE")
    context.add_init_script(RECORD_VIOLATIONS)
    page = Watched(context)

    response = page.visit(f"{live_server.url}/p/{product.passport_code}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The sub-score bars and region dots are drawn without style attributes, at their real sizes.
    bar = page.page.locator("#score .meter rect").first
    assert float(bar.get_attribute("width")) > 0
    page.visit(f"{live_server.url}/products/")
    page.visit(f"{live_server.url}/api/docs/")
    page.page.wait_for_selector(".opblock-tag", timeout=20_000)  # Swagger UI built the operations from the schema
    assert page.page.locator(".opblock").count() > 10
    assert page.problems() == []
    context.close()


def test_redoc_runs_under_the_policy_without_calling_its_cdn(live_server, transactional_db, browser):
    context = browser.new_context(locale="en-GB")
    context.add_init_script(RECORD_VIOLATIONS)
    page = Watched(context)

    page.visit(f"{live_server.url}/api/redoc/")

    page.page.wait_for_selector("[role=menuitem]", timeout=20_000)  # Redoc built its menu from the schema
    assert page.page.locator("h1").first.inner_text().startswith("Gläserne Werkstatt API")
    # Redoc's own style sheet (it carries the nonce) was applied, not blocked: a blocked one has no rules.
    applied = "() => [...document.querySelectorAll('style[data-styled]')].some(s => s.sheet && s.sheet.cssRules.length)"
    assert page.page.evaluate(applied)
    # The only thing blocked is Redocly's logo from its CDN (it hides itself): no third party sees our visitors.
    assert page.problems(), "expected the blocked logo"
    assert all("cdn.redoc.ly" in problem for problem in page.problems()), page.problems()
    context.close()


def test_workspaces_and_admin_run_under_the_policy(
    live_server, transactional_db, browser, staff_user, maker, maker_user
):
    product = showcase_product(maker=maker)
    workspace = Watched(signed_in_context(browser, live_server, maker_user))
    workspace.visit(f"{live_server.url}/workspace/products/{product.pk}/edit/")
    workspace.visit(f"{live_server.url}/workspace/products/{product.pk}/")
    # The workspace's score panel draws its bars without style attributes.
    assert float(workspace.page.locator(".subscore-list .meter rect").first.get_attribute("width")) > 0
    assert workspace.problems() == []

    retailer_membership = RetailerMembershipFactory()
    retailer = Watched(signed_in_context(browser, live_server, retailer_membership.user))
    retailer.visit(f"{live_server.url}/retailer/{retailer_membership.organisation.slug}/")
    # retailer.js selects the scan field's text on focus, so that the next scan replaces it.
    field = retailer.page.locator("[data-select-on-focus]")
    field.fill("4006381333931")
    retailer.page.locator("body").click(position={"x": 1, "y": 1})
    field.focus()
    selected = "() => document.activeElement.selectionEnd - document.activeElement.selectionStart"
    assert retailer.page.evaluate(selected) == len("4006381333931")
    assert retailer.problems() == []

    admin = Watched(signed_in_context(browser, live_server, staff_user))
    admin.visit(f"{live_server.url}/admin/")
    admin.visit(f"{live_server.url}/admin/products/product/{product.pk}/change/")
    # The admin's own script: the theme toggle switches the colour scheme.
    before = admin.page.locator("html").get_attribute("data-theme")
    admin.page.locator("button.theme-toggle").first.click()
    assert admin.page.locator("html").get_attribute("data-theme") != before
    assert admin.problems() == []
