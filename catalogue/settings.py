"""Django settings for Gläserne Werkstatt, read from the environment (see README.md)."""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} should be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for local development, run with DJANGO_DEBUG=1, as `make run` does)."
        )
    SECRET_KEY = "django-insecure-local-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public base URL printed into QR codes and used for GS1 Digital Link URIs.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# The key file that signs every passport version as a verifiable credential (docs/credentials.md). Development
# keeps one under the project (`make run` creates it, git-ignored); production must name one, or publishing stops.
PASSPORT_SIGNING_KEY_FILE = os.environ.get(
    "PASSPORT_SIGNING_KEY_FILE", str(BASE_DIR / ".signing" / "passport-signing-keys.json") if DEBUG else ""
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "corsheaders",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "catalogue.accounts.apps.LoginRecordsConfig",  # django-axes: logins, failures, lockouts
    "products",
    "lifecycle",
    "catalogue",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before sessions, CSP and the rest: a PDF flood's refusals stay cheap (docs/pdf.md, "Under a flood").
    "catalogue.passports.pdf_early_refusal.SpentPdfClientMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "catalogue.operations.errors.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff give a second factor before /admin/ and /review/ (docs/accounts.md, "Two-factor authentication").
    "catalogue.accounts.staff_mfa.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a login refused during a lockout into the lockout page (docs/accounts.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "catalogue.urls"
WSGI_APPLICATION = "catalogue.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "catalogue.accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for several request threads or workers at once (docs/deployment.md): readers never wait for the
    # writer (WAL), a writer waits for the lock instead of failing with "database is locked" (timeout), and
    # every transaction takes the write lock at BEGIN (IMMEDIATE), so that none fails when a read turns into
    # a write halfway through it.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis cache that serves pages without Redis when it is down (catalogue/infrastructure/cache.py).
            "BACKEND": "catalogue.infrastructure.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Give up quickly on a Redis that is down or hangs (redis-py waits 5 s by default).
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Accounts (docs/accounts.md): django-axes first, so that a locked-out account or address is refused before any
# password is checked; then Django's own users, and allauth's login by username or e-mail.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"
LOGOUT_REDIRECT_URL = "home"

# django-allauth (docs/accounts.md): log in by username or e-mail; no public sign-up (accounts come from
# invitations); every address unique and verified; mails in the recipient's language from the job queue.
ACCOUNT_ADAPTER = "catalogue.accounts.adapter.CatalogueAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False  # a link in the mail: one click from the mail to the new password
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_NOTIFICATIONS = True  # a mail when the password or an address changes
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
MFA_ADAPTER = "catalogue.accounts.staff_mfa.CatalogueMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Gläserne Werkstatt Solingen"
# WebAuthn needs HTTPS; local development over http://localhost may allow it explicitly.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", DEBUG)

# django-axes (docs/accounts.md, "Lockout"): after LOGIN_FAILURE_LIMIT failed logins for one account (from
# anywhere) or from one address (for any account), further logins are refused for LOGIN_LOCKOUT_MINUTES, the
# right password too. Addresses are counted as everywhere else on the site (TRUSTED_PROXY_COUNT).
for _name, _default in (("LOGIN_FAILURE_LIMIT", "5"), ("LOGIN_LOCKOUT_MINUTES", "15")):
    if not (os.environ.get(_name) or _default).isdigit() or int(os.environ.get(_name) or _default) < 1:
        raise ImproperlyConfigured(f"{_name} should be a whole number of 1 or more, not {os.environ[_name]!r}")
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT") or "5")
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES") or "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "catalogue.infrastructure.clients.client_address"
AXES_USERNAME_CALLABLE = "catalogue.accounts.lockout.account_of_credentials"
AXES_USERNAME_FORM_FIELD = "login"
AXES_LOCKOUT_CALLABLE = "catalogue.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_HTTP_RESPONSE_CODE = 429
# allauth's own rate limits stay on (its defaults) as a second line; its count of failed logins is kept looser
# than the lockout's, so that the lockout page (429, with the time to try again) is what a guesser meets.
ACCOUNT_RATE_LIMITS = {"login_failed": f"{4 * AXES_FAILURE_LIMIT}/m/ip,{2 * AXES_FAILURE_LIMIT}/15m/key"}

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Evidence uploads: the largest accepted file (the accepted types are products.evidence_files.EVIDENCE_TYPES).
EVIDENCE_MAX_UPLOAD_BYTES = int(os.environ.get("EVIDENCE_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
# Evidence files are served only after an access check. Behind nginx, set an `internal` location's prefix
# (e.g. /protected-evidence/): the view then only answers X-Accel-Redirect and nginx sends the file.
EVIDENCE_X_ACCEL_REDIRECT_PREFIX = os.environ.get("EVIDENCE_X_ACCEL_REDIRECT_PREFIX", "")

# E-mail (docs/accounts.md): an SMTP server from the environment. Mails leave from the job queue (catalogue.mail).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
# Without a server, mails go to the worker's output; `check --deploy` warns about that (catalogue.operations).
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
_email_port = os.environ.get("EMAIL_PORT") or "25"
if not _email_port.isdigit():
    raise ImproperlyConfigured(f"EMAIL_PORT should be a port number, not {_email_port!r}")
EMAIL_PORT = int(_email_port)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS, usually port 587) or EMAIL_USE_SSL (port 465), not both.")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Gläserne Werkstatt <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background jobs (django-tasks): queued in the database, run by `manage.py db_worker` on any machine that
# reaches it. Tasks live in each app's tasks.py; docs/deployment.md says how to run workers.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Imports of larger files than this run as background jobs (the API answers 202 with the job's URL).
IMPORT_BACKGROUND_THRESHOLD_BYTES = int(os.environ.get("IMPORT_BACKGROUND_THRESHOLD_BYTES", str(512 * 1024)))

# Public PDFs (docs/pdf.md, "Limits"): anonymous batches are small, rendering is throttled per client (passports
# rendered per period; a PDF from the cache costs nothing), and one request renders at most so many pages.
# Signed-in retailers print up to 200 passports at a time and have allowances of their own.
ANONYMOUS_PDF_BATCH_LIMIT = int(os.environ.get("ANONYMOUS_PDF_BATCH_LIMIT", "20"))
PDF_THROTTLE_RATE = os.environ.get("PDF_THROTTLE_RATE", "60/minute")
PDF_RETAILER_THROTTLE_RATE = os.environ.get("PDF_RETAILER_THROTTLE_RATE", "1000/minute")
PDF_RENDER_PAGE_BUDGET = int(os.environ.get("PDF_RENDER_PAGE_BUDGET", "100"))
PDF_RETAILER_PAGE_BUDGET = int(os.environ.get("PDF_RETAILER_PAGE_BUDGET", "1000"))
# How many anonymous renders may run at once across all workers (the others answer 503 with Retry-After).
PDF_ANONYMOUS_RENDER_SLOTS = int(os.environ.get("PDF_ANONYMOUS_RENDER_SLOTS", "1"))
for _name in ("PDF_THROTTLE_RATE", "PDF_RETAILER_THROTTLE_RATE"):
    if not re.fullmatch(r"\d+/(s|sec|second|m|min|minute|h|hour|d|day)", globals()[_name]):
        raise ImproperlyConfigured(f"{_name} should be passports per period, e.g. 60/minute, not {globals()[_name]!r}")

# Security: strict whenever debug is off; a plain-HTTP deployment relaxes it explicitly.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): only this site's own files, no inline script or style. A template that
# needs an inline element gives it nonce="{{ request.csp_nonce }}"; the nonce is sent only when one is used.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF, csp_constants.NONCE],
        "style-src": [csp_constants.SELF, csp_constants.NONCE],
        "img-src": [csp_constants.SELF, "data:"],  # data: for the SVG icons in Swagger UI's stylesheet
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    }
}
# Permissions-Policy (django-permissions-policy): no page uses these browser features; embedded content neither.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
    )
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    # Set when a TLS-terminating proxy in front of gunicorn sends X-Forwarded-Proto.
    if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The resolver redirect for /.well-known must also work over plain HTTP checks.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# CORS: the public, read-only surfaces (lookup, public API) are open to any origin. The GS1 resolver
