"""Sample data of the API: the examples in the OpenAPI schema, and what the tests send and compare.

Plain JSON values, one kitchen knife throughout; published passports are in api/passport_samples.py.
The serializers show them as examples (``@extend_schema_serializer``), the shared error responses
of api/openapi.py show the error bodies, and tests/api/test_schema_examples.py checks every one
against its serializer and against what the API answers.
"""

from catalogue.scoring.methodology import METHODOLOGY_VERSION

SITE = "https://glaeserne-werkstatt.example"
CODE = "K7QX2M9C"
GTIN = "04006381333931"
NAME = "Kochmesser Schmiedeklinge 20 cm"
DESCRIPTION = "Geschmiedetes Kochmesser aus X50CrMoV15 mit Olivenholzgriff."
PASSPORT_API = f"{SITE}/api/v1/passports/{CODE}/"


def text(de: str, en: str) -> dict:
    """A text in both languages of the catalogue."""
    return {"de": de, "en": en}


# ---------- Parts of a product ----------

MAKER_SUMMARY = {"slug": "schmiede-beispiel", "name": "Schmiede Beispiel"}
CATEGORY_SUMMARY = {"slug": "chefs-knives", "name": text("Kochmesser", "Chef's knives")}
VARIANTS = [{"code": "20", "name": "20 cm"}]
MATERIAL = {
    "name": "X50CrMoV15",
    "part": "Klinge",
    "mass_g": 150.0,
    "share_percent": 80.0,
    "recycled_content_percent": 30.0,
    "renewable": False,
    "recyclable": True,
    "substances_of_concern": "none",
    "substance_concentration": "",
}
COMPONENTS = [{"name": "Griffschalen", "replaceable": True, "spare_part_available": True}]
STEP = {
    "position": 1,
    "step_type": "forging",
    "description": "Gesenkgeschmiedet",
    "supplier": None,
    "performed_by": "maker",
    "supplier_name": "",
    "supplier_confidential": False,
    "city": "Solingen",
    "postcode": "42651",
    "country": "DE",
    "facility": None,
}
DURABILITY = {
    "warranty_years": 5.0,
    "lifetime_warranty": False,
    "expected_lifetime_years": 25,
    "maintenance_instructions": "Von Hand spülen.",
    "resharpenable": True,
    "resharpening_cycles": 20,
    "refurbishable": None,
}
REPAIRABILITY = {
    "documentation": "public",
    "documentation_url": "https://example.org/repair",
    "disassembly_steps": 2,
    "fasteners": "reusable",
    "tools": "basic",
    "professional_manual_url": "",
    "disassembly_notes": "",
}
SPARE_PARTS = [
    {
        "name": "Griffschalen",
        "years_available": 10,
        "delivery_days": 5,
        "price_percent_of_product": 20.0,
        "supplier_contact": "",
    }
]
END_OF_LIFE = {
    "take_back_offered": True,
    "take_back_details": "",
    "recyclable_share_percent": 90.0,
    "separability": "moderate",
    "disposal_instructions": "Klinge zum Altmetall.",
}

# ---------- Products (live data) ----------

