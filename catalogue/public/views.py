"""Public pages: the lookup, passport pages, browse and search, comparison and the maker directory."""

import contextlib
import functools
import hashlib
import json
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.dpp import presentation as dpp_presentation
from catalogue.dpp.presentation import identifier_facts, restricted_section
from catalogue.dpp.selectors import active_grant_for
from catalogue.dpp.services import read_restricted
from catalogue.models import rendition_key
from catalogue.passports import jsonld, presentation
from catalogue.passports.jsonld import passport_jsonld
from catalogue.passports.presentation import comparison_rows, passport_card, passport_page
from catalogue.passports.selectors import public_catalogue_revision
from catalogue.public.camera import camera_page, decoder_urls
from catalogue.public.compare_selection import bar_context, selected_codes
from catalogue.public.compare_table import mark_differences
from catalogue.public.facets import PublicProductFilterSet
from catalogue.public.home_box import search_url_for
from catalogue.public.lookup import CodeLookupError, InvalidCode, lookup
from catalogue.public.page_cache import cached_page, page_key, plain_visitor
from catalogue.public.pagination import LimitedPaginator
from catalogue.public.search import order_by_relevance, ranks_by_relevance
from catalogue.public.selectors import (
    PublicVersion,
    card_snapshots,
    latest_versions_for_codes,
    public_makers,
    published_products,
    version_history,
    version_snapshot,
)
from products.identifiers import normalise_passport_code
from products.models import Product

PAGE_CACHE_SECONDS = 24 * 60 * 60
PAGE_STYLESHEETS = ("css/site.css", "css/passport.css", "css/public.css")
BROWSE_PAGE_SIZE = 24
# A result list shows at most this many products (42 pages): more are counted as "more than" and narrowed by
# the filters, because counting and ranking every match at a million passports took seconds.
BROWSE_LIMIT = 1_000
# A kept list page changes with every publication, withdrawal and redaction (its key has the catalogue's
# revision); the makers' and categories' live names in its filters may lag by this much.
BROWSE_CACHE_SECONDS = 5 * 60
COMPARE_MIN, COMPARE_MAX = 2, 4
FACETS = ("category", "maker", "grade", "min_score", "material", "region", "solingen")
BROWSE_PARAMETERS = {"q", "ordering", "page", *FACETS}
# Characters that must not appear raw inside <script>: the same escaping as django.utils.html.json_script.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@functools.cache
def template_revision() -> str:
    """Changes whenever the page templates, the presenter, the JSON-LD or the stylesheets change.

    Part of every cache key and ETag, so that a deployment never serves pages rendered by older
    templates, or pointing at stylesheets that are gone, from a shared cache.
    """
    digest = hashlib.sha256()
    templates = Path(settings.BASE_DIR) / "templates"
    sources = [templates / "base.html", *sorted((templates / "catalogue" / "public" / "passport").glob("*.html"))]
    sources += [Path(presentation.__file__), Path(jsonld.__file__), Path(dpp_presentation.__file__)]
    for source in sources:
        digest.update(source.read_bytes())
    for stylesheet in PAGE_STYLESHEETS:
        with contextlib.suppress(ValueError):  # no manifest entry (collectstatic not run): nothing to track
            digest.update(static(stylesheet).encode())
    return digest.hexdigest()[:12]


def not_found(request, *, message: str, query: str = "", status: int = 404):
    """The helpful "not found" page: what went wrong, and a search form."""
    search_text = query if query and not query.strip().isdigit() else ""
    return render(
        request,
        "catalogue/public/not_found.html",
        {"message": message, "query": query, "search_text": search_text, "status": status},
        status=status,
    )


# ---------- Lookup ----------


@require_safe
@camera_page
def lookup_view(request):
    """The single lookup field: a GTIN/EAN/UPC, a passport code or a pasted Digital Link URL."""
    raw = request.GET.get("code", "")
    try:
        version = lookup(raw)
    except InvalidCode as error:
        search_url = search_url_for(raw, error)
        if search_url:  # a product name, not a code: search for it
            return redirect(search_url)
        context = {"code": raw, "error": error.message, "decoder": decoder_urls()}
        return render(request, "catalogue/public/home.html", context, status=400)
    except CodeLookupError as error:
        return not_found(request, message=error.message, query=raw, status=error.status)
    return redirect("catalogue:passport", code=version.passport_code)


# ---------- Passport pages ----------


def _canonical_code(code: str) -> str | None:
    try:
        return normalise_passport_code(code)
    except ValidationError:
        return None


def pdf_url(code: str, number: int | None) -> str:
    """Link to the PDF view, which another part of the app serves; a plain path if it is not routed."""
    name, args = ("catalogue:passport-version-pdf", [code, number]) if number else ("catalogue:passport-pdf", [code])
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return f"/p/{code}/v/{number}/passport.pdf" if number else f"/p/{code}/passport.pdf"


