"""Shelf-label formats as data: A4 sheets (grid, label size, margins, gaps) and roll labels (one per page)."""

from dataclasses import dataclass

from reportlab.lib.units import mm

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class LabelFormat:
    """Equal labels on a page (an A4 sheet, or one roll label per page); the first label sits at the top left."""

    name: str
    columns: int
    rows: int
    label_width_mm: float
    label_height_mm: float
    margin_left_mm: float
    margin_top_mm: float
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0
    corner_radius_mm: float = 0.0
    # Inner margin; edge-to-edge sheets need more, because printers cannot print at the paper edge.
    padding_mm: float = 3.5
    page_width_mm: float = A4_WIDTH_MM
    page_height_mm: float = A4_HEIGHT_MM

    def __post_init__(self):
        used_width = self.margin_left_mm + self.columns * self.label_width_mm + (self.columns - 1) * self.gap_x_mm
        used_height = self.margin_top_mm + self.rows * self.label_height_mm + (self.rows - 1) * self.gap_y_mm
        if used_width > self.page_width_mm + 0.01 or used_height > self.page_height_mm + 0.01:
            raise ValueError(f"label format {self.name!r} does not fit on its page")

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_roll(self) -> bool:
        """One label per page of the label's own size (a continuous-roll or die-cut label printer)."""
        return self.per_page == 1 and self.page_width_mm == self.label_width_mm

    @property
    def page_size(self) -> tuple[float, float]:
        """Page width and height in points."""
        return self.page_width_mm * mm, self.page_height_mm * mm

    def origin(self, index_on_page: int) -> tuple[float, float]:
        """Lower left corner (points) of the label at ``index_on_page``, filled row by row."""
        row, column = divmod(index_on_page, self.columns)
        x = self.margin_left_mm + column * (self.label_width_mm + self.gap_x_mm)
        top = self.margin_top_mm + row * (self.label_height_mm + self.gap_y_mm)
        y = self.page_height_mm - top - self.label_height_mm
        return x * mm, y * mm

    @property
    def size(self) -> tuple[float, float]:
        """Label width and height in points."""
        return self.label_width_mm * mm, self.label_height_mm * mm


# Key (stored in PrintJob.label_layout and typed in URLs, so never renamed) -> format.
# Name, columns, rows, label width and height, left and top page margin; then what differs from the defaults.
# Dimensions are the manufacturers' published ones. Sources: Avery Zweckform's and Herma's product data sheets as
# the gLabels template library records them (github.com/jimevins/glabels-qt, templates/zweckform-iso-templates.xml
# and herma-iso-templates.xml: a label's size, the first label's offset x0/y0 and the pitch dx/dy, from which the
# gaps follow); Avery's L7160/L7163 template data (avery.co.uk); Brother's DK label list for the QL printers.
LABEL_FORMATS: dict[str, LabelFormat] = {
    # Avery Zweckform 3475 and 3490: 24 labels 70 × 36 mm, edge to edge across the width, 4.5 mm at top and bottom.
    "3x8": LabelFormat("Avery Zweckform 3475/3490 · 3 × 8 · 70 × 36 mm", 3, 8, 70.0, 36.0, 0.0, 4.5, padding_mm=4.5),
    # Avery Zweckform L7163 (J8163): 14 labels 99.1 × 38.1 mm, rounded; x0 4.65, y0 15.15, dx 101.6 mm.
    "2x7": LabelFormat(
        "Avery Zweckform L7163 · 2 × 7 · 99,1 × 38,1 mm",
        2,
        7,
        99.1,
        38.1,
        4.65,
        15.15,
        gap_x_mm=2.5,
        corner_radius_mm=2.0,
    ),
    # Avery Zweckform L7160 (J8160): 21 labels 63.5 × 38.1 mm, rounded; x0 7.25, y0 15.15, dx 66.0 mm.
    "3x7": LabelFormat(
        "Avery Zweckform L7160 · 3 × 7 · 63,5 × 38,1 mm",
        3,
        7,
        63.5,
        38.1,
        7.25,
        15.15,
        gap_x_mm=2.5,
        corner_radius_mm=2.0,
    ),
    # Herma 4457: 12 labels 105 × 48 mm, edge to edge across the width; y0 5.5 mm.
    "herma-4457": LabelFormat("Herma 4457 · 2 × 6 · 105 × 48 mm", 2, 6, 105.0, 48.0, 0.0, 5.5, padding_mm=4.5),
    # Herma 4103 (also 4677): 21 labels 63.5 × 38.1 mm; x0 6.75, y0 15.5, dx 66.5 mm.
    "herma-4103": LabelFormat("Herma 4103 · 3 × 7 · 63,5 × 38,1 mm", 3, 7, 63.5, 38.1, 6.75, 15.5, gap_x_mm=3.0),
    # Herma 4098 (also 4222): 27 labels 63.5 × 29.6 mm; x0 7.8, y0 15.5, dx 66.5 mm.
    "herma-4098": LabelFormat(
        "Herma 4098 · 3 × 9 · 63,5 × 29,6 mm", 3, 9, 63.5, 29.6, 7.8, 15.5, gap_x_mm=3.0, padding_mm=3.0
    ),
    # Brother QL label printers, 62 mm roll (DK-22205, cut to length) or die-cut DK-11209 (62 × 29 mm) and
    # DK-11202 (62 × 100 mm): one label per page of the label's size, as the printer driver expects.
    "brother-62x29": LabelFormat(
        "Brother QL · 62 × 29 mm",
        1,
        1,
        62.0,
        29.0,
        0.0,
        0.0,
        padding_mm=3.0,
        page_width_mm=62.0,
        page_height_mm=29.0,
    ),
    "brother-62x100": LabelFormat(
        "Brother QL · 62 × 100 mm",
        1,
        1,
        62.0,
        100.0,
        0.0,
        0.0,
        padding_mm=3.0,
        page_width_mm=62.0,
        page_height_mm=100.0,
    ),
}
