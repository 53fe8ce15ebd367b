"""Methodology 1.x as data: version, weights, grade bands and the reference tables the criteria use."""

METHODOLOGY_VERSION = "1.1"

# Newest first; docs/scoring.md repeats this changelog in prose (a test keeps the two in step).
CHANGELOG = (
    (
        "1.1",
        {
            "de": "Bezeichnung „Solingen“ nach Kategorie: Sie gilt nur für Schneidwaren, die die SolingenV erfasst, "
            "und nur, wenn jede wesentliche Fertigungsstufe der Kategorie mit einem Ort in Solingen oder Haan "
            "angegeben "
            "ist. Eine nicht angegebene Stufe schließt die Bezeichnung aus; außerhalb dieser Kategorien ist sie "
            "„nicht anwendbar“. Die Punkte der Kriterien ändern sich nicht.",
            "en": 'The "Solingen" designation by category: it applies only to cutlery that SolingenV covers, and only '
            "when every essential manufacturing stage of the category is disclosed with a place in Solingen or Haan. "
            'A stage that is not disclosed rules the designation out; outside those categories it is "not '
            'applicable". The points of the criteria do not change.',
        },
    ),
    (
        "1.0",
        {
            "de": "Erste Fassung: vier Teilnoten, 22 Kriterien, Noten A–E, Prüfung der Bezeichnung „Solingen“.",
            "en": 'First version: four sub-scores, 22 criteria, grades A–E, check of the "Solingen" designation.',
        },
    ),
)

# Sub-scores in display order, with their weight in the overall score (the weights sum to 1).
SUBSCORES = ("durability", "repairability", "supply_chain", "circularity")
# The figures that summarise a score, in the order every list shows them (admin, API, open data).
SCORE_COLUMNS = ("overall", "grade", *SUBSCORES)
SUBSCORE_WEIGHTS = {"durability": 0.25, "repairability": 0.25, "supply_chain": 0.25, "circularity": 0.25}
SUBSCORE_LABELS = {
    "durability": {"de": "Haltbarkeit", "en": "Durability"},
    "repairability": {"de": "Reparierbarkeit", "en": "Repairability"},
    "supply_chain": {"de": "Lieferkette und Regionalität", "en": "Supply chain and regionality"},
    "circularity": {"de": "Kreislauffähigkeit", "en": "Circularity"},
}
# How a hint names the sub-score it improves: "+8 repairability points" / "+8 Punkte Reparierbarkeit".
SUBSCORE_POINT_NAMES = {
    "durability": {"de": "Haltbarkeit", "en": "durability"},
    "repairability": {"de": "Reparierbarkeit", "en": "repairability"},
    "supply_chain": {"de": "Lieferkette", "en": "supply-chain"},
    "circularity": {"de": "Kreislauffähigkeit", "en": "circularity"},
}

# Grade bands after the five colour bands of the French repairability index: (grade, minimum overall, colour).
# The colours match static/css/site.css (--grade-a … --grade-e), so screen and print agree.
GRADES = (
    ("A", 80.0, "#1E8F4E"),
    ("B", 65.0, "#85BB2F"),
    ("C", 50.0, "#FECB02"),
    ("D", 35.0, "#F38F1F"),
    ("E", 0.0, "#E2001A"),
)

# Statuses of a criterion.
KNOWN = "known"
UNKNOWN = "unknown"
NOT_APPLICABLE = "not_applicable"

# A claim backed by evidence that staff verified earns full points; a claim the maker only declared earns this share.
DECLARED_FACTOR = 0.8

# Used when neither the category nor any of its ancestors sets a reference.
DEFAULT_REFERENCE_WARRANTY_YEARS = 5
DEFAULT_REFERENCE_LIFETIME_YEARS = 10

# Durability tests: credit per tested property by its evidence; this many fully credited properties earn full points.
TESTED_PROPERTIES_FOR_FULL_POINTS = 3
TEST_CREDIT_VERIFIED = 1.0
TEST_CREDIT_DOCUMENTED = 0.8
TEST_CREDIT_UNDOCUMENTED = 0.4

