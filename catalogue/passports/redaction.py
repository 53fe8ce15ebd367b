"""Redacting named fields of a published passport version: the one change a version allows, always recorded."""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import PassportRedaction, PassportVersion, PublishedFacets
from catalogue.passports.facets import facets_from_snapshot, refresh_search_documents
from catalogue.passports.public_json import list_row, stored_json

# What identifies the passport and its score cannot be redacted: without them the version means nothing.
# The name too: every list, card and search row needs one (redacting it failed on the facets' NOT NULL name).
PROTECTED_PATHS = (
    "product.passport_code",
    "product.gtin",
    "product.name",
    "version",
    "published_at",
    "score",
    "redactions",
)


def parse_paths(text: str) -> list[str]:
    """Field paths typed one per line (or separated by commas), without blanks or repeats."""
    paths = []
    for line in text.replace(",", "\n").splitlines():
        path = line.strip()
        if path and path not in paths:
            paths.append(path)
    return paths


def _parent_and_key(snapshot: dict, path: str):
    """The container holding the value at ``path`` and its key, or None when the path does not exist."""
    node = snapshot
    parts = path.split(".")
    for part in parts[:-1]:
        node = _child(node, part)
        if node is None:
            return None
    last = parts[-1]
    if isinstance(node, dict) and last in node:
        return node, last
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        return node, int(last)
    return None


def _child(node, part: str):
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    return None


def validate_paths(snapshot: dict, paths: list[str]) -> None:
    """Every path names an existing value (text, number or flag) that may be redacted."""
    if not paths:
        raise ValidationError({"fields": _("Name at least one field to redact.")})
    problems = []
    for path in paths:
        if any(path == protected or path.startswith(protected + ".") for protected in PROTECTED_PATHS):
            problems.append(_("%(path)s identifies the passport or its score and cannot be redacted.") % {"path": path})
            continue
        found = _parent_and_key(snapshot, path)
        if found is None:
            problems.append(_("%(path)s is not a field of this version.") % {"path": path})
        elif isinstance(found[0][found[1]], dict | list):
            problems.append(_("%(path)s is a group of fields; name the fields inside it.") % {"path": path})
    if problems:
        raise ValidationError({"fields": problems})


def redacted_snapshot(snapshot: dict, paths: list[str], when) -> dict:
    """A copy of ``snapshot`` with the values at ``paths`` removed and a public note of the redaction."""
    result = copy.deepcopy(snapshot)
    for path in paths:
        container, key = _parent_and_key(result, path)
        container[key] = None
        if key == "supplier_name" and isinstance(container, dict):
            # Every renderer already shows a confidential supplier as such; a blank name alone would read "unknown".
            container["supplier_confidential"] = True
    result["redactions"] = [*result.get("redactions", []), {"fields": paths, "redacted_at": when.isoformat()}]
    return result


@transaction.atomic
def redact_version(version: PassportVersion, paths: list[str], reason: str, user=None) -> PassportRedaction:
    """Remove the values at ``paths`` from a published version and record who did it and why.

    The content hash stays that of the version as published: it proves what was published, and the redaction
    record explains why the stored snapshot now differs from it.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the redaction; it is kept for staff.")})
    locked = PassportVersion.objects.select_for_update().get(pk=version.pk)
    validate_paths(locked.snapshot, paths)
    when = timezone.now()
    snapshot = redacted_snapshot(locked.snapshot, paths, when)
    locked.snapshot = snapshot
    PassportVersion.objects.filter(pk=locked.pk).redact_snapshot(snapshot, **stored_json(locked))
    redaction = PassportRedaction.objects.create(
        version=locked, fields=paths, reason=reason.strip(), redacted_at=when, redacted_by=user
    )
    # Search, browse and the API's list read the current version's facets: they must not keep a redacted value either.
    PublishedFacets.objects.filter(version=locked).update(list_row=list_row(locked), **facets_from_snapshot(snapshot))
    refresh_search_documents(PublishedFacets.objects.filter(version=locked))
    version.snapshot = snapshot
    return redaction
