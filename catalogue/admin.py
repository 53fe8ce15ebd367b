"""Django admin for scores, published passport versions and retailers."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.passports.redaction import parse_paths, redact_version, validate_paths
from products.admin import MembershipAdmin, MembershipInline

from .models import (
    AssortmentItem,
    PassportRedaction,
    PassportVersion,
    PrintJob,
    ProductScore,
    RetailerMembership,
    RetailerOrganisation,
)

# The site's name on every admin page, in the staff member's language.
admin.site.site_header = admin.site.site_title = admin.site.index_title = _("Gläserne Werkstatt – Administration")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff may look but not touch: the data is computed or frozen by the system."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProductScore)
class ProductScoreAdmin(ReadOnlyAdmin):
    list_display = ["product", *ProductScore.SUMMARY_FIELDS, "methodology_version", "computed_at"]
    list_filter = ["grade", "methodology_version"]
    search_fields = ["product__name", "product__gtin", "product__passport_code"]
    list_select_related = ["product"]


@admin.register(PassportVersion)
class PassportVersionAdmin(ReadOnlyAdmin):
    """Published versions are immutable: no add, change or delete, not even for superusers."""

    list_display = ["product", "number", "methodology_version", "short_hash", "published_at", "published_by"]
    list_filter = ["methodology_version", "published_at"]
    search_fields = ["product__name", "product__gtin", "product__passport_code", "content_hash"]
    list_select_related = ["product", "published_by"]
    date_hierarchy = "published_at"

    @admin.display(description=_("SHA-256 (first 12 characters)"), ordering="content_hash")
    def short_hash(self, version):
        return version.short_hash


class PassportRedactionForm(forms.ModelForm):
    """Field paths as lines of text, checked against the chosen version before anything is saved."""

    fields = forms.CharField(
        label=_("Redacted fields"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Paths into the snapshot, one per line, for example supply_chain.2.supplier_name "
            "(the third step's supplier). The values are removed from the published version for good."
        ),
    )

    class Meta:
        model = PassportRedaction
        fields = ["version", "fields", "reason"]

    def clean_fields(self):
        return parse_paths(self.cleaned_data["fields"])

    def clean(self):
        cleaned = super().clean()
        version, paths = cleaned.get("version"), cleaned.get("fields")
        if version is not None and paths is not None:
            try:
                validate_paths(version.snapshot, paths)
            except ValidationError as error:
                self.add_error("fields", error.message_dict["fields"])
        return cleaned


@admin.register(PassportRedaction)
class PassportRedactionAdmin(admin.ModelAdmin):
    """Redactions are added, never changed or removed: the record is the proof of what was taken out."""

    form = PassportRedactionForm
    list_display = ["version", "redacted_at", "redacted_by"]
    list_select_related = ["version__product", "redacted_by"]
    raw_id_fields = ["version"]
    search_fields = ["version__product__name", "version__product__passport_code"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        redaction = redact_version(obj.version, form.cleaned_data["fields"], form.cleaned_data["reason"], request.user)
        obj.pk = redaction.pk
        obj.redacted_at = redaction.redacted_at


class RetailerMembershipInline(MembershipInline):
    model = RetailerMembership


class AssortmentItemInline(admin.TabularInline):
    model = AssortmentItem
    extra = 0
    autocomplete_fields = ["product"]
    readonly_fields = ["added_at", "added_by"]


@admin.register(RetailerOrganisation)
class RetailerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "city"]
    list_filter = ["city"]
    search_fields = ["name", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RetailerMembershipInline, AssortmentItemInline]


@admin.register(RetailerMembership)
class RetailerMembershipAdmin(MembershipAdmin):
    pass


@admin.register(AssortmentItem)
class AssortmentItemAdmin(admin.ModelAdmin):
    list_display = ["product", "retailer", "added_at", "added_by"]
    list_filter = ["retailer"]
    search_fields = ["product__name", "product__gtin", "retailer__name"]
    list_select_related = ["product", "retailer", "added_by"]
    autocomplete_fields = ["product", "retailer"]


@admin.register(PrintJob)
class PrintJobAdmin(ReadOnlyAdmin):
    list_display = ["retailer", "format", "label_layout", "language", "created_at", "created_by"]
    list_filter = ["format", "language", "retailer"]
    search_fields = ["retailer__name"]
    list_select_related = ["retailer", "created_by"]
    date_hierarchy = "created_at"


# Invitations (staff invite a new organisation's owner) and DPP access grants have their own modules.
from catalogue.dpp import admin as dpp_admin  # noqa: E402, F401
from catalogue.legal import admin as legal_admin  # noqa: E402, F401
from catalogue.repair import admin as repair_admin  # noqa: E402, F401
from catalogue.teams import admin as teams_admin  # noqa: E402, F401
