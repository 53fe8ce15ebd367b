"""Reads for scoring: the facts the methodology needs, and stored scores with their ranked hints."""

from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from catalogue import scoring
from catalogue.models import PassportVersion, ProductScore
from catalogue.scores.hint_links import hint_target
from catalogue.scoring import methodology as m
from catalogue.scoring.solingen import essential_stages_of, solingen_designation
from catalogue.scoring.text import SOLINGEN_STAGE_LABELS
from lifecycle.models import DurabilityTest, RepairService, SparePart
from products.models import Category, Component, EvidenceDocument, Material, Product, SupplyChainStep

# Product columns read in one query, reverse one-to-one sections joined in (their id is None when missing).
PRODUCT_COLUMNS = (
    "pk",
    "category_id",
    "durability__id",
    "durability__warranty_years",
    "durability__lifetime_warranty",
    "durability__expected_lifetime_years",
    "durability__maintenance_instructions",
    "durability__resharpenable",
    "durability__resharpening_cycles",
    "durability__refurbishable",
    "repairability__id",
    "repairability__documentation",
    "repairability__disassembly_steps",
    "repairability__fasteners",
    "repairability__tools",
    "end_of_life__id",
    "end_of_life__take_back_offered",
    "end_of_life__recyclable_share_percent",
    "end_of_life__separability",
)


class _SubstancesText(NamedTuple):
    substances_of_concern: str


# Material.has_substances_of_concern reads only this field; reusing it keeps one definition of "none".
_has_substances_of_concern = Material.has_substances_of_concern.fget


def _number(value):
    """Decimals become floats; None stays None (not disclosed)."""
    return float(value) if isinstance(value, Decimal) else value


def category_references() -> dict[int, scoring.CategoryFacts]:
    """Every category with its reference values resolved up the tree, in one query (the tree is small)."""
    rows = {
        row[0]: row
        for row in Category.objects.values_list(
            "pk",
            "parent_id",
            "slug",
            "resharpenable",
            "reference_lifetime_years",
            "reference_warranty_years",
            "solingen_covered",
            "essential_stages",
            "name_de",
            "name_en",
        )
    }

    def inherited(pk: int, column: int):
        """Category.inherited() over the rows: None and an empty list are unset."""
        seen = set()
        while pk is not None and pk not in seen:
            seen.add(pk)
            row = rows[pk]
            if row[column] is not None and row[column] != []:
                return row[column]
            pk = row[1]
        return None

    return {
        pk: scoring.CategoryFacts(
            slug=row[2],
            name=(row[8], row[9]),
            resharpenable=row[3],
            reference_lifetime_years=_number(inherited(pk, 4)),
            reference_warranty_years=_number(inherited(pk, 5)),
            solingen_covered=bool(inherited(pk, 6)),
            essential_stages=tuple(inherited(pk, 7) or ()),
        )
        for pk, row in rows.items()
    }


def _grouped(queryset, columns: tuple[str, ...], order: tuple[str, ...] = ("pk",)) -> dict[int, list[tuple]]:
    """Rows of a child table as tuples, grouped by product id (the first column must be product_id)."""
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in queryset.order_by("product_id", *order).values_list(*columns):
        grouped[row[0]].append(row)
    return grouped


