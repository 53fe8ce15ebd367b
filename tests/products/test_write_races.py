"""Write races at the product writer: a GTIN taken between the checks and the save, and stale editor forms.

A value the writer checked can be taken by another write before its own insert reaches the database. The
writer then reports the field like any other error (the API, the editor and the import answer 400), instead of
letting the database's IntegrityError through as a 500. Concurrent requests over HTTP are in
tests/api/test_write_races.py; here the moment in between is produced deterministically: a ``pre_save``
receiver inserts the clashing product right before the writer's own insert.
"""

import threading
from contextlib import contextmanager
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection, connections
from django.db.models.signals import pre_save
from django.urls import reverse

from catalogue.passports.services import publish_product
from products.edit_versions import edit_token, editable_state
from products.importing import import_products
from products.models import Product
from products.services import ProductChanged, ProductInvalid, ProductWrite, save_product
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, complete_product, make_gtin13
from tests.products.formdata import form_data

GTIN = "0" + make_gtin13(800_000_001)
GTIN_TAKEN = "Product with this GTIN / EAN already exists."


@contextmanager
def gtin_taken_before_the_insert(gtin: str, *, other_connection: bool = False):
    """Right before the writer saves a product with ``gtin``, another product takes it (the checks have passed).

    With ``other_connection`` the other product is saved and committed by a thread with its own connection, as
    by a concurrent request; otherwise inside the writer's own transaction, which rolls it back with its own
    insert (so only the database's report can name the field).
    """
    taken = []

    def take(sender, instance, **kwargs):
        if taken or instance.gtin != gtin:
            return
        taken.append(True)
        if other_connection:
            thread = threading.Thread(target=_create_in_own_connection, args=(gtin,))
            thread.start()
            thread.join()
        else:
            ProductFactory(gtin=gtin)

    pre_save.connect(take, sender=Product, dispatch_uid="gtin_taken_before_the_insert")
    try:
        yield taken
    finally:
        pre_save.disconnect(sender=Product, dispatch_uid="gtin_taken_before_the_insert")


def _create_in_own_connection(gtin: str) -> None:
    try:
        ProductFactory(gtin=gtin)
    finally:
        connections.close_all()


def new_product_write(maker, **fields) -> ProductWrite:
    return ProductWrite(
        fields={"maker": maker, "category": CategoryFactory(), "name": "Neu", "gtin": GTIN, **fields},
        lists={"materials": [{"name": "Stahl", "share_percent": Decimal("100")}]},
    )


class TestGtinTakenBetweenTheChecksAndTheInsert:
    def test_the_writer_reports_the_gtin_from_the_databases_refusal(self, maker):
        with gtin_taken_before_the_insert(GTIN) as taken, pytest.raises(ProductInvalid) as raised:
            save_product(None, new_product_write(maker))

        assert taken, "the clashing product was not inserted in between"
        assert raised.value.errors == {"gtin": [GTIN_TAKEN]}
        assert not Product.objects.filter(name="Neu").exists()

    def test_a_gtin_given_to_a_stored_product_is_reported_too_and_the_product_stays(self, maker):
        stored = ProductFactory(maker=maker, name="Alt")

        with gtin_taken_before_the_insert(GTIN) as taken, pytest.raises(ProductInvalid) as raised:
            save_product(Product.objects.get(pk=stored.pk), ProductWrite(fields={"gtin": GTIN, "name": "Neu"}))

        assert taken
        assert raised.value.errors == {"gtin": [GTIN_TAKEN]}
        assert Product.objects.get(pk=stored.pk).name == "Alt"

    @pytest.mark.django_db(transaction=True)
    @pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite: the writer's IMMEDIATE transaction holds the write lock, so no other one commits in between",
    )
    def test_a_gtin_committed_by_another_connection_in_between_is_reported_with_the_models_message(self, maker):
        taking = gtin_taken_before_the_insert(GTIN, other_connection=True)
        with taking as taken, pytest.raises(ProductInvalid) as raised:
            save_product(None, new_product_write(maker))

        assert taken
        assert raised.value.errors == {"gtin": [GTIN_TAKEN]}
        assert list(Product.objects.filter(gtin=GTIN).values_list("name", flat=True)) != ["Neu"]

    def test_the_outer_transaction_stays_usable_after_the_refusal(self, maker):
        with gtin_taken_before_the_insert(GTIN), pytest.raises(ProductInvalid):
            save_product(None, new_product_write(maker))
        # On PostgreSQL a failed statement outside a savepoint would break every later query of the test.
        assert Product.objects.filter(gtin=GTIN).count() == 0

    def test_the_editor_answers_400_with_the_error_at_the_gtin_field(self, maker_client, maker):
        page = maker_client.get(reverse("products:product-create"))
        data = form_data(page.content.decode())
        data.update({"product-name": "Neu im Editor", "product-gtin": GTIN, "product-category": CategoryFactory().pk})

        with gtin_taken_before_the_insert(GTIN) as taken:
            response = maker_client.post(reverse("products:product-create"), data)

        assert taken
        assert response.status_code == 400
        html = response.content.decode()
        gtin_field = next(chunk for chunk in html.split('<div class="field') if 'name="product-gtin"' in chunk)
        assert GTIN_TAKEN in unescape(gtin_field)
        assert not Product.objects.filter(name="Neu im Editor").exists()

    def test_the_import_reports_the_row_and_the_gtin(self, maker):
        category = CategoryFactory()
        rows = [
            (1, {"name": "Erstes", "category": category.slug, "gtin": make_gtin13(800_000_003)}),
            (2, {"name": "Zweites", "category": category.slug, "gtin": GTIN[1:]}),
        ]

        with gtin_taken_before_the_insert(GTIN) as taken:
            result = import_products(rows, maker)

        assert taken
        assert not result.ok
        assert [error.as_dict() for error in result.errors] == [{"row": 2, "field": "gtin", "message": GTIN_TAKEN}]
        assert not Product.objects.filter(name__in=["Erstes", "Zweites"]).exists()


