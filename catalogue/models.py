"""Stored scores, immutable passport versions and the retailers who print them."""

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.scoring.methodology import SCORE_COLUMNS
from products.models import MembershipModel, NamedModel, Product


class ProductScore(models.Model):
    """The latest score of a product, recomputed whenever its data changes."""

    product = models.OneToOneField(Product, on_delete=models.CASCADE, related_name="score", verbose_name=_("product"))
    overall = models.FloatField(_("overall score"))
    grade = models.CharField(_("grade"), max_length=1)
    durability = models.FloatField(_("durability"))
    repairability = models.FloatField(_("repairability"))
    supply_chain = models.FloatField(_("supply chain"))
    circularity = models.FloatField(_("circularity"))
    methodology_version = models.CharField(_("methodology version"), max_length=20)
    computed_at = models.DateTimeField(_("computed at"))
    # Full explainable result (criteria, hints, Solingen designation) as produced by catalogue.scoring.
    details = models.JSONField(_("details"), default=dict)

    SUMMARY_FIELDS = SCORE_COLUMNS
    STORED_FIELDS = (*SUMMARY_FIELDS, "methodology_version", "computed_at", "details")

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        indexes = [models.Index(fields=["grade"]), models.Index(fields=["overall"])]

    def __str__(self):
        return f"{self.product}: {self.grade} ({self.overall:.0f})"


class ImmutableQuerySet(models.QuerySet):
    """Refuses bulk updates and deletes, so a published version cannot be changed in bulk either."""

    def update(self, **kwargs):
        raise PermissionError("Published passport versions are immutable.")

    def redact_snapshot(self, snapshot: dict, **public_json: str) -> int:
        """The one change a version allows: its snapshot with redacted values (catalogue.passports.redaction),
        with its public API texts rendered again from it (catalogue.passports.public_json)."""
        # The credential carried the removed values: it is signed again from the redacted snapshot on next request.
        return super().update(
            snapshot=snapshot, redaction_count=models.F("redaction_count") + 1, credential_jwt="", **public_json
        )

    def attach_credential(self, token: str) -> int:
        """The other change a version allows: its signed credential, once (catalogue.credentials.services)."""
        return models.QuerySet.update(self.filter(credential_jwt=""), credential_jwt=token)

    def delete(self):
        raise PermissionError("Published passport versions are immutable.")


class PassportVersionQuerySet(ImmutableQuerySet):
    """The read vocabulary of passport versions, defined once for every reader."""

    def public(self):
        """Versions of products whose passport is public (published or withdrawn)."""
        return self.filter(product__status__in=Product.PUBLIC_STATUSES)

    def current(self):
        """Only the newest version of each product: its current passport."""
        newest = PassportVersion.objects.filter(product=models.OuterRef("product")).order_by("-number")
        return self.filter(number=models.Subquery(newest.values("number")[:1]))


class PassportVersion(models.Model):
    """A published, frozen passport. Never edited: republishing inserts the next number."""

    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="passport_versions", verbose_name=_("product")
    )
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    methodology_version = models.CharField(_("methodology version"), max_length=20)
    content_hash = models.CharField(_("SHA-256"), max_length=64)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    # How often staff redacted fields (PassportRedaction); with the hash it names what a rendering shows.
    redaction_count = models.PositiveSmallIntegerField(_("redactions"), default=0)
    # The version as a signed W3C Verifiable Credential (VC-JOSE compact JWT, docs/credentials.md); kept, so a
    # key rotation leaves what was signed before as it was.
    credential_jwt = models.TextField(_("signed credential"), blank=True, default="", editable=False)
    # The public API's detail of this version, rendered once at publication (empty: not yet, see
    # catalogue.passports.public_json); the API joins it with what depends on the request. Its list row is kept
    # with the browse facets (PublishedFacets.list_row).
    public_detail_json = models.TextField(_("public detail (JSON)"), blank=True, default="", editable=False)
    # Its line of the open-data CSV (catalogue.passports.open_data.csv_line), so an export only joins lines.
    open_data_csv_row = models.TextField(_("open-data CSV row"), blank=True, default="", editable=False)

    objects = PassportVersionQuerySet.as_manager()

    class Meta:
        ordering = ["product", "-number"]
        constraints = [models.UniqueConstraint(fields=["product", "number"], name="unique_passport_version")]
        verbose_name = _("passport version")
        verbose_name_plural = _("passport versions")

    def __str__(self):
        return f"{self.product_id} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Published passport versions are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Published passport versions are immutable.")

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]

    @property
    def rendition_key(self) -> str:
        """What every rendering of this version follows from: the hash as published, and any redactions since."""
        return rendition_key(self.content_hash, self.redaction_count)


