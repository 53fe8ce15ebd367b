"""Serializers: the API representation of makers, categories, products and evidence, and product writes."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_framework import serializers
from rest_framework.settings import api_settings

from catalogue.models import ProductScore
from catalogue.public.filters import SLUG
from lifecycle.models import DurabilityTest
from products import limits, parts
from products.forms import EvidenceForm
from products.identifiers import format_passport_code, normalise_gtin
from products.models import (
    Category,
    EvidenceDocument,
    MakerOrganisation,
    Product,
)
from products.services import ProductInvalid, ProductWrite, add_evidence, save_product, validate_product

from . import samples


class LimitedTextField(serializers.CharField):
    """A capped text (``products.limits.LimitedTextField``), refused with the model's message naming field and limit."""

    def __init__(self, *, length_validator, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            *(validator for validator in self.validators if not isinstance(validator, MaxLengthValidator)),
            length_validator,
        ]


class ApiModelSerializer(serializers.ModelSerializer):
    """Decimals travel as JSON numbers, as in the passport snapshot, not as strings; capped texts keep their message."""

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.DecimalField):
            field_kwargs["coerce_to_string"] = False
        if isinstance(model_field, limits.LimitedTextField):
            field_class = LimitedTextField
            field_kwargs["length_validator"] = model_field.length_validator
        return field_class, field_kwargs


class PartListSerializer(serializers.ListSerializer):
    """The rows of one part of a product: more than the part's ``max_rows`` are refused before any row is read."""

    part: parts.Part

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.part.max_rows)
        super().__init__(*args, **kwargs)
        # Read by the OpenAPI schema as maxItems; to_internal_value has refused a longer list already.
        self.validators = [*self.validators, MaxLengthValidator(self.max_length)]

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) > self.max_length:
            message = limits.too_many_rows(self.part.title, self.max_length, len(data))
            raise serializers.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [message]}, code="max_length")
        return super().to_internal_value(data)


class SlugKeyField(serializers.SlugRelatedField):
    """An object named by its slug; text that cannot be a slug is refused before the database sees it."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:80])
        return super().to_internal_value(data)


# ---------- Makers and categories ----------


class LocalisedNameSerializer(serializers.Serializer):
    """A name in both languages of the catalogue."""

    de = serializers.CharField(source="name_de", read_only=True)
    en = serializers.CharField(source="name_en", read_only=True)


class CategorySummarySerializer(ApiModelSerializer):
    """The category of a product: slug and name."""

    name = LocalisedNameSerializer(source="*", read_only=True)

    class Meta:
        model = Category
        fields = ["slug", "name"]


@extend_schema_serializer(examples=[OpenApiExample("A category", value=samples.CATEGORY, response_only=True)])
class CategorySerializer(CategorySummarySerializer):
    """A category with the reference values scoring compares against."""

    url = serializers.HyperlinkedIdentityField(view_name="api:category-detail", lookup_field="slug")
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta(CategorySummarySerializer.Meta):
        fields = [
            "url",
            "slug",
            "name",
            "parent",
            "reference_lifetime_years",
            "reference_warranty_years",
            "resharpenable",
        ]


class MakerSummarySerializer(ApiModelSerializer):
    """The maker of a product: slug and name."""

    class Meta:
        model = MakerOrganisation
        fields = ["slug", "name"]


@extend_schema_serializer(examples=[OpenApiExample("A maker", value=samples.MAKER, response_only=True)])
class MakerSerializer(MakerSummarySerializer):
    """A maker organisation."""

    url = serializers.HyperlinkedIdentityField(view_name="api:maker-detail", lookup_field="slug")
    published_products = serializers.IntegerField(read_only=True, help_text="Number of published products.")

    class Meta(MakerSummarySerializer.Meta):
        fields = [
            "url",
            "slug",
            "name",
            "description",
            "website",
            "city",
            "postcode",
            "country",
            "founded_year",
            "published_products",
        ]


# ---------- Parts of a product ----------


class ScoreSummarySerializer(ApiModelSerializer):
    """The product's current score: overall, grade A–E and the four sub-scores (0–100)."""

    class Meta:
        model = ProductScore
        fields = [*ProductScore.SUMMARY_FIELDS, "methodology_version", "computed_at"]


def part_serializer(component: str, part_name: str, doc: str, **meta) -> type[ApiModelSerializer]:
    """The serializer of one part of a product, with the fields the parts registry names for it.

    ``component`` names the schema component and the class (``Material`` → ``MaterialSerializer``).
    """
    part = parts.get(part_name)
    options = {"model": part.model, "fields": [*part.fields, *meta.pop("extra_fields", ())], **meta}
    if part.many:
        options["list_serializer_class"] = type(
            f"{component}ListSerializer", (PartListSerializer,), {"part": part, "__module__": __name__}
        )
    body = {"__doc__": doc, "__module__": __name__, "Meta": type("Meta", (), options)}
    return type(f"{component}Serializer", (ApiModelSerializer,), body)


