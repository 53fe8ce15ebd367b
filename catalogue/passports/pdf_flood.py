"""Keeping a PDF flood cheap: which paths are the public PDFs, and not logging each of their refusals.

Loaded by the LOGGING configuration before the apps are ready, so it imports no models.
"""

import functools
import logging

from django.urls import Resolver404, resolve

PUBLIC_PDF_URL_NAMES = frozenset({"passport-pdf", "passport-version-pdf", "batch-pdf"})
# The throttle's 429 and the busy 503 are answers the site means to give, thousands a minute under a flood.
REFUSAL_STATUSES = frozenset({429, 503})


def is_public_pdf_path(path_info: str) -> bool:
    """Whether ``path_info`` is one of the public PDF URLs (one passport, one version, a batch)."""
    return path_info.endswith(".pdf") and _resolves_to_public_pdf(path_info)  # most paths end here


@functools.lru_cache(maxsize=4096)  # a flood asks for the same few paths; resolving one costs ~0.1 ms
def _resolves_to_public_pdf(path_info: str) -> bool:
    try:
        match = resolve(path_info)
    except Resolver404:
        return False
    return match.namespace == "catalogue" and match.url_name in PUBLIC_PDF_URL_NAMES


class QuietPdfRefusals(logging.Filter):
    """Drops django.request's WARNING line for a public PDF's 429 or 503; every other record passes.

    Under a flood, writing one line per refusal costs the workers more than the refusal itself. The
    throttle logs once per client and window instead (``pdf_throttle.charge``), and a database outage's
    503 has its own ERROR record (``catalogue.operations.errors``), so nothing is lost.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) not in REFUSAL_STATUSES:
            return True
        request = getattr(record, "request", None)
        return request is None or not is_public_pdf_path(getattr(request, "path_info", ""))
