"""Benchmark-only settings: the project's own settings, with the bare baseline view added to the URLs."""

from catalogue.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
# The benchmark serves pages without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
