"""App configuration of the published catalogue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from catalogue.scores import signals  # the receivers import models, which are ready only now

        signals.connect()
