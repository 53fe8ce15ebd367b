"""How long a product lives: durability, repairability, end of life and lifecycle events."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from products import limits
from products.models import EvidenceDocument, Product, ProductRow, ProductSection, percent_field


class Durability(ProductSection):
    """Warranty, expected lifetime, maintenance and refurbishment of a product."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="durability", verbose_name=_("product")
    )
    warranty_years = models.DecimalField(
        _("commercial warranty (years)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99"))],
    )
    lifetime_warranty = models.BooleanField(_("lifetime warranty"), default=False)
    expected_lifetime_years = models.PositiveSmallIntegerField(
        _("expected lifetime (years)"), null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    maintenance_instructions = limits.LimitedTextField(
        _("maintenance instructions"), max_length=limits.INSTRUCTIONS_MAX_LENGTH, blank=True
    )
    resharpenable = models.BooleanField(_("can be resharpened"), null=True, blank=True)
    resharpening_cycles = models.PositiveSmallIntegerField(
        _("how often it can be resharpened"),
        null=True,
        blank=True,
        help_text=_("Approximate number of professional resharpenings over its life."),
    )
    refurbishable = models.BooleanField(_("can be refurbished"), null=True, blank=True)

    class Meta:
        verbose_name = _("durability")
        verbose_name_plural = _("durability")

    def clean(self):
        if self.resharpenable is False and self.resharpening_cycles:
            raise ValidationError({"resharpening_cycles": _("Leave this empty, or mark the product as resharpenable.")})


class DurabilityTest(ProductRow):
    """A tested durability property, e.g. sharpness or edge retention after ISO 8442-5."""

    class Property(models.TextChoices):
        SHARPNESS = "sharpness", _("Initial sharpness")
        EDGE_RETENTION = "edge_retention", _("Edge retention")
        CORROSION = "corrosion", _("Corrosion resistance")
        HARDNESS = "hardness", _("Hardness")
        DISHWASHER = "dishwasher", _("Dishwasher resistance")
        MECHANICAL = "mechanical", _("Mechanical strength")
        OTHER = "other", _("Other")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="durability_tests", verbose_name=_("product")
    )
    property = models.CharField(_("tested property"), max_length=20, choices=Property.choices)
    method = models.CharField(_("method / standard"), max_length=120, blank=True, help_text=_("e.g. ISO 8442-5"))
    result = models.CharField(_("result"), max_length=200, help_text=_("e.g. ICP 115 mm, CEP 620 mm"))
    evidence = models.ForeignKey(
        EvidenceDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="durability_tests",
        verbose_name=_("evidence"),
    )

    class Meta(ProductRow.Meta):
        verbose_name = _("durability test")
        verbose_name_plural = _("durability tests")

    def __str__(self):
        return f"{self.get_property_display()}: {self.result}"

    def clean(self):
        if self.evidence_id and self.product_id and self.evidence.product_id != self.product_id:
            raise ValidationError({"evidence": _("Choose evidence that belongs to this product.")})


class Repairability(ProductSection):
    """Repair parameters after EN 45554 and the French repairability index."""

    class Documentation(models.TextChoices):
        PUBLIC = "public", _("Public")
        PROFESSIONALS = "professionals", _("Professionals only")
        NONE = "none", _("None")

    class Fasteners(models.TextChoices):
        REUSABLE = "reusable", _("Reusable (e.g. screws)")
        REMOVABLE = "removable", _("Removable (e.g. clips)")
        NOT_REMOVABLE = "not_removable", _("Not removable (e.g. glued, riveted)")

    class Tools(models.TextChoices):
        NONE = "none", _("No tools")
        BASIC = "basic", _("Basic tools")
        PRODUCT_SPECIFIC = "product_specific", _("Product-specific tools")
        PROPRIETARY = "proprietary", _("Proprietary tools")

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="repairability", verbose_name=_("product")
    )
    documentation = models.CharField(
        _("repair documentation"), max_length=15, choices=Documentation.choices, blank=True
    )
    documentation_url = models.URLField(_("link to repair documentation"), blank=True)
    disassembly_steps = models.PositiveSmallIntegerField(
        _("disassembly steps"),
        null=True,
        blank=True,
        help_text=_("Steps needed to reach the part that most often needs replacing."),
    )
    fasteners = models.CharField(_("fasteners"), max_length=15, choices=Fasteners.choices, blank=True)
    tools = models.CharField(_("tools needed"), max_length=20, choices=Tools.choices, blank=True)
    # For repairers with a grant only (catalogue.dpp.access: legitimate interest), never on the public page.
    professional_manual_url = models.URLField(
        _("professional repair manual"),
        blank=True,
        help_text=_("Link to the manual for professional repairers; only organisations with a grant read it."),
    )
    disassembly_notes = models.TextField(
        _("disassembly details"),
        max_length=2000,
        blank=True,
        help_text=_("How to take the product apart (order, tools, torques); only organisations with a grant read it."),
    )

    class Meta:
        verbose_name = _("repairability")
        verbose_name_plural = _("repairability")

    def clean(self):
        if self.documentation == self.Documentation.PUBLIC and not self.documentation_url:
            raise ValidationError({"documentation_url": _("Give the link where the public repair documentation is.")})


