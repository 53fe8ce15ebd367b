"""Invitations: a hashed one-time token, seven days, revocable; the mail arrives with the link; staff invite owners."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from catalogue.models import RetailerOrganisation
from catalogue.teams import selectors, services
from catalogue.teams.models import Invitation, hash_token
from products.models import MakerOrganisation
from tests.factories import UserFactory
from tests.mail import html_part, text_part
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/invitations/([A-Za-z0-9_-]{43})/")


def invite_editor(maker, owner, email="kollegin@example.org", language="en"):
    return services.invite(organisation=maker, email=email, role="editor", language=language, invited_by=owner)


def test_only_the_tokens_hash_is_stored(maker, maker_user):
    token = invite_editor(maker, maker_user)
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(token) != token
    assert token not in str(Invitation.objects.values().get())
    assert selectors.invitation_for_token(token) == invitation
    assert invitation.matches(token) and not invitation.matches(token[:-1] + "x")


def test_garbled_or_unknown_tokens_open_nothing(maker, maker_user):
    token = invite_editor(maker, maker_user)
    assert selectors.invitation_for_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert selectors.invitation_for_token("short") is None
    assert selectors.invitation_for_token("x" * 43 + "'; drop table") is None


def test_an_invitation_is_valid_for_seven_days_then_expired(maker, maker_user):
    invite_editor(maker, maker_user)
    invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert invitation.state_at(invitation.created_at + timedelta(days=6, hours=23)) == "pending"
    assert invitation.state_at(invitation.created_at + timedelta(days=7)) == "expired"
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    invitation.refresh_from_db()
    with pytest.raises(services.InvitationUnusable):
        services.accept(invitation, UserFactory())
    assert not maker.memberships.filter(role="editor").exists()


def test_an_invitation_works_once(maker, maker_user):
    invite_editor(maker, maker_user)
    invitation = Invitation.objects.get()
    first, second = UserFactory(), UserFactory()
    services.accept(invitation, first)
    with pytest.raises(services.InvitationUnusable):
        services.accept(Invitation.objects.get(), second)
    assert list(maker.memberships.exclude(user=maker_user).values_list("user", flat=True)) == [first.pk]
    assert Invitation.objects.get().accepted_by == first


def test_a_revoked_invitation_no_longer_works(maker, maker_user):
    invite_editor(maker, maker_user)
    invitation = Invitation.objects.get()
    services.revoke(invitation, by=maker_user)
    invitation.refresh_from_db()
    assert invitation.state == "revoked" and invitation.revoked_by == maker_user
    with pytest.raises(services.InvitationUnusable):
        services.accept(invitation, UserFactory())


def test_inviting_the_same_address_again_revokes_the_earlier_link(maker, maker_user):
    first = invite_editor(maker, maker_user)
    second = invite_editor(maker, maker_user)
    assert selectors.invitation_for_token(first).state == "revoked"
    assert selectors.invitation_for_token(second).state == "pending"


def test_a_member_is_not_invited_again(maker, maker_user):
    with pytest.raises(services.TeamError, match="already a member"):
        invite_editor(maker, maker_user, email=maker_user.email.upper())


def test_an_invitation_names_one_organisation_of_its_kind(maker, retailer):
    invitation = Invitation(email="a@example.org", kind="maker", retailer=retailer, token_hash="x" * 64)
    with pytest.raises(Exception, match="maker"):
        invitation.full_clean()


@pytest.mark.django_db(transaction=True)  # the mail is queued when the transaction commits
def test_the_mail_arrives_over_smtp_in_the_invitations_language_with_the_link(maker, maker_user, smtp_server):
    token = invite_editor(maker, maker_user, language="de")
    assert smtp_server.messages == []
    run_queued_tasks()
    message = smtp_server.only_one_to("kollegin@example.org")
    text = text_part(message)
    assert LINK.search(text).group(1) == token
    assert f"http://testserver/invitations/{token}/" in html_part(message)
    # Rendered in German: the page language, and the expiry date as Germans write it (Django's own catalogue).
    assert '<html lang="de">' in html_part(message)
    expires = timezone.localtime(Invitation.objects.get().expires_at)
    with translation.override("de"):
        assert date_format(expires, "DATETIME_FORMAT") in text


@pytest.mark.django_db(transaction=True)  # the mail is queued when the transaction commits
def test_the_same_mail_in_english(maker, maker_user, smtp_server):
    invite_editor(maker, maker_user, language="en")
    run_queued_tasks()
    message = smtp_server.only_one_to("kollegin@example.org")
    assert message["Subject"] == f"Your invitation to {maker.name}"
    assert f"{maker_user.username} invites you to the team of {maker.name}" in text_part(message)
    assert "works once" in text_part(message)


@pytest.mark.django_db(transaction=True)  # the mail is queued when the transaction commits
@pytest.mark.parametrize(("kind", "model"), [("maker", MakerOrganisation), ("retailer", RetailerOrganisation)])
def test_staff_invite_the_owner_of_a_new_organisation_which_the_invitation_creates(
    kind, model, staff_user, smtp_server, english
):
    invitation, token = services.invite_owner_of_new_organisation(
        kind=kind, name="Messerschmiede Kühn & Söhne", email="inhaber@example.org", language="en", invited_by=staff_user
    )
    organisation = model.objects.get(name="Messerschmiede Kühn & Söhne")
    assert organisation.slug == "messerschmiede-kuhn-sohne"
    assert invitation.organisation == organisation and invitation.role == "owner" and invitation.new_organisation
    run_queued_tasks()
    text = text_part(smtp_server.only_one_to("inhaber@example.org"))
    assert "has set up Messerschmiede Kühn & Söhne in the catalogue and invites you as its owner" in text
    assert token in text


def test_the_same_name_twice_gets_its_own_slug(staff_user):
    for _ in range(2):
        services.invite_owner_of_new_organisation(
            kind="maker", name="Schmiede", email="a@example.org", language="de", invited_by=staff_user
        )
    assert sorted(MakerOrganisation.objects.values_list("slug", flat=True)) == ["schmiede", "schmiede-2"]


class TestAdmin:
    add_url = "/admin/catalogue/invitation/add/"

    @pytest.mark.django_db(transaction=True)
    def test_staff_invite_a_new_maker_in_the_admin_and_the_mail_arrives(self, staff_client, smtp_server):
        response = staff_client.post(
            self.add_url,
            {"kind": "maker", "organisation_name": "Klingenwerk", "email": "chefin@example.org", "language": "de"},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        invitation = Invitation.objects.get()
        assert invitation.maker.name == "Klingenwerk" and invitation.role == "owner"
        assert invitation.invited_by is not None and invitation.invited_by.is_staff
        run_queued_tasks()
        message = smtp_server.only_one_to("chefin@example.org")
        assert "Klingenwerk" in message["Subject"] and '<html lang="de">' in html_part(message)
        assert LINK.search(text_part(message))

    def test_the_form_names_the_missing_field(self, staff_client):
        response = staff_client.post(self.add_url, {"kind": "maker", "organisation_name": "", "email": "x@example.org"})
        assert response.status_code == 200
        assert "organisation_name" in response.context["adminform"].form.errors
        assert not Invitation.objects.exists() and not MakerOrganisation.objects.exists()

    @pytest.mark.django_db(transaction=True)
    def test_staff_revoke_and_resend_from_the_list(self, staff_client, staff_user, smtp_server):
        invitation, _token = services.invite_owner_of_new_organisation(
            kind="retailer", name="Laden", email="l@example.org", language="en", invited_by=staff_user
        )
        url = "/admin/catalogue/invitation/"
        staff_client.post(url, {"action": "send_again", "_selected_action": [invitation.pk]})
        open_invitations = Invitation.objects.filter(accepted_at=None, revoked_at=None)
        assert open_invitations.count() == 1 and Invitation.objects.count() == 2  # the new link replaced the old
        everything = list(Invitation.objects.values_list("pk", flat=True))
        staff_client.post(url, {"action": "revoke_invitations", "_selected_action": everything})
        assert not open_invitations.exists()
        run_queued_tasks()
        assert len(smtp_server.to("l@example.org")) == 2

    def test_the_list_and_an_invitations_page_open(self, staff_client, staff_user):
        invitation, _token = services.invite_owner_of_new_organisation(
            kind="maker", name="Werk", email="w@example.org", language="en", invited_by=staff_user
        )
        assert staff_client.get("/admin/catalogue/invitation/").status_code == 200
        assert staff_client.get(f"/admin/catalogue/invitation/{invitation.pk}/change/").status_code == 200
        assert staff_client.get(self.add_url).status_code == 200
