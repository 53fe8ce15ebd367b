"""Writes of the reprint digest: mail each member what is new to reprint, remember when, and queue the runs."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from catalogue.accounts.preferences import AccountPreferences
from catalogue.mail.services import send_templated_mail
from catalogue.models import RetailerOrganisation

from . import selectors


def _preferences(user) -> AccountPreferences | None:
    try:
        return user.preferences
    except AccountPreferences.DoesNotExist:
        return None


def digest_context(retailer: RetailerOrganisation, passports: list[selectors.SupersededPassport]) -> dict:
    base = settings.SITE_BASE_URL
    return {
        "retailer": retailer,
        "passports": passports,
        "reprint_url": f"{base}{reverse('retailer:assortment', args=[retailer.slug])}",
        "preferences_url": f"{base}{reverse('account-preferences')}",
    }


@transaction.atomic
def send_reprint_digest(retailer: RetailerOrganisation, *, user_id: int | None = None) -> int:
    """Mail each member of ``retailer`` the passports superseded since their last digest or the last print.

    The scheduled run (no ``user_id``) skips members who opted out and members with nothing new. With
    ``user_id`` the member asked for it on the retailer page: they get everything that needs reprinting, even
    if it was in an earlier digest or they opted out of the scheduled one. Nothing to report means no mail.
    A member's ``last_digest_at`` becomes the moment before the assortment was read, so a passport superseded
    while the digest was written is in the next one. Returns the number of mails queued.
    """
    now = timezone.now()
    passports = selectors.superseded_passports(retailer)
    if not passports:
        return 0
    mailed = []
    for user in selectors.digest_recipients(retailer, user_id):
        preferences = _preferences(user)
        if user_id is None:
            if preferences is not None and not preferences.reprint_digest:
                continue
            listed = selectors.new_for(passports, preferences.last_digest_at if preferences else None)
        else:
            listed = passports
        if not listed:
            continue
        # As catalogue.accounts.preferences.language_of says, from the row already loaded with the user.
        language = preferences.language if preferences is not None else settings.LANGUAGE_CODE
        send_templated_mail(
            to=user.email, template="reprint_digest", context=digest_context(retailer, listed), language=language
        )
        mailed.append(user)
    if mailed:
        AccountPreferences.objects.bulk_create(
            [AccountPreferences(user=user, last_digest_at=now) for user in mailed],
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=["last_digest_at"],
        )
    return len(mailed)


def queue_scheduled_digests() -> int:
    """Queue one digest task per retailer (the schedule's run); returns how many were queued."""
    from .tasks import reprint_digest  # the task module imports this one

    retailer_ids = list(RetailerOrganisation.objects.order_by("pk").values_list("pk", flat=True))
    for retailer_id in retailer_ids:
        transaction.on_commit(lambda retailer_id=retailer_id: reprint_digest.enqueue(retailer_id))
    return len(retailer_ids)


def queue_digest_for(retailer: RetailerOrganisation, user) -> None:
    """Queue the digest that ``user`` asked for on the retailer page: for them only."""
    from .tasks import reprint_digest

    transaction.on_commit(lambda: reprint_digest.enqueue(retailer.pk, user.pk))
