"""Access grants for the restricted part of passports, the restricted parts themselves and the log of their reads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessGrantQuerySet(models.QuerySet):
    def active(self, at=None):
        """Grants in force: not expired (the expiry day itself still counts) and not revoked."""
        today = timezone.localdate(at) if at is not None else timezone.localdate()
        return self.filter(expires_on__gte=today, revoked_at__isnull=True)


class AccessGrant(models.Model):
    """Staff let an organisation read the restricted part of every passport, in a role, until a date.

    A repairer, recycler or authority signs in like any other user: as a member of a retailer or a maker
    organisation (both have members, invitations and API tokens). The grant, not the kind of organisation,
    opens the restricted part, so an ordinary retailer without one never sees it.
    """

    class Role(models.TextChoices):
        REPAIRER = "repairer", _("Repairer")
        RECYCLER = "recycler", _("Recycler")
        AUTHORITY = "authority", _("Market-surveillance authority")

    retailer = models.ForeignKey(
        "catalogue.RetailerOrganisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_grants",
        verbose_name=_("retailer organisation"),
    )
    maker = models.ForeignKey(
        "products.MakerOrganisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_grants",
        verbose_name=_("maker organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    expires_on = models.DateField(_("expires on"), help_text=_("The grant holds until the end of this day."))
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why the organisation has a legitimate interest."))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = AccessGrantQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retailer__isnull=False, maker__isnull=True)
                | models.Q(retailer__isnull=True, maker__isnull=False),
                name="access_grant_one_organisation",
            )
        ]
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")

    def __str__(self):
        return f"{self.organisation}: {self.get_role_display()} ({self.expires_on})"

    @property
    def organisation(self):
        return self.retailer if self.retailer_id else self.maker

    def clean(self):
        if bool(self.retailer_id) == bool(self.maker_id):
            raise ValidationError({"retailer": _("Choose either a retailer or a maker organisation.")})


class RestrictedPartQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Restricted parts of published versions are immutable.")

    def delete(self):
        raise PermissionError("Restricted parts of published versions are immutable.")


class RestrictedPart(models.Model):
    """The fields of legitimate interest of one published version, frozen with it.

    The public snapshot holds this part's SHA-256 under ``restricted_part.sha256``, so the version's content
    hash covers it without publishing it; the salt inside makes the hash unguessable.
    """

    version = models.OneToOneField(
        "catalogue.PassportVersion",
        on_delete=models.PROTECT,
        related_name="restricted_part",
        verbose_name=_("passport version"),
    )
    content = models.JSONField(_("content"))
    content_hash = models.CharField(_("SHA-256"), max_length=64)

    objects = RestrictedPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("restricted part")
        verbose_name_plural = _("restricted parts")

    def __str__(self):
        return str(self.version)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Restricted parts of published versions are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Restricted parts of published versions are immutable.")


class RestrictedRead(models.Model):
    """Someone read a version's restricted part: who, for which organisation and grant, when, and where."""

    class Channel(models.TextChoices):
        PAGE = "page", _("Passport page")
        API = "api", _("API")

    version = models.ForeignKey(
        "catalogue.PassportVersion",
        on_delete=models.PROTECT,
        related_name="restricted_reads",
        verbose_name=_("passport version"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("user")
    )
    username = models.CharField(_("user name"), max_length=150)
    grant = models.ForeignKey(
        AccessGrant, null=True, on_delete=models.SET_NULL, related_name="reads", verbose_name=_("access grant")
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=10, choices=AccessGrant.Role.choices)
    channel = models.CharField(_("read through"), max_length=4, choices=Channel.choices)
    read_at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        ordering = ["-read_at", "-pk"]
        indexes = [models.Index(fields=["version", "read_at"], name="restricted_read_version")]
        verbose_name = _("restricted read")
        verbose_name_plural = _("restricted reads")

    def __str__(self):
        return f"{self.username} ({self.organisation_name}) {self.version} {self.read_at:%Y-%m-%d %H:%M}"
