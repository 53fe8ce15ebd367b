"""Team pages: owners manage, editors read, other organisations see nothing; the last owner stays; history."""

import pytest
from django.urls import reverse

from catalogue.teams import services
from catalogue.teams.models import Invitation
from products.models import MakerMembership
from tests.factories import MakerMembershipFactory, RetailerMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TEAM = reverse("teams:maker-team")


@pytest.fixture
def editor(maker):
    return MakerMembershipFactory(organisation=maker, role="editor", user=UserFactory(username="redakteurin"))


def post(client, action, **data):
    return client.post(TEAM, {"action": action, **data})


def test_an_owner_sees_members_roles_and_open_invitations(maker_client, english, maker, maker_user, editor):
    services.invite(organisation=maker, email="offen@example.org", role="editor", language="en", invited_by=maker_user)
    html = maker_client.get(TEAM).content.decode()
    assert maker_user.username in html and "redakteurin" in html
    assert "offen@example.org" in html and 'value="revoke"' in html
    assert 'id="invite-form"' in html and 'value="remove"' in html


def test_an_editor_reads_the_team_but_changes_nothing(client, english, maker, maker_user, editor):
    client.force_login(editor.user)
    services.invite(organisation=maker, email="offen@example.org", role="editor", language="en", invited_by=maker_user)
    page = client.get(TEAM)
    html = page.content.decode()
    assert page.status_code == 200 and maker_user.username in html
    assert "Only owners manage the team" in html
    assert 'id="invite-form"' not in html and "offen@example.org" not in html and 'value="remove"' not in html
    owner_membership = MakerMembership.objects.get(user=maker_user)
    for action, data in [
        ("invite", {"email": "x@example.org", "role": "owner", "language": "en"}),
        ("remove", {"pk": owner_membership.pk}),
        ("role", {"pk": editor.pk, "role": "owner"}),
        ("revoke", {"pk": Invitation.objects.get().pk}),
    ]:
        assert post(client, action, **data).status_code == 403, action
    assert MakerMembership.objects.get(pk=editor.pk).role == "editor"
    assert MakerMembership.objects.filter(pk=owner_membership.pk).exists()
    assert Invitation.objects.count() == 1 and Invitation.objects.get().is_pending


def test_no_one_sees_or_changes_another_organisations_team(maker_client, maker, other_maker_membership):
    stranger = other_maker_membership
    html = maker_client.get(TEAM).content.decode()
    assert stranger.user.username not in html and stranger.organisation.name not in html
    assert post(maker_client, "remove", pk=stranger.pk).status_code == 404
    assert post(maker_client, "role", pk=stranger.pk, role="editor").status_code == 404
    outsider_invite = services.invite(
        organisation=stranger.organisation,
        email="y@example.org",
        role="editor",
        language="en",
        invited_by=stranger.user,
    )
    assert outsider_invite
    assert post(maker_client, "revoke", pk=Invitation.objects.get().pk).status_code == 404
    assert Invitation.objects.get().is_pending
    assert MakerMembership.objects.get(pk=stranger.pk).role == "owner"


def test_users_outside_any_maker_get_the_friendly_403(client):
    client.force_login(UserFactory())
    assert client.get(TEAM).status_code == 403


def test_an_owner_invites_an_editor(maker_client, english, maker):
    response = post(maker_client, "invite", email="neu@example.org", role="editor", language="de")
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.language, invitation.maker) == (
        "neu@example.org",
        "editor",
        "de",
        maker,
    )


def test_a_bad_address_is_refused_naming_the_field(maker_client, english):
    response = post(maker_client, "invite", email="not an address", role="editor", language="en")
    assert response.status_code == 400
    assert "email" in response.context["invite_form"].errors
    assert not Invitation.objects.exists()


def test_the_last_owner_cannot_be_removed_or_demoted(maker_client, english, maker_user):
    mine = MakerMembership.objects.get(user=maker_user)
    response = post(maker_client, "remove", pk=mine.pk)
    assert response.status_code == 302
    page = maker_client.get(TEAM).content.decode()
    assert "is the only owner: make someone else an owner first" in page
    post(maker_client, "role", pk=mine.pk, role="editor")
    assert MakerMembership.objects.get(pk=mine.pk).role == "owner"
    assert "is the only owner" in maker_client.get(TEAM).content.decode()


def test_an_owner_changes_roles_and_removes_a_member(maker_client, maker_user, editor):
    post(maker_client, "role", pk=editor.pk, role="owner")
    assert MakerMembership.objects.get(pk=editor.pk).role == "owner"
    mine = MakerMembership.objects.get(user=maker_user)
    post(maker_client, "role", pk=mine.pk, role="editor")  # another owner exists now
    assert MakerMembership.objects.get(pk=mine.pk).role == "editor"
    assert post(maker_client, "remove", pk=editor.pk).status_code == 403  # an editor now