VariantSerializer = part_serializer("Variant", "variants", "A variant of the product (size, handle colour, …).")
MaterialSerializer = part_serializer(
    "Material", "materials", "One material of the composition; null means not disclosed."
)
ComponentSerializer = part_serializer("Component", "components", "A component and whether it can be replaced.")
SupplyChainStepSerializer = part_serializer(
    "SupplyChainStep",
    "supply_chain_steps",
    "A manufacturing step: what, by whom and where; the region is derived from the place.",
    extra_fields=["region"],
    read_only_fields=["region"],
    extra_kwargs={"supplier_name": {"help_text": "A confidential name is never published in the passport."}},
)
SparePartSerializer = part_serializer("SparePart", "spare_parts", "A spare part the maker supplies.")
RepairServiceSerializer = part_serializer(
    "RepairService", "repair_services", "A repair service offered for the product."
)
DurabilitySerializer = part_serializer(
    "Durability", "durability", "Warranty, expected lifetime, maintenance and resharpening."
)
RepairabilitySerializer = part_serializer("Repairability", "repairability", "Repair parameters after EN 45554.")
EndOfLifeSerializer = part_serializer("EndOfLife", "end_of_life", "Take-back, recyclability and disposal.")


class DurabilityTestSerializer(ApiModelSerializer):
    """A tested durability property (read only; maintained in the workspace)."""

    evidence_verified = serializers.BooleanField(
        source="evidence.verified", read_only=True, allow_null=True, help_text="Null when no evidence is attached."
    )

    class Meta:
        model = DurabilityTest
        fields = ["property", "method", "result", "evidence_verified"]


@extend_schema_serializer(examples=[OpenApiExample("A test report", value=samples.EVIDENCE, response_only=True)])
class EvidenceSerializer(ApiModelSerializer):
    """A document or link backing a claim; validated by the same form as the workspace upload."""

    file = serializers.FileField(
        required=False,
        allow_null=True,
        use_url=True,
        help_text="PDF, PNG, JPEG or WebP, recognised by the content; the size limit is in the API documentation.",
    )

    class Meta:
        model = EvidenceDocument
        fields = ["id", "title", "claim", "file", "url", "verified", "uploaded_at"]
        read_only_fields = ["id", "verified", "uploaded_at"]

    def validate(self, attrs):
        product = self.context["product"]
        form = EvidenceForm(
            data={"title": attrs.get("title", ""), "claim": attrs.get("claim", ""), "url": attrs.get("url", "")},
            files={"file": attrs["file"]} if attrs.get("file") else None,
            instance=EvidenceDocument(product=product),
        )
        if not form.is_valid():
            raise serializers.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field: messages
                    for field, messages in form.errors.items()
                }
            )
        attrs["form"] = form
        return attrs

    def create(self, validated_data):
        request = self.context.get("request")
        evidence = validated_data["form"].save(commit=False)
        return add_evidence(self.context["product"], evidence, user=getattr(request, "user", None))


@extend_schema_serializer(
    examples=[OpenApiExample("A link to a test report", value=samples.EVIDENCE_LINK, request_only=True)]
)
class EvidenceLinkSerializer(EvidenceSerializer):
    """Evidence given as a link only (JSON body); upload a file with multipart/form-data instead."""

    class Meta(EvidenceSerializer.Meta):
        fields = ["id", "title", "claim", "url", "verified", "uploaded_at"]


# ---------- Products ----------

PRODUCT_FIELD_RENAMES = {"maker": "maker_slug", "category": "category_slug"}


@extend_schema_serializer(examples=[OpenApiExample("A product", value=samples.PRODUCT_ROW, response_only=True)])
class ProductListSerializer(ApiModelSerializer):
    """One row of a maker's product list (live data): identity, maker, category, status and score."""

    id = serializers.IntegerField(read_only=True, help_text="Internal id.")
    url = serializers.HyperlinkedIdentityField(view_name="api:product-detail", lookup_field="passport_code")
    passport_code = serializers.CharField(read_only=True, help_text="8 characters, the last one a check character.")
    passport_code_display = serializers.CharField(read_only=True, help_text="The passport code as printed: K7QX-2M9C.")
    maker = MakerSummarySerializer(read_only=True)
    category = CategorySummarySerializer(read_only=True)
    score = ScoreSummarySerializer(read_only=True, allow_null=True, help_text="Null until the product is scored.")
    has_unpublished_changes = serializers.BooleanField(
        read_only=True,
        help_text=(
            "Whether the product's data differs from its last published passport version, so that publishing "
            "would make a new version. False for a product that was never published."
        ),
    )

    class Meta:
        model = Product
        fields = [
            "id",
            "url",
            "passport_code",
            "passport_code_display",
            "gtin",
            "name",
            "model_number",
            "maker",
            "category",
            "status",
            "has_unpublished_changes",
            "price_eur",
            "score",
            "updated_at",
        ]
        read_only_fields = ["status", "has_unpublished_changes", "updated_at"]


