"""The supplier directory: its pages, the step's supplier choice, and a supplier's changes carried into the steps."""

import json

import pytest
from django.urls import reverse

from catalogue.models import PassportVersion, ProductScore
from catalogue.passports.services import publish
from products.editor import ProductEditor
from products.models import Product, Supplier, SupplyChainStep
from products.selectors import organisations_for_user
from products.services import ProductInvalid, ProductWrite, save_product
from products.supplier_services import save_supplier, suppliers_from_steps
from tests.factories import CategoryFactory, ProductFactory, SupplyChainStepFactory, complete_product

pytestmark = pytest.mark.django_db

LIST_URL = reverse("products:supplier-list")
NEW_URL = reverse("products:supplier-create")


def make_supplier(organisation, **fields) -> Supplier:
    values = {"name": "Härterei Kuhn", "city": "Solingen", "postcode": "42651", "country": "DE", **fields}
    supplier = Supplier(organisation=organisation, **values)
    save_supplier(supplier)
    return supplier


def supplier_form(**fields) -> dict:
    return {
        "name": "Schleiferei Ohligs",
        "city": "Solingen",
        "postcode": "42697",
        "country": "de",
        "contact_person": "Frau Kuhn",
        "email": "kuhn@example.org",
        "phone": "+49 212 123456",
        "website": "schleiferei.example",
        **fields,
    }


def test_a_maker_adds_lists_and_edits_its_suppliers(maker_client, maker, english):
    response = maker_client.post(NEW_URL, supplier_form())
    assert response.status_code == 302
    supplier = Supplier.objects.get()
    assert (supplier.organisation, supplier.country, supplier.website) == (maker, "DE", "https://schleiferei.example")
    page = maker_client.get(LIST_URL).content.decode()
    assert "Schleiferei Ohligs" in page and "kuhn@example.org" in page

    edit_url = reverse("products:supplier-edit", args=[supplier.pk])
    assert maker_client.get(edit_url).status_code == 200
    response = maker_client.post(edit_url, supplier_form(name="Schleiferei Kuhn", name_confidential="on"))
    assert response.status_code == 302
    supplier.refresh_from_db()
    assert (supplier.name, supplier.name_confidential) == ("Schleiferei Kuhn", True)


def test_bad_input_names_the_field(maker_client, maker, english):
    make_supplier(maker, name="Härterei Kuhn")
    response = maker_client.post(NEW_URL, supplier_form(name="härterei kuhn", country="D1"))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["name"] == ["Your directory already has a supplier of this name."]
    assert "two-letter" in form.errors["country"][0]
    assert Supplier.objects.count() == 1


def test_an_organisation_sees_and_changes_only_its_own_suppliers(maker_client, maker, other_maker, english):
    own = make_supplier(maker, name="Eigener Lieferant")
    other = make_supplier(other_maker, name="Fremder Lieferant")
    page = maker_client.get(LIST_URL).content.decode()
    assert "Eigener Lieferant" in page and "Fremder Lieferant" not in page
    edit_other = reverse("products:supplier-edit", args=[other.pk])
    assert maker_client.get(edit_other).status_code == 404
    assert maker_client.post(edit_other, supplier_form(name="Übernommen")).status_code == 404
    other.refresh_from_db()
    assert other.name == "Fremder Lieferant"
    assert maker_client.get(reverse("products:supplier-edit", args=[own.pk])).status_code == 200


def test_the_supplier_list_runs_a_constant_number_of_queries(maker_client, maker, django_assert_num_queries):
    make_supplier(maker, name="Erster")
    maker_client.get(LIST_URL)  # session and user loaded once
    with django_assert_num_queries(5) as first:
        maker_client.get(LIST_URL)
    for index in range(8):
        supplier = make_supplier(maker, name=f"Lieferant {index}")
        SupplyChainStepFactory(product=ProductFactory(maker=maker), supplier=supplier)
    with django_assert_num_queries(len(first.captured_queries)):
        response = maker_client.get(LIST_URL)
    assert len(response.context["suppliers"]) == 9
    assert {supplier.step_count for supplier in response.context["suppliers"]} == {0, 1}


def test_the_step_form_offers_only_the_organisations_suppliers(maker_user, maker, other_maker):
    own = make_supplier(maker, name="Eigener Lieferant")
    make_supplier(other_maker, name="Fremder Lieferant")
    product = complete_product(maker=maker)
    editor = ProductEditor(organisations=organisations_for_user(maker_user), instance=product)
    steps = editor.formsets["supply_chain_steps"]
    for form in steps.forms:
        assert list(form.fields["supplier"].queryset) == [own]
        assert [label for _value, label in form.fields["supplier"].choices][1:] == ["Eigener Lieferant"]


def test_a_step_takes_name_place_and_confidentiality_from_its_supplier(maker):
    supplier = make_supplier(maker, name="Geheime Härterei", city="Haan", postcode="42781", name_confidential=True)
    step = {"step_type": "hardening", "supplier": supplier, "city": "Anderswo", "country": "FR"}
    product = save_product(None, ProductWrite(fields=_product_fields(maker), lists={"supply_chain_steps": [step]}))
    stored = product.supply_chain_steps.get()
    assert (stored.city, stored.postcode, stored.country, stored.region) == ("Haan", "42781", "DE", "solingen")
    assert stored.performed_by == SupplyChainStep.Performer.SUPPLIER
    assert (stored.supplier_name, stored.supplier_confidential) == ("Geheime Härterei", True)


