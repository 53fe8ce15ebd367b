"""The backup copy of every published passport version (ESPR Art. 10(4)): a self-describing folder tree.

``<code>/v<n>/`` holds the version's ``snapshot.json`` (as stored, with any redactions), its signed credential
``credential.jwt`` (when the catalogue signs), and its detailed A4 passports ``passport-de.pdf`` and
``passport-en.pdf``. ``manifest.json`` at the root lists every file with its SHA-256 and each version's content
hash; ``README.txt`` explains the tree to whoever hosts it. Versions never change, so a run skips versions whose
folder the manifest already lists.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from catalogue.models import PassportVersion
from catalogue.passports.pdf.document import render_passports
from products.models import Product

try:  # the signed credential comes from catalogue.credentials (issue 15 point 3) when it is there
    from catalogue.credentials.services import signed_credential
except ImportError:  # pragma: no cover - without it the backup has no credential.jwt
    signed_credential = None

MANIFEST = "manifest.json"
README = "README.txt"
PDF_LANGUAGES = ("de", "en")
README_TEXT = """Backup copy of the digital product passports of the Gläserne Werkstatt catalogue ({site})
(ESPR, Regulation (EU) 2024/1781, Art. 10(4)). Made {made}.

Layout:
  <passport code>/v<version>/snapshot.json    the published passport data (schema gw-passport/1)
  <passport code>/v<version>/credential.jwt   the W3C Verifiable Credential of the version (VC-JOSE, when signed)
  <passport code>/v<version>/passport-de.pdf  the detailed passport in German
  <passport code>/v<version>/passport-en.pdf  ... and in English
  manifest.json                               every file with its SHA-256, and each version's content hash

A version's content hash is the SHA-256 of the canonical JSON of its snapshot as published (sorted keys, no
spaces, UTF-8). Staff may have redacted fields since (listed under "redactions" in the snapshot), in which case the
stored snapshot no longer hashes to it. Versions never change: a newer version gets a folder of its own.
Check the copy with: manage.py backup_passports --verify <folder>
"""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _load_manifest(root: Path) -> dict:
    path = root / MANIFEST
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"schema": "gw-backup/1", "site": settings.SITE_BASE_URL, "versions": {}, "files": {}}


@dataclass
class BackupResult:
    written: list[str] = field(default_factory=list)
    skipped: int = 0
    without_credential: int = 0


def _version_files(version: PassportVersion) -> tuple[dict[str, bytes], bool]:
    snapshot = version.snapshot
    files = {"snapshot.json": (json.dumps(snapshot, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()}
    withdrawn = version.product.status == Product.Status.WITHDRAWN
    for language in PDF_LANGUAGES:
        files[f"passport-{language}.pdf"] = render_passports(
            [snapshot], language, hashes=[version.content_hash], withdrawn=[withdrawn]
        )
    credential = None
    if signed_credential is not None:
        try:
            credential = signed_credential(version)
        except Exception:  # no key yet (development): the backup is still useful without the credential
            credential = None
    if credential:
        files["credential.jwt"] = credential.encode()
    return files, bool(credential)


def write_backup(root: Path) -> BackupResult:
    """Write every public version not yet in the backup at ``root``, then the manifest and the README."""
    root.mkdir(parents=True, exist_ok=True)
    manifest = _load_manifest(root)
    result = BackupResult()
    versions = (
        PassportVersion.objects.filter(product__status__in=Product.PUBLIC_STATUSES)
        .select_related("product")
        .order_by("product__passport_code", "number")
    )
    for version in versions.iterator(chunk_size=50):
        folder = f"{version.product.passport_code}/v{version.number}"
        if folder in manifest["versions"]:
            result.skipped += 1
            continue
        files, signed = _version_files(version)
        result.without_credential += not signed
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (root / folder / name).write_bytes(content)
            manifest["files"][f"{folder}/{name}"] = hashlib.sha256(content).hexdigest()
        manifest["versions"][folder] = {
            "passport_code": version.product.passport_code,
            "version": version.number,
            "content_hash": version.content_hash,
            "published_at": version.published_at.isoformat(),
            "redactions": version.redaction_count,
        }
        result.written.append(folder)
    manifest["updated_at"] = timezone.now().isoformat()
    readme = README_TEXT.format(site=settings.SITE_BASE_URL, made=manifest["updated_at"])
    (root / README).write_text(readme, encoding="utf-8")
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    return result


def verify_backup(root: Path) -> list[str]:
    """What is wrong with the backup at ``root``: a missing or changed file, or a file the manifest lacks."""
    path = root / MANIFEST
    if not path.exists():
        return [f"{MANIFEST}: missing"]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        listed = manifest["files"]
    except (ValueError, KeyError, TypeError):
        return [f"{MANIFEST}: not a backup manifest"]
    problems = []
    for name, expected in sorted(listed.items()):
        file = root / name
        if not file.is_file():
            problems.append(f"{name}: missing")
        elif sha256_file(file) != expected:
            problems.append(f"{name}: changed (SHA-256 does not match the manifest)")
    present = {str(file.relative_to(root)) for file in root.rglob("*") if file.is_file()}
    for name in sorted(present - set(listed) - {MANIFEST, README}):
        problems.append(f"{name}: not in the manifest")
    return problems
