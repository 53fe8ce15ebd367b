"""Maker organisations, categories, products and what they are made of and where."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import evidence_files, limits, parts
from .facilities import check_step_facility
from .identifiers import format_passport_code, generate_passport_code, normalise_commodity_code, normalise_gtin
from .passport_identity import CategoryCommodityCode, OperatorIdentifiers, PassportIdentity, normalise_fields
from .regions import Region, derive_region

# Long enough for what to fix and why; the maker reads it on the product page and in the mail.
REJECTION_REASON_MAX_LENGTH = 2000
PERCENT_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


def percent_field(verbose_name, **kwargs):
    """A 0–100 percentage; NULL means the maker has not disclosed it."""
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
        **kwargs,
    )


class NamedModel(models.Model):
    """Base of the models that are shown by their name."""

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.name)


class MembershipModel(models.Model):
    """Base of a user's role in an organisation: a maker's here, a retailer's in the catalogue.

    Every change (joined, role changed, removed) is kept in the history with its author.
    """

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.role})"


class ProductRow(NamedModel):
    """Base of the rows that belong to one product: kept in entry order, each change in the history."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["pk"]


class ProductSection(models.Model):
    """Base of a product's one-to-one sections (durability, repairability, end of life), each change in the history."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{capfirst(self._meta.verbose_name)}: {self.product}"


class MakerOrganisation(OperatorIdentifiers, NamedModel):
    """A local manufacturer that enters and publishes products."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = limits.LimitedTextField(_("description"), max_length=limits.DESCRIPTION_MAX_LENGTH, blank=True)
    website = models.URLField(_("website"), blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, default="DE", help_text=_("ISO 3166 code, e.g. DE"))
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["eori"], condition=~models.Q(eori=""), name="unique_maker_eori"),
            models.UniqueConstraint(fields=["gln"], condition=~models.Q(gln=""), name="unique_maker_gln"),
        ]
        verbose_name = _("maker organisation")
        verbose_name_plural = _("maker organisations")

    def get_absolute_url(self):
        return reverse("catalogue:maker-detail", args=[self.slug])

    def clean(self):
        self.clean_operator_identifiers()


class MakerMembership(MembershipModel):
    """A user's role in a maker organisation."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="maker_memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        MakerOrganisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("maker")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_maker_membership")]
        verbose_name = _("maker membership")
        verbose_name_plural = _("maker memberships")


class Category(CategoryCommodityCode, NamedModel):
    """A node of the category tree with the reference data scoring compares against."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent category"),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    reference_lifetime_years = models.PositiveSmallIntegerField(
        _("reference lifetime (years)"),
        null=True,
        blank=True,
        help_text=_("Typical lifetime of a good product of this category; inherited from the parent when empty."),
    )
    reference_warranty_years = models.PositiveSmallIntegerField(
        _("reference warranty (years)"),
        null=True,
        blank=True,
        help_text=_("Warranty that earns full points; inherited from the parent when empty."),
    )
    resharpenable = models.BooleanField(
        _("blades that can be resharpened"),
        default=False,
        help_text=_("Whether resharpening is a relevant repair for this category."),
    )
    solingen_covered = models.BooleanField(
        _("cutlery under the Solingen regulation"),
        null=True,
        blank=True,
        help_text=_(
            "Whether products of this category are cutlery (Schneidwaren) that SolingenV 1994 covers; "
            "inherited from the parent when unknown. Without it, the designation “Solingen” does not apply."
        ),
    )
    essential_stages = models.JSONField(
        _("essential manufacturing stages"),
        default=list,
        blank=True,
        help_text=_(
            "The stages that must be disclosed and happen in Solingen or Haan for the designation “Solingen” "
            "(SolingenV § 1); inherited from the parent when none is chosen."
        ),
    )

    class EssentialStage(models.TextChoices):
        """Stages SolingenV § 1 can count as essential; raw material and packaging never are."""

        FORMING = "forming", _("Forging or stamping")
        HARDENING = "hardening", _("Hardening")
        GRINDING = "grinding", _("Grinding")
        HANDLE_MAKING = "handle_making", _("Handle making")
        ASSEMBLY = "assembly", _("Assembly")
        FINISHING = "finishing", _("Finishing / sharpening")

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "de").startswith("en") else self.name_de

    def clean(self):
        node = self.parent
        while node is not None:
            if node.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A category cannot be its own ancestor.")})
            node = node.parent
        stages = self.essential_stages
        if not isinstance(stages, list) or any(stage not in self.EssentialStage.values for stage in stages):
            raise ValidationError(
                {
                    "essential_stages": _("Choose essential stages from: %(choices)s.")
                    % {"choices": ", ".join(self.EssentialStage.values)}
                }
            )
        normalise_fields(self, {"commodity_code": normalise_commodity_code})
        self.essential_stages = [stage for stage in self.EssentialStage.values if stage in stages]

    def inherited(self, field: str):
        """Value of a reference field, walking up the tree until one is set (an empty list counts as unset)."""
        node = self
        while node is not None:
            value = getattr(node, field)
            if value is not None and value != [] and value != "":
                return value
            node = node.parent
        return None


