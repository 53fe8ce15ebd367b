"""The maker page lists the maker's facilities and operator identifiers; the passport page names each step's site."""

import pytest
from django.utils.html import escape

from catalogue.models import PassportVersion
from catalogue.passports.services import publish_product
from products.models import SupplyChainStep
from tests.factories import FacilityFactory, MakerOrganisationFactory, showcase_product

pytestmark = pytest.mark.django_db


def page_html(client, url, language):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def supply_chain_section(html: str) -> str:
    return html.split('id="supply-chain"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def two_makers():
    """Two makers with a published knife each, one facility each, the first with an EORI and a GLN."""
    first = MakerOrganisationFactory(name="Schleiferei Nordlicht", eori="DE7654321", gln="4012345000016")
    second = MakerOrganisationFactory(name="Fremde Schmiede")
    own = FacilityFactory(maker=first, name="Schleifkotten Nord", city="Solingen", postcode="42655")
    other = FacilityFactory(maker=second, name="Fremdwerk Süd", city="Haan", postcode="42781")
    for maker, facility in ((first, own), (second, other)):
        product = showcase_product(maker=maker, name=f"Kochmesser von {maker.name}")
        product.supply_chain_steps.filter(performed_by=SupplyChainStep.Performer.MAKER).update(facility=facility)
        publish_product(product)
    return first, own, other


@pytest.mark.parametrize("language", ["de", "en"])
def test_maker_page_lists_its_facilities_and_operator_identifiers(client, two_makers, language):
    maker, own, other = two_makers
    html = page_html(client, maker.get_absolute_url(), language)
    assert f"<strong>{escape(own.name)}</strong>, 42655 Solingen" in html
    assert f'GLN <span class="mono">{own.gln}</span>' in html
    assert '<dd class="mono">DE7654321</dd>' in html and '<dd class="mono">4012345000016</dd>' in html
    assert escape(other.name) not in html and other.gln not in html


def test_maker_page_without_identifiers_or_facilities_has_no_such_section(client, two_makers):
    maker, own, _other = two_makers
    maker.eori = maker.gln = ""
    maker.save()
    own.delete()
    html = page_html(client, maker.get_absolute_url(), "en")
    assert 'id="maker-identifiers-title"' not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_passport_page_names_the_facility_of_each_step_the_maker_did(client, two_makers, language):
    maker, own, other = two_makers
    version = PassportVersion.objects.get(product__maker=maker)
    steps = version.snapshot["supply_chain"]
    assert {step["performed_by"]: step["facility"] for step in steps} == {
        "maker": {"name": own.name, "gln": own.gln},
        "supplier": None,
    }
    section = supply_chain_section(page_html(client, f"/p/{version.product.passport_code}", language))
    maker_steps = sum(step["performed_by"] == "maker" for step in steps)
    assert section.count(f'{escape(own.name)} <span class="small muted">(GLN <span class="mono">{own.gln}</span>)') == (
        maker_steps
    )
    assert escape(other.name) not in section and other.gln not in section


def test_a_snapshot_published_before_step_facilities_still_renders(client, two_makers):
    maker, own, _other = two_makers
    version = PassportVersion.objects.get(product__maker=maker)
    old = {**version.snapshot, "supply_chain": [dict(step) for step in version.snapshot["supply_chain"]]}
    for step in old["supply_chain"]:
        del step["facility"]
    PassportVersion.objects.filter(pk=version.pk).redact_snapshot(old)  # the one way to change a stored snapshot
    section = supply_chain_section(page_html(client, f"/p/{version.product.passport_code}", "en"))
    assert "Forging" in section
    assert own.gln not in section
