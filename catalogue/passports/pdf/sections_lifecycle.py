"""Passport sections on a product's life: durability, repairability, end of life, evidence, closing."""

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from catalogue.passports.pdf.common import passport_url
from catalogue.passports.pdf.layout import (
    Markup,
    Styled,
    empty_section,
    key_value_grid,
    labelled,
    link,
    listed,
    long_text,
    nd,
    not_disclosed_markup,
    or_nd,
    section,
    to_markup,
)
from catalogue.passports.pdf.sections_origin import Columns, list_subsection, table_grid
from catalogue.passports.pdf.texts import (
    caption,
    format_date,
    format_euro,
    format_number,
    format_percent,
    format_years,
    pick,
    yes_no,
)

_CLAIMS = frozenset({"durability", "warranty", "repair", "supply_chain", "materials", "end_of_life", "other"})
_TEST_COLUMNS = Columns((50, 40, 44), ("property", "method", "result", "proof"))
_SPARE_PART_COLUMNS = Columns((70, 30, 30), ("spare_part", "available_for", "delivery", "price_share"), (1, 2, 3))
_REPAIR_SERVICE_COLUMNS = Columns((90, 55), ("service", "provider", "price"), (2,))
_EVIDENCE_COLUMNS = Columns((100, 42), ("document_title", "backs_claim", "status"))


def _verification(verified: bool | None, language: str) -> Styled:
    if verified:
        return Styled(f"✓ {caption('verified', language)}", "positive")
    return Styled(caption("declared", language), "muted")


def _free_text(value, language: str):
    """Instructions as a cell: shortened with a note when older data is longer than a maker may enter now."""
    return Markup(long_text(value, language)) if value not in (None, "") else nd(language)


def durability_section(snapshot, language, styles) -> list:
    durability = snapshot.get("durability")
    if not durability:
        return empty_section(caption("durability", language), language, styles)
    if durability.get("lifetime_warranty"):
        warranty = caption("lifetime_warranty", language)
    else:
        warranty = format_years(durability.get("warranty_years"), language)
    resharpenable = yes_no(durability.get("resharpenable"), language)
    if durability.get("resharpenable") and durability.get("resharpening_cycles"):
        cycles = caption("resharpening_cycles", language, count=durability["resharpening_cycles"])
        resharpenable = f"{resharpenable}, {cycles}"
    pairs = [
        (caption("warranty", language), or_nd(warranty, language)),
        (
            caption("expected_lifetime", language),
            or_nd(format_years(durability.get("expected_lifetime_years"), language), language),
        ),
        (caption("resharpenable", language), or_nd(resharpenable, language)),
        (caption("refurbishable", language), or_nd(yes_no(durability.get("refurbishable"), language), language)),
        ("*" + caption("maintenance", language), _free_text(durability.get("maintenance_instructions"), language)),
    ]
    story = [*section(caption("durability", language)), key_value_grid(pairs)]
    return story + list_subsection(durability, "tests", language, styles, _TEST_COLUMNS, _test_row)


def _test_row(test: dict, language: str) -> list:
    return [
        pick(test.get("label"), language) or str(test.get("property") or ""),
        or_nd(test.get("method"), language),
        or_nd(test.get("result"), language),
        _verification(test.get("evidence_verified"), language),
    ]


def _spare_part_row(part: dict, language: str) -> list:
    days = part.get("delivery_days")
    share = format_percent(part.get("price_percent_of_product"), language)
    return [
        or_nd(part.get("name"), language),
        or_nd(format_years(part.get("years_available"), language), language),
        caption("days", language, count=days) if days is not None else nd(language),
        caption("of_product_price", language, percent=share) if share else nd(language),
    ]


def _repair_service_row(service: dict, language: str) -> list:
    label = pick(service.get("label"), language) or str(service.get("service_type") or "")
    return [
        labelled(label, service.get("description")),
        service.get("provider") or caption("by_maker", language),
        or_nd(format_euro(service.get("price_eur"), language), language),
    ]


