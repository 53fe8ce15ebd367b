"""The passport's header band: identity, maker, Solingen seal, grade badge and QR code."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from catalogue.passports.pdf.common import (
    BAND,
    INK,
    MUTED,
    NOT_DISCLOSED,
    POSITIVE,
    WHITE,
    draw_grade_badge,
    passport_code,
)
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC
from catalogue.passports.pdf.layout import muted, place_of, to_markup, with_note
from catalogue.passports.pdf.qr import draw_qr
from catalogue.passports.pdf.texts import caption, format_number, pick


def _name_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"name{size}", fontName=SANS_BOLD, fontSize=size, leading=size * 1.18, textColor=INK)


class PassportHeader(Flowable):
    """Band with category, name, maker and Solingen seal; grade badge and QR code on the right."""

    PADDING = 5 * mm
    GAP = 5 * mm
    BADGE = 21 * mm
    BADGE_COLUMN = 25 * mm
    QR = 31 * mm

    def __init__(self, snapshot: dict, language: str, styles):
        super().__init__()
        self.snapshot = snapshot
        self.language = language
        product = snapshot.get("product") or {}
        maker = snapshot.get("maker") or {}
        score = snapshot.get("score") or {}
        category = pick((product.get("category") or {}).get("name"), language)
        overline = [category.upper()] if category else []
        if product.get("model_number"):
            overline.append(f"{caption('model_number', language)} {product['model_number']}")
        self.overline = Paragraph(to_markup(" · ".join(overline)), styles["overline"]) if overline else None
        self.name_text = to_markup(product.get("name") or "")
        place = place_of(maker)
        maker_line = f"{muted(caption('maker', language))}  <b>{to_markup(maker.get('name') or '')}</b>"
        if place:
            maker_line = with_note(maker_line, to_markup(place), size=8.5)
        self.maker = Paragraph(maker_line, styles["maker"])
        self.solingen = bool((score.get("solingen") or {}).get("qualifies"))
        self.qr_data = (snapshot.get("urls") or {}).get("qr") or ""
        self.code = passport_code(product)
        self.overall = score.get("overall")

    def _text_width(self, available_width):
        return available_width - 2 * self.PADDING - self.BADGE_COLUMN - self.QR - 2 * self.GAP

    def wrap(self, available_width, available_height):
        self.width = available_width
        text_width = self._text_width(available_width)
        for size in (18, 15.5, 13):
            self.name = Paragraph(self.name_text, _name_style(size))
            _, name_height = self.name.wrap(text_width, available_height)
            if name_height <= 3 * size * 1.18 + 0.1:
                break
        height = name_height + 2 * mm
        if self.overline:
            height += self.overline.wrap(text_width, available_height)[1] + 1.5 * mm
        height += self.maker.wrap(text_width, available_height)[1]
        if self.solingen:
            height += 9 * mm
        qr_column = self.QR + 9 * mm
        badge_column = self.BADGE + 12 * mm
        self.height = max(height, qr_column, badge_column) + 2 * self.PADDING
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(BAND)
        canvas.roundRect(0, 0, self.width, self.height, 2.5 * mm, stroke=0, fill=1)
        self._draw_identity(canvas)
        qr_x = self.width - self.PADDING - self.QR
        self._draw_grade(canvas, qr_x - self.GAP - self.BADGE_COLUMN + (self.BADGE_COLUMN - self.BADGE) / 2)
        self._draw_qr(canvas, qr_x)
        canvas.restoreState()

    def _draw_identity(self, canvas):
        """Overline, name, maker and (where it applies) the Solingen seal, top down."""
        x = self.PADDING
        y = self.height - self.PADDING
        if self.overline:
            y -= self.overline.height
            self.overline.drawOn(canvas, x, y)
            y -= 1.5 * mm
        y -= self.name.height
        self.name.drawOn(canvas, x, y)
        y -= 2 * mm + self.maker.height
        self.maker.drawOn(canvas, x, y)
        if self.solingen:
            self._draw_solingen_seal(canvas, x, y - 8 * mm)

    def _draw_grade(self, canvas, badge_x):
        """Grade badge with the overall score under it."""
        language = self.language
        badge_top = self.height - self.PADDING
        draw_grade_badge(canvas, badge_x, badge_top - self.BADGE, self.BADGE, self.snapshot)
        centre = badge_x + self.BADGE / 2
        canvas.setFillColor(INK)
        if self.overall is not None:
            canvas.setFont(SANS_BOLD, 9)
            canvas.drawCentredString(
                centre,
                badge_top - self.BADGE - 5 * mm,
                f"{format_number(self.overall, language)} {caption('out_of_100', language)}",
            )
        else:
            canvas.setFont(SANS_ITALIC, 8)
            canvas.setFillColor(NOT_DISCLOSED)
            canvas.drawCentredString(centre, badge_top - self.BADGE - 5 * mm, caption("no_score", language))
        canvas.setFont(SANS, 7)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(centre, badge_top - self.BADGE - 8.6 * mm, caption("overall_grade", language))

    def _draw_qr(self, canvas, qr_x):
        """QR code on white, with the passport code as its caption."""
        qr_y = self.height - self.PADDING - self.QR
        canvas.setFillColor(WHITE)
        canvas.roundRect(qr_x, qr_y, self.QR, self.QR, 1.5 * mm, stroke=0, fill=1)
        if self.qr_data:
            draw_qr(canvas, self.qr_data, qr_x, qr_y, self.QR)
            canvas.linkURL(self.qr_data, (qr_x, qr_y, qr_x + self.QR, qr_y + self.QR), relative=1)
        qr_centre = qr_x + self.QR / 2
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawCentredString(qr_centre, qr_y - 4.2 * mm, self.code)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 6.5)
        canvas.drawCentredString(qr_centre, qr_y - 7.4 * mm, caption("scan_passport", self.language))

    def _draw_solingen_seal(self, canvas, x, y):
        title = caption("solingen_seal", self.language)
        note = caption("solingen_seal_note", self.language)
        title_width = stringWidth(title, SANS_BOLD, 8.5)
        note_width = stringWidth(note, SANS, 7)
        width = 7 * mm + title_width + 2 * mm + note_width + 3 * mm
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(POSITIVE)
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, y, width, 6 * mm, 3 * mm, stroke=1, fill=1)
        canvas.setFillColor(POSITIVE)
        canvas.circle(x + 3.5 * mm, y + 3 * mm, 1.9 * mm, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont(SANS_BOLD, 7)
        canvas.drawCentredString(x + 3.5 * mm, y + 2.2 * mm, "✓")
        canvas.setFillColor(POSITIVE)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawString(x + 7 * mm, y + 1.9 * mm, title)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 7)
        canvas.drawString(x + 7 * mm + title_width + 2 * mm, y + 2 * mm, note)
