"""Verifying a credential against this catalogue: its signature with our keys, and the version it names."""

import base64
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalogue.credentials.did import verification_method_id
from catalogue.credentials.keys import SigningKeyMissing, load_keyring
from catalogue.credentials.selectors import public_version, version_status
from catalogue.credentials.services import issuer_did, signed_credential
from catalogue.credentials.verification import SignatureCheck, token_from_text, verify_token
from catalogue.models import PassportVersion
from products.identifiers import normalise_passport_code


@dataclass(frozen=True)
class Verdict:
    """The answer of a verification: valid or not and why, and which version with which status."""

    valid: bool
    reason: str = ""
    version: PassportVersion | None = None
    status: str = ""  # current | superseded | withdrawn
    kid: str = ""

    @property
    def code(self) -> str:
        return self.version.product.passport_code if self.version else ""


def local_keys() -> dict:
    """Every public key of this catalogue, by verification method id (empty without a key file)."""
    try:
        ring = load_keyring()
    except SigningKeyMissing:
        return {}
    did = issuer_did()
    return {verification_method_id(did, kid): key for kid, key in ring.public.items()}


def _payload(token: str) -> dict:
    segment = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def _named_version(credential: dict) -> PassportVersion | None:
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return None
    code, number = subject.get("passportCode"), subject.get("passportVersion")
    if not isinstance(code, str) or not isinstance(number, int) or isinstance(number, bool):
        return None
    return public_version(code, number)


def verify_signed(check: SignatureCheck) -> Verdict:
    """A signature that holds still has to name a published version of ours, with that version's hash."""
    if not check.valid:
        return Verdict(False, check.reason)
    version = _named_version(check.credential)
    if version is None:
        return Verdict(False, _("The credential names no passport version published in this catalogue."))
    digest = (check.credential["credentialSubject"].get("passportSnapshot") or {}).get("hashDigest")
    if digest != version.content_hash:
        return Verdict(False, _("The credential's hash does not match the version as published."), version)
    return Verdict(True, "", version, version_status(version), check.kid)


def verify_text(text: str) -> Verdict:
    """Verify a pasted or uploaded credential: a JWT, its JSON envelope, or the credential's JSON itself.

    The plain JSON carries no signature, so it is authentic only when it is exactly what we signed.
    """
    text = (text or "").strip()
    if not text:
        return Verdict(False, _("Paste or upload a credential, or enter a passport code."))
    token = token_from_text(text)
    if token is not None:
        return verify_signed(verify_token(token, local_keys()))
    try:
        credential = json.loads(text)
    except ValueError:
        return Verdict(False, _("This is neither a signed credential (JWT) nor a credential in JSON."))
    if not isinstance(credential, dict):
        return Verdict(False, _("This is neither a signed credential (JWT) nor a credential in JSON."))
    version = _named_version(credential)
    if version is None:
        return Verdict(False, _("The credential names no passport version published in this catalogue."))
    try:
        issued = signed_credential(version)
    except SigningKeyMissing:
        return Verdict(False, _("This catalogue cannot verify credentials right now: it has no signing key."))
    if _payload(issued) != credential:
        return Verdict(False, _("The credential differs from the one this catalogue issued for that version."))
    return verify_signed(verify_token(issued, local_keys()))


def verify_code(code: str, number: int | None = None) -> Verdict:
    """Verify the passport behind a printed code: the credential we issued for that version (the current
    one when no number is given) is checked like any other."""
    try:
        canonical = normalise_passport_code(code)
    except ValidationError:
        return Verdict(False, _("This is not a passport code: it has eight characters, as printed under the QR code."))
    version = public_version(canonical, number)
    if version is None:
        return Verdict(False, _("No published passport has this code and version."))
    try:
        token = signed_credential(version)
    except SigningKeyMissing:
        return Verdict(False, _("This catalogue cannot verify credentials right now: it has no signing key."))
    return verify_signed(verify_token(token, local_keys()))


def verdict_summary(verdict: Verdict) -> str:
    """One sentence for the command line and the page's heading."""
    if not verdict.valid:
        return gettext("Invalid: %(reason)s") % {"reason": verdict.reason}
    return {
        "current": gettext("Authentic: version %(number)s of passport %(code)s, and it is the current version."),
        "superseded": gettext("Authentic: version %(number)s of passport %(code)s, but a newer version replaced it."),
        "withdrawn": gettext(
            "Authentic: version %(number)s of passport %(code)s, but the passport has been withdrawn."
        ),
    }[verdict.status] % {"number": verdict.version.number, "code": verdict.code}
