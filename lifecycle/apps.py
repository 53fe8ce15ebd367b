"""App configuration of lifecycle."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LifecycleConfig(AppConfig):
    name = "lifecycle"
    verbose_name = _("Lifecycle")

    def ready(self):
        from .parts import register_parts  # registers with products, which never imports lifecycle

        register_parts()
