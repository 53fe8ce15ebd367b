"""Shelf-label sheet formats as data: grid, label size, page margins and gaps (millimetres)."""

from dataclasses import dataclass

from reportlab.lib.units import mm

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class LabelFormat:
    """A sheet of equal labels on A4 portrait; the first label sits at the top left."""

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

    def __post_init__(self):
        used_width = self.margin_left_mm + self.columns * self.label_width_mm + (self.columns - 1) * self.gap_x_mm
        used_height = self.margin_top_mm + self.rows * self.label_height_mm + (self.rows - 1) * self.gap_y_mm
        if used_width > A4_WIDTH_MM + 0.01 or used_height > A4_HEIGHT_MM + 0.01:
            raise ValueError(f"label format {self.name!r} does not fit on an A4 page")

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, index_on_page: int) -> tuple[float, float]:
        """Lower left corner (points) of the label at ``index_on_page``, filled row by row."""
        row, column = divmod(index_on_page, self.columns)
        x = self.margin_left_mm + column * (self.label_width_mm + self.gap_x_mm)
        top = self.margin_top_mm + row * (self.label_height_mm + self.gap_y_mm)
        y = A4_HEIGHT_MM - top - self.label_height_mm
        return x * mm, y * mm

    @property
    def size(self) -> tuple[float, float]:
        """Label width and height in points."""
        return self.label_width_mm * mm, self.label_height_mm * mm


# Name, columns, rows, label width and height, left and top page margin; then what differs from the defaults.
LABEL_FORMATS: dict[str, LabelFormat] = {
    # 24 labels, edge to edge across the width (like Avery Zweckform 3475).
    "3x8": LabelFormat("3 × 8 · 70 × 36 mm", 3, 8, 70.0, 36.0, 0.0, 4.5, padding_mm=4.5),
    # 14 labels with rounded corners (like Avery L7163 / Zweckform J8163).
    "2x7": LabelFormat("2 × 7 · 99,1 × 38,1 mm", 2, 7, 99.1, 38.1, 4.65, 15.15, gap_x_mm=2.5, corner_radius_mm=2.0),
    # 21 labels with rounded corners (like Avery L7160 / Zweckform J8160).
    "3x7": LabelFormat("3 × 7 · 63,5 × 38,1 mm", 3, 7, 63.5, 38.1, 7.25, 15.15, gap_x_mm=2.5, corner_radius_mm=2.0),
}
