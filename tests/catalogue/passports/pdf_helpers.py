"""Reading rendered PDFs back in tests: text with pypdf, barcodes with real readers (zxing-cpp and zbar)."""

import io
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pypdf
import pypdfium2
import zxingcpp
from PIL import Image


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


def first_pages(pdfs: list[bytes]) -> bytes:
    """One PDF of the first page of each of ``pdfs``, the pages copied unchanged."""
    writer = pypdf.PdfWriter()
    for pdf in pdfs:
        writer.add_page(pypdf.PdfReader(io.BytesIO(pdf)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def raster_pdfium(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Every page rendered by pdfium (Chrome's PDF engine), as RGB images."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def raster_poppler(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Every page rendered by poppler's pdftoppm (the engine of most Linux viewers), as RGB images."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        # PPM, not PNG: pdftoppm spends most of its time encoding PNG.
        subprocess.run(["pdftoppm", "-r", str(dpi), source, Path(folder) / "page"], check=True, capture_output=True)
        images = []
        for path in sorted(Path(folder).glob("page-*.ppm")):
            with Image.open(path) as image:
                images.append(image.convert("RGB"))
        return images


def zxing_eans(image: Image.Image) -> list[str]:
    """The EAN-13 and EAN-8 symbols zxing-cpp reads in ``image``."""
    return [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=[zxingcpp.BarcodeFormat.EAN13, zxingcpp.BarcodeFormat.EAN8])
    ]


def zbar_eans(images: list[Image.Image]) -> list[list[str]]:
    """The EAN-13 and EAN-8 symbols zbar's zbarimg reads, per image (one process for all of them)."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        raise RuntimeError("zbarimg is missing: install the Debian package zbar-tools")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, image in enumerate(images):
            paths.append(Path(folder) / f"{index}.png")
            image.save(paths[-1])
        # Exit status 4 means "no symbol found" in some image; the XML still lists every image.
        process = subprocess.run(
            [zbarimg, "--xml", "-q", "-Sdisable", "-Sean13.enable", "-Sean8.enable", *paths],
            capture_output=True,
            text=True,
        )
    if process.returncode not in (0, 4):
        raise RuntimeError(f"zbarimg failed ({process.returncode}): {process.stderr}")
    found = {str(path): [] for path in paths}
    for source in ElementTree.fromstring(process.stdout).iter("{http://zbar.sourceforge.net/2008/barcode}source"):
        found[source.get("href")] = [
            data.text for data in source.iter("{http://zbar.sourceforge.net/2008/barcode}data") if data.text
        ]
    return [found[str(path)] for path in paths]


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
