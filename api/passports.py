"""Public passports: the current published version of every public product, and each of its versions.

Everything here is read from published passport versions (their frozen snapshots), never from the
products' live data, so a change a maker has not published yet is never visible.
"""

import functools
import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import get_script_prefix, reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from catalogue.dpp.services import read_restricted
from catalogue.passports.filters import PassportFilterSet
from catalogue.passports.public_json import detail_json_for, iso, list_fields, render
from catalogue.passports.selectors import (
    current_version_summaries,
    public_catalogue_revision,
    public_passport_products,
)
from catalogue.public.search import order_by_relevance
from catalogue.public.selectors import current_version, version_history, version_snapshot
from products.models import Product

from . import openapi
from .base import ScopedViewMixin, passport_code_or_404
from .pagination import PageRows
from .passport_serializers import (
    PassportSummarySerializer,
    PassportVersionSerializer,
    PassportVersionSummarySerializer,
)

WITHDRAWN = Product.Status.WITHDRAWN.value
# Stands for the passport code in rendered URL templates (written "\u0001", which no URL contains).
_MARK, _RENDERED_MARK = "\x01", "\\u0001"
# Placeholders that the URL patterns accept, replaced per row; reversing once per request is much cheaper.
_CODE, _NUMBER = "C0DE", "987654321"

