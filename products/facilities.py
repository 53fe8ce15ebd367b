"""The Facility model: a maker's workshop or site, with its GS1 location number (ESPR Annex III (i))."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .identifiers import normalise_gln


def check_step_facility(step, maker_id: int | None) -> None:
    """A step's facility is one of the product maker's own sites, and never a supplier's step's."""
    if not step.facility_id:
        return
    if maker_id not in (None, step.facility.maker_id):
        raise ValidationError({"facility": _("Choose one of your own organisation's facilities.")})
    if step.performed_by == "supplier":  # SupplyChainStep.Performer.SUPPLIER (this module comes first)
        raise ValidationError({"facility": _("A facility is the maker's own site: leave it empty for a supplier.")})


class Facility(models.Model):
    """A site where the maker itself works; the supply-chain steps it performs there point at it."""

    maker = models.ForeignKey(
        "products.MakerOrganisation", on_delete=models.CASCADE, related_name="facilities", verbose_name=_("maker")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Forge, Grinding shop"))
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, default="DE", help_text=_("ISO 3166 code, e.g. DE"))
    gln = models.CharField(
        _("GLN"), max_length=13, blank=True, help_text=_("The GS1 Global Location Number of this site (13 digits).")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["maker", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["gln"], condition=~Q(gln=""), name="unique_facility_gln"),
            models.UniqueConstraint(fields=["maker", "name"], name="unique_facility_name"),
        ]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self):
        return f"{self.name} ({self.city})" if self.city else self.name

    def clean(self):
        errors = {}
        self.country = (self.country or "").strip().upper()
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            errors["country"] = _("Country should be a two-letter ISO 3166 code such as DE, not %(value)s.") % {
                "value": self.country
            }
        if self.gln:
            try:
                self.gln = normalise_gln(self.gln)
            except ValidationError as error:
                errors["gln"] = error.messages
        if errors:
            raise ValidationError(errors)

    @property
    def identifier(self) -> dict:
        """How the registry names this site: its GLN, or nothing when it has none."""
        return {"scheme": "gln", "value": self.gln} if self.gln else {}
