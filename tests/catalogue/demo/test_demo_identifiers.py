"""The demo's ESPR identifiers, checked with python-stdnum as an independent oracle, and its registry export."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from stdnum import ean
from stdnum.eu import vat

from catalogue.demo import data as demo_data
from catalogue.demo.loader import load_demo
from products.models import Facility, MakerOrganisation, Product, SupplyChainStep

ESPR_DOC = Path(__file__).resolve().parents[3] / "docs" / "espr.md"
# The EORI rule of Reg. (EU) 2015/2446 Art. 7: the issuing member state's code, then at most 15 letters or digits.
# The member states come from stdnum (its VAT prefixes, with Greece as EL, written GR in EORI numbers).
EORI_RULE = re.compile(r"^([A-Z]{2})[0-9A-Z]{1,15}$")
EU_COUNTRIES = {code.upper() for code in vat.MEMBER_STATES} - {"EL"} | {"GR"}


def is_eori(value: str) -> bool:
    match = EORI_RULE.match(value or "")
    return bool(match) and match.group(1) in EU_COUNTRIES


def is_gln(value: str) -> bool:
    return bool(value) and len(value) == 13 and ean.is_valid(value)


def promised_registry_fields() -> set[str]:
    """The export fields in the table of docs/espr.md, "Registry export fields …" (first column, in backticks)."""
    text = ESPR_DOC.read_text(encoding="utf-8")
    section = text.split("## Registry export fields", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}


def test_every_demo_maker_has_a_valid_operator_identifier_and_a_facility_with_a_valid_gln():
    facilities = {}
    for spec in demo_data.FACILITIES:
        facilities.setdefault(spec["maker"], []).append(spec)
        assert is_gln(spec["gln"]), spec
    for maker in demo_data.MAKERS:
        assert maker.get("eori") or maker.get("gln"), maker["slug"]
        assert not maker.get("eori") or is_eori(maker["eori"]), maker
        assert not maker.get("gln") or is_gln(maker["gln"]), maker
        assert facilities.get(maker["slug"]), maker["slug"]
    glns = [spec["gln"] for spec in demo_data.FACILITIES] + [m["gln"] for m in demo_data.MAKERS if m.get("gln")]
    eoris = [maker["eori"] for maker in demo_data.MAKERS if maker.get("eori")]
    assert len(glns) == len(set(glns)) and len(eoris) == len(set(eoris))
    # No GLN has the digits of a demo GTIN (GS1 keys of different kinds, but a reader cannot tell them apart).
    gtins = {spec["gtin"] for spec in demo_data.PRODUCTS if spec.get("gtin")}
    assert not gtins & set(glns)
    # The demo has makers with both identifiers, with only an EORI and with only a GLN.
    kinds = {(bool(maker.get("eori")), bool(maker.get("gln"))) for maker in demo_data.MAKERS}
    assert kinds == {(True, True), (True, False), (False, True)}


@pytest.mark.django_db
def test_demo_steps_of_the_makers_point_at_their_own_facilities():
    load_demo()
    assert Facility.objects.count() == len(demo_data.FACILITIES)
    maker_steps = SupplyChainStep.objects.filter(performed_by=SupplyChainStep.Performer.MAKER)
    assert maker_steps.exists()
    assert not maker_steps.filter(facility__isnull=True).exists()
    for step in maker_steps.select_related("facility", "product"):
        assert step.facility.maker_id == step.product.maker_id
        assert (step.facility.city, step.facility.postcode) == (step.city, step.postcode)
    assert not SupplyChainStep.objects.filter(performed_by="supplier", facility__isnull=False).exists()
    # The maker with a works in another town has two facilities, and its steps use both.
    schuermann = Facility.objects.filter(maker__slug="schuermann-remscheid", steps__isnull=False).distinct()
    assert schuermann.count() == 2


@pytest.mark.django_db
def test_registry_export_of_the_demo_passes_the_independent_checks(tmp_path):
    load_demo()
    out = tmp_path / "registry.json"
    call_command("export_registry", "--out", str(out))
    entries = json.loads(out.read_text(encoding="utf-8"))["entries"]
    published = Product.objects.filter(status=Product.Status.PUBLISHED)
    assert len(entries) == published.count() >= 30
    gtins = dict(published.values_list("passport_code", "gtin"))
    categories = dict(published.values_list("passport_code", "category__slug"))
    promised = promised_registry_fields()
    assert {"upi", "operator", "facilities", "commodity_code", "granularity", "live_url", "backup_url"} <= promised
    with_gtin = with_facilities = 0
    for entry in entries:
        assert promised <= set(entry), set(promised) - set(entry)
        code = entry["live_url"].rsplit("/p/", 1)[1]
        assert entry["operator"], code
        if entry["operator_scheme"] == "eori":
            assert is_eori(entry["operator"]), entry
        else:
            assert entry["operator_scheme"] == "gln" and is_gln(entry["operator"]), entry
        for facility in entry["facilities"]:
            assert facility["name"] and is_gln(facility["gln"]), entry
        with_facilities += bool(entry["facilities"])
        if entry["upi_scheme"] == "gs1_digital_link":
            gtin = entry["upi"].rsplit("/01/", 1)[1]
            assert len(gtin) == 14 and ean.is_valid(gtin), entry
            assert gtin == gtins[code]
            with_gtin += 1
        else:
            assert entry["upi_scheme"] == "iec_61406" and entry["upi"] == entry["live_url"]
            assert gtins[code] is None
        if entry["commodity_code"] is None:  # the demo gives honing steels no code (their heading is unsettled)
            assert categories[code] == "honing-steels", entry
        else:
            assert re.fullmatch(r"82\d{6}(\d\d)?", entry["commodity_code"]), entry
        assert entry["granularity"] in {"model", "batch", "item"}
        assert re.fullmatch(r"[0-9a-f]{64}", entry["content_hash"])
    assert with_gtin >= 10 and with_facilities >= 20
    # Every published demo product whose maker did a step names that step's facility.
    makers_steps = set(
        published.filter(supply_chain_steps__performed_by="maker").values_list("passport_code", flat=True)
    )
    assert {entry["live_url"].rsplit("/p/", 1)[1] for entry in entries if entry["facilities"]} == makers_steps


@pytest.mark.django_db
def test_a_demo_loaded_before_the_identifiers_gets_them_without_changing_what_staff_set():
    load_demo()
    MakerOrganisation.objects.filter(slug="hoelterhoff").update(eori="", gln="")
    MakerOrganisation.objects.filter(slug="struessmann").update(eori="DE999", gln="")
    Facility.objects.filter(maker__slug="hoelterhoff").delete()

    summary = load_demo()

    assert summary.created == {Facility: 1}
    spec = next(maker for maker in demo_data.MAKERS if maker["slug"] == "hoelterhoff")
    hoelterhoff = MakerOrganisation.objects.get(slug="hoelterhoff")
    assert (hoelterhoff.eori, hoelterhoff.gln) == (spec["eori"], spec["gln"])
    assert MakerOrganisation.objects.values_list("eori", "gln").get(slug="struessmann") == ("DE999", "")
    assert Facility.objects.filter(maker=hoelterhoff).count() == 1