def scoring_facts_for(product_ids) -> dict[int, scoring.ProductFacts]:
    """The scoring input of each product, keyed by product id, in a constant number of queries.

    Reads plain values (no model instances), so scoring a batch stays fast: one query for the products with
    their one-to-one sections, one for the category tree and one per child table.
    """
    ids = list(product_ids)
    if not ids:
        return {}
    products = list(Product.objects.filter(pk__in=ids).values_list(*PRODUCT_COLUMNS))
    if not products:
        return {}
    ids = [row[0] for row in products]
    categories = category_references()
    materials = _grouped(
        Material.objects.filter(product_id__in=ids),
        (
            "product_id",
            "name",
            "share_percent",
            "mass_g",
            "recycled_content_percent",
            "recyclable",
            "substances_of_concern",
        ),
    )
    components = _grouped(
        Component.objects.filter(product_id__in=ids), ("product_id", "name", "replaceable", "spare_part_available")
    )
    steps = _grouped(
        SupplyChainStep.objects.filter(product_id__in=ids),
        (
            "product_id",
            "step_type",
            "performed_by",
            "supplier_name",
            "supplier_confidential",
            "city",
            "country",
            "region",
        ),
        order=("position", "pk"),
    )
    evidence = _grouped(EvidenceDocument.objects.filter(product_id__in=ids), ("product_id", "claim", "verified"))
    tests = _grouped(
        DurabilityTest.objects.filter(product_id__in=ids),
        ("product_id", "property", "evidence_id", "evidence__verified"),
    )
    spare_parts = _grouped(
        SparePart.objects.filter(product_id__in=ids),
        ("product_id", "name", "years_available", "delivery_days", "price_percent_of_product"),
    )
    services = _grouped(RepairService.objects.filter(product_id__in=ids), ("product_id", "service_type"))

    facts = {}
    for row in products:
        pk = row[0]
        facts[pk] = scoring.ProductFacts(
            product_id=pk,
            category=categories.get(row[1], scoring.CategoryFacts()),
            materials=tuple(
                scoring.MaterialFacts(
                    name=name,
                    share_percent=_number(share),
                    mass_g=_number(mass),
                    recycled_content_percent=_number(recycled),
                    recyclable=recyclable,
                    has_substances_of_concern=_has_substances_of_concern(_SubstancesText(substances)),
                )
                for _pk, name, share, mass, recycled, recyclable, substances in materials.get(pk, ())
            ),
            components=tuple(
                scoring.ComponentFacts(name=name, replaceable=replaceable, spare_part_available=available)
                for _pk, name, replaceable, available in components.get(pk, ())
            ),
            steps=tuple(
                scoring.StepFacts(
                    step_type=step_type,
                    performed_by=performed_by,
                    supplier_name=supplier_name.strip(),
                    supplier_confidential=confidential,
                    city=city,
                    country=country,
                    region=region,
                )
                for _pk, step_type, performed_by, supplier_name, confidential, city, country, region in steps.get(
                    pk, ()
                )
            ),
            evidence=tuple(
                scoring.EvidenceFacts(claim=claim, verified=verified) for _pk, claim, verified in evidence.get(pk, ())
            ),
            durability=None
            if row[2] is None
            else scoring.DurabilityFacts(
                warranty_years=_number(row[3]),
                lifetime_warranty=row[4],
                expected_lifetime_years=row[5],
                has_maintenance_instructions=bool(row[6].strip()),
                resharpenable=row[7],
                resharpening_cycles=row[8],
                refurbishable=row[9],
            ),
            tests=tuple(
                scoring.DurabilityTestFacts(
                    property=prop, has_evidence=evidence_id is not None, evidence_verified=bool(verified)
                )
                for _pk, prop, evidence_id, verified in tests.get(pk, ())
            ),
            repair=None
            if row[10] is None
            else scoring.RepairFacts(
                documentation=row[11], disassembly_steps=row[12], fasteners=row[13], tools=row[14]
            ),
            spare_parts=tuple(
                scoring.SparePartFacts(
                    name=name, years_available=years, delivery_days=days, price_percent_of_product=_number(price)
                )
                for _pk, name, years, days, price in spare_parts.get(pk, ())
            ),
            repair_services=tuple(scoring.RepairServiceFacts(service_type=kind) for _pk, kind in services.get(pk, ())),
            end_of_life=None
            if row[15] is None
            else scoring.EndOfLifeFacts(
                take_back_offered=row[16], recyclable_share_percent=_number(row[17]), separability=row[18]
            ),
        )
    return facts


def product_score(product: Product) -> ProductScore | None:
    """The stored score of a product, or None when it has not been scored yet."""
    return ProductScore.objects.filter(product=product).first()


def _hint_action(hint: dict) -> tuple[str, str]:
    """What a hint asks for, without the points it names ("Publish the repair manual: +8 …" → the first part)."""
    return tuple(hint.get(language, "").rsplit(": +", 1)[0] for language in ("de", "en"))


def ranked_hints(details: dict, *, with_targets: bool = False) -> list[dict]:
    """Improvement hints of a stored score, the largest gain in the overall score first.

    Each item is the criterion dict with ``overall_points`` (what following the hint adds to the overall
    score) and, ``with_targets``, where the maker acts on it (``anchor`` in the editor, or ``evidence_claim``:
    see hint_links). Hints
    that ask for the same thing (two criteria served by the same evidence) are one item with their gains added.
    """
    merged: dict[tuple[str, str], dict] = {}
    for criterion in details.get("criteria", ()):
        if not (criterion.get("hint") and criterion.get("hint_points")):
            continue
        weight = m.SUBSCORE_WEIGHTS.get(criterion["subscore"], 0.0)
        overall = round(criterion["hint_points"] * weight, 2)
        action = _hint_action(criterion["hint"])
        if action in merged:
            same = merged[action]
            same["overall_points"] = round(same["overall_points"] + overall, 2)
            same["merged_keys"].append(criterion["key"])
            # Both gains in one sentence: the action once, then the points of each.
            same["hint"] = {
                language: f"{same['hint'][language]}, {criterion['hint'][language].rsplit(': ', 1)[-1]}"
                for language in ("de", "en")
            }
            continue
        merged[action] = {
            **criterion,
            "overall_points": overall,
            "merged_keys": [criterion["key"]],
            **(hint_target(criterion) if with_targets else {}),
        }
    hints = list(merged.values())
    hints.sort(key=lambda item: (-item["overall_points"], -item["hint_points"], item["subscore"], item["key"]))
    return hints


