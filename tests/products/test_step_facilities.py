"""The step's facility in the editor: only the maker's own sites are offered, and foreign or supplier ones refused."""

import pytest

from products.editor import ProductEditor
from products.models import Facility, Product, SupplyChainStep
from products.selectors import organisations_for_user
from products.services import ProductInvalid, ProductWrite, save_product
from tests.factories import CategoryFactory, complete_product

pytestmark = pytest.mark.django_db


def _fields(maker) -> dict:
    return {"maker": maker, "category": CategoryFactory(), "name": "Kochmesser", "description": "Geschmiedet."}


def test_the_step_form_offers_only_the_makers_own_facilities(maker_user, maker, other_maker):
    own = Facility.objects.create(maker=maker, name="Schmiede", city="Solingen", gln="4012345000009")
    Facility.objects.create(maker=other_maker, name="Fremde Halle", city="Haan")
    product = complete_product(maker=maker)
    editor = ProductEditor(organisations=organisations_for_user(maker_user), instance=product)
    for form in editor.formsets["supply_chain_steps"].forms:
        assert list(form.fields["facility"].queryset) == [own]
        assert [label for _value, label in form.fields["facility"].choices][1:] == ["Schmiede (Solingen)"]


def test_a_step_keeps_its_own_facility(maker):
    own = Facility.objects.create(maker=maker, name="Schmiede", city="Solingen")
    step = {"step_type": "forging", "performed_by": "maker", "city": "Solingen", "country": "DE", "facility": own}
    product = save_product(None, ProductWrite(fields=_fields(maker), lists={"supply_chain_steps": [step]}))
    assert product.supply_chain_steps.get().facility == own


@pytest.mark.parametrize(
    ("performed_by", "owner", "message"),
    [
        ("maker", "other", "Choose one of your own organisation's facilities."),
        ("supplier", "own", "A facility is the maker's own site: leave it empty for a supplier."),
    ],
)
def test_a_foreign_facility_or_one_on_a_suppliers_step_is_refused(
    maker, other_maker, english, performed_by, owner, message
):
    facility = Facility.objects.create(maker=maker if owner == "own" else other_maker, name="Halle")
    step = {"step_type": "forging", "performed_by": performed_by, "supplier_name": "Kuhn", "facility": facility}
    with pytest.raises(ProductInvalid) as refused:
        save_product(None, ProductWrite(fields=_fields(maker), lists={"supply_chain_steps": [step]}))
    assert refused.value.errors["supply_chain_steps"][0]["facility"] == [message]
    assert not Product.objects.exists()
    assert not SupplyChainStep.objects.exists()
