"""Only staff reach /review/; everyone else, anonymous included, gets 404. The preview serves any file to staff only."""

import pytest
from django.urls import reverse

from tests.factories import EVIDENCE_PDF, EvidenceDocumentFactory, UserFactory, uploaded_evidence

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def review_urls(evidence):
    return [
        reverse("review:queue"),
        reverse("review:queue") + "?show=unbacked",
        reverse("review:evidence", args=[evidence.pk]),
        reverse("review:evidence-preview", args=[evidence.pk]),
    ]


@pytest.fixture
def evidence(product):
    return uploaded_evidence(product)


def test_anonymous_visitors_get_404_not_a_login_page(client, evidence):
    for url in review_urls(evidence):
        assert client.get(url).status_code == 404, url


def test_makers_even_of_the_evidence_get_404(maker_client, evidence):
    for url in review_urls(evidence):
        assert maker_client.get(url).status_code == 404, url


def test_retailers_get_404(retailer_client, evidence):
    for url in review_urls(evidence):
        assert retailer_client.get(url).status_code == 404, url


def test_nobody_but_staff_can_decide(client, maker_client, evidence):
    url = reverse("review:evidence", args=[evidence.pk])
    assert client.post(url, {"decision": "approved"}).status_code == 404
    assert maker_client.post(url, {"decision": "approved"}).status_code == 404
    evidence.refresh_from_db()
    assert evidence.review_status == "pending" and evidence.verified is False


def test_staff_reach_every_page(staff_client, evidence):
    for url in review_urls(evidence):
        assert staff_client.get(url).status_code == 200, url


def test_the_header_links_to_the_queue_for_staff_only(staff_client, client, maker_user):
    queue = reverse("review:queue")
    assert f'href="{queue}"' in staff_client.get(reverse("home")).content.decode()
    client.force_login(maker_user)
    assert f'href="{queue}"' not in client.get(reverse("home")).content.decode()


def test_the_preview_streams_a_drafts_pdf_inline_to_staff_framed_by_this_site_only(staff_client, evidence):
    response = staff_client.get(reverse("review:evidence-preview", args=[evidence.pk]))

    assert b"".join(response.streaming_content) == EVIDENCE_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "script-src" not in policy  # nothing in the file may run


def test_an_image_preview_is_sandboxed(staff_client, product):
    image = uploaded_evidence(product, name="foto.png", content=PNG)
    response = staff_client.get(reverse("review:evidence-preview", args=[image.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"].endswith("sandbox; frame-ancestors 'self'")


def test_the_sites_own_pages_still_refuse_framing(staff_client, evidence):
    response = staff_client.get(reverse("review:evidence", args=[evidence.pk]))
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_link_without_a_file_has_no_preview(staff_client, product):
    link = EvidenceDocumentFactory(product=product)
    assert staff_client.get(reverse("review:evidence-preview", args=[link.pk])).status_code == 404


def test_the_maker_of_the_file_gets_404_at_the_preview_though_it_may_open_the_file_elsewhere(maker_client, evidence):
    assert maker_client.get(reverse("review:evidence-preview", args=[evidence.pk])).status_code == 404
    own_file = reverse("products:evidence-file", args=[evidence.pk, evidence.file_name])
    assert maker_client.get(own_file).status_code == 200


def test_staff_without_a_second_factor_do_not_see_the_queue(client):
    client.force_login(UserFactory(username="reviewer", is_staff=True))
    response = client.get(reverse("review:queue"))
    assert response.status_code == 302 and "/2fa/" in response["Location"]
