"""How a customer reaches a repair service, from a published service row and its maker."""

import re

from catalogue.passports.links import safe_url

# "+49 (0) 212 …": the national trunk 0 in brackets is dialled only from inside the country.
TRUNK_PREFIX = re.compile(r"\(0\)")


def repair_contact(service: dict, maker: dict) -> dict:
    """How to reach a repair service: its own phone, e-mail and website; the maker's website for the maker's own.

    Versions published before 12/2026 have no contact fields; their services show the maker's website only.
    """
    phone = service.get("phone") or ""
    website = service.get("website") or ("" if service.get("provider") else maker.get("website") or "")
    dialled = TRUNK_PREFIX.sub("", phone) if phone.startswith("+") else phone
    return {
        "phone": phone,
        # tel: links carry digits and a leading + only (RFC 3966 global numbers).
        "phone_href": "tel:" + "".join(char for char in dialled if char.isdigit() or char == "+") if phone else "",
        "email": service.get("email") or "",
        "website": safe_url(website) or "",
    }
