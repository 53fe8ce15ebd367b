"""Evidence files for everyone: what a public passport lists, else only the maker's members and staff (404)."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from catalogue.passports.evidence import evidence_at_media_path, evidence_file_path, public_evidence_file
from products.evidence_files import evidence_file_response
from products.selectors import evidence_file_for_user


def _visible_file(request, pk: int, file_name: str):
    document = public_evidence_file(pk, file_name) or evidence_file_for_user(request.user, pk, file_name)
    if document is None:
        # 404, never 403: whether an unpublished file exists is nobody else's business.
        raise Http404("No such evidence file.")
    return document


@require_http_methods(["GET", "HEAD"])
def evidence_file(request, pk, file_name):
    return evidence_file_response(_visible_file(request, pk, file_name))


@require_http_methods(["GET", "HEAD"])
def legacy_media_file(request, name):
    """/media/evidence/…, the raw URL older passport versions list: the same check, then the stable URL."""
    document = evidence_at_media_path(f"evidence/{name}")
    if document is None:
        raise Http404("No such evidence file.")
    return redirect(evidence_file_path(_visible_file(request, document.pk, document.file_name)), permanent=True)
