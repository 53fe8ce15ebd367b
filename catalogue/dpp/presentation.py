"""What the passport page shows of the DPP layer: the identifiers, the version links and the restricted section."""

from django.utils.translation import gettext as _

from catalogue.dpp.models import AccessGrant
from catalogue.passports.links import safe_url
from catalogue.passports.presentation import fact
from products.models import Product

SCHEME_LABELS = {
    "eori": "EORI",
    "gln": "GLN",
    "gs1_digital_link": "GS1 Digital Link",
    "iec_61406": "IEC 61406",
}


def commodity_code_display(code: str | None) -> str | None:
    """CN codes are written in groups: 8211 92 00 (and 10-digit TARIC codes with the last two apart)."""
    if not code:
        return None
    return " ".join(part for part in (code[:4], code[4:6], code[6:8], code[8:10]) if part)


def identifier_facts(snapshot: dict, *, successor: int | None = None) -> list[dict] | None:
    """The "Identifiers" section, or None for a snapshot published before identifiers were frozen in it."""
    identifiers = snapshot.get("identifiers")
    if identifiers is None:
        return None
    upi = identifiers.get("upi") or {}
    operator = identifiers.get("operator") or {}
    facts = [
        fact(
            _("Unique product identifier"),
            upi.get("value"),
            href=safe_url(upi.get("value")),
            note=SCHEME_LABELS.get(upi.get("scheme")),
        ),
        fact(_("Operator identifier"), operator.get("value"), note=SCHEME_LABELS.get(operator.get("scheme"))),
        fact(_("Commodity code (CN)"), commodity_code_display(identifiers.get("commodity_code"))),
    ]
    granularity = identifiers.get("granularity")
    if granularity in Product.Granularity.values:
        facts.append(fact(_("Passport granularity"), str(Product.Granularity(granularity).label)))
    for facility in identifiers.get("facilities") or []:
        place = " ".join(part for part in (facility.get("postcode"), facility.get("city")) if part)
        facts.append(
            fact(
                _("Facility"),
                f"{facility.get('name')}, {place}" if place else facility.get("name"),
                note=(f"GLN {facility['gln']}" if facility.get("gln") else None),
            )
        )
    predecessor = snapshot.get("predecessor")
    if predecessor:
        facts.append(fact(_("Previous version"), _("Version %(number)s") % {"number": predecessor["version"]}))
    if successor:
        facts.append(fact(_("Next version"), _("Version %(number)s") % {"number": successor}))
    return facts


def restricted_section(restricted: dict, snapshot: dict) -> dict:
    """The restricted part beside the public names of its rows, for the page's restricted section."""
    content = restricted["content"]
    repair = content.get("repairability") or {}
    materials = [
        {"name": public.get("name", ""), "concentration": row.get("substance_concentration") or None}
        for public, row in zip(snapshot.get("materials") or [], content.get("materials") or [], strict=False)
    ]
    spare_parts = [
        {"name": public.get("name", ""), "contact": row.get("supplier_contact") or None}
        for public, row in zip(
            (snapshot.get("repairability") or {}).get("spare_parts") or [],
            content.get("spare_parts") or [],
            strict=False,
        )
    ]
    return {
        "role": str(AccessGrant.Role(restricted["role"]).label),
        "expires_on": restricted["grant_expires_on"],
        "sha256": restricted["sha256"],
        "manual_url": safe_url(repair.get("professional_manual_url")),
        "disassembly": repair.get("disassembly_notes") or "",
        "materials": [row for row in materials if row["concentration"]],
        "spare_parts": [row for row in spare_parts if row["contact"]],
    }