def repairability_section(snapshot, language, styles) -> list:
    repair = snapshot.get("repairability")
    if not repair:
        return empty_section(caption("repairability", language), language, styles)
    documentation = pick(repair.get("documentation_label"), language)
    if repair.get("documentation_url"):
        documentation = Markup(
            f"{to_markup(documentation) or not_disclosed_markup(language)}<br/>{link(repair['documentation_url'])}"
        )
    else:
        documentation = or_nd(documentation, language)
    steps = repair.get("disassembly_steps")
    pairs = [
        (caption("documentation", language), documentation),
        (caption("disassembly_steps", language), or_nd(format_number(steps, language), language)),
        (caption("fasteners", language), or_nd(pick(repair.get("fasteners_label"), language), language)),
        (caption("tools", language), or_nd(pick(repair.get("tools_label"), language), language)),
    ]
    return [
        *section(caption("repairability", language)),
        key_value_grid(pairs),
        *list_subsection(repair, "spare_parts", language, styles, _SPARE_PART_COLUMNS, _spare_part_row),
        *list_subsection(repair, "repair_services", language, styles, _REPAIR_SERVICE_COLUMNS, _repair_service_row),
    ]


def end_of_life_section(snapshot, language, styles) -> list:
    end_of_life = snapshot.get("end_of_life")
    if not end_of_life:
        return empty_section(caption("end_of_life", language), language, styles)
    take_back = yes_no(end_of_life.get("take_back_offered"), language)
    if take_back and end_of_life.get("take_back_details"):
        take_back = f"{take_back} · {end_of_life['take_back_details']}"
    pairs = [
        (
            caption("recyclable_share", language),
            or_nd(format_percent(end_of_life.get("recyclable_share_percent"), language), language),
        ),
        (caption("separability", language), or_nd(pick(end_of_life.get("separability_label"), language), language)),
        ("*" + caption("take_back", language), or_nd(take_back, language)),
        ("*" + caption("disposal", language), _free_text(end_of_life.get("disposal_instructions"), language)),
    ]
    return [*section(caption("end_of_life", language)), key_value_grid(pairs)]


def evidence_section(snapshot, language, styles) -> list:
    evidence, note = listed(snapshot.get("evidence"), language, styles)
    if not evidence:
        return []
    grid = table_grid(language, _EVIDENCE_COLUMNS)
    for document in evidence:
        title = str(document.get("title") or "")
        if document.get("url"):
            title = Markup(f'{to_markup(title)}<br/><font size="7">{link(document["url"])}</font>')
        claim = document.get("claim") or "other"
        grid.add(
            [
                title,
                caption(f"claim_{claim}", language) if claim in _CLAIMS else claim,
                _verification(document.get("verified"), language),
            ]
        )
    return [*section(caption("evidence", language)), grid.table(), *note]


def verify_url(snapshot) -> str:
    """The public verify page for this version (catalogue.credentials), on the host of the passport's own URL."""
    page_url = (snapshot.get("urls") or {}).get("passport") or ""
    code, version = (snapshot.get("product") or {}).get("passport_code"), snapshot.get("version")
    if "/p/" not in page_url or not code or version is None:
        return ""
    return f"{page_url.rsplit('/p/', 1)[0]}/verify/?code={code}&version={version}"


def closing_note(snapshot, language, styles) -> list:
    url = passport_url(snapshot)
    date = format_date(snapshot.get("published_at"), language)
    sentences = []
    if date:
        sentences.append(caption("closing_version", language, version=to_markup(snapshot.get("version")), date=date))
    for redaction in snapshot.get("redactions") or []:
        redacted_on = format_date(redaction.get("redacted_at"), language)
        if redacted_on:
            sentences.append(caption("closing_redacted", language, date=redacted_on))
    if url:
        sentences.append(caption("closing_authority", language, url=link(url)))
    page_url = (snapshot.get("urls") or {}).get("passport")
    if page_url:
        # reportlab writes no tagged PDF, so screen readers are sent to the passport's HTML page.
        sentences.append(caption("accessible_version", language, url=link(page_url)) + ".")
        if verify := verify_url(snapshot):
            sentences.append(caption("verify_version", language, url=link(verify)) + ".")
    if not sentences:
        return []
    return [CondPageBreak(15 * mm), Spacer(1, 7 * mm), Paragraph(" ".join(sentences), styles["small"])]
