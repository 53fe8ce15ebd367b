"""The public pages and the maker's editor are valid HTML by the Nu HTML Checker (vnu), with 0 errors."""

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import long_product, published_product, showcase_product
from tests.products.formdata import form_data

# `make test` installs the checker here (npm package vnu-jar, pinned in the Makefile).
VNU_JAR = Path(settings.BASE_DIR) / ".venv" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
WHY_NO_VNU = (
    "java is missing (the Nu HTML Checker needs Java 11 or newer)"
    if JAVA is None
    else f"{VNU_JAR} is missing: run `make test`, which installs vnu-jar"
    if not VNU_JAR.exists()
    else ""
)
needs_vnu = pytest.mark.skipif(bool(WHY_NO_VNU), reason=WHY_NO_VNU)

# A valid global date and time string of HTML: seconds optional, at most three fractional digits, an offset.
HTML_GLOBAL_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)")

pytestmark = pytest.mark.django_db


def nu_errors(pages: dict[str, str], directory: Path) -> dict[str, list[str]]:
    """Every error the checker reports, per page name; the checker starts once for all pages (it is slow to)."""
    paths = [directory / f"{name}.html" for name in pages]
    for path, html in zip(paths, pages.values(), strict=True):
        path.write_text(html, encoding="utf-8")
    run = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = run.stderr or run.stdout  # vnu writes its JSON report to stderr
    assert output.lstrip().startswith("{"), f"the checker did not report (exit {run.returncode}): {output[-2000:]}"
    report = json.loads(output)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(message.get("url", "?")).stem  # the checker names files as file:/…/<page name>.html
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']} [{message.get('extract', '').strip()}]")
    return errors


def html_of(client, url: str, expected_status: int = 200) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == expected_status, (url, response.status_code)
    return response.content.decode()


def changed(product):
    """``product`` with a new price, so that publishing it again makes a new version."""
    product.price_eur += 10
    product.save()
    return product


def test_time_elements_carry_valid_html_datetimes_to_the_millisecond(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    first = publish_product(knife, maker_user)
    second = publish_product(changed(knife), maker_user)
    html = html_of(client, f"/p/{knife.passport_code}")
    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert len(values) == 3, values  # the version in the header, and both entries of the version history
    for value in values:
        assert HTML_GLOBAL_DATETIME.fullmatch(value), value
    # The instants published, cut to the millisecond, with the offset of the site's time zone (as the page shows them).
    published = [timezone.localtime(version.published_at) for version in (second, second, first)]
    shown = [datetime.datetime.fromisoformat(value) for value in values]
    assert shown == [moment.replace(microsecond=moment.microsecond // 1000 * 1000) for moment in published]
    assert [moment.utcoffset() for moment in shown] == [moment.utcoffset() for moment in published]


@needs_vnu
def test_public_pages_and_the_editor_have_no_html_errors(client, maker, maker_user, tmp_path):
    knife = showcase_product(maker=maker, gtin="04006381333931")
    publish_product(knife, maker_user)
    publish_product(changed(knife), maker_user)  # version 1 is superseded: the version history has two entries
    full = long_product(maker=maker)
    publish_product(full, maker_user)
    withdrawn = published_product(maker_user, maker=maker)
    withdraw_product(withdrawn, maker_user)

    public = {
        "home": "/",
        "lookup-unknown": ("/lookup/?code=12345670", 404),
        "lookup-invalid": ("/lookup/?code=40063813339", 400),
        "browse": "/products/",
        "browse-filtered": "/products/?solingen=true&q=Messer",
        "passport-showcase": f"/p/{knife.passport_code}",
        "passport-long": f"/p/{full.passport_code}",
        "passport-withdrawn": f"/p/{withdrawn.passport_code}",
        "version-history-superseded": f"/p/{knife.passport_code}/v/1",
        "makers": "/makers/",
        "maker": f"/makers/{maker.slug}/",
        "methodology": "/methodology/",
        "repair": "/repair/?near=42651&service=resharpening",
        "repair-invalid": ("/repair/?near=4265", 400),
        "compare": f"/products/compare/?p={knife.passport_code}&p={full.passport_code}",
        "changes-first": f"/p/{knife.passport_code}/v/1/changes",
        "changes-second": f"/p/{knife.passport_code}/v/2/changes",
        "compare-session": "/products/compare/",
        "browse-with-selection": "/products/?page=1",
    }
    # A compare selection in the session: the compare bar lists it on the browse and compare pages.
    for product in (knife, full):
        client.post("/products/compare/add", {"code": product.passport_code, "next": "/products/"})
    pages = {}
    for name, target in public.items():
        url, status = target if isinstance(target, tuple) else (target, 200)
        pages[name] = html_of(client, url, status)

    client.force_login(maker_user)
    pages["workspace-editor"] = html_of(client, f"/workspace/products/{full.pk}/edit/")
    pages["workspace-editor-new"] = html_of(client, "/workspace/products/new/")
    # The editor as it comes back with errors: in a field, in a row of a list and across a section.
    data = form_data(pages["workspace-editor"])
    data.update({"product-gtin": "4006381333932", "materials-0-share_percent": "150"})
    data["durability-resharpenable"] = "false"  # contradicts the resharpening cycles
    response = client.post(f"/workspace/products/{full.pk}/edit/", data)
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    pages["workspace-editor-errors"] = response.content.decode()
    pages["workspace-products"] = html_of(client, "/workspace/")
    pages["workspace-product"] = html_of(client, f"/workspace/products/{knife.pk}/")
    pages["workspace-history"] = html_of(client, f"/workspace/products/{knife.pk}/history/")

    errors = nu_errors(pages, tmp_path)
    assert not errors, "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in sorted(errors.items()))
