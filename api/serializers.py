"""Serializers: the API representation of makers, categories, products and evidence, and product writes."""

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.settings import api_settings

from catalogue.models import ProductScore
from catalogue.public.filters import SLUG
from lifecycle.models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart
from products.forms import EvidenceForm
from products.identifiers import format_passport_code, normalise_gtin
from products.models import (
    Category,
    Component,
    EvidenceDocument,
    MakerOrganisation,
    Material,
    Product,
    ProductVariant,
    SupplyChainStep,
)


class ApiModelSerializer(serializers.ModelSerializer):
    """Decimals travel as JSON numbers, as in the passport snapshot, not as strings."""

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.DecimalField):
            field_kwargs["coerce_to_string"] = False
        return field_class, field_kwargs


class SlugKeyField(serializers.SlugRelatedField):
    """An object named by its slug; text that cannot be a slug is refused before the database sees it."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:80])
        return super().to_internal_value(data)


def model_errors(instance, exclude=(), rename=None) -> dict:
    """Run the model's own validation (fields, clean(), uniqueness) and return its errors per field."""
    try:
        instance.full_clean(exclude=list(exclude))
    except DjangoValidationError as error:
        rename = rename or {}
        return {
            api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else rename.get(field, field): messages
            for field, messages in error.message_dict.items()
        }
    return {}


def related_or_none(instance, name):
    """A one-to-one section of a product, or None when the maker has not filled it in."""
    if instance is None:
        return None
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


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