def test_a_step_cannot_pick_another_organisations_supplier(maker, other_maker, english):
    foreign = make_supplier(other_maker)
    write = ProductWrite(
        fields=_product_fields(maker), lists={"supply_chain_steps": [{"step_type": "hardening", "supplier": foreign}]}
    )
    with pytest.raises(ProductInvalid) as refused:
        save_product(None, write)
    assert refused.value.errors["supply_chain_steps"][0]["supplier"] == [
        "Choose a supplier from your own organisation's directory."
    ]
    assert not Product.objects.exists()


def test_a_new_place_updates_the_steps_and_rescores_but_published_versions_stay(
    maker, maker_user, django_capture_on_commit_callbacks
):
    supplier = make_supplier(maker, name="Härterei Kuhn")
    with django_capture_on_commit_callbacks(execute=True):
        draft = complete_product(maker=maker)
        published = complete_product(maker=maker)
        for product in (draft, published):
            product.supply_chain_steps.update(supplier=supplier)
            for step in product.supply_chain_steps.all():
                step.save()
    publish(published, maker_user)
    version = PassportVersion.objects.get(product=published)
    frozen_snapshot, frozen_hash = json.dumps(version.snapshot, sort_keys=True), version.content_hash
    score_before = ProductScore.objects.get(product=draft).supply_chain

    supplier.city, supplier.postcode, supplier.country = "Shenzhen", "518000", "CN"
    with django_capture_on_commit_callbacks(execute=True):
        updated = save_supplier(supplier, user=maker_user)

    assert updated == 8
    for product in (draft, published):
        places = set(product.supply_chain_steps.values_list("city", "country", "region"))
        assert places == {("Shenzhen", "CN", "world")}
    assert ProductScore.objects.get(product=draft).supply_chain < score_before
    version.refresh_from_db()
    assert json.dumps(version.snapshot, sort_keys=True) == frozen_snapshot
    assert version.content_hash == frozen_hash
    assert PassportVersion.objects.filter(product=published).count() == 1
    assert {step["city"] for step in version.snapshot["supply_chain"]} == {"Solingen"}
    published.refresh_from_db()
    assert published.has_unpublished_changes is True
    last = SupplyChainStep.history.filter(product_id=draft.pk).latest("history_date")
    assert (last.city, last.history_user) == ("Shenzhen", maker_user)


def test_a_change_that_steps_do_not_copy_touches_no_step(maker):
    supplier = make_supplier(maker)
    SupplyChainStepFactory(product=ProductFactory(maker=maker), supplier=supplier)
    supplier.phone = "+49 212 1"
    assert save_supplier(supplier) == 0


def test_a_confidential_suppliers_name_is_never_public(maker, maker_user, client):
    supplier = make_supplier(maker, name="Verschwiegene Härterei", name_confidential=True)
    product = complete_product(maker=maker)
    step = product.supply_chain_steps.first()
    step.supplier = supplier
    step.save()
    version = publish(product, maker_user).version
    assert "Verschwiegene Härterei" not in json.dumps(version.snapshot, ensure_ascii=False)
    assert {step["supplier_name"] for step in version.snapshot["supply_chain"]} == {None}
    assert any(step["supplier_confidential"] for step in version.snapshot["supply_chain"])
    page = client.get(reverse("catalogue:passport", args=[product.passport_code]), follow=True)
    assert page.status_code == 200
    assert "Verschwiegene Härterei" not in page.content.decode()
    assert "kuhn@" not in json.dumps(version.snapshot)  # contact details never enter a snapshot


def test_suppliers_are_created_from_the_steps(maker_client, maker, english):
    product = ProductFactory(maker=maker)
    SupplyChainStepFactory(product=product, performed_by="supplier", supplier_name="Kuhn", city="Solingen")
    SupplyChainStepFactory(product=product, performed_by="supplier", supplier_name="kuhn ", city="Solingen")
    SupplyChainStepFactory(product=product, performed_by="supplier", supplier_name="Kuhn", city="Haan")
    response = maker_client.post(reverse("products:suppliers-from-steps"), follow=True)
    assert "Added 1 supplier from your supply-chain steps." in response.content.decode()
    supplier = Supplier.objects.get()
    assert (supplier.organisation, supplier.name, supplier.city) == (maker, "Kuhn", "Solingen")
    # The step in Haan keeps its own place and stays unlinked.
    assert sorted(product.supply_chain_steps.values_list("city", "supplier")) == [
        ("Haan", None),
        ("Solingen", supplier.pk),
        ("Solingen", supplier.pk),
    ]
    assert suppliers_from_steps(maker) == 0


def _product_fields(maker) -> dict:
    return {"maker": maker, "category": CategoryFactory(), "name": "Kochmesser", "description": "Geschmiedet."}
