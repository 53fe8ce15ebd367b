"""Turns a passport snapshot into what the public passport page shows, in one language (plain data, no request)."""

from datetime import datetime

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from catalogue.passports.facets import designation_flag
from catalogue.passports.links import safe_url
from catalogue.passports.repair_contact import repair_contact
from products.models import EvidenceDocument
from products.regions import Region

SUBSCORE_ORDER = ("durability", "repairability", "supply_chain", "circularity")
SUBSCORE_LABELS = {
    "durability": gettext_lazy("Durability"),
    "repairability": gettext_lazy("Repairability"),
    "supply_chain": gettext_lazy("Supply chain"),
    "circularity": gettext_lazy("Circularity"),
}
GRADES = ("A", "B", "C", "D", "E")
# Colours of the supply-chain diagram, each at least 3:1 against white (WCAG non-text contrast).
REGION_COLOURS = {
    Region.SOLINGEN.value: "#1e7a46",
    Region.BERGISCH.value: "#3f7d1f",
    Region.GERMANY.value: "#17526a",
    Region.EU.value: "#5b3f99",
    Region.WORLD.value: "#b4420f",
    None: "#6b7580",
}
SHORT_REGION_LABELS = {
    Region.SOLINGEN.value: gettext_lazy("Solingen"),
    Region.BERGISCH.value: gettext_lazy("Bergisch"),
    Region.GERMANY.value: gettext_lazy("Germany"),
    Region.EU.value: gettext_lazy("EU"),
    Region.WORLD.value: gettext_lazy("World"),
    None: gettext_lazy("unknown"),
}


def localise(value, language: str):
    """Pick ``language`` from a ``{"de": …, "en": …}`` text; other values pass through."""
    if isinstance(value, dict):
        return value.get(language) or value.get("en") or value.get("de") or ""
    return value


def format_number(value, unit: str = "", decimals: int | None = None) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and decimals is None:
        value = int(value)
    text = number_format(value, decimal_pos=decimals)
    return f"{text}\u00a0{unit}" if unit else text


def yes_no(value) -> str | None:
    if value is None:
        return None
    return _("yes") if value else _("no")


def _designation_cell(score: dict | None) -> str | None:
    if score and score["solingen_applicable"] is False:
        return _("not applicable")
    return yes_no((score or {}).get("solingen_qualifies"))


def years(value) -> str | None:
    if value is None:
        return None
    plural_form = 1 if float(value) == 1 else 2
    return ngettext("%(count)s year", "%(count)s years", plural_form) % {"count": format_number(value)}


def fact(label, value, *, href: str | None = None, note: str | None = None) -> dict:
    """One line of a facts list; ``value`` None is shown as "not disclosed"."""
    return {"label": str(label), "value": value, "href": safe_url(href), "note": note}


def _score_badge(score: dict) -> dict:
    """The overall score and grade as a badge shows them."""
    grade = score.get("grade") if score.get("grade") in GRADES else None
    return {
        "overall": score.get("overall"),
        "overall_display": format_number(round(score["overall"])) if score.get("overall") is not None else None,
        "grade": grade,
        "grade_class": f"grade-{grade}" if grade else "grade-none",
    }


def _score(score: dict | None, language: str) -> dict | None:
    if not score:
        return None
    subscores = score.get("subscores") or {}
    criteria = score.get("criteria") or []
    groups = []
    for key in SUBSCORE_ORDER:
        items = []
        for criterion in criteria:
            if criterion.get("subscore") != key:
                continue
            hint = localise(criterion.get("hint"), language) if criterion.get("hint") else ""
            items.append(
                {
                    "key": criterion.get("key", ""),
                    "label": localise(criterion.get("label"), language),
                    "points": format_number(criterion.get("points"), decimals=None),
                    "max_points": format_number(criterion.get("max_points")),
                    "status": criterion.get("status", "known"),
                    "explanation": localise(criterion.get("explanation"), language),
                    "hint": hint,
                }
            )
        value = subscores.get(key)
        groups.append(
            {
                "key": key,
                "label": str(SUBSCORE_LABELS[key]),
                "value": value,
                "display": format_number(round(value)) if value is not None else None,
                "percent": max(0, min(100, round(value))) if value is not None else 0,
                "criteria": items,
            }
        )
    solingen = score.get("solingen") or {}
    return {
        **_score_badge(score),
        "methodology_version": score.get("methodology_version") or "",
        "subscores": groups,
        "solingen_qualifies": designation_flag(solingen),
        "solingen_applicable": solingen.get("applicable", True),
        "solingen_reasons": [localise(reason, language) for reason in solingen.get("reasons") or []],
    }