class CategorySerializer(ApiModelSerializer):
    """A category with the reference values scoring compares against."""

    url = serializers.HyperlinkedIdentityField(view_name="api:category-detail", lookup_field="slug")
    name = LocalisedNameSerializer(source="*", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Category
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


class MakerSerializer(ApiModelSerializer):
    """A maker organisation."""

    url = serializers.HyperlinkedIdentityField(view_name="api:maker-detail", lookup_field="slug")
    published_products = serializers.IntegerField(read_only=True, help_text="Number of published products.")

    class Meta:
        model = MakerOrganisation
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
        fields = [
            "overall",
            "grade",
            "durability",
            "repairability",
            "supply_chain",
            "circularity",
            "methodology_version",
            "computed_at",
        ]


class VariantSerializer(ApiModelSerializer):
    """A variant of the product (size, handle colour, …)."""

    class Meta:
        model = ProductVariant
        fields = ["code", "name"]


class MaterialSerializer(ApiModelSerializer):
    """One material of the composition; null means not disclosed."""

    class Meta:
        model = Material
        fields = [
            "name",
            "part",
            "mass_g",
            "share_percent",
            "recycled_content_percent",
            "renewable",
            "recyclable",
            "substances_of_concern",
        ]


class ComponentSerializer(ApiModelSerializer):
    """A component and whether it can be replaced."""

    class Meta:
        model = Component
        fields = ["name", "replaceable", "spare_part_available"]


class SupplyChainStepSerializer(ApiModelSerializer):
    """A manufacturing step: what, by whom and where; the region is derived from the place."""

    class Meta:
        model = SupplyChainStep
        fields = [
            "position",
            "step_type",
            "description",
            "performed_by",
            "supplier_name",
            "supplier_confidential",
            "city",
            "postcode",
            "country",
            "region",
        ]
        read_only_fields = ["region"]
        extra_kwargs = {"supplier_name": {"help_text": "A confidential name is never published in the passport."}}


class SparePartSerializer(ApiModelSerializer):
    """A spare part the maker supplies."""

    class Meta:
        model = SparePart
        fields = ["name", "years_available", "delivery_days", "price_percent_of_product"]


class RepairServiceSerializer(ApiModelSerializer):
    """A repair service offered for the product."""

    class Meta:
        model = RepairService
        fields = ["service_type", "provider", "price_eur", "description"]


class DurabilitySerializer(ApiModelSerializer):
    """Warranty, expected lifetime, maintenance and resharpening."""

    class Meta:
        model = Durability
        fields = [
            "warranty_years",
            "lifetime_warranty",
            "expected_lifetime_years",
            "maintenance_instructions",
            "resharpenable",
            "resharpening_cycles",
            "refurbishable",
        ]


class DurabilityTestSerializer(ApiModelSerializer):
    """A tested durability property (read only; maintained in the workspace)."""

    evidence_verified = serializers.BooleanField(
        source="evidence.verified", read_only=True, allow_null=True, help_text="Null when no evidence is attached."
    )

    class Meta:
        model = DurabilityTest
        fields = ["property", "method", "result", "evidence_verified"]


class RepairabilitySerializer(ApiModelSerializer):
    """Repair parameters after EN 45554."""

    class Meta:
        model = Repairability
        fields = ["documentation", "documentation_url", "disassembly_steps", "fasteners", "tools"]


class EndOfLifeSerializer(ApiModelSerializer):
    """Take-back, recyclability and disposal."""

    class Meta:
        model = EndOfLife
        fields = [
            "take_back_offered",
            "take_back_details",
            "recyclable_share_percent",
            "separability",
            "disposal_instructions",
        ]


class EvidenceSerializer(ApiModelSerializer):
    """A document or link backing a claim; validated by the same form as the workspace upload."""

    file = serializers.FileField(
        required=False,
        allow_null=True,
        use_url=True,
        help_text="PDF, PNG, JPEG or plain text; the size limit is in the API documentation.",
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
        with transaction.atomic():
            return validated_data["form"].save()


class EvidenceLinkSerializer(EvidenceSerializer):
    """Evidence given as a link only (JSON body); upload a file with multipart/form-data instead."""

    class Meta(EvidenceSerializer.Meta):
        fields = ["id", "title", "claim", "url", "verified", "uploaded_at"]


# ---------- Products ----------

# Lists of parts written through the product: a list you send replaces the stored one.
NESTED_LISTS = {
    "variants": ProductVariant,
    "materials": Material,
    "components": Component,
    "supply_chain_steps": SupplyChainStep,
    "spare_parts": SparePart,
    "repair_services": RepairService,
}
# One-to-one sections: an object you send updates the section, null removes it.
NESTED_SECTIONS = {"durability": Durability, "repairability": Repairability, "end_of_life": EndOfLife}
PRODUCT_FIELD_RENAMES = {"maker": "maker_slug", "category": "category_slug"}


class ProductListSerializer(ApiModelSerializer):
    """One row of a maker's product list (live data): identity, maker, category, status and score."""

    id = serializers.IntegerField(read_only=True, help_text="Internal id.")
    url = serializers.HyperlinkedIdentityField(view_name="api:product-detail", lookup_field="passport_code")
    passport_code = serializers.CharField(read_only=True, help_text="8 characters, the last one a check character.")
    passport_code_display = serializers.CharField(read_only=True, help_text="The passport code as printed: K7QX-2M9C.")
    maker = MakerSummarySerializer(read_only=True)
    category = CategorySummarySerializer(read_only=True)
    score = ScoreSummarySerializer(read_only=True, allow_null=True, help_text="Null until the product is scored.")

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
            "price_eur",
            "score",
            "updated_at",
        ]
        read_only_fields = ["status", "updated_at"]


def iso_datetime(moment, zone) -> str | None:
    """A time as DRF's DateTimeField writes it (ISO 8601 in ``zone``, UTC as Z), without its per-call lookups."""
    if moment is None:
        return None
    text = moment.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def product_rows(request, rows) -> list[dict]:
    """ProductListSerializer's representation of products read with ``querysets.summary_values``.

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
        status, price, overall, grade, durability, repairability, supply_chain, circularity = row[10:18]
        methodology, computed_at, updated = row[18:]
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
        errors = {}
        errors.update(self._validate_product(attrs))
        for name, model in NESTED_LISTS.items():
            if name in attrs:
                # Keyed by the item's 0-based index, only for items with errors, as DRF reports list errors.
                item_errors = self._validate_list(name, model, attrs[name])
                if any(item_errors):
                    errors[name] = {index: error for index, error in enumerate(item_errors) if error}
        for name, model in NESTED_SECTIONS.items():
            if attrs.get(name) is not None:
                section_errors = model_errors(self._section_candidate(name, model, attrs[name]), exclude=["product"])
                if section_errors:
                    errors[name] = section_errors
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def _validate_product(self, attrs) -> dict:
        if "maker" not in attrs and self.instance is None:
            organisation_ids = self.context.get("organisation_ids", frozenset())
            if len(organisation_ids) != 1:
                return {"maker_slug": [_("You belong to several maker organisations; name one by its slug.")]}
            attrs["maker"] = MakerOrganisation.objects.get(pk=next(iter(organisation_ids)))
        candidate = Product()
        if self.instance is not None:
            for model_field in Product._meta.concrete_fields:
                setattr(candidate, model_field.attname, getattr(self.instance, model_field.attname))
            candidate._state.adding = False  # so that the uniqueness check skips the product itself
        for name, value in attrs.items():
            if name not in NESTED_LISTS and name not in NESTED_SECTIONS:
                setattr(candidate, name, value)
        return model_errors(candidate, exclude=["passport_code"], rename=PRODUCT_FIELD_RENAMES)

    def _validate_list(self, name, model, items) -> list[dict]:
        item_errors = [model_errors(model(**item), exclude=["product"]) for item in items]
        if name == "variants":
            seen = set()
            for index, item in enumerate(items):
                if item.get("code") in seen:
                    item_errors[index].setdefault("code", []).append(_("Each variant needs its own code."))
                seen.add(item.get("code"))
        return item_errors

    def _section_candidate(self, name, model, data):
        """The section as it will be saved: the stored one with the sent fields applied."""
        existing = related_or_none(self.instance, name)
        candidate = model()
        if existing is not None:
            for model_field in model._meta.concrete_fields:
                setattr(candidate, model_field.attname, getattr(existing, model_field.attname))
            candidate._state.adding = False
        for field_name, value in data.items():
            setattr(candidate, field_name, value)
        return candidate

    def create(self, validated_data):
        parts = self._pop_parts(validated_data)
        with transaction.atomic():
            product = Product(**validated_data)
            product.save()
            self._write_parts(product, parts)
        return product

    def update(self, instance, validated_data):
        parts = self._pop_parts(validated_data)
        with transaction.atomic():
            for name, value in validated_data.items():
                setattr(instance, name, value)
            # Saved even when only parts changed, so that updated_at tells the product changed.
            instance.save()
            self._write_parts(instance, parts)
        return instance

    @staticmethod
    def _pop_parts(validated_data) -> dict:
        return {name: validated_data.pop(name) for name in [*NESTED_LISTS, *NESTED_SECTIONS] if name in validated_data}

    def _write_parts(self, product, parts):
        for name, model in NESTED_LISTS.items():
            if name in parts:
                model.objects.filter(product=product).delete()
                for item in parts[name]:
                    model(product=product, **item).save()
        for name, model in NESTED_SECTIONS.items():
            if name not in parts:
                continue
            if parts[name] is None:
                model.objects.filter(product=product).delete()
                continue
            section = model.objects.filter(product=product).first() or model(product=product)
            for field_name, value in parts[name].items():
                setattr(section, field_name, value)
            section.save()


# ---------- Documented shapes of errors and of the import ----------


class ErrorSerializer(serializers.Serializer):
    """An error with a human-readable detail."""

    detail = serializers.CharField()


class ImportRequestSerializer(serializers.Serializer):
    """The file to import and for which of your organisations."""

    file = serializers.FileField(help_text="A CSV or JSON file in the format of docs/import.md.")
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


class ImportErrorSerializer(serializers.Serializer):
    """Why nothing was imported."""

    detail = serializers.CharField()
    errors = ImportErrorItemSerializer(many=True)


class ImportedProductSerializer(serializers.Serializer):
    """A product created by an import."""

    row = serializers.IntegerField()
    passport_code = serializers.CharField(allow_null=True)
    name = serializers.CharField()


class ImportResultSerializer(serializers.Serializer):
    """What an import created (or, in a dry run, would create)."""

    dry_run = serializers.BooleanField()
    count = serializers.IntegerField(help_text="Rows that were (or, in a dry run, would be) imported.")
    products = ImportedProductSerializer(many=True)
