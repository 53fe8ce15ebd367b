"""Reads of the reprint digest: what in an assortment was superseded since it was printed, and who hears of it."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, QuerySet, Subquery

from catalogue.models import PassportVersion, RetailerOrganisation
from catalogue.retailers import selectors as retailer_selectors
from products.models import Product


@dataclass(frozen=True)
class SupersededPassport:
    """A printed passport on the retailer's shelf that no longer says what the catalogue says."""

    row: retailer_selectors.AssortmentRow
    withdrawn: bool  # the passport was withdrawn (else a newer version was published)
    superseded_at: datetime  # when the newer version was published, or when the passport was withdrawn

    @property
    def product(self) -> Product:
        return self.row.product


def _withdrawn_at():
    """When the product last became withdrawn: its newest history row with that status after one without it."""
    history = Product.history.model
    status_before = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date")
        .values("status")[:1]
    )
    return Subquery(
        history.objects.filter(id=OuterRef("product_id"), status=Product.Status.WITHDRAWN)
        .annotate(status_before=Subquery(status_before))
        .exclude(status_before=Product.Status.WITHDRAWN)
        .order_by("-history_date")
        .values("history_date")[:1]
    )


def superseded_passports(retailer: RetailerOrganisation) -> list[SupersededPassport]:
    """Every printed passport of the assortment that was superseded after it was last printed (one query).

    The retailer workspace's own print state (``catalogue.retailers.selectors.assortment``) decides what is out
    of date, so the digest and the reprint list on the retailer page always agree; withdrawn passports, which
    that list does not show, are added.
    """
    current_published_at = (
        PassportVersion.objects.filter(product=OuterRef("product"), number=OuterRef("current_number"))
        .order_by()
        .values("published_at")[:1]
    )
    items = retailer_selectors.assortment(retailer).annotate(
        current_published_at=Subquery(current_published_at), withdrawn_at=_withdrawn_at()
    )
    found = []
    for item in items:
        row = retailer_selectors.AssortmentRow(item)
        if row.never_printed:
            continue
        if row.withdrawn:
            superseded_at = item.withdrawn_at or item.product.updated_at
            found.append(SupersededPassport(row, withdrawn=True, superseded_at=superseded_at))
        elif row.reprint_needed:
            found.append(SupersededPassport(row, withdrawn=False, superseded_at=item.current_published_at))
    return [passport for passport in found if passport.superseded_at > passport.row.item.last_printed_at]


def new_for(passports: list[SupersededPassport], last_digest_at: datetime | None) -> list[SupersededPassport]:
    """The passports superseded after the previous digest (all of them when there was none)."""
    if last_digest_at is None:
        return list(passports)
    return [passport for passport in passports if passport.superseded_at > last_digest_at]


def digest_recipients(retailer: RetailerOrganisation, user_id: int | None = None) -> QuerySet:
    """The retailer's active members with an e-mail address, each with their preferences row (or None).

    With ``user_id``, only that member (a digest asked for on the retailer page).
    """
    users = (
        get_user_model()
        .objects.filter(retailer_memberships__organisation=retailer, is_active=True)
        .exclude(email="")
        .select_related("preferences")
        .order_by("pk")
    )
    return users.filter(pk=user_id) if user_id is not None else users
