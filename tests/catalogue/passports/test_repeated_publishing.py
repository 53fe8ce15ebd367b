"""Publishing again with no change since the current version makes no new version and asks for no reprint."""

from decimal import Decimal

import pytest
from django.urls import reverse

from catalogue.models import PassportVersion
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish, withdraw_product
from catalogue.retailers.selectors import assortment_rows
from catalogue.retailers.services import record_print_job
from products.models import Product
from products.services import ProductWrite, save_product
from tests.factories import AssortmentItemFactory, complete_product

pytestmark = pytest.mark.django_db


def test_publishing_an_unchanged_product_keeps_the_current_version():
    product = complete_product()
    first = publish(product)

    again = publish(product)

    assert (first.created, again.created) == (True, False)
    assert again.version.pk == first.version.pk
    assert PassportVersion.objects.filter(product=product).count() == 1


def test_a_change_makes_the_next_version_even_after_a_publish_without_change():
    product = complete_product()
    publish(product)
    publish(product)
    save_product(Product.objects.get(pk=product.pk), ProductWrite(fields={"price_eur": Decimal("99.00")}))

    changed = publish(product)

    assert changed.created
    assert changed.version.number == 2
    assert changed.version.snapshot["product"]["price_eur"] == 99.0


def test_a_retailer_is_not_asked_to_reprint_when_nothing_changed(retailer):
    product = complete_product()
    AssortmentItemFactory(retailer=retailer, product=product)
    printed = publish(product).version
    record_print_job(retailer, [printed], user=None, output_format="passport", language="de")

    for _ in range(3):
        publish(product)

    assert [row.reprint_needed for row in assortment_rows(retailer)] == [False]


def test_a_withdrawn_unchanged_passport_becomes_public_again_without_a_new_version():
    product = complete_product()
    publish(product)
    withdraw_product(product)

    again = publish(product)

    assert not again.created
    assert Product.objects.get(pk=product.pk).status == Product.Status.PUBLISHED
    assert PassportVersion.objects.filter(product=product).count() == 1


def test_a_redacted_version_counts_as_unchanged_so_the_redacted_value_does_not_come_back(staff_user):
    product = complete_product()
    version = publish(product).version
    redact_version(version, ["product.model_number"], "Vertraulich geworden.", user=staff_user)

    again = publish(product)

    assert not again.created
    assert PassportVersion.objects.get(pk=version.pk).snapshot["product"]["model_number"] is None


def test_the_workspace_says_that_nothing_changed(maker_client, maker, english):
    product = complete_product(maker=maker)
    url = reverse("publishing:publish", args=[product.pk])
    maker_client.post(url)

    response = maker_client.post(url, follow=True)

    assert "Nothing changed since passport version 1, so no new version was made; it stays current." in (
        response.content.decode()
    )
    assert PassportVersion.objects.filter(product=product).count() == 1
