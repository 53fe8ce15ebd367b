"""Admin for staff: access grants, the log of restricted reads, and the registry export download."""

from django.contrib import admin
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.dpp.models import AccessGrant, RestrictedRead
from catalogue.dpp.registry import render_registry


@admin.register(AccessGrant)
class AccessGrantAdmin(admin.ModelAdmin):
    """Staff grant a repairer, recycler or authority access; the registry export is downloaded from here."""

    list_display = ["organisation_display", "role", "expires_on", "revoked_at", "granted_by", "granted_at"]
    list_filter = ["role", "expires_on"]
    search_fields = ["retailer__name", "maker__name"]
    autocomplete_fields = ["retailer", "maker"]
    fields = ["retailer", "maker", "role", "expires_on", "reason", "revoked_at"]
    list_select_related = ["retailer", "maker", "granted_by"]
    change_list_template = "admin/catalogue/accessgrant/change_list.html"

    @admin.display(description=_("organisation"))
    def organisation_display(self, grant):
        return grant.organisation

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        # Under /admin/, so the staff MFA that guards the admin guards the download too.
        download = self.admin_site.admin_view(self.registry_export)
        return [path("registry-export/", download, name="dpp-registry-export"), *super().get_urls()]

    def registry_export(self, request):
        file_format = "csv" if request.GET.get("format") == "csv" else "json"
        content_type = "text/csv; charset=utf-8" if file_format == "csv" else "application/json"
        response = HttpResponse(render_registry(file_format), content_type=content_type)
        name = f"registry-{timezone.localdate():%Y-%m-%d}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


@admin.register(RestrictedRead)
class RestrictedReadAdmin(admin.ModelAdmin):
    list_display = ["read_at", "username", "organisation_name", "role", "version", "channel"]
    list_filter = ["role", "channel"]
    search_fields = ["username", "organisation_name", "version__product__passport_code"]
    list_select_related = ["version"]
    date_hierarchy = "read_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
