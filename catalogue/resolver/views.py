"""GS1 Digital Link resolver: /01/{gtin}[/22/…][/10/…][/21/…] redirects, linksets and the resolver description."""

import hashlib
from functools import wraps
from urllib.parse import parse_qsl, unquote

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from catalogue.public.selectors import current_version
from catalogue.public.views import pdf_url
from catalogue.resolver.digital_link import DigitalLink, DigitalLinkError, parse_path, parse_query_attributes
from catalogue.resolver.linkset import (
    DEFAULT_LINK,
    GS1_VOCABULARY,
    LINK_TYPES,
    LINKSET_CONTEXT,
    compact_link_type,
    context_link_header,
    linkset_link_header,
    passport_links,
    render_linkset,
)
from catalogue.resolver.negotiation import choose_link, with_query

LINKSET_MEDIA_TYPE = "application/linkset+json"
LINKSET_REQUESTS = ("linkset", "all")
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# Redirects and linksets may be cached briefly; a republished passport keeps its URL, so little goes stale.
CACHE_SECONDS = 300
# The canonical URI of a GTIN never changes.
CANONICAL_CACHE_SECONDS = 86400
EXPOSED_HEADERS = "Link, ETag, Location, Content-Language"


def _titles() -> dict[str, str]:
    return {
        "gs1:dpp": _("Digital product passport"),
        "gs1:pip": _("Product information"),
        "gs1:sustainabilityInfo": _("Score and sustainability"),
        "gs1:serviceInfo": _("Repair and services"),
        "gs1:certificationInfo": _("Evidence and certificates"),
        "gs1:instructions": _("Care and use"),
        "json": _("Digital product passport (JSON)"),
        "pdf": _("Digital product passport (PDF)"),
        "credential": _("Signed passport (verifiable credential)"),
    }


def _lookup_api_url(gtin: str) -> str | None:
    try:
        return reverse("api:lookup") + f"?code={gtin}"
    except NoReverseMatch:
        return None


def _links(request, passport_code: str, gtin: str, number: int | None = None) -> list[dict]:
    absolute = request.build_absolute_uri
    json_path = _lookup_api_url(gtin)
    return passport_links(
        page_url=absolute(reverse("catalogue:passport", args=[passport_code])),
        titles=_titles(),
        json_url=absolute(json_path) if json_path else None,
        pdf_url=absolute(pdf_url(passport_code, None)),
        credential_url=absolute(f"/api/v1/passports/{passport_code}/versions/{number}/credential") if number else None,
    )


def _wants_html(request) -> bool:
    return "text/html" in request.headers.get("Accept", "")


def _error(request, status: int, message: str):
    """400 and 404 answers: an HTML page for browsers (a scanned QR code), JSON otherwise."""
    if _wants_html(request):
        return render(request, "catalogue/public/not_found.html", {"message": message, "status": status}, status=status)
    return JsonResponse({"detail": message}, status=status)


