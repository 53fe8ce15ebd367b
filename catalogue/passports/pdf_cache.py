"""Rendered PDFs in the shared cache, keyed by everything that determines their bytes, so each renders once."""

import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path

import reportlab
import segno
from django.core.cache import cache

from catalogue.models import PassportVersion
from catalogue.passports.page_budget import PageBudgetExceeded
from catalogue.passports.pdf.labels import LabelOptions
from catalogue.passports.printing import DEFAULT_LABEL_LAYOUT, FORMAT_ALIASES, LABELS, render_versions
from products.models import Product

# A PDF larger than this (a retailer's batch of well over a hundred passports) is rendered for each request
# rather than kept: one such value would push dozens of passport pages out of a memory-bounded cache.
MAX_CACHED_BYTES = 5 * 1024 * 1024
# The key changes whenever the bytes would, so nothing kept can go stale; the timeout only frees memory.
CACHE_SECONDS = 30 * 24 * 60 * 60
RENDERERS = Path(__file__).resolve().parent / "pdf"


@functools.cache
def renderer_revision() -> str:
    """A fingerprint of the renderers' code, fonts, reportlab and segno (the QR codes): a deployment that changes
    how PDFs look starts with an empty PDF cache instead of serving the old drawings."""
    digest = hashlib.sha256(f"reportlab {reportlab.Version} segno {segno.__version__}".encode())
    for path in sorted(RENDERERS.rglob("*")):
        if path.suffix == ".py":
            digest.update(path.name.encode() + path.read_bytes())
        elif path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(RENDERERS)}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def options_key(options: LabelOptions | None) -> str:
    """The label options as part of a key: price, EAN, start position and any shelf prices, in order."""
    if options is None:
        options = LabelOptions()
    prices = ",".join("" if price is None else f"{price:.2f}" for price in options.prices)
    return f"price={int(options.price)};ean={int(options.ean)};start={options.start};prices={prices}"


def key_for(
    versions: Sequence[PassportVersion],
    *,
    format: str,
    language: str,
    layout: str,
    label_options: LabelOptions | None = None,
) -> str:
    """The cache key of one PDF: renderer revision, format, layout and label options (labels only), language
    and, per version in order, its rendition key (content hash and redactions) and whether it was withdrawn."""
    format = FORMAT_ALIASES.get(format, format)
    labels = format == LABELS
    layout = (layout or DEFAULT_LABEL_LAYOUT) if labels else ""
    parts = [renderer_revision(), str(format), language, layout, options_key(label_options) if labels else ""]
    for version in versions:
        withdrawn = version.product.status == Product.Status.WITHDRAWN
        parts.append(f"{version.rendition_key}:{'withdrawn' if withdrawn else 'public'}")
    return "pdf:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def cached_pdf(key: str, *, max_pages: int | None) -> bytes | None:
    """The kept PDF, or None when it must be rendered; PageBudgetExceeded when it is known to be too long."""
    value = cache.get(key)
    if isinstance(value, bytes):
        return value
    if isinstance(value, dict) and max_pages is not None and max_pages <= value.get("more_than", -1):
        raise PageBudgetExceeded(max_pages)
    return None


def render_and_keep(
    key: str,
    versions: Sequence[PassportVersion],
    *,
    format: str,
    language: str,
    layout: str,
    max_pages: int | None,
    label_options: LabelOptions | None = None,
) -> bytes:
    """Render the PDF within the page budget and keep it; a refusal for the budget is kept too, so that a
    runaway passport costs its pages once, not on every request."""
    try:
        content = render_versions(
            versions, format=format, language=language, layout=layout, max_pages=max_pages, label_options=label_options
        )
    except PageBudgetExceeded as exceeded:
        cache.set(key, {"more_than": exceeded.pages}, CACHE_SECONDS)
        raise
    if len(content) <= MAX_CACHED_BYTES:
        cache.set(key, content, CACHE_SECONDS)
    return content