# Resharpening: being resharpenable earns half; the other half grows with the number of resharpenings up to this.
RESHARPENING_CYCLES_FOR_FULL_POINTS = 10

# Repairability classes after EN 45554 (share of the criterion's points).
DOCUMENTATION_CREDIT = {"public": 1.0, "professionals": 0.5, "none": 0.0}
FASTENER_CREDIT = {"reusable": 1.0, "removable": 0.6, "not_removable": 0.0}
TOOL_CREDIT = {"none": 1.0, "basic": 0.8, "product_specific": 0.4, "proprietary": 0.0}
# (at most this many disassembly steps, share); more steps than the last row earn DISASSEMBLY_CREDIT_BEYOND.
DISASSEMBLY_CREDIT = ((2, 1.0), (4, 0.7), (8, 0.4))
DISASSEMBLY_CREDIT_BEYOND = 0.1

# Spare parts: offering any earns a base share; availability period and delivery time earn the rest.
SPARE_PART_OFFERED_SHARE = 0.2
SPARE_PART_YEARS_SHARE = 0.5
SPARE_PART_DELIVERY_SHARE = 0.3
SPARE_PART_YEARS_FOR_FULL_POINTS = 10
# (delivered within at most this many days, share of the delivery part); slower delivery earns the "beyond" share.
DELIVERY_CREDIT = ((5, 1.0), (15, 0.5))
DELIVERY_CREDIT_BEYOND = 0.2
# Spare-part price as % of the product price: (at most, share); dearer parts earn the "beyond" share.
SPARE_PART_PRICE_CREDIT = ((10.0, 1.0), (20.0, 0.8), (30.0, 0.6), (50.0, 0.3))
SPARE_PART_PRICE_CREDIT_BEYOND = 0.1

# Product-specific repair services: for categories with resharpenable blades, half for resharpening and half for
# re-handling or another repair; for other categories, any repair service earns full points.
RESHARPENING_SERVICE_SHARE = 0.5
OTHER_REPAIR_SERVICES = frozenset({"new_handle", "general_repair", "refurbishment"})

# Supply chain: a complete chain is counted as at least this many steps.
REFERENCE_STEP_COUNT = 4
CONFIDENTIAL_SUPPLIER_CREDIT = 0.5
SUPPLY_CHAIN_EVIDENCE_DOCUMENTED = 0.4

# Regional value added: credit of a stage by the region it happens in, nearest first.
REGION_CREDIT = {"solingen": 1.0, "bergisch": 0.8, "germany": 0.6, "eu": 0.3, "world": 0.0}
# Value-adding stage groups and their share of the value added (the designation's stages are the category's own).
REGIONAL_STAGE_GROUPS = (
    ("forming", ("forging", "stamping"), 30),
    ("hardening", ("hardening",), 20),
    ("grinding", ("grinding",), 25),
    ("assembly", ("handle_making", "assembly"), 15),
    ("finishing", ("finishing",), 10),
)

# The "Solingen" designation (SolingenV § 1): each stage a category can count as essential, and the supply-chain
# steps that perform it. Categories choose their essential stages from these keys (products.Category.EssentialStage).
SOLINGEN_STAGES = (
    ("forming", ("forging", "stamping")),
    ("hardening", ("hardening",)),
    ("grinding", ("grinding",)),
    ("handle_making", ("handle_making",)),
    ("assembly", ("assembly",)),
    ("finishing", ("finishing",)),
)

# Essential stages of a covered category that sets none itself (as for knives: SolingenV's core stages).
DEFAULT_SOLINGEN_STAGES = ("forming", "hardening", "grinding", "finishing")

# Circularity.
RECYCLED_CONTENT_FOR_FULL_POINTS = 50.0
SEPARABILITY_CREDIT = {"easy": 1.0, "moderate": 0.6, "hard": 0.0}


def grade_for(overall: float) -> tuple[str, str]:
    """Grade letter and band colour of an overall score."""
    for grade, minimum, colour in GRADES:
        if overall >= minimum:
            return grade, colour
    return GRADES[-1][0], GRADES[-1][2]