PRODUCT_WRITE = {
    "name": NAME,
    "category_slug": "chefs-knives",
    "gtin": "4006381333931",
    "model_number": "KM-20",
    "description": DESCRIPTION,
    "price_eur": 129.0,
    "mass_g": 210,
    "variants": VARIANTS,
    "materials": [
        MATERIAL,
        {"name": "Olivenholz", "part": "Griff", "share_percent": 20.0, "renewable": True, "recyclable": False},
    ],
    "components": COMPONENTS,
    "supply_chain_steps": [
        STEP,
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
    "repairability": REPAIRABILITY,
    "spare_parts": SPARE_PARTS,
    "repair_services": [{"service_type": "resharpening", "price_eur": 8.0}],
    "end_of_life": {"take_back_offered": True, "recyclable_share_percent": 90.0, "separability": "moderate"},
}
PRODUCT_PATCH = {"price_eur": 135.0, "materials": [MATERIAL]}
SCORE_SUMMARY = {
    "overall": 72.5,
    "grade": "B",
    "durability": 80.0,
    "repairability": 65.0,
    "supply_chain": 90.0,
    "circularity": 55.0,
    "methodology_version": METHODOLOGY_VERSION,
    "computed_at": "2026-11-25T09:30:00+01:00",
}
# What identifies the sample product, in the live product rows and in the passport rows alike.
PRODUCT_IDENTITY = {
    "passport_code": CODE,
    "passport_code_display": "K7QX-2M9C",
    "gtin": GTIN,
    "name": NAME,
    "model_number": "KM-20",
    "maker": MAKER_SUMMARY,
    "category": CATEGORY_SUMMARY,
}
PRODUCT_ROW = {
    "id": 17,
    "url": f"{SITE}/api/v1/products/{CODE}/",
    **PRODUCT_IDENTITY,
    "status": "published",
    "has_unpublished_changes": False,
    "price_eur": 129.0,
    "score": SCORE_SUMMARY,
    "updated_at": "2026-11-25T09:29:12+01:00",
}
EVIDENCE_LINK = {
    "title": "Prüfbericht Schneidhaltigkeit",
    "claim": "durability",
    "url": "https://example.org/report.pdf",
}
PRODUCT_DETAIL = {
    **PRODUCT_ROW,
    "description": DESCRIPTION,
    "mass_g": 210,
    "created_at": "2026-10-01T10:00:00+02:00",
    "variants": VARIANTS,
    "materials": [MATERIAL],
    "components": COMPONENTS,
    "supply_chain_steps": [{**STEP, "region": "solingen"}],
    "durability": DURABILITY,
    "durability_tests": [
        {"property": "edge_retention", "method": "ISO 8442-5", "result": "CEP 620 mm", "evidence_verified": True}
    ],
    "repairability": REPAIRABILITY,
    "spare_parts": SPARE_PARTS,
    "repair_services": [
        {
            "service_type": "resharpening",
            "provider": "",
            "price_eur": 8.0,
            "description": "",
            "phone": "+49 212 123456",
            "email": "",
            "website": "",
        }
    ],
    "end_of_life": END_OF_LIFE,
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
}
EVIDENCE = {
    "id": 7,
    "title": "Prüfbericht Schneidhaltigkeit",
    "claim": "durability",
    "file": f"{SITE}/media/evidence/2026/10/report.pdf",
    "url": "",
    "verified": False,
    "uploaded_at": "2026-10-02T08:00:00+02:00",
}
IMPORT_RESULT = {
    "dry_run": False,
    "count": 2,
    "products": [
        {"row": 1, "passport_code": CODE, "name": "Kochmesser 20 cm"},
        {"row": 2, "passport_code": "M3RT8PQ4", "name": "Schere 21 cm"},
    ],
    "warnings": [],
}
IMPORT_DRY_RUN = {
    "dry_run": True,
    "count": 2,
    "products": [{**row, "passport_code": None} for row in IMPORT_RESULT["products"]],
    "warnings": [
        {
            "row": 2,
            "field": "gtin",
            "cell": "D3",
            "message": "The GTIN 9783000000003 is a book's ISBN (Bookland, 978 or 979). Products other than books, "
            "music and periodicals get their GTIN from a GS1 company prefix: check that this is the product's own "
            "number.",
        }
    ],
}
IMPORT_ERROR = {
    "detail": "Nothing was imported: 2 problems.",
    "errors": [
        # From an XLSX file: each problem names its cell ("cell" is left out for CSV and JSON files).
        {"row": 2, "field": "gtin", "cell": "D3", "message": "GTIN check digit should be 1, not 2."},
        {
            "row": 5,
            "field": "materials[2].share_percent",
            "cell": "AC6",
            "message": "Ensure this value is less than or equal to 100.",
        },
    ],
}
PUBLISH_ERROR = {
    "detail": "This product cannot be published yet. Missing: a description, at least one material.",
    "missing": ["a description", "at least one material"],
}

# ---------- Makers and categories ----------

MAKER = {
    "url": f"{SITE}/api/v1/makers/schmiede-beispiel/",
    **MAKER_SUMMARY,
    "description": "Familienbetrieb seit 1902.",
    "website": "https://schmiede.example",
    "city": "Solingen",
    "postcode": "42651",
    "country": "DE",
    "founded_year": 1902,
    "published_products": 12,
}
CATEGORY = {
    "url": f"{SITE}/api/v1/categories/chefs-knives/",
    **CATEGORY_SUMMARY,
    "parent": "kitchen-knives",
    "reference_lifetime_years": 25,
    "reference_warranty_years": 5,
    "resharpenable": True,
}

# ---------- Retailers ----------

RETAILER_API = f"{SITE}/api/v1/retailers/messerladen/"
RETAILER = {
    "url": RETAILER_API,
    "slug": "messerladen",
    "name": "Messerladen am Markt",
    "city": "Solingen",
    "links": {
        "assortment": f"{RETAILER_API}assortment/",
        "reprints": f"{RETAILER_API}reprints/",
        "print": f"{RETAILER_API}print/",
    },
}
ASSORTMENT_ITEM = {
    "passport_code": CODE,
    "passport": PASSPORT_API,
    "name": NAME,
    "gtin": GTIN,
    "maker": MAKER_SUMMARY,
    "status": "published",
    "withdrawn": False,
    "current_version": 3,
    "last_printed_version": 2,
    "last_printed_at": "2026-11-02T16:40:00+01:00",
    "never_printed": False,
    "reprint_needed": True,
    "printed_versions": {"shelf": 2, "detailed": None, "labels": 1},
    "reprint_needed_by_format": {"shelf": True, "detailed": False, "labels": True},
    "shelf_price": "24.90",
    "added_at": "2026-10-12T09:15:00+02:00",
}
SET_SHELF_PRICE = {"shelf_price": "24.90"}
SHELF_PRICE_ERROR = {"shelf_price": ["Ensure this value is greater than or equal to 0."]}
ADD_ITEM = {"code": "4006381333931"}
ADD_ITEM_ERROR = {"code": ["No published passport has the GTIN 4006381333931."]}
PRINT_LABELS = {
    "items": ["4006381333931", "K7QX-2M9C"],
    "format": "labels",
    "layout": "3x8",
    "price": True,
    "ean": True,
    "start": 10,
    "language": "de",
}
PRINT_REPRINT = {"scope": "reprint", "format": "shelf"}
PRINT_ERROR = {"items": ["Not in your assortment: 4006381333931."]}
REPRINT_FORMAT_ERROR = {"print_format": ["format should be one of shelf, detailed, labels, not poster."]}
PRINT_JOB_ID = 41
PRINT_JOB_QUEUED = {
    "id": PRINT_JOB_ID,
    "url": f"{RETAILER_API}print-jobs/{PRINT_JOB_ID}/",
    "status": "queued",
    "format": "shelf",
    "total": 64,
    "progress": 0,
    "percent": 0,
    "error": "",
    "pdf": None,
}
PRINT_JOB_RUNNING = {**PRINT_JOB_QUEUED, "status": "running", "progress": 16, "percent": 25}
PRINT_JOB_DONE = {
    **PRINT_JOB_QUEUED,
    "status": "done",
    "progress": 64,
    "percent": 100,
    "pdf": f"{RETAILER_API}print-jobs/{PRINT_JOB_ID}/pdf/",
}

# ---------- Errors ----------

VALIDATION_ERROR = {
    "gtin": ["GTIN check digit should be 1, not 2."],
    "materials": {"1": {"share_percent": ["Ensure this value is less than or equal to 100."]}},
    "durability": {"resharpening_cycles": ["Leave this empty, or mark the product as resharpenable."]},
}
FILTER_ERROR = {"min_score": ["Enter a number."]}
NOT_SIGNED_IN = {"detail": "Authentication credentials were not provided."}
NOT_A_MAKER = {"detail": "Only members of a maker organisation can do this."}
NOT_FOUND = {"detail": "No Product matches the given query."}
NOT_FOUND_PLAIN = {"detail": "Not found."}
NO_SUCH_PAGE = {"detail": "Invalid page."}
NEVER_PUBLISHED = {"detail": "Only a published passport can be withdrawn."}
STILL_PUBLISHED = {"detail": "This product has a published passport; withdraw it instead of deleting it."}
STALE_ETAG = {"detail": "The product changed since you read it. GET it again, apply your change and send the new ETag."}
NO_IF_MATCH = {"detail": "Send the ETag of the product in an If-Match header; GET the product to learn it."}
ETAG = '"3f2a9c0d5e7b41a8c6f0d2e4b9a7c5e3f1d0b8a6"'

# ---------- Background imports ----------

IMPORT_JOB_ID = "3f6c2a1e-8b4d-4c1a-9e7f-2d5b6a8c9e01"
IMPORT_JOB_QUEUED = {
    "id": IMPORT_JOB_ID,
    "url": f"https://werkstatt.example.org/api/v1/import-jobs/{IMPORT_JOB_ID}/",
    "status": "queued",
    "filename": "sortiment-2026.json",
    "dry_run": False,
    "progress": {"phase": "waiting", "rows_done": 0, "rows_total": None},
    "result": None,
    "errors": [],
    "created_at": "2026-03-02T09:15:00+01:00",
    "started_at": None,
    "finished_at": None,
}
IMPORT_JOB_RUNNING = {
    **IMPORT_JOB_QUEUED,
    "status": "running",
    "progress": {"phase": "saving", "rows_done": 1200, "rows_total": 3500},
    "started_at": "2026-03-02T09:15:01+01:00",
}
IMPORT_JOB_SUCCEEDED = {
    **IMPORT_JOB_RUNNING,
    "status": "succeeded",
    "progress": {"phase": "saving", "rows_done": 2, "rows_total": 2},
    "result": IMPORT_RESULT,
    "finished_at": "2026-03-02T09:15:40+01:00",
}
IMPORT_JOB_FAILED = {
    **IMPORT_JOB_RUNNING,
    "status": "failed",
    "filename": "sortiment-2026.xlsx",
    "progress": {"phase": "checking", "rows_done": 3500, "rows_total": 3500},
    "errors": IMPORT_ERROR["errors"],
    "finished_at": "2026-03-02T09:15:06+01:00",
}
