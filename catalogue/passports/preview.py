"""The maker's preview of a passport: today's data and score, clearly marked as not published."""

from django.utils import timezone, translation
from django.utils.translation import gettext

from catalogue.passports.selectors import products_for_snapshot
from catalogue.passports.snapshot import build_snapshot
from catalogue.scores.services import score_details
from products.models import Product


def preview_snapshot(product: Product, language: str) -> dict:
    """A snapshot as publishing would freeze it now, without writing anything.

    The marker replaces the version number in the footer and heads the product name, so a printed
    preview can never be mistaken for a published passport.
    """
    loaded = products_for_snapshot().get(pk=product.pk)
    with translation.override(language):
        marker = gettext("PREVIEW – not published")
    snapshot = build_snapshot(loaded, score=score_details(loaded), version=0, published_at=timezone.now())
    snapshot["version"] = marker
    snapshot["published_at"] = None
    snapshot["product"]["name"] = f"{marker}: {snapshot['product']['name']}"
    return snapshot