def _jsonld_script(snapshot: dict, language: str, withdrawn: bool) -> str:
    data = passport_jsonld(snapshot, language, withdrawn=withdrawn)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(f'<script type="application/ld+json">{text.translate(_JSON_SCRIPT_ESCAPES)}</script>')


def _render_passport_content(history: list[PublicVersion], row: PublicVersion, language: str) -> dict:
    """The cacheable part of a passport page: title, JSON-LD and the whole <main> content."""
    snapshot = version_snapshot(row.pk)
    page = passport_page(snapshot, language)
    latest = history[0]
    code = page["product"]["passport_code"]
    is_latest = row.number == latest.number
    withdrawn = latest.status == Product.Status.WITHDRAWN
    # Versions are numbered without gaps, so the successor is the next number when this one is not the latest.
    successor = None if is_latest else row.number + 1
    context = {
        "identifier_facts": identifier_facts(snapshot, successor=successor),
        "page": page,
        "version": row,
        "latest": latest,
        "history": history,
        "is_latest": is_latest,
        "withdrawn": withdrawn,
        "code": code,
        "pdf_url": pdf_url(code, None if is_latest else row.number),
    }
    return {
        "title": page["product"]["name"],
        "description": page["product"]["description"][:200],
        "jsonld": _jsonld_script(snapshot, language, withdrawn),
        "content": mark_safe(render_to_string("catalogue/public/passport/content.html", context)),
    }


def _passport(request, code: str, number: int | None):
    canonical = _canonical_code(code)
    if canonical is None:
        return not_found(
            request, message=_("There is no passport with the code %(code)s.") % {"code": code}, query=code
        )
    if canonical != code:
        target = (
            reverse("catalogue:passport-version", args=[canonical, number])
            if number
            else reverse("catalogue:passport", args=[canonical])
        )
        return HttpResponsePermanentRedirect(target)
    history = version_history(canonical)
    if not history:
        return not_found(
            request, message=_("No published passport has the code %(code)s.") % {"code": canonical}, query=canonical
        )
    if number is None:
        row = history[0]
    else:
        row = next((entry for entry in history if entry.number == number), None)
        if row is None:
            return not_found(
                request,
                message=_("The passport %(code)s has no version %(number)s.") % {"code": canonical, "number": number},
            )
    language = get_language() or settings.LANGUAGE_CODE
    # Everything the page shows follows from these values: versions are immutable and numbered in order.
    content_key = "|".join(
        str(part)
        for part in (
            template_revision(),
            rendition_key(row.content_hash, row.redaction_count),
            row.number,
            history[0].number,
            history[0].status,
            language,
        )
    )
    viewer = "" if plain_visitor(request) else request.user.pk or ""
    if viewer and active_grant_for(request.user) is not None:
        return _restricted_passport_response(request, content_key, history, row, language)
    etag = '"' + hashlib.sha256(f"{content_key}|{viewer}".encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = _passport_response(request, content_key, history, row, language)
    response["ETag"] = etag
    # Always revalidate: a new version or a withdrawal changes the page behind the same URL.
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def _restricted_passport_response(request, content_key: str, history, row, language: str) -> HttpResponse:
    """The page with the restricted section, for a member of an organisation with an access grant.

    Never answered from a cache or with 304: every read of the restricted part is rendered and logged.
    """
    restricted = read_restricted(row.pk, request.user, "page")
    extra = {"restricted": restricted_section(restricted, version_snapshot(row.pk)) if restricted else None}
    response = _render_passport_page(request, content_key, history, row, language, keep_parts=True, extra=extra)
    patch_cache_control(response, no_store=True, private=True)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def _render_passport_page(
    request, content_key: str, history, row, language: str, *, keep_parts: bool, extra: dict | None = None
):
    parts_key = "passport-content:" + hashlib.sha256(content_key.encode()).hexdigest()
    parts = cache.get(parts_key)
    if parts is None:
        parts = _render_passport_content(history, row, language)
        if keep_parts:
            cache.set(parts_key, parts, PAGE_CACHE_SECONDS)
    return render(request, "catalogue/public/passport/page.html", {**parts, **(extra or {})})


def _passport_response(request, content_key: str, history, row, language: str) -> HttpResponse:
    """The page, from the cache when possible.

    For anonymous visitors the whole page is the same for everyone except the CSRF token of the
    language form, so it is cached whole with a placeholder where the token goes. Signed-in
    visitors, and anyone with a pending message, get the header rendered for them around the
    cached passport content.
    """
    if not plain_visitor(request):
        return _render_passport_page(request, content_key, history, row, language, keep_parts=True)
    return cached_page(
        request,
        page_key("passport-html", content_key, request.get_full_path()),
        lambda: _render_passport_page(request, content_key, history, row, language, keep_parts=False),
        PAGE_CACHE_SECONDS,
    )


@require_safe
def passport_view(request, code):
    """The current version of a public passport."""
    return _passport(request, code, None)


@require_safe
def passport_version_view(request, code, number):
    """One version of a public passport, at its permanent URL."""
    return _passport(request, code, number)


# ---------- Browse, search and compare ----------


def _listed_products() -> QuerySet[Product]:
    """Published products with only what a list needs of them: the cards come from ``card_snapshots``."""
    return published_products().only("pk", "passport_code")


def _cards(products) -> list[dict]:
    """What a product card shows, taken from the product's current published snapshot."""
    language = get_language() or settings.LANGUAGE_CODE
    products = list(products)
    snapshots = card_snapshots(product.pk for product in products)
    return [
        {"code": product.passport_code, **passport_card(snapshots[product.pk], language)}
        for product in products
        if product.pk in snapshots
    ]


@require_safe
def browse(request):
    """All published passports, with facets, full-text search, sorting and pagination.

    Kept whole for visitors who see it as everyone does (no comparison chosen), keyed by the catalogue's
    revision, so that a popular search is rendered once per publication rather than once per visitor.
    """
    # Only addresses made of the page's own parameters are kept: other parameters would end up in the kept
    # page's links, and would let anyone fill the cache with copies of one page.
    if set(request.GET) - BROWSE_PARAMETERS or not plain_visitor(request) or selected_codes(request):
        return _browse_page(request)
    key = page_key(
        "browse-html",
        template_revision(),
        public_catalogue_revision(),
        get_language() or settings.LANGUAGE_CODE,
        urlencode(sorted(request.GET.lists()), doseq=True),
    )
    return cached_page(request, key, lambda: _browse_page(request), BROWSE_CACHE_SECONDS)


def _browse_page(request):
    filterset = PublicProductFilterSet(data=request.GET, queryset=_listed_products())
    text = request.GET.get("q", "").strip()
    ranked = False
    if filterset.is_valid():
        matches = products = filterset.qs
        if not request.GET.get("ordering"):
            ranked = ranks_by_relevance(matches, text)
            # Most relevant first when searching (the best-scored matches), otherwise by name.
            products = order_by_relevance(matches, text, limit=BROWSE_LIMIT, base=_listed_products())
    else:
        matches = products = _listed_products().none()
    paginator = LimitedPaginator(products, BROWSE_PAGE_SIZE, limit=BROWSE_LIMIT, matches=matches)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    status = 200 if filterset.is_valid() else 400
    return render(
        request,
        "catalogue/public/browse.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "cards": _cards(page.object_list),
            "query_string": query.urlencode(),
            "search_text": request.GET.get("q", ""),
            "ranked_best": ranked,
            "facets_active": any(request.GET.get(name) for name in FACETS) or not filterset.is_valid(),
            **bar_context(request),
        },
        status=status,
    )


