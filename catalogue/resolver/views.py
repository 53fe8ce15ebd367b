"""GS1 Digital Link resolver: /01/{gtin}[/22/…][/10/…][/21/…] redirects, linksets and the resolver description."""

import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.public.selectors import current_version
from catalogue.public.views import pdf_url
from catalogue.resolver.digital_link import DigitalLinkError, parse_path
from catalogue.resolver.linkset import (
    DEFAULT_LINK,
    GS1_VOCABULARY,
    LINK_TYPES,
    compact_link_type,
    first_link,
    passport_links,
    render_link_header,
    render_linkset,
)

LINKSET_MEDIA_TYPE = "application/linkset+json"
LINKSET_REQUESTS = ("linkset", "all")
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")


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
    }


def _lookup_api_url(gtin: str) -> str | None:
    try:
        return reverse("api:lookup") + f"?code={gtin}"
    except NoReverseMatch:
        return None


def _links(request, passport_code: str, gtin: str) -> list[dict]:
    absolute = request.build_absolute_uri
    json_path = _lookup_api_url(gtin)
    return passport_links(
        page_url=absolute(reverse("catalogue:passport", args=[passport_code])),
        titles=_titles(),
        json_url=absolute(json_path) if json_path else None,
        pdf_url=absolute(pdf_url(passport_code, None)),
    )


def _wants_html(request) -> bool:
    return "text/html" in request.headers.get("Accept", "")


def _error(request, status: int, message: str):
    """400 and 404 answers: an HTML page for browsers (a scanned QR code), JSON otherwise."""
    if _wants_html(request):
        return render(request, "catalogue/public/not_found.html", {"message": message, "status": status}, status=status)
    return JsonResponse({"detail": message}, status=status)


def _with_etag(request, etag_source: str, build) -> HttpResponse:
    etag = '"' + hashlib.sha256(etag_source.encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag) or build()
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept", "Accept-Language"])
    return response


def resolve(request, path: str):
    """Answer a GS1 Digital Link URI for a GTIN: a 307 redirect, one link type, or the whole linkset."""
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Allow"] = ", ".join(ALLOWED_METHODS)
        return response
    try:
        link = parse_path("01/" + path)
    except DigitalLinkError as error:
        return _error(request, 400, error.message)
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
    version = current_version(gtin=link.gtin, with_snapshot=False)
    if version is None:
        return _error(request, 404, _("No published passport has the GTIN %(gtin)s.") % {"gtin": link.gtin})
    links = _links(request, version.passport_code, link.gtin)
    anchor = request.build_absolute_uri(link.path)
    linkset_url = f"{anchor}?linkType=linkset"
    header = render_link_header(links, linkset_url=linkset_url)
    etag_source = "|".join(
        (
            version.content_hash,
            str(version.number),
            version.status,
            "linkset" if wants_linkset else link_type,
            anchor,
            get_language() or "",
        )
    )

    def build() -> HttpResponse:
        if wants_linkset:
            response = JsonResponse(
                render_linkset(anchor, links),
                content_type=LINKSET_MEDIA_TYPE,
                json_dumps_params={"ensure_ascii": False},
            )
        else:
            response = HttpResponse(status=307)
            response["Location"] = first_link(links, link_type)["href"]
        return response

    response = _with_etag(request, etag_source, build)
    response["Link"] = header
    return response


def well_known(request):
    """The resolver description at /.well-known/gs1resolver (GS1 Digital Link resolver standard)."""
    root = request.build_absolute_uri("/").rstrip("/")
    description = {
        "name": _("Gläserne Werkstatt Solingen: product passports"),
        "resolverRoot": root,
        "supportedPrimaryKeys": ["01"],
        "supportedQualifiers": {"01": ["22", "10", "21"]},
        "supportedLinkType": [{"namespace": GS1_VOCABULARY, "prefix": "gs1:", "profile": GS1_VOCABULARY}],
        "linkTypes": [*LINK_TYPES, "linkset"],
        "linkTypeDefaultCanBeLinkset": False,
        "supportedContextValuesEnumerated": [],
        "defaultLinkType": "gs1:dpp",
        "languages": [code for code, _name in settings.LANGUAGES],
    }
    response = JsonResponse(description, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=3600"
    return response
