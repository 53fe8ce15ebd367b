"""Publishing from the maker workspace: the buttons, refusals, other makers, and the passport panel."""

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from catalogue.models import PassportVersion
from catalogue.passports.services import publish_product
from products.models import Product
from tests.factories import MakerMembershipFactory, ProductFactory, complete_product, republished

pytestmark = pytest.mark.django_db


def test_maker_publishes_and_republishes_from_the_workspace(maker_client, maker, maker_user):
    product = complete_product(maker=maker)
    url = reverse("publishing:publish", args=[product.pk])
    response = maker_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"{product.get_absolute_url()}#passport"
    product.name = "Kochmesser, neue Auflage"
    product.save()
    maker_client.post(url)
    versions = PassportVersion.objects.filter(product=product).order_by("number")
    assert [version.number for version in versions] == [1, 2]
    assert versions[0].published_by == maker_user
    product.refresh_from_db()
    assert product.status == Product.Status.PUBLISHED


def test_publishing_an_incomplete_product_is_refused_with_what_is_missing(maker_client, maker):
    product = ProductFactory(maker=maker, description="")
    response = maker_client.post(reverse("publishing:publish", args=[product.pk]), follow=True)
    text = response.content.decode()
    assert "material" in text
    assert not PassportVersion.objects.filter(product=product).exists()


def test_withdraw_keeps_the_passport_and_marks_it(maker_client, maker):
    product = complete_product(maker=maker)
    publish_product(product)
    response = maker_client.post(reverse("publishing:withdraw", args=[product.pk]))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == Product.Status.WITHDRAWN
    assert PassportVersion.objects.filter(product=product).count() == 1


def test_withdrawing_a_draft_is_refused_without_an_error_page(maker_client, maker):
    product = ProductFactory(maker=maker)
    response = maker_client.post(reverse("publishing:withdraw", args=[product.pk]))
    assert response.status_code == 302
    page = maker_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Only a published passport can be withdrawn." in page.content.decode()
    product.refresh_from_db()
    assert product.status == Product.Status.DRAFT


def test_another_makers_product_answers_404(client, maker):
    product = complete_product(maker=maker)
    client.force_login(MakerMembershipFactory().user)
    for name in ("publishing:publish", "publishing:withdraw"):
        assert client.post(reverse(name, args=[product.pk])).status_code == 404
    assert not PassportVersion.objects.filter(product=product).exists()


def test_publishing_needs_a_post_and_a_login(maker_client, maker):
    product = complete_product(maker=maker)
    url = reverse("publishing:publish", args=[product.pk])
    anonymous = Client()
    assert anonymous.post(url).status_code == 302  # to the login page
    assert maker_client.get(url).status_code == 405
    assert not PassportVersion.objects.filter(product=product).exists()


def render_panel(product) -> str:
    template = Template("{% include 'products/includes/passport_section.html' %}")
    return template.render(Context({"product": product, "csrf_token": "x"}))


def test_panel_lists_what_is_missing_for_a_draft():
    product = ProductFactory(description="")
    html = render_panel(product)
    assert "passport-missing" in html
    assert "material" in html
    assert reverse("publishing:publish", args=[product.pk]) in html
    assert reverse("publishing:withdraw", args=[product.pk]) not in html
    assert reverse("catalogue:passport-pdf", args=[product.passport_code]) not in html


def test_panel_lists_versions_with_hash_methodology_and_links(maker_user):
    product = complete_product()
    first = publish_product(product, maker_user)
    second = republished(product, maker_user)
    html = render_panel(product)
    assert first.short_hash in html and second.short_hash in html
    assert second.methodology_version in html
    assert maker_user.get_username() in html
    assert reverse("catalogue:passport-version-pdf", args=[product.passport_code, 1]) in html
    assert reverse("publishing:withdraw", args=[product.pk]) in html
    assert "passport-missing" not in html


def test_panel_query_count_does_not_grow_with_versions(django_assert_max_num_queries):
    product = complete_product()
    publish_product(product)
    for _ in range(3):
        republished(product)
    with django_assert_max_num_queries(6):
        render_panel(product)
