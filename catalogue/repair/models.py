"""Independent repair places that staff enter, and the postcode centroids that distances are measured from."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifecycle.models import RepairService

POSTCODE = RegexValidator(r"^[0-9]{5}$", message=_("Enter a German postcode of five digits, for example 42651."))


class PostcodeArea(models.Model):
    """The centre of a German postcode area (GeoNames' table, loaded by ``manage.py load_postcodes``)."""

    postcode = models.CharField(_("postcode"), max_length=5, unique=True, validators=[POSTCODE])
    place = models.CharField(_("place"), max_length=200)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])

    class Meta:
        app_label = "catalogue"
        ordering = ["postcode"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")

    def __str__(self):
        return f"{self.postcode} {self.place}"


class RepairPlace(models.Model):
    """A grinder, repair café or cutler's shop outside the catalogue's makers, listed on the repair finder."""

    class Kind(models.TextChoices):
        GRINDER = "grinder", _("Independent grinder")
        REPAIR_CAFE = "repair_cafe", _("Repair café")
        SHOP = "shop", _("Cutler's shop")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Service types as RepairService offers them, comma-separated (a short, fixed vocabulary).
    services = models.CharField(_("services"), max_length=200)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, validators=[POSTCODE])
    city = models.CharField(_("city"), max_length=100)
    phone = RepairService._meta.get_field("phone").clone()
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.CharField(
        _("notes"), max_length=300, blank=True, help_text=_("Opening hours or how to hand in, in German.")
    )
    active = models.BooleanField(_("listed"), default=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        app_label = "catalogue"
        ordering = ["name"]
        verbose_name = _("repair place")
        verbose_name_plural = _("repair places")

    def __str__(self):
        return self.name

    @property
    def service_types(self) -> list[str]:
        return [part.strip() for part in self.services.split(",") if part.strip()]

    def clean(self):
        known = set(RepairService.ServiceType.values)
        unknown = [kind for kind in self.service_types if kind not in known]
        if unknown or not self.service_types:
            raise ValidationError(
                {
                    "services": _("Name at least one service, from: %(known)s.")
                    % {"known": ", ".join(RepairService.ServiceType.values)}
                }
            )