class ProductQuerySet(models.QuerySet):
    """The read vocabulary of products, defined once for every reader."""

    def public(self):
        """Products whose passport is public: published, or withdrawn (readable behind a banner)."""
        return self.filter(status__in=Product.PUBLIC_STATUSES)

    def with_parts(self):
        """Products with maker, category and every registered part, in a constant number of queries."""
        sections = [part.name for part in parts.sections()]
        lists = []
        for part in parts.lists():
            rows = part.model.objects.order_by(part.order_field, "pk") if part.order_field else None
            lists.append(models.Prefetch(part.name, queryset=rows) if rows is not None else part.name)
            # Rows that point at other rows (a test at its evidence) bring those along.
            lists += [f"{part.name}__{name}" for name in part.fields if part.model._meta.get_field(name).is_relation]
        return self.select_related("maker", "category", *sections).prefetch_related(*lists, "evidence")


class Product(PassportIdentity, NamedModel):
    """A product of a maker, with its identity and everything needed for its passport."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # A withdrawn passport keeps every URL readable; only a draft that was never published is not public.
    PUBLIC_STATUSES = (Status.PUBLISHED.value, Status.WITHDRAWN.value)

    maker = models.ForeignKey(
        MakerOrganisation, on_delete=models.PROTECT, related_name="products", verbose_name=_("maker")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="products", verbose_name=_("category")
    )
    name = models.CharField(_("name"), max_length=200)
    description = limits.LimitedTextField(_("description"), max_length=limits.DESCRIPTION_MAX_LENGTH, blank=True)
    model_number = models.CharField(_("model number"), max_length=60, blank=True)
    gtin = models.CharField(
        _("GTIN / EAN"),
        max_length=14,
        unique=True,
        null=True,
        blank=True,
        help_text=_("8, 12, 13 or 14 digits; stored as 14 digits."),
    )
    passport_code = models.CharField(_("passport code"), max_length=8, unique=True, editable=False)
    price_eur = models.DecimalField(
        _("retail price (EUR)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    mass_g = models.PositiveIntegerField(_("mass (g)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    # Whether publishing now would make a new version: kept by catalogue.passports.drafts after every change
    # and by publishing, so that lists and filters read a column instead of building a snapshot per product.
    has_unpublished_changes = models.BooleanField(_("unpublished changes"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["has_unpublished_changes"])

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [
            # The catalogue's revision counts withdrawn products for every kept page: 200 ms at a million without it.
            models.Index(fields=["status"], name="product_withdrawn", condition=models.Q(status="withdrawn")),
            # A maker's products by name (the API's and workspace's lists): a page read from it, not a sort of all.
            models.Index(fields=["maker", "name", "id"], name="product_maker_name"),
        ]

    def save(self, *args, **kwargs):
        if not self.passport_code:
            self.passport_code = self._unused_passport_code()
        if not self.gtin:
            self.gtin = None
        self.default_passport_identity()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("products:product-detail", args=[self.pk])

    @property
    def passport_code_display(self) -> str:
        return format_passport_code(self.passport_code)

    def clean(self):
        if self.gtin:
            try:
                self.gtin = normalise_gtin(self.gtin)
            except ValidationError as error:
                raise ValidationError({"gtin": error.messages}) from error
        else:
            self.gtin = None
        self.clean_passport_identity()

    @classmethod
    def _unused_passport_code(cls) -> str:
        while True:
            code = generate_passport_code()
            if not cls.objects.filter(passport_code=code).exists():
                return code


class ProductVariant(models.Model):
    """A variant of a product (size, handle colour, …), optionally with its own GTIN."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants", verbose_name=_("product"))
    code = models.CharField(_("variant code"), max_length=20)
    name = models.CharField(_("variant name"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["product", "code"], name="unique_variant_code")]
        verbose_name = _("variant")
        verbose_name_plural = _("variants")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Material(ProductRow):
    """One material of the product's composition."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="materials", verbose_name=_("product"))
    name = models.CharField(_("material"), max_length=120, help_text=_("e.g. X50CrMoV15 stainless steel, olive wood"))
    part = models.CharField(_("used in"), max_length=120, blank=True, help_text=_("e.g. blade, handle, rivets"))
    mass_g = models.DecimalField(
        _("mass (g)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    share_percent = percent_field(_("share of mass (%)"))
    recycled_content_percent = percent_field(_("recycled content (%)"))
    renewable = models.BooleanField(_("renewable origin"), null=True, blank=True)
    recyclable = models.BooleanField(_("recyclable"), null=True, blank=True)
    substances_of_concern = models.CharField(
        _("substances of concern"),
        max_length=200,
        blank=True,
        help_text=_("SVHC under REACH, if any; write 'none' when there are none."),
    )
    # Shown only to repairers, recyclers and authorities with a grant (catalogue.dpp.access: legitimate interest).
    substance_concentration = models.CharField(
        _("concentration of the substances of concern"),
        max_length=200,
        blank=True,
        help_text=_("e.g. lead 0.08 % w/w in the brass rivets; only organisations with a grant read it."),
    )

    class Meta(ProductRow.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    @property
    def has_substances_of_concern(self) -> bool | None:
        text = self.substances_of_concern.strip().lower()
        if not text:
            return None
        return text not in {"none", "keine", "-", "no", "nein"}


class Component(ProductRow):
    """A component of the product, and whether it can be replaced."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="components", verbose_name=_("product"))
    name = models.CharField(_("component"), max_length=120)
    replaceable = models.BooleanField(_("replaceable"), null=True, blank=True)
    spare_part_available = models.BooleanField(_("spare part available"), null=True, blank=True)

    class Meta(ProductRow.Meta):
        verbose_name = _("component")
        verbose_name_plural = _("components")


