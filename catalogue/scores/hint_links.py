"""Where in the maker's editor each scoring criterion's hint is acted on: a field's or a list's anchor, or evidence."""

# The ids the workspace editor gives its fields (``id_<part>-<field>``) and lists (``formset-<part>``).
EDITOR_ANCHORS = {
    "warranty": "id_durability-warranty_years",
    "lifetime": "id_durability-expected_lifetime_years",
    "tested_properties": "formset-durability_tests",
    "resharpening": "id_durability-resharpenable",
    "refurbishment": "id_durability-refurbishable",
    "maintenance": "id_durability-maintenance_instructions",
    "documentation": "id_repairability-documentation",
    "disassembly": "id_repairability-disassembly_steps",
    "fasteners": "id_repairability-fasteners",
    "tools": "id_repairability-tools",
    "spare_parts": "formset-spare_parts",
    "spare_part_price": "formset-spare_parts",
    "repair_services": "formset-repair_services",
    "disclosure": "formset-supply_chain_steps",
    "named_performers": "formset-supply_chain_steps",
    "regional_value": "formset-supply_chain_steps",
    "recycled_content": "formset-materials",
    "substances": "formset-materials",
    "recyclability": "id_end_of_life-recyclable_share_percent",
    "separability": "id_end_of_life-separability",
    "take_back": "id_end_of_life-take_back_offered",
}

# Criteria whose hint is only about evidence: the link opens the upload with the claim chosen.
EVIDENCE_CLAIMS = {"supply_chain_evidence": "supply_chain"}

# The editor's section of each sub-score, for a criterion with no field of its own.
SUBSCORE_SECTIONS = {
    "durability": "section-durability",
    "repairability": "section-repairability",
    "supply_chain": "section-supply-chain",
    "circularity": "section-materials",
}


def hint_target(criterion: dict) -> dict:
    """``{"anchor": …}`` (an id in the editor) or ``{"evidence_claim": …}`` for a criterion dict of a score."""
    key = criterion.get("key", "")
    if key in EVIDENCE_CLAIMS:
        return {"evidence_claim": EVIDENCE_CLAIMS[key]}
    return {"anchor": EDITOR_ANCHORS.get(key) or SUBSCORE_SECTIONS.get(criterion.get("subscore"), "")}
