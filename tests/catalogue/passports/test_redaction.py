"""Retracting a supplier that became confidential: staff redact named fields of a published version, on record."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue.models import PassportRedaction, PassportVersion, PublishedFacets
from catalogue.passports.printing import PASSPORT, render_versions
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish_product
from tests.catalogue.passports.pdf_helpers import pdf_text
from tests.factories import MaterialFactory, ProductFactory, SupplyChainStepFactory

pytestmark = pytest.mark.django_db

SECRET = "Härterei Geheimhof GmbH"


@pytest.fixture
def version(maker):
    product = ProductFactory(maker=maker)
    MaterialFactory(product=product)
    SupplyChainStepFactory(product=product, position=0, step_type="forging")
    SupplyChainStepFactory(
        product=product, position=1, step_type="hardening", performed_by="supplier", supplier_name=SECRET
    )
    return publish_product(product)


def step_path(version, name: str) -> str:
    index = next(i for i, step in enumerate(version.snapshot["supply_chain"]) if step["supplier_name"] == name)
    return f"supply_chain.{index}.supplier_name"


def test_redacting_removes_the_name_everywhere_and_keeps_the_hash(client, version, staff_user):
    code = version.product.passport_code
    page = reverse("catalogue:passport", args=[code])
    assert SECRET in client.get(page).content.decode()  # and now the cached page holds it too
    original_hash = version.content_hash
    assert "Geheimhof" in pdf_text(render_versions([version], format=PASSPORT, language="en"))

    redaction = redact_version(version, [step_path(version, SECRET)], "Lieferant bat um Vertraulichkeit.", staff_user)

    stored = PassportVersion.objects.get(pk=version.pk)
    assert stored.content_hash == original_hash and stored.redaction_count == 1
    step = stored.snapshot["supply_chain"][1]
    assert (step["supplier_name"], step["supplier_confidential"]) == (None, True)
    assert stored.snapshot["redactions"] == [
        {"fields": ["supply_chain.1.supplier_name"], "redacted_at": redaction.redacted_at.isoformat()}
    ]
    assert SECRET not in str(PublishedFacets.objects.filter(version=stored).values().get())
    assert (redaction.reason, redaction.redacted_by) == ("Lieferant bat um Vertraulichkeit.", staff_user)

    html = client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert SECRET not in html  # not served from the cache of the unredacted page
    assert "Details of this version were redacted on" in html
    assert "Lieferant bat um" not in html  # the reason stays with staff
    pdf = client.get(reverse("catalogue:passport-pdf", args=[code]), HTTP_ACCEPT_LANGUAGE="en")
    assert pdf.status_code == 200 and "Geheimhof" not in pdf_text(pdf.content)
    assert "Details of this version were redacted on" in pdf_text(pdf.content)
    api = client.get(f"/api/v1/passports/{code}/", HTTP_ACCEPT="application/json").json()
    assert SECRET not in str(api)


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        ([], "Name at least one field"),
        (["supply_chain.7.supplier_name"], "is not a field of this version"),
        (["product.passport_code"], "cannot be redacted"),
        (["product.name"], "cannot be redacted"),
        (["score.overall"], "cannot be redacted"),
        (["supply_chain"], "is a group of fields"),
    ],
)
def test_bad_paths_are_refused_and_nothing_changes(version, staff_user, paths, message):
    with pytest.raises(ValidationError) as error:
        redact_version(version, paths, "Grund", staff_user)
    assert message in str(error.value.message_dict["fields"])
    stored = PassportVersion.objects.get(pk=version.pk)
    assert stored.redaction_count == 0 and stored.snapshot == version.snapshot
    assert not PassportRedaction.objects.exists()


def test_a_reason_is_required(version, staff_user):
    with pytest.raises(ValidationError) as error:
        redact_version(version, [step_path(version, SECRET)], "  ", staff_user)
    assert "reason" in error.value.message_dict


def test_staff_redact_in_the_admin_and_cannot_undo_it(staff_client, version):
    add = reverse("admin:catalogue_passportredaction_add")
    response = staff_client.post(add, {"version": version.pk, "fields": "supply_chain.9.city", "reason": "x"})
    assert response.status_code == 200 and "supply_chain.9.city is not a field of this version" in (
        response.content.decode()
    )
    response = staff_client.post(
        add, {"version": version.pk, "fields": step_path(version, SECRET), "reason": "Vertraulich geworden"}
    )
    assert response.status_code == 302
    redaction = PassportRedaction.objects.get()
    assert SECRET not in str(PassportVersion.objects.get(pk=version.pk).snapshot)
    change = staff_client.post(
        reverse("admin:catalogue_passportredaction_change", args=[redaction.pk]), {"reason": "geändert"}
    )
    assert change.status_code == 403
    redaction.refresh_from_db()
    assert redaction.reason == "Vertraulich geworden"
    delete = reverse("admin:catalogue_passportredaction_delete", args=[redaction.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403


def test_versions_stay_immutable_outside_redaction(version):
    with pytest.raises(PermissionError):
        PassportVersion.objects.filter(pk=version.pk).update(snapshot={})
