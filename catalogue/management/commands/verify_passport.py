"""``manage.py verify_passport FILE|URL``: check a passport credential's signature and the version it names."""

import base64
import json
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.credentials.did import did_document_url
from catalogue.credentials.services import issuer_did
from catalogue.credentials.signing import MEDIA_TYPE
from catalogue.credentials.verdicts import verdict_summary, verify_signed, verify_text
from catalogue.credentials.verification import keys_from_did_document, token_from_text, verify_token

TIMEOUT_SECONDS = 10


def _fetch(url: str, accept: str) -> str:
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": "verify_passport"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return response.read(1024 * 1024).decode("utf-8")


def _kid(token: str) -> str:
    segment = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    return header.get("kid") or ""


class Command(BaseCommand):
    help = (
        "Verify a passport credential (a JWT or its JSON) from a file or a URL. A URL's credential is checked "
        "with the keys its issuer publishes at /.well-known/did.json, as an outside verifier does; a file's "
        "with this catalogue's keys. Reports valid or invalid, which version, and whether it is current, "
        "superseded or withdrawn."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file, or an http(s) URL of a credential.")
        parser.add_argument("--did-keys", action="store_true", help="Check a file against its issuer's did.json too.")

    def handle(self, *args, source, did_keys=False, **options):
        from_url = source.startswith(("http://", "https://"))
        try:
            text = _fetch(source, f"{MEDIA_TYPE}, application/json;q=0.5") if from_url else Path(source).read_text()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {source}: {error}") from error
        token = token_from_text(text)
        if token is not None and (from_url or did_keys):
            verdict = self._verify_with_did_keys(token)
        else:
            verdict = verify_text(text)
        if verdict is None:
            return
        self.stdout.write(str(verdict_summary(verdict)))
        if not verdict.valid:
            raise CommandError("The credential is not valid.")

    def _verify_with_did_keys(self, token: str):
        did = _kid(token).split("#", 1)[0]
        if not did.startswith("did:web:"):
            raise CommandError("Invalid: the credential's key (kid) is not a did:web key.")
        url = did_document_url(did)
        try:
            keys = keys_from_did_document(json.loads(_fetch(url, "application/did+json, application/json")))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the issuer's keys at {url}: {error}") from error
        self.stdout.write(f"Keys of {did} from {url}.")
        check = verify_token(token, keys)
        if did == issuer_did():
            return verify_signed(check)  # our own credential: the version and its status from our records
        if not check.valid:
            raise CommandError(f"Invalid: {check.reason}")
        subject = check.credential.get("credentialSubject") or {}
        self.stdout.write(
            f"Valid signature by {did}: passport {subject.get('passportCode')}, version "
            f"{subject.get('passportVersion')} (its status is known only to the issuer)."
        )
        return None
