"""Invitations into a maker's or a retailer's team: one-time links sent by e-mail, valid for seven days."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALID_FOR = timedelta(days=7)


def hash_token(token: str) -> str:
    """What is stored of a token: its SHA-256. The token is 43 random characters, so no salt is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + INVITATION_VALID_FOR


class Invitation(models.Model):
    """An invitation of one e-mail address into one organisation with a role; it works once.

    The link in the mail carries the token; only its hash is stored, so that the table alone opens no account.
    """

    class Kind(models.TextChoices):
        MAKER = "maker", _("Maker")
        RETAILER = "retailer", _("Retailer")

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REVOKED = "revoked", _("revoked")
        EXPIRED = "expired", _("expired")

    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("kind of organisation"), max_length=10, choices=Kind.choices)
    maker = models.ForeignKey(
        "products.MakerOrganisation",
        verbose_name=_("maker organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    retailer = models.ForeignKey(
        "catalogue.RetailerOrganisation",
        verbose_name=_("retailer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    new_organisation = models.BooleanField(
        _("new organisation"),
        default=False,
        help_text=_("Staff created the organisation together with this invitation of its owner."),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    language = models.CharField(
        _("language of the e-mail"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                name="invitation_names_one_organisation_of_its_kind",
                condition=(Q(kind="maker", maker__isnull=False, retailer__isnull=True))
                | Q(kind="retailer", retailer__isnull=False, maker__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation} ({self.get_role_display()})"

    def clean(self):
        wanted, other = ("maker", "retailer") if self.kind == self.Kind.MAKER else ("retailer", "maker")
        if getattr(self, f"{wanted}_id") is None:
            raise ValidationError({wanted: _("Choose the organisation the invitation is for.")})
        if getattr(self, f"{other}_id") is not None:
            raise ValidationError({other: _("An invitation is for one organisation only.")})

    @property
    def organisation(self):
        return self.maker if self.kind == self.Kind.MAKER else self.retailer

    def matches(self, token: str) -> bool:
        return hash_token(token) == self.token_hash

    def state_at(self, moment) -> str:
        """Pending, accepted, revoked or expired at ``moment``; an accepted or revoked one stays so."""
        if self.accepted_at is not None:
            return self.State.ACCEPTED
        if self.revoked_at is not None:
            return self.State.REVOKED
        if moment >= self.expires_at:
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def state(self) -> str:
        return self.state_at(timezone.now())

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
