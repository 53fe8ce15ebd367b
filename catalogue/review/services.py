"""Staff decisions on evidence: the one writer of the review fields, and the mail to the maker's members."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.accounts.preferences import language_of
from catalogue.mail.services import send_templated_mail
from catalogue.review.selectors import republish_notice
from products.models import EvidenceDocument, MakerMembership

ReviewStatus = EvidenceDocument.ReviewStatus
DECISIONS = (ReviewStatus.APPROVED, ReviewStatus.REJECTED)


def approve_evidence(document: EvidenceDocument, *, user) -> EvidenceDocument:
    return decide(document, ReviewStatus.APPROVED, user=user)


def reject_evidence(document: EvidenceDocument, *, user, reason: str) -> EvidenceDocument:
    return decide(document, ReviewStatus.REJECTED, user=user, reason=reason)


@transaction.atomic
def decide(document: EvidenceDocument, status: str, *, user, reason: str = "") -> EvidenceDocument:
    """Approve or reject ``document`` as ``user`` (staff), all of it or nothing; returns the stored document.

    Raises ValidationError naming the field (``rejection_reason`` without a reason, ``review_status`` for anything
    but approve or reject). ``verified`` follows the decision, so scores and the next snapshot read it; the
    history records the decision with ``user`` as its author; the maker's members get a mail after the commit.
    """
    if user is None or not user.is_staff:
        raise PermissionDenied("Only staff decide on evidence.")
    if status not in DECISIONS:
        raise ValidationError({"review_status": _("Choose approve or reject.")})
    # Locked until the commit: two staff deciding at the same moment write one after the other.
    locked = EvidenceDocument.objects.select_for_update().select_related("product__maker").get(pk=document.pk)
    locked.record_decision(status, user=user, at=timezone.now(), reason=reason or "")
    locked.clean_fields(exclude=[name for name in _field_names() if name != "rejection_reason"])
    locked.clean()
    locked._history_user = user  # read by django-simple-history for the record's author
    locked.save(update_fields=EvidenceDocument.REVIEW_FIELDS)
    _tell_the_maker(locked)
    return locked


def _field_names() -> list[str]:
    return [model_field.name for model_field in EvidenceDocument._meta.concrete_fields]


def _tell_the_maker(document: EvidenceDocument) -> None:
    """Mail every member of the maker: editors upload evidence as much as owners, and the fix is theirs too.

    One mail per member, each in their own language, so that nobody sees the others' addresses.
    """
    product = document.product
    notice = republish_notice(product)
    context = {
        "document": document,
        "product": product,
        "approved": document.review_status == ReviewStatus.APPROVED,
        "republish": notice is not None,
        "product_url": f"{settings.SITE_BASE_URL}{product.get_absolute_url()}#evidence",
    }
    members = MakerMembership.objects.filter(organisation_id=product.maker_id, user__is_active=True).select_related(
        "user"
    )
    for membership in members.order_by("pk"):
        user = membership.user
        if user.email:
            language = language_of(user)
            send_templated_mail(
                to=user.email, template="evidence_decision", context={**context, "user": user}, language=language
            )
