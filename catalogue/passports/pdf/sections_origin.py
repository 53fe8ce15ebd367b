"""Passport sections on what a product is made of and where: materials, components, supply chain."""

from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from catalogue.passports.pdf.common import BAND, POSITIVE, REGION_COLOURS, RULE
from catalogue.passports.pdf.layout import (
    CONTENT_WIDTH,
    MAX_LISTED_REASONS,
    SECTION_MIN_SPACE,
    Grid,
    Markup,
    captions,
    empty_section,
    labelled,
    layout_table,
    listed,
    nd,
    not_disclosed_markup,
    not_disclosed_paragraph,
    or_nd,
    place_of,
    section,
    table_subsection,
    to_markup,
    with_note,
)
from catalogue.passports.pdf.texts import caption, format_mass, format_percent, pick, yes_no

_NO_SUBSTANCES = {"none", "keine", "-", "no", "nein"}


class Columns(NamedTuple):
    """A table's columns: the widths in mm of all but the last, which takes the rest of the content width;
    the caption keys of their header row; the columns aligned right."""

    widths_mm: tuple[int, ...]
    caption_keys: tuple[str, ...]
    right: tuple[int, ...] = ()

    @property
    def widths(self) -> list[float]:
        return [width * mm for width in self.widths_mm] + [CONTENT_WIDTH - sum(self.widths_mm) * mm]


def table_grid(language: str, columns: Columns) -> Grid:
    """An empty table of ``columns`` under their caption row."""
    return Grid(columns.widths, header=captions(language, columns.caption_keys), right=columns.right)


def list_subsection(container: dict, key: str, language: str, styles, columns: Columns, row) -> list:
    """The subsection ``key`` with a table of the list ``container[key]``, a ``row(entry, language)`` per
    entry; nothing when the list is missing or empty."""
    entries, note = listed(container.get(key), language, styles)
    if not entries:
        return []
    rows = (row(entry, language) for entry in entries)
    return table_subsection(
        key, language, styles, columns.widths, columns.caption_keys, rows, right=columns.right, note=note
    )


_COMPONENT_COLUMNS = Columns((62, 38), ("component", "replaceable", "spare_part_available"))


def _component_row(component: dict, language: str) -> list:
    return [
        or_nd(component.get("name"), language),
        or_nd(yes_no(component.get("replaceable"), language), language),
        or_nd(yes_no(component.get("spare_part_available"), language), language),
    ]


def materials_section(snapshot, language, styles) -> list:
    materials, note = listed(snapshot.get("materials"), language, styles)
    components = snapshot.get("components") or []
    if not materials and not components:
        return empty_section(caption("materials", language), language, styles)
    story = section(caption("materials", language))
    if not materials:
        story.append(not_disclosed_paragraph(language, styles))
    else:
        widths = [38 * mm, 18 * mm, 18 * mm, 19 * mm, 24 * mm, 20 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        keys = ("material", "mass", "share", "recycled_content", "renewable", "recyclable", "substances_of_concern")
        grid = Grid(widths, header=captions(language, keys), right=[1, 2, 3])
        for material in materials:
            substances = str(material.get("substances_of_concern") or "").strip()
            if substances.lower() in _NO_SUBSTANCES:
                substances = caption("none", language)
            name = to_markup(material.get("name") or "") or not_disclosed_markup(language)
            if material.get("part"):
                name = with_note(name, to_markup(material["part"]))
            grid.add(
                [
                    Markup(name),
                    or_nd(format_mass(material.get("mass_g"), language), language),
                    or_nd(format_percent(material.get("share_percent"), language), language),
                    or_nd(format_percent(material.get("recycled_content_percent"), language), language),
                    or_nd(yes_no(material.get("renewable"), language), language),
                    or_nd(yes_no(material.get("recyclable"), language), language),
                    or_nd(substances, language),
                ]
            )
        story += [grid.table(), *note]
    story += list_subsection(snapshot, "components", language, styles, _COMPONENT_COLUMNS, _component_row)
    return story


def _performer(step: dict, language: str):
    performed_by = step.get("performed_by")
    if performed_by == "maker":
        return caption("by_maker", language)
    if performed_by == "supplier":
        if step.get("supplier_confidential") or not step.get("supplier_name"):
            return caption("confidential_supplier", language)
        return Markup(with_note(to_markup(step["supplier_name"]), caption("by_supplier", language)))
    return nd(language)


def supply_chain_section(snapshot, language, styles) -> list:
    steps, note = listed(snapshot.get("supply_chain"), language, styles)
    story = section(caption("supply_chain", language), SECTION_MIN_SPACE if steps else 30 * mm)
    if not steps:
        story.append(not_disclosed_paragraph(language, styles))
    else:
        widths = [9 * mm, 53 * mm, 42 * mm, 34 * mm, 6 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        # The region caption spans the colour dot's column and the region's.
        header = [*captions(language, ("step_number", "step", "performed_by", "place", "region")), ""]
        grid = Grid(widths, header=header)
        grid.commands.append(("SPAN", (4, 0), (5, 0)))
        for number, step in enumerate(steps, start=1):
            label = pick(step.get("step_label"), language) or str(step.get("step_type") or "")
            region = step.get("region")
            row = grid.add(
                [
                    str(step.get("position") or number),
                    labelled(label, step.get("description")),
                    _performer(step, language),
                    or_nd(place_of(step), language),
                    "●" if region else "",
                    (pick(step.get("region_label"), language) or str(region)) if region else nd(language),
                ]
            )
            if region:
                colour = colors.HexColor(REGION_COLOURS.get(str(region), "#8C96A5"))
                grid.commands += [
                    ("TEXTCOLOR", (4, row), (4, row), colour),
                    ("RIGHTPADDING", (4, row), (4, row), 0),
                    ("LEFTPADDING", (5, row), (5, row), 0),
                ]
        story += [grid.table(), *note]
    story += [Spacer(1, 3.5 * mm), _solingen_box(snapshot, language, styles)]
    return story


def _solingen_box(snapshot, language, styles) -> Table:
    solingen = (snapshot.get("score") or {}).get("solingen") or {}
    qualifies = bool(solingen.get("qualifies"))
    reasons, note = listed(solingen.get("reasons"), language, styles, MAX_LISTED_REASONS)
    content = [Paragraph(caption("solingen_designation", language), styles["box_title"])]
    if qualifies:
        content.append(
            Paragraph(
                f'<font color="{POSITIVE.hexval()}">✓</font> {caption("solingen_qualifies", language)}', styles["cell"]
            )
        )
    elif solingen.get("applicable", True) is False:
        # The reason already says that the category is not covered; one sentence is enough.
        for reason in reasons:
            content.append(Paragraph(to_markup(pick(reason, language)), styles["cell"]))
    else:
        fails = caption("solingen_fails", language)
        content.append(Paragraph(fails if reasons else fails.rstrip(":") + ".", styles["cell"]))
        for reason in reasons:
            content.append(Paragraph(f"•  {to_markup(pick(reason, language))}", styles["reason"]))
    content += note
    return layout_table(
        [content],
        [CONTENT_WIDTH],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, POSITIVE if qualifies else RULE),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF6F1") if qualifies else BAND),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ],
        splittable=True,
    )
