"""Evidence files at their public URL: only what a public passport version lists, else members and staff; old URLs."""

import importlib.util

import pytest
from django.conf import settings as project_settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from catalogue.models import PassportVersion
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish_product, withdraw_product
from products.models import EvidenceDocument, Product
from tests.factories import EVIDENCE_PDF as PDF
from tests.factories import UserFactory, complete_product
from tests.factories import uploaded_evidence as uploaded

pytestmark = pytest.mark.django_db

RANDOM_NAMES_MIGRATION = ("products", "0004_evidence_random_names")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def public_url(evidence):
    return reverse("catalogue:evidence-file", args=[evidence.pk, evidence.file_name])


def body(response):
    return b"".join(response.streaming_content)


def listed_urls(version):
    return [entry["url"] for entry in version.snapshot["evidence"]]


# ---------- A draft's evidence ----------


def test_a_drafts_evidence_is_404_for_anonymous(client, product):
    assert client.get(public_url(uploaded(product))).status_code == 404


def test_members_and_staff_open_a_drafts_evidence_at_its_public_url(client, maker_client, product):
    evidence = uploaded(product)
    response = maker_client.get(public_url(evidence))
    assert response.status_code == 200
    assert body(response) == PDF
    client.force_login(UserFactory(username="reviewer", is_staff=True))
    assert body(client.get(public_url(evidence))) == PDF


def test_another_maker_gets_404(client, product, other_maker_membership):
    evidence = uploaded(product)
    client.force_login(other_maker_membership.user)
    assert client.get(public_url(evidence)).status_code == 404


# ---------- Published evidence ----------


def test_publishing_lists_the_checked_url_and_opens_it_to_everyone(client, maker):
    product = complete_product(maker=maker)
    evidence = uploaded(product)
    version = publish_product(product)
    assert f"{project_settings.SITE_BASE_URL}{public_url(evidence)}" in listed_urls(version)
    assert "/media/" not in " ".join(listed_urls(version))
    response = client.get(public_url(evidence))
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_withdrawn_passport_still_lists_it(client, maker):
    product = complete_product(maker=maker)
    evidence = uploaded(product)
    publish_product(product)
    withdraw_product(product)
    assert Product.objects.get(pk=product.pk).status == Product.Status.WITHDRAWN
    assert body(client.get(public_url(evidence))) == PDF


def test_evidence_added_after_publishing_stays_private_until_a_version_lists_it(client, maker):
    product = complete_product(maker=maker)
    publish_product(product)
    evidence = uploaded(product)
    assert client.get(public_url(evidence)).status_code == 404
    publish_product(product)
    assert client.get(public_url(evidence)).status_code == 200


def test_redacting_the_url_from_the_only_version_hides_the_file(client, maker):
    product = complete_product(maker=maker)
    evidence = uploaded(product)
    version = publish_product(product)
    index = [url.endswith(public_url(evidence)) for url in listed_urls(version)].index(True)
    redact_version(version, [f"evidence.{index}.url"], "Enthält Personendaten", UserFactory(username="reviewer"))
    assert client.get(public_url(evidence)).status_code == 404


def test_the_public_check_costs_two_queries_however_many_versions(client, maker, django_assert_num_queries):
    product = complete_product(maker=maker)
    evidence = uploaded(product)
    for index in range(3):
        uploaded(product, f"Anlage {index}.pdf")
        publish_product(product)
    assert PassportVersion.objects.filter(product=product).count() == 3
    with django_assert_num_queries(2):  # the document, then the evidence lists of the public versions
        response = client.get(public_url(evidence))
    assert body(response) == PDF


def test_the_public_url_needs_the_right_file_name(client, maker):
    product = complete_product(maker=maker)
    evidence = uploaded(product)
    publish_product(product)
    assert client.get(reverse("catalogue:evidence-file", args=[evidence.pk, "x.pdf"])).status_code == 404


# ---------- Raw media is not served ----------


@pytest.fixture
def debug_urls(settings):
    """The URLs `make run` serves (DJANGO_DEBUG=1), loaded afresh: catalogue.urls reads DEBUG when imported."""
    settings.DEBUG = True
    spec = importlib.util.find_spec("catalogue.urls")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    settings.ROOT_URLCONF = module
    return module


def test_the_raw_media_url_of_a_draft_answers_404_under_make_run(client, product, debug_urls):
    evidence = uploaded(product)
    assert client.get(f"{project_settings.MEDIA_URL}{evidence.file.name}").status_code == 404


def test_an_old_style_file_without_a_document_is_never_served_under_make_run(client, media, debug_urls):
    old = media / "evidence" / "2026" / "01" / "report.pdf"
    old.parent.mkdir(parents=True)
    old.write_bytes(PDF)
    assert client.get("/media/evidence/2026/01/report.pdf").status_code == 404


# ---------- Files uploaded before random names ----------


def legacy_published_evidence(media, maker) -> EvidenceDocument:
    """Evidence as the old code left it: the original name under evidence/YYYY/MM/, listed by a published version."""
    product = complete_product(maker=maker)
    old = media / "evidence" / "2026" / "01" / "Prüfbericht 2026.pdf"
    old.parent.mkdir(parents=True)
    old.write_bytes(PDF)
    document = uploaded(product)
    EvidenceDocument.objects.filter(pk=document.pk).update(
        file="evidence/2026/01/Prüfbericht 2026.pdf", original_name="", content_type="", legacy_name=""
    )
    PassportVersion.objects.create(
        product=product,
        number=1,
        snapshot={"evidence": [{"url": "http://127.0.0.1:8000/media/evidence/2026/01/Pr%C3%BCfbericht%202026.pdf"}]},
        methodology_version="1.0",
        content_hash="0" * 64,
        published_at=timezone.now(),
    )
    Product.objects.filter(pk=product.pk).update(status=Product.Status.PUBLISHED)
    return document


def run_random_names_migration():
    migration = importlib.import_module(f"products.migrations.{RANDOM_NAMES_MIGRATION[1]}")
    state_apps = MigrationExecutor(connection).loader.project_state(RANDOM_NAMES_MIGRATION).apps
    migration.move_files_to_random_names(state_apps, None)


def test_the_migration_moves_old_files_to_random_names(media, maker, django_capture_on_commit_callbacks):
    document = legacy_published_evidence(media, maker)
    old = media / "evidence" / "2026" / "01" / "Prüfbericht 2026.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        run_random_names_migration()
        assert old.exists()  # kept until the migration is committed
    document.refresh_from_db()
    assert document.file.name.startswith("evidence/") and document.file.name.endswith(".pdf")
    assert "Pr" not in document.file.name
    assert (media / document.file.name).read_bytes() == PDF
    assert not old.exists()
    assert document.legacy_name == "evidence/2026/01/Prüfbericht 2026.pdf"
    assert document.file_name == "Prüfbericht 2026.pdf"
    assert document.content_type == "application/pdf"


def test_an_old_published_url_redirects_to_the_checked_url(client, media, maker):
    document = legacy_published_evidence(media, maker)
    run_random_names_migration()
    document.refresh_from_db()
    response = client.get("/media/evidence/2026/01/Pr%C3%BCfbericht%202026.pdf")
    assert response.status_code == 301
    assert response["Location"] == public_url(document)
    assert body(client.get(response["Location"])) == PDF
