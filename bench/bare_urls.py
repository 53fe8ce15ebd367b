"""Benchmark-only URLs: every project URL plus /bench/bare, a bare JsonResponse through the same middleware."""

from django.http import JsonResponse
from django.urls import path

from catalogue.urls import urlpatterns as project_urlpatterns


def bare(request):
    """The baseline: no database, no template, just a small JSON answer."""
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare", bare), *project_urlpatterns]
