"""Security headers on a public page, the API docs and the admin: CSP without inline code, Permissions-Policy,
and the HSTS, frame, nosniff and referrer headers that were there before."""

import re

import pytest

from catalogue.passports.services import publish_product
from tests import accounts
from tests.factories import showcase_product

# Data blocks (JSON-LD, JSON) are never executed, so the policy leaves them alone.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.fixture
def pages(client, staff_user):
    """What a visitor, an API user and an administrator load (the admin signed in)."""
    product = showcase_product(gtin="04006381333931")
    publish_product(product)
    admin = type(client)()
    accounts.log_in(admin, staff_user, accounts.add_totp(staff_user))  # staff pass a second factor for /admin/
    return {
        "passport page": client.get(f"/p/{product.passport_code}", secure=True),
        "API docs": client.get("/api/docs/", secure=True),
        "API docs script": client.get("/api/docs/?script=", secure=True),
        "ReDoc": client.get("/api/redoc/", secure=True),
        "admin": admin.get("/admin/", secure=True),
        "admin form": admin.get(f"/admin/products/product/{product.pk}/change/", secure=True),
    }


def test_every_page_has_a_policy_without_inline_code(pages):
    for name, response in pages.items():
        assert response.status_code == 200, name
        directives = policy(response)
        assert directives["default-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["base-uri"] == ["'self'"], name
        for kind in ("script-src", "style-src"):
            assert directives[kind][0] == "'self'", name
            assert "'unsafe-inline'" not in directives[kind], name
            assert "'unsafe-eval'" not in directives[kind], name


def test_pages_run_no_inline_code_that_the_policy_would_block(pages):
    for name in ("passport page", "API docs", "ReDoc", "admin", "admin form"):
        html = pages[name].content.decode()
        assert not INLINE_SCRIPT.findall(html), name
        assert not INLINE_HANDLER.findall(html), name
        assert not STYLE_ELEMENT.findall(html), name
        assert not STYLE_ATTRIBUTE.findall(html), name


def test_a_nonce_is_sent_only_where_a_page_uses_one(pages):
    redoc = pages["ReDoc"]
    nonce = re.search(r'nonce="([^"]+)"', redoc.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in policy(redoc)["script-src"]
    assert f"'nonce-{nonce}'" in policy(redoc)["style-src"]
    assert not any(value.startswith("'nonce-") for value in policy(pages["passport page"])["script-src"])


def test_permissions_policy_and_the_earlier_headers_stay(pages):
    for name, response in pages.items():
        features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert features[feature] == "()", (name, feature)
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
