"""The start-up check: production without `collectstatic` is refused with the fix, not served as 500s."""

import json
import subprocess
import sys

from tests.catalogue.conftest import PRODUCTION, ROOT, run_manage


def test_missing_manifest_is_an_error_that_names_the_fix_until_collectstatic_runs(tmp_path):
    result = run_manage("check", **PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode != 0
    assert "catalogue.E001" in result.stderr
    assert "have not been collected" in result.stderr
    assert "manage.py collectstatic" in result.stderr
    # Development settings serve the files from the finders: nothing to collect.
    assert run_manage("check", DJANGO_DEBUG="1", DJANGO_STATIC_ROOT=str(tmp_path)).returncode == 0

    collected = run_manage("collectstatic", "--noinput", **PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))
    assert collected.returncode == 0, collected.stderr
    result = run_manage("check", **PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_manifest_without_a_current_file_is_out_of_date(collected_static, tmp_path):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())
    del manifest["paths"]["css/site.css"]
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))

    result = run_manage("check", **PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode != 0
    assert "catalogue.E002" in result.stderr
    assert "css/site.css" in result.stderr
    assert "manage.py collectstatic" in result.stderr


def start_wsgi(static_root) -> subprocess.CompletedProcess:
    """Import the WSGI application as each gunicorn worker does (gunicorn runs no system checks of its own)."""
    environment = {**PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", "import catalogue.wsgi"], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_the_wsgi_server_refuses_to_start_without_collected_files(tmp_path, collected_static):
    result = start_wsgi(tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "manage.py collectstatic" in result.stderr
    started = start_wsgi(collected_static)
    assert started.returncode == 0, started.stderr
