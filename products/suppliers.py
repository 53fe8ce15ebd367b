"""The Supplier model: a maker organisation's directory entry for a supplier its supply-chain steps pick."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The fields a step copies from its supplier: where the work is done, and whether the name may be shown.
PLACE_FIELDS = ("city", "postcode", "country")


class Supplier(models.Model):
    """A supplier of one maker organisation, with its place and contacts; only the organisation sees it.

    Contact details never leave the workspace. A step that picks the supplier copies its name, place
    and the confidential flag (``SupplyChainStep.take_from_supplier``), so that the snapshot, the score
    and the public pages read the step alone, as they do for a step without a supplier.
    """

    organisation = models.ForeignKey(
        "products.MakerOrganisation", on_delete=models.CASCADE, related_name="suppliers", verbose_name=_("maker")
    )
    name = models.CharField(_("name"), max_length=200)
    name_confidential = models.BooleanField(
        _("name confidential"),
        default=False,
        help_text=_("A confidential supplier name is never published; its place still is."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. DE"))
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_supplier_name")]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.country = (self.country or "").strip().upper()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        self.name = (self.name or "").strip()
        self.country = (self.country or "").strip().upper()
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            errors["country"] = _("Country should be a two-letter ISO 3166 code such as DE, not %(value)s.") % {
                "value": self.country
            }
        if (self.city or self.postcode) and not self.country:
            errors["country"] = _("Give the country of this place as a two-letter code such as DE.")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # Django's text for the constraint names no field; the maker needs to see which one, and why.
        taken = Supplier.objects.filter(organisation_id=self.organisation_id, name__iexact=self.name)
        if self.organisation_id and "name" not in (exclude or ()) and taken.exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("Your directory already has a supplier of this name.")})
        super().validate_constraints(exclude=exclude)

    @property
    def place(self) -> dict:
        return {name: getattr(self, name) for name in PLACE_FIELDS}
