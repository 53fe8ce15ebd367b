"""W3C Bitstring Status List v1.0: which passports are withdrawn, as one compressed bit per product (pure)."""

import base64
import gzip

# The specification's minimum length (16 KB of bits), so that one set bit does not single out a product.
LIST_SIZE = 131_072
# Withdrawal can be undone by publishing again, so it suspends rather than revokes (revocation is final).
PURPOSE = "suspension"
STATUS_ENTRY_TYPE = "BitstringStatusListEntry"
LIST_CREDENTIAL_TYPES = ["VerifiableCredential", "BitstringStatusListCredential"]


def position(product_pk: int) -> tuple[int, int]:
    """Which list (from 0) and which bit of it stand for the product: one bit per product, in primary-key order."""
    return divmod(product_pk, LIST_SIZE)


def encode_list(indices, size: int = LIST_SIZE) -> str:
    """The ``encodedList``: a multibase base64url (no padding, prefix "u") of the GZIP-compressed bitstring,
    whose bit 0 is the most significant bit of the first byte."""
    bits = bytearray(size // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same bits always give the same bytes, so the list's signature changes only with them.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def status_entry(list_url: str, index: int) -> dict:
    """A credential's ``credentialStatus``: the bit that says whether its passport is withdrawn."""
    return {
        "id": f"{list_url}#{index}",
        "type": STATUS_ENTRY_TYPE,
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(list_url: str, issuer: str, encoded: str, valid_from: str) -> dict:
    """The status list itself, as a credential the catalogue signs."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": list_url,
        "type": LIST_CREDENTIAL_TYPES,
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encoded,
        },
    }
