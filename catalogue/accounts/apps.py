"""django-axes under a name staff understand, and the German for the labels axes ships untranslated."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Labels django-axes shows in the admin that its own German catalogue lacks. Listed here so that they are in
# the site's catalogue (locale/de), which Django prefers to the app's own.
AXES_LABELS_WITHOUT_GERMAN = [
    gettext_noop("Locked Out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Not set"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Clean up expired attempts"),
]


class LoginRecordsConfig(AxesAppConfig):
    """django-axes (logins, failed logins, lockouts) as "Login records" in the admin."""

    verbose_name = _("Login records")
