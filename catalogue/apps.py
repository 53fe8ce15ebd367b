"""App configuration of the published catalogue."""

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from catalogue.operations.checks import (
    STATIC_MANIFEST_TAG,
    mail_server_check,
    signing_key_check,
    static_manifest_check,
)


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from catalogue.scores import signals  # the receivers import models, which are ready only now

        signals.connect()
        from catalogue.scores import workspace_columns  # registers with products, whose apps are ready now

        workspace_columns.register()
        checks.register(static_manifest_check, STATIC_MANIFEST_TAG)
        checks.register(mail_server_check, checks.Tags.security, deploy=True)
        checks.register(signing_key_check, checks.Tags.security, deploy=True)
