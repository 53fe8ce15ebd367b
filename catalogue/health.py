"""Health check for load balancers and monitoring: the database answers, and whether the shared cache does."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from catalogue.infrastructure.cache import cache_status

logger = logging.getLogger(__name__)


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database cannot be reached.")
        return "down"
    return "ok"


@never_cache
@require_safe
def healthz(request):
    """200 "ok", or "degraded" when the cache is down (pages are served without it); 503 without the database."""
    database, cache = _database_status(), cache_status()
    if database != "ok":
        status, code = "down", 503
    else:
        status, code = ("degraded" if cache == "down" else "ok"), 200
    return JsonResponse({"status": status, "database": database, "cache": cache}, status=code)
