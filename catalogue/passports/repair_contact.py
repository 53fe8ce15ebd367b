"""How a customer reaches a repair service, from a published service row and its maker."""


def repair_contact(service: dict, maker: dict) -> dict:
    """How to reach a repair service: its own phone, e-mail and website; the maker's website for the maker's own.

    Versions published before 12/2026 have no contact fields; their services show the maker's website only.
    """
    phone = service.get("phone") or ""
    website = service.get("website") or ("" if service.get("provider") else maker.get("website") or "")
    return {
        "phone": phone,
        # tel: links carry digits and a leading + only (RFC 3966 global numbers).
        "phone_href": "tel:" + "".join(char for char in phone if char.isdigit() or char == "+") if phone else "",
        "email": service.get("email") or "",
        "website": website,
    }
