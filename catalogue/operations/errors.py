"""The site's own 500 and 503 pages, rendered without the database: they must work while it is down."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Paths whose clients read JSON errors (the API and its schema); everyone else gets an HTML page.
API_PATH_PREFIXES = ("/api/v1/", "/api/schema/")
# What a lost or refused database connection raises (a server that is down, restarting or out of connections).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
SERVER_ERROR = _("Server error. Please try again later.")
UNAVAILABLE = _("The service is briefly unavailable. Please try again in a minute.")


def stylesheet_url() -> str | None:
    # Without a manifest (catalogue.E001) {% static %} raises; an error page must still render, then unstyled.
    try:
        return static("css/site.css")
    except ValueError:
        return None


def error_response(request, *, status: int, template_name: str, api_detail) -> HttpResponse:
    """The error page in the visitor's language (cookie or Accept-Language: no session, no query, no context)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if request.path.startswith(API_PATH_PREFIXES):
            response = JsonResponse({"detail": str(api_detail)}, status=status)
        else:
            context = {"language": language, "stylesheet": stylesheet_url()}
            response = HttpResponse(loader.get_template(template_name).render(context), status=status)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    add_never_cache_headers(response)
    return response


def service_unavailable(request) -> HttpResponse:
    """503 with Retry-After while the database cannot be reached."""
    response = error_response(request, status=503, template_name="503.html", api_detail=UNAVAILABLE)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request) -> HttpResponse:
    """handler500: the site's page (JSON under the API); a database outage raised outside a view becomes a 503."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return error_response(request, status=500, template_name="500.html", api_detail=SERVER_ERROR)


class DatabaseUnavailableMiddleware:
    """Turns a lost database connection in a view into a 503 page with Retry-After instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, DATABASE_UNAVAILABLE):
            return None  # debug mode shows the traceback (e.g. a missing migration), and other errors stay 500s
        logger.error(
            "The database cannot be reached (%s): answering 503 for %s", exception, request.path, exc_info=True
        )
        return service_unavailable(request)
