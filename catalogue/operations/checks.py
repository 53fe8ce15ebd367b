"""System checks of the deployment: collected static files before serving, a mail server and a signing key."""

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages

# Run by manage.py commands and, at start-up, by catalogue/wsgi.py (gunicorn runs no system checks itself).
STATIC_MANIFEST_TAG = "static_manifest"
FIX = "Run `DJANGO_DEBUG=0 python manage.py collectstatic --noinput` with the same settings before serving."
# How many missing files an error names; the rest are counted.
NAMED_AT_MOST = 5


def static_manifest_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """With manifest storage (production), a missing or stale manifest makes every page that names a file a 500."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if not storage.exists(storage.manifest_name):
        return [
            checks.Error(
                f"The static files have not been collected: {storage.path(storage.manifest_name)} is missing, so "
                "every page that links a stylesheet or script answers 500 (ManifestStaticFilesStorage).",
                hint=FIX,
                id="catalogue.E001",
            )
        ]
    try:
        collected, _hash = storage.load_manifest()
    except ValueError as error:  # a manifest that is no JSON or of an unknown version
        return [checks.Error(f"The static-file manifest cannot be read: {error}.", hint=FIX, id="catalogue.E001")]
    ignored = apps.get_app_config("staticfiles").ignore_patterns  # what collectstatic skips by default
    found = {path for finder in finders.get_finders() for path, _storage in finder.list(ignored)}
    missing = sorted(found - collected.keys())
    if missing:
        named = ", ".join(missing[:NAMED_AT_MOST])
        if len(missing) > NAMED_AT_MOST:
            named += f" and {len(missing) - NAMED_AT_MOST} more"
        return [
            checks.Error(
                f"The collected static files are out of date: the manifest lacks {named}, so pages that link "
                "them answer 500.",
                hint=FIX,
                id="catalogue.E002",
            )
        ]
    return []


def mail_server_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """With ``--deploy``: without EMAIL_HOST, invitations and password resets only reach the worker's output."""
    if settings.EMAIL_HOST:
        return []
    return [
        checks.Warning(
            "EMAIL_HOST is not set: mails (invitations, password resets, review decisions) are written to the "
            "worker's output instead of being sent.",
            hint="Set EMAIL_HOST and the other EMAIL_* variables (README.md, docs/accounts.md).",
            id="catalogue.W001",
        )
    ]


def signing_key_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """With ``--deploy``: without a usable signing key, publishing is refused (docs/credentials.md)."""
    from catalogue.credentials.keys import SigningKeyMissing, load_keyring

    try:
        load_keyring()
    except SigningKeyMissing as error:
        return [
            checks.Error(
                f"{error} Publishing passports is refused until a key is there.",
                hint="Set PASSPORT_SIGNING_KEY_FILE and run `python manage.py rotate_signing_key --if-missing`.",
                id="catalogue.E003",
            )
        ]
    return []
