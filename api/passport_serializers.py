"""Documented shapes of published passports: the frozen snapshot (docs/passport-snapshot.md) and its versions.

The views build these representations from stored snapshots as plain dicts, so that a snapshot is
passed on exactly as it was published; the serializers here describe them in the OpenAPI schema.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from . import passport_samples, samples
from .serializers import CategorySummarySerializer, MakerSummarySerializer, ScoreSummarySerializer

PASSPORT_STATUSES = [("published", "Published"), ("withdrawn", "Withdrawn")]
CODE_HELP = "A code; the schema of the snapshot documents which codes exist at the time of publication."


class LocalisedTextSerializer(serializers.Serializer):
    """A text in both languages of the catalogue."""

    de = serializers.CharField()
    en = serializers.CharField()


class SnapshotCategorySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = LocalisedTextSerializer()


class SnapshotVariantSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SnapshotProductSerializer(serializers.Serializer):
    """Identity and description of the product as published."""

    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    model_number = serializers.CharField(allow_blank=True)
    gtin = serializers.CharField(allow_null=True, help_text="14 digits, or null without a GTIN.")
    passport_code = serializers.CharField()
    passport_code_display = serializers.CharField()
    category = SnapshotCategorySerializer()
    price_eur = serializers.FloatField(allow_null=True)
    mass_g = serializers.IntegerField(allow_null=True)
    variants = SnapshotVariantSerializer(many=True)


class SnapshotMakerSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    city = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)


class SubscoresSerializer(serializers.Serializer):
    """The four sub-scores, 0–100."""

    durability = serializers.FloatField()
    repairability = serializers.FloatField()
    supply_chain = serializers.FloatField()
    circularity = serializers.FloatField()


class CriterionSerializer(serializers.Serializer):
    """One criterion of the methodology: points, maximum, status, explanation and improvement hint."""

    subscore = serializers.CharField()
    key = serializers.CharField()
    label = LocalisedTextSerializer()
    points = serializers.FloatField()
    max_points = serializers.FloatField()
    status = serializers.CharField(help_text="known, unknown or not_applicable. Unknown is never counted as good.")
    explanation = LocalisedTextSerializer()
    hint = LocalisedTextSerializer(allow_null=True, help_text="How to gain points; null when none were lost.")
    hint_points = serializers.FloatField(allow_null=True)


class SolingenSerializer(serializers.Serializer):
    """Whether the product may be called "Solingen" (SolingenV § 1), and why not."""

    qualifies = serializers.BooleanField()
    applicable = serializers.BooleanField(
        required=False,
        help_text="False for products outside the cutlery SolingenV covers (they never qualify). "
        "Missing in scores made before methodology 1.1, when the designation applied to every product.",
    )
    reasons = LocalisedTextSerializer(many=True)


class ScoreSerializer(serializers.Serializer):
    """A whole score: overall, grade, sub-scores, every criterion and the Solingen designation."""

    overall = serializers.FloatField()
    grade = serializers.CharField(help_text="A (best) to E.")
    band_colour = serializers.CharField()
    methodology_version = serializers.CharField()
    computed_at = serializers.CharField(allow_null=True, help_text="ISO 8601.")
    subscores = SubscoresSerializer()
    criteria = CriterionSerializer(many=True)
    solingen = SolingenSerializer()


class SnapshotMaterialSerializer(serializers.Serializer):
    name = serializers.CharField()
    part = serializers.CharField(allow_blank=True)
    mass_g = serializers.FloatField(allow_null=True)
    share_percent = serializers.FloatField(allow_null=True)
    recycled_content_percent = serializers.FloatField(allow_null=True)
    renewable = serializers.BooleanField(allow_null=True)
    recyclable = serializers.BooleanField(allow_null=True)
    substances_of_concern = serializers.CharField(allow_blank=True)


class SnapshotComponentSerializer(serializers.Serializer):
    name = serializers.CharField()
    replaceable = serializers.BooleanField(allow_null=True)
    spare_part_available = serializers.BooleanField(allow_null=True)


class SnapshotStepFacilitySerializer(serializers.Serializer):
    """The maker's own site where it did a step (its place is the step's)."""

    name = serializers.CharField()
    gln = serializers.CharField(allow_null=True, help_text="The site's GS1 Global Location Number (13 digits).")


class SnapshotStepSerializer(serializers.Serializer):
    """A manufacturing step; a confidential supplier's name is never published."""

    position = serializers.IntegerField()
    step_type = serializers.CharField(help_text=CODE_HELP)
    step_label = LocalisedTextSerializer(allow_null=True)
    description = serializers.CharField(allow_blank=True)
    performed_by = serializers.CharField(allow_blank=True, help_text="maker, supplier or empty.")
    supplier_name = serializers.CharField(allow_null=True)
    supplier_confidential = serializers.BooleanField()
    city = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    region = serializers.CharField(allow_null=True, help_text="solingen, bergisch, germany, eu or world.")
    region_label = LocalisedTextSerializer(allow_null=True)
    facility = SnapshotStepFacilitySerializer(
        allow_null=True,
        required=False,
        help_text="The maker's facility for a step it did itself; null for a supplier's step; absent from versions "
        "published before 2026-12.",
    )


