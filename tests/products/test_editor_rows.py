"""The editor without JavaScript: rows added and moved by submit buttons, removed by DELETE; error summary and texts."""

import re

import pytest
from django.urls import reverse

from products.models import Product, SupplyChainStep
from tests.factories import (
    CategoryFactory,
    DurabilityFactory,
    ProductFactory,
    SupplyChainStepFactory,
    complete_product,
)
from tests.products.formdata import form_data

pytestmark = pytest.mark.django_db


def edit_url(product):
    return reverse("products:product-edit", args=[product.pk])


def step_ids_in_page(html: str) -> list[str]:
    """The ids of the supply-chain rows in the order the page shows them."""
    return re.findall(r'id="row-(supply_chain_steps-\d+)"', html)


def test_add_another_returns_one_more_blank_row_and_keeps_what_was_typed(maker_client, maker):
    product = complete_product(maker=maker)
    page = maker_client.get(edit_url(product)).content.decode()
    data = form_data(page)
    data["product-name"] = "Typed, not saved"
    total = int(data["materials-TOTAL_FORMS"])
    data["add-materials"] = "1"

    response = maker_client.post(edit_url(product), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Typed, not saved"' in html
    assert f'name="materials-TOTAL_FORMS" value="{total + 1}"' in html
    assert f'id="id_materials-{total}-name"' in html
    # The new row's first field has the focus; the blank rows say nothing is wrong, and nothing was saved.
    new_field = re.search(rf'<input[^>]*id="id_materials-{total}-name"[^>]*>', html).group(0)
    assert "autofocus" in new_field
    assert "form-errors" not in html and "errorlist" not in html
    product.refresh_from_db()
    assert product.name != "Typed, not saved"


def test_rows_added_without_javascript_are_saved_in_one_go(maker_client, maker):
    product = ProductFactory(maker=maker)
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    for _ in range(2):  # two more blank steps: three in all
        data["add-supply_chain_steps"] = "1"
        data = form_data(maker_client.post(edit_url(product), data).content.decode())
    for index, step_type in enumerate(["forging", "hardening", "grinding"]):
        data[f"supply_chain_steps-{index}-step_type"] = step_type
        data[f"supply_chain_steps-{index}-performed_by"] = "maker"
        data[f"supply_chain_steps-{index}-city"] = "Solingen"
        data[f"supply_chain_steps-{index}-country"] = "DE"
    data["then"] = "view"

    response = maker_client.post(edit_url(product), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    steps = list(product.supply_chain_steps.order_by("position").values_list("step_type", "position"))
    assert steps == [("forging", 1), ("hardening", 2), ("grinding", 3)]


def test_a_step_moves_down_without_javascript_and_keeps_the_focus_on_its_button(maker_client, maker):
    product = ProductFactory(maker=maker)
    first = SupplyChainStepFactory(product=product, position=1, step_type="forging")
    second = SupplyChainStepFactory(product=product, position=2, step_type="hardening")
    html = maker_client.get(edit_url(product)).content.decode()
    data = form_data(html)
    index = step_ids_in_page(html).index("supply_chain_steps-0")
    data["move-supply_chain_steps"] = f"{index}:down"

    response = maker_client.post(edit_url(product), data)

    html = response.content.decode()
    assert step_ids_in_page(html)[:2] == ["supply_chain_steps-1", "supply_chain_steps-0"]
    assert re.search(r'id="move-supply_chain_steps-0-down"[^>]*autofocus', html)
    assert "Step moved to position 2 of 3." in html  # two steps and the blank new row
    # Saved only when the maker saves: then in the new order.
    data = form_data(html)
    data["then"] = "view"
    assert maker_client.post(edit_url(product), data).status_code == 302
    assert list(product.supply_chain_steps.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]


def test_remove_ticks_delete_and_the_row_is_gone_after_saving(maker_client, maker):
    product = complete_product(maker=maker)
    html = maker_client.get(edit_url(product)).content.decode()
    assert 'class="row-remove"' in html
    data = form_data(html)
    data["components-0-DELETE"] = "on"
    data["then"] = "view"

    assert maker_client.post(edit_url(product), data).status_code == 302
    assert product.components.count() == 0


def test_each_list_has_its_add_button_and_a_template_row_for_javascript(maker_client, maker):
    product = complete_product(maker=maker)
    html = maker_client.get(edit_url(product)).content.decode()
    for prefix in [
        "variants",
        "materials",
        "components",
        "supply_chain_steps",
        "durability_tests",
        "spare_parts",
        "repair_services",
    ]:
        assert f'name="add-{prefix}"' in html, prefix
        template = re.search(rf'id="formset-{prefix}".*?<template data-empty-row>(.*?)</template>', html, re.S)
        assert template and f'name="{prefix}-__prefix__-' in template.group(1), prefix
    assert '<script src="/static/js/editor.js" defer></script>' in html


def test_the_first_submit_button_saves_so_that_enter_never_adds_a_row(maker_client, maker):
    html = maker_client.get(reverse("products:product-create")).content.decode()
    form = html[html.index('class="form editor-form"') :]
    first_submit = re.search(r'<button type="submit"[^>]*name="([^"]+)"', form)
    assert first_submit.group(1) == "then"


def test_the_error_summary_takes_the_focus_and_links_to_each_field(maker_client, maker):
    product = ProductFactory(maker=maker)
    DurabilityFactory(product=product)
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    data["product-name"] = ""
    data["durability-warranty_years"] = "-2"
    data["then"] = "view"

    html = maker_client.post(edit_url(product), data).content.decode()

    start = html.index('<div class="form-errors" role="alert" id="form-errors"')
    summary = html[start : html.index("</div>", start)]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert 'href="#id_product-name"' in summary
    assert 'href="#id_durability-warranty_years"' in summary
    # The warranty message names the field and says what is expected, not Django's generic text.
    assert "“Commercial warranty (years)” cannot be negative: enter 0 or more" in summary
    assert "greater than or equal to" not in html


def test_a_duplicate_gtin_names_the_product_that_has_it(maker_client, maker):
    ProductFactory(maker=maker, name="Brotmesser Alt", gtin="04006381333931")
    product = ProductFactory(maker=maker)
    data = form_data(maker_client.get(edit_url(product)).content.decode())
    data["product-gtin"] = "4006381333931"
    data["then"] = "view"

    html = maker_client.post(edit_url(product), data).content.decode()

    assert "A product with this GTIN already exists in the catalogue: “Brotmesser Alt” by" in html
    assert "Product with this GTIN / EAN already exists." not in html


def test_another_makers_draft_with_the_gtin_stays_unnamed(maker_client, maker):
    ProductFactory(name="Secret draft", gtin="04006381333931")
    data = form_data(maker_client.get(reverse("products:product-create")).content.decode())
    data.update({"product-name": "Mine", "product-category": str(CategoryFactory().pk)})
    data.update({"product-gtin": "4006381333931", "then": "view"})

    html = maker_client.post(reverse("products:product-create"), data).content.decode()

    assert "A product with this GTIN already exists in the catalogue: a draft of another maker." in html
    assert "Secret draft" not in html
    assert not Product.objects.filter(name="Mine").exists()


def test_steps_are_shown_in_their_stored_order(maker_client, maker):
    product = ProductFactory(maker=maker)
    SupplyChainStepFactory(product=product, position=2, step_type=SupplyChainStep.StepType.GRINDING)
    SupplyChainStepFactory(product=product, position=1, step_type=SupplyChainStep.StepType.FORGING)
    html = maker_client.get(edit_url(product)).content.decode()
    assert html.index('value="forging" selected') < html.index('value="grinding" selected')


def test_add_another_works_on_a_new_product_before_its_first_save(maker_client, maker):
    url = reverse("products:product-create")
    data = form_data(maker_client.get(url).content.decode())
    data.update({"product-name": "Neu", "add-supply_chain_steps": "1"})

    html = maker_client.post(url, data).content.decode()

    assert 'value="Neu"' in html and 'id="row-supply_chain_steps-1"' in html
    assert 'name="supply_chain_steps-1-position" value="2"' in html
    assert not Product.objects.exists()
