"""Django admin for scores, published passport versions and retailers."""

from django.contrib import admin

from products.admin import MembershipAdmin, MembershipInline

from .models import (
    AssortmentItem,
    PassportVersion,
    PrintJob,
    ProductScore,
    RetailerMembership,
    RetailerOrganisation,
)


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