class SnapshotDurabilityTestSerializer(serializers.Serializer):
    property = serializers.CharField(help_text=CODE_HELP)
    label = LocalisedTextSerializer(allow_null=True)
    method = serializers.CharField(allow_blank=True)
    result = serializers.CharField(allow_blank=True)
    evidence_verified = serializers.BooleanField(allow_null=True)


class SnapshotDurabilitySerializer(serializers.Serializer):
    warranty_years = serializers.FloatField(allow_null=True)
    lifetime_warranty = serializers.BooleanField()
    expected_lifetime_years = serializers.IntegerField(allow_null=True)
    maintenance_instructions = serializers.CharField(allow_blank=True)
    resharpenable = serializers.BooleanField(allow_null=True)
    resharpening_cycles = serializers.IntegerField(allow_null=True)
    refurbishable = serializers.BooleanField(allow_null=True)
    tests = SnapshotDurabilityTestSerializer(many=True)


class SnapshotSparePartSerializer(serializers.Serializer):
    name = serializers.CharField()
    years_available = serializers.IntegerField(allow_null=True)
    delivery_days = serializers.IntegerField(allow_null=True)
    price_percent_of_product = serializers.FloatField(allow_null=True)


class SnapshotRepairServiceSerializer(serializers.Serializer):
    service_type = serializers.CharField(help_text=CODE_HELP)
    label = LocalisedTextSerializer(allow_null=True)
    provider = serializers.CharField(allow_blank=True)
    price_eur = serializers.FloatField(allow_null=True)
    description = serializers.CharField(allow_blank=True)
    # Absent from versions published before 12/2026.
    phone = serializers.CharField(allow_blank=True, required=False, help_text="Empty: the maker's own contact.")
    email = serializers.CharField(allow_blank=True, required=False)
    website = serializers.CharField(allow_blank=True, required=False)


class SnapshotRepairabilitySerializer(serializers.Serializer):
    """Repair parameters after EN 45554; null values were not disclosed."""

    documentation = serializers.CharField(allow_null=True, help_text="public, professionals or none.")
    documentation_label = LocalisedTextSerializer(allow_null=True)
    documentation_url = serializers.CharField(allow_null=True, allow_blank=True)
    disassembly_steps = serializers.IntegerField(allow_null=True)
    fasteners = serializers.CharField(allow_null=True, help_text=CODE_HELP)
    fasteners_label = LocalisedTextSerializer(allow_null=True)
    tools = serializers.CharField(allow_null=True, help_text=CODE_HELP)
    tools_label = LocalisedTextSerializer(allow_null=True)
    spare_parts = SnapshotSparePartSerializer(many=True)
    repair_services = SnapshotRepairServiceSerializer(many=True)


class SnapshotEndOfLifeSerializer(serializers.Serializer):
    take_back_offered = serializers.BooleanField(allow_null=True)
    take_back_details = serializers.CharField(allow_blank=True)
    recyclable_share_percent = serializers.FloatField(allow_null=True)
    separability = serializers.CharField(allow_null=True, help_text=CODE_HELP)
    separability_label = LocalisedTextSerializer(allow_null=True)
    disposal_instructions = serializers.CharField(allow_blank=True)


class SnapshotEvidenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    claim = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    verified = serializers.BooleanField(help_text="Verified by staff; otherwise declared by the maker.")


class SnapshotUrlsSerializer(serializers.Serializer):
    passport = serializers.CharField()
    digital_link = serializers.CharField(allow_null=True)
    qr = serializers.CharField(help_text="What the QR code encodes.")


