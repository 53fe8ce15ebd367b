"""Every change to a product is recorded (who, when, what) and the maker can read it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lifecycle.models import Durability
from products.models import Material
from products.selectors import group_history, product_history
from tests.factories import CategoryFactory, MaterialFactory, complete_product
from tests.products.formdata import form_data

pytestmark = pytest.mark.django_db


def history(product):
    # Labels in English: field names such as "name" have German translations in Django's own catalogue.
    with translation.override("en"):
        return product_history(product)


def edit(client, product, **changes):
    url = reverse("products:product-edit", args=[product.pk])
    data = form_data(client.get(url).content.decode())
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_edit_records_who_changed_what(maker_client, maker_user, maker):
    product = complete_product(maker=maker)
    edit(maker_client, product, **{"product-name": "Kochmesser neu", "materials-0-recycled_content_percent": "60"})

    latest = product.history.latest()
    assert latest.history_type == "~"
    assert latest.history_user == maker_user
    assert latest.name == "Kochmesser neu"
    material = Material.history.filter(product_id=product.pk, history_type="~").get()
    assert material.history_user == maker_user
    assert str(material.recycled_content_percent) == "60.00"


def test_the_history_merges_product_and_parts_newest_first(maker_client, maker_user, maker):
    product = complete_product(maker=maker)
    edit(
        maker_client,
        product,
        **{
            "product-name": "Kochmesser neu",
            "durability-resharpenable": "unknown",
            "durability-resharpening_cycles": "",
            "materials-1-DELETE": "on",
        },
    )
    entries = history(product)
    dates = [entry.date for entry in entries]
    assert dates == sorted(dates, reverse=True)

    changed_product = next(e for e in entries if e.model_label == "product" and e.kind == "changed")
    assert changed_product.user == maker_user
    assert [(c.label, c.new) for c in changed_product.changes] == [("name", "Kochmesser neu")]

    durability = next(e for e in entries if e.model_label == "durability" and e.kind == "changed")
    changes = {c.label: (c.old, c.new) for c in durability.changes}
    assert changes["can be resharpened"] == ("yes", "not disclosed")
    assert changes["how often it can be resharpened"] == ("20", "not disclosed")

    deleted = next(e for e in entries if e.kind == "deleted")
    assert (deleted.model_label, deleted.object_label) == ("material", "Olivenholz")
    assert any(e.kind == "created" and e.model_label == "supply-chain step" for e in entries)


def test_a_changed_relation_shows_names_not_ids(maker_client, maker):
    product = complete_product(maker=maker)
    old_category = product.category
    new_category = CategoryFactory(name_de="Schere", name_en="Scissors")
    edit(maker_client, product, **{"product-category": str(new_category.pk)})
    entry = next(e for e in history(product) if e.kind == "changed")
    [change] = entry.changes
    assert (change.old, change.new) == (old_category.name_en, "Scissors")


def test_status_changes_are_shown_although_status_is_not_editable(maker):
    product = complete_product(maker=maker)
    product.status = product.Status.PUBLISHED
    product.save()
    entry = next(e for e in history(product) if e.kind == "changed")
    assert [(c.label, c.old, c.new) for c in entry.changes] == [("status", "Draft", "Published")]


def test_the_history_page_shows_the_entries(maker_client, maker_user, maker):
    product = complete_product(maker=maker)
    edit(maker_client, product, **{"product-name": "Kochmesser neu"})
    response = maker_client.get(reverse("products:product-history", args=[product.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert maker_user.get_username() in html
    assert "Kochmesser neu" in html
    assert "<del>" in html and "<ins>" in html


def test_the_history_query_count_does_not_grow_with_the_records(maker_client, maker):
    def count(product):
        with CaptureQueriesContext(connection) as context:
            maker_client.get(reverse("products:product-history", args=[product.pk]))
        return len(context.captured_queries)

    few = complete_product(maker=maker)
    many = complete_product(maker=maker)
    for index in range(15):
        MaterialFactory(product=many, name=f"Stahl {index}", share_percent=None)
        durability = Durability.objects.get(product=many)
        durability.expected_lifetime_years = 30 + index
        durability.save()
    assert count(many) == count(few)


def test_another_organisations_history_is_not_found(maker_client, other_product):
    assert maker_client.get(reverse("products:product-history", args=[other_product.pk])).status_code == 404


def test_entries_of_one_save_are_grouped(maker_client, maker_user, maker):
    product = complete_product(maker=maker)
    edit(maker_client, product, **{"product-name": "Neu", "materials-0-name": "Damaststahl"})
    groups = group_history(history(product))
    assert groups[0].user == maker_user
    assert {entry.model_label for entry in groups[0].entries} == {"product", "material"}
    assert all(entry.kind == "created" for entry in groups[1].entries)
    assert sum(len(group.entries) for group in groups) == len(history(product))
