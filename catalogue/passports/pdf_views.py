"""Public PDF downloads of published passports: one version, the current one, or a batch."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import PassportVersion
from catalogue.passports import selectors as print_selectors
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.printing import (
    LABELS,
    MAX_BATCH,
    PASSPORT,
    language_or_default,
    parse_identifiers,
    render_versions,
    split_codes,
)
from products.identifiers import normalise_passport_code
from products.models import Product

# A version never changes, so its PDF may be cached for long; the current one changes on republishing.
VERSION_CACHE_CONTROL = "public, max-age=604800"
CURRENT_CACHE_CONTROL = "public, max-age=300"


def pdf_response(content: bytes, filename: str, *, etag: str = "", cache_control: str = "") -> HttpResponse:
    """Stream a PDF inline (viewable in the browser) under a filename that says what it is."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if etag:
        response["ETag"] = etag
    if cache_control:
        response["Cache-Control"] = cache_control
    return response


def passport_filename(version: PassportVersion, language: str) -> str:
    return f"passport-{version.product.passport_code}-v{version.number}-{language}.pdf"


def _version_etag(version: PassportVersion, language: str) -> str:
    # The PDF is rendered from the frozen snapshot, the language and whether the passport was withdrawn.
    withdrawn = "-withdrawn" if version.product.status == Product.Status.WITHDRAWN else ""
    redacted = f"-r{version.redaction_count}" if version.redaction_count else ""
    return f'"{version.content_hash[:32]}{redacted}-{language}{withdrawn}"'


def _serve_version(request, version: PassportVersion, language: str, cache_control: str) -> HttpResponse:
    etag = _version_etag(version, language)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        response["ETag"] = etag
        response["Cache-Control"] = cache_control
        return response
    content = render_versions([version], format=PASSPORT, language=language)
    return pdf_response(content, passport_filename(version, language), etag=etag, cache_control=cache_control)


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _canonical_or_404(code: str) -> str:
    try:
        return normalise_passport_code(code)
    except ValidationError as error:
        raise Http404(_("No passport has this code.")) from error


def _serve(request, code: str, *, number: int | None = None) -> HttpResponse:
    canonical = _canonical_or_404(code)
    if canonical != code:
        # A loosely typed code gets the one canonical URL, so caches hold one copy per version.
        args = [canonical] if number is None else [canonical, number]
        url = reverse("catalogue:passport-pdf" if number is None else "catalogue:passport-version-pdf", args=args)
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url, permanent=True)
    try:
        language = language_or_default(request.GET.get("lang"), get_language() or "de")
    except ValidationError as error:
        return _bad_request(error.messages[0])
    if number is None:
        version = print_selectors.printable_version(canonical)
        cache_control = CURRENT_CACHE_CONTROL
    else:
        version = print_selectors.printable_version(canonical, number)
        cache_control = VERSION_CACHE_CONTROL
    if version is None:
        # Drafts answer exactly like unknown codes.
        raise Http404(_("No published passport has this code and version."))
    return _serve_version(request, version, language, cache_control)


@require_safe
def passport_pdf(request, code):
    """The current version of a public passport as an A4 PDF."""
    return _serve(request, code)


@require_safe
def passport_version_pdf(request, code, number):
    """One given version of a public passport as an A4 PDF; its content never changes."""
    return _serve(request, code, number=number)


@require_safe
def batch_pdf(request):
    """Many public passports (current versions) in one PDF: ?codes=A,B&format=passport|labels&layout=…&lang=…"""
    raw_codes = split_codes(",".join(request.GET.getlist("codes")))
    if not raw_codes:
        return _bad_request(_("codes: give one or more passport codes or GTINs, separated by commas."))
    if len(raw_codes) > MAX_BATCH:
        return _bad_request(
            _("codes: at most %(max)d passports per request, not %(count)d.")
            % {"max": MAX_BATCH, "count": len(raw_codes)}
        )
    output_format = request.GET.get("format", PASSPORT)
    if output_format not in (PASSPORT, LABELS):
        return _bad_request(
            _("format should be %(choices)s, not %(value)s.") % {"choices": "passport, labels", "value": output_format}
        )
    layout = request.GET.get("layout", "")
    if layout and layout not in LABEL_FORMATS:
        return _bad_request(
            _("layout should be one of %(choices)s, not %(value)s.")
            % {"choices": ", ".join(LABEL_FORMATS), "value": layout}
        )
    try:
        language = language_or_default(request.GET.get("lang"), get_language() or "de")
    except ValidationError as error:
        return _bad_request(error.messages[0])
    identifiers, errors = parse_identifiers(raw_codes)
    if errors:
        lines = "".join(f"\n- {raw}: {' '.join(messages)}" for raw, messages in errors.items())
        return _bad_request(_("codes: these are not valid passport codes or GTINs:") + lines)
    ordered, missing = print_selectors.current_versions_named(identifiers)
    if missing:
        # Unknown codes and drafts answer alike, so a batch cannot reveal which drafts exist.
        return HttpResponseNotFound(
            _("codes: no published passport for %(codes)s.") % {"codes": ", ".join(i.raw for i in missing)},
            content_type="text/plain; charset=utf-8",
        )
    content = render_versions(ordered, format=output_format, language=language, layout=layout)
    filename = f"{'labels' if output_format == LABELS else 'passports'}-{len(ordered)}-{language}.pdf"
    return pdf_response(content, filename, cache_control=CURRENT_CACHE_CONTROL)
