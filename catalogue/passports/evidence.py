"""Evidence files of passports: their stable URL, and whether a public passport version lists them (reads only)."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from catalogue.models import PassportVersion
from products.models import EvidenceDocument


def evidence_file_path(document: EvidenceDocument) -> str:
    """/evidence/<id>/<file name>: stable, so that a published snapshot keeps pointing at the file."""
    return reverse("catalogue:evidence-file", args=[document.pk, document.file_name])


def evidence_file_url(document: EvidenceDocument) -> str:
    """The absolute URL a snapshot lists for an uploaded file."""
    return f"{settings.SITE_BASE_URL}{evidence_file_path(document)}"


def _listed_paths(document: EvidenceDocument) -> set[str]:
    """The paths under which a snapshot may list the file: today's URL and, before random names, /media/<old name>."""
    paths = {unquote(evidence_file_path(document))}
    if document.legacy_name:
        paths.add(f"{settings.MEDIA_URL}{document.legacy_name}")
    return paths


def is_listed_publicly(document: EvidenceDocument) -> bool:
    """Whether a version of a public (published or withdrawn) passport lists the file.

    Read from the stored snapshots, so a redacted URL no longer counts and a later upload counts only once it
    is published. A product has few versions, and only their evidence lists are read.
    """
    paths = _listed_paths(document)
    listings = PassportVersion.objects.public().filter(product_id=document.product_id)
    for evidence in listings.values_list("snapshot__evidence", flat=True):
        for entry in evidence or []:
            url = entry.get("url") if isinstance(entry, dict) else None
            if url and unquote(urlsplit(url).path) in paths:
                return True
    return False


def public_evidence_file(pk: int, file_name: str) -> EvidenceDocument | None:
    """The evidence file at /evidence/<pk>/<file name> when a public passport version lists it."""
    document = EvidenceDocument.objects.exclude(file="").filter(pk=pk).first()
    if document is None or document.file_name != file_name or not is_listed_publicly(document):
        return None
    return document


def evidence_at_media_path(name: str) -> EvidenceDocument | None:
    """The evidence once (or still) stored as ``name`` under MEDIA_ROOT, for links to /media/… in old snapshots."""
    return EvidenceDocument.objects.exclude(file="").filter(Q(legacy_name=name) | Q(file=name)).first()
