"""Public PDF downloads of published passports: one version, the current one, or a batch."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.accounts.selectors import roles_of
from catalogue.infrastructure.clients import address_in
from catalogue.models import PassportVersion
from catalogue.passports import pdf_cache
from catalogue.passports import selectors as print_selectors
from catalogue.passports.page_budget import PageBudgetExceeded
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf_throttle import BUSY_RETRY_SECONDS, Rate, charge, parse_rate, render_slot, spent
from catalogue.passports.printing import (
    DEFAULT_LABEL_LAYOUT,
    DETAILED,
    LABELS,
    MAX_BATCH,
    SHELF,
    format_or_error,
    label_options_from,
    language_or_default,
    parse_identifiers,
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


@dataclass(frozen=True)
class Allowance:
    """What one client may have rendered: passports per batch, pages per request, passports per period."""

    batch: int
    max_pages: int
    client: str  # whom the throttle counts
    rate: Rate
    render_slots: int | None  # renders at once across the site for such clients; None: no limit


def allowance_of(request) -> Allowance:
    """Signed-in retailers print whole assortments and are known by their account; everyone else is counted
    by address (catalogue.infrastructure.clients) with the small anonymous allowance."""
    if roles_of(request.user).is_retailer:
        rate = parse_rate("PDF_RETAILER_THROTTLE_RATE", settings.PDF_RETAILER_THROTTLE_RATE)
        return Allowance(MAX_BATCH, settings.PDF_RETAILER_PAGE_BUDGET, f"user:{request.user.pk}", rate, None)
    return anonymous_allowance(request)


def anonymous_client(meta) -> str:
    """Whom the anonymous throttle counts, from a request's META or a WSGI environ (pdf_early_refusal)."""
    return f"address:{address_in(meta)}"


def anonymous_allowance(request) -> Allowance:
    """The allowance of a client counted by address; needs no session or user."""
    return Allowance(
        settings.ANONYMOUS_PDF_BATCH_LIMIT,
        settings.PDF_RENDER_PAGE_BUDGET,
        anonymous_client(request.META),
        parse_rate("PDF_THROTTLE_RATE", settings.PDF_THROTTLE_RATE),
        settings.PDF_ANONYMOUS_RENDER_SLOTS,
    )


def _kept_or_rendered(
    allowance: Allowance, versions, *, format: str, language: str, layout: str = "", label_options=None
) -> bytes | HttpResponse:
    """The PDF from the cache (free), else rendered within the client's throttle and page budget; or the
    refusal to send instead (429 with Retry-After, or 400 for a PDF longer than the budget).

    The versions come without their snapshots: the key needs only their rendition keys and status."""
    key = pdf_cache.key_for(versions, format=format, language=language, layout=layout, label_options=label_options)
    try:
        content = pdf_cache.cached_pdf(key, max_pages=allowance.max_pages)
        if content is not None:
            return content
        # Charged before the slot is asked for: a busy answer costs as much as a render, so that retrying at
        # once spends the allowance and ends in the cheap refusal (``spent``) instead of going on as a flood.
        refusal = charge(allowance.client, len(versions), allowance.rate)
        if refusal is not None:
            return too_many_renders(refusal)
        with render_slot(allowance.render_slots) as free:
            if not free:
                return _busy()
            print_selectors.load_snapshots(versions)
            return pdf_cache.render_and_keep(
                key,
                versions,
                format=format,
                language=language,
                layout=layout,
                max_pages=allowance.max_pages,
                label_options=label_options,
            )
    except PageBudgetExceeded as exceeded:
        return _bad_request(
            _(
                "This PDF would have more than %(pages)d pages, the most one request may render. "
                "Ask for fewer passports at a time."
            )
            % {"pages": exceeded.pages}
        )


def refusal_text(refusal) -> str:
    """What a client refused by the throttle is told, in the active language."""
    return _(
        "Too many passports rendered as PDF: at most %(limit)d passports in %(seconds)d seconds. "
        "Try again in %(wait)d seconds."
    ) % {"limit": refusal.rate.limit, "seconds": refusal.rate.seconds, "wait": refusal.retry_after}


