"""Fixtures of the DPP tests: a product with data of every access class, published."""

import datetime

import pytest
from django.utils import timezone

from catalogue.dpp.models import AccessGrant
from catalogue.passports.services import publish_product
from products.models import Facility, SupplyChainStep
from tests import factories

SECRET_MANUAL = "https://repair.example/pro-manual-7731"
SECRET_DISASSEMBLY = "Griffschalen mit 2,5 Nm lösen, Niet 3 ausbohren (Geheimtext 7731)"
SECRET_CONTACT = "Ersatzteile Kowalski, +49 212 7731"
SECRET_CONCENTRATION = "Blei 0,08 % (Geheimwert 7731)"
SECRETS = (SECRET_MANUAL, SECRET_DISASSEMBLY, SECRET_CONTACT, SECRET_CONCENTRATION)


def restricted_product(maker, user=None, **kwargs):
    """A complete product whose legitimate-interest fields hold the SECRETS, published by the real service."""
    product = factories.complete_product(maker=maker, **kwargs)
    product.materials.update(substance_concentration=SECRET_CONCENTRATION)
    product.spare_parts.update(supplier_contact=SECRET_CONTACT)
    product.repairability.professional_manual_url = SECRET_MANUAL
    product.repairability.disassembly_notes = SECRET_DISASSEMBLY
    product.repairability.save()
    facility, _created = Facility.objects.get_or_create(
        maker=maker, name="Schmiede", defaults={"city": "Solingen", "gln": "4012345000009"}
    )
    product.supply_chain_steps.update(facility=facility, performed_by=SupplyChainStep.Performer.MAKER)
    publish_product(product, user)
    product.refresh_from_db()
    return product


@pytest.fixture
def restricted(maker, maker_user):
    return restricted_product(maker, maker_user)


def grant(organisation, *, role=AccessGrant.Role.REPAIRER, days=30):
    field = "maker" if organisation._meta.model_name == "makerorganisation" else "retailer"
    return AccessGrant.objects.create(
        **{field: organisation}, role=role, expires_on=timezone.localdate() + datetime.timedelta(days=days)
    )


@pytest.fixture
def repairer_membership(db):
    """A member of a retailer organisation that staff granted the repairer role."""
    membership = factories.RetailerMembershipFactory(organisation__name="Schleiferei Kowalski")
    grant(membership.organisation)
    return membership
