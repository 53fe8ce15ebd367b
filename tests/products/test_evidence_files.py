"""Evidence files: the content decides the type, stored names are random, the workspace serves members and staff."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from products.forms import EvidenceForm
from products.models import EvidenceDocument
from products.services import add_evidence
from tests.factories import EVIDENCE_PDF, RetailerMembershipFactory, UserFactory
from tests.factories import uploaded_evidence as uploaded

pytestmark = pytest.mark.django_db

PDF = EVIDENCE_PDF
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 16
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 16
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"This program cannot be run in DOS mode."
ACCEPTED = "PDF, PNG, JPEG or WebP"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def evidence_form(name, content):
    return EvidenceForm({"title": "Prüfbericht", "claim": "durability"}, {"file": SimpleUploadedFile(name, content)})


def workspace_url(evidence):
    return reverse("products:evidence-file", args=[evidence.pk, evidence.file_name])


# ---------- The content decides ----------


@pytest.mark.parametrize(
    "name, content, content_type, stored_extension",
    [
        ("bericht.pdf", PDF, "application/pdf", ".pdf"),
        ("foto.png", PNG, "image/png", ".png"),
        ("foto.jpeg", JPEG, "image/jpeg", ".jpg"),
        ("foto.webp", WEBP, "image/webp", ".webp"),
    ],
)
def test_accepted_types_are_recognised_by_their_content(product, name, content, content_type, stored_extension):
    evidence = uploaded(product, name, content)
    assert evidence.content_type == content_type
    assert evidence.file.name.endswith(stored_extension)
    assert evidence.file_name == name


def test_a_program_renamed_to_pdf_is_refused_naming_the_field_and_the_accepted_types():
    form = evidence_form("rechnung.pdf", WINDOWS_PROGRAM)
    assert not form.is_valid()
    assert list(form.errors) == ["file"]
    [message] = form.errors["file"]
    assert ACCEPTED in message
    assert "rechnung.pdf" in message


@pytest.mark.parametrize("content", [b"just some notes\n", b"%PD", b"RIFF\x24\x00\x00\x00WAVEfmt ", b"x%PDF-1.7"])
def test_content_that_is_none_of_the_types_is_refused(content):
    form = evidence_form("notes.pdf", content)
    assert not form.is_valid()
    assert ACCEPTED in " ".join(form.errors["file"])


def test_every_writer_checks_the_content_not_only_the_workspace_form(product):
    # The admin and the API reach the model's own validation (add_evidence runs full_clean).
    evidence = EvidenceDocument(product=product, title="T", claim="durability")
    evidence.file = SimpleUploadedFile("tool.pdf", WINDOWS_PROGRAM)
    with pytest.raises(ValidationError) as raised:
        add_evidence(product, evidence)
    assert ACCEPTED in " ".join(raised.value.message_dict["file"])
    assert not EvidenceDocument.objects.exists()


def test_an_image_named_pdf_is_stored_and_named_as_what_it_is(product):
    evidence = uploaded(product, "scan.pdf", PNG)
    assert evidence.content_type == "image/png"
    assert evidence.file.name.endswith(".png")
    assert evidence.file_name == "scan.png"


def test_the_size_limit_holds_for_every_writer_with_a_clear_message(product, settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
    form = evidence_form("bericht.pdf", PDF + b"0" * 4096)
    assert not form.is_valid()
    assert form.errors["file"] == ["The file should be at most 1.0\xa0KB, not 4.0\xa0KB."]
    # The admin and the API reach the same limit through the model.
    evidence = EvidenceDocument(product=product, title="T", claim="durability")
    evidence.file = SimpleUploadedFile("bericht.pdf", PDF + b"0" * 4096)
    with pytest.raises(ValidationError) as raised:
        add_evidence(product, evidence)
    assert raised.value.message_dict["file"] == ["The file should be at most 1.0\xa0KB, not 4.0\xa0KB."]


# ---------- Random names ----------


def test_stored_names_are_random_and_keep_nothing_of_the_upload(product, media):
    first = uploaded(product, "Prüfbericht Härte 2026.pdf")
    second = uploaded(product, "Prüfbericht Härte 2026.pdf")
    for evidence in (first, second):
        assert re.fullmatch(r"evidence/[0-9a-f]{32}\.pdf", evidence.file.name), evidence.file.name
        assert (media / evidence.file.name).read_bytes() == PDF
        assert evidence.file_name == "Prüfbericht Härte 2026.pdf"
    assert first.file.name != second.file.name
    assert not list(media.rglob("Pr*"))


@pytest.mark.parametrize(
    "given, kept",
    [
        ('../../etc/"pass"wd\r\n.pdf', "_pass_wd_.pdf"),
        ("C:\\Users\\kim\\Bericht.PDF", "Bericht.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("Bericht", "Bericht.pdf"),
    ],
)
def test_the_original_name_is_kept_sanitised_for_display(product, given, kept):
    assert uploaded(product, given).file_name == kept


# ---------- The workspace serves members and staff ----------


def test_a_member_gets_the_bytes_with_headers_that_keep_a_crafted_file_from_running(maker_client, product):
    evidence = uploaded(product)
    response = maker_client.get(workspace_url(evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Pruefbericht.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_non_ascii_name_is_sent_encoded(maker_client, product):
    evidence = uploaded(product, "Prüfbericht.pdf")
    response = maker_client.get(workspace_url(evidence))
    assert response.status_code == 200
    assert response["Content-Disposition"] == "inline; filename*=utf-8''Pr%C3%BCfbericht.pdf"


def test_staff_get_any_makers_file(client, product):
    evidence = uploaded(product)
    client.force_login(UserFactory(username="reviewer", is_staff=True))
    response = client.get(workspace_url(evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("who", ["other maker", "retailer"])
def test_anyone_else_signed_in_gets_404(client, product, other_maker_membership, who):
    evidence = uploaded(product)
    user = other_maker_membership.user if who == "other maker" else RetailerMembershipFactory().user
    client.force_login(user)
    assert client.get(workspace_url(evidence)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, product):
    response = client.get(workspace_url(uploaded(product)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_wrong_file_name_answers_404(maker_client, product):
    evidence = uploaded(product)
    url = reverse("products:evidence-file", args=[evidence.pk, "other.pdf"])
    assert maker_client.get(url).status_code == 404


def test_a_lost_file_answers_404_not_500(maker_client, product, media):
    evidence = uploaded(product)
    (media / evidence.file.name).unlink()
    assert maker_client.get(workspace_url(evidence)).status_code == 404


def test_behind_nginx_the_view_only_names_the_file_for_x_accel_redirect(maker_client, product, settings):
    settings.EVIDENCE_X_ACCEL_REDIRECT_PREFIX = "/protected-evidence/"
    evidence = uploaded(product)
    response = maker_client.get(workspace_url(evidence))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-evidence/{evidence.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Pruefbericht.pdf"'


def test_the_product_page_links_the_checked_url_not_media(maker_client, product):
    evidence = uploaded(product)
    html = maker_client.get(product.get_absolute_url()).content.decode()
    assert workspace_url(evidence) in html
    assert evidence.file.name not in html
