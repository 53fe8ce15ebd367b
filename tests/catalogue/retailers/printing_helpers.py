"""Helpers for the printing tests: read PDF text and make published products."""

import io

from pypdf import PdfReader

from catalogue.passports.services import publish_product
from tests.factories import complete_product


def pdf_text(content: bytes) -> str:
    """All text of a PDF, pages joined, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def published_product(user=None, **kwargs):
    """A complete product with one published passport version."""
    product = complete_product(**kwargs)
    publish_product(product, user)
    product.refresh_from_db()
    return product
