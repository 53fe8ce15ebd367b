"""Maker workspace: who sees what, creating and editing products in one transaction."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lifecycle.models import Durability, EndOfLife, Repairability, SparePart
from products.models import Material, Product, SupplyChainStep
from products.selectors import product_detail_queryset
from tests.factories import (
    CategoryFactory,
    MakerMembershipFactory,
    MakerOrganisationFactory,
    MaterialFactory,
    ProductFactory,
    UserFactory,
    complete_product,
)
from tests.products.formdata import form_data

pytestmark = pytest.mark.django_db


def edit_url(product):
    return reverse("products:product-edit", args=[product.pk])


# ---------- Access ----------


def test_anonymous_users_are_sent_to_the_login_page(client, product):
    for url in [
        reverse("products:workspace"),
        reverse("products:product-create"),
        reverse("products:product-detail", args=[product.pk]),
        edit_url(product),
        reverse("products:product-history", args=[product.pk]),
        reverse("products:evidence-add", args=[product.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_user_without_maker_organisation_gets_a_friendly_403(client):
    client.force_login(UserFactory())
    response = client.get(reverse("products:workspace"))
    assert response.status_code == 403
    assert "not linked to a maker" in response.content.decode()
    assert client.get(reverse("products:product-create")).status_code == 403


def test_the_list_shows_only_the_users_own_products(maker_client, product, other_product):
    response = maker_client.get(reverse("products:workspace"))
    html = response.content.decode()
    assert response.status_code == 200
    assert product.name in html
    assert product.passport_code_display in html
    assert product.gtin in html
    assert "Draft" in html
    assert other_product.name not in html


@pytest.mark.parametrize("view", ["product-detail", "product-edit", "product-history", "evidence-add"])
def test_another_organisations_product_answers_404(maker_client, other_product, view):
    assert maker_client.get(reverse(f"products:{view}", args=[other_product.pk])).status_code == 404


def test_posting_to_another_organisations_product_changes_nothing(maker_client, other_product):
    response = maker_client.post(edit_url(other_product), {"product-name": "Hijacked"})
    assert response.status_code == 404
    other_product.refresh_from_db()
    assert other_product.name != "Hijacked"


def test_evidence_cannot_be_added_to_another_organisations_product(maker_client, other_product):
    url = reverse("products:evidence-add", args=[other_product.pk])
    response = maker_client.post(url, {"title": "x", "claim": "other", "url": "https://example.org"})
    assert response.status_code == 404
    assert not other_product.evidence.exists()


def test_the_list_runs_a_fixed_number_of_queries(maker_client, maker, django_assert_max_num_queries):
    for _ in range(30):
        ProductFactory(maker=maker)
    # Session, user, memberships, the categories of the filter, count, page (grade joined in), republish notices.
    with django_assert_max_num_queries(8):
        response = maker_client.get(reverse("products:workspace"))
    assert response.content.decode().count('class="status-badge') == 30


def test_the_list_names_the_maker_when_the_user_has_several_organisations(maker_client, maker_user, product):
    second = MakerMembershipFactory(user=maker_user).organisation
    ProductFactory(maker=second, name="Rasiermesser")
    html = maker_client.get(reverse("products:workspace")).content.decode()
    assert "Rasiermesser" in html
    assert product.name in html
    assert second.name in html


def test_the_detail_page_query_count_does_not_grow_with_the_parts(maker_client, maker):
    small = complete_product(maker=maker)
    large = complete_product(maker=maker)
    for index in range(10):
        MaterialFactory(product=large, name=f"Stahl {index}", share_percent=None)

    def count(product):
        with CaptureQueriesContext(connection) as context:
            assert maker_client.get(reverse("products:product-detail", args=[product.pk])).status_code == 200
        return len(context.captured_queries)

    assert count(large) == count(small)


def test_the_detail_selector_loads_every_section_in_nine_queries(maker, maker_user, django_assert_num_queries):
    product = complete_product(maker=maker)
    with django_assert_num_queries(9):
        loaded = product_detail_queryset(maker_user).get(pk=product.pk)
        assert loaded.durability.expected_lifetime_years == 25
        assert len(loaded.materials.all()) == 2
        assert len(loaded.supply_chain_steps.all()) == 4
        assert len(loaded.evidence.all()) == 1
        assert len(loaded.spare_parts.all()) == 1


def test_the_detail_page_shows_unknown_values_as_not_disclosed(maker_client, maker):
    product = ProductFactory(maker=maker)
    MaterialFactory(product=product, renewable=None, recyclable=None)
    html = maker_client.get(reverse("products:product-detail", args=[product.pk])).content.decode()
    assert "not disclosed" in html
    assert product.name in html


# ---------- Creating ----------


def test_the_create_page_offers_only_the_users_organisations(maker_client, maker_user, maker, other_product):
    second = MakerMembershipFactory(user=maker_user).organisation
    html = maker_client.get(reverse("products:product-create")).content.decode()
    assert maker.name in html
    assert second.name in html
    assert other_product.maker.name not in html


def test_a_single_organisation_is_not_asked_for(maker_client):
    html = maker_client.get(reverse("products:product-create")).content.decode()
    assert 'name="product-maker"' not in html


def test_tri_state_questions_render_as_not_disclosed_yes_no(maker_client):
    html = maker_client.get(reverse("products:product-create")).content.decode()
    assert '<select name="materials-0-renewable"' in html
    assert '<option value="unknown" selected>not disclosed</option>' in html
    assert '<option value="true">yes</option>' in html
    assert '<option value="false">no</option>' in html


def new_product_data(client, **changes):
    data = form_data(client.get(reverse("products:product-create")).content.decode())
    data.update(changes)
    return data


def test_a_maker_creates_a_product_with_all_its_sections(maker_client, maker, maker_user):
    category = CategoryFactory()
    data = new_product_data(
        maker_client,
        **{
            "product-category": str(category.pk),
            "product-name": "Kochmesser 20 cm",
            "product-gtin": "4006381 333931",
            "product-price_eur": "129",
            "variants-0-code": "20",
            "variants-0-name": "20 cm",
            "materials-0-name": "X50CrMoV15",
            "materials-0-share_percent": "80",
            "materials-0-recyclable": "true",
            "components-0-name": "Griff",
            "components-0-replaceable": "false",
            "supply_chain_steps-0-position": "1",
            "supply_chain_steps-0-step_type": "forging",
            "supply_chain_steps-0-performed_by": "maker",
            "supply_chain_steps-0-city": "Solingen",
            "supply_chain_steps-0-postcode": "42651",
            "supply_chain_steps-0-country": "de",
            "durability-warranty_years": "5",
            "durability-resharpenable": "true",
            "spare_parts-0-name": "Griffschalen",
            "spare_parts-0-years_available": "10",
        },
    )
    response = maker_client.post(reverse("products:product-create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    product = Product.objects.get(name="Kochmesser 20 cm")
    assert response["Location"] == product.get_absolute_url()
    assert product.maker == maker
    assert product.gtin == "04006381333931"
    assert product.status == Product.Status.DRAFT
    assert product.variants.get().code == "20"
    material = product.materials.get()
    assert material.recyclable is True
    assert material.renewable is None  # left at "not disclosed"
    assert product.components.get().replaceable is False
    step = product.supply_chain_steps.get()
    assert (step.country, step.region) == ("DE", "solingen")
    assert product.durability.warranty_years == Decimal("5")
    assert product.spare_parts.get().years_available == 10
    # Sections the maker did not touch stay absent, so they read "not disclosed".
    assert not Repairability.objects.filter(product=product).exists()
    assert not EndOfLife.objects.filter(product=product).exists()
    assert product.history.get().history_user == maker_user


def test_save_and_keep_editing_returns_to_the_editor(maker_client):
    category = CategoryFactory()
    data = new_product_data(
        maker_client, **{"product-category": str(category.pk), "product-name": "Schere", "then": "continue"}
    )
    response = maker_client.post(reverse("products:product-create"), data)
    product = Product.objects.get(name="Schere")
    assert response["Location"] == edit_url(product)


def test_an_invalid_part_saves_nothing_and_shows_the_error_next_to_its_field(maker_client):
    category = CategoryFactory()
    data = new_product_data(
        maker_client,
        **{
            "product-category": str(category.pk),
            "product-name": "Kochmesser",
            "materials-0-name": "Stahl",
            "supply_chain_steps-0-step_type": "grinding",
            "supply_chain_steps-0-performed_by": "supplier",  # without the supplier's name
        },
    )
    response = maker_client.post(reverse("products:product-create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Product.objects.exists()
    assert not Material.objects.exists()
    assert not SupplyChainStep.objects.exists()
    assert "Nothing was saved" in html
    assert 'id="id_supply_chain_steps-0-supplier_name_error"' in html
    assert 'aria-describedby="id_supply_chain_steps-0-supplier_name_error"' in html
    assert "Name the supplier" in html
    # What the maker typed is kept.
    assert 'value="Stahl"' in html


def test_a_wrong_gtin_check_digit_is_named_with_the_expected_digit(maker_client):
    category = CategoryFactory()
    data = new_product_data(
        maker_client,
        **{"product-category": str(category.pk), "product-name": "Messer", "product-gtin": "4006381333932"},
    )
    response = maker_client.post(reverse("products:product-create"), data)
    html = response.content.decode()
    assert "GTIN check digit should be 1, not 2." in html
    assert 'aria-invalid="true"' in html
    assert not Product.objects.exists()


def test_a_duplicate_gtin_is_refused(maker_client, product):
    data = new_product_data(
        maker_client,
        **{"product-category": str(product.category_id), "product-name": "Zweites", "product-gtin": product.gtin},
    )
    response = maker_client.post(reverse("products:product-create"), data)
    assert response.status_code == 200
    assert 'id="id_product-gtin_error"' in response.content.decode()
    assert Product.objects.count() == 1


def test_a_maker_cannot_create_a_product_for_another_organisation(maker_client, maker_user):
    MakerMembershipFactory(user=maker_user)  # several organisations: the field is shown
    foreign = MakerOrganisationFactory()
    data = new_product_data(
        maker_client,
        **{"product-category": str(CategoryFactory().pk), "product-name": "Fremd", "product-maker": str(foreign.pk)},
    )
    response = maker_client.post(reverse("products:product-create"), data)
    assert response.status_code == 200
    assert 'id="id_product-maker_error"' in response.content.decode()
    assert not Product.objects.filter(maker=foreign).exists()


# ---------- Editing ----------


def test_editing_changes_parts_and_removes_marked_rows(maker_client, maker):
    product = complete_product(maker=maker)
    first, _deleted = product.materials.all()
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    data["product-name"] = "Neuer Name"
    data["materials-0-recycled_content_percent"] = "55"
    data["materials-1-DELETE"] = "on"
    data["repairability-disassembly_steps"] = "3"
    response = maker_client.post(edit_url(product), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    product.refresh_from_db()
    assert product.name == "Neuer Name"
    assert list(product.materials.all()) == [first]
    first.refresh_from_db()
    assert first.recycled_content_percent == Decimal("55")
    assert product.repairability.disassembly_steps == 3


def test_an_invalid_section_on_edit_keeps_everything_as_it_was(maker_client, maker):
    product = complete_product(maker=maker)
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    data["product-name"] = "Umbenannt"
    data["materials-0-name"] = "Anderer Stahl"
    data["spare_parts-1-name"] = "Neue Klinge"  # a new row, valid
    data["durability-resharpenable"] = "false"  # contradicts the 20 resharpening cycles
    response = maker_client.post(edit_url(product), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leave this empty, or mark the product as resharpenable." in html
    assert 'href="#section-durability"' in html
    product.refresh_from_db()
    assert product.name != "Umbenannt"
    assert not Material.objects.filter(name="Anderer Stahl").exists()
    assert SparePart.objects.filter(product=product).count() == 1
    assert Durability.objects.get(product=product).resharpenable is True


def test_resubmitting_the_unchanged_editor_writes_no_history(maker_client, maker):
    product = complete_product(maker=maker)
    before = product.history.count()
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    assert maker_client.post(edit_url(product), data).status_code == 302
    assert product.history.count() == before
    assert product.materials.first().history.count() == 1


def test_the_material_shares_may_not_exceed_100_percent(maker_client, maker):
    product = complete_product(maker=maker)  # 80 % + 20 %
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    data["materials-2-name"] = "Messing"
    data["materials-2-share_percent"] = "5"
    response = maker_client.post(edit_url(product), data)
    assert response.status_code == 200
    assert "add up to 105" in response.content.decode()
    assert product.materials.count() == 2


def test_durability_tests_offer_only_this_products_evidence(maker_client, maker, other_product):
    product = complete_product(maker=maker)
    own = product.evidence.get()
    foreign = complete_product(maker=other_product.maker).evidence.get()
    html = maker_client.get(edit_url(product)).content.decode()
    assert f'<option value="{own.pk}">' in html
    assert f'<option value="{foreign.pk}">' not in html


def test_a_retailer_landing_in_the_maker_workspace_is_pointed_to_the_assortment(client, retailer_membership):
    client.force_login(retailer_membership.user)
    response = client.get(reverse("products:workspace"))
    assert response.status_code == 403
    assert reverse("retailer:index") in response.content.decode()


def test_a_new_supply_chain_step_is_proposed_after_the_existing_ones(maker_client, maker):
    product = complete_product(maker=maker)  # steps at positions 0–3
    html = maker_client.get(edit_url(product)).content.decode()
    assert 'name="supply_chain_steps-4-position" value="4"' in html


def test_a_maker_logs_in_lands_in_the_workspace_and_logs_out(client, maker_user, product):
    response = client.post(reverse("login"), {"login": maker_user.username, "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("products:workspace")
    assert product.name in client.get(reverse("products:workspace")).content.decode()

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("products:workspace")).status_code == 302


def test_a_wrong_password_is_refused_on_the_login_page(client, maker_user):
    response = client.post(reverse("login"), {"login": maker_user.username, "password": "wrong"})
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
