"""Django admin for staff: organisations, categories, products and evidence review."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Category,
    Component,
    EvidenceDocument,
    Facility,
    MakerMembership,
    MakerOrganisation,
    Material,
    Product,
    ProductVariant,
    SupplyChainStep,
)
from .services import mark_evidence_verified


class MembershipInline(admin.TabularInline):
    """The members of an organisation (maker or retailer) on its page."""

    extra = 0
    autocomplete_fields = ["user"]


class MembershipAdmin(SimpleHistoryAdmin):
    """Memberships of an organisation (maker or retailer) listed on their own, each with its history."""

    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


class MakerMembershipInline(MembershipInline):
    model = MakerMembership


class FacilityInline(admin.TabularInline):
    """The maker's own sites, each with its GLN (the steps it performs there point at one)."""

    model = Facility
    extra = 0
    fields = ["name", "street", "postcode", "city", "country", "gln"]


@admin.register(MakerOrganisation)
class MakerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "eori", "gln", "website", "created_at"]
    list_filter = ["country", "city"]
    search_fields = ["name", "slug", "city", "postcode", "eori", "gln"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MakerMembershipInline, FacilityInline]


@admin.register(MakerMembership)
class MakerMembershipAdmin(MembershipAdmin):
    pass


class CategoryAdminForm(forms.ModelForm):
    """Essential stages as checkboxes; none chosen means the parent's stages apply."""

    essential_stages = forms.TypedMultipleChoiceField(
        choices=Category.EssentialStage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=capfirst(Category._meta.get_field("essential_stages").verbose_name),
        help_text=Category._meta.get_field("essential_stages").help_text,
    )

    class Meta:
        model = Category
        fields = [
            "parent",
            "slug",
            "name_de",
            "name_en",
            "reference_lifetime_years",
            "reference_warranty_years",
            "resharpenable",
            "solingen_covered",
            "essential_stages",
            "commodity_code",
        ]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryAdminForm
    list_display = [
        "name_de",
        "name_en",
        "parent",
        "reference_lifetime_years",
        "reference_warranty_years",
        "resharpenable",
        "solingen_covered",
        "commodity_code",
    ]
    list_filter = ["resharpenable", "solingen_covered", "parent"]
    search_fields = ["name_de", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    list_select_related = ["parent"]


class ProductPartInline(admin.TabularInline):
    extra = 0
    classes = ["collapse"]


def part_inline(model) -> type[ProductPartInline]:
    """The inline of a kind of product part that needs nothing beyond its model."""
    return type(f"{model.__name__}Inline", (ProductPartInline,), {"model": model, "__module__": __name__})


class SupplyChainStepInline(ProductPartInline):
    model = SupplyChainStep
    readonly_fields = ["region"]


class EvidenceInline(ProductPartInline):
    model = EvidenceDocument
    fields = ["title", "claim", "file", "url", "verified", "verified_by", "verified_at"]
    readonly_fields = ["verified_by", "verified_at"]


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    list_display = ["name", "maker", "category", "gtin", "passport_code", "status", "updated_at"]
    list_filter = ["status", "category", "maker", "created_at"]
    search_fields = ["name", "model_number", "gtin", "passport_code", "maker__name"]
    list_select_related = ["maker", "category"]
    readonly_fields = ["passport_code", "status", "created_at", "updated_at"]
    autocomplete_fields = ["maker", "category"]
    date_hierarchy = "created_at"
    inlines = [
        part_inline(ProductVariant),
        part_inline(Material),
        part_inline(Component),
        SupplyChainStepInline,
        EvidenceInline,
    ]


class ProductPartAdmin(SimpleHistoryAdmin):
    """Parts listed on their own, searchable by product."""

    list_select_related = ["product"]
    autocomplete_fields = ["product"]


@admin.register(ProductVariant)
class ProductVariantAdmin(ProductPartAdmin):
    list_display = ["code", "name", "product"]
    search_fields = ["code", "name", "product__name"]


@admin.register(Material)
class MaterialAdmin(ProductPartAdmin):
    list_display = ["name", "part", "product", "share_percent", "recycled_content_percent", "renewable", "recyclable"]
    list_filter = ["renewable", "recyclable"]
    search_fields = ["name", "part", "product__name"]


@admin.register(Component)
class ComponentAdmin(ProductPartAdmin):
    list_display = ["name", "product", "replaceable", "spare_part_available"]
    list_filter = ["replaceable", "spare_part_available"]
    search_fields = ["name", "product__name"]


@admin.register(SupplyChainStep)
class SupplyChainStepAdmin(ProductPartAdmin):
    list_display = ["product", "position", "step_type", "performed_by", "city", "country", "region"]
    list_filter = ["step_type", "region", "performed_by", "country", "supplier_confidential"]
    search_fields = ["product__name", "supplier_name", "city", "postcode"]
    readonly_fields = ["region"]


@admin.register(EvidenceDocument)
class EvidenceDocumentAdmin(ProductPartAdmin):
    list_display = ["title", "product", "claim", "verified", "verified_by", "verified_at", "uploaded_at"]
    list_filter = ["verified", "claim", "uploaded_at"]
    search_fields = ["title", "url", "product__name", "product__maker__name"]
    list_select_related = ["product", "verified_by"]
    readonly_fields = ["verified_by", "verified_at", "uploaded_at"]
    actions = ["mark_verified"]

    @admin.action(description=_("Mark as verified"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = mark_evidence_verified(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d document marked as verified.", "%(count)d documents marked as verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        # Ticking "verified" by hand records who did it, like the action does.
        if "verified" in form.changed_data:
            if obj.verified:
                obj.verified_by = request.user
                obj.verified_at = timezone.now()
            else:
                obj.verified_by = None
                obj.verified_at = None
        super().save_model(request, obj, form, change)
