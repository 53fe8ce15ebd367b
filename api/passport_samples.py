"""Sample data of published passports (api/passport_serializers.py): snapshot, versions, lookup, open data.

The same kitchen knife as in api/samples.py, as published.
"""

from catalogue.credentials.builder import CredentialUrls, build_credential
from catalogue.credentials.status_list import status_entry

from .samples import (
    CATEGORY_SUMMARY,
    CODE,
    COMPONENTS,
    DESCRIPTION,
    DURABILITY,
    GTIN,
    MATERIAL,
    METHODOLOGY_VERSION,
    NAME,
    PASSPORT_API,
    PRODUCT_IDENTITY,
    SCORE_SUMMARY,
    SITE,
    SPARE_PARTS,
    STEP,
    VARIANTS,
    text,
)

CONTENT_HASH = "5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924"

CRITERION = {
    "subscore": "repairability",
    "key": "documentation",
    "label": text("Reparaturanleitung", "Repair documentation"),
    "points": 12.0,
    "max_points": 20.0,
    "status": "known",
    "explanation": text("Öffentlich, ohne Explosionszeichnung.", "Public, without an exploded view."),
    "hint": text(
        "Explosionszeichnung veröffentlichen: +8 Punkte Reparierbarkeit",
        "Publish an exploded view: +8 repairability points",
    ),
    "hint_points": 8.0,
}
SCORE = {
    "overall": 72.5,
    "grade": "B",
    "band_colour": "#85BB2F",
    "methodology_version": METHODOLOGY_VERSION,
    "computed_at": "2026-11-25T09:29:58+00:00",
    "subscores": {"durability": 80.0, "repairability": 65.0, "supply_chain": 90.0, "circularity": 55.0},
    "criteria": [CRITERION],
    "solingen": {"qualifies": True, "applicable": True, "reasons": []},
}
SNAPSHOT = {
    "schema": "gw-passport/1",
    "version": 3,
    "published_at": "2026-11-25T09:30:00+00:00",
    "product": {
        "name": NAME,
        "description": DESCRIPTION,
        "model_number": "KM-20",
        "gtin": GTIN,
        "passport_code": CODE,
        "passport_code_display": "K7QX-2M9C",
        "category": CATEGORY_SUMMARY,
        "price_eur": 129.0,
        "mass_g": 210,
        "variants": VARIANTS,
    },
    "maker": {
        "name": "Schmiede Beispiel",
        "slug": "schmiede-beispiel",
        "city": "Solingen",
        "postcode": "42651",
        "country": "DE",
        "website": "https://schmiede.example",
    },
    "score": SCORE,
    "materials": [{key: value for key, value in MATERIAL.items() if key != "substance_concentration"}],
    "components": COMPONENTS,
    "supply_chain": [
        {
            **{key: value for key, value in STEP.items() if key not in ("supplier", "facility")},  # private links
            "step_label": text("Schmieden", "Forging"),
            "supplier_name": None,
            "region": "solingen",
            "region_label": text("Solingen/Haan", "Solingen/Haan"),
            "facility": {"name": "Schmiede", "gln": "4012345000016"},
        }
    ],
    "durability": {
        **DURABILITY,
        "tests": [
            {
                "property": "edge_retention",
                "label": text("Schnitthaltigkeit", "Edge retention"),
                "method": "ISO 8442-5",
                "result": "CEP 620 mm",
                "evidence_verified": True,
            }
        ],
    },
    "repairability": {
        "documentation": "public",
        "documentation_label": text("Öffentlich", "Public"),
        "documentation_url": "https://example.org/repair",
        "disassembly_steps": 2,
        "fasteners": "reusable",
        "fasteners_label": text("Wiederverwendbar", "Reusable"),
        "tools": "basic",
        "tools_label": text("Standardwerkzeug", "Basic tools"),
        "spare_parts": [
            {key: value for key, value in part.items() if key != "supplier_contact"} for part in SPARE_PARTS
        ],
        "repair_services": [
            {
                "service_type": "resharpening",
                "label": text("Nachschleifen", "Resharpening"),
                "provider": "",
                "price_eur": 8.0,
                "description": "",
                "phone": "+49 212 123456",
                "email": "",
                "website": "",
            }
        ],
    },
    "end_of_life": {
        "take_back_offered": True,
        "take_back_details": "",
        "recyclable_share_percent": 90.0,
        "separability": "moderate",
        "separability_label": text("Mittel", "Moderate"),
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
        "passport": f"{SITE}/p/{CODE}",
        "digital_link": f"{SITE}/01/{GTIN}",
        "qr": f"{SITE}/01/{GTIN}",
    },
    "identifiers": {
        "upi": {"scheme": "gs1_digital_link", "value": f"{SITE}/01/{GTIN}"},
        "operator": {"scheme": "eori", "value": "DE1234567890123"},
        "operator_identifiers": {"eori": "DE1234567890123", "gln": "4012345000009"},
        "facilities": [
            {"name": "Schmiede", "city": "Solingen", "postcode": "42651", "country": "DE", "gln": "4012345000016"}
        ],
        "commodity_code": "82119200",
        "granularity": "model",
    },
    "predecessor": {"version": 2, "content_hash": "9f2c" * 16, "url": f"{SITE}/p/{CODE}/v/2"},
    "restricted_part": {"sha256": "5d1e" * 16},
}
PASSPORT_VERSION_ROW = {
    "url": f"{PASSPORT_API}versions/3/",
    "version": 3,
    "published_at": "2026-11-25T10:30:00+01:00",
    "content_hash": CONTENT_HASH,
    "methodology_version": METHODOLOGY_VERSION,
    "superseded": False,
    "withdrawn": False,
    "links": {
        "html": f"{SITE}/p/{CODE}/v/3",
        "pdf": f"{SITE}/p/{CODE}/v/3/passport.pdf",
        "versions": f"{PASSPORT_API}versions/",
    },
}
PASSPORT_VERSION = {
    **PASSPORT_VERSION_ROW,
    "passport_code": CODE,
    "gtin": GTIN,
    "status": "published",
    "passport": SNAPSHOT,
    "predecessor": {"version": 2, "content_hash": "9f2c" * 16, "url": f"{PASSPORT_API}versions/2/"},
    "successor": None,
}
PASSPORT_ROW = {
    "url": PASSPORT_API,
    **PRODUCT_IDENTITY,
    "price_eur": 129.0,
    "score": {**SCORE_SUMMARY, "computed_at": "2026-11-25T09:29:58+00:00"},
    "solingen": True,
    "version": 3,
    "published_at": "2026-11-25T10:30:00+01:00",
    "content_hash": CONTENT_HASH,
    "methodology_version": METHODOLOGY_VERSION,
    "status": "published",
    "withdrawn": False,
    "links": {
        "html": f"{SITE}/p/{CODE}",
        "pdf": f"{SITE}/p/{CODE}/passport.pdf",
        "versions": f"{PASSPORT_API}versions/",
    },
}
PRODUCT_SCORE = {
    **SCORE,
    "hints": [{**CRITERION, "overall_points": 2.0, "merged_keys": [CRITERION["key"]]}],
    "outdated": False,
}
# The version above as a verifiable credential, built by the catalogue's own (pure) credential builder.
CREDENTIAL = build_credential(
    SNAPSHOT,
    content_hash=CONTENT_HASH,
    issuer={"id": "did:web:glaeserne-werkstatt.example", "name": "Gläserne Werkstatt – Stadt Solingen"},
    urls=CredentialUrls(
        credential=f"{PASSPORT_API}versions/3/credential",
        snapshot=f"{PASSPORT_API}versions/3/",
        page=f"{SITE}/p/{CODE}/v/3",
        methodology=f"{SITE}/methodology/",
        site=SITE,
    ),
    status=status_entry(f"{SITE}/credentials/status/0", 42),
)
LOOKUP = {
    "passport_code": CODE,
    "gtin": GTIN,
    "status": "published",
    "version": 3,
    "published_at": "2026-11-25T09:30:00+00:00",
    "content_hash": CONTENT_HASH,
    "passport": SNAPSHOT,
}
LOOKUP_BAD_CHECK_DIGIT = {"detail": "GTIN check digit should be 1, not 2.", "code": "gtin_check_digit"}
LOOKUP_NOT_FOUND = {"detail": f"No published passport has the GTIN {GTIN}.", "code": "not_found"}

# ---------- Open data ----------

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
OPEN_DATA_CSV = f"passport_code,gtin,name,…,grade,…,license\r\n{CODE},{GTIN},{NAME},…,B,…,{LICENSE_URL}\r\n"
OPEN_DATA_JSONLD = {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "name": "Gläserne Werkstatt: published product passports",
    "url": f"{SITE}/api/v1/export/passports.jsonld",
    "license": LICENSE_URL,
    "creditText": "Gläserne Werkstatt Solingen",
    "inLanguage": "de",
    "dateModified": "2026-11-25T10:00:00+01:00",
    "mainEntity": {
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "Product",
                "name": NAME,
                "productID": CODE,
                "gtin14": GTIN,
                "url": f"{SITE}/p/{CODE}",
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
}
OPEN_DATA_BAD_LANGUAGE = {"lang": ['"fr" is not a valid choice.']}
