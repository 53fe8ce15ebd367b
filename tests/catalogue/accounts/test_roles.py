"""A user's roles are read once per request by the context processor; templates never query memberships."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.accounts.selectors import NO_ROLES, Roles, roles_of
from tests.factories import MakerMembershipFactory, RetailerMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_roles_of_each_kind_of_user(django_assert_num_queries):
    maker = MakerMembershipFactory().user
    retailer = RetailerMembershipFactory().user
    both = MakerMembershipFactory().user
    RetailerMembershipFactory(user=both)
    staff = UserFactory(is_staff=True)
    editor = MakerMembershipFactory(role="editor").user
    with django_assert_num_queries(1):
        assert roles_of(maker) == Roles(is_maker=True, is_owner=True)
    assert roles_of(retailer) == Roles(is_retailer=True, is_owner=True)
    assert roles_of(both) == Roles(is_maker=True, is_retailer=True, is_owner=True)
    assert roles_of(staff) == Roles(is_staff=True)
    assert roles_of(editor) == Roles(is_maker=True)
    assert not roles_of(staff).may_hold_token and roles_of(retailer).may_hold_token
    assert not roles_of(editor).may_hold_token  # only owners manage API tokens


def test_anonymous_users_have_no_roles_and_cost_no_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert roles_of(AnonymousUser()) is NO_ROLES


@pytest.mark.parametrize(
    ("kind", "links", "absent"),
    [
        ("maker", ["products:workspace", "api:tokens"], ["retailer:index", "admin:index"]),
        ("retailer", ["retailer:index", "api:tokens"], ["products:workspace", "admin:index"]),
    ],
)
def test_the_navigation_follows_the_roles_with_one_query_for_them(client, kind, links, absent):
    membership = MakerMembershipFactory() if kind == "maker" else RetailerMembershipFactory()
    client.force_login(membership.user)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("catalogue:methodology")).content.decode()
    for name in links:
        assert f'href="{reverse(name)}"' in html
    for name in absent:
        assert f'href="{reverse(name)}"' not in html
    membership_queries = [q["sql"] for q in queries if "membership" in q["sql"].lower()]
    assert len(membership_queries) == 1, membership_queries
