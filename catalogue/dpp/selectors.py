"""Reads of the DPP layer: a user's access grant, the log of restricted reads, a version's successor."""

from django.db.models import Q, QuerySet

from catalogue.dpp.models import AccessGrant, RestrictedRead
from catalogue.models import PassportVersion


def active_grant_for(user) -> AccessGrant | None:
    """The grant in force of an organisation the user belongs to (the one lasting longest), else None."""
    if user is None or not user.is_authenticated:
        return None
    return (
        AccessGrant.objects.active()
        .filter(Q(retailer__memberships__user=user) | Q(maker__memberships__user=user))
        .select_related("retailer", "maker")
        .order_by("-expires_on", "-pk")
        .first()
    )


def restricted_reads_for_maker_user(user) -> QuerySet[RestrictedRead]:
    """Every read of the restricted part of the passports of the user's maker organisations, newest first."""
    return (
        RestrictedRead.objects.filter(version__product__maker__memberships__user=user)
        .select_related("version", "version__product")
        .distinct()
    )


def successor_of(product_id: int, number: int) -> dict | None:
    """The version that follows ``number`` (ESPR Art. 11(d)); it cannot be in the immutable snapshot itself."""
    row = (
        PassportVersion.objects.filter(product_id=product_id, number__gt=number)
        .order_by("number")
        .values("number", "content_hash", "published_at", "product__passport_code")
        .first()
    )
    if row is None:
        return None
    return {"version": row["number"], "content_hash": row["content_hash"], "code": row["product__passport_code"]}
