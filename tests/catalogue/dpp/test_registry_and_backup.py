"""The registry export (JSON, CSV, staff download) and the backup copy (write, skip, verify, tamper)."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from catalogue.dpp.backup import verify_backup
from tests import factories

from .conftest import SECRETS

pytestmark = pytest.mark.django_db


def test_export_registry_json(tmp_path, restricted, maker, monkeypatch):
    monkeypatch.setenv("BACKUP_BASE_URL", "https://backup.example/passports/")
    factories.ProductFactory(maker=maker)  # a draft: never in the registry
    out = tmp_path / "registry.json"
    call_command("export_registry", "--out", str(out))
    entries = json.loads(out.read_text())["entries"]
    version = restricted.passport_versions.get()
    assert len(entries) == 1
    entry = entries[0]
    assert entry["upi"] == version.snapshot["identifiers"]["upi"]["value"]
    assert entry["facilities"] == [{"name": "Schmiede", "gln": "4012345000009"}]
    assert entry["granularity"] == "model"
    assert entry["content_hash"] == version.content_hash
    assert entry["live_url"].endswith(f"/p/{restricted.passport_code}")
    assert entry["backup_url"] == f"https://backup.example/passports/{restricted.passport_code}/v1/"


def test_export_registry_csv_names_the_operator(tmp_path, maker, maker_user):
    maker.eori = "DE1234567"
    maker.save()
    category = factories.CategoryFactory(commodity_code="82119200")
    from .conftest import restricted_product

    product = restricted_product(maker, maker_user, category=category)
    out = tmp_path / "registry.csv"
    call_command("export_registry", "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[0]["operator"] == "DE1234567" and rows[0]["operator_scheme"] == "eori"
    assert rows[0]["commodity_code"] == "82119200"
    assert rows[0]["facilities"] == "Schmiede (4012345000009)"
    assert rows[0]["backup_url"] == ""
    assert product.passport_code in rows[0]["live_url"]


def test_staff_download_the_registry_from_the_admin(staff_client, restricted, client):
    response = staff_client.get("/admin/catalogue/accessgrant/registry-export/?format=csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert restricted.passport_code in response.content.decode()
    staff_client.logout()
    assert client.get("/admin/catalogue/accessgrant/registry-export/").status_code == 302


def test_backup_writes_verifies_skips_and_catches_tampering(tmp_path, restricted, maker_user, capsys):
    second = factories.republished(restricted, maker_user)
    call_command("backup_passports", "--to", str(tmp_path))
    folder = tmp_path / restricted.passport_code / "v2"
    snapshot = json.loads((folder / "snapshot.json").read_text())
    assert snapshot["version"] == 2 and snapshot["predecessor"]["version"] == 1
    assert (folder / "passport-de.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "passport-en.pdf").read_bytes().startswith(b"%PDF")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["versions"][f"{restricted.passport_code}/v2"]["content_hash"] == second.content_hash
    assert "README.txt" in {path.name for path in tmp_path.iterdir()}
    assert not [secret for secret in SECRETS if secret in (folder / "snapshot.json").read_text()]
    call_command("backup_passports", "--verify", str(tmp_path))

    call_command("backup_passports", "--to", str(tmp_path))  # incremental: nothing new
    assert "Wrote 0 versions, skipped 2" in capsys.readouterr().out

    (folder / "snapshot.json").write_text(json.dumps({**snapshot, "version": 3}))
    with pytest.raises(CommandError):
        call_command("backup_passports", "--verify", str(tmp_path))
    assert verify_backup(tmp_path) == [
        f"{restricted.passport_code}/v2/snapshot.json: changed (SHA-256 does not match the manifest)"
    ]


def test_backup_verify_names_missing_and_extra_files(tmp_path, restricted):
    call_command("backup_passports", "--to", str(tmp_path))
    (tmp_path / restricted.passport_code / "v1" / "passport-en.pdf").unlink()
    (tmp_path / "extra.txt").write_text("x")
    assert verify_backup(tmp_path) == [
        f"{restricted.passport_code}/v1/passport-en.pdf: missing",
        "extra.txt: not in the manifest",
    ]
