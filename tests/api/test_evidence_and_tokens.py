"""Evidence upload with size and type limits, the token page and token sign-in (throttling: test_throttling.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token

from products.models import EvidenceDocument
from tests.api.conftest import english_client
from tests.factories import EvidenceDocumentFactory, ProductFactory, RetailerMembershipFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def evidence_url(product):
    return f"/api/v1/products/{product.passport_code}/evidence/"


class TestEvidence:
    def test_upload_a_pdf(self, maker_api_client, product, media):
        response = maker_api_client.post(
            evidence_url(product),
            {"title": "Prüfbericht", "claim": "durability", "file": SimpleUploadedFile("bericht.pdf", PDF)},
            format="multipart",
        )
        assert response.status_code == 201, response.json()
        evidence = EvidenceDocument.objects.get(product=product)
        assert evidence.verified is False
        assert evidence.file.read() == PDF
        assert response.json()["file"].startswith("http://testserver/media/evidence/")
        assert response.json()["verified"] is False

    def test_a_link_as_json(self, maker_api_client, product):
        response = maker_api_client.post(
            evidence_url(product),
            {"title": "Reparaturanleitung", "claim": "repair", "url": "https://example.org/repair"},
            format="json",
        )
        assert response.status_code == 201
        assert EvidenceDocument.objects.get().url == "https://example.org/repair"

    def test_verified_cannot_be_claimed(self, maker_api_client, product):
        maker_api_client.post(
            evidence_url(product),
            {"title": "T", "claim": "repair", "url": "https://example.org/r", "verified": True},
            format="json",
        )
        assert EvidenceDocument.objects.get().verified is False

    def test_file_type_is_limited(self, maker_api_client, product):
        response = maker_api_client.post(
            evidence_url(product),
            {"title": "T", "claim": "durability", "file": SimpleUploadedFile("tool.exe", b"MZ...")},
            format="multipart",
        )
        assert response.status_code == 400
        assert "file" in response.json()
        assert "PDF, PNG, JPEG or WebP" in response.json()["file"][0]
        assert not EvidenceDocument.objects.exists()

    def test_file_size_is_limited(self, maker_api_client, product, settings):
        settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
        response = maker_api_client.post(
            evidence_url(product),
            {"title": "T", "claim": "durability", "file": SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)},
            format="multipart",
        )
        assert response.status_code == 400
        assert "file" in response.json()
        assert not EvidenceDocument.objects.exists()

    def test_a_file_or_a_link_is_needed(self, maker_api_client, product):
        response = maker_api_client.post(evidence_url(product), {"title": "T", "claim": "durability"}, format="json")
        assert response.status_code == 400
        assert "url" in response.json()

    def test_delete_removes_the_file_once_committed(
        self, maker_api_client, product, media, django_capture_on_commit_callbacks
    ):
        maker_api_client.post(
            evidence_url(product),
            {"title": "T", "claim": "durability", "file": SimpleUploadedFile("bericht.pdf", PDF)},
            format="multipart",
        )
        evidence = EvidenceDocument.objects.get()
        stored = media / evidence.file.name
        assert stored.exists()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = maker_api_client.delete(f"{evidence_url(product)}{evidence.pk}/")
            assert stored.exists()  # kept until the deletion is committed
        assert response.status_code == 204
        assert len(callbacks) == 1
        assert not EvidenceDocument.objects.exists()
        assert not stored.exists()

    def test_evidence_appears_in_the_product(self, clients, maker):
        product = ProductFactory(maker=maker)
        EvidenceDocumentFactory(product=product, verified=True)
        data = clients["maker"].get(f"/api/v1/products/{product.passport_code}/").json()
        assert [(e["title"], e["verified"]) for e in data["evidence"]] == [("Prüfbericht Schneidhaltigkeit", True)]

    def test_evidence_of_another_product_is_not_found(self, maker_api_client, maker):
        mine = ProductFactory(maker=maker)
        other = EvidenceDocumentFactory(product=ProductFactory(maker=maker))
        assert maker_api_client.get(f"{evidence_url(mine)}{other.pk}/").status_code == 404
        assert maker_api_client.delete(f"{evidence_url(mine)}{other.pk}/").status_code == 404


class TestTokenPage:
    url = "/api/tokens/"

    def test_login_required(self, client):
        response = client.get(self.url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_only_for_maker_and_retailer_members(self, client, db):
        client.force_login(UserFactory())
        assert client.get(self.url).status_code == 403

    def test_retailer_members_keep_their_assortment_with_a_token(self, client, db):
        membership = RetailerMembershipFactory()
        client.force_login(membership.user)
        page = client.get(self.url, headers={"Accept-Language": "en"}).content.decode()
        assert "keep your assortment" in page
        assert f"/api/v1/retailers/{membership.organisation.slug}/assortment/" in page
        client.post(self.url, {"action": "create"})
        api = english_client()
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=membership.user).key}")
        assert api.get(f"/api/v1/retailers/{membership.organisation.slug}/assortment/").status_code == 200

    def test_create_shows_the_key_once(self, client, maker_membership):
        client.force_login(maker_membership.user)
        assert "You have no token." in client.get(self.url, headers={"Accept-Language": "en"}).content.decode()

        response = client.post(self.url, {"action": "create"}, headers={"Accept-Language": "en"})
        token = Token.objects.get(user=maker_membership.user)
        assert response.status_code == 200
        assert token.key in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0")
        assert "no-store" in response["Cache-Control"]

        again = client.get(self.url, headers={"Accept-Language": "en"}).content.decode()
        assert token.key not in again
        assert "You have a token." in again

    def test_the_new_token_signs_in_to_the_api(self, client, maker_membership, product):
        client.force_login(maker_membership.user)
        client.post(self.url, {"action": "create"})
        api = english_client()
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get().key}")
        assert api.get(f"/api/v1/products/{product.passport_code}/").status_code == 200

    def test_create_again_replaces_the_old_token(self, client, maker_membership):
        client.force_login(maker_membership.user)
        client.post(self.url, {"action": "create"})
        old = Token.objects.get().key
        client.post(self.url, {"action": "create"})
        assert Token.objects.get().key != old

    def test_revoke(self, client, maker_membership, product):
        client.force_login(maker_membership.user)
        client.post(self.url, {"action": "create"})
        key = Token.objects.get().key
        response = client.post(self.url, {"action": "revoke"})
        assert response.status_code == 302
        assert not Token.objects.exists()
        api = english_client()
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert api.get(f"/api/v1/products/{product.passport_code}/").status_code == 401

    def test_csrf_protected(self, maker_membership):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(maker_membership.user)
        assert client.post(self.url, {"action": "create"}).status_code == 403
        assert not Token.objects.exists()