FILTER_PARAMETERS = frozenset(PassportFilterSet.base_filters)
COUNTED_BY = FILTER_PARAMETERS - {"ordering"}
# A list row: the product's id, code and status, and the list row stored with its browse facets.
LIST_COLUMNS = ("pk", "passport_code", "status", "published_facets__list_row")
# Also bounds how long a change that does not publish (a category moved in the tree) takes to show.
LIST_CACHE_SECONDS = 300
VERSION_NUMBER = OpenApiParameter(
    "number", OpenApiTypes.INT, OpenApiParameter.PATH, description="The version number, from 1."
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@functools.lru_cache(maxsize=64)
def _url_templates(root: str, script_prefix: str) -> tuple[str, ...]:
    """The passport URLs of a host and a script prefix as templates: reversing seven URLs took as long as
    a small answer. ``reverse`` reads the script prefix itself; it is an argument so that it keys the cache."""

    def template(name: str, *args) -> str:
        return root + reverse(name, args=args).replace(_CODE, "{code}").replace(_NUMBER, "{number}")

    return (
        template("api:passport-detail", _CODE),
        template("api:passport-versions", _CODE),
        template("api:passport-version", _CODE, _NUMBER),
        template("catalogue:passport", _CODE),
        template("catalogue:passport-pdf", _CODE),
        template("catalogue:passport-version", _CODE, _NUMBER),
        template("catalogue:passport-version-pdf", _CODE, _NUMBER),
    )


@functools.lru_cache(maxsize=4)
def _unfiltered_list_sql(vendor: str) -> tuple[str, tuple]:
    """The SQL of the list without filters, search or ordering (by name), compiled once per database (``vendor``
    keys the cache): in a request, building and compiling the queryset took longer than running it."""
    products = order_by_relevance(public_passport_products(), "")
    return products.values_list(*LIST_COLUMNS).query.sql_with_params()


class PassportUrls:
    """Absolute URLs of passports for one request: the API resources, the web pages and the PDFs."""

    def __init__(self, request):
        root = request.build_absolute_uri("/")[:-1]
        (
            self._api,
            self._api_versions,
            self._api_version,
            self._html,
            self._pdf,
            self._version_html,
            self._version_pdf,
        ) = _url_templates(root, get_script_prefix())

    def passport(self, code: str) -> str:
        return self._api.format(code=code)

    def version(self, code: str, number: int) -> str:
        return self._api_version.format(code=code, number=number)

    def current_links(self, code: str) -> dict:
        """Links that always show the current version."""
        return {
            "html": self._html.format(code=code),
            "pdf": self._pdf.format(code=code),
            "versions": self._api_versions.format(code=code),
        }

    def version_links(self, code: str, number: int) -> dict:
        """The permanent links of one version."""
        return {
            "html": self._version_html.format(code=code, number=number),
            "pdf": self._version_pdf.format(code=code, number=number),
            "versions": self._api_versions.format(code=code),
        }


def summary_row(urls: PassportUrls, code: str, summary: dict) -> dict:
    """A passport list row (PassportSummarySerializer) from ``current_version_summaries``."""
    return {
        "url": urls.passport(code),
        "passport_code": code,
        **list_fields(code, summary),
        "status": summary["status"],
        "withdrawn": summary["status"] == WITHDRAWN,
        "links": urls.current_links(code),
    }


class StoredRows:
    """Joins list rows from the texts stored at publication (catalogue.passports.public_json) with what
    depends on the request: the absolute URLs, the passport code and the product's current status."""

    def __init__(self, urls: PassportUrls):
        # The code is the only per-row part of the URLs; it is a separator of the rendered templates.
        head = render({"url": urls.passport(_MARK), "passport_code": _MARK})[:-1]
        self._head = head.split(_RENDERED_MARK)
        self._links = render(urls.current_links(_MARK)).split(_RENDERED_MARK)

    def row(self, code: str, status: str, stored: str) -> str:
        withdrawn = "true" if status == WITHDRAWN else "false"
        return (
            f'{code.join(self._head)},{stored},"status":"{status}","withdrawn":{withdrawn},'
            f'"links":{code.join(self._links)}}}'
        )


def version_data(
    urls: PassportUrls,
    *,
    code: str,
    number: int,
    published_at,
    content_hash: str,
    methodology_version: str,
    status: str,
    superseded: bool,
    snapshot: dict | None = None,
) -> dict:
    """A version without its snapshot; with ``snapshot``, the whole version (PassportVersionSerializer)."""
    data = {
        "url": urls.version(code, number),
        "version": number,
        "published_at": iso(published_at),
        "content_hash": content_hash,
        "methodology_version": methodology_version,
        "superseded": superseded,
        "withdrawn": status == WITHDRAWN,
        "links": urls.version_links(code, number),
    }
    if snapshot is not None:
        predecessor = snapshot.get("predecessor")
        data.update(
            passport_code=code,
            gtin=(snapshot.get("product") or {}).get("gtin"),
            status=status,
            passport=snapshot,
            # ESPR Art. 11(d): the snapshot names the version it follows; the one that follows it cannot be in the
            # immutable snapshot, and versions are numbered without gaps, so it is the next number when superseded.
            predecessor={**predecessor, "url": urls.version(code, predecessor["version"])} if predecessor else None,
            successor={"version": number + 1, "url": urls.version(code, number + 1)} if superseded else None,
        )
    return data


def public_version_data(
    urls: PassportUrls, version, *, newest: int, snapshot: dict | None = None, code: str = "", status: str = ""
) -> dict:
    """``version_data`` of a version: a ``catalogue.public.selectors.PublicVersion``, or a ``PassportVersion``
    with its product's ``code`` and ``status`` given."""
    return version_data(
        urls,
        code=code or version.passport_code,
        number=version.number,
        published_at=version.published_at,
        content_hash=version.content_hash,
        methodology_version=version.methodology_version,
        status=status or version.status,
        superseded=version.number < newest,
        snapshot=snapshot,
    )


def stored_detail(urls: PassportUrls, version) -> bytes:
    """The current version's detail (PassportVersionSerializer) joined from the text stored at publication."""
    code, number = version.passport_code, version.number
    head = version_data(
        urls,
        code=code,
        number=number,
        published_at=version.published_at,
        content_hash=version.content_hash,
        methodology_version=version.methodology_version,
        status=version.status,
        superseded=False,
    )
    head["passport_code"] = code
    body = detail_json_for(version.public_detail_json, version.status, lambda earlier: urls.version(code, earlier))
    return (render(head)[:-1] + "," + body + ',"successor":null}').encode()


@extend_schema_view(
    list=extend_schema(
        summary="List public passports",
        description=(
            "The current version of every published passport, and of withdrawn ones (marked `withdrawn`). Every "
            "value comes from the published snapshot. Filters are those of the browse page; `page_size` is capped "
            "at 100."
        ),
        responses=PassportSummarySerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Get the current version of a passport",
        description=(
            "The current published version with its frozen snapshot under `passport`. Members (and their tokens) of "
            "an organisation with an access grant in force (repairer, recycler, authority) also get `restricted`: "
            "the version's part of legitimate interest (ESPR Art. 9(2)(f)) with its salt and the SHA-256 that the "
            "snapshot's `restricted_part.sha256` names. Every such read is logged for the maker."
        ),
        responses=PassportVersionSerializer,
    ),
)
@extend_schema(tags=["passports"])
class PassportViewSet(ScopedViewMixin, viewsets.GenericViewSet):
    """Published passports, read only, for everyone."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]  # cached list pages are stored as JSON
    lookup_field = "code"
    lookup_value_regex = "[0-9A-Za-z-]+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = PassportFilterSet
    schema_path_parameters = [openapi.PUBLIC_PASSPORT_CODE, VERSION_NUMBER]

    def get_queryset(self):
        return public_passport_products()

    def filter_queryset(self, queryset):
        if not FILTER_PARAMETERS & self.request.query_params.keys():
            return queryset  # an empty filter form filters nothing; building it costs more than the whole query
        return super().filter_queryset(queryset)

    def list(self, request):
        """A page of the list, served from the cache until a passport is published, withdrawn or redacted.

        The key holds the catalogue's revision (one query), the host (the links are absolute) and the
        whole query string, so an answer is never older than the last publication, withdrawal or redaction.
        """
        revision = public_catalogue_revision()
        key = "api-passport-list:" + _digest(f"{revision}|{request.build_absolute_uri()}")
        body = cache.get(key)
        if body is None:
            body = self.page_body(request, revision)
            cache.set(key, body, LIST_CACHE_SECONDS)
        return HttpResponse(body, content_type="application/json")

    def page_body(self, request, revision: str) -> bytes:
        """A page as JSON, joined from the rows stored at publication: one query reads the page's products with
        the list rows of their browse facets, one counts them (once per choice of filters and revision), so no
        snapshot is read or rendered."""
        filtered = bool(FILTER_PARAMETERS & request.query_params.keys())
        products = self.ordered(request) if filtered else None
        sql = None if filtered else _unfiltered_list_sql(connection.vendor)
        # Unfiltered, the queryset is built only to count, and the count is mostly kept.
        counted = (lambda: products) if filtered else self.get_queryset
        count = functools.partial(self.kept_count, request, revision, counted)
        page = self.paginate_queryset(PageRows(products, LIST_COLUMNS, sql=sql, count=count))
        urls = PassportUrls(request)
        missing = [pk for pk, _code, _status, stored in page if not stored]
        summaries = current_version_summaries(missing) if missing else {}  # versions stored before public_json
        rows, joined = [], StoredRows(urls)
        for pk, code, status, stored in page:
            if stored:
                rows.append(joined.row(code, status, stored))
            elif pk in summaries:
                rows.append(render(summary_row(urls, code, summaries[pk])))
        envelope = render(self.get_paginated_response([]).data)  # ends with "results":[]}
        return (envelope[:-2] + ",".join(rows) + "]}").encode()

    def kept_count(self, request, revision: str, products: Callable[[], QuerySet]) -> int:
        """The count of ``products()``, kept as long as list pages are: every page of one choice of filters has
        the same count, and counting took as long as reading a page."""
        params = request.query_params
        filters = sorted((name, params.getlist(name)) for name in COUNTED_BY & params.keys())
        key = "api-passport-count:" + _digest(f"{revision}|{filters}")
        count = cache.get(key)
        if count is None:
            count = products().count()
            cache.set(key, count, LIST_CACHE_SECONDS)
        return count

    def ordered(self, request):
        products = self.filter_queryset(self.get_queryset())
        if not request.query_params.get("ordering"):
            # As on the browse page: most relevant first when searching with full text, otherwise by name; every
            # match is ranked, because the count of the page is exact.
            products = order_by_relevance(products, request.query_params.get("q", ""))
        return products

    def retrieve(self, request, code=None):
        # Nobody anonymous reads the restricted part, so for them the stored detail is the whole answer.
        anonymous = not request.user.is_authenticated
        version = current_version(passport_code=passport_code_or_404(code), detail_json=anonymous)
        if version is None:
            raise NotFound()
        urls = PassportUrls(request)
        if version.public_detail_json:
            return HttpResponse(stored_detail(urls, version), content_type="application/json")
        data = public_version_data(urls, version, newest=version.number, snapshot=version.snapshot)
        return self.with_dpp_links(request, urls, data, version, newest=version.number)

    def with_dpp_links(self, request, urls, data: dict, version, *, newest: int) -> Response:
        """For a member (or token) of an organisation with an access grant: the version's restricted part, logged."""
        response = Response(data)
        if request.user.is_authenticated:
            restricted = read_restricted(version.pk, request.user, "api")
            if restricted is not None:
                data["restricted"] = restricted
                response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        summary="List the versions of a passport",
        description="Every published version, newest first, without snapshots. Earlier versions are `superseded`.",
        responses=PassportVersionSummarySerializer(many=True),
    )
    @action(detail=True, url_path="versions", filter_backends=[])
    def versions(self, request, code=None):
        history = version_history(passport_code_or_404(code))
        if not history:
            raise NotFound()
        page = self.paginate_queryset(history)
        urls = PassportUrls(request)
        newest = history[0].number
        return self.get_paginated_response([public_version_data(urls, version, newest=newest) for version in page])

    @extend_schema(
        summary="Get one version of a passport",
        description=(
            "A published version at its permanent URL, with its frozen snapshot under `passport`; `restricted` as "
            "for the current version."
        ),
        responses=PassportVersionSerializer,
    )
    @action(detail=True, url_path=r"versions/(?P<number>[0-9]+)", filter_backends=[], pagination_class=None)
    def version(self, request, code=None, number=None):
        history = version_history(passport_code_or_404(code))
        match = next((version for version in history if str(version.number) == number.lstrip("0")), None)
        if match is None:
            raise NotFound()
        snapshot = version_snapshot(match.pk)
        urls = PassportUrls(request)
        newest = history[0].number
        data = public_version_data(urls, match, newest=newest, snapshot=snapshot)
        return self.with_dpp_links(request, urls, data, match, newest=newest)
