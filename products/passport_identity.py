"""Identifier fields of the DPP (ESPR Annex III (b), (d), (g)-(i)): the maker's EORI and GLN, a product's
commodity code and passport granularity; abstract bases of MakerOrganisation and Product."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .identifiers import normalise_commodity_code, normalise_eori, normalise_gln


def normalise_fields(instance, normalisers: dict) -> None:
    """Normalise each filled-in field with its function; ValidationError naming every field that is wrong."""
    errors = {}
    for name, normalise in normalisers.items():
        if getattr(instance, name):
            try:
                setattr(instance, name, normalise(getattr(instance, name)))
            except ValidationError as error:
                errors[name] = error.messages
    if errors:
        raise ValidationError(errors)


class OperatorIdentifiers(models.Model):
    """The economic operator's identifiers (Reg. 2026/1778 Art. 8); staff enter them, each unique when set."""

    eori = models.CharField(
        _("EORI number"), max_length=17, blank=True, help_text=_("Economic Operators Registration and Identification")
    )
    gln = models.CharField(
        _("GLN"), max_length=13, blank=True, help_text=_("The GS1 Global Location Number of the company (13 digits).")
    )

    class Meta:
        abstract = True

    def clean_operator_identifiers(self) -> None:
        normalise_fields(self, {"eori": normalise_eori, "gln": normalise_gln})

    @property
    def operator_identifier(self) -> dict | None:
        """The operator's identifier for the registry: the EORI when there is one, else the GLN, else None."""
        if self.eori:
            return {"scheme": "eori", "value": self.eori}
        if self.gln:
            return {"scheme": "gln", "value": self.gln}
        return None


class CategoryCommodityCode(models.Model):
    """A category's commodity code, which its products and child categories inherit."""

    commodity_code = models.CharField(
        _("commodity code (CN/TARIC)"),
        max_length=10,
        blank=True,
        help_text=_(
            "8 or 10 digits, e.g. 82119200 for knives with fixed blades; inherited from the parent when empty."
        ),
    )

    class Meta:
        abstract = True


class PassportIdentity(models.Model):
    """A product's commodity code (overriding its category's) and what one passport stands for."""

    class Granularity(models.TextChoices):
        """ESPR Art. 9(2)(d), 10(1)(f): every unit of a model, a batch, or one item."""

        MODEL = "model", _("Model")
        BATCH = "batch", _("Batch")
        ITEM = "item", _("Item")

    commodity_code = models.CharField(
        _("commodity code (CN/TARIC)"),
        max_length=10,
        blank=True,
        help_text=_("8 or 10 digits; leave empty to use the category's code."),
    )
    granularity = models.CharField(
        _("passport granularity"),
        max_length=5,
        choices=Granularity.choices,
        default=Granularity.MODEL,
        # Blank allowed so that forms, imports and API writes that do not name it keep the default (see save()).
        blank=True,
        help_text=_("Whether this passport describes every unit of the model, one batch or one item."),
    )

    class Meta:
        abstract = True

    def clean_passport_identity(self) -> None:
        normalise_fields(self, {"commodity_code": normalise_commodity_code})

    def default_passport_identity(self) -> None:
        if not self.granularity:
            self.granularity = self.Granularity.MODEL

    @property
    def effective_commodity_code(self) -> str:
        """The product's own commodity code, else its category's (inherited up the tree), else empty."""
        return self.commodity_code or (self.category.inherited("commodity_code") if self.category_id else "") or ""
