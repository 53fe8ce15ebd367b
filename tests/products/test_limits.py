"""Caps on texts and lists: every writer (model, editor, import) refuses more, naming the field and the limit."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from lifecycle.models import Durability, EndOfLife
from products import parts
from products.forms import EvidenceForm, ProductForm, part_formset
from products.importing import import_products
from products.limits import DESCRIPTION_MAX_LENGTH, EVIDENCE_MAX_COUNT, INSTRUCTIONS_MAX_LENGTH
from products.models import EvidenceDocument, MakerOrganisation, Product
from products.services import ProductInvalid, ProductWrite, save_product, validate_product
from tests.factories import (
    CategoryFactory,
    EvidenceDocumentFactory,
    ProductFactory,
    SupplyChainStepFactory,
    complete_product,
)
from tests.products.formdata import form_data

pytestmark = pytest.mark.django_db

# model, field, limit and the message's field name for every free text that reaches a passport
CAPPED_TEXTS = [
    (Product, "description", DESCRIPTION_MAX_LENGTH, "Description"),
    (MakerOrganisation, "description", DESCRIPTION_MAX_LENGTH, "Description"),
    (Durability, "maintenance_instructions", INSTRUCTIONS_MAX_LENGTH, "Maintenance instructions"),
    (EndOfLife, "disposal_instructions", INSTRUCTIONS_MAX_LENGTH, "Disposal instructions"),
]


def too_long(label: str, limit: int, length: int) -> str:
    return f"“{label}” should be at most {limit:,} characters long, not {length:,}."


@pytest.mark.parametrize(("model", "name", "limit", "label"), CAPPED_TEXTS)
def test_the_model_refuses_a_text_over_its_limit_and_accepts_one_at_it(english, model, name, limit, label):
    field = model._meta.get_field(name)
    assert field.max_length == limit
    field.clean("x" * limit, model())
    with pytest.raises(ValidationError) as refused:
        field.clean("x" * (limit + 1), model())
    assert refused.value.messages == [too_long(label, limit, limit + 1)]


@pytest.mark.parametrize(("model", "name", "limit", "label"), CAPPED_TEXTS)
def test_the_form_field_shows_maxlength_and_refuses_with_the_same_message(english, model, name, limit, label):
    form_field = model._meta.get_field(name).formfield()
    assert f'maxlength="{limit}"' in form_field.widget.render(name, "")
    with pytest.raises(ValidationError) as refused:
        form_field.clean("ü" * (limit + 7))
    assert refused.value.messages == [too_long(label, limit, limit + 7)]


def test_the_numbers_of_the_message_are_written_as_in_german():
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        Product._meta.get_field("description").clean("x" * 500_000, Product())
    assert "5.000" in refused.value.messages[0] and "500.000" in refused.value.messages[0]


def test_the_writer_refuses_a_long_description_naming_the_field(english, maker):
    write = ProductWrite(
        fields={"maker": maker, "category": CategoryFactory(), "name": "Messer", "description": "x" * 500_000}
    )
    errors = validate_product(None, write)
    assert errors == {"description": [too_long("Description", 5000, 500_000)]}
    with pytest.raises(ProductInvalid):
        save_product(None, write)
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("part_name", "limit", "title", "row"),
    [
        ("supply_chain_steps", 50, "Supply chain", {"step_type": "forging", "performed_by": "maker", "country": "DE"}),
        ("materials", 30, "Materials", {"name": "Stahl"}),
        ("components", 30, "Components", {"name": "Griff"}),
        ("spare_parts", 30, "Spare parts", {"name": "Griffschalen"}),
        ("repair_services", 20, "Repair services", {"service_type": "resharpening"}),
    ],
)
def test_the_writer_refuses_more_rows_than_a_part_allows(english, maker, part_name, limit, title, row):
    assert parts.get(part_name).max_rows == limit
    fields = {"maker": maker, "category": CategoryFactory(), "name": "Messer"}
    at_limit = ProductWrite(fields=fields, lists={part_name: [dict(row) for _ in range(limit)]})
    assert validate_product(None, at_limit) == {}
    over = ProductWrite(fields=fields, lists={part_name: [dict(row) for _ in range(limit + 1)]})
    assert validate_product(None, over) == {
        part_name: {None: [f"“{title}” should have at most {limit} entries, not {limit + 1}."]}
    }


def test_variants_have_their_own_codes_up_to_the_limit(english, maker):
    fields = {"maker": maker, "category": CategoryFactory(), "name": "Messer"}
    rows = [{"code": f"V{index}", "name": f"{index} cm"} for index in range(31)]
    errors = validate_product(None, ProductWrite(fields=fields, lists={"variants": rows}))
    assert errors == {"variants": {None: ["“Variants” should have at most 30 entries, not 31."]}}


def test_the_import_refuses_too_many_steps_and_a_long_description(english, maker):
    category = CategoryFactory(slug="chefs-knives")
    steps = [{"step_type": "forging", "performed_by": "maker", "country": "DE"}] * 51
    rows = [
        (1, {"name": "Messer", "category": category.slug, "supply_chain_steps": steps}),
        (2, {"name": "Schere", "category": category.slug, "description": "x" * 5001}),
    ]
    result = import_products(rows, maker)
    assert [(error.row, error.field, error.message) for error in result.errors] == [
        (1, "supply_chain_steps", "“Supply chain” should have at most 50 entries, not 51."),
        (2, "description", too_long("Description", 5000, 5001)),
    ]
    assert not Product.objects.exists()


def test_the_editor_offers_no_blank_step_beyond_the_limit_and_refuses_more(english, maker):
    product = ProductFactory(maker=maker)
    for index in range(50):
        SupplyChainStepFactory(product=product, position=index + 1)
    formset_class = part_formset(parts.get("supply_chain_steps"))
    assert len(formset_class(instance=product, prefix="steps").forms) == 50
    data = form_data(f'<form class="form">{formset_class(instance=product, prefix="steps").as_div()}</form>')
    data["steps-TOTAL_FORMS"] = "51"
    data.update({"steps-50-position": "51", "steps-50-step_type": "forging", "steps-50-country": "DE"})
    formset = formset_class(data, instance=product, prefix="steps")
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["“Supply chain” should have at most 50 entries, not 51."]


def test_the_workspace_editor_shows_the_limit_and_refuses_a_long_description(english, maker_client, maker):
    product = complete_product(maker=maker)
    url = reverse("products:product-edit", args=[product.pk])
    page = maker_client.get(url).content.decode()
    assert 'name="product-description"' in page
    assert f'maxlength="{DESCRIPTION_MAX_LENGTH}"' in page
    data = form_data(page)
    data["product-description"] = " ".join(["Geschmiedet."] * 500)  # 6,499 characters
    response = maker_client.post(url, data)
    assert response.status_code == 200
    assert too_long("Description", 5000, 6499) in response.content.decode()
    product.refresh_from_db()
    assert product.description != data["product-description"]


def test_a_product_form_reports_the_description_limit(english, maker):
    form = ProductForm(
        {"category": CategoryFactory().pk, "name": "Messer", "description": "x" * 5001},
        organisations=MakerOrganisation.objects.filter(pk=maker.pk),
    )
    assert not form.is_valid()
    assert form.errors["description"] == [too_long("Description", 5000, 5001)]


def test_evidence_is_limited_per_product(english):
    product = ProductFactory()
    EvidenceDocumentFactory.create_batch(EVIDENCE_MAX_COUNT, product=product)
    form = EvidenceForm(
        {"title": "Noch ein Bericht", "claim": "durability", "url": "https://example.org/more.pdf"},
        instance=EvidenceDocument(product=product),
    )
    assert not form.is_valid()
    assert form.non_field_errors() == [
        "A product can have at most 30 evidence documents; remove one before adding another."
    ]
    assert product.evidence.count() == EVIDENCE_MAX_COUNT


def test_an_older_product_over_a_limit_is_read_and_its_next_save_names_the_field(english, maker):
    """Data from before the limits stays readable; a save is refused until the maker shortens the text."""
    product = ProductFactory(maker=maker, description="Alt. " * 2000)
    product.refresh_from_db()
    assert len(product.description) == 10_000
    errors = validate_product(product, ProductWrite(fields={"name": "Neuer Name"}))
    assert errors == {"description": [too_long("Description", 5000, 10_000)]}
    assert save_product(product, ProductWrite(fields={"name": "Neuer Name", "description": "Kurz."})).name == (
        "Neuer Name"
    )
