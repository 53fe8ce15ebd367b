"""Evidence files: the accepted types by their magic bytes, random stored names, and the access-checked response."""

import os
import re
import uuid
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

# A file is served as inert data: nothing in it may run, load or be sniffed into another type.
FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
UNKNOWN_CONTENT_TYPE = "application/octet-stream"
HEAD_BYTES = 16


@dataclass(frozen=True)
class EvidenceType:
    """A type of file evidence may be: the bytes it starts with, and how it is stored and sent."""

    label: str
    content_type: str
    extension: str
    extensions: tuple[str, ...]
    magic: tuple[tuple[int, bytes], ...]  # (offset, bytes) pairs that must all be there

    def matches(self, head: bytes) -> bool:
        return all(head[offset : offset + len(expected)] == expected for offset, expected in self.magic)


EVIDENCE_TYPES = (
    EvidenceType("PDF", "application/pdf", ".pdf", (".pdf",), ((0, b"%PDF-"),)),
    EvidenceType("PNG", "image/png", ".png", (".png",), ((0, b"\x89PNG\r\n\x1a\n"),)),
    EvidenceType("JPEG", "image/jpeg", ".jpg", (".jpg", ".jpeg"), ((0, b"\xff\xd8\xff"),)),
    EvidenceType("WebP", "image/webp", ".webp", (".webp",), ((0, b"RIFF"), (8, b"WEBP"))),
)


def accepted_types_label() -> str:
    """The accepted types as the messages name them: "PDF, PNG, JPEG or WebP"."""
    labels = [evidence_type.label for evidence_type in EVIDENCE_TYPES]
    return gettext("%(types)s or %(last)s") % {"types": ", ".join(labels[:-1]), "last": labels[-1]}


def accepted_extensions() -> str:
    """The file input's ``accept`` list, so that the browser offers the right files first."""
    return ",".join(extension for evidence_type in EVIDENCE_TYPES for extension in evidence_type.extensions)


def detect_type(upload) -> EvidenceType | None:
    """The type the file's first bytes show, whatever its name says; the file is left at its start."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return next((evidence_type for evidence_type in EVIDENCE_TYPES if evidence_type.matches(head)), None)


def is_new_upload(value) -> bool:
    # A stored file was checked when it arrived; only a file not yet written to the storage is read here.
    return bool(value) and not getattr(value, "_committed", True)


def validate_evidence_size(value) -> None:
    if is_new_upload(value) and value.size > settings.EVIDENCE_MAX_UPLOAD_BYTES:
        raise ValidationError(
            gettext("The file should be at most %(limit)s, not %(size)s.")
            % {"limit": filesizeformat(settings.EVIDENCE_MAX_UPLOAD_BYTES), "size": filesizeformat(value.size)},
            code="file_too_large",
        )


def validate_evidence_content(value) -> None:
    if is_new_upload(value) and detect_type(value.file) is None:
        raise ValidationError(
            gettext("The file should be a %(types)s document; the content of “%(name)s” is none of these.")
            % {"types": accepted_types_label(), "name": os.path.basename(value.name)},
            code="file_type",
        )


def display_name(uploaded_name: str, evidence_type: EvidenceType | None) -> str:
    """The uploaded file's own name, safe to show, to put in a URL and in Content-Disposition.

    No directories, quotes, slashes or control characters; the extension is the one of the detected type.
    """
    base = re.split(r"[\\/]", uploaded_name or "")[-1]
    stem, extension = os.path.splitext(base)
    stem = " ".join(re.sub(r"[^\w .()-]+", "_", stem).split()).strip(". ")[:100] or "evidence"
    if evidence_type is None:
        return stem + re.sub(r"[^\w.]", "", extension.lower())[:10]
    if extension.lower() in evidence_type.extensions:
        return stem + extension.lower()
    return stem + evidence_type.extension


def type_named(content_type: str) -> EvidenceType | None:
    return next((t for t in EVIDENCE_TYPES if t.content_type == content_type), None)


def evidence_upload_to(instance, filename: str) -> str:
    """evidence/<32 random hex digits><extension of the detected type>: a name nobody can guess."""
    evidence_type = type_named(instance.content_type)
    return f"evidence/{uuid.uuid4().hex}{evidence_type.extension if evidence_type else ''}"


def evidence_file_response(document) -> HttpResponse:
    """The document's file as inert data; behind nginx only the X-Accel-Redirect header names it.

    Call it only after the access check.
    """
    prefix = settings.EVIDENCE_X_ACCEL_REDIRECT_PREFIX
    content_type = document.content_type or UNKNOWN_CONTENT_TYPE
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(document.file.name)}"
        response["Content-Disposition"] = content_disposition_header(False, document.file_name)
    else:
        try:
            handle = document.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file of this evidence is missing from the storage.") from None
        response = FileResponse(handle, content_type=content_type, filename=document.file_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CONTENT_SECURITY_POLICY
    # Who may read it depends on the session (drafts) and may change (redaction): no shared caches.
    response["Cache-Control"] = "private, no-cache"
    return response
