"""Reading rendered PDFs back in tests: text with pypdf, barcodes with a real reader (zxing-cpp)."""

import io

import pypdf
import pypdfium2
import zxingcpp


def flat(text: str) -> str:
    """Whitespace collapsed, so that text wrapped onto two lines still matches."""
    return " ".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, whitespace collapsed."""
    return [flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def read_barcodes(pdf: bytes, page: int = 0, dpi: int = 250) -> list:
    """Rasterise one page and decode every barcode on it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return zxingcpp.read_barcodes(image)


def decoded(pdf: bytes, barcode_format, page: int = 0, dpi: int = 250) -> list[str]:
    return [result.text for result in read_barcodes(pdf, page, dpi) if result.format == barcode_format]


def font_report(pdf: bytes) -> set[tuple[str, bool]]:
    """(base font name, embedded?) of every font any page uses."""
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for reference in (page["/Resources"].get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts.add((str(font["/BaseFont"]), embedded))
    return fonts
