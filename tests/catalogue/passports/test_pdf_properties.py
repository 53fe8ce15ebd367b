"""Property test: every renderer makes a readable PDF of any valid snapshot, however extreme.

Hypothesis builds snapshots of schema gw-passport/1 (docs/passport-snapshot.md) with texts at their
limits (products.limits and the models' max_length), unicode that stresses fonts and line breaking
(combining marks, emoji, right-to-left scripts, words without spaces), lists at the most rows a maker
may enter (products.parts.Part.max_rows) and ``None`` wherever a value may be missing.
"""

import io

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import render_labels

# Letters that stress fonts and line breaking: German, combining marks, emoji (with joiners and skin tones),
# Hebrew and Arabic, CJK, symbols of the passport, and a few spaces and line breaks.
ALPHABET = st.sampled_from(
    [
        *"aeiouäöüßÄÖÜ ",
        *("e\u0301", "a\u0308\u0323", "\U0001f52a", "\U0001f469\u200d\U0001f527", "\U0001f44d\U0001f3fd"),
        *"שלוםمرحبا漢字",
        *("\u200f", "\u202e", "CO₂", "≤", "€", "\n", "\t", "—", "&", "<b>", '"'),
    ]
)
SPACELESS = st.sampled_from(["Damaszenerstahl", "\U0001f52a", "漢", "שלום", "W"])


def text(limit: int, *, blank: bool = True):
    """Any text of at most ``limit`` characters: short and mixed, a word without spaces, or exactly at the limit."""
    short = st.lists(ALPHABET, max_size=12).map("".join).map(lambda value: value[:limit])
    spaceless = SPACELESS.map(lambda unit: (unit * limit)[:limit])
    at_limit = st.lists(ALPHABET, min_size=1, max_size=8).map(lambda units: ("".join(units) * limit)[:limit])
    strategy = st.one_of(short, spaceless, at_limit)
    return strategy if blank else strategy.filter(str.strip)


def optional(strategy):
    return st.one_of(st.none(), strategy)


def bilingual(limit: int = 200):
    return st.fixed_dictionaries({"de": text(limit), "en": text(limit)})


def rows(row, limit: int):
    """A list of a few rows, or exactly as many as a maker may enter."""
    return st.one_of(st.lists(row, max_size=3), row.map(lambda one: [one] * limit))


NUMBER = st.one_of(st.integers(0, 10**6), st.floats(0, 10**6, allow_nan=False, allow_infinity=False))
PERCENT = optional(st.floats(0, 100, allow_nan=False))
YES_NO = optional(st.booleans())
GTIN = st.sampled_from([None, "04006381333931", "00000000055123", "14006381333938", "09780201379624"])
TIMESTAMP = st.sampled_from(["2026-11-25T09:30:00+00:00", "2026-01-05T23:30:00+00:00", None])
REGION = st.sampled_from(["solingen", "bergisch", "germany", "eu", "world", "", None])