def rendition_key(content_hash: str, redaction_count: int) -> str:
    return f"{content_hash}-r{redaction_count}" if redaction_count else content_hash


class PassportRedaction(models.Model):
    """Staff removed named fields from a published version, for a recorded reason (for example a supplier that
    became confidential). The version keeps its original content hash; the snapshot carries a public note."""

    version = models.ForeignKey(
        PassportVersion, on_delete=models.PROTECT, related_name="redactions", verbose_name=_("passport version")
    )
    fields = models.JSONField(
        _("redacted fields"),
        help_text=_("Paths into the snapshot, one per line, for example supply_chain.2.supplier_name."),
    )
    reason = models.TextField(_("reason"), help_text=_("Recorded for staff; never published."))
    redacted_at = models.DateTimeField(_("redacted at"))
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("redacted by"),
    )

    class Meta:
        ordering = ["-redacted_at"]
        verbose_name = _("passport redaction")
        verbose_name_plural = _("passport redactions")

    def __str__(self):
        return f"{self.version}: {', '.join(self.fields)}"


class RetailerOrganisation(NamedModel):
    """A member of the retail association that keeps an assortment and prints passports."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    products = models.ManyToManyField(
        Product, through="AssortmentItem", related_name="retailers", verbose_name=_("assortment")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("retailer")
        verbose_name_plural = _("retailers")


class RetailerMembership(MembershipModel):
    """A user's role in a retailer organisation."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="retailer_memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        RetailerOrganisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("retailer")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_retailer_membership")]
        verbose_name = _("retailer membership")
        verbose_name_plural = _("retailer memberships")