class IdentifierSerializer(serializers.Serializer):
    scheme = serializers.CharField(help_text="gs1_digital_link or iec_61406 (a UPI); eori or gln (an operator).")
    value = serializers.CharField()


class SnapshotFacilitySerializer(serializers.Serializer):
    name = serializers.CharField()
    city = serializers.CharField()
    postcode = serializers.CharField()
    country = serializers.CharField()
    gln = serializers.CharField(allow_null=True)


class OperatorIdentifiersSerializer(serializers.Serializer):
    eori = serializers.CharField(allow_null=True)
    gln = serializers.CharField(allow_null=True)


class SnapshotIdentifiersSerializer(serializers.Serializer):
    """ESPR Annex III (b), (d), (g)-(i) and Reg. 2026/1778 Art. 8 (docs/espr.md); absent from older versions."""

    upi = IdentifierSerializer(help_text="The unique product identifier.")
    operator = IdentifierSerializer(allow_null=True, help_text="The maker's EORI, else its GLN.")
    operator_identifiers = OperatorIdentifiersSerializer()
    facilities = SnapshotFacilitySerializer(many=True, help_text="The maker's own sites where steps were done.")
    commodity_code = serializers.CharField(allow_null=True, help_text="CN (8) or TARIC (10 digits).")
    granularity = serializers.ChoiceField(choices=["model", "batch", "item"])


class SnapshotPredecessorSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    content_hash = serializers.CharField()
    url = serializers.URLField()


class RestrictedPartHashSerializer(serializers.Serializer):
    sha256 = serializers.CharField(help_text="SHA-256 of the restricted part (legitimate interest), salted.")


class PassportSnapshotSerializer(serializers.Serializer):
    """Everything public about the product at publication, including its score (schema gw-passport/1)."""

    schema = serializers.CharField(help_text="gw-passport/1")
    version = serializers.IntegerField()
    published_at = serializers.CharField(help_text="ISO 8601.")
    product = SnapshotProductSerializer()
    maker = SnapshotMakerSerializer()
    score = ScoreSerializer(allow_null=True)
    materials = SnapshotMaterialSerializer(many=True)
    components = SnapshotComponentSerializer(many=True)
    supply_chain = SnapshotStepSerializer(many=True)
    durability = SnapshotDurabilitySerializer(allow_null=True, help_text="Null when not filled in at all.")
    repairability = SnapshotRepairabilitySerializer(allow_null=True, help_text="Null when not filled in at all.")
    end_of_life = SnapshotEndOfLifeSerializer(allow_null=True, help_text="Null when not filled in at all.")
    evidence = SnapshotEvidenceSerializer(many=True)
    urls = SnapshotUrlsSerializer()
    identifiers = SnapshotIdentifiersSerializer(required=False, help_text="Absent from versions published before.")
    predecessor = SnapshotPredecessorSerializer(
        required=False, allow_null=True, help_text="The version this one follows; null for the first."
    )
    restricted_part = RestrictedPartHashSerializer(required=False, help_text="Absent from versions published before.")


@extend_schema_field(PassportSnapshotSerializer)
class SnapshotField(serializers.JSONField):
    """The stored snapshot, passed on untouched."""


# ---------- Passports and their versions ----------


class PassportLinksSerializer(serializers.Serializer):
    """Where to read the passport: its web page, its PDF and the list of its versions."""

    html = serializers.URLField(help_text="The passport page.")
    pdf = serializers.URLField(help_text="The A4 passport as PDF (?lang=de or en).")
    versions = serializers.URLField(help_text="Every published version of this passport.")


