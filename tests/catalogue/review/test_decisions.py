"""Approving and rejecting: the service, the page, the history with its author, the mail, and what the maker sees."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalogue.accounts.preferences import remember_language
from catalogue.review import selectors, services
from catalogue.scores.services import refresh_score
from products.models import EvidenceDocument, MakerMembership
from products.services import add_evidence
from tests.factories import EvidenceDocumentFactory, MakerMembershipFactory, UserFactory, uploaded_evidence
from tests.mail import html_part, text_part
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(product):
    return uploaded_evidence(product)


# ---------- The service ----------


def test_approving_sets_the_status_verified_who_and_when(evidence, staff_user):
    services.approve_evidence(evidence, user=staff_user)
    evidence.refresh_from_db()
    assert evidence.review_status == "approved"
    assert evidence.verified is True and evidence.verified_by == staff_user and evidence.verified_at is not None
    assert evidence.reviewed_by == staff_user and evidence.reviewed_at == evidence.verified_at
    assert evidence.rejection_reason == ""


def test_rejecting_needs_a_reason_and_names_the_field(evidence, staff_user):
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as error:
            services.reject_evidence(evidence, user=staff_user, reason=reason)
        assert "rejection_reason" in error.value.message_dict
    evidence.refresh_from_db()
    assert evidence.review_status == "pending"


def test_rejecting_approved_evidence_takes_the_verification_back(evidence, staff_user):
    services.approve_evidence(evidence, user=staff_user)
    services.reject_evidence(evidence, user=staff_user, reason="  Das Datum fehlt.  ")
    evidence.refresh_from_db()
    assert (evidence.review_status, evidence.rejection_reason) == ("rejected", "Das Datum fehlt.")
    assert evidence.verified is False and evidence.verified_by is None and evidence.verified_at is None
    assert evidence.reviewed_by == staff_user


def test_only_staff_decide_and_only_approve_or_reject(evidence, maker_user, staff_user):
    with pytest.raises(PermissionDenied):
        services.approve_evidence(evidence, user=maker_user)
    with pytest.raises(ValidationError) as error:
        services.decide(evidence, "pending", user=staff_user)
    assert "review_status" in error.value.message_dict


def test_the_score_follows_the_decision(product, staff_user):
    document = EvidenceDocumentFactory(product=product, claim="supply_chain")
    before = refresh_score(product).details["overall"]
    services.approve_evidence(document, user=staff_user)
    assert refresh_score(product).details["overall"] > before


def test_a_new_upload_starts_pending_and_a_changed_file_or_link_goes_back_to_pending(product, staff_user, tmp_path):
    link = add_evidence(product, EvidenceDocument(title="Garantie", claim="warranty", url="https://example.org/a"))
    assert link.review_status == "pending"
    services.approve_evidence(link, user=staff_user)

    stored = EvidenceDocument.objects.get(pk=link.pk)
    stored.url = "https://example.org/b"
    stored.save()

    stored.refresh_from_db()
    assert (stored.review_status, stored.verified, stored.reviewed_by) == ("pending", False, None)

    document = uploaded_evidence(product)
    services.reject_evidence(document, user=staff_user, reason="Unleserlich")
    stored = EvidenceDocument.objects.get(pk=document.pk)
    stored.title = "Nur der Titel"  # not what was reviewed: the decision stays
    stored.save()
    assert EvidenceDocument.objects.get(pk=document.pk).review_status == "rejected"
    from django.core.files.uploadedfile import SimpleUploadedFile

    stored.file = SimpleUploadedFile("neu.pdf", b"%PDF-1.7\nneu\n%%EOF\n")
    stored.save()
    stored.refresh_from_db()
    assert (stored.review_status, stored.rejection_reason) == ("pending", "")


def test_ticking_verified_directly_counts_as_an_approval(product, staff_user):
    document = EvidenceDocumentFactory(product=product, verified=True, verified_by=staff_user)
    assert document.review_status == "approved" and document.reviewed_by == staff_user


# ---------- The page ----------


def test_staff_reject_on_the_page_with_a_reason_and_return_to_the_queue(staff_client, evidence, english):
    url = reverse("review:evidence", args=[evidence.pk])
    reason = "Der Bericht gilt für ein anderes Messer."
    response = staff_client.post(url, {"decision": "rejected", "rejection_reason": reason, "next": "/review/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/review/?page=1"
    evidence.refresh_from_db()
    assert evidence.review_status == "rejected"
    assert reason in staff_client.get(url).content.decode()


def test_a_rejection_without_a_reason_shows_the_error_at_the_field(staff_client, evidence, english):
    response = staff_client.post(reverse("review:evidence", args=[evidence.pk]), {"decision": "rejected"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="reason-{evidence.pk}-error"' in html and "Give the reason for the rejection" in html
    assert 'aria-invalid="true"' in html


def test_next_never_leaves_the_site(staff_client, evidence):
    response = staff_client.post(
        reverse("review:evidence", args=[evidence.pk]), {"decision": "approved", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("review:queue")


def test_the_decision_history_names_its_authors(staff_client, evidence, staff_user, english):
    other = UserFactory(username="zweitprüferin", is_staff=True)
    services.reject_evidence(evidence, user=staff_user, reason="Unscharf")
    services.approve_evidence(evidence, user=other)

    history = selectors.decision_history(evidence)

    assert [(record.status, record.author, record.reason) for record in history] == [
        ("approved", other, ""),
        ("rejected", staff_user, "Unscharf"),
    ]
    section = staff_client.get(reverse("review:evidence", args=[evidence.pk])).content.decode()
    section = section[section.index('id="decision-history"') :]
    assert "zweitprüferin" in section and staff_user.username in section and "Unscharf" in section


def test_a_decision_through_the_page_is_recorded_with_the_requests_user(staff_client, evidence, staff_user):
    staff_client.post(reverse("review:evidence", args=[evidence.pk]), {"decision": "approved"})
    assert evidence.history.latest().history_user == staff_user


# ---------- What the maker sees ----------


def test_the_maker_sees_the_decision_and_the_reason_next_to_the_evidence(maker_client, product, staff_user, english):
    waiting = EvidenceDocumentFactory(product=product, title="Wartet noch")
    approved = EvidenceDocumentFactory(product=product, title="Angenommen")
    rejected = EvidenceDocumentFactory(product=product, title="Abgelehnt")
    services.approve_evidence(approved, user=staff_user)
    services.reject_evidence(rejected, user=staff_user, reason="Seite 2 fehlt.")

    html = maker_client.get(product.get_absolute_url()).content.decode()
    section = html[html.index('id="evidence"') :]

    def row(title):
        start = section.index(title)
        return section[start : section.index("</tr>", start)]

    assert "awaiting review" in row(waiting.title)
    assert "badge-verified" in row(approved.title)
    assert "rejected" in row(rejected.title) and "Seite 2 fehlt." in row(rejected.title)


# ---------- The mail ----------


def test_every_member_gets_the_decision_in_their_own_language(
    product, staff_user, smtp_server, evidence, django_capture_on_commit_callbacks
):
    owner = product.maker.memberships.get().user
    editor = MakerMembershipFactory(organisation=product.maker, role=MakerMembership.Role.EDITOR).user
    remember_language(owner, "de")
    remember_language(editor, "en")
    MakerMembershipFactory()  # another maker's member hears nothing

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_evidence(evidence, user=staff_user, reason="Das Prüfdatum fehlt.")
    assert smtp_server.messages == []  # queued, not sent inside the request
    run_queued_tasks()

    assert len(smtp_server.messages) == 2
    german, english = smtp_server.only_one_to(owner.email), smtp_server.only_one_to(editor.email)
    link = f"http://testserver{product.get_absolute_url()}#evidence"
    for message in (german, english):
        assert product.name in message["Subject"]
        assert "Das Prüfdatum fehlt." in text_part(message) and "Das Prüfdatum fehlt." in html_part(message)
        assert link in text_part(message) and f'href="{link}"' in html_part(message)
    assert message["Subject"] == f"Evidence rejected: {product.name}"
    assert "The project team rejected your evidence “Prüfbericht” (Durability / tests)" in text_part(english)
    assert '<html lang="en">' in html_part(english)
    assert '<html lang="de">' in html_part(german)
    assert "Haltbarkeit / Prüfungen" in text_part(german)  # the claim's German label (catalogue's own translations)
    assert "Durability / tests" not in text_part(german)


def test_an_approval_mail_says_so(product, staff_user, smtp_server, evidence, django_capture_on_commit_callbacks):
    owner = product.maker.memberships.get().user
    remember_language(owner, "en")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_evidence(evidence, user=staff_user)
    run_queued_tasks()
    message = smtp_server.only_one_to(owner.email)
    assert message["Subject"] == f"Evidence approved: {product.name}"
    assert "It now counts as verified." in text_part(message)
    assert "Reason:" not in text_part(message)