def too_many_renders(refusal) -> HttpResponse:
    """429 with Retry-After: a short plain text, cheap to send thousands of times."""
    response = HttpResponse(refusal_text(refusal), status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _busy() -> HttpResponse:
    response = HttpResponse(
        _("Other PDFs are being rendered right now. Try again in %(wait)d seconds.") % {"wait": BUSY_RETRY_SECONDS},
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(BUSY_RETRY_SECONDS)
    return response


def passport_filename(version: PassportVersion, language: str, output_format: str = DETAILED) -> str:
    kind = "shelf-passport" if output_format == SHELF else "passport"
    return f"{kind}-{version.product.passport_code}-v{version.number}-{language}.pdf"


def _version_etag(version: PassportVersion, language: str, output_format: str = DETAILED) -> str:
    # The PDF is rendered from the frozen snapshot, the format, the language and whether it was withdrawn.
    withdrawn = "-withdrawn" if version.product.status == Product.Status.WITHDRAWN else ""
    redacted = f"-r{version.redaction_count}" if version.redaction_count else ""
    shelf = "-shelf" if output_format == SHELF else ""
    return f'"{version.content_hash[:32]}{redacted}-{language}{shelf}{withdrawn}"'


def _serve_version(
    request, allowance: Allowance, version: PassportVersion, language: str, cache_control: str, output_format: str
) -> HttpResponse:
    etag = _version_etag(version, language, output_format)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        response["ETag"] = etag
        response["Cache-Control"] = cache_control
        return response
    content = _kept_or_rendered(allowance, [version], format=output_format, language=language)
    if isinstance(content, HttpResponse):
        return content
    filename = passport_filename(version, language, output_format)
    return pdf_response(content, filename, etag=etag, cache_control=cache_control)


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
        output_format = format_or_error(request.GET.get("format"), DETAILED)
    except ValidationError as error:
        return _bad_request(error.messages[0])
    if output_format == LABELS:
        return _bad_request(
            _("format should be %(choices)s here; labels are printed from passports.pdf?codes=….")
            % {"choices": f"{SHELF}, {DETAILED}"}
        )
    allowance = allowance_of(request)
    if refusal := spent(allowance.client, allowance.rate):
        return too_many_renders(refusal)
    version = print_selectors.printable_version(canonical, number, snapshot=False)
    cache_control = CURRENT_CACHE_CONTROL if number is None else VERSION_CACHE_CONTROL
    if version is None:
        # Drafts answer exactly like unknown codes.
        raise Http404(_("No published passport has this code and version."))
    return _serve_version(request, allowance, version, language, cache_control, output_format)


@require_safe
def passport_pdf(request, code):
    """The current version of a public passport as an A4 PDF: detailed, or ?format=shelf for one page."""
    return _serve(request, code)


@require_safe
def passport_version_pdf(request, code, number):
    """One given version of a public passport as an A4 PDF (?format=shelf|detailed); its content never changes."""
    return _serve(request, code, number=number)


@require_safe
def batch_pdf(request):
    """Many public passports (current versions) in one PDF:
    ?codes=A,B&format=shelf|detailed|labels&layout=…&price=1&ean=1&start=N&lang=…"""
    raw_codes = split_codes(",".join(request.GET.getlist("codes")))
    if not raw_codes:
        return _bad_request(_("codes: give one or more passport codes or GTINs, separated by commas."))
    allowance = allowance_of(request)
    if refusal := spent(allowance.client, allowance.rate):
        return too_many_renders(refusal)
    batch_limit = allowance.batch
    if len(raw_codes) > batch_limit:
        if batch_limit < MAX_BATCH:
            return _bad_request(
                _(
                    "codes: at most %(max)d passports per request, not %(count)d. "
                    "Signed-in retailers print up to %(retailer_max)d at a time."
                )
                % {"max": batch_limit, "count": len(raw_codes), "retailer_max": MAX_BATCH}
            )
        return _bad_request(
            _("codes: at most %(max)d passports per request, not %(count)d.")
            % {"max": batch_limit, "count": len(raw_codes)}
        )
    try:
        output_format = format_or_error(request.GET.get("format"), DETAILED)
    except ValidationError as error:
        return _bad_request(error.messages[0])
    layout = request.GET.get("layout", "")
    if layout and layout not in LABEL_FORMATS:
        return _bad_request(
            _("layout should be one of %(choices)s, not %(value)s.")
            % {"choices": ", ".join(LABEL_FORMATS), "value": layout}
        )
    label_options = None
    if output_format == LABELS:
        try:
            label_options = label_options_from(request.GET, layout or DEFAULT_LABEL_LAYOUT)
        except ValidationError as error:
            return _bad_request(
                " ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            )
    try:
        language = language_or_default(request.GET.get("lang"), get_language() or "de")
    except ValidationError as error:
        return _bad_request(error.messages[0])
    identifiers, errors = parse_identifiers(raw_codes)
    if errors:
        lines = "".join(f"\n- {raw}: {' '.join(messages)}" for raw, messages in errors.items())
        return _bad_request(_("codes: these are not valid passport codes or GTINs:") + lines)
    ordered, missing = print_selectors.current_versions_named(identifiers, snapshots=False)
    if missing:
        # Unknown codes and drafts answer alike, so a batch cannot reveal which drafts exist.
        return HttpResponseNotFound(
            _("codes: no published passport for %(codes)s.") % {"codes": ", ".join(i.raw for i in missing)},
            content_type="text/plain; charset=utf-8",
        )
    content = _kept_or_rendered(
        allowance, ordered, format=output_format, language=language, layout=layout, label_options=label_options
    )
    if isinstance(content, HttpResponse):
        return content
    kind = {LABELS: "labels", SHELF: "shelf-passports"}.get(output_format, "passports")
    filename = f"{kind}-{len(ordered)}-{language}.pdf"
    return pdf_response(content, filename, cache_control=CURRENT_CACHE_CONTROL)