@require_safe
def compare(request):
    """Two to four current passports side by side: those in the address (a shared link), else the visitor's choice."""
    raw_codes = [code for code in request.GET.getlist("p") if code.strip()] or selected_codes(request)
    codes = []
    for raw in raw_codes:
        canonical = _canonical_code(raw)
        if canonical is None:
            return not_found(request, message=_("There is no passport with the code %(code)s.") % {"code": raw})
        if canonical not in codes:
            codes.append(canonical)
    if not COMPARE_MIN <= len(codes) <= COMPARE_MAX:
        return render(
            request,
            "catalogue/public/compare.html",
            {
                "error": _("Choose between %(min)d and %(max)d products to compare.")
                % {"min": COMPARE_MIN, "max": COMPARE_MAX},
                **bar_context(request),
            },
            status=400,
        )
    versions = latest_versions_for_codes(codes)
    missing = sorted(set(codes) - {version.product.passport_code for version in versions})
    if missing:
        return not_found(
            request, message=_("No published passport has the code %(code)s.") % {"code": ", ".join(missing)}
        )
    language = get_language() or settings.LANGUAGE_CODE
    pages = [passport_page(version.snapshot, language) for version in versions]
    rows = mark_differences(comparison_rows(pages))
    context = {"pages": pages, "rows": rows, **bar_context(request)}
    return render(request, "catalogue/public/compare.html", context)


# ---------- Makers ----------


@require_safe
def maker_list(request):
    """Every maker with at least one published passport."""
    return render(request, "catalogue/public/maker_list.html", {"makers": public_makers()})


@require_safe
def maker_detail(request, slug):
    """A maker's public profile and its published passports; makers without any are not public."""
    maker = get_object_or_404(public_makers().prefetch_related("facilities"), slug=slug)
    products = _listed_products().filter(maker=maker).order_by("published_facets__name", "pk")
    return render(request, "catalogue/public/maker_detail.html", {"maker": maker, "cards": _cards(products)})
