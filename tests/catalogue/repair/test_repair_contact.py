"""A repair service's contact: entered by the maker, validated, frozen in the snapshot and shown on the passport."""

import pytest

from catalogue.passports.repair_contact import repair_contact
from catalogue.passports.services import publish_product
from lifecycle.models import RepairService
from products.editor import ProductEditor
from products.selectors import organisations_for_user
from products.services import ProductInvalid, ProductWrite, save_product
from tests.factories import RepairServiceFactory, complete_product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_editor_offers_the_contact_fields(maker_user, maker):
    product = complete_product(maker=maker)
    editor = ProductEditor(organisations=organisations_for_user(maker_user), instance=product)
    form = editor.formsets["repair_services"].forms[0]
    assert {"provider", "phone", "email", "website"} <= set(form.fields)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call me", "Enter a phone number of digits, spaces and + ( ) / -, for example +49 212 123456."),
        ("email", "werkstatt at example", "Enter a valid email address."),
        ("website", "werkstatt", "Enter a valid URL."),
    ],
)
def test_a_bad_contact_is_refused_naming_the_field_and_nothing_is_saved(maker, field, value, message):
    product = complete_product(maker=maker)
    before = list(product.repair_services.values_list("pk", "phone", "email", "website"))
    service = {"service_type": "resharpening", field: value}
    with pytest.raises(ProductInvalid) as refused:
        save_product(product, ProductWrite(lists={"repair_services": [service]}))
    assert refused.value.errors["repair_services"][0][field] == [message]
    assert list(product.repair_services.values_list("pk", "phone", "email", "website")) == before


def test_the_contact_is_frozen_in_the_snapshot_and_shown_with_links(client, maker):
    product = complete_product(maker=maker)
    product.repair_services.all().delete()
    RepairServiceFactory(product=product, phone="+49 (212) 123-456", email="schliff@example.org")
    RepairServiceFactory(
        product=product,
        service_type=RepairService.ServiceType.NEW_HANDLE,
        provider="Griffmacherei Nord",
        website="https://griffe.example.org/",
    )
    version = publish_product(product)
    services = version.snapshot["repairability"]["repair_services"]
    assert [(row["phone"], row["email"], row["website"]) for row in services] == [
        ("+49 (212) 123-456", "schliff@example.org", ""),
        ("", "", "https://griffe.example.org/"),
    ]
    # A later edit does not reach the published passport.
    product.repair_services.update(phone="+49 212 999")
    html = client.get(f"/p/{product.passport_code}").content.decode()
    assert '<a href="tel:+49212123456">+49 (212) 123-456</a>' in html
    assert '<a href="mailto:schliff@example.org">schliff@example.org</a>' in html
    assert "by Griffmacherei Nord" in html
    assert '<a href="https://griffe.example.org/" rel="noopener">griffe.example.org/</a>' in html
    assert "+49 212 999" not in html
    assert 'href="/repair/"' in html


def test_a_version_published_before_contacts_shows_the_makers_website(client, maker):
    maker.website = "https://schmiede.example.org"
    maker.save()
    product = complete_product(maker=maker)
    version = publish_product(product)
    snapshot = version.snapshot
    for service in snapshot["repairability"]["repair_services"]:
        for key in ("phone", "email", "website"):
            del service[key]
    type(version).objects.filter(pk=version.pk).redact_snapshot(snapshot)  # the one way to change a stored snapshot
    response = client.get(f"/p/{product.passport_code}")
    assert response.status_code == 200
    assert "by the maker" in response.content.decode()
    assert 'href="https://schmiede.example.org" rel="noopener"' in response.content.decode()


def test_the_phone_link_drops_the_bracketed_trunk_zero():
    assert repair_contact({"phone": "+49 (0) 212 12 34"}, {})["phone_href"] == "tel:+492121234"
    assert repair_contact({"phone": "0212 (0) 1"}, {})["phone_href"] == "tel:021201"  # no country code: as typed
    assert repair_contact({"website": "javascript:alert(1)"}, {})["website"] == ""