def iso_datetime(moment, zone) -> str | None:
    """A time as DRF's DateTimeField writes it (ISO 8601 in ``zone``, UTC as Z), without its per-call lookups."""
    if moment is None:
        return None
    text = moment.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def product_rows(request, rows) -> list[dict]:
    """ProductListSerializer's representation of products read as tuples of ``querysets.SUMMARY_COLUMNS``.

    Serialising a list of 100 field by field, from model instances, costs several times more than
    the query behind it; tests/api/test_products.py holds both representations equal.
    """
    zone = timezone.get_current_timezone()
    placeholder = "C0DE"
    url = request.build_absolute_uri(reverse("api:product-detail", kwargs={"passport_code": placeholder}))
    prefix, suffix = url.split(placeholder)
    result = []
    for row in rows:
        pk, code, gtin, name, model_number, maker_slug, maker_name, category_slug, name_de, name_en = row[:10]
        status, unpublished, price, overall, grade, durability, repairability, supply_chain, circularity = row[10:19]
        methodology, computed_at, updated = row[19:]
        result.append(
            {
                "id": pk,
                "url": prefix + code + suffix,
                "passport_code": code,
                "passport_code_display": format_passport_code(code),
                "gtin": gtin,
                "name": name,
                "model_number": model_number,
                "maker": {"slug": maker_slug, "name": maker_name},
                "category": {"slug": category_slug, "name": {"de": name_de, "en": name_en}},
                "status": status,
                "has_unpublished_changes": unpublished,
                "price_eur": None if price is None else float(price),
                "score": None
                if grade is None
                else {
                    "overall": overall,
                    "grade": grade,
                    "durability": durability,
                    "repairability": repairability,
                    "supply_chain": supply_chain,
                    "circularity": circularity,
                    "methodology_version": methodology,
                    "computed_at": iso_datetime(computed_at, zone),
                },
                "updated_at": iso_datetime(updated, zone),
            }
        )
    return result


