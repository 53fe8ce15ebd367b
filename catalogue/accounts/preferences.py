"""A user's own settings: the language mails are written in, and which regular mails they want."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class AccountPreferences(models.Model):
    """One user's preferences; a user without a row has the defaults (German, every mail)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences", verbose_name=_("user")
    )
    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    reprint_digest = models.BooleanField(
        _("reprint digest"), default=True, help_text=_("An e-mail listing the passports that need a reprint.")
    )
    last_digest_at = models.DateTimeField(_("last reprint digest"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("account preferences")
        verbose_name_plural = _("account preferences")

    def __str__(self):
        return str(self.user)


def language_of(user) -> str:
    """The language to write to ``user`` in: their saved choice, else the site's default (German)."""
    language = (
        AccountPreferences.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
        if user is not None and user.pk
        else None
    )
    return language or settings.LANGUAGE_CODE


def remember_language(user, language: str | None = None) -> None:
    """Save ``language`` (default: the active one) as the language ``user`` is written to in."""
    language = translation.get_supported_language_variant(language or translation.get_language())
    AccountPreferences.objects.update_or_create(user=user, defaults={"language": language})


def save_preferences(user, *, language: str, reprint_digest: bool) -> AccountPreferences:
    """Save the choices ``user`` made on their preferences page; the digest's bookkeeping stays as it was."""
    preferences, _created = AccountPreferences.objects.update_or_create(
        user=user,
        defaults={"language": translation.get_supported_language_variant(language), "reprint_digest": reprint_digest},
    )
    return preferences
