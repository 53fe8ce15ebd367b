"""Retailer API: the assortment, what needs reprinting, and printing passports or shelf labels as one PDF."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from catalogue.models import AssortmentItem, PrintJob
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf_views import pdf_response
from catalogue.passports.printing import DEFAULT_LABEL_LAYOUT, FORMATS, MAX_BATCH, RETAILER_DEFAULT_FORMAT, check_start
from catalogue.passports.selectors import current_version_summaries
from catalogue.printjobs.views import filename_of
from catalogue.retailers import selectors, services
from catalogue.retailers.forms import AddToAssortmentForm

from . import openapi, samples
from .base import FirstRenderer, ScopedViewMixin, passport_code_or_404
from .passport_serializers import PASSPORT_STATUSES
from .passports import PassportUrls
from .print_jobs import PrintJobSerializer, job_data
from .serializers import MakerSummarySerializer

SLUG = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="Your retailer's slug.")
ITEM_CODE = OpenApiParameter(
    "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="Passport code of a product in the assortment."
)
_DATETIME = serializers.DateTimeField()


# ---------- Representations ----------


class RetailerLinksSerializer(serializers.Serializer):
    assortment = serializers.URLField()
    reprints = serializers.URLField(help_text="Products whose printed passport is out of date.")
    print = serializers.URLField(help_text="POST here to print passports or shelf labels.")


@extend_schema_serializer(examples=[OpenApiExample("A retailer", value=samples.RETAILER, response_only=True)])
class RetailerSerializer(serializers.Serializer):
    """A retailer you are a member of."""

    url = serializers.URLField()
    slug = serializers.CharField()
    name = serializers.CharField()
    city = serializers.CharField(allow_blank=True)
    links = RetailerLinksSerializer()


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A product on the shelf", value=samples.ASSORTMENT_ITEM, response_only=True, status_codes=[200, 201]
        )
    ]
)
class AssortmentItemSerializer(serializers.Serializer):
    """A product in the assortment, as published, with what was printed of it."""

    passport_code = serializers.CharField()
    passport = serializers.URLField(help_text="The public passport in the API.")
    name = serializers.CharField(help_text="As published.")
    gtin = serializers.CharField(allow_null=True, help_text="As published.")
    maker = MakerSummarySerializer()
    status = serializers.ChoiceField(choices=PASSPORT_STATUSES)
    withdrawn = serializers.BooleanField()
    current_version = serializers.IntegerField(allow_null=True)
    last_printed_version = serializers.IntegerField(allow_null=True, help_text="Null when never printed.")
    last_printed_at = serializers.DateTimeField(allow_null=True)
    never_printed = serializers.BooleanField()
    reprint_needed = serializers.BooleanField(
        help_text="Some format printed of it is out of date (see reprint_needed_by_format)."
    )
    printed_versions = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text="Per format (shelf, detailed, labels): the version last printed in it; null when never.",
    )
    reprint_needed_by_format = serializers.DictField(
        child=serializers.BooleanField(),
        help_text=(
            "Per format (shelf, detailed, labels): a newer version was published, or the product was withdrawn, "
            "since it was last printed in that format. A format never printed is false. Printing one format "
            "clears only that one."
        ),
    )
    shelf_price = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        allow_null=True,
        help_text="Your price on the shelf labels in euros; null: the product's price.",
    )
    added_at = serializers.DateTimeField()


@extend_schema_serializer(
    examples=[OpenApiExample("Your shelf price", value=samples.SET_SHELF_PRICE, request_only=True)]
)
class ShelfPriceSerializer(serializers.Serializer):
    """Your own price of a product on the shelf labels."""

    shelf_price = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=0,
        allow_null=True,
        help_text="In euros, not negative, at most two decimals; null prints the product's price again.",
    )


@extend_schema_serializer(examples=[OpenApiExample("Scanned EAN", value=samples.ADD_ITEM, request_only=True)])
class AddItemSerializer(serializers.Serializer):
    """A product to add, named the way a person types or scans it."""

    code = serializers.CharField(
        max_length=300, help_text="GTIN/EAN, passport code, or a scanned passport or Digital Link URL."
    )


@extend_schema_serializer(
    examples=[
        OpenApiExample("Shelf labels for two products", value=samples.PRINT_LABELS, request_only=True),
        OpenApiExample("Reprint what is out of date", value=samples.PRINT_REPRINT, request_only=True),
    ]
)
class PrintRequestSerializer(serializers.Serializer):
    """What to print, and how."""

    items = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        max_length=MAX_BATCH,
        help_text=f"GTINs or passport codes of products in the assortment (at most {MAX_BATCH}); for scope=selected.",
    )
    scope = serializers.ChoiceField(
        choices=["selected", "all", "reprint"],
        default="selected",
        help_text="selected: the items given; all: the whole assortment; reprint: what needs reprinting.",
    )
    format = serializers.ChoiceField(
        choices=[*PrintJob.Format.values, "passport"],
        default=RETAILER_DEFAULT_FORMAT,
        help_text="shelf: one A4 page per product (default); detailed: the full passport (also: passport); labels.",
    )
    layout = serializers.ChoiceField(
        choices=list(LABEL_FORMATS), default=DEFAULT_LABEL_LAYOUT, help_text="Label sheet; only used for labels."
    )
    price = serializers.BooleanField(
        default=False, help_text="Labels: print the price (your shelf price where set, else the product's)."
    )
    ean = serializers.BooleanField(default=False, help_text="Labels: print the EAN-13 of products with a GTIN.")
    start = serializers.IntegerField(
        required=False, help_text="Labels: the first free position on the sheet (1 to the labels per sheet)."
    )

    def validate(self, data):
        if data.get("start") is not None:
            try:
                check_start(data["start"], data.get("layout") or DEFAULT_LABEL_LAYOUT)
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error
        return data

    language = serializers.ChoiceField(choices=[code for code, _name in settings.LANGUAGES], default="de")


class RetailerUrls:
    """Absolute URLs of the retailer resources for one request."""

    def __init__(self, request):
        self.request = request

    def retailer(self, slug: str) -> dict:
        def url(name):
            return self.request.build_absolute_uri(reverse(name, kwargs={"slug": slug}))

        return {
            "url": url("api:retailer-detail"),
            "links": {
                "assortment": url("api:retailer-assortment"),
                "reprints": url("api:retailer-reprints"),
                "print": url("api:retailer-print"),
            },
        }


def retailer_data(request, retailer) -> dict:
    urls = RetailerUrls(request).retailer(retailer.slug)
    return {"url": urls["url"], "slug": retailer.slug, "name": retailer.name, "city": retailer.city, **urls}


def item_rows(request, rows: list[selectors.AssortmentRow]) -> list[dict]:
    """Assortment rows (AssortmentItemSerializer), named as their current passport says (one query)."""
    summaries = current_version_summaries(row.item.product_id for row in rows)
    urls = PassportUrls(request)
    result = []
    for row in rows:
        item, product = row.item, row.product
        summary = summaries.get(item.product_id) or {"product": {}, "maker": {"slug": "", "name": ""}}
        result.append(
            {
                "passport_code": product.passport_code,
                "passport": urls.passport(product.passport_code),
                "name": summary["product"].get("name", ""),
                "gtin": summary["product"].get("gtin"),
                "maker": summary["maker"],
                "status": product.status,
                "withdrawn": row.withdrawn,
                "current_version": item.current_number,
                "last_printed_version": item.last_printed_number,
                "last_printed_at": item.last_printed_at and _DATETIME.to_representation(item.last_printed_at),
                "never_printed": row.never_printed,
                "reprint_needed": row.reprint_needed,
                "printed_versions": {state.format: state.printed_number for state in row.formats},
                "reprint_needed_by_format": {state.format: state.reprint_needed for state in row.formats},
                "shelf_price": None if item.shelf_price is None else f"{item.shelf_price:.2f}",
                "added_at": _DATETIME.to_representation(item.added_at),
            }
        )
    return result


CODE_ERROR = openapi.error(
    "Not a code of a published passport; the error names the field.",
    ("Unknown code", samples.ADD_ITEM_ERROR),
    response=OpenApiTypes.OBJECT,
)
SHELF_PRICE_ERROR = openapi.error(
    "Invalid price; the error names the field.",
    ("Negative price", samples.SHELF_PRICE_ERROR),
    response=OpenApiTypes.OBJECT,
)
PRINT_ERROR = openapi.error(
    "Invalid request; errors per field. Items that are not in the assortment are listed.",
    ("Not in the assortment", samples.PRINT_ERROR),
    response=OpenApiTypes.OBJECT,
)
REPRINT_FORMAT_ERROR = openapi.error(
    "An unknown print_format; the error names the formats there are.",
    ("Unknown format", samples.REPRINT_FORMAT_ERROR),
    response=OpenApiTypes.OBJECT,
)


# ---------- Views ----------


@extend_schema_view(
    list=extend_schema(
        summary="List your retailers",
        description="The retailers you are a member of.",
        responses=RetailerSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Get one of your retailers", responses=RetailerSerializer),
)
@extend_schema(tags=["retailers"])
class RetailerViewSet(ScopedViewMixin, viewsets.GenericViewSet):
    """A retailer's assortment and printing; another retailer's data answers 404."""

    permission_classes = [IsAuthenticated]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    filter_backends = []
    schema_path_parameters = [SLUG, ITEM_CODE]

    def get_queryset(self):
        return selectors.retailers_for_user(self.request.user)

    @cached_property
    def retailer(self):
        retailer = selectors.retailer_for_user(self.request.user, self.kwargs["slug"])
        if retailer is None:
            raise Http404
        return retailer

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([retailer_data(request, retailer) for retailer in page])

    def retrieve(self, request, slug=None):
        return Response(retailer_data(request, self.retailer))

    def item_response(self, product_id: int, status_code=status.HTTP_200_OK) -> Response:
        item = selectors.assortment(self.retailer).get(product_id=product_id)
        return Response(item_rows(self.request, [selectors.AssortmentRow(item)])[0], status=status_code)

    @extend_schema(
        methods=["get"],
        summary="List your assortment",
        description="Products in your assortment, as published, with what you last printed of each.",
        responses=AssortmentItemSerializer(many=True),
    )
    @extend_schema(
        methods=["post"],
        summary="Add a product to your assortment",
        description=(
            "Adds a product with a published passport, named by GTIN/EAN, passport code or a scanned URL. "
            "Answers 201 with the new item, or 200 when it was already in the assortment."
        ),
        request=AddItemSerializer,
        responses={200: AssortmentItemSerializer, 201: AssortmentItemSerializer, 400: CODE_ERROR},
    )
    @action(detail=True, methods=["get", "post"], parser_classes=[JSONParser, FormParser, MultiPartParser])
    def assortment(self, request, slug=None):
        retailer = self.retailer
        if request.method == "POST":
            return self.add(request, retailer)
        page = self.paginate_queryset(selectors.assortment(retailer))
        return self.get_paginated_response(item_rows(request, [selectors.AssortmentRow(item) for item in page]))

    def add(self, request, retailer):
        body = AddItemSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form = AddToAssortmentForm(data={"identifier": body.validated_data["code"]})
        if not form.is_valid():
            return Response({"code": form.errors["identifier"]}, status=status.HTTP_400_BAD_REQUEST)
        item, created = services.add_to_assortment(retailer, form.product, request.user)
        return self.item_response(item.product_id, status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(
        methods=["get"],
        summary="Get a product of your assortment",
        responses=AssortmentItemSerializer,
    )
    @extend_schema(
        methods=["delete"],
        summary="Remove a product from your assortment",
        description="What was printed of it stays in the print history.",
        responses={204: OpenApiResponse(description="Removed.")},
    )
    @extend_schema(
        methods=["patch"],
        summary="Set your shelf price of a product",
        description="Your price on its shelf labels; null prints the product's price again.",
        request=ShelfPriceSerializer,
        responses={200: AssortmentItemSerializer, 400: SHELF_PRICE_ERROR},
    )
    @action(
        detail=True,
        methods=["get", "patch", "delete"],
        url_path=r"assortment/(?P<code>[0-9A-Za-z-]+)",
        parser_classes=[JSONParser, FormParser, MultiPartParser],
    )
    def assortment_item(self, request, slug=None, code=None):
        item = get_object_or_404(
            AssortmentItem.objects.select_related("product"),
            retailer=self.retailer,
            product__passport_code=passport_code_or_404(code),
        )
        if request.method == "PATCH":
            body = ShelfPriceSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            services.set_shelf_price(item, body.validated_data["shelf_price"])
            return self.item_response(item.product_id)
        if request.method == "DELETE":
            services.remove_from_assortment(item)
            return Response(status=status.HTTP_204_NO_CONTENT)
        return self.item_response(item.product_id)

    @extend_schema(
        summary="List what needs reprinting",
        description=(
            "Products of your assortment with a format printed of them out of date: a newer published version, or "
            "withdrawn since. ``print_format`` (shelf, detailed, labels) lists only what that format needs."
        ),
        parameters=[
            OpenApiParameter("print_format", str, enum=["shelf", "detailed", "labels"], description="Only this format.")
        ],
        responses={200: AssortmentItemSerializer(many=True), 400: REPRINT_FORMAT_ERROR},
    )
    @action(detail=True, methods=["get"])
    def reprints(self, request, slug=None):
        # Not "format": that name chooses the API's renderer.
        output_format = request.query_params.get("print_format", "")
        if output_format and output_format not in FORMATS:
            return Response(
                {
                    "print_format": [
                        _("format should be one of %(choices)s, not %(value)s.")
                        % {"choices": ", ".join(FORMATS), "value": output_format}
                    ]
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        rows = [
            row
            for row in selectors.assortment_rows(self.retailer)
            if (output_format in row.reprint_formats if output_format else row.reprint_needed)
        ]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(item_rows(request, page))

    @extend_schema(
        summary="Print passports or shelf labels",
        description=(
            "Renders the current passports of the chosen products into one PDF: one-page shelf passports (the "
            "default), detailed passports or shelf labels (with price, EAN-13 and a start position on a partly used "
            f"sheet), in German or English, and records the print job, so that the reprint list knows what is on "
            f"the shelf. At most {MAX_BATCH} products per request."
        ),
        request=PrintRequestSerializer,
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF."),
            202: OpenApiResponse(
                PrintJobSerializer,
                description="More than 20 passports or 100 labels: queued; poll the job (Location) for the PDF.",
            ),
            400: PRINT_ERROR,
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="print",
        url_name="print",
        parser_classes=[JSONParser, FormParser, MultiPartParser],
        renderer_classes=[JSONRenderer],
        content_negotiation_class=FirstRenderer,
    )
    def print_passports(self, request, slug=None):
        retailer = self.retailer
        body = PrintRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        options = body.validated_data
        try:
            items = services.items_to_print(retailer, scope=options["scope"], codes=options.get("items") or [])
            job, content = services.print_items(
                retailer,
                items,
                user=request.user,
                output_format=options["format"],
                language=options["language"],
                layout=options["layout"],
                label_data={key: options.get(key) for key in ("price", "ean", "start")},
            )
        except services.PrintRequestError as error:
            return Response({"items": [str(error)]}, status=status.HTTP_400_BAD_REQUEST)
        except services.NotPrintable as error:
            codes = ", ".join(product.passport_code for product in error.products)
            return Response(
                {"items": [_("No published passport for: %(codes)s.") % {"codes": codes}]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if content is None:  # a large batch: queued, its job says how far it has come
            data = job_data(request, job)
            return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})
        return pdf_response(content, filename_of(job), cache_control="private, no-store")
