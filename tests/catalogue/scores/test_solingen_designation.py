"""The "Solingen" designation of methodology 1.1 wherever people meet it: workspace, passport, browse, API, admin."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue.models import PublishedFacets
from catalogue.passports.services import publish_product
from catalogue.public.filters import ProductFilterSet
from catalogue.scores.services import refresh_score
from catalogue.scoring import METHODOLOGY_VERSION
from products.models import Category, Product
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, SupplyChainStepFactory

pytestmark = pytest.mark.django_db

KNIFE_STAGES = ["forming", "hardening", "grinding", "finishing"]


def knife_with_steps(maker, category, *step_types, **kwargs) -> Product:
    """A publishable product whose supply chain is just these steps, each in Solingen-Merscheid."""
    product = ProductFactory(maker=maker, category=category, **kwargs)
    MaterialFactory(product=product)
    for position, step_type in enumerate(step_types):
        SupplyChainStepFactory(product=product, position=position, step_type=step_type)
    refresh_score(product)
    return product


@pytest.fixture
def bread_knives(db):
    knives = CategoryFactory(name_de="Messer", name_en="Knives", solingen_covered=True, essential_stages=KNIFE_STAGES)
    return CategoryFactory(
        parent=knives, name_de="Brotmesser", name_en="Bread knives", solingen_covered=None, essential_stages=[]
    )


@pytest.fixture
def honing_steels(db):
    return CategoryFactory(name_de="Wetzstähle", name_en="Honing steels", solingen_covered=False, essential_stages=[])


def passport_html(client, product, language="en") -> str:
    return client.get(
        reverse("catalogue:passport", args=[product.passport_code]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()


def test_a_bread_knife_with_only_its_grinding_in_solingen_does_not_carry_the_designation(client, maker, bread_knives):
    knife = knife_with_steps(maker, bread_knives, "grinding")
    publish_product(knife)

    verdict = knife.score.details["solingen"]
    assert (verdict["qualifies"], verdict["applicable"]) == (False, True)
    html = passport_html(client, knife)
    assert "Does not qualify for the designation “Solingen”" in html and "solingen-yes" not in html
    for missing in ("Forging or stamping: place not disclosed.", "Hardening: place not disclosed."):
        assert missing in html
    assert "Grinding: place not disclosed" not in html  # the disclosed stage is fine
    german = passport_html(client, knife, "de")
    assert "Härten: Ort nicht angegeben." in german

    assert PublishedFacets.objects.get(version__product=knife).solingen is False
    browse = client.get(reverse("catalogue:browse"), {"solingen": "true"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert knife.name not in browse


def test_the_full_chain_in_solingen_qualifies_and_is_found_as_made_in_solingen(client, maker, bread_knives):
    knife = knife_with_steps(maker, bread_knives, "raw_material", "stamping", "hardening", "grinding", "finishing")
    publish_product(knife)

    assert "Qualifies for the designation “Solingen”" in passport_html(client, knife)
    browse = client.get(reverse("catalogue:browse"), {"solingen": "true"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert knife.name in browse
    drafts = ProductFilterSet({"solingen": "true"}, queryset=Product.objects.all()).qs
    assert list(drafts) == [knife]
    assert not ProductFilterSet({"solingen": "false"}, queryset=Product.objects.all()).qs.filter(pk=knife.pk).exists()


def test_outside_the_covered_categories_the_designation_does_not_apply(client, maker, honing_steels):
    steel = knife_with_steps(maker, honing_steels, *["forging", "hardening", "grinding", "finishing"])
    publish_product(steel)

    assert (steel.score.details["solingen"]["qualifies"], steel.score.details["solingen"]["applicable"]) == (
        False,
        False,
    )
    html = passport_html(client, steel)
    assert "The designation “Solingen” does not apply" in html and "Does not qualify" not in html
    assert "Not applicable: the category “Honing steels” is not covered by the Solingen regulation." in html
    assert PublishedFacets.objects.get(version__product=steel).solingen is None

    rows = client.get("/api/v1/passports/", HTTP_ACCEPT="application/json").json()["results"]
    assert [row["solingen"] for row in rows if row["passport_code"] == steel.passport_code] == [None]
    export = b"".join(client.get("/api/v1/export/passports.csv").streaming_content).decode()
    row = next(item for item in csv.DictReader(io.StringIO(export)) if item["passport_code"] == steel.passport_code)
    assert row["solingen"] == ""


def scored_as_in_methodology_1_0(product):
    """The stored score as methodology 1.0 made it: every disclosed essential stage in Solingen sufficed."""
    score = refresh_score(product)
    score.methodology_version = score.details["methodology_version"] = "1.0"
    score.details["solingen"] = {"qualifies": True, "reasons": [{"de": "Schleifen in Solingen.", "en": "Grinding."}]}
    score.save()
    return score


def test_the_workspace_says_when_republishing_would_drop_the_designation(
    maker_client, maker, bread_knives, monkeypatch
):
    knife = knife_with_steps(maker, bread_knives, "grinding")
    with monkeypatch.context() as patch:
        patch.setattr("catalogue.passports.services.refresh_score", scored_as_in_methodology_1_0)
        version = publish_product(knife)
    assert (version.methodology_version, version.snapshot["score"]["solingen"]["qualifies"]) == ("1.0", True)
    refresh_score(knife)  # the maker's next save scores with the current methodology

    html = maker_client.get(reverse("products:product-detail", args=[knife.pk]), HTTP_ACCEPT_LANGUAGE="en")
    html = html.content.decode()
    notice = html[html.index("designation-change") :]
    notice = notice[: notice.index("</div>")]
    assert f"Under methodology {METHODOLOGY_VERSION} this product loses the designation “Solingen”." in notice
    assert "The published passport (methodology 1.0) keeps its verdict until you republish" in notice
    assert "Hardening: place not disclosed." in notice

    publish_product(knife)
    html = maker_client.get(reverse("products:product-detail", args=[knife.pk])).content.decode()
    assert "designation-change" not in html


def test_the_workspace_says_when_new_data_would_gain_the_designation(maker_client, maker, bread_knives):
    knife = knife_with_steps(maker, bread_knives, "forging", "hardening", "grinding")
    publish_product(knife)
    SupplyChainStepFactory(product=knife, position=9, step_type="finishing")
    refresh_score(knife)

    html = maker_client.get(reverse("products:product-detail", args=[knife.pk]), HTTP_ACCEPT_LANGUAGE="de")
    html = html.content.decode()
    assert "Mit den jetzigen Angaben darf dieses Produkt die Bezeichnung „Solingen“ tragen." in html


def test_staff_edit_coverage_and_essential_stages_in_the_admin(staff_client, bread_knives):
    knives = bread_knives.parent
    url = reverse("admin:products_category_change", args=[knives.pk])
    form = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'type="checkbox" name="essential_stages" value="assembly"' in form
    assert "Forging or stamping" in form

    data = {
        "slug": knives.slug,
        "name_de": knives.name_de,
        "name_en": knives.name_en,
        "reference_lifetime_years": "20",
        "reference_warranty_years": "5",
        "resharpenable": "on",
        "solingen_covered": "true",
        "essential_stages": ["finishing", "forming", "assembly"],
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302
    knives.refresh_from_db()
    assert knives.essential_stages == ["forming", "assembly", "finishing"]  # stored in methodology order
    assert bread_knives.inherited("essential_stages") == ["forming", "assembly", "finishing"]

    response = staff_client.post(url, {**data, "essential_stages": ["packaging"]}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "Select a valid choice. packaging" in response.content.decode()


def test_the_model_refuses_stages_that_are_never_essential(bread_knives):
    category = Category(slug="x", name_de="x", name_en="x", essential_stages=["raw_material"])
    with pytest.raises(ValidationError) as error:
        category.full_clean()
    assert "essential_stages" in error.value.message_dict
    assert "forming, hardening, grinding" in error.value.message_dict["essential_stages"][0]