def _place(step: dict) -> str | None:
    parts = [part for part in (step.get("postcode"), step.get("city")) if part]
    place = " ".join(parts)
    if step.get("country"):
        place = f"{place} ({step['country']})" if place else step["country"]
    return place or None


def _performer(step: dict, maker_name: str) -> str | None:
    if step.get("performed_by") == "maker":
        return maker_name
    if step.get("performed_by") == "supplier":
        return step.get("supplier_name") or _("a supplier (name confidential)")
    return None


def _supply_chain(steps: list[dict], maker_name: str, language: str) -> list[dict]:
    return [
        {
            "position": index,
            "label": localise(step.get("step_label"), language) or step.get("step_type", ""),
            "description": step.get("description") or "",
            "performer": _performer(step, maker_name),
            "place": _place(step),
            "region": step.get("region"),
            "region_label": localise(step.get("region_label"), language) or None,
            "colour": REGION_COLOURS.get(step.get("region"), REGION_COLOURS[None]),
            # Snapshots published before facilities were frozen in them have no "facility" key.
            "facility": step.get("facility") or None,
        }
        for index, step in enumerate(steps, start=1)
    ]


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def supply_chain_diagram(steps: list[dict]) -> dict | None:
    """Geometry of the SVG diagram: one row per step, one lane per region, a line joining the steps."""
    if not steps:
        return None
    regions = [region.value for region in Region]
    if any(step["region"] not in regions for step in steps):
        regions.append(None)
    label_width, lane_width, header_height, row_height, right_margin = 136, 36, 72, 30, 34
    width = label_width + lane_width * len(regions) + right_margin
    height = header_height + row_height * len(steps) + 6
    lanes = []
    for index, region in enumerate(regions):
        x = label_width + lane_width * index
        lanes.append(
            {
                "x": x,
                "centre": x + lane_width // 2,
                "width": lane_width,
                "shaded": index % 2 == 0,
                "label": str(SHORT_REGION_LABELS[region]),
                "colour": REGION_COLOURS[region],
            }
        )
    lane_of = dict(zip(regions, lanes, strict=True))
    points = []
    for index, step in enumerate(steps):
        lane = lane_of[step["region"] if step["region"] in lane_of else None]
        y = header_height + row_height * index + row_height // 2
        points.append(
            {
                "x": lane["centre"],
                "y": y,
                "label": _truncate(f"{step['position']}. {step['label']}", 17),
                "colour": step["colour"],
                "known": step["region"] is not None,
            }
        )
    return {
        "width": width,
        "height": height,
        "header_height": header_height,
        "label_width": label_width,
        "lanes": lanes,
        "points": points,
        "line": " ".join(f"{point['x']},{point['y']}" for point in points),
        "description": "; ".join(f"{step['label']}: {step['region_label'] or _('not disclosed')}" for step in steps),
    }


def region_summary(steps: list[dict]) -> list[dict]:
    """How many steps happened in each region, nearest first."""
    counts: dict = {}
    labels: dict = {}
    for step in steps:
        counts[step["region"]] = counts.get(step["region"], 0) + 1
        labels[step["region"]] = step["region_label"] or _("not disclosed")
    order = [region.value for region in Region] + [None]
    return [
        {"region": region, "label": labels[region], "count": counts[region], "colour": REGION_COLOURS[region]}
        for region in order
        if region in counts
    ]


def _durability(durability: dict | None, language: str) -> dict | None:
    if durability is None:
        return None
    if durability.get("lifetime_warranty"):
        warranty = _("lifetime warranty")
    else:
        warranty = years(durability.get("warranty_years"))
    facts = [
        fact(_("Warranty"), warranty),
        fact(_("Expected lifetime"), years(durability.get("expected_lifetime_years"))),
        fact(_("Can be resharpened"), yes_no(durability.get("resharpenable"))),
        fact(_("Resharpening cycles"), format_number(durability.get("resharpening_cycles"))),
        fact(_("Can be refurbished"), yes_no(durability.get("refurbishable"))),
    ]
    tests = [
        {
            "label": localise(test.get("label"), language) or test.get("property", ""),
            "method": test.get("method") or "",
            "result": test.get("result") or "",
            "verified": bool(test.get("evidence_verified")),
        }
        for test in durability.get("tests") or []
    ]
    return {"facts": facts, "tests": tests, "maintenance": durability.get("maintenance_instructions") or ""}


