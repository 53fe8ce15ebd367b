"""The lookup page's camera scan: its button, script and policies, and the form that works without them."""

from catalogue.passports.services import publish_product
from tests.factories import showcase_product


def directives(response) -> dict[str, list[str]]:
    parts = (item.split() for item in response["Content-Security-Policy"].split(";") if item.strip())
    return {name: values for name, *values in parts}


def permissions(response) -> dict[str, str]:
    return dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))


def test_the_lookup_page_offers_the_scan_only_to_its_script(client, db):
    html = client.get("/").content.decode()
    assert '<script src="/static/js/camera_scan.js" defer></script>' in html
    # Hidden until the script has found a camera API, so that no visitor without one sees a dead button.
    assert '<div class="camera-scan" id="camera-scan" hidden' in html
    assert 'id="camera-scan-start">Scan with camera</button>' in html
    assert 'data-decoder-script="/static/vendor/zxing-wasm/zxing-reader.js"' in html
    assert 'data-decoder-wasm="/static/vendor/zxing-wasm/zxing_reader.wasm"' in html
    # The script's messages are rendered by the template, so gettext translates them.
    assert 'data-text-denied="The camera could not be opened. Type the code into the field instead."' in html


def test_only_the_lookup_pages_may_use_the_camera_and_compile_wasm(client, db):
    product = showcase_product(gtin="04006381333931")
    publish_product(product)
    for response in (client.get("/"), client.get("/lookup/?code=4006381333932")):
        assert permissions(response)["camera"] == "(self)"
        assert permissions(response)["microphone"] == "()"
        assert "'wasm-unsafe-eval'" in directives(response)["script-src"]
        assert "'unsafe-eval'" not in directives(response)["script-src"]
    passport = client.get(f"/p/{product.passport_code}")
    assert permissions(passport)["camera"] == "()"
    assert "'wasm-unsafe-eval'" not in directives(passport)["script-src"]


def test_without_javascript_the_form_still_finds_the_passport(client, db):
    product = showcase_product(gtin="04006381333931")
    publish_product(product)
    html = client.get("/").content.decode()
    assert 'action="/lookup/" method="get"' in html and 'name="code"' in html
    response = client.get("/lookup/", {"code": "4006381333931"})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{product.passport_code}"