class SparePart(ProductRow):
    """A spare part the maker supplies."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="spare_parts", verbose_name=_("product")
    )
    name = models.CharField(_("spare part"), max_length=120)
    years_available = models.PositiveSmallIntegerField(
        _("available for (years)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    delivery_days = models.PositiveSmallIntegerField(_("delivery time (days)"), null=True, blank=True)
    price_percent_of_product = percent_field(_("price as % of the product price"))
    # Who repairers order the part from: for organisations with a grant only (legitimate interest).
    supplier_contact = models.CharField(
        _("spare-part supplier contact"),
        max_length=200,
        blank=True,
        help_text=_("Name, e-mail or phone of the part's supplier; only organisations with a grant read it."),
    )

    class Meta(ProductRow.Meta):
        verbose_name = _("spare part")
        verbose_name_plural = _("spare parts")


class RepairService(ProductRow):
    """A repair service offered for the product, e.g. resharpening or a new handle."""

    class ServiceType(models.TextChoices):
        RESHARPENING = "resharpening", _("Resharpening")
        NEW_HANDLE = "new_handle", _("New handle")
        GENERAL_REPAIR = "general_repair", _("General repair")
        REFURBISHMENT = "refurbishment", _("Refurbishment")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="repair_services", verbose_name=_("product")
    )
    service_type = models.CharField(_("service"), max_length=20, choices=ServiceType.choices)
    provider = models.CharField(_("provider"), max_length=200, blank=True, help_text=_("Empty when it is the maker."))
    price_eur = models.DecimalField(
        _("price (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    # How a customer reaches the service; empty where the maker's own contact applies.
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()/-]{4,28}$",
                message=_("Enter a phone number of digits, spaces and + ( ) / -, for example +49 212 123456."),
            )
        ],
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta(ProductRow.Meta):
        verbose_name = _("repair service")
        verbose_name_plural = _("repair services")

    def __str__(self):
        return self.get_service_type_display()


class EndOfLife(ProductSection):
    """Take-back, recyclability and disposal."""

    class Separability(models.TextChoices):
        EASY = "easy", _("Easy: by hand, without tools")
        MODERATE = "moderate", _("Moderate: with basic tools")
        HARD = "hard", _("Hard: materials are bonded")

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="end_of_life", verbose_name=_("product")
    )
    take_back_offered = models.BooleanField(_("take-back offered"), null=True, blank=True)
    take_back_details = models.CharField(_("take-back details"), max_length=200, blank=True)
    recyclable_share_percent = percent_field(_("recyclable share (%)"))
    separability = models.CharField(_("material separability"), max_length=10, choices=Separability.choices, blank=True)
    disposal_instructions = limits.LimitedTextField(
        _("disposal instructions"), max_length=limits.INSTRUCTIONS_MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("end of life")
        verbose_name_plural = _("end of life")

    def clean(self):
        if self.take_back_offered is not True and self.take_back_details:
            raise ValidationError({"take_back_offered": _("Tick take-back when you describe a take-back offer.")})


class LifecycleEvent(models.Model):
    """Something that happened to the product after sale: a repair, resharpening or refurbishment."""

    class EventType(models.TextChoices):
        REPAIR = "repair", _("Repair")
        RESHARPENING = "resharpening", _("Resharpening")
        REFURBISHMENT = "refurbishment", _("Refurbishment")
        RECALL = "recall", _("Recall")
        OTHER = "other", _("Other")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="lifecycle_events", verbose_name=_("product")
    )
    event_type = models.CharField(_("event"), max_length=20, choices=EventType.choices)
    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    performed_by = models.CharField(_("performed by"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("lifecycle event")
        verbose_name_plural = _("lifecycle events")

    def __str__(self):
        return f"{self.get_event_type_display()} {self.date}"
