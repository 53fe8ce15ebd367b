"""WSGI entry point (gunicorn catalogue.wsgi); refuses to start when the static files were not collected."""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalogue.settings")
application = get_wsgi_application()

from catalogue.passports.pdf_early_refusal import RefuseRememberedSpentClients  # noqa: E402 (needs the apps)

# A PDF flood's refusals are answered before Django builds a request (docs/pdf.md, "Under a flood").
application = RefuseRememberedSpentClients(application)

from catalogue.operations.checks import STATIC_MANIFEST_TAG  # noqa: E402 (after the settings are loaded)

# WSGI servers run no system checks; without this a missing manifest shows only as a 500 on every page.
_errors = [message for message in checks.run_checks(tags=[STATIC_MANIFEST_TAG]) if message.is_serious()]
if _errors:
    raise ImproperlyConfigured("\n".join(f"{error}\nHINT: {error.hint}" for error in _errors))
