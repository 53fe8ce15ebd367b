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


def raster_pdfium(pdf: bytes, page: int, dpi: int) -> Image.Image:
    """One page rendered by pdfium (Chrome's PDF engine), as an RGB image."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def raster_poppler(pdf: bytes, page: int, dpi: int) -> Image.Image:
    """One page rendered by poppler's pdftoppm (the engine of most Linux viewers), as an RGB image."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.pdf"
        source.write_bytes(pdf)
        number = str(page + 1)
        output = Path(folder) / "out"
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-f", number, "-l", number, "-png", "-singlefile", source, output],
            check=True,
            capture_output=True,
        )
        with Image.open(Path(folder) / "out.png") as image:
            return image.convert("RGB")


def zxing_eans(image: Image.Image) -> list[str]:
    """The EAN-13 and EAN-8 symbols zxing-cpp reads in ``image``."""
    wanted = (zxingcpp.BarcodeFormat.EAN13, zxingcpp.BarcodeFormat.EAN8)
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format in wanted]


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
