"""Reads of teams: an invitation by its token, a team's members, invitations and history, who owns what."""

import re
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import RetailerMembership, RetailerOrganisation
from products.models import MakerMembership, MakerOrganisation

from .models import Invitation, hash_token

OWNER = "owner"
HISTORY_LENGTH = 50
# What secrets.token_urlsafe(32) makes; anything else is refused before the database is asked.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def membership_model_for(organisation):
    """MakerMembership for a maker organisation, RetailerMembership for a retailer."""
    if isinstance(organisation, MakerOrganisation):
        return MakerMembership
    if isinstance(organisation, RetailerOrganisation):
        return RetailerMembership
    raise TypeError(f"not an organisation: {organisation!r}")


def invitation_kind_of(organisation) -> str:
    return Invitation.Kind.MAKER if isinstance(organisation, MakerOrganisation) else Invitation.Kind.RETAILER


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation this link's token opens, in any state; None for a token no invitation has."""
    if not TOKEN_PATTERN.fullmatch(token or ""):
        return None
    return (
        Invitation.objects.select_related("maker", "retailer", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def account_with_email(email: str):
    """The account that has this e-mail address (its own or a verified allauth address), or None."""
    user_model = get_user_model()
    return (
        user_model.objects.filter(
            Q(email__iexact=email) | Q(pk__in=EmailAddress.objects.filter(email__iexact=email).values("user_id"))
        )
        .order_by("pk")
        .first()
    )


def owns_an_organisation(user) -> bool:
    """Whether the user is an owner of a maker or a retailer (who alone manage teams, data and tokens)."""
    if not user.is_authenticated:
        return False
    return (
        MakerMembership.objects.filter(user=user, role=OWNER).exists()
        or RetailerMembership.objects.filter(user=user, role=OWNER).exists()
    )


@dataclass
class HistoryEntry:
    """One membership change: who changed whose membership, when, and to what."""

    when: object
    author: object
    member: object
    action: str
    role: str


HISTORY_ACTIONS = {"+": _("joined as"), "~": _("role changed to"), "-": _("removed, was")}


@dataclass
class Team:
    """What the team page shows of one organisation, read in a fixed number of queries."""

    organisation: object
    kind: str
    members: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    history: list = field(default_factory=list)
    viewer_membership: object = None

    @property
    def viewer_is_owner(self) -> bool:
        return self.viewer_membership is not None and self.viewer_membership.role == OWNER

    @property
    def owner_count(self) -> int:
        return sum(member.role == OWNER for member in self.members)


def members_of(organisation):
    return (
        membership_model_for(organisation)
        .objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__username", "pk")
    )


def pending_invitations(organisation):
    kind = invitation_kind_of(organisation)
    return (
        Invitation.objects.filter(**{kind: organisation}, accepted_at=None, revoked_at=None)
        .filter(expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at", "-pk")
    )


def membership_history(organisation, limit: int = HISTORY_LENGTH) -> list[HistoryEntry]:
    """The organisation's latest membership changes, newest first (one query)."""
    records = (
        membership_model_for(organisation)
        .history.filter(organisation_id=organisation.pk)
        .select_related("history_user", "user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    return [
        HistoryEntry(
            when=record.history_date,
            author=record.history_user,
            member=record.user,
            action=HISTORY_ACTIONS[record.history_type],
            role=record.get_role_display(),
        )
        for record in records
    ]


def team_of(organisation, viewer) -> Team:
    """The organisation's team as ``viewer`` (a member) sees it; only owners see invitations and history."""
    members = list(members_of(organisation))
    viewer_membership = next((member for member in members if member.user_id == viewer.pk), None)
    team = Team(
        organisation=organisation,
        kind=invitation_kind_of(organisation),
        members=members,
        viewer_membership=viewer_membership,
    )
    if team.viewer_is_owner:
        team.invitations = list(pending_invitations(organisation))
        team.history = membership_history(organisation)
    return team


def membership_in(organisation, pk: int):
    """A membership of this organisation only; another organisation's is None, as if it did not exist."""
    return (
        membership_model_for(organisation)
        .objects.filter(organisation=organisation, pk=pk)
        .select_related("user")
        .first()
    )


def invitation_in(organisation, pk: int) -> Invitation | None:
    return Invitation.objects.filter(**{invitation_kind_of(organisation): organisation}, pk=pk).first()