class AssortmentItem(models.Model):
    """A product in a retailer's assortment."""

    retailer = models.ForeignKey(
        RetailerOrganisation, on_delete=models.CASCADE, related_name="assortment", verbose_name=_("retailer")
    )
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="assortment_items", verbose_name=_("product")
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    # The retailer's own price on its shelf labels; empty: the product's price as published.
    shelf_price = models.DecimalField(
        _("shelf price"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Your price in euros for the shelf labels; leave empty to print the maker's price."),
    )

    class Meta:
        ordering = ["product__name"]
        constraints = [models.UniqueConstraint(fields=["retailer", "product"], name="unique_assortment_item")]
        verbose_name = _("assortment item")
        verbose_name_plural = _("assortment items")

    def __str__(self):
        return f"{self.retailer}: {self.product}"


class PrintJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Rendering")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PrintJob(models.Model):
    """A batch a retailer printed; its items record which passport version went onto paper."""

    class Format(models.TextChoices):
        SHELF = "shelf", _("Shelf passports (one page)")
        DETAILED = "detailed", _("Detailed passports")
        LABELS = "labels", _("Shelf labels")

    retailer = models.ForeignKey(
        RetailerOrganisation, on_delete=models.CASCADE, related_name="print_jobs", verbose_name=_("retailer")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("printed by")
    )
    created_at = models.DateTimeField(_("printed at"), auto_now_add=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    label_layout = models.CharField(_("label layout"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=5)
    versions = models.ManyToManyField(PassportVersion, related_name="print_jobs", verbose_name=_("passport versions"))
    # A job of catalogue.printjobs: its state, what it renders and the kept PDF (docs/retailers.md, "Print jobs").
    status = models.CharField(_("status"), max_length=10, choices=PrintJobStatus.choices, default=PrintJobStatus.DONE)
    total = models.PositiveIntegerField(_("products"), default=0)
    progress = models.PositiveIntegerField(_("rendered"), default=0)
    # The ordered version ids and the label options (price, ean, start, shelf prices): enough to render again.
    plan = models.JSONField(_("plan"), default=dict, blank=True)
    error = models.TextField(_("reason of the failure"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="print-jobs/", blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # A background job tells the person who started it once, on their next page, that it finished.
    notice_pending = models.BooleanField(_("notice pending"), default=False)

    Status = PrintJobStatus

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("print job")
        verbose_name_plural = _("print jobs")

    def __str__(self):
        return f"{self.retailer} {self.created_at:%Y-%m-%d %H:%M}"


class PublishedFacets(models.Model):
    """What browse and search filter on, copied from the current published snapshot at publish time.

    Public filters must agree with the passports they list, so they never read live (possibly
    unpublished) product data.
    """

    product = models.OneToOneField(Product, on_delete=models.CASCADE, related_name="published_facets")
    version = models.OneToOneField(PassportVersion, on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey("products.Category", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    grade = models.CharField(max_length=1)
    overall = models.FloatField()
    price_eur = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    materials = models.TextField(help_text="Material names, one per line.")
    search_text = models.TextField(help_text="Name, model number, maker, category, materials and description.")
    # The stemmed full-text document of name and search text (catalogue.passports.facets.search_document), stored
    # so that search reads a GIN index instead of stemming every row per query; PostgreSQL only, NULL elsewhere.
    search_document = SearchVectorField(null=True, editable=False)
    # Rank (products.regions.Region.rank) of the farthest supply-chain step; NULL when a step has no
    # place or there are no steps, because an undisclosed place is never "local".
    farthest_region_rank = models.PositiveSmallIntegerField(null=True)
    solingen = models.BooleanField(null=True)
    published_at = models.DateTimeField()
    # The public API's list row of that version, rendered at publication (catalogue.passports.public_json; empty:
    # not yet). Kept here rather than with the version, as only current versions are listed, and because SQLite
    # reaches a column stored after a version's snapshot through its overflow pages: reading a page of 100 rows
    # from the versions took 4.6 times as long (docs/performance.md, "API").
    list_row = models.TextField(_("public list row (JSON)"), blank=True, default="", editable=False)

    class Meta:
        # The best-scored and the by-name orders, ties broken by the product, read straight from an index, also
        # within a category: with single columns, PostgreSQL sorted every match, and a name index alone walked
        # past the other categories' names, which sort apart (docs/performance.md, "Scale").
        indexes = [
            models.Index(fields=["grade"]),
            models.Index(fields=["overall", "product"], name="facets_overall_product"),
            models.Index(fields=["name", "product"], name="facets_name_product"),
            models.Index(fields=["category", "name", "product"], name="facets_category_name_product"),
            # Counting a category's matches of one grade (up to the list's limit) from one index, not two.
            models.Index(fields=["category", "grade"], name="facets_category_grade"),
        ]
        verbose_name = _("published facets")
        verbose_name_plural = _("published facets")

    def __str__(self):
        return f"{self.product_id}: {self.grade}"


# Models of their own modules, registered with the app here.
from .accounts.preferences import AccountPreferences  # noqa: E402, F401
from .dpp.models import AccessGrant, RestrictedPart, RestrictedRead  # noqa: E402, F401
from .legal.models import LegalPage  # noqa: E402, F401
from .printjobs.models import ItemPrint  # noqa: E402, F401
from .repair.models import PostcodeArea, RepairPlace  # noqa: E402, F401
from .teams.models import Invitation  # noqa: E402, F401