@extend_schema_serializer(
    examples=[OpenApiExample("A passport", value=passport_samples.PASSPORT_ROW, response_only=True)]
)
class PassportSummarySerializer(serializers.Serializer):
    """A public passport in a list: the current version's identity, maker, category and score summary."""

    url = serializers.URLField()
    passport_code = serializers.CharField()
    passport_code_display = serializers.CharField()
    gtin = serializers.CharField(allow_null=True)
    name = serializers.CharField()
    model_number = serializers.CharField(allow_blank=True)
    maker = MakerSummarySerializer()
    category = CategorySummarySerializer()
    price_eur = serializers.FloatField(allow_null=True)
    score = ScoreSummarySerializer(allow_null=True, help_text="As published; null for a passport without a score.")
    solingen = serializers.BooleanField(
        allow_null=True,
        help_text="Whether the product may be called Solingen (SolingenV § 1); null when the designation does not "
        "apply to its category.",
    )
    version = serializers.IntegerField(help_text="Number of the current version.")
    published_at = serializers.DateTimeField()
    content_hash = serializers.CharField(help_text="SHA-256 of the canonical snapshot JSON.")
    methodology_version = serializers.CharField()
    status = serializers.ChoiceField(choices=PASSPORT_STATUSES)
    withdrawn = serializers.BooleanField(help_text="A withdrawn passport stays readable, marked as withdrawn.")
    links = PassportLinksSerializer()


@extend_schema_serializer(
    examples=[OpenApiExample("A version", value=passport_samples.PASSPORT_VERSION_ROW, response_only=True)]
)
class PassportVersionSummarySerializer(serializers.Serializer):
    """One published version, without its snapshot."""

    url = serializers.URLField()
    version = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    content_hash = serializers.CharField(help_text="SHA-256 of the canonical snapshot JSON.")
    methodology_version = serializers.CharField()
    superseded = serializers.BooleanField(help_text="A newer version has been published.")
    withdrawn = serializers.BooleanField(help_text="The passport has been withdrawn (all its versions).")
    links = PassportLinksSerializer()


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A published version", value=passport_samples.PASSPORT_VERSION, response_only=True, status_codes=[200, 201]
        )
    ]
)
class PassportVersionSerializer(PassportVersionSummarySerializer):
    """One published version with its frozen snapshot, under ``passport``."""

    passport_code = serializers.CharField()
    gtin = serializers.CharField(allow_null=True, help_text="As published.")
    status = serializers.ChoiceField(choices=PASSPORT_STATUSES)
    passport = SnapshotField()
    predecessor = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text="The version this one follows (`version`, `content_hash`, `url`); null for the first.",
    )
    successor = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text="The version that superseded this one (`version`, `url`); null for the newest.",
    )


@extend_schema_serializer(
    examples=[OpenApiExample("Not complete yet", value=samples.PUBLISH_ERROR, response_only=True, status_codes=[400])]
)
class PublishErrorSerializer(serializers.Serializer):
    """Why a product cannot be published yet."""

    detail = serializers.CharField()
    missing = serializers.ListField(child=serializers.CharField(), help_text="What the product still lacks.")


class HintSerializer(CriterionSerializer):
    """A criterion with an improvement hint and what following it adds to the overall score."""

    overall_points = serializers.FloatField()
    merged_keys = serializers.ListField(
        child=serializers.CharField(),
        help_text="The criteria this hint serves: two criteria met by the same evidence are one hint, gains added.",
    )


@extend_schema_serializer(
    examples=[OpenApiExample("A live score", value=passport_samples.PRODUCT_SCORE, response_only=True)]
)
class ProductScoreSerializer(ScoreSerializer):
    """The product's current score from its live data, with ranked improvement hints."""

    hints = HintSerializer(many=True, help_text="Criteria with a hint, the largest gain in the overall score first.")
    outdated = serializers.BooleanField(help_text="Computed with an older methodology version.")


@extend_schema_serializer(
    examples=[OpenApiExample("Found by its EAN", value=passport_samples.LOOKUP, response_only=True, status_codes=[200])]
)
class LookupSerializer(serializers.Serializer):
    """The current published version found by a lookup, with its frozen snapshot under ``passport``."""

    passport_code = serializers.CharField()
    gtin = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=PASSPORT_STATUSES)
    version = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    content_hash = serializers.CharField(help_text="SHA-256 of the canonical snapshot JSON.")
    passport = SnapshotField()


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Wrong check digit", value=passport_samples.LOOKUP_BAD_CHECK_DIGIT, response_only=True, status_codes=[400]
        ),
        OpenApiExample("Unknown GTIN", value=passport_samples.LOOKUP_NOT_FOUND, response_only=True, status_codes=[404]),
    ]
)
class LookupErrorSerializer(serializers.Serializer):
    """Why a lookup found nothing: a message for people and a code for programs."""

    detail = serializers.CharField()
    code = serializers.CharField(
        help_text="empty, too_long, gtin_check_digit, passport_code_check, unknown_link, not_found, …"
    )