# ---------- Stale editor forms ----------


def edit_url(product) -> str:
    return reverse("products:product-edit", args=[product.pk])


def open_editor(client, product) -> dict:
    response = client.get(edit_url(product))
    assert response.status_code == 200
    return form_data(response.content.decode())


def change_as_the_api_would(product, *, drop_second_material: bool = False, **fields) -> None:
    """Change the product through the writer, as an API request would; the first material's share becomes 65 %."""
    stored = Product.objects.get(pk=product.pk)
    materials = [
        {"name": material.name, "part": material.part, "share_percent": material.share_percent}
        for material in stored.materials.order_by("pk")
    ]
    materials[0]["share_percent"] = Decimal("65")
    save_product(
        stored, ProductWrite(fields=fields, lists={"materials": materials[:1] if drop_second_material else materials})
    )


class TestStaleEditorForm:
    def test_a_stale_save_is_refused_shows_what_changed_and_keeps_the_typed_values(self, maker_client, maker):
        product = complete_product(maker=maker, name="Kochmesser Alt", price_eur=Decimal("120.00"))
        data = open_editor(maker_client, product)
        change_as_the_api_would(product, name="Kochmesser vom API", price_eur=Decimal("150.00"))
        before = editable_state(Product.objects.get(pk=product.pk))
        data.update({"product-description": "Mein neuer Text, im Editor getippt.", "product-mass_g": "333"})

        response = maker_client.post(edit_url(product), data)

        assert response.status_code == 200
        html = unescape(response.content.decode())
        assert "Nothing was saved: someone changed this product while you were editing it." in html
        stale = html[html.index('id="form-stale"') : html.index("</div>", html.index('id="form-stale"'))]
        assert "<strong>Name</strong>: Kochmesser vom API" in stale
        assert "<strong>Retail price (EUR)</strong>: 150.00" in stale
        assert "Materials › Material 1 › Share of mass (%)</strong>: 65.00" in stale
        assert "Description" not in stale  # the other write did not change it
        # Nothing of the stale form was saved.
        assert editable_state(Product.objects.get(pk=product.pk)) == before
        # What was typed comes back, and what the form showed of the rest too.
        returned = form_data(response.content.decode())
        assert returned["product-description"] == "Mein neuer Text, im Editor getippt."
        assert returned["product-mass_g"] == "333"
        assert returned["product-name"] == "Kochmesser Alt"

    def test_a_row_removed_meanwhile_is_listed_as_removed_beside_the_forms_errors(self, maker_client, maker):
        product = complete_product(maker=maker)
        data = open_editor(maker_client, product)
        change_as_the_api_would(product, drop_second_material=True)
        data["product-name"] = "Getippt"

        response = maker_client.post(edit_url(product), data)

        assert response.status_code == 200
        html = unescape(response.content.decode())
        assert "Nothing was saved: someone changed this product while you were editing it." in html
        assert "<strong>Materials › Material</strong>: removed: Olivenholz" in html
        assert form_data(response.content.decode())["product-name"] == "Getippt"
        assert Product.objects.get(pk=product.pk).name != "Getippt"

    def test_saving_the_returned_form_again_replaces_the_other_change_on_purpose(self, maker_client, maker):
        product = complete_product(maker=maker, name="Kochmesser Alt")
        data = open_editor(maker_client, product)
        change_as_the_api_would(product, name="Kochmesser vom API")
        data["product-description"] = "Getippt."
        refused = maker_client.post(edit_url(product), data)
        assert refused.status_code == 200
        publish_product(product)  # status, score and versions are not what the editor shows: not stale

        again = maker_client.post(edit_url(product), form_data(refused.content.decode()))

        assert again.status_code == 302
        stored = Product.objects.get(pk=product.pk)
        assert (stored.name, stored.description) == ("Kochmesser Alt", "Getippt.")

    def test_a_form_without_a_valid_state_is_refused_without_a_list(self, maker_client, maker):
        product = complete_product(maker=maker, name="Kochmesser Alt")
        data = open_editor(maker_client, product)
        data["based_on"] = data["based_on"][:-3] + "abc"
        data["product-name"] = "Mit falschem Stand"

        response = maker_client.post(edit_url(product), data)

        assert response.status_code == 200
        assert "the changes cannot be listed" in response.content.decode()
        assert Product.objects.get(pk=product.pk).name == "Kochmesser Alt"

    def test_the_writer_refuses_a_stale_token_and_accepts_the_current_one(self, maker):
        product = complete_product(maker=maker)
        MaterialFactory(product=product, name="Messing", share_percent=Decimal("5"))
        token = edit_token(editable_state(product))
        save_product(Product.objects.get(pk=product.pk), ProductWrite(fields={"name": "Zwischendurch"}))

        with pytest.raises(ProductChanged) as raised:
            save_product(Product.objects.get(pk=product.pk), ProductWrite(fields={"name": "Veraltet"}), based_on=token)

        assert raised.value.current["fields"]["name"] == "Zwischendurch"
        current = edit_token(raised.value.current)
        save_product(Product.objects.get(pk=product.pk), ProductWrite(fields={"name": "Aktuell"}), based_on=current)
        assert Product.objects.get(pk=product.pk).name == "Aktuell"