def _repairability(repairability: dict | None, maker: dict, language: str) -> dict | None:
    if repairability is None:
        return None
    steps = repairability.get("disassembly_steps")
    facts = [
        fact(
            _("Repair documentation"),
            localise(repairability.get("documentation_label"), language) or None,
            href=repairability.get("documentation_url"),
        ),
        fact(
            _("Disassembly"),
            ngettext("%(count)s step", "%(count)s steps", steps) % {"count": steps} if steps is not None else None,
        ),
        fact(_("Fasteners"), localise(repairability.get("fasteners_label"), language) or None),
        fact(_("Tools needed"), localise(repairability.get("tools_label"), language) or None),
    ]
    spare_parts = [
        {
            "name": part.get("name", ""),
            "years_available": years(part.get("years_available")),
            "delivery_days": format_number(part.get("delivery_days")),
            "price_percent": format_number(part.get("price_percent_of_product"), "%"),
        }
        for part in repairability.get("spare_parts") or []
    ]
    services = [
        {
            "label": localise(service.get("label"), language) or service.get("service_type", ""),
            "provider": service.get("provider") or "",
            "price": format_number(service.get("price_eur"), "€", decimals=2),
            "description": service.get("description") or "",
            **repair_contact(service, maker),
        }
        for service in repairability.get("repair_services") or []
    ]
    return {"facts": facts, "spare_parts": spare_parts, "services": services}


def _end_of_life(end_of_life: dict | None, language: str) -> dict | None:
    if end_of_life is None:
        return None
    take_back = yes_no(end_of_life.get("take_back_offered"))
    return {
        "facts": [
            fact(_("Take-back by the maker"), take_back, note=end_of_life.get("take_back_details") or None),
            fact(_("Recyclable share"), format_number(end_of_life.get("recyclable_share_percent"), "%")),
            fact(_("Separating the materials"), localise(end_of_life.get("separability_label"), language) or None),
        ],
        "disposal": end_of_life.get("disposal_instructions") or "",
    }


def _claim_label(claim: str) -> str:
    try:
        return str(EvidenceDocument.Claim(claim).label)
    except ValueError:
        return claim


def passport_card(snapshot: dict, language: str) -> dict:
    """What a product card in a list shows of a snapshot, as ``passport_page`` would show it.

    Built on its own: a list of 24 cards built 24 whole pages, two thirds of the browse page's time at a million
    passports (docs/performance.md, "Scale").
    """
    product = snapshot["product"]
    category = product.get("category") or {}
    score = snapshot.get("score")
    with translation.override(language):
        return {
            "name": product.get("name", ""),
            "category": localise(category.get("name"), language) if category else "",
            "maker": snapshot["maker"].get("name", ""),
            "price": format_number(product.get("price_eur"), "€", decimals=2),
            "score": _score_badge(score) if score else None,
            "solingen": designation_flag(score.get("solingen") or {}) if score else None,
        }


def passport_page(snapshot: dict, language: str) -> dict:
    """Everything the passport page shows, resolved into ``language`` and formatted for display."""
    with translation.override(language):
        return _page(snapshot, language)


