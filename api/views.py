"""API views: products with nested parts, publishing and bulk import, evidence, makers and categories; tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, OpenApiRequest, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import filters, mixins, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.response import Response

from catalogue.accounts.selectors import roles_of
from catalogue.operations.errors import API_PATH_PREFIXES
from catalogue.passports.services import missing_for_publication, publish, withdraw_product
from catalogue.public.filters import ProductFilterSet
from catalogue.public.selectors import current_version
from catalogue.retailers.selectors import retailers_for_user
from catalogue.scores.selectors import product_score, ranked_hints
from catalogue.scores.services import score_details
from catalogue.scoring.methodology import METHODOLOGY_VERSION
from products.import_queue import result_summary, runs_in_background, start_import_job
from products.importing import ImportFileError, import_products, read_rows
from products.services import ProductInUse, delete_product

from . import import_jobs, openapi, querysets, samples, services
from .base import ScopedViewMixin, passport_code_or_404
from .etag import etag_for, require_if_match
from .pagination import PageRows
from .passport_serializers import PassportVersionSerializer, ProductScoreSerializer, PublishErrorSerializer
from .passports import PassportUrls, public_version_data
from .permissions import ReadOrMakerWrite
from .serializers import (
    CategorySerializer,
    EvidenceLinkSerializer,
    EvidenceSerializer,
    ImportErrorSerializer,
    ImportRequestSerializer,
    ImportResultSerializer,
    MakerSerializer,
    ProductListSerializer,
    ProductSerializer,
    product_rows,
)

PRODUCT_FILTERS = frozenset(ProductFilterSet.base_filters)
# Larger imports belong on the command line (python manage.py import_products), which has no limit.
IMPORT_MAX_BYTES = 5 * 1024 * 1024


@extend_schema_view(
    list=extend_schema(
        summary="List your products",
        description=(
            "The live data of your own organisations' products in any status; staff see every product. Published "
            "data of every maker is read through the passports. Filter with the query parameters below; "
            "`page_size` is capped at 100."
        ),
        responses=ProductListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Get one of your products",
        description=(
            "The whole product with its parts, as it is now (also what is not published yet). The ETag header is "
            "needed to change, publish or withdraw the product."
        ),
        parameters=[openapi.ETAG],
    ),
    create=extend_schema(
        summary="Create a product",
        description=(
            "Creates a draft product of one of your organisations, with its parts. Every part is checked with the "
            "same rules as in the workspace; errors come per field."
        ),
        parameters=[openapi.ETAG, openapi.LOCATION],
        responses={201: ProductSerializer, 400: openapi.VALIDATION_ERROR},
    ),
    update=extend_schema(
        summary="Change a product",
        description=(
            "Changes a product of your organisation. Fields you leave out keep their value. A list of parts you "
            "send (materials, components, …) replaces the stored list; a section (durability, repairability, "
            "end_of_life) is updated with the fields you send, and null removes it. Needs If-Match."
        ),
        parameters=[openapi.ETAG],
        responses={200: ProductSerializer, 400: openapi.VALIDATION_ERROR},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a product",
        description="As PUT, but no field is required. Needs If-Match.",
        parameters=[openapi.ETAG],
        request=OpenApiRequest(
            ProductSerializer,
            examples=[
                OpenApiExample(
                    "Change the price and replace the materials",
                    value=samples.PRODUCT_PATCH,
                    request_only=True,
                    media_type="application/json",
                )
            ],
        ),
        responses={200: ProductSerializer, 400: openapi.VALIDATION_ERROR},
    ),
    destroy=extend_schema(
        summary="Delete a product",
        description=(
            "Deletes a product of your organisation that was never published. A published passport stays "
            "available for good: withdraw it instead. Needs If-Match."
        ),
        responses={204: OpenApiResponse(description="Deleted."), 409: openapi.CONFLICT},
    ),
)
@extend_schema(tags=["products"])
class ProductViewSet(ScopedViewMixin, viewsets.ModelViewSet):
    """A maker's own products (live data); changes are guarded by ETag / If-Match. Others read passports."""

    permission_classes = [IsAuthenticated, ReadOrMakerWrite]
    lookup_field = "passport_code"
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProductFilterSet
    maker_only_actions = ("create", "import_products")
    # Schema only (api/openapi.py): the actions that call guarded_product(), and the path parameters.
    if_match_actions = ("update", "partial_update", "destroy", "publish", "withdraw")
    schema_path_parameters = [openapi.PASSPORT_CODE]

    def get_queryset(self):
        user = self.request.user
        if self.action == "list":
            return querysets.readable_products(user, self.organisation_ids)
        if self.action == "score":
            return querysets.readable_products(user, self.organisation_ids)
        if self.request.method in SAFE_METHODS:
            return querysets.with_details(querysets.readable_products(user, self.organisation_ids))
        return querysets.with_details(querysets.writable_products(user))

    def get_serializer_class(self):
        return ProductListSerializer if self.action == "list" else ProductSerializer

    def filter_queryset(self, queryset):
        if self.action == "list" and not PRODUCT_FILTERS & self.request.query_params.keys():
            return queryset  # an empty filter form filters nothing; building it costs more than the whole query
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        rows = PageRows(self.filter_queryset(self.get_queryset()), querysets.SUMMARY_COLUMNS)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(product_rows(request, page))

    def get_object(self, *, lock: bool = False):
        queryset = self.get_queryset()
        if lock:
            # Locks the product row until the write commits, so that the If-Match check stays true.
            queryset = queryset.select_for_update(of=("self",))
        product = get_object_or_404(queryset, passport_code=passport_code_or_404(self.kwargs["passport_code"]))
        self.check_object_permissions(self.request, product)
        return product

    def fresh(self, product):
        """The product re-read with its parts, so that the response shows what was stored."""
        return querysets.with_details(querysets.writable_products(self.request.user)).get(pk=product.pk)

    def etag(self, data) -> str:
        return etag_for(data, base_url=self.request.build_absolute_uri("/"))

    def respond(self, product, status_code=status.HTTP_200_OK):
        data = self.get_serializer(product).data
        headers = {"ETag": self.etag(data)}
        if status_code == status.HTTP_201_CREATED:
            # str(): the field is DRF's Hyperlink, which WSGI servers refuse as a header value (a 500 after the write).
            headers["Location"] = str(data["url"])
        return Response(data, status=status_code, headers=headers)

    def retrieve(self, request, *args, **kwargs):
        return self.respond(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = serializer.save()
        return self.respond(self.fresh(product), status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            product = self.guarded_product()
            serializer = self.get_serializer(product, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            serializer.save()
        return self.respond(self.fresh(product))

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            product = self.guarded_product()
            try:
                delete_product(product, user=request.user)
            except ProductInUse as error:
                return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def guarded_product(self):
        """The product locked for this transaction, once its If-Match is checked against the current ETag."""
        product = self.get_object(lock=True)
        require_if_match(self.request, self.etag(self.get_serializer(product).data))
        return product

    @extend_schema(
        summary="Publish a passport",
        description=(
            "Freezes the product's current data and a fresh score into the next passport version and makes it "
            "public (a withdrawn passport becomes current again). Answers with the new version; its `Location` is "
            "the version's permanent URL. When nothing changed since the current version (the same snapshot but for "
            "its number and times), no version is made: the answer is 200 with the current version, at its URL in "
            "`Content-Location`. A product that lacks something answers 400 with what is `missing`. Needs If-Match "
            "with the product's ETag."
        ),
        parameters=[openapi.VERSION_LOCATION],
        request=None,
        responses={
            200: OpenApiResponse(PassportVersionSerializer, description="Nothing changed: the current version."),
            201: OpenApiResponse(PassportVersionSerializer, description="The new version."),
            400: OpenApiResponse(PublishErrorSerializer, description="The product cannot be published yet."),
        },
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def publish(self, request, passport_code=None):
        with transaction.atomic():
            product = self.guarded_product()
            try:
                publication = publish(product, request.user)
            except ValidationError as error:
                body = {"detail": error.messages[0], "missing": missing_for_publication(product)}
                return Response(body, status=status.HTTP_400_BAD_REQUEST)
        version = publication.version
        urls = PassportUrls(request)
        data = public_version_data(
            urls,
            version,
            newest=version.number,
            snapshot=version.snapshot,
            code=product.passport_code,
            status=product.status,
        )
        if not publication.created:
            # Nothing changed since the current version: it is the answer, and no new number is taken.
            return Response(data, status=status.HTTP_200_OK, headers={"Content-Location": str(data["url"])})
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": str(data["url"])})

    @extend_schema(
        summary="Withdraw a passport",
        description=(
            "Withdraws the product's published passport. It stays readable at every URL, marked as withdrawn; "
            "publishing again makes it current. Answers with the current version. Needs If-Match with the "
            "product's ETag."
        ),
        request=None,
        responses={200: PassportVersionSerializer, 400: openapi.NOT_PUBLISHED},
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def withdraw(self, request, passport_code=None):
        with transaction.atomic():
            product = self.guarded_product()
            try:
                withdraw_product(product, request.user)
            except ValidationError as error:
                return Response({"detail": error.messages[0]}, status=status.HTTP_400_BAD_REQUEST)
        version = current_version(passport_code=product.passport_code)
        data = public_version_data(PassportUrls(request), version, newest=version.number, snapshot=version.snapshot)
        return Response(data)

    @extend_schema(
        summary="Get the live score of one of your products",
        description=(
            "The score of the product's current data with every criterion, the Solingen designation and the "
            "improvement hints, the largest gain first. The published score is part of the passport."
        ),
        responses=ProductScoreSerializer,
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def score(self, request, passport_code=None):
        product = self.get_object()
        stored = product_score(product)
        # Scores are stored when data changes; one missing (data written around the signals) is computed, not stored.
        details = stored.details if stored is not None else score_details(product)
        data = {
            **details,
            "hints": ranked_hints(details),
            "outdated": details.get("methodology_version") != METHODOLOGY_VERSION,
        }
        return Response(data)

    @extend_schema(
        summary="Import products",
        description=(
            "Creates many draft products from an XLSX, CSV or JSON file (format in docs/import.md, templates "
            "docs/import-template.xlsx and .csv); a row with the passport code, or else the GTIN, of one of your "
            "products updates it. Every row is checked first; if any row has an error nothing is saved "
            "and every problem is listed by row and field (and cell, in XLSX). Files up to 5 MB; larger ones go "
            "through `python manage.py import_products`. A file larger than the background threshold (512 KB unless "
            "configured) is imported by a worker: the answer is 202 with the job's URL in `Location`, and "
            "`GET` on it reports the status, the progress and in the end the result or the errors."
        ),
        request={"multipart/form-data": ImportRequestSerializer},
        responses={
            200: OpenApiResponse(ImportResultSerializer, description="Dry run: every row is valid."),
            201: OpenApiResponse(ImportResultSerializer, description="Every row was imported."),
            202: OpenApiResponse(
                import_jobs.ImportJobSerializer, description="A large file: queued as a background import."
            ),
            400: OpenApiResponse(
                ImportErrorSerializer, description="Nothing was imported. Every problem is listed by row and field."
            ),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
        filter_backends=[],
        pagination_class=None,
    )
    def import_products(self, request):
        def failed(errors, detail=None):
            body = {"detail": detail or _("Nothing was imported: %(count)d problems.") % {"count": len(errors)}}
            body["errors"] = errors
            return Response(ImportErrorSerializer(body).data, status=status.HTTP_400_BAD_REQUEST)

        form = ImportRequestSerializer(data=request.data)
        if not form.is_valid():
            # The same shape as row errors, so that clients handle one error format for this endpoint.
            return failed(
                [
                    {"row": None, "field": field, "message": str(message)}
                    for field, messages in form.errors.items()
                    for message in messages
                ]
            )
        upload = form.validated_data["file"]

        slug = form.validated_data.get("maker")
        organisations = querysets.member_organisations(request.user)
        if slug:
            maker = next((organisation for organisation in organisations if organisation.slug == slug), None)
            if maker is None:
                message = _("You are not a member of a maker organisation with this slug.")
                return failed([{"row": None, "field": "maker", "message": message}], message)
        elif len(organisations) == 1:
            maker = organisations[0]
        else:
            message = _("You belong to several maker organisations; name one by its slug.")
            return failed([{"row": None, "field": "maker", "message": message}], message)
        if upload.size > IMPORT_MAX_BYTES:
            message = _("The file is larger than 5 MB; import it with the import_products command instead.")
            return failed([{"row": None, "field": "file", "message": message}], message)
        content, dry_run = upload.read(), form.validated_data["dry_run"]
        if runs_in_background(upload.size):
            # Not even read here: parsing megabytes is work for the worker too (its errors come with the job).
            job = start_import_job(content, upload.name, maker, user=request.user, dry_run=dry_run)
            return import_jobs.queued_response(request, job)
        try:
            rows, label = read_rows(content, upload.name)
        except ImportFileError as error:
            return failed([{"row": None, "field": "file", "message": str(error)}], str(error))
        result = import_products(rows, maker, user=request.user, label=label, dry_run=dry_run)
        if not result.ok:
            return failed([error.as_dict() for error in result.errors])
        return Response(
            ImportResultSerializer(result_summary(result)).data,
            status=status.HTTP_200_OK if result.dry_run else status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=extend_schema(
        summary="List evidence of one of your products",
        description=(
            "Documents and links that back the product's claims, as they are now. Staff mark them as verified. "
            "Published evidence is part of the passport."
        ),
    ),
    retrieve=extend_schema(summary="Get one piece of evidence"),
    create=extend_schema(
        summary="Upload evidence",
        description=(
            "Attach a file (PDF, PNG, JPEG or WebP, recognised by its content, at most EVIDENCE_MAX_UPLOAD_BYTES, "
            "10 MB by default) "
            "or a link to a product of your organisation. Send multipart/form-data for a file."
        ),
        request={"multipart/form-data": EvidenceSerializer, "application/json": EvidenceLinkSerializer},
        parameters=[openapi.EVIDENCE_LOCATION],
        responses={201: EvidenceSerializer, 400: openapi.VALIDATION_ERROR},
    ),
    destroy=extend_schema(summary="Delete evidence", responses={204: OpenApiResponse(description="Deleted.")}),
)
@extend_schema(tags=["evidence"])
class EvidenceViewSet(
    ScopedViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Evidence of one of your products; published evidence is part of the passport."""

    permission_classes = [IsAuthenticated, ReadOrMakerWrite]
    serializer_class = EvidenceSerializer
    parser_classes = [MultiPartParser, JSONParser]
    schema_path_parameters = [openapi.PRODUCT_CODE, openapi.EVIDENCE_ID]
    pagination_class = None
    filter_backends = []

    @cached_property
    def product(self):
        user = self.request.user
        if self.request.method in SAFE_METHODS:
            products = querysets.readable_products(user, self.organisation_ids)
        else:
            products = querysets.writable_products(user)
        return get_object_or_404(products, passport_code=passport_code_or_404(self.kwargs["product_code"]))

    def get_queryset(self):
        return querysets.evidence_of(self.product)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "product_code" in self.kwargs:  # absent while the schema is generated
            context["product"] = self.product
        return context

    def get_success_headers(self, data):
        # DRF's default takes the "url" field, which here is the evidence's external link, not its place in the API.
        location = reverse(
            "api:product-evidence-detail", kwargs={"product_code": self.product.passport_code, "pk": data["id"]}
        )
        return {"Location": self.request.build_absolute_uri(location)}

    def perform_destroy(self, instance):
        with transaction.atomic():
            instance.delete()
            if instance.file:
                # Only once the row is gone for good, so that a rollback never leaves a dangling file.
                transaction.on_commit(lambda: instance.file.delete(save=False))


class SlugReadOnlyViewSet(ScopedViewMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only list of objects named by their slug, with search and ordering."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    filter_backends = [filters.SearchFilter, filters.OrderingFilter]


@extend_schema_view(
    list=extend_schema(
        summary="List makers",
        description="Maker organisations with the number of their published products.",
        responses=MakerSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Get a maker"),
)
@extend_schema(tags=["makers"])
class MakerViewSet(SlugReadOnlyViewSet):
    """Maker organisations (read only; staff manage them in the admin)."""

    serializer_class = MakerSerializer
    search_fields = ["name", "city", "description"]
    ordering_fields = ["name", "founded_year", "published_products"]
    ordering = ["name", "pk"]

    def get_queryset(self):
        return querysets.makers_with_counts()


@extend_schema_view(
    list=extend_schema(
        summary="List categories",
        description="The category tree, flat; `parent` names the parent's slug.",
        responses=CategorySerializer(many=True),
    ),
    retrieve=extend_schema(summary="Get a category"),
)
@extend_schema(tags=["categories"])
class CategoryViewSet(SlugReadOnlyViewSet):
    """Product categories with the reference values scoring compares against (read only)."""

    serializer_class = CategorySerializer
    search_fields = ["name_de", "name_en", "slug"]
    ordering_fields = ["name_de", "name_en", "slug"]
    ordering = ["name_de", "pk"]

    def get_queryset(self):
        return querysets.categories()


# ---------- Errors outside the API views ----------


def not_found(request, exception):
    """404 for a URL that matches no route: JSON under the API, the site's page elsewhere."""
    if request.path.startswith(API_PATH_PREFIXES):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


# ---------- Token page of the maker workspace ----------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """Create or revoke the user's API token. A new key is shown once, on the page that created it."""
    roles = roles_of(request.user)
    if not roles.may_hold_token:
        raise PermissionDenied(_("Only owners of a maker or a retailer manage API tokens."))
    new_key = None
    if request.method == "POST":
        intent = request.POST.get("action")
        if intent == "create":
            new_key = services.issue_token(request.user).key
        elif intent == "revoke":
            services.revoke_token(request.user)
            messages.success(request, _("Your API token was revoked. Programs that used it can no longer sign in."))
            return redirect("api:tokens")
        else:
            messages.error(request, _("Choose whether to create or to revoke the token."))
            return redirect("api:tokens")
    token = Token.objects.filter(user=request.user).first()
    context = {
        "token": token,
        "new_key": new_key,
        "is_maker": roles.is_maker,
        "retailers": list(retailers_for_user(request.user)),
    }
    return render(request, "api/tokens.html", context)