@extend_schema_serializer(
    examples=[
        OpenApiExample("A chef's knife with its parts", value=samples.PRODUCT_WRITE, request_only=True),
        OpenApiExample("A product of your organisation", value=samples.PRODUCT_DETAIL, response_only=True),
    ]
)
class ProductSerializer(ProductListSerializer):
    """The whole product with its parts as it is now; writes validate every part with the model's own rules."""

    gtin = serializers.CharField(
        max_length=24,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="GTIN-8, -12, -13 or -14 (spaces and hyphens allowed); returned as 14 digits.",
    )
    maker_slug = SlugKeyField(
        source="maker",
        slug_field="slug",
        queryset=MakerOrganisation.objects.all(),
        write_only=True,
        required=False,
        help_text="One of your maker organisations; may be left out when you belong to only one.",
    )
    category_slug = SlugKeyField(source="category", slug_field="slug", queryset=Category.objects.all(), write_only=True)
    variants = VariantSerializer(many=True, required=False)
    materials = MaterialSerializer(many=True, required=False)
    components = ComponentSerializer(many=True, required=False)
    supply_chain_steps = SupplyChainStepSerializer(many=True, required=False)
    durability = DurabilitySerializer(required=False, allow_null=True)
    durability_tests = DurabilityTestSerializer(many=True, read_only=True)
    repairability = RepairabilitySerializer(required=False, allow_null=True)
    spare_parts = SparePartSerializer(many=True, required=False)
    repair_services = RepairServiceSerializer(many=True, required=False)
    end_of_life = EndOfLifeSerializer(required=False, allow_null=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta(ProductListSerializer.Meta):
        fields = [
            *ProductListSerializer.Meta.fields,
            "maker_slug",
            "category_slug",
            "description",
            "mass_g",
            "created_at",
            "variants",
            "materials",
            "components",
            "supply_chain_steps",
            "durability",
            "durability_tests",
            "repairability",
            "spare_parts",
            "repair_services",
            "end_of_life",
            "evidence",
        ]
        read_only_fields = ["status", "created_at", "updated_at"]

    def validate_gtin(self, value):
        if not value or not value.strip():
            return None
        try:
            return normalise_gtin(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate_maker_slug(self, organisation):
        if organisation.pk not in self.context.get("organisation_ids", frozenset()):
            raise serializers.ValidationError(_("You are not a member of this maker organisation."))
        return organisation

    def validate(self, attrs):
        """Build the write and check it with the product writer's rules, reporting errors per field and item."""
        write = ProductWrite()
        for part in parts.all_parts():
            if part.writable and part.name in attrs:
                value = attrs.pop(part.name)
                if part.many:
                    # A list you send replaces the stored one, row by row.
                    write.lists[part.name] = [dict(item) for item in value]
                else:
                    # An object you send updates the section; null removes it.
                    write.sections[part.name] = None if value is None else dict(value)
        if "maker" not in attrs and self.instance is None:
            organisation_ids = self.context.get("organisation_ids", frozenset())
            if len(organisation_ids) != 1:
                raise serializers.ValidationError(
                    {"maker_slug": [_("You belong to several maker organisations; name one by its slug.")]}
                )
            attrs["maker"] = MakerOrganisation.objects.get(pk=next(iter(organisation_ids)))
        write.fields = attrs
        errors = validate_product(detached_copy(self.instance), write)
        if errors:
            raise serializers.ValidationError(api_errors(errors))
        self._write = write
        return attrs

    def create(self, validated_data):
        return self._save(None)

    def update(self, instance, validated_data):
        return self._save(instance)

    def _save(self, instance):
        request = self.context.get("request")
        try:
            return save_product(instance, self._write, user=getattr(request, "user", None))
        except ProductInvalid as invalid:  # changed by another request since validate()
            raise serializers.ValidationError(api_errors(invalid.errors)) from invalid


def detached_copy(product):
    """An unsaved copy of a stored product (or a new one), so that validation leaves the instance as it is."""
    candidate = Product()
    if product is not None:
        for model_field in Product._meta.concrete_fields:
            setattr(candidate, model_field.attname, getattr(product, model_field.attname))
        candidate._state.adding = False  # so that the uniqueness check skips the product itself
    return candidate


def api_errors(errors: dict) -> dict:
    """The product writer's errors as DRF reports them: items by 0-based index, renamed product fields."""

    def key(name):
        if name in ("", None):
            return api_settings.NON_FIELD_ERRORS_KEY
        return PRODUCT_FIELD_RENAMES.get(name, name) if isinstance(name, str) else name

    def convert(value):
        return {key(name): convert(inner) for name, inner in value.items()} if isinstance(value, dict) else value

    return convert(errors)


# ---------- Documented shapes of errors and of the import ----------


class ErrorSerializer(serializers.Serializer):
    """An error with a human-readable detail."""

    detail = serializers.CharField()


class ImportRequestSerializer(serializers.Serializer):
    """The file to import and for which of your organisations."""

    file = serializers.FileField(help_text="An XLSX, CSV or JSON file in the format of docs/import.md.")
    maker = serializers.SlugField(
        required=False, help_text="Slug of your maker organisation; may be left out when you belong to only one."
    )
    dry_run = serializers.BooleanField(required=False, default=False, help_text="Only validate; nothing is saved.")


class ImportErrorItemSerializer(serializers.Serializer):
    """One problem of an import."""

    row = serializers.IntegerField(
        allow_null=True, help_text="1-based data row (the CSV header is not counted); null for the whole file."
    )
    field = serializers.CharField(help_text="Column or field name; empty when the whole row is concerned.")
    message = serializers.CharField()
    cell = serializers.CharField(required=False, help_text="In an XLSX file: the cell of the problem, e.g. C12.")


@extend_schema_serializer(
    examples=[OpenApiExample("Row errors", value=samples.IMPORT_ERROR, response_only=True, status_codes=[400])]
)
class ImportErrorSerializer(serializers.Serializer):
    """Why nothing was imported."""

    detail = serializers.CharField()
    errors = ImportErrorItemSerializer(many=True)


class ImportedProductSerializer(serializers.Serializer):
    """A product created by an import."""

    row = serializers.IntegerField()
    passport_code = serializers.CharField(allow_null=True)
    name = serializers.CharField()


@extend_schema_serializer(
    examples=[
        OpenApiExample("Two products imported", value=samples.IMPORT_RESULT, response_only=True, status_codes=[201]),
        OpenApiExample("Dry run", value=samples.IMPORT_DRY_RUN, response_only=True, status_codes=[200]),
    ]
)
class ImportResultSerializer(serializers.Serializer):
    """What an import created (or, in a dry run, would create)."""

    dry_run = serializers.BooleanField()
    count = serializers.IntegerField(help_text="Rows that were (or, in a dry run, would be) imported.")
    products = ImportedProductSerializer(many=True)
    warnings = ImportErrorItemSerializer(
        many=True,
        required=False,  # absent from the results of jobs that finished before warnings existed
        help_text="Valid rows with something unusual, for example a book's ISBN as the GTIN; nothing was refused.",
    )
