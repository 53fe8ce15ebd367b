"""Issuing credentials: signed when a version is published, or on first request for older versions."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalogue.credentials import status_list
from catalogue.credentials.builder import CredentialUrls, build_credential
from catalogue.credentials.did import did_document, did_for
from catalogue.credentials.keys import KeyRing, SigningKeyMissing, load_keyring, public_part
from catalogue.credentials.signing import sign_credential
from catalogue.models import PassportVersion

logger = logging.getLogger(__name__)

ISSUER_NAME = "Gläserne Werkstatt – Stadt Solingen"


def issuer_did() -> str:
    return did_for(settings.SITE_BASE_URL)


def credential_urls(code: str, number: int) -> CredentialUrls:
    base = settings.SITE_BASE_URL
    snapshot = f"{base}/api/v1/passports/{code}/versions/{number}/"
    return CredentialUrls(
        credential=f"{snapshot}credential",
        snapshot=snapshot,
        page=f"{base}/p/{code}/v/{number}",
        methodology=f"{base}/methodology/",
        site=base,
    )


def status_list_url(number: int) -> str:
    return f"{settings.SITE_BASE_URL}/credentials/status/{number}"


def credential_of(snapshot: dict, content_hash: str, product_pk: int | None = None) -> dict:
    """The unsigned credential of a snapshot, issued by this catalogue; with ``product_pk``, it names the bit
    of the status list that says whether the passport is withdrawn."""
    urls = credential_urls(snapshot["product"]["passport_code"], snapshot["version"])
    status = None
    if product_pk is not None:
        number, index = status_list.position(product_pk)
        status = status_list.status_entry(status_list_url(number), index)
    return build_credential(
        snapshot, content_hash=content_hash, issuer={"id": issuer_did(), "name": ISSUER_NAME}, urls=urls, status=status
    )


def issue(snapshot: dict, content_hash: str, product_pk: int | None = None, ring: KeyRing | None = None) -> str:
    """The signed credential (compact JWT) of a snapshot, with the current key."""
    credential = credential_of(snapshot, content_hash, product_pk)
    return sign_credential(credential, ring or load_keyring(), issuer_did())


def status_list_token(number: int, withdrawn_indices, valid_from: str) -> tuple[dict, str]:
    """Status list ``number`` as a credential, and signed (raises SigningKeyMissing)."""
    credential = status_list.status_list_credential(
        status_list_url(number), issuer_did(), status_list.encode_list(withdrawn_indices), valid_from
    )
    return credential, sign_credential(credential, load_keyring(), issuer_did())


def credential_for_publication(snapshot: dict, content_hash: str, product_pk: int) -> str:
    """The JWT a new version is published with. Without a key, development publishes unsigned (signed on
    first request once `make run` made a key); production refuses, since its passports must be verifiable."""
    try:
        return issue(snapshot, content_hash, product_pk)
    except SigningKeyMissing as error:
        if settings.DEBUG:
            logger.warning("Publishing without a credential: %s", error)
            return ""
        logger.error("Publishing refused: %s", error)
        raise ValidationError(
            _(
                "Publishing is not possible right now: the catalogue has no key to sign passports with "
                "(PASSPORT_SIGNING_KEY_FILE). Nothing was published; please tell the catalogue team."
            ),
            code="no_signing_key",
        ) from error


def signed_credential(version: PassportVersion) -> str:
    """The version's JWT: the stored one, or signed now and stored once (raises SigningKeyMissing)."""
    if version.credential_jwt:
        return version.credential_jwt
    token = issue(version.snapshot, version.content_hash, version.product_id)
    # Two first requests at once may both sign; the first stored token wins, and both answer with it.
    PassportVersion.objects.filter(pk=version.pk).attach_credential(token)
    stored = PassportVersion.objects.filter(pk=version.pk).values_list("credential_jwt", flat=True).get()
    version.credential_jwt = stored
    return stored


def current_did_document() -> dict:
    """The DID document of the catalogue: every key it ever signed with (none without a key file)."""
    try:
        ring = load_keyring()
    except SigningKeyMissing:
        return did_document(issuer_did(), [])
    return did_document(issuer_did(), [public_part(key) for key in ring.public.values()])
