"""A member of several organisations switches between them; pages about one organisation use the current one."""

import pytest
from django.urls import reverse

from products.models import MakerMembership
from tests.factories import MakerMembershipFactory, MakerOrganisationFactory

pytestmark = pytest.mark.django_db

SWITCH = reverse("products:switch-organisation")
TEAM = reverse("teams:maker-team")


@pytest.fixture
def second(maker_user):
    organisation = MakerOrganisationFactory(name="Zweite Schmiede")
    MakerMembershipFactory(user=maker_user, organisation=organisation, role="editor")
    return organisation


def test_one_organisation_shows_no_switcher(maker_client):
    assert 'id="organisation-select"' not in maker_client.get(reverse("products:workspace")).content.decode()


def test_the_header_offers_the_switch_to_members_of_several(maker_client, maker, second):
    html = maker_client.get(reverse("products:workspace")).content.decode()
    assert 'id="organisation-select"' in html
    assert f'<option value="{maker.pk}" selected>' in html and f'<option value="{second.pk}">' in html


def test_switching_changes_the_team_and_the_new_products_maker(maker_client, english, maker, second):
    assert maker.name in maker_client.get(TEAM).content.decode()  # the first by name is current at first
    response = maker_client.post(SWITCH, {"organisation": second.pk, "next": TEAM})
    assert response.status_code == 302 and response["Location"] == TEAM
    team = maker_client.get(TEAM)
    assert team.context["team"].organisation == second
    assert not team.context["team"].viewer_is_owner  # an editor there, an owner in the first
    editor = maker_client.get(reverse("products:product-create")).context["editor"]
    assert editor.product_form["maker"].value() == second.pk
    assert maker_client.session["current_maker_organisation"] == second.pk
    # The product list still shows every organisation's products (it names the maker).
    assert maker_client.get(reverse("products:workspace")).context["several_organisations"]


def test_one_cannot_switch_to_an_organisation_one_is_not_a_member_of(maker_client, english, maker, other_maker):
    response = maker_client.post(SWITCH, {"organisation": other_maker.pk}, follow=True)
    assert "Choose one of your organisations." in response.content.decode()
    assert maker_client.get(TEAM).context["team"].organisation == maker


def test_an_outside_next_url_is_not_followed(maker_client, second):
    response = maker_client.post(SWITCH, {"organisation": second.pk, "next": "https://evil.example/"})
    assert response["Location"] == reverse("products:workspace")


def test_leaving_the_current_organisation_falls_back_to_another(maker_client, maker, maker_user, second):
    maker_client.post(SWITCH, {"organisation": second.pk})
    MakerMembership.objects.filter(user=maker_user, organisation=second).delete()
    assert maker_client.get(TEAM).context["team"].organisation == maker
