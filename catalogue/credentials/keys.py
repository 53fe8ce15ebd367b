"""The catalogue's signing keys: one JSON file with the current private key and the earlier public keys."""

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from jwcrypto import jwk

# Ed25519 (JOSE "EdDSA"): small keys and signatures, deterministic, and supported by every JOSE library we test.
CURVE = "Ed25519"
ALGORITHM = "EdDSA"
FILE_FORMAT = "gw-signing-keys/1"


class SigningKeyMissing(Exception):
    """No signing key is configured or the key file cannot be read; the message says which and how to fix it."""


@dataclass(frozen=True)
class KeyRing:
    """The current private key and every public key ever used (the current one first), by key id."""

    current: jwk.JWK
    public: dict[str, jwk.JWK]

    @property
    def current_kid(self) -> str:
        return self.current.get("kid")


def key_file() -> Path | None:
    """The configured key file (PASSPORT_SIGNING_KEY_FILE), or None when none is set."""
    path = getattr(settings, "PASSPORT_SIGNING_KEY_FILE", "")
    return Path(path) if path else None


def new_private_key() -> jwk.JWK:
    key = jwk.JWK.generate(kty="OKP", crv=CURVE)
    # The RFC 7638 thumbprint names the key for ever: the same key always gets the same id.
    return jwk.JWK(**{**key.export(private_key=True, as_dict=True), "kid": key.thumbprint(), "alg": ALGORITHM})


def public_part(key: jwk.JWK) -> dict:
    return {**key.export_public(as_dict=True), "kid": key.get("kid"), "alg": ALGORITHM}


def load_keyring(path: Path | None = None) -> KeyRing:
    """Read the key file; raises SigningKeyMissing with the reason when there is none or it is unusable."""
    path = path or key_file()
    if path is None:
        raise SigningKeyMissing(
            "PASSPORT_SIGNING_KEY_FILE is not set, so passports cannot be signed. Create a key with "
            "`PASSPORT_SIGNING_KEY_FILE=/path/keys.json python manage.py rotate_signing_key --if-missing` "
            "and set the variable (docs/credentials.md)."
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        current = jwk.JWK(**data["current"])
        earlier = [jwk.JWK(**_jwk_members(entry)) for entry in data.get("earlier", [])]
    except FileNotFoundError as error:
        raise SigningKeyMissing(
            f"The signing key file {path} (PASSPORT_SIGNING_KEY_FILE) does not exist. Create it with "
            "`python manage.py rotate_signing_key --if-missing` (docs/credentials.md)."
        ) from error
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SigningKeyMissing(f"The signing key file {path} cannot be read: {error}.") from error
    if not current.has_private or current.get("crv") != CURVE or not current.get("kid"):
        raise SigningKeyMissing(f"The signing key file {path} holds no private {CURVE} key with a kid.")
    public = {current.get("kid"): jwk.JWK(**public_part(current))}
    for key in earlier:
        public.setdefault(key.get("kid"), jwk.JWK(**public_part(key)))
    return KeyRing(current=current, public=public)


def _jwk_members(entry: dict) -> dict:
    """An earlier key's entry without the file's own bookkeeping (when it was retired)."""
    return {name: value for name, value in entry.items() if name != "retired_at"}


def write_keyring(path: Path, current: jwk.JWK, earlier: list[dict]) -> None:
    """Write the key file atomically and readable only by its owner: it holds the private key."""
    data = {
        "format": FILE_FORMAT,
        "current": current.export(private_key=True, as_dict=True),
        "earlier": earlier,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".keys-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rotate(path: Path) -> tuple[str, str | None]:
    """Make a new current key; the old one's public part stays, so what it signed keeps verifying.

    Returns the new key id and the retired one (None when there was no key yet).
    """
    earlier: list[dict] = []
    retired = None
    if path.exists():
        ring = load_keyring(path)
        retired = ring.current_kid
        stamp = {"retired_at": datetime.now(UTC).isoformat(timespec="seconds")}
        earlier = [{**public_part(ring.current), **stamp}]
        earlier += json.loads(path.read_text(encoding="utf-8")).get("earlier", [])
    key = new_private_key()
    write_keyring(path, key, earlier)
    return key.get("kid"), retired
