"""Access classes of published fields (ESPR Art. 9(2)(f), 10(1)(g), 11(b)): public, legitimate interest, confidential.

One registry says which snapshot keys the public reads, which fields only organisations with an access grant
read (the restricted part, kept beside the snapshot), and which fields never leave the workspace.
"""

import enum
import hashlib
import hmac

from django.conf import settings

from catalogue.passports.hashing import canonical_json


class AccessClass(enum.StrEnum):
    PUBLIC = "public"
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONFIDENTIAL = "confidential"


# Top-level keys of the public snapshot (catalogue.passports.snapshot): everything under them is public.
PUBLIC_SNAPSHOT_KEYS = (
    "schema",
    "version",
    "published_at",
    "product",
    "maker",
    "score",
    "materials",
    "components",
    "supply_chain",
    "durability",
    "repairability",
    "end_of_life",
    "evidence",
    "urls",
    "identifiers",
    "predecessor",
    "restricted_part",
    "redactions",
)

# Part fields (products.parts) that only organisations with a grant read: part name -> fields. The public snapshot
# leaves them out; the restricted part holds them, row by row in the order of the public snapshot's lists.
LEGITIMATE_INTEREST_FIELDS = {
    "materials": ("substance_concentration",),
    "repairability": ("professional_manual_url", "disassembly_notes"),
    "spare_parts": ("supplier_contact",),
}

# What never leaves the workspace, in no snapshot and no export: model -> fields (a confidential supplier's
# name, the supplier directory's contacts, staff notes). The snapshot builder never reads them.
CONFIDENTIAL_FIELDS = {
    "products.SupplyChainStep": ("supplier_name (when supplier_confidential)", "supplier"),
    "products.Supplier": ("contact_person", "email", "phone", "website", "name (when name_confidential)"),
    "catalogue.PassportRedaction": ("reason",),
    "products.EvidenceDocument": ("rejection_reason", "file (while not approved)"),
}


def restricted_fields(part_name: str) -> tuple[str, ...]:
    return LEGITIMATE_INTEREST_FIELDS.get(part_name, ())


def access_class(path: str) -> AccessClass:
    """The class of a dotted field path, e.g. ``repairability.disassembly_notes`` or ``materials.name``."""
    part, _dot, field = path.partition(".")
    if field in LEGITIMATE_INTEREST_FIELDS.get(part, ()):
        return AccessClass.LEGITIMATE_INTEREST
    if part in PUBLIC_SNAPSHOT_KEYS:
        return AccessClass.PUBLIC
    return AccessClass.CONFIDENTIAL


def restricted_salt(content: dict) -> str:
    """A salt derived from the content and the site's secret: the same content hashes the same (so publishing an
    unchanged product makes no version), while the public hash cannot be guessed from likely contents."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"restricted-part:" + canonical_json(content), hashlib.sha256).hexdigest()


def seal(content: dict) -> tuple[dict, str]:
    """The restricted part as stored (its content with the salt) and its SHA-256, which the public snapshot holds."""
    sealed = {**content, "salt": restricted_salt(content)}
    return sealed, hashlib.sha256(canonical_json(sealed)).hexdigest()
