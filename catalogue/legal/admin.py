"""Admin for the legal pages: staff edit the German and English text."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_de", "updated_at"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "updated_at"]}),
        (_("German"), {"fields": ["title_de", "body_de"]}),
        (_("English"), {"fields": ["title_en", "body_en"]}),
    ]