# (/01/…, /.well-known/gs1resolver) answers CORS itself, with its own methods (catalogue/resolver/views.py).
CORS_URLS_REGEX = r"^/(?!01/|\.well-known/gs1resolver$)(\.well-known/|api/v1/).*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_EXPOSE_HEADERS = ["Link", "ETag", "Location"]

# How many proxies in front of the site append to X-Forwarded-For (catalogue/infrastructure/clients.py). 0: the
# socket address is the client, and the header is ignored, since anyone can send it. API_NUM_PROXIES: its older name.
_proxy_variable = "TRUSTED_PROXY_COUNT" if os.environ.get("TRUSTED_PROXY_COUNT") else "API_NUM_PROXIES"
_proxy_count = os.environ.get(_proxy_variable) or "0"
if not _proxy_count.isdigit():
    raise ImproperlyConfigured(
        f"{_proxy_variable} should be a whole number of proxies (0 or more), not {_proxy_count!r}"
    )
TRUSTED_PROXY_COUNT = int(_proxy_count)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.CappedPageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_THROTTLE_RATE", "120/minute")},
    # api.throttling identifies clients by catalogue.infrastructure.clients; DRF's own rule gets the same count.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "api.openapi.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Gläserne Werkstatt API",
    "DESCRIPTION": "Product passports for durable, repairable and circular goods from Solingen.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links an operation's path is no link inside its toggle button (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    # Separate request and response components: uploads are binary and read-only fields stay out of requests.
    "COMPONENT_SPLIT_REQUEST": True,
    "TAGS": [
        {"name": "passports", "description": "Published passports and their versions, and the lookup: for everyone."},
        {"name": "products", "description": "Your organisation's products, live: write, publish, withdraw."},
        {"name": "evidence", "description": "Documents and links that back your products' claims."},
        {"name": "retailers", "description": "Your assortment, the reprint list and printing as PDF."},
        {"name": "open data", "description": "Every published passport as CSV or JSON-LD, under CC BY 4.0."},
        {"name": "makers", "description": "Maker organisations."},
        {"name": "categories", "description": "The category tree with the reference values of scoring."},
    ],
    # A product has three statuses, a public passport two (drafts are never public).
    "ENUM_NAME_OVERRIDES": {
        "ProductStatusEnum": "products.models.Product.Status",
        "PassportStatusEnum": "api.passport_serializers.PASSPORT_STATUSES",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # One WARNING per PDF throttle refusal would cost a flood's workers more than the refusal (docs/pdf.md).
    "filters": {"quiet_pdf_refusals": {"()": "catalogue.passports.pdf_flood.QuietPdfRefusals"}},
    "loggers": {"django.request": {"filters": ["quiet_pdf_refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
