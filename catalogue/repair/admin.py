"""Admin for the repair finder: staff list independent places and keep the postcode centres."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from lifecycle.models import RepairService

from .models import PostcodeArea, RepairPlace


class RepairPlaceForm(forms.ModelForm):
    """Services as checkboxes, stored as the model's comma-separated codes."""

    service_choices = forms.MultipleChoiceField(
        label=_("services"), choices=RepairService.ServiceType.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = RepairPlace
        fields = ["name", "kind", "service_choices", "street", "postcode", "city", "phone", "email", "website"]
        fields += ["notes", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_choices"].initial = self.instance.service_types

    def clean(self):
        cleaned = super().clean()
        self.instance.services = ",".join(cleaned.get("service_choices") or [])
        return cleaned

    def add_error(self, field, error):
        # The model names its ``services``; on this form they are the checkboxes.
        errors = getattr(error, "error_dict", None)
        if field is None and errors and "services" in errors:
            errors.setdefault("service_choices", []).extend(errors.pop("services"))
        super().add_error(field, error)


@admin.register(RepairPlace)
class RepairPlaceAdmin(admin.ModelAdmin):
    form = RepairPlaceForm
    list_display = ["name", "kind", "postcode", "city", "active", "updated_at"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "city", "postcode"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["postcode", "place", "latitude", "longitude"]
    search_fields = ["postcode", "place"]