def score_overview(details: dict) -> dict:
    """A stored score arranged for display: sub-scores with their criteria, ranked hints and the Solingen verdict."""
    criteria_by_subscore: dict[str, list[dict]] = defaultdict(list)
    for criterion in details.get("criteria", ()):
        criteria_by_subscore[criterion["subscore"]].append(criterion)
    subscores = [
        {
            "key": key,
            "label": m.SUBSCORE_LABELS.get(key, {"de": key, "en": key}),
            "value": value,
            "weight_percent": round(m.SUBSCORE_WEIGHTS.get(key, 0.0) * 100),
            "criteria": criteria_by_subscore.get(key, []),
        }
        for key, value in details.get("subscores", {}).items()
    ]
    return {
        "subscores": subscores,
        "outdated": details.get("methodology_version") != m.METHODOLOGY_VERSION,
        "hints": ranked_hints(details, with_targets=True),
        "solingen": details.get("solingen") or {"qualifies": False, "reasons": []},
    }


def methodology_overview() -> dict:
    """Everything the public methodology page shows, read from the same tables the scoring code uses."""
    subscores = [
        {
            "key": key,
            "label": m.SUBSCORE_LABELS[key],
            "weight_percent": round(m.SUBSCORE_WEIGHTS[key] * 100),
            "criteria": [
                {
                    "key": criterion.key,
                    "label": criterion.label,
                    "max_points": criterion.max_points,
                    "standard": criterion.standard,
                    "rule": criterion.rule,
                }
                for criterion in scoring.CRITERIA_BY_SUBSCORE[key]
            ],
        }
        for key in m.SUBSCORES
    ]
    grades = []
    upper = 100.0
    for grade, minimum, colour in m.GRADES:
        grades.append({"grade": grade, "minimum": minimum, "below": upper if grade != "A" else None, "colour": colour})
        upper = minimum
    return {
        "version": m.METHODOLOGY_VERSION,
        "changelog": [{"version": version, "text": text} for version, text in m.CHANGELOG],
        "subscores": subscores,
        "grades": grades,
        "declared_percent": round(m.DECLARED_FACTOR * 100),
        "default_essential_stages": [_stage_label(stage) for stage in m.DEFAULT_SOLINGEN_STAGES],
        "default_warranty_years": m.DEFAULT_REFERENCE_WARRANTY_YEARS,
        "default_lifetime_years": m.DEFAULT_REFERENCE_LIFETIME_YEARS,
    }


def category_reference_rows() -> list[dict]:
    """Each category with the reference values its products are measured against (inherited ones resolved)."""
    references = category_references()
    rows = Category.objects.order_by("name_de").values_list("pk", "name_de", "name_en")
    return [
        {
            "name": {"de": name_de, "en": name_en},
            "warranty_years": references[pk].reference_warranty_years,
            "lifetime_years": references[pk].reference_lifetime_years,
            "resharpenable": references[pk].resharpenable,
            "solingen_covered": references[pk].solingen_covered,
            "essential_stages": [_stage_label(stage) for stage in essential_stages_of(references[pk])]
            if references[pk].solingen_covered
            else [],
        }
        for pk, name_de, name_en in rows
    ]


def _stage_label(stage: str) -> dict:
    label = SOLINGEN_STAGE_LABELS[stage]
    return {"de": label.de, "en": label.en}


def designation_change(product: Product) -> dict | None:
    """How the current methodology's "Solingen" verdict differs from the published passport's, if it does.

    A published version keeps the verdict of the methodology it was scored with; the maker sees here what
    republishing would change. None when nothing is published or both verdicts agree.
    """
    published = (
        PassportVersion.objects.current()
        .filter(product=product)
        .values_list("snapshot__score__solingen", "methodology_version")
        .first()
    )
    if published is None or not published[0]:
        return None
    verdict, published_methodology = published
    facts = scoring_facts_for([product.pk]).get(product.pk)
    if facts is None:
        return None
    current = solingen_designation(facts.category, facts.steps)
    if current.qualifies == bool(verdict.get("qualifies")):
        return None
    return {
        "gains": current.qualifies,
        "published_methodology": published_methodology,
        "methodology": m.METHODOLOGY_VERSION,
        "reasons": [{"de": de, "en": en} for de, en in current.reasons],
    }
