"""Product and evidence forms: messages name the field and what is expected; invalid input saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from products import parts
from products.forms import EvidenceForm, ProductForm, TriStateSelect, part_form, part_formset
from products.models import EvidenceDocument, MakerOrganisation, Product
from tests.factories import EVIDENCE_PDF, CategoryFactory, MakerOrganisationFactory, ProductFactory

pytestmark = pytest.mark.django_db

SupplyChainStepForm = part_form(parts.get("supply_chain_steps"))
MaterialFormSet = part_formset(parts.get("materials"))


def product_form(data, organisations=None, instance=None):
    if organisations is None:
        organisations = MakerOrganisation.objects.filter(pk=MakerOrganisationFactory().pk)
    return ProductForm(data, organisations=organisations, instance=instance)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("4006381333931", "04006381333931"),
        ("4006381 333931", "04006381333931"),
        ("400-6381-33393-1", "04006381333931"),
        ("96385074", "00000096385074"),
        ("", None),
    ],
)
def test_the_gtin_is_normalised_to_14_digits(typed, stored):
    form = product_form({"category": CategoryFactory().pk, "name": "Messer", "gtin": typed})
    assert form.is_valid(), form.errors
    assert form.save().gtin == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("4006381333932", "GTIN check digit should be 1, not 2."),
        ("40063813339", "A GTIN should have 8, 12, 13 or 14 digits, not 11."),
        (
            "4006381A33931",
            "A GTIN should contain only the digits 0 to 9 (spaces and hyphens are allowed), not “A” (U+0041).",
        ),
        (
            "４００６３８１３３３９３１",
            "A GTIN should contain only the digits 0 to 9 (spaces and hyphens are allowed), not “４” (U+FF14).",
        ),
        (
            "2912345678906",
            "This number is a store-internal number (restricted circulation), not a product's GTIN: GS1 leaves "
            "numbers beginning with 02, 04 or 20 to 29 (GTIN-12: 2 or 4; GTIN-8: 0 or 2) to shops and companies "
            "for their own use.",
        ),
    ],
)
def test_a_bad_gtin_gets_a_message_naming_what_is_expected(typed, message):
    form = product_form({"category": CategoryFactory().pk, "name": "Messer", "gtin": typed})
    assert not form.is_valid()
    assert form.errors["gtin"] == [message]
    assert not Product.objects.exists()


@pytest.mark.parametrize("gtin", ["٤٠٠٦٣٨١٣٣٣٩٣١", "0512345678900", "9801234567892"])
def test_the_model_clean_refuses_what_the_form_refuses(gtin):
    # The API, the import and the demo loader reach the model without the form.
    product = ProductFactory.build(gtin=gtin, maker=MakerOrganisationFactory(), category=CategoryFactory())
    with pytest.raises(ValidationError) as info:
        product.full_clean()
    assert list(info.value.message_dict) == ["gtin"]


def test_the_model_clean_normalises_the_gtin_too():
    product = ProductFactory.build(gtin="4006381 333931", maker=MakerOrganisationFactory(), category=CategoryFactory())
    product.full_clean()
    assert product.gtin == "04006381333931"


def test_the_maker_can_only_be_one_of_the_given_organisations():
    mine, also_mine, foreign = MakerOrganisationFactory.create_batch(3)
    organisations = MakerOrganisation.objects.filter(pk__in=[mine.pk, also_mine.pk])
    form = product_form({"maker": foreign.pk, "category": CategoryFactory().pk, "name": "X"}, organisations)
    assert not form.is_valid()
    assert "maker" in form.errors
    assert set(form.fields["maker"].queryset) == {mine, also_mine}


def test_with_one_organisation_the_maker_is_set_without_asking():
    organisation = MakerOrganisationFactory()
    form = product_form(
        {"category": CategoryFactory().pk, "name": "X"}, MakerOrganisation.objects.filter(pk=organisation.pk)
    )
    assert "maker" not in form.fields
    assert form.is_valid(), form.errors
    assert form.save().maker == organisation


def test_the_passport_code_and_status_cannot_be_set_through_the_form():
    form = product_form(
        {"category": CategoryFactory().pk, "name": "X", "passport_code": "AAAAAAAA", "status": "published"}
    )
    assert form.is_valid()
    product = form.save()
    assert product.status == Product.Status.DRAFT
    assert product.passport_code != "AAAAAAAA"


def test_tri_state_select_keeps_none_apart_from_no():
    widget = TriStateSelect()
    assert [label for _, label in widget.choices] == ["not disclosed", "yes", "no"]
    assert widget.value_from_datadict({"x": "unknown"}, {}, "x") is None
    assert widget.value_from_datadict({"x": "false"}, {}, "x") is False
    assert widget.value_from_datadict({"x": "true"}, {}, "x") is True


def test_a_supply_chain_step_needs_a_two_letter_country():
    form = SupplyChainStepForm({"position": 1, "step_type": "forging", "city": "Solingen", "country": "DEU"})
    assert not form.is_valid()
    assert "country" in form.errors


def test_a_supplier_step_needs_the_suppliers_name():
    form = SupplyChainStepForm({"position": 1, "step_type": "grinding", "performed_by": "supplier", "country": "DE"})
    assert not form.is_valid()
    assert form.errors["supplier_name"] == ["Name the supplier (you can mark the name as confidential)."]


def material_formset_data(*shares):
    data = {
        "materials-TOTAL_FORMS": str(len(shares)),
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "100",
    }
    for index, share in enumerate(shares):
        data[f"materials-{index}-name"] = f"Material {index}"
        data[f"materials-{index}-share_percent"] = share
        data[f"materials-{index}-renewable"] = "unknown"
        data[f"materials-{index}-recyclable"] = "unknown"
    return data


def test_material_shares_above_100_percent_are_refused():
    formset = MaterialFormSet(material_formset_data("70", "40"), instance=Product(), prefix="materials")
    assert not formset.is_valid()
    assert formset.non_form_errors() == [
        "The shares of mass of all materials add up to 110 %; they should be at most 100 %."
    ]


def test_a_share_above_100_percent_is_refused_on_its_field():
    formset = MaterialFormSet(material_formset_data("120"), instance=Product(), prefix="materials")
    assert not formset.is_valid()
    assert "share_percent" in formset.forms[0].errors


def test_material_shares_up_to_100_percent_are_fine():
    formset = MaterialFormSet(material_formset_data("70", "30"), instance=Product(), prefix="materials")
    assert formset.is_valid(), formset.errors


# ---------- Evidence ----------


def upload(name, size=10, content=b""):
    return SimpleUploadedFile(name, content + b"x" * size, content_type="application/octet-stream")


def test_evidence_needs_a_file_or_a_link():
    form = EvidenceForm({"title": "Bericht", "claim": "durability"}, {})
    assert not form.is_valid()
    assert form.errors["url"] == ["Upload a file or give a link."]


def test_evidence_refuses_a_file_type_and_names_the_allowed_ones():
    form = EvidenceForm({"title": "Bericht", "claim": "durability"}, {"file": upload("report.exe")})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "The file should be a PDF, PNG, JPEG or WebP document; the content of “report.exe” is none of these."
    ]


def test_evidence_refuses_a_file_above_the_limit_and_names_the_limit(settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
    form = EvidenceForm({"title": "Bericht", "claim": "durability"}, {"file": upload("report.pdf", 4096)})
    with translation.override("en"):
        assert not form.is_valid()
        message = form.errors["file"][0]
    assert "at most 1.0\xa0KB" in message
    assert "not 4.0\xa0KB" in message


def test_evidence_form_has_no_verified_field():
    assert "verified" not in EvidenceForm().fields


def test_a_maker_uploads_evidence_which_starts_unverified(maker_client, product, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = maker_client.post(
        reverse("products:evidence-add", args=[product.pk]),
        {
            "title": "Prüfbericht",
            "claim": "durability",
            "file": upload("report.pdf", content=EVIDENCE_PDF),
            "verified": "on",
        },
    )
    assert response.status_code == 302
    evidence = EvidenceDocument.objects.get(product=product)
    assert evidence.verified is False
    assert evidence.file.name.endswith(".pdf")
    assert (tmp_path / evidence.file.name).exists()


def test_an_invalid_upload_saves_nothing_and_shows_the_message_inline(maker_client, product):
    response = maker_client.post(
        reverse("products:evidence-add", args=[product.pk]),
        {"title": "Prüfbericht", "claim": "durability", "file": upload("report.docx")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_file_error"' in html
    assert "PDF, PNG, JPEG or WebP" in html
    assert not EvidenceDocument.objects.exists()


def test_an_optional_choice_left_empty_reads_not_disclosed():
    form = SupplyChainStepForm()
    optional_blank = next(iter(form.fields["performed_by"].choices))
    required_blank = next(iter(form.fields["step_type"].choices))
    assert optional_blank == ("", "not disclosed")
    assert required_blank[0] == ""
    assert required_blank[1] != "not disclosed"
