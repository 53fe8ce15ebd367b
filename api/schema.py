"""OpenAPI descriptions shared by the views: examples, error responses and headers."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from .serializers import ErrorSerializer, ImportErrorSerializer

PASSPORT_CODE = OpenApiParameter(
    "passport_code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The product's passport code; case, hyphens and the confusable letters O, I and L are tolerated.",
    examples=[OpenApiExample("Passport code", value="K7QX2M9C")],
)
PRODUCT_CODE = OpenApiParameter(
    "product_code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Passport code of the product the evidence belongs to.",
    examples=[OpenApiExample("Passport code", value="K7QX2M9C")],
)
PUBLIC_PASSPORT_CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The passport code; case, hyphens and the confusable letters O, I and L are tolerated.",
    examples=[OpenApiExample("Passport code", value="K7QX2M9C")],
)
EVIDENCE_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id of the evidence.")
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description=(
        "The ETag from your last GET of the product. A missing header answers 428, an outdated one 412, "
        "so that no change is overwritten silently."
    ),
    examples=[OpenApiExample("ETag", value='"3f2a9c0d5e7b41a8c6f0d2e4b9a7c5e3f1d0b8a6"')],
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="Strong ETag of this representation; send it back in If-Match when you change the product.",
)

LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="URL of the new product.",
)

VERSION_LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Permanent URL of the new passport version.",
)

ERROR = OpenApiResponse(ErrorSerializer, description="Error with a human-readable detail.")
NOT_PUBLISHED = OpenApiResponse(
    ErrorSerializer,
    description="The product has never been published.",
    examples=[
        OpenApiExample(
            "Never published", value={"detail": "Only a published passport can be withdrawn."}, status_codes=[400]
        )
    ],
)
NOT_FOUND = OpenApiResponse(
    ErrorSerializer,
    description="No such object, or it is outside what you may see or change.",
    examples=[OpenApiExample("Not found", value={"detail": "No Product matches the given query."}, status_codes=[404])],
)
UNAUTHENTICATED = OpenApiResponse(
    ErrorSerializer,
    description="Not signed in: send `Authorization: Token <key>` or use a session.",
    examples=[
        OpenApiExample(
            "Not signed in", value={"detail": "Authentication credentials were not provided."}, status_codes=[401]
        )
    ],
)
FORBIDDEN = OpenApiResponse(
    ErrorSerializer,
    description="Signed in, but only members of a maker organisation can do this.",
    examples=[
        OpenApiExample(
            "Not a maker", value={"detail": "Only members of a maker organisation can do this."}, status_codes=[403]
        )
    ],
)
VALIDATION_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description=(
        "Invalid input. Errors are given per field; errors of list items are keyed by the item's 0-based "
        "index. Errors of field types come first; the models' own rules are checked once the types are right."
    ),
    examples=[
        OpenApiExample(
            "Per-field errors",
            value={
                "gtin": ["GTIN check digit should be 1, not 2."],
                "materials": {"1": {"share_percent": ["Ensure this value is less than or equal to 100."]}},
                "durability": {"resharpening_cycles": ["Leave this empty, or mark the product as resharpenable."]},
            },
            status_codes=[400],
        )
    ],
)
FILTER_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A filter value is invalid; errors are given per query parameter.",
    examples=[OpenApiExample("Bad filter", value={"min_score": ["Enter a number."]}, status_codes=[400])],
)
PAGE_NOT_FOUND = OpenApiResponse(
    ErrorSerializer,
    description="The page number is beyond the last page.",
    examples=[OpenApiExample("No such page", value={"detail": "Invalid page."}, status_codes=[404])],
)
NOT_FOUND_OR_PAGE = OpenApiResponse(
    ErrorSerializer,
    description="No such object, or it is outside what you may see; or the page number is beyond the last page.",
    examples=[
        OpenApiExample("Not found", value={"detail": "Not found."}, status_codes=[404]),
        OpenApiExample("No such page", value={"detail": "Invalid page."}, status_codes=[404]),
    ],
)
PRECONDITION_FAILED = OpenApiResponse(
    ErrorSerializer,
    description="The product changed since you read it (your If-Match is outdated). GET it again and retry.",
    examples=[
        OpenApiExample(
            "Stale ETag",
            value={
                "detail": (
                    "The product changed since you read it. GET it again, apply your change and send the new ETag."
                )
            },
            status_codes=[412],
        )
    ],
)
PRECONDITION_REQUIRED = OpenApiResponse(
    ErrorSerializer,
    description="If-Match is missing.",
    examples=[
        OpenApiExample(
            "No If-Match",
            value={"detail": "Send the ETag of the product in an If-Match header; GET the product to learn it."},
            status_codes=[428],
        )
    ],
)
CONFLICT = OpenApiResponse(
    ErrorSerializer,
    description="A product with published passport versions cannot be deleted; withdraw its passport instead.",
)
IMPORT_ERROR = OpenApiResponse(
    ImportErrorSerializer,
    description="Nothing was imported. Every problem is listed by row and field.",
    examples=[
        OpenApiExample(
            "Row errors",
            value={
                "detail": "Nothing was imported: 2 problems.",
                "errors": [
                    {"row": 2, "field": "gtin", "message": "GTIN check digit should be 1, not 2."},
                    {
                        "row": 5,
                        "field": "materials[2].share_percent",
                        "message": "Ensure this value is less than or equal to 100.",
                    },
                ],
            },
            status_codes=[400],
        )
    ],
)

MATERIAL_EXAMPLE = {
    "name": "X50CrMoV15",
    "part": "Klinge",
    "mass_g": 150.0,
    "share_percent": 80.0,
    "recycled_content_percent": 30.0,
    "renewable": False,
    "recyclable": True,
    "substances_of_concern": "none",
}
STEP_EXAMPLE = {
    "position": 1,
    "step_type": "forging",
    "description": "Gesenkgeschmiedet",
    "performed_by": "maker",
    "supplier_name": "",
    "supplier_confidential": False,
    "city": "Solingen",
    "postcode": "42651",
    "country": "DE",
}
PRODUCT_WRITE_EXAMPLE = OpenApiExample(
    "A chef's knife with its parts",
    request_only=True,
    value={
        "name": "Kochmesser Schmiedeklinge 20 cm",
        "category_slug": "chefs-knives",
        "gtin": "4006381333931",
        "model_number": "KM-20",
        "description": "Geschmiedetes Kochmesser aus X50CrMoV15 mit Olivenholzgriff.",
        "price_eur": 129.0,
        "mass_g": 210,
        "variants": [{"code": "20", "name": "20 cm"}],
        "materials": [
            MATERIAL_EXAMPLE,
            {"name": "Olivenholz", "part": "Griff", "share_percent": 20.0, "renewable": True, "recyclable": False},
        ],
        "components": [{"name": "Griffschalen", "replaceable": True, "spare_part_available": True}],
        "supply_chain_steps": [
            STEP_EXAMPLE,
            {
                "position": 2,
                "step_type": "grinding",
                "performed_by": "supplier",
                "supplier_name": "Schleiferei Kuhn",
                "city": "Solingen",
                "postcode": "42653",
                "country": "DE",
            },
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 25,
            "resharpenable": True,
            "resharpening_cycles": 20,
        },
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://example.org/repair",
            "disassembly_steps": 2,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [
            {"name": "Griffschalen", "years_available": 10, "delivery_days": 5, "price_percent_of_product": 20.0}
        ],
        "repair_services": [{"service_type": "resharpening", "price_eur": 8.0}],
        "end_of_life": {"take_back_offered": True, "recyclable_share_percent": 90.0, "separability": "moderate"},
    },
)
PRODUCT_PATCH_EXAMPLE = OpenApiExample(
    "Change the price and replace the materials",
    request_only=True,
    value={"price_eur": 135.0, "materials": [MATERIAL_EXAMPLE]},
)
PRODUCT_SUMMARY = {
    "id": 17,
    "url": "https://glaeserne-werkstatt.example/api/v1/products/K7QX2M9C/",
    "passport_code": "K7QX2M9C",
    "passport_code_display": "K7QX-2M9C",
    "gtin": "04006381333931",
    "name": "Kochmesser Schmiedeklinge 20 cm",
    "model_number": "KM-20",
    "maker": {"slug": "schmiede-beispiel", "name": "Schmiede Beispiel"},
    "category": {"slug": "chefs-knives", "name": {"de": "Kochmesser", "en": "Chef's knives"}},
    "status": "published",
    "price_eur": 129.0,
    "score": {
        "overall": 72.5,
        "grade": "B",
        "durability": 80.0,
        "repairability": 65.0,
        "supply_chain": 90.0,
        "circularity": 55.0,
        "methodology_version": "1.0",
        "computed_at": "2026-11-25T09:30:00+01:00",
    },
    "updated_at": "2026-11-25T09:29:12+01:00",
}
# List examples show one row; the schema generator wraps them in the page.
PRODUCT_ROW_EXAMPLE = OpenApiExample("A product", value=PRODUCT_SUMMARY, response_only=True)
PRODUCT_DETAIL_EXAMPLE = OpenApiExample(
    "A product of your organisation",
    response_only=True,
    status_codes=[200, 201],
    value={
        **PRODUCT_SUMMARY,
        "description": "Geschmiedetes Kochmesser aus X50CrMoV15 mit Olivenholzgriff.",
        "mass_g": 210,
        "created_at": "2026-10-01T10:00:00+02:00",
        "variants": [{"code": "20", "name": "20 cm"}],
        "materials": [MATERIAL_EXAMPLE],
        "components": [{"name": "Griffschalen", "replaceable": True, "spare_part_available": True}],
        "supply_chain_steps": [{**STEP_EXAMPLE, "region": "solingen"}],
        "durability": {
            "warranty_years": 5.0,
            "lifetime_warranty": False,
            "expected_lifetime_years": 25,
            "maintenance_instructions": "Von Hand spülen.",
            "resharpenable": True,
            "resharpening_cycles": 20,
            "refurbishable": None,
        },
        "durability_tests": [
            {"property": "edge_retention", "method": "ISO 8442-5", "result": "CEP 620 mm", "evidence_verified": True}
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://example.org/repair",
            "disassembly_steps": 2,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [
            {"name": "Griffschalen", "years_available": 10, "delivery_days": 5, "price_percent_of_product": 20.0}
        ],
        "repair_services": [{"service_type": "resharpening", "provider": "", "price_eur": 8.0, "description": ""}],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "",
            "recyclable_share_percent": 90.0,
            "separability": "moderate",
            "disposal_instructions": "Klinge zum Altmetall.",
        },
        "evidence": [
            {
                "id": 7,
                "title": "Prüfbericht Schneidhaltigkeit",
                "claim": "durability",
                "file": None,
                "url": "https://example.org/report.pdf",
                "verified": True,
                "uploaded_at": "2026-10-02T08:00:00+02:00",
            }
        ],
    },
)
IMPORT_RESULT_EXAMPLE = OpenApiExample(
    "Two products imported",
    response_only=True,
    status_codes=[201],
    value={
        "dry_run": False,
        "count": 2,
        "products": [
            {"row": 1, "passport_code": "K7QX2M9C", "name": "Kochmesser 20 cm"},
            {"row": 2, "passport_code": "M3RT8PQ4", "name": "Schere 21 cm"},
        ],
    },
)
EVIDENCE_EXAMPLE = OpenApiExample(
    "A test report",
    response_only=True,
    status_codes=[200, 201],
    value={
        "id": 7,
        "title": "Prüfbericht Schneidhaltigkeit",
        "claim": "durability",
        "file": "https://glaeserne-werkstatt.example/media/evidence/2026/10/report.pdf",
        "url": "",
        "verified": False,
        "uploaded_at": "2026-10-02T08:00:00+02:00",
    },
)
MAKER_EXAMPLE = OpenApiExample(
    "A maker",
    response_only=True,
    value={
        "url": "https://glaeserne-werkstatt.example/api/v1/makers/schmiede-beispiel/",
        "slug": "schmiede-beispiel",
        "name": "Schmiede Beispiel",
        "description": "Familienbetrieb seit 1902.",
        "website": "https://schmiede.example",
        "city": "Solingen",
        "postcode": "42651",
        "country": "DE",
        "founded_year": 1902,
        "published_products": 12,
    },
)
CATEGORY_EXAMPLE = OpenApiExample(
    "A category",
    response_only=True,
    value={
        "url": "https://glaeserne-werkstatt.example/api/v1/categories/chefs-knives/",
        "slug": "chefs-knives",
        "name": {"de": "Kochmesser", "en": "Chef's knives"},
        "parent": "kitchen-knives",
        "reference_lifetime_years": 25,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
)

PUBLISH_ERROR_EXAMPLE = OpenApiExample(
    "Not complete yet",
    response_only=True,
    status_codes=[400],
    value={
        "detail": "This product cannot be published yet. Missing: a description, at least one material.",
        "missing": ["a description", "at least one material"],
    },
)


def _text(de: str, en: str) -> dict:
    return {"de": de, "en": en}


SNAPSHOT_EXAMPLE = {
    "schema": "gw-passport/1",
    "version": 3,
    "published_at": "2026-11-25T09:30:00+00:00",
    "product": {
        "name": "Kochmesser Schmiedeklinge 20 cm",
        "description": "Geschmiedetes Kochmesser aus X50CrMoV15 mit Olivenholzgriff.",
        "model_number": "KM-20",
        "gtin": "04006381333931",
        "passport_code": "K7QX2M9C",
        "passport_code_display": "K7QX-2M9C",
        "category": {"slug": "chefs-knives", "name": _text("Kochmesser", "Chef's knives")},
        "price_eur": 129.0,
        "mass_g": 210,
        "variants": [{"code": "20", "name": "20 cm"}],
    },
    "maker": {
        "name": "Schmiede Beispiel",
        "slug": "schmiede-beispiel",
        "city": "Solingen",
        "postcode": "42651",
        "country": "DE",
        "website": "https://schmiede.example",
    },
    "score": {
        "overall": 72.5,
        "grade": "B",
        "band_colour": "#85BB2F",
        "methodology_version": "1.0",
        "computed_at": "2026-11-25T09:29:58+00:00",
        "subscores": {"durability": 80.0, "repairability": 65.0, "supply_chain": 90.0, "circularity": 55.0},
        "criteria": [
            {
                "subscore": "repairability",
                "key": "documentation",
                "label": _text("Reparaturanleitung", "Repair documentation"),
                "points": 12.0,
                "max_points": 20.0,
                "status": "known",
                "explanation": _text("Öffentlich, ohne Explosionszeichnung.", "Public, without an exploded view."),
                "hint": _text(
                    "Explosionszeichnung veröffentlichen: +8 Punkte Reparierbarkeit",
                    "Publish an exploded view: +8 repairability points",
                ),
                "hint_points": 8.0,
            }
        ],
        "solingen": {"qualifies": True, "reasons": []},
    },
    "materials": [{**MATERIAL_EXAMPLE}],
    "components": [{"name": "Griffschalen", "replaceable": True, "spare_part_available": True}],
    "supply_chain": [
        {
            **STEP_EXAMPLE,
            "step_label": _text("Schmieden", "Forging"),
            "supplier_name": None,
            "region": "solingen",
            "region_label": _text("Solingen/Haan", "Solingen/Haan"),
        }
    ],
    "durability": {
        "warranty_years": 5.0,
        "lifetime_warranty": False,
        "expected_lifetime_years": 25,
        "maintenance_instructions": "Von Hand spülen.",
        "resharpenable": True,
        "resharpening_cycles": 20,
        "refurbishable": None,
        "tests": [
            {
                "property": "edge_retention",
                "label": _text("Schnitthaltigkeit", "Edge retention"),
                "method": "ISO 8442-5",
                "result": "CEP 620 mm",
                "evidence_verified": True,
            }
        ],
    },
    "repairability": {
        "documentation": "public",
        "documentation_label": _text("Öffentlich", "Public"),
        "documentation_url": "https://example.org/repair",
        "disassembly_steps": 2,
        "fasteners": "reusable",
        "fasteners_label": _text("Wiederverwendbar", "Reusable"),
        "tools": "basic",
        "tools_label": _text("Standardwerkzeug", "Basic tools"),
        "spare_parts": [
            {"name": "Griffschalen", "years_available": 10, "delivery_days": 5, "price_percent_of_product": 20.0}
        ],
        "repair_services": [
            {
                "service_type": "resharpening",
                "label": _text("Nachschleifen", "Resharpening"),
                "provider": "",
                "price_eur": 8.0,
                "description": "",
            }
        ],
    },
    "end_of_life": {
        "take_back_offered": True,
        "take_back_details": "",
        "recyclable_share_percent": 90.0,
        "separability": "moderate",
        "separability_label": _text("Mittel", "Moderate"),
        "disposal_instructions": "Klinge zum Altmetall.",
    },
    "evidence": [
        {
            "title": "Prüfbericht Schneidhaltigkeit",
            "claim": "durability",
            "url": "https://example.org/report.pdf",
            "verified": True,
        }
    ],
    "urls": {
        "passport": "https://glaeserne-werkstatt.example/p/K7QX2M9C",
        "digital_link": "https://glaeserne-werkstatt.example/01/04006381333931",
        "qr": "https://glaeserne-werkstatt.example/01/04006381333931",
    },
}
_SITE = "https://glaeserne-werkstatt.example"
_PASSPORT_API = f"{_SITE}/api/v1/passports/K7QX2M9C/"
_VERSION_META = {
    "url": f"{_PASSPORT_API}versions/3/",
    "version": 3,
    "published_at": "2026-11-25T10:30:00+01:00",
    "content_hash": "5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924",
    "methodology_version": "1.0",
    "superseded": False,
    "withdrawn": False,
    "links": {
        "html": f"{_SITE}/p/K7QX2M9C/v/3",
        "pdf": f"{_SITE}/p/K7QX2M9C/v/3/passport.pdf",
        "versions": f"{_PASSPORT_API}versions/",
    },
}
PASSPORT_VERSION_EXAMPLE = OpenApiExample(
    "A published version",
    response_only=True,
    status_codes=[200, 201],
    value={
        **_VERSION_META,
        "passport_code": "K7QX2M9C",
        "gtin": "04006381333931",
        "status": "published",
        "passport": SNAPSHOT_EXAMPLE,
    },
)
PASSPORT_VERSION_ROW_EXAMPLE = OpenApiExample("A version", response_only=True, value=_VERSION_META)
PASSPORT_ROW_EXAMPLE = OpenApiExample(
    "A passport",
    response_only=True,
    value={
        "url": _PASSPORT_API,
        "passport_code": "K7QX2M9C",
        "passport_code_display": "K7QX-2M9C",
        "gtin": "04006381333931",
        "name": "Kochmesser Schmiedeklinge 20 cm",
        "model_number": "KM-20",
        "maker": {"slug": "schmiede-beispiel", "name": "Schmiede Beispiel"},
        "category": {"slug": "chefs-knives", "name": _text("Kochmesser", "Chef's knives")},
        "price_eur": 129.0,
        "score": {**PRODUCT_SUMMARY["score"], "computed_at": "2026-11-25T09:29:58+00:00"},
        "solingen": True,
        "version": 3,
        "published_at": "2026-11-25T10:30:00+01:00",
        "content_hash": _VERSION_META["content_hash"],
        "methodology_version": "1.0",
        "status": "published",
        "withdrawn": False,
        "links": {
            "html": f"{_SITE}/p/K7QX2M9C",
            "pdf": f"{_SITE}/p/K7QX2M9C/passport.pdf",
            "versions": f"{_PASSPORT_API}versions/",
        },
    },
)
PRODUCT_SCORE_EXAMPLE = OpenApiExample(
    "A live score",
    response_only=True,
    value={
        **SNAPSHOT_EXAMPLE["score"],
        "hints": [{**SNAPSHOT_EXAMPLE["score"]["criteria"][0], "overall_points": 2.0}],
        "outdated": False,
    },
)
OPEN_DATA_JSONLD_EXAMPLE = OpenApiExample(
    "A dataset with one passport",
    value={
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Gläserne Werkstatt: published product passports",
        "url": f"{_SITE}/api/v1/export/passports.jsonld",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creditText": "Gläserne Werkstatt Solingen",
        "inLanguage": "de",
        "dateModified": "2026-11-25T10:00:00+01:00",
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "Product",
                    "name": "Kochmesser Schmiedeklinge 20 cm",
                    "productID": "K7QX2M9C",
                    "gtin14": "04006381333931",
                    "url": f"{_SITE}/p/K7QX2M9C",
                    "additionalProperty": [
                        {"@type": "PropertyValue", "propertyID": "grade", "name": "Note", "value": "B"},
                        {
                            "@type": "PropertyValue",
                            "propertyID": "overall",
                            "name": "Gesamtpunktzahl",
                            "value": 72.5,
                            "minValue": 0,
                            "maxValue": 100,
                        },
                        {"@type": "PropertyValue", "propertyID": "passport_version", "name": "Version", "value": 3},
                    ],
                }
            ],
        },
    },
)
LOOKUP_EXAMPLE = OpenApiExample(
    "Found by its EAN",
    response_only=True,
    status_codes=[200],
    value={
        "passport_code": "K7QX2M9C",
        "gtin": "04006381333931",
        "status": "published",
        "version": 3,
        "published_at": "2026-11-25T09:30:00+00:00",
        "content_hash": _VERSION_META["content_hash"],
        "passport": SNAPSHOT_EXAMPLE,
    },
)
