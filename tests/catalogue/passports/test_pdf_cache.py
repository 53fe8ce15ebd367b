"""Rendered PDFs are kept by what determines them, so that a repeated request never renders again."""

import pytest
from django.urls import reverse

from catalogue.models import PassportVersion
from catalogue.passports import pdf_cache
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish_product, withdraw_product
from tests.catalogue.passports.pdf_helpers import pdf_text
from tests.catalogue.passports.test_pdf_limits import batch_url, pdf_url, renders
from tests.factories import (
    MaterialFactory,
    ProductFactory,
    SupplyChainStepFactory,
    published_bare_product,
    published_product,
)
from tests.redis_caches import redis_cache

__all__ = ["redis_cache", "renders"]  # fixtures used below

pytestmark = pytest.mark.django_db

SECRET = "Härterei Geheimhof GmbH"


def test_a_repeated_request_is_not_rendered_again_and_gives_the_same_bytes(client, renders):
    product = published_product(name="Kochmesser Zweimal")
    first = client.get(pdf_url(product))
    second = client.get(pdf_url(product))
    assert first.status_code == second.status_code == 200
    assert renders.count == 1
    assert second.content == first.content
    assert "Kochmesser Zweimal" in pdf_text(second.content)
    assert second["ETag"] == first["ETag"]
    # The version's own URL shows the same PDF: also from the cache.
    version = client.get(reverse("catalogue:passport-version-pdf", args=[product.passport_code, 1]) + "?lang=de")
    assert version.content == first.content and renders.count == 1


def test_a_repeated_batch_is_not_rendered_again(client, renders):
    codes = [published_bare_product(name=f"Stapel {n}").passport_code for n in range(3)]
    first = client.get(batch_url(codes, format="labels"))
    again = client.get(batch_url(codes, format="labels", layout="3x8"))  # the default layout, named
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert renders.count == 1


def test_language_format_layout_and_order_each_make_another_pdf(client, renders):
    codes = [published_bare_product(name=f"Stapel {n}").passport_code for n in range(2)]
    urls = [
        batch_url(codes, lang="de"),
        batch_url(codes, lang="en"),
        batch_url(codes, lang="de", format="labels"),
        batch_url(codes, lang="de", format="labels", layout="2x7"),
        batch_url(codes[::-1], lang="de"),
    ]
    contents = [client.get(url).content for url in urls]
    assert renders.count == 5
    assert len(set(contents)) == 5
    client.get(urls[1])
    assert renders.count == 5


def test_a_redaction_renders_the_version_again(client, renders, maker, staff_user, english):
    product = ProductFactory(maker=maker)
    MaterialFactory(product=product)
    SupplyChainStepFactory(product=product, position=0, performed_by="supplier", supplier_name=SECRET)
    version = publish_product(product)
    before = [client.get(pdf_url(product, "en")).content for _ in range(2)]
    assert renders.count == 1 and "Geheimhof" in pdf_text(before[0])

    redact_version(version, ["supply_chain.0.supplier_name"], "Vertraulich.", staff_user)

    after = client.get(pdf_url(product, "en"))
    assert renders.count == 2
    assert "Geheimhof" not in pdf_text(after.content)


def test_a_withdrawal_renders_the_version_again(client, renders):
    product = published_product()
    before = [client.get(pdf_url(product, "en")).content for _ in range(2)]
    withdraw_product(product)
    after = client.get(pdf_url(product, "en"))
    assert renders.count == 2
    assert "WITHDRAWN" not in pdf_text(before[1]) and "WITHDRAWN" in pdf_text(after.content)


def test_the_key_follows_the_rendition_key_and_withdrawal_only():
    version = PassportVersion(content_hash="a" * 64, redaction_count=0)
    version.product = ProductFactory.build(status="published")
    key = pdf_cache.key_for([version], format="passport", language="de", layout="")
    assert key == pdf_cache.key_for([version], format="passport", language="de", layout="")
    version.redaction_count = 1
    redacted = pdf_cache.key_for([version], format="passport", language="de", layout="")
    version.product.status = "withdrawn"
    withdrawn = pdf_cache.key_for([version], format="passport", language="de", layout="")
    assert len({key, redacted, withdrawn}) == 3


def test_pdfs_above_the_size_limit_are_not_kept(client, renders, monkeypatch):
    product = published_product()
    labels = client.get(batch_url([product.passport_code], format="labels", lang="de")).content
    passport = client.get(pdf_url(product, "de")).content
    assert len(labels) < len(passport)
    monkeypatch.setattr(pdf_cache, "MAX_CACHED_BYTES", (len(labels) + len(passport)) // 2)
    client.get(batch_url([product.passport_code], format="labels", lang="en"))
    client.get(batch_url([product.passport_code], format="labels", lang="en"))
    client.get(pdf_url(product, "en"))
    client.get(pdf_url(product, "en"))
    assert renders.count == 2 + 1 + 2  # the small one once, the large one each time


def test_the_pdf_is_kept_in_redis(client, renders, redis_cache):
    product = published_product()
    first = client.get(pdf_url(product))
    stored = redis_cache.keys("pdf:*")
    assert len(stored) == 1
    assert first.content in redis_cache.client.get(stored[0])  # pickled bytes, as Django stores them
    assert client.get(pdf_url(product)).content == first.content
    assert renders.count == 1
