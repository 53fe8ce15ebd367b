"""A4 product passports from frozen snapshots: the entry point, page flow, running header and footer."""

import functools
import io
from collections import Counter

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.pdf.common import ACCENT, MUTED, RULE, WHITE, WITHDRAWN, fit_text, passport_code, passport_url
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, register_fonts
from catalogue.passports.pdf.header import PassportHeader
from catalogue.passports.pdf.layout import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    passport_styles,
)
from catalogue.passports.pdf.metadata import apply_metadata, metadata_for
from catalogue.passports.pdf.sections_lifecycle import (
    closing_note,
    durability_section,
    end_of_life_section,
    evidence_section,
    repairability_section,
)
from catalogue.passports.pdf.sections_origin import materials_section, supply_chain_section
from catalogue.passports.pdf.sections_overview import criteria_section, product_details, score_section
from catalogue.passports.pdf.texts import caption, check_language, format_date

SHORT_HASH_LENGTH = 12


def render_passports(
    snapshots: list[dict],
    language: str = "de",
    hashes: list[str] | None = None,
    withdrawn: list[bool] | None = None,
) -> bytes:
    """One A4 passport per snapshot, each starting on a new page, as the bytes of one PDF.

    ``hashes`` are the content hashes of the versions (full or short); without them the hash is
    computed from the snapshot's canonical JSON, which gives the same value. ``withdrawn`` marks
    passports the maker has withdrawn: each of their pages carries a red banner saying so, because a
    withdrawal happens after publishing and is not part of the frozen snapshot.
    """
    check_language(language)
    if not snapshots:
        raise ValueError("snapshots should contain at least one passport snapshot")
    if hashes is not None and len(hashes) != len(snapshots):
        raise ValueError(f"hashes should have one entry per snapshot ({len(snapshots)}), not {len(hashes)}")
    if withdrawn is not None and len(withdrawn) != len(snapshots):
        raise ValueError(f"withdrawn should have one entry per snapshot ({len(snapshots)}), not {len(withdrawn)}")
    register_fonts()
    styles = passport_styles()
    decorations = []
    story = []
    for index, snapshot in enumerate(snapshots):
        content_hash = hashes[index] if hashes is not None else snapshot_hash(snapshot)
        decoration = _page_decoration(snapshot, language, content_hash)
        decoration["withdrawn"] = bool(withdrawn and withdrawn[index])
        decorations.append(decoration)
        if index:
            story.append(PageBreak())
        story.append(_PassportStart(index))
        story.extend(_passport_story(snapshot, language, styles))

    buffer = io.BytesIO()
    metadata = metadata_for(snapshots, language, kind="document_detailed")
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=metadata.keywords,
        creator=caption("brand", language),
        lang=language,
        invariant=1,
        initialFontName=SANS,
        displayDocTitle=True,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="passport", frames=[frame])])
    document.build(story, canvasmaker=functools.partial(_PassportCanvas, decorations=decorations, metadata=metadata))
    return buffer.getvalue()


# --- page furniture -------------------------------------------------------------------------------


class _PassportStart(Flowable):
    """Invisible marker: tells the canvas which passport the following pages belong to."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.passport_index = self.index


class _PassportCanvas(Canvas):
    """Keeps pages until the end, so that running header and footer know "page n of m" per passport."""

    def __init__(self, *args, decorations, metadata, **kwargs):
        super().__init__(*args, **kwargs)
        apply_metadata(self, metadata)
        self.decorations = decorations
        self.passport_index = 0
        self.finished_pages = []

    def showPage(self):
        self.finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        pages_per_passport = Counter(page["passport_index"] for page in self.finished_pages)
        page_in_passport = Counter()
        for page in self.finished_pages:
            # Annotation names are numbered per document; a page's stale counter would reuse them.
            annotation_count = self._annotationCount
            self.__dict__.update(page)
            self._annotationCount = annotation_count
            page_in_passport[self.passport_index] += 1
            _draw_page_furniture(
                self,
                self.decorations[self.passport_index],
                page_in_passport[self.passport_index],
                pages_per_passport[self.passport_index],
            )
            super().showPage()
        super().save()


def _page_decoration(snapshot: dict, language: str, content_hash: str) -> dict:
    product = snapshot.get("product") or {}
    return {
        "language": language,
        "name": product.get("name") or "",
        "code": passport_code(product),
        "version": snapshot.get("version"),
        "date": format_date(snapshot.get("published_at"), language),
        "hash": (content_hash or "")[:SHORT_HASH_LENGTH],
        "url": passport_url(snapshot),
    }


def _draw_page_furniture(canvas, decoration: dict, page: int, pages: int) -> None:
    language = decoration["language"]
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    canvas.saveState()
    if decoration.get("withdrawn"):
        _draw_withdrawn_banner(canvas, language)
    # Running header
    top = PAGE_HEIGHT - 12.5 * mm
    brand = caption("brand", language).upper()
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 7)
    canvas.drawString(left, top, brand)
    brand_width = stringWidth(brand, SANS_BOLD, 7)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 7)
    canvas.drawString(left + brand_width + 2.5 * mm, top, caption("document_detailed", language))
    if page == 1:
        running = f"{caption('passport_code', language)} {decoration['code']}"
    else:
        running = f"{decoration['name']} · {decoration['code']}"
    available = right - left - brand_width - stringWidth(caption("document_detailed", language), SANS, 7) - 12 * mm
    canvas.drawRightString(right, top, fit_text(running, SANS, 7, available))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
    # Footer
    rule_y = 14.5 * mm
    canvas.line(left, rule_y, right, rule_y)
    text_y = rule_y - 4 * mm
    canvas.setFont(SANS, 7)
    canvas.setFillColor(MUTED)
    parts = []
    if decoration["version"] is not None:
        parts.append(f"{caption('version', language)} {decoration['version']}")
    if decoration["date"]:
        parts.append(decoration["date"])
    if decoration["hash"]:
        parts.append(f"SHA-256 {decoration['hash']}")
    canvas.drawString(left, text_y, " · ".join(parts))
    page_text = caption("page_of", language, page=page, pages=pages)
    canvas.drawRightString(right, text_y, page_text)
    if decoration["url"]:
        # The URL sits right-aligned before the page number, shortened if a long site name would collide.
        url_right = right - stringWidth(page_text, SANS, 7) - 6 * mm
        url_left = left + stringWidth(" · ".join(parts), SANS, 7) + 6 * mm
        url = fit_text(decoration["url"], SANS, 7, url_right - url_left)
        url_width = stringWidth(url, SANS, 7)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(url_right, text_y, url)
        canvas.linkURL(decoration["url"], (url_right - url_width, text_y - 2, url_right, text_y + 6), relative=0)
    canvas.restoreState()


def _draw_withdrawn_banner(canvas, language: str) -> None:
    """A red band across the top edge of the page, above the running header."""
    height = 8 * mm
    canvas.setFillColor(WITHDRAWN)
    canvas.rect(0, PAGE_HEIGHT - height, PAGE_WIDTH, height, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - height + 2.9 * mm, caption("withdrawn_banner", language))


# The passport's sections, top down; each takes (snapshot, language, styles) and returns flowables.
SECTIONS = (
    product_details,
    score_section,
    criteria_section,
    materials_section,
    supply_chain_section,
    durability_section,
    repairability_section,
    end_of_life_section,
    evidence_section,
    closing_note,
)


def _passport_story(snapshot: dict, language: str, styles) -> list:
    story = [PassportHeader(snapshot, language, styles)]
    for section in SECTIONS:
        story += section(snapshot, language, styles)
    return story
