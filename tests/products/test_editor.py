"""The section forms built from the parts registry and the one-page product editor: all valid or nothing saved."""

import pytest

from lifecycle.models import Durability, EndOfLife, Repairability
from products import parts
from products.editor import ProductEditor
from products.forms import TriStateSelect, part_form
from products.models import MakerOrganisation, Product
from products.services import ProductInvalid, ProductWrite, save_product
from tests.factories import CategoryFactory, EvidenceDocumentFactory, MakerOrganisationFactory, complete_product

pytestmark = pytest.mark.django_db


def DurabilityForm(*args, **kwargs):
    return part_form(parts.get("durability"))(*args, **kwargs)


def RepairabilityForm(*args, **kwargs):
    return part_form(parts.get("repairability"))(*args, **kwargs)


def EndOfLifeForm(*args, **kwargs):
    return part_form(parts.get("end_of_life"))(*args, **kwargs)


def test_resharpening_cycles_contradicting_not_resharpenable_are_refused():
    form = DurabilityForm({"resharpenable": "false", "resharpening_cycles": "10"})
    assert not form.is_valid()
    assert form.errors["resharpening_cycles"] == ["Leave this empty, or mark the product as resharpenable."]


def test_public_repair_documentation_needs_its_link():
    form = RepairabilityForm({"documentation": "public"})
    assert not form.is_valid()
    assert form.errors["documentation_url"] == ["Give the link where the public repair documentation is."]


def test_a_repair_documentation_link_without_scheme_becomes_https():
    form = RepairabilityForm({"documentation": "public", "documentation_url": "example.org/repair"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["documentation_url"] == "https://example.org/repair"


def test_take_back_details_need_take_back_ticked():
    form = EndOfLifeForm({"take_back_offered": "unknown", "take_back_details": "Send it back"})
    assert not form.is_valid()
    assert form.errors["take_back_offered"] == ["Tick take-back when you describe a take-back offer."]


def test_a_recyclable_share_above_100_percent_is_refused():
    form = EndOfLifeForm({"recyclable_share_percent": "101"})
    assert not form.is_valid()
    # The label holds a "%": the message names it whole, and formatting it does not fail.
    assert form.errors["recyclable_share_percent"] == ["“Recyclable share (%)” can be at most 100."]


@pytest.mark.parametrize("form_class", [DurabilityForm, EndOfLifeForm], ids=["durability", "end_of_life"])
def test_lifecycle_yes_no_questions_can_stay_undisclosed(form_class):
    form = form_class()
    tri_state = [name for name, field in form.fields.items() if isinstance(field.widget, TriStateSelect)]
    assert tri_state
    bound = form_class(dict.fromkeys(tri_state, "unknown"))
    assert bound.is_valid(), bound.errors
    assert all(bound.cleaned_data[name] is None for name in tri_state)


def editor_data(editor: ProductEditor, **changes) -> dict:
    """What a browser would send back for an untouched editor, plus changes."""
    data = {}
    forms = [editor.product_form, *editor.section_forms.values()]
    for formset in editor.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management.initial.get(name, management[name].value())
        forms.extend(formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None:
                value = "unknown" if isinstance(bound.field.widget, TriStateSelect) else ""
            if value is False:
                continue
            data[bound.html_name] = "on" if value is True and bound.widget_type == "checkbox" else value
    data.update(changes)
    return data


def organisations():
    return MakerOrganisation.objects.filter(pk=MakerOrganisationFactory().pk)


def test_the_editor_creates_a_product_with_only_the_sections_filled_in():
    orgs = organisations()
    category = CategoryFactory()
    data = editor_data(
        ProductEditor(organisations=orgs),
        **{"product-category": category.pk, "product-name": "Rasiermesser", "end_of_life-take_back_offered": "true"},
    )
    editor = ProductEditor(organisations=orgs, data=data)
    assert editor.is_valid(), [editor.product_form.errors, *(f.errors for f in editor.section_forms.values())]
    product = save_product(None, editor.write())
    assert product.name == "Rasiermesser"
    assert EndOfLife.objects.get(product=product).take_back_offered is True
    assert not Durability.objects.filter(product=product).exists()
    assert not Repairability.objects.filter(product=product).exists()


def test_an_invalid_lifecycle_form_keeps_the_product_unsaved():
    orgs = organisations()
    data = editor_data(
        ProductEditor(organisations=orgs),
        **{
            "product-category": CategoryFactory().pk,
            "product-name": "Rasiermesser",
            "repairability-documentation": "public",
        },
    )
    editor = ProductEditor(organisations=orgs, data=data)
    assert not editor.is_valid()
    assert editor.error_count == 1
    assert [section.key for section in editor.sections if section.has_errors] == ["repairability"]
    assert not Product.objects.exists()


def test_the_writer_holds_the_same_rule_for_every_caller():
    write = ProductWrite(
        fields={"maker": MakerOrganisationFactory(), "category": CategoryFactory(), "name": "Rasiermesser"},
        sections={"repairability": {"documentation": "public"}},
    )
    with pytest.raises(ProductInvalid) as raised:
        save_product(None, write)
    assert raised.value.errors == {
        "repairability": {"documentation_url": ["Give the link where the public repair documentation is."]}
    }
    assert not Product.objects.exists()


def test_every_error_is_reported_at_once():
    orgs = organisations()
    data = editor_data(
        ProductEditor(organisations=orgs),
        **{
            "product-category": "",
            "product-name": "",
            "durability-resharpenable": "false",
            "durability-resharpening_cycles": "3",
        },
    )
    editor = ProductEditor(organisations=orgs, data=data)
    assert not editor.is_valid()
    assert set(editor.product_form.errors) == {"category", "name"}
    assert set(editor.section_forms["durability"].errors) == {"resharpening_cycles"}


def test_a_durability_test_cannot_point_at_another_products_evidence():
    product = complete_product()
    foreign = EvidenceDocumentFactory()
    orgs = MakerOrganisation.objects.filter(pk=product.maker_id)
    data = editor_data(
        ProductEditor(organisations=orgs, instance=product),
        **{
            "durability_tests-0-property": "hardness",
            "durability_tests-0-result": "58 HRC",
            "durability_tests-0-evidence": foreign.pk,
        },
    )
    editor = ProductEditor(organisations=orgs, instance=product, data=data)
    assert not editor.is_valid()
    assert "evidence" in editor.formsets["durability_tests"].forms[0].errors
    assert not product.durability_tests.exists()
