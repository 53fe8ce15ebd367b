"""The text of the legal pages, which staff edit in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalPage(models.Model):
    """One legal page in German and English: plain text, blank lines between paragraphs, never HTML."""

    class Slug(models.TextChoices):
        IMPRESSUM = "impressum", _("Legal notice (Impressum)")
        PRIVACY = "datenschutz", _("Privacy policy (Datenschutz)")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement (Barrierefreiheit)")

    slug = models.SlugField(_("page"), choices=Slug.choices, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_de = models.TextField(
        _("text (German)"), help_text=_("Plain text. A blank line starts a new paragraph; HTML is shown as text.")
    )
    body_en = models.TextField(
        _("text (English)"), help_text=_("Plain text. A blank line starts a new paragraph; HTML is shown as text.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        app_label = "catalogue"
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["slug"]

    def __str__(self):
        return self.get_slug_display()

    def clean(self):
        for field in ("title_de", "title_en", "body_de", "body_en"):
            if not getattr(self, field, "").strip():
                raise ValidationError({field: _("This text may not be empty.")})

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_de

    def body(self, language: str) -> str:
        return self.body_en if language == "en" else self.body_de

    def paragraphs(self, language: str) -> list[list[str]]:
        """The text as paragraphs of lines; the template escapes each line, so the database never supplies HTML."""
        blocks = [block for block in self.body(language).replace("\r\n", "\n").split("\n\n") if block.strip()]
        return [[line.strip() for line in block.strip().split("\n")] for block in blocks]