def _with_cors(view):
    """CORS for the resolver: any origin, the resolver's own methods, and the headers a client reads.

    The resolver answers preflights itself (django-cors-headers does not cover its URLs) so that they
    allow exactly GET, HEAD and OPTIONS and carry the resolver's Link header like every other answer.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        return response

    return csrf_exempt(wrapped)


def _options() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def _with_etag(request, etag_source: str, build) -> HttpResponse:
    etag = '"' + hashlib.sha256(etag_source.encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag) or build()
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept", "Accept-Language", "Cookie"])
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def _raw_path(request) -> str | None:
    """The path as the client sent it, still percent-encoded, when the server tells it.

    gunicorn sends ``RAW_URI``, uWSGI ``REQUEST_URI`` and ASGI servers ``raw_path``; Django's development
    server does not, and its already decoded path is used instead (a ``%2F`` in a value is lost there).
    """
    raw = request.META.get("RAW_URI") or request.META.get("REQUEST_URI")
    scope = getattr(request, "scope", None)
    if not raw and scope and scope.get("raw_path"):
        raw = scope["raw_path"].decode("latin-1")
    if not raw:
        return None
    raw = raw.split("?", 1)[0].split("#", 1)[0]
    if "://" in raw:  # absolute-form request target
        raw = "/" + raw.split("://", 1)[1].partition("/")[2]
    marker = raw.find("/01/")
    # Use it only if it is the same path that Django routed, merely still encoded.
    if marker < 0 or unquote(raw[marker:]) != request.path_info[request.path_info.find("/01/") :]:
        return None
    return raw[marker:]


def _parse(request, path: str) -> DigitalLink:
    raw = _raw_path(request)
    link = parse_path(raw) if raw is not None else parse_path("01/" + path, encoded=False)
    parse_query_attributes(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), link)
    return link


def _canonical_redirect(request, link: DigitalLink) -> HttpResponse:
    """A GTIN written with 8, 12 or 13 digits: 301 to the URI with the 14-digit GTIN, query kept."""
    response = HttpResponse(status=301)
    query = request.META.get("QUERY_STRING", "")
    response["Location"] = with_query(request.build_absolute_uri(link.path), query, consumed=())
    patch_cache_control(response, public=True, max_age=CANONICAL_CACHE_SECONDS)
    return response


@_with_cors
def resolve(request, path: str):
    """Answer a GS1 Digital Link URI for a GTIN: a 307 redirect, one link type, or the whole linkset."""
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    try:
        link = _parse(request, path)
    except DigitalLinkError as error:
        if request.method == "OPTIONS":
            return _options()
        return _error(request, 400, error.message)
    anchor = request.build_absolute_uri(link.path)
    linkset_url = f"{anchor}?linkType=linkset"
    if request.method == "OPTIONS":
        response = _options()
        response["Link"] = linkset_link_header(linkset_url)
        return response
    if link.short_gtin:
        return _canonical_redirect(request, link)
    requested = request.GET.get("linkType", "").strip()
    wants_linkset = requested in LINKSET_REQUESTS or (
        not requested and LINKSET_MEDIA_TYPE in request.headers.get("Accept", "")
    )
    link_type = compact_link_type(requested) if requested and not wants_linkset else DEFAULT_LINK
    if requested and not wants_linkset and link_type not in LINK_TYPES:
        available = ", ".join((*LINK_TYPES, "linkset"))
        return _error(
            request,
            404,
            _("This resolver has no link of type %(type)s. Available: %(available)s.")
            % {"type": requested, "available": available},
        )
    version = current_version(gtin=link.gtin, with_snapshot=wants_linkset)
    if version is None:
        return _error(request, 404, _("No published passport has the GTIN %(gtin)s.") % {"gtin": link.gtin})
    links = _links(request, version.passport_code, link.gtin, version.number)
    target = None
    if not wants_linkset:
        candidates = [candidate for candidate in links if candidate["rel"] == link_type]
        chosen = choose_link(
            candidates,
            accept=request.headers.get("Accept", ""),
            accept_language=request.headers.get("Accept-Language", ""),
        )
        target = with_query(chosen["href"], request.META.get("QUERY_STRING", ""))
    etag_source = "|".join(
        (
            version.content_hash,
            str(version.number),
            version.status,
            "linkset" if wants_linkset else target,
            anchor,
            get_language() or "",
        )
    )

    def build() -> HttpResponse:
        if wants_linkset:
            return JsonResponse(
                render_linkset(anchor, links, item_description=version.snapshot["product"]["name"]),
                content_type=LINKSET_MEDIA_TYPE,
                json_dumps_params={"ensure_ascii": False},
            )
        response = HttpResponse(status=307)
        response["Location"] = target
        return response

    response = _with_etag(request, etag_source, build)
    response["Link"] = context_link_header() if wants_linkset else linkset_link_header(linkset_url)
    return response


@_with_cors
def well_known(request):
    """The resolver description at /.well-known/gs1resolver, with only the members the resolver standard defines."""
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    if request.method == "OPTIONS":
        return _options()
    root = request.build_absolute_uri("/").rstrip("/")
    description = {
        "name": _("Gläserne Werkstatt Solingen: product passports"),
        "resolverRoot": root,
        "supportedPrimaryKeys": ["01"],
        "supportedLinkType": [{"namespace": GS1_VOCABULARY, "prefix": "gs1:"}],
        "linkTypeDefaultCanBeLinkset": False,
        "jsonLdContextLocation": LINKSET_CONTEXT,
    }
    response = JsonResponse(description, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=3600"
    return response
