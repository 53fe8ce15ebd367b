"""Fixtures of the catalogue tests: manage.py in a clean environment, and production with collected static files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "werkstatt.example.org",
}


def run_manage(*args, **env):
    """manage.py in a subprocess with only the given DJANGO_* variables, as a fresh deployment sees them."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT filled by a real `collectstatic` with production settings (manifest storage), once per run."""
    root = tmp_path_factory.mktemp("staticfiles")
    result = run_manage("collectstatic", "--noinput", **PRODUCTION, DJANGO_STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root