CRITERION = st.fixed_dictionaries(
    {
        "subscore": st.sampled_from(["durability", "repairability", "supply_chain", "circularity", "other"]),
        "key": text(40),
        "label": bilingual(120),
        "points": optional(NUMBER),
        "max_points": optional(NUMBER),
        "status": st.sampled_from(["known", "unknown", "not_applicable", None]),
        "explanation": optional(bilingual(300)),
        "hint": optional(bilingual(300)),
        "hint_points": optional(NUMBER),
    }
)
SCORE = st.fixed_dictionaries(
    {
        "overall": optional(st.floats(0, 100, allow_nan=False)),
        "grade": st.sampled_from(["A", "B", "C", "D", "E", None]),
        "band_colour": st.sampled_from(["#85BB2F", "#E63E11", None]),
        "methodology_version": optional(text(20)),
        "computed_at": TIMESTAMP,
        "subscores": st.fixed_dictionaries(
            {key: optional(st.floats(0, 100, allow_nan=False)) for key in ("durability", "supply_chain")}
        ),
        "criteria": rows(CRITERION, 25),
        "solingen": optional(
            st.fixed_dictionaries(
                {
                    "qualifies": st.booleans(),
                    "applicable": st.booleans(),
                    "reasons": st.one_of(st.lists(bilingual(), max_size=3), bilingual().map(lambda one: [one] * 50)),
                }
            )
        ),
    }
)
PRODUCT = st.fixed_dictionaries(
    {
        "name": text(200, blank=False),
        "description": text(5000),
        "model_number": text(60),
        "gtin": GTIN,
        "passport_code": st.just("K7QX2M9C"),
        "passport_code_display": st.just("K7QX-2M9C"),
        "category": st.fixed_dictionaries({"slug": st.just("chefs-knives"), "name": bilingual(120)}),
        "price_eur": optional(st.floats(0, 9_999_999, allow_nan=False)),
        "mass_g": optional(st.integers(0, 2**31 - 1)),
        "variants": rows(st.fixed_dictionaries({"code": text(20), "name": text(120)}), 30),
    }
)
MAKER = st.fixed_dictionaries(
    {
        "name": text(200, blank=False),
        "slug": st.just("schmiede"),
        "city": text(100),
        "postcode": text(12),
        "country": st.sampled_from(["DE", "FR", ""]),
        "website": st.sampled_from(["", "https://example.org/" + "w" * 150]),
    }
)
MATERIAL = st.fixed_dictionaries(
    {
        "name": text(120),
        "part": text(120),
        "mass_g": optional(NUMBER),
        "share_percent": PERCENT,
        "recycled_content_percent": PERCENT,
        "renewable": YES_NO,
        "recyclable": YES_NO,
        "substances_of_concern": text(200),
    }
)
STEP = st.fixed_dictionaries(
    {
        "position": st.integers(0, 32767),
        "step_type": st.sampled_from(["forging", "grinding", "other"]),
        "step_label": bilingual(60),
        "description": text(200),
        "performed_by": st.sampled_from(["maker", "supplier", ""]),
        "supplier_name": optional(text(200)),
        "supplier_confidential": st.booleans(),
        "city": text(100),
        "postcode": text(12),
        "country": st.sampled_from(["DE", "FR", ""]),
        "region": REGION,
        "region_label": optional(bilingual(60)),
    }
)
DURABILITY = st.fixed_dictionaries(
    {
        "warranty_years": optional(st.floats(0, 99, allow_nan=False)),
        "lifetime_warranty": st.booleans(),
        "expected_lifetime_years": optional(st.integers(0, 200)),
        "maintenance_instructions": text(2000),
        "resharpenable": YES_NO,
        "resharpening_cycles": optional(st.integers(0, 32767)),
        "refurbishable": YES_NO,
        "tests": rows(
            st.fixed_dictionaries(
                {
                    "property": text(20),
                    "label": bilingual(60),
                    "method": text(120),
                    "result": text(200),
                    "evidence_verified": YES_NO,
                }
            ),
            20,
        ),
    }
)
REPAIRABILITY = st.fixed_dictionaries(
    {
        "documentation": st.sampled_from(["public", "professionals", "none", ""]),
        "documentation_label": optional(bilingual(60)),
        "documentation_url": st.sampled_from(["", "https://example.org/repair/" + "r" * 170]),
        "disassembly_steps": optional(st.integers(0, 32767)),
        "fasteners_label": optional(bilingual(60)),
        "tools_label": optional(bilingual(60)),
        "spare_parts": rows(
            st.fixed_dictionaries(
                {
                    "name": text(120),
                    "years_available": optional(st.integers(0, 100)),
                    "delivery_days": optional(st.integers(0, 32767)),
                    "price_percent_of_product": PERCENT,
                }
            ),
            30,
        ),
        "repair_services": rows(
            st.fixed_dictionaries(
                {
                    "service_type": st.sampled_from(["resharpening", "new_handle"]),
                    "label": bilingual(60),
                    "provider": text(200),
                    "price_eur": optional(st.floats(0, 999_999, allow_nan=False)),
                    "description": text(200),
                }
            ),
            20,
        ),
    }
)
END_OF_LIFE = st.fixed_dictionaries(
    {
        "take_back_offered": YES_NO,
        "take_back_details": text(200),
        "recyclable_share_percent": PERCENT,
        "separability_label": optional(bilingual(60)),
        "disposal_instructions": text(2000),
    }
)
EVIDENCE = st.fixed_dictionaries(
    {
        "title": text(200),
        "claim": st.sampled_from(["durability", "repair", "other", "unknown-claim"]),
        "url": st.sampled_from(["", "https://example.org/evidence/12/" + "b" * 160 + ".pdf"]),
        "verified": st.booleans(),
    }
)
SNAPSHOT = st.fixed_dictionaries(
    {
        "schema": st.just("gw-passport/1"),
        "version": optional(st.integers(1, 10**6)),
        "published_at": TIMESTAMP,
        "product": PRODUCT,
        "maker": MAKER,
        "score": optional(SCORE),
        "materials": rows(MATERIAL, 30),
        "components": rows(st.fixed_dictionaries({"name": text(120), "replaceable": YES_NO}), 30),
        "supply_chain": rows(STEP, 50),
        "durability": optional(DURABILITY),
        "repairability": optional(REPAIRABILITY),
        "end_of_life": optional(END_OF_LIFE),
        "evidence": rows(EVIDENCE, 30),
        "urls": st.fixed_dictionaries(
            {
                "passport": st.just("https://werkstatt.example.org/p/K7QX2M9C"),
                "digital_link": st.sampled_from([None, "https://werkstatt.example.org/01/04006381333931"]),
                "qr": st.sampled_from(
                    ["https://werkstatt.example.org/p/K7QX2M9C", "https://w.example/01/04006381333931"]
                ),
            }
        ),
    }
)


def assert_readable_pdf(pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    reader.pages[0].extract_text()


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,  # the same examples on every run, so a failure repeats
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(snapshot=SNAPSHOT)
def test_every_renderer_makes_a_pdf_of_any_valid_snapshot(snapshot):
    for language in ("de", "en"):
        assert_readable_pdf(render_passports([snapshot], language))
        for layout in LABEL_FORMATS:
            assert_readable_pdf(render_labels([snapshot], language, layout=layout))
