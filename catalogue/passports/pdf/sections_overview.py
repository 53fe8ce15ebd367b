"""Passport sections on the product and its score: details with barcode, score summary, criteria."""

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from catalogue.passports.pdf.charts import grade_scale, subscore_chart
from catalogue.passports.pdf.common import BAND, MUTED, grade_of
from catalogue.passports.pdf.ean import ean_flowable
from catalogue.passports.pdf.fonts import SANS_BOLD
from catalogue.passports.pdf.layout import (
    CONTENT_WIDTH,
    SUBSCORES,
    DrawingFlowable,
    Grid,
    Markup,
    Styled,
    captions,
    empty_section,
    key_value_grid,
    layout_table,
    listed,
    long_text,
    muted,
    nd,
    not_disclosed_markup,
    not_disclosed_paragraph,
    or_nd,
    section,
    to_markup,
)
from catalogue.passports.pdf.texts import caption, format_date, format_euro, format_mass, format_number, pick


def product_details(snapshot, language, styles) -> list:
    product = snapshot.get("product") or {}
    gtin = product.get("gtin")
    variants, more_variants = listed(product.get("variants"), language, styles)
    variants = ", ".join(
        f"{variant.get('name')} ({variant.get('code')})" if variant.get("code") else str(variant.get("name"))
        for variant in variants
    )
    published = format_date(snapshot.get("published_at"), language)
    version = f"{caption('version', language)} {snapshot['version']}" if snapshot.get("version") is not None else ""
    pairs = [
        (caption("category", language), or_nd(pick((product.get("category") or {}).get("name"), language), language)),
        (caption("model_number", language), or_nd(product.get("model_number"), language)),
        (caption("gtin", language), or_nd(gtin, language)),
        (caption("passport_code", language), or_nd(product.get("passport_code_display"), language)),
        (caption("price", language), or_nd(format_euro(product.get("price_eur"), language), language)),
        (caption("mass", language), or_nd(format_mass(product.get("mass_g"), language), language)),
        (caption("published", language), " · ".join(part for part in (published, version) if part)),
    ]
    barcode = ean_flowable(gtin)
    barcode_width = 44 * mm
    grid_width = CONTENT_WIDTH - (barcode_width if barcode else 0)
    grid = key_value_grid(pairs, key_width=26 * mm, width=grid_width)
    story = section(caption("product_details", language))
    if barcode is None:
        story.append(grid)
    else:
        block = layout_table(
            [grid, barcode],
            [grid_width, barcode_width],
            [("ALIGN", (1, 0), (1, 0), "RIGHT"), ("TOPPADDING", (1, 0), (1, 0), 2.5 * mm)],
        )
        story.append(block)
    if variants:
        # Below the barcode and across the page: a long list of variants must be able to break onto the next page.
        story += [key_value_grid([("*" + caption("variants", language), variants)], key_width=26 * mm), *more_variants]
    description = product.get("description")
    if description:
        story += [Spacer(1, 3.5 * mm), Paragraph(long_text(description, language), styles["body"])]
    return story


def score_section(snapshot, language, styles) -> list:
    score = snapshot.get("score") or {}
    chart_width = 104 * mm
    side_width = CONTENT_WIDTH - chart_width - 10 * mm
    side = []
    if score.get("overall") is not None:
        side.append(
            Paragraph(
                f'<font size="8" color="{MUTED.hexval()}">{caption("overall_grade", language)}</font><br/>'
                f'<font name="{SANS_BOLD}" size="15">{grade_of(snapshot) or "–"}</font>'
                f'<font size="10">  ·  {format_number(score["overall"], language)} '
                f"{caption('out_of_100', language)}</font>",
                styles["overall"],
            )
        )
    else:
        side.append(not_disclosed_paragraph(language, styles))
    side += [Spacer(1, 2 * mm), DrawingFlowable(grade_scale(snapshot, side_width)), Spacer(1, 2.5 * mm)]
    methodology = []
    if score.get("methodology_version"):
        methodology.append(f"{caption('methodology', language)} {to_markup(score['methodology_version'])}")
    if score.get("computed_at"):
        methodology.append(f"{caption('scored_on', language)} {format_date(score['computed_at'], language)}")
    if methodology:
        side.append(Paragraph(" · ".join(methodology), styles["small"]))
    side.append(Paragraph(caption("unknown_rule", language), styles["small"]))
    block = layout_table(
        [DrawingFlowable(subscore_chart(snapshot, language, chart_width)), side],
        [chart_width + 10 * mm, side_width],
        [("TOPPADDING", (0, 0), (-1, -1), 1 * mm)],
    )
    return [*section(caption("score", language)), block]


def criteria_section(snapshot, language, styles) -> list:
    """One table per sub-score, so that a sub-score's title row repeats when its table breaks."""
    score = snapshot.get("score") or {}
    criteria = score.get("criteria") or []
    if not criteria:
        return empty_section(caption("criteria", language), language, styles)
    subscores = score.get("subscores") or {}
    order = list(SUBSCORES) + sorted(
        {str(criterion.get("subscore")) for criterion in criteria if criterion.get("subscore") not in SUBSCORES}
    )
    widths = [50 * mm, CONTENT_WIDTH - 50 * mm - 24 * mm, 24 * mm]
    story = section(caption("criteria", language))
    first = True
    for subscore in order:
        group = [criterion for criterion in criteria if str(criterion.get("subscore")) == subscore]
        if not group:
            continue
        header = captions(language, ("criterion", "explanation", "points")) if first else None
        grid = Grid(widths, header=header, right=[2])
        value = subscores.get(subscore)
        title = caption(f"subscore_{subscore}", language) if subscore in SUBSCORES else subscore
        total = Styled(f"{format_number(value, language)} / 100", "bold") if value is not None else nd(language)
        grid.add([Styled(title, "bold"), "", total], spans={0: 1}, commands=[("BACKGROUND", BAND)])
        for criterion in group:
            grid.add(_criterion_row(criterion, language))
        story += [CondPageBreak(16 * mm), grid.table(repeat_rows=grid.header_rows + 1)]
        first = False
    return story


def _criterion_row(criterion: dict, language: str) -> list:
    status = criterion.get("status") or "unknown"
    explanation = pick(criterion.get("explanation"), language)
    points, max_points = criterion.get("points"), criterion.get("max_points")
    label = pick(criterion.get("label"), language) or str(criterion.get("key") or "")
    if status not in ("not_applicable", "unknown"):
        return [label, explanation, f"{format_number(points, language)} / {format_number(max_points, language)}"]
    if status == "not_applicable":
        marker = not_disclosed_markup(language, "not_applicable")
        points_cell = Styled("–", "muted")
    else:
        marker = not_disclosed_markup(language)
        points_cell = Styled(f"{format_number(points or 0, language)} / {format_number(max_points, language)}", "muted")
    text = Markup(f"{marker} · {muted(to_markup(explanation))}" if explanation else marker)
    return [label, text, points_cell]
