"""Writes of teams: inviting, accepting, revoking, changing roles and removing members (every write atomic)."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalogue.accounts.addresses import confirm_address
from catalogue.mail.services import send_templated_mail
from catalogue.models import RetailerOrganisation
from products.models import MakerOrganisation

from .models import INVITATION_VALID_FOR, Invitation, hash_token
from .selectors import membership_model_for

OWNER = "owner"


class TeamError(Exception):
    """A change the rules refuse; ``message`` says why, in the user's words."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InvitationUnusable(TeamError):
    """The invitation was accepted, revoked or has expired."""


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def invitation_url(token: str) -> str:
    return settings.SITE_BASE_URL + reverse("teams:accept", args=[token])


def _send(invitation: Invitation, token: str) -> None:
    inviter = invitation.invited_by
    send_templated_mail(
        to=invitation.email,
        template="invitation",
        context={
            "organisation_name": invitation.organisation.name,
            "role": invitation.get_role_display(),
            "is_owner": invitation.role == OWNER,
            "new_organisation": invitation.new_organisation,
            "inviter": (inviter.get_full_name() or inviter.get_username()) if inviter else "",
            "url": invitation_url(token),
            "expires_at": invitation.expires_at,
        },
        language=invitation.language,
    )


@transaction.atomic
def invite(*, organisation, email: str, role: str, language: str, invited_by, new_organisation=False) -> str:
    """Invite ``email`` into ``organisation`` with ``role`` and mail the link; returns the token (for the tests).

    A pending invitation of the same address into the same organisation is revoked: the newest link counts.
    """
    email = get_user_model().objects.normalize_email(email.strip())
    model = membership_model_for(organisation)
    if model.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise TeamError(_("%(email)s is already a member of this team.") % {"email": email})
    kind = Invitation.Kind.MAKER if isinstance(organisation, MakerOrganisation) else Invitation.Kind.RETAILER
    earlier = Invitation.objects.filter(
        **{kind: organisation}, email__iexact=email, accepted_at=None, revoked_at=None
    ).filter(expires_at__gt=timezone.now())
    earlier.update(revoked_at=timezone.now(), revoked_by=invited_by)
    token, token_hash = _new_token()
    now = timezone.now()
    invitation = Invitation(
        created_at=now,
        expires_at=now + INVITATION_VALID_FOR,
        email=email,
        kind=kind,
        role=role,
        language=language,
        invited_by=invited_by,
        new_organisation=new_organisation,
        token_hash=token_hash,
        **{kind: organisation},
    )
    invitation.full_clean()
    invitation.save()
    _send(invitation, token)
    return token


def unique_slug(model, name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def invite_owner_of_new_organisation(*, kind: str, name: str, email: str, language: str, invited_by):
    """Create the maker or retailer ``name`` and invite ``email`` as its owner; returns (invitation, token).

    The organisation exists from the moment staff send the invitation, so that staff can complete its
    details in the admin while the owner has not answered yet, and the name's slug is taken at once.
    """
    model = MakerOrganisation if kind == Invitation.Kind.MAKER else RetailerOrganisation
    organisation = model.objects.create(name=name.strip(), slug=unique_slug(model, name))
    token = invite(
        organisation=organisation,
        email=email,
        role=OWNER,
        language=language,
        invited_by=invited_by,
        new_organisation=True,
    )
    return Invitation.objects.get(token_hash=hash_token(token)), token


@transaction.atomic
def revoke(invitation: Invitation, *, by) -> None:
    """The link stops working; an invitation that is no longer pending stays as it is."""
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_by=by
    )


def _membership_with_author(membership, author):
    membership._history_user = author  # simple-history's author of this change, whatever the request says
    return membership


def _record_verified_email(user, email: str) -> None:
    """The invited address is proven: the link in the mail sent to it was followed.

    It becomes the account's verified primary address when the account has no other one; an existing account
    with another address keeps its own (and another account's address is never taken over).
    """
    if user.email and user.email.lower() != email.lower():
        return
    if EmailAddress.objects.filter(email__iexact=email).exclude(user=user).exists():
        return
    confirm_address(user, email)


@transaction.atomic
def accept(invitation: Invitation, user):
    """Make ``user`` a member with the invitation's role; the invitation is used up. Returns the membership.

    A user who is a member already keeps the higher of the two roles.
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state != Invitation.State.PENDING:
        raise InvitationUnusable(locked.state)
    organisation = locked.organisation
    model = membership_model_for(organisation)
    membership = model.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        membership = model(organisation=organisation, user=user, role=locked.role)
        _membership_with_author(membership, user).save()
    elif locked.role == OWNER and membership.role != OWNER:
        membership.role = OWNER
        _membership_with_author(membership, user).save()
    locked.accepted_at, locked.accepted_by = timezone.now(), user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    _record_verified_email(user, locked.email)
    invitation.accepted_at, invitation.accepted_by = locked.accepted_at, user
    return membership


@transaction.atomic
def create_account_and_accept(invitation: Invitation, *, username: str, password: str):
    """A new account for the invited address, with a password already validated; returns the user."""
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(username=username, email=invitation.email, password=password)
    except IntegrityError as taken:
        raise TeamError(_("This username is taken; choose another.")) from taken
    accept(invitation, user)
    return user


def _refuse_losing_last_owner(membership):
    # Locks the organisation's owners, so that two owners demoting each other at once cannot leave none.
    owners = list(
        type(membership)
        .objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=OWNER)
        .values_list("pk", flat=True)
    )
    if owners == [membership.pk]:
        raise TeamError(_("%(user)s is the only owner: make someone else an owner first.") % {"user": membership.user})


@transaction.atomic
def change_role(membership, role: str, *, by):
    if role not in dict(type(membership).Role.choices):
        raise TeamError(_("Choose a role: owner or editor."))
    if membership.role == role:
        return membership
    if membership.role == OWNER:
        _refuse_losing_last_owner(membership)
    membership.role = role
    _membership_with_author(membership, by).save()
    return membership


@transaction.atomic
def remove_member(membership, *, by) -> None:
    if membership.role == OWNER:
        _refuse_losing_last_owner(membership)
    _membership_with_author(membership, by).delete()