def _page(snapshot: dict, language: str) -> dict:
    product = snapshot["product"]
    maker = snapshot["maker"]
    steps = _supply_chain(snapshot.get("supply_chain") or [], maker.get("name", ""), language)
    materials = [
        {
            "name": material.get("name", ""),
            "part": material.get("part") or "",
            "mass": format_number(material.get("mass_g"), "g"),
            "share": format_number(material.get("share_percent"), "%"),
            "recycled": format_number(material.get("recycled_content_percent"), "%"),
            "renewable": yes_no(material.get("renewable")),
            "recyclable": yes_no(material.get("recyclable")),
            "substances": material.get("substances_of_concern") or None,
        }
        for material in snapshot.get("materials") or []
    ]
    components = [
        {
            "name": component.get("name", ""),
            "replaceable": yes_no(component.get("replaceable")),
            "spare_part": yes_no(component.get("spare_part_available")),
        }
        for component in snapshot.get("components") or []
    ]
    evidence = [
        {
            "title": document.get("title", ""),
            "claim": _claim_label(document.get("claim", "")),
            "href": safe_url(document.get("url")),
            "verified": bool(document.get("verified")),
        }
        for document in snapshot.get("evidence") or []
    ]
    category = product.get("category") or {}
    return {
        "product": {
            "name": product.get("name", ""),
            "description": product.get("description") or "",
            "model_number": product.get("model_number") or "",
            "gtin": product.get("gtin"),
            "passport_code": product.get("passport_code"),
            "passport_code_display": product.get("passport_code_display") or product.get("passport_code"),
            "category": localise(category.get("name"), language) if category else "",
            "category_slug": category.get("slug", ""),
            "price": format_number(product.get("price_eur"), "€", decimals=2),
            "mass": format_number(product.get("mass_g"), "g"),
            "variants": product.get("variants") or [],
        },
        "maker": {
            "name": maker.get("name", ""),
            "slug": maker.get("slug", ""),
            "place": " ".join(part for part in (maker.get("postcode"), maker.get("city")) if part),
            "country": maker.get("country") or "",
            "website": safe_url(maker.get("website")),
        },
        "score": _score(snapshot.get("score"), language),
        "materials": materials,
        "components": components,
        "supply_chain": steps,
        "regions": region_summary(steps),
        "diagram": supply_chain_diagram(steps),
        "durability": _durability(snapshot.get("durability"), language),
        "repairability": _repairability(snapshot.get("repairability"), snapshot["maker"], language),
        "end_of_life": _end_of_life(snapshot.get("end_of_life"), language),
        "evidence": evidence,
        "urls": snapshot.get("urls") or {},
        "redacted_on": [_date(item.get("redacted_at")) for item in snapshot.get("redactions") or []],
    }


def _date(value: str | None):
    """An ISO 8601 timestamp of the snapshot as an aware datetime, for the template's date filters."""
    return datetime.fromisoformat(value) if value else None


def _facts_by_label(section: dict | None) -> dict:
    return {item["label"]: item["value"] for item in (section or {}).get("facts", [])}


def comparison_rows(pages: list[dict]) -> list[dict]:
    """Rows of the side-by-side comparison of several ``passport_page`` results; None cells read "not disclosed"."""
    rows = [
        {"label": _("Grade"), "cells": [(page["score"] or {}).get("grade") for page in pages], "kind": "grade"},
        {"label": _("Overall score"), "cells": [(page["score"] or {}).get("overall_display") for page in pages]},
    ]
    for index, key in enumerate(SUBSCORE_ORDER):
        rows.append(
            {
                "label": str(SUBSCORE_LABELS[key]),
                "cells": [page["score"]["subscores"][index]["display"] if page["score"] else None for page in pages],
            }
        )
    rows += [
        {"label": _("Maker"), "cells": [page["maker"]["name"] for page in pages]},
        {"label": _("Category"), "cells": [page["product"]["category"] or None for page in pages]},
        {"label": _("Retail price"), "cells": [page["product"]["price"] for page in pages]},
        {
            "label": _("Solingen designation"),
            "cells": [_designation_cell(page["score"]) for page in pages],
        },
        {
            "label": _("Supply-chain steps"),
            "cells": [
                ", ".join(f"{region['count']}× {region['label']}" for region in page["regions"]) or None
                for page in pages
            ],
        },
        {
            "label": _("Materials"),
            "cells": [", ".join(material["name"] for material in page["materials"]) or None for page in pages],
        },
    ]
    for section, labels in (
        ("durability", (_("Warranty"), _("Expected lifetime"), _("Can be resharpened"))),
        ("repairability", (_("Repair documentation"), _("Tools needed"))),
        ("end_of_life", (_("Take-back by the maker"), _("Recyclable share"))),
    ):
        values = [_facts_by_label(page[section]) for page in pages]
        rows += [{"label": label, "cells": [value.get(label) for value in values]} for label in labels]
    rows.append(
        {
            "label": _("Spare parts"),
            "cells": [
                str(len(page["repairability"]["spare_parts"])) if page["repairability"] else None for page in pages
            ],
        }
    )
    return rows