class SupplyChainStep(models.Model):
    """One manufacturing step: what was done, by whom and where."""

    class StepType(models.TextChoices):
        RAW_MATERIAL = "raw_material", _("Raw material")
        FORGING = "forging", _("Forging")
        STAMPING = "stamping", _("Stamping / cutting")
        HARDENING = "hardening", _("Hardening")
        GRINDING = "grinding", _("Grinding")
        HANDLE_MAKING = "handle_making", _("Handle making")
        ASSEMBLY = "assembly", _("Assembly")
        FINISHING = "finishing", _("Finishing / sharpening")
        PACKAGING = "packaging", _("Packaging")
        OTHER = "other", _("Other")

    class Performer(models.TextChoices):
        MAKER = "maker", _("The maker itself")
        SUPPLIER = "supplier", _("A supplier")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="supply_chain_steps", verbose_name=_("product")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    step_type = models.CharField(_("step"), max_length=20, choices=StepType.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    performed_by = models.CharField(_("performed by"), max_length=10, choices=Performer.choices, blank=True)
    # From the organisation's directory: its name, place and confidential flag are copied into the step.
    supplier = models.ForeignKey(
        "products.Supplier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steps",
        verbose_name=_("supplier from your directory"),
        help_text=_("Name, place and confidentiality are taken from the supplier directory."),
    )
    supplier_name = models.CharField(_("supplier name"), max_length=200, blank=True)
    supplier_confidential = models.BooleanField(
        _("supplier name confidential"),
        default=False,
        help_text=_("A confidential supplier name is never published."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. DE"))
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True, editable=False)
    # Where the maker itself did the step: one of its own sites (products.facilities).
    facility = models.ForeignKey(
        "products.Facility",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steps",
        verbose_name=_("facility"),
        help_text=_("The maker's own site where this step was done."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("supply-chain step")
        verbose_name_plural = _("supply-chain steps")

    def __str__(self):
        return self.get_step_type_display()

    def save(self, *args, **kwargs):
        self.take_from_supplier()
        self.country = (self.country or "").strip().upper()
        self.region = derive_region(self.city, self.postcode, self.country) if self.country else ""
        super().save(*args, **kwargs)

    def take_from_supplier(self) -> None:
        """Copy the chosen supplier's name, place and confidential flag into the step (nothing without one)."""
        supplier = self.supplier if self.supplier_id else None
        if supplier is None:
            return
        self.performed_by = self.Performer.SUPPLIER
        self.supplier_name = supplier.name
        self.supplier_confidential = supplier.name_confidential
        for name in PLACE_FIELDS:
            setattr(self, name, getattr(supplier, name))

    def clean(self):
        errors = {}
        if self.supplier_id and self._product_maker_id() not in (None, self.supplier.organisation_id):
            raise ValidationError({"supplier": _("Choose a supplier from your own organisation's directory.")})
        check_step_facility(self, self._product_maker_id())
        self.take_from_supplier()
        self.country = (self.country or "").strip().upper()
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            errors["country"] = _("Country should be a two-letter ISO 3166 code such as DE, not %(value)s.") % {
                "value": self.country
            }
        if self.performed_by == self.Performer.SUPPLIER and not self.supplier_name.strip():
            errors["supplier_name"] = _("Name the supplier (you can mark the name as confidential).")
        if (self.city or self.postcode) and not self.country:
            errors["country"] = _("Give the country of this place as a two-letter code such as DE.")
        if errors:
            raise ValidationError(errors)

    def _product_maker_id(self) -> int | None:
        # The writer attaches the (maybe unsaved) product before validating, so a new row knows its maker too.
        product = self.product if self.product_id or "product" in self._state.fields_cache else None
        return product.maker_id if product is not None else None

    @property
    def is_disclosed(self) -> bool:
        """Who and where are both known."""
        return bool(self.performed_by and self.country)


class EvidenceDocument(ProductRow):
    """A document or link that backs a claim; staff approve or reject it (approved is ``verified``)."""

    class ReviewStatus(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    # What a decision writes; saved together, so that ``verified`` never disagrees with the status.
    REVIEW_FIELDS = (
        "review_status",
        "rejection_reason",
        "reviewed_by",
        "reviewed_at",
        "verified",
        "verified_by",
        "verified_at",
    )

    class Claim(models.TextChoices):
        DURABILITY = "durability", _("Durability / tests")
        WARRANTY = "warranty", _("Warranty")
        REPAIR = "repair", _("Repair information")
        SUPPLY_CHAIN = "supply_chain", _("Supply chain")
        MATERIALS = "materials", _("Materials / recycled content")
        END_OF_LIFE = "end_of_life", _("End of life / take-back")
        OTHER = "other", _("Other")

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("product"))
    title = models.CharField(_("title"), max_length=200)
    claim = models.CharField(_("backs the claim"), max_length=20, choices=Claim.choices)
    file = models.FileField(
        _("file"),
        upload_to=evidence_files.evidence_upload_to,
        blank=True,
        validators=[evidence_files.validate_evidence_size, evidence_files.validate_evidence_content],
    )
    # The uploaded file's own name (sanitised) for display and download; the stored name is random.
    original_name = models.CharField(_("file name"), max_length=120, blank=True, editable=False)
    # The type its content showed when it arrived (products.evidence_files.EVIDENCE_TYPES).
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    # Where the file was stored before names were random: old passport versions link to /media/<legacy_name>.
    legacy_name = models.CharField(_("former file name"), max_length=255, blank=True, editable=False)
    url = models.URLField(_("link"), blank=True)
    verified = models.BooleanField(_("verified by staff"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    # The staff decision (catalogue.review.services): approved, rejected with a reason for the maker, or pending.
    review_status = models.CharField(
        _("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, editable=False
    )
    rejection_reason = models.TextField(
        _("reason for the rejection"), max_length=REJECTION_REASON_MAX_LENGTH, blank=True, editable=False
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)

    class Meta(ProductRow.Meta):
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")
        indexes = [models.Index(fields=["review_status", "uploaded_at"], name="evidence_review_queue")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        new_upload = evidence_files.is_new_upload(self.file)
        if new_upload:
            # Before the storage names the file: the random name takes the extension of the detected type.
            evidence_type = evidence_files.detect_type(self.file.file)
            self.content_type = evidence_type.content_type if evidence_type else evidence_files.UNKNOWN_CONTENT_TYPE
            self.original_name = evidence_files.display_name(self.file.name, evidence_type)
        if self._align_review(new_upload) and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *self.REVIEW_FIELDS}
        super().save(*args, **kwargs)
        self._stored_source = self._source()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the document showed when it was read: a different file or link later needs a new review.
        instance._stored_source = instance._source() if {"file", "url"} <= set(field_names) else None
        return instance

    def _source(self) -> tuple[str, str]:
        file = self.__dict__.get("file")
        return (getattr(file, "name", file) or "", self.__dict__.get("url") or "")

    def _align_review(self, new_upload: bool) -> bool:
        """Keep the decision and ``verified`` in step before a save; returns whether review fields changed.

        A stored document whose file or link changed goes back to the queue. Otherwise ``verified`` set
        directly (the admin's tick, the demo loader, older code) counts as an approval, and clearing it
        as a return to the queue.
        """
        stored = getattr(self, "_stored_source", None)
        if not self._state.adding and stored is not None and (new_upload or self._source() != stored):
            changed = self.review_status != self.ReviewStatus.PENDING or self.verified
            self.return_to_review()
            return changed
        if self.verified and self.review_status != self.ReviewStatus.APPROVED:
            self.review_status, self.rejection_reason = self.ReviewStatus.APPROVED, ""
            self.reviewed_by_id, self.reviewed_at = self.verified_by_id, self.verified_at
            return True
        if not self.verified and self.review_status == self.ReviewStatus.APPROVED:
            self.return_to_review()
            return True
        return False

    def return_to_review(self) -> None:
        """Pending again, with no decision: a new document, or one whose file or link changed."""
        self.review_status, self.rejection_reason = self.ReviewStatus.PENDING, ""
        self.reviewed_by, self.reviewed_at = None, None
        self.verified, self.verified_by, self.verified_at = False, None, None

    def record_decision(self, status: str, *, user, at, reason: str = "") -> None:
        """Set the review fields for a staff decision (unsaved; catalogue.review.services saves it)."""
        approved = status == self.ReviewStatus.APPROVED
        self.review_status = status
        self.rejection_reason = reason.strip() if status == self.ReviewStatus.REJECTED else ""
        self.reviewed_by, self.reviewed_at = user, at
        self.verified = approved
        self.verified_by, self.verified_at = (user, at) if approved else (None, None)

    @property
    def file_name(self) -> str:
        """The name the file is shown, sent and linked under."""
        return self.original_name or self.file.name.rsplit("/", 1)[-1]

    def clean(self):
        if not self.file and not self.url:
            raise ValidationError({"url": _("Upload a file or give a link.")})
        if self.review_status not in self.ReviewStatus.values:
            raise ValidationError({"review_status": _("Choose approve or reject.")})
        if self.review_status == self.ReviewStatus.REJECTED and not self.rejection_reason.strip():
            raise ValidationError(
                {"rejection_reason": _("Give the reason for the rejection; the maker reads it to fix the evidence.")}
            )
        if self._state.adding and self.product_id is not None:
            count = EvidenceDocument.objects.filter(product_id=self.product_id).count()
            if count >= limits.EVIDENCE_MAX_COUNT:
                raise ValidationError(
                    _("A product can have at most %(limit)d evidence documents; remove one before adding another.")
                    % {"limit": limits.EVIDENCE_MAX_COUNT},
                    code="too_many",
                )


# A model of its own module (the background import), registered with the app here.
from .facilities import Facility  # noqa: E402, F401
from .import_jobs import ImportJob  # noqa: E402, F401
from .suppliers import PLACE_FIELDS, Supplier  # noqa: E402, F401
