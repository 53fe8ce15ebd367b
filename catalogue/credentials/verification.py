"""Checking a VC-JOSE credential's signature against a set of public keys named by DID URL (pure)."""

import base64
import binascii
import json
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from jwcrypto import jwk, jws

from catalogue.credentials.keys import ALGORITHM
from catalogue.credentials.signing import JWT_TYPE

ENVELOPED_PREFIX = "data:application/vc+jwt,"


@dataclass(frozen=True)
class SignatureCheck:
    """Whether a token's signature holds; the credential it carries, and the key that signed it."""

    valid: bool
    reason: str
    credential: dict | None = None
    kid: str | None = None


def _decode_segment(segment: str) -> dict:
    padded = segment + "=" * (-len(segment) % 4)
    value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def token_from_text(text: str) -> str | None:
    """The compact JWT in ``text``: the token itself, or a JSON EnvelopedVerifiableCredential (VC-JOSE's JSON
    form, ``id`` = ``data:application/vc+jwt,<token>``); None when the text holds neither."""
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return None
        identifier = data.get("id") if isinstance(data, dict) else None
        if isinstance(identifier, str) and identifier.startswith(ENVELOPED_PREFIX):
            return identifier[len(ENVELOPED_PREFIX) :]
        return None
    return text if text.count(".") == 2 else None


def verify_token(token: str, keys: dict[str, jwk.JWK]) -> SignatureCheck:
    """Check ``token`` against ``keys`` (verification method id → public key): its header, the key its ``kid``
    names, the signature, and that the credential's issuer is the DID that holds that key."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        return SignatureCheck(False, _("This is not a signed credential (a JWT has three parts separated by dots)."))
    try:
        header = _decode_segment(parts[0])
        credential = _decode_segment(parts[1])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return SignatureCheck(False, _("The credential cannot be read: its header or content is not valid JSON."))
    if header.get("alg") != ALGORITHM or header.get("typ") != JWT_TYPE:
        return SignatureCheck(False, _("The credential is not a vc+jwt signed with EdDSA."))
    kid = header.get("kid")
    key = keys.get(kid) if isinstance(kid, str) else None
    if key is None:
        return SignatureCheck(False, _("The credential names a key (kid) that its issuer has not published."))
    try:
        token_object = jws.JWS()
        token_object.deserialize(token.strip())
        token_object.verify(key, alg=ALGORITHM)
    except (jws.InvalidJWSSignature, jws.InvalidJWSObject, ValueError):
        return SignatureCheck(False, _("The signature does not match the credential: it was changed or forged."))
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != kid.split("#", 1)[0]:
        return SignatureCheck(False, _("The credential's issuer does not hold the key that signed it."))
    return SignatureCheck(True, "", credential=credential, kid=kid)


def keys_from_did_document(document: dict) -> dict[str, jwk.JWK]:
    """The assertion keys a DID document publishes, by verification method id."""
    allowed = set(document.get("assertionMethod") or [])
    keys = {}
    for method in document.get("verificationMethod") or []:
        if method.get("id") in allowed and method.get("publicKeyJwk"):
            keys[method["id"]] = jwk.JWK(**method["publicKeyJwk"])
    return keys