def test_an_owner_removes_an_editor_and_revokes_an_invitation(maker_client, maker, maker_user, editor):
    post(maker_client, "remove", pk=editor.pk)
    assert not MakerMembership.objects.filter(pk=editor.pk).exists()
    services.invite(organisation=maker, email="z@example.org", role="editor", language="en", invited_by=maker_user)
    post(maker_client, "revoke", pk=Invitation.objects.get().pk)
    assert Invitation.objects.get().revoked_by == maker_user


def test_every_membership_change_is_recorded_with_who_and_when(maker_client, english, maker, maker_user, editor):
    post(maker_client, "role", pk=editor.pk, role="owner")
    post(maker_client, "role", pk=editor.pk, role="editor")
    post(maker_client, "remove", pk=editor.pk)
    records = list(MakerMembership.history.filter(id=editor.pk).order_by("history_date", "history_id"))
    assert [(r.history_type, r.role) for r in records] == [
        ("+", "editor"),
        ("~", "owner"),
        ("~", "editor"),
        ("-", "editor"),
    ]
    assert [r.history_user for r in records[1:]] == [maker_user] * 3
    html = maker_client.get(TEAM).content.decode()
    assert f"redakteurin removed, was Editor (by {maker_user.username})" in html
    assert f"redakteurin role changed to Owner (by {maker_user.username})" in html


def test_joining_by_invitation_is_recorded_with_the_new_member_as_author(client, maker, maker_user):
    token = services.invite(
        organisation=maker, email="n@example.org", role="editor", language="en", invited_by=maker_user
    )
    client.post(
        reverse("teams:accept", args=[token]),
        {"username": "n", "password1": "Amboss-und-Esse-77", "password2": "Amboss-und-Esse-77"},
    )
    record = MakerMembership.history.get(user__username="n")
    assert record.history_type == "+" and record.history_user.username == "n"


def test_the_team_page_runs_a_fixed_number_of_queries(maker_client, maker, maker_user, django_assert_num_queries):
    def fill(count):
        for _ in range(count):
            member = MakerMembershipFactory(organisation=maker, role="editor")
            services.change_role(member, "owner", by=maker_user)
            services.invite(
                organisation=maker,
                email=f"{member.user.username}x@example.org",
                role="editor",
                language="en",
                invited_by=maker_user,
            )

    fill(2)
    with django_assert_num_queries(7):
        assert maker_client.get(TEAM).status_code == 200
    fill(10)
    with django_assert_num_queries(7):
        html = maker_client.get(TEAM).content.decode()
    assert html.count('value="revoke"') == 12 and html.count('value="remove"') == 13


class TestRetailerTeam:
    def url(self, retailer):
        return reverse("teams:retailer-team", args=[retailer.slug])

    def test_owners_manage_and_editors_read(self, client, english, retailer, retailer_membership):
        editor = RetailerMembershipFactory(organisation=retailer, role="editor")
        client.force_login(editor.user)
        assert client.get(self.url(retailer)).status_code == 200
        assert client.post(self.url(retailer), {"action": "remove", "pk": retailer_membership.pk}).status_code == 403
        client.force_login(retailer_membership.user)
        response = client.post(
            self.url(retailer), {"action": "invite", "email": "laden@example.org", "role": "editor", "language": "en"}
        )
        assert response.status_code == 302 and Invitation.objects.get().retailer == retailer
        client.post(self.url(retailer), {"action": "remove", "pk": retailer_membership.pk})
        assert "is the only owner" in client.get(self.url(retailer)).content.decode()
        client.post(self.url(retailer), {"action": "remove", "pk": editor.pk})
        assert retailer.memberships.count() == 1
        assert retailer_membership.history.model.objects.filter(history_type="-").count() == 1

    def test_another_retailers_team_is_a_404(self, client, retailer):
        other = RetailerMembershipFactory()
        client.force_login(other.user)
        assert client.get(self.url(retailer)).status_code == 404
        assert client.post(self.url(retailer), {"action": "invite", "email": "a@example.org"}).status_code == 404


class TestOwnersOnly:
    """Only owners manage API tokens (the organisation's data is edited by staff in the admin)."""

    def test_an_editor_gets_no_token(self, client, editor):
        client.force_login(editor.user)
        assert client.get(reverse("api:tokens")).status_code == 403
        assert client.post(reverse("api:tokens"), {"action": "create"}).status_code == 403
        assert reverse("api:tokens") not in client.get(reverse("products:workspace")).content.decode()

    def test_an_owner_does(self, maker_client):
        assert maker_client.get(reverse("api:tokens")).status_code == 200
        assert reverse("api:tokens") in maker_client.get(reverse("products:workspace")).content.decode()
