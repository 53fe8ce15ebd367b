"""The public repair finder: the makers' published services and staff's places, nearest to a postcode first."""

import math

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import PassportVersion
from catalogue.passports.services import publish_product, withdraw_product
from catalogue.repair.admin import RepairPlaceForm
from catalogue.repair.models import PostcodeArea, RepairPlace
from catalogue.repair.postcodes import Centre, distance_km, read_geonames
from catalogue.repair.selectors import repair_directory
from lifecycle.models import RepairService
from tests.factories import MakerOrganisationFactory, RepairServiceFactory, complete_product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Postcode centres in GeoNames' format: Solingen-Mitte, Solingen-Ohligs, Wuppertal-Elberfeld, Köln.
GEONAMES = (
    "DE\t42651\tSolingen\tNRW\tNW\t\t\t\t\t51.1714\t7.0845\t4\n"
    "DE\t42697\tSolingen\tNRW\tNW\t\t\t\t\t51.1650\t7.0100\t4\n"
    "DE\t42103\tWuppertal\tNRW\tNW\t\t\t\t\t51.2565\t7.1450\t4\n"
    "DE\t50667\tKöln\tNRW\tNW\t\t\t\t\t50.9380\t6.9570\t4\n"
)


@pytest.fixture
def postcodes(tmp_path):
    call_command("load_postcodes", _write(tmp_path, GEONAMES))


def _write(folder, text: str) -> str:
    path = folder / "DE.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _maker_with_service(name: str, postcode: str, **service) -> object:
    maker = MakerOrganisationFactory(name=name, postcode=postcode)
    product = complete_product(maker=maker, name=f"Messer von {name}")
    product.repair_services.all().delete()
    RepairServiceFactory(product=product, **service)
    publish_product(product)
    return product


def _place(name: str, postcode: str, services: str = "resharpening") -> RepairPlace:
    return RepairPlace.objects.create(
        name=name, kind=RepairPlace.Kind.GRINDER, services=services, postcode=postcode, city="Ort"
    )


def names(response) -> list[str]:
    return [entry.name for entry in response.context["entries"]]


def test_the_haversine_distance_matches_the_earths_arc():
    # One degree of longitude on the equator is 1/360 of the circumference; a quarter meridian is 90 degrees.
    assert distance_km(Centre(0, 0), Centre(0, 1)) == pytest.approx(2 * math.pi * 6371.0 / 360)
    assert distance_km(Centre(0, 0), Centre(90, 0)) == pytest.approx(math.pi * 6371.0 / 2)
    assert distance_km(Centre(51.17, 7.08), Centre(51.17, 7.08)) == 0


def test_places_are_sorted_by_distance_from_the_postcode(client, postcodes):
    _maker_with_service("Schmiede Köln", "50667")
    _maker_with_service("Schmiede Mitte", "42651")
    _place("Schleiferei Wuppertal", "42103")
    _place("Schleiferei ohne Ort", "99999")
    response = client.get("/repair/", {"near": "42697"})
    assert response.status_code == 200
    assert names(response) == ["Schmiede Mitte", "Schleiferei Wuppertal", "Schmiede Köln", "Schleiferei ohne Ort"]
    distances = [entry.distance_km for entry in response.context["entries"]]
    assert distances[0] == pytest.approx(5.2, abs=0.1) and distances[-1] is None
    html = response.content.decode()
    assert "5.2 km away" in html and "distance unknown" in html


def test_without_a_known_postcode_the_list_is_by_name_with_a_note(client, postcodes):
    _place("Zeller Schliff", "42651")
    _place("Alte Schleiferei", "42103")
    response = client.get("/repair/", {"near": "01067"})
    assert names(response) == ["Alte Schleiferei", "Zeller Schliff"]
    assert "We do not know where the postcode 01067 lies" in response.content.decode()


def test_only_current_published_passports_and_listed_places_appear(client, postcodes, maker):
    published = _maker_with_service("Veröffentlicht", "42651")
    withdrawn = _maker_with_service("Zurückgezogen", "42651")
    withdraw_product(withdrawn)
    draft = complete_product(name="Entwurf")  # services, but no passport
    assert draft.repair_services.exists()
    hidden = _place("Nicht gelistet", "42651")
    hidden.active = False
    hidden.save()
    # Services added after publishing are not in the passport, so not on the finder either.
    RepairServiceFactory(product=published, service_type=RepairService.ServiceType.NEW_HANDLE)
    response = client.get("/repair/")
    assert names(response) == ["Veröffentlicht"]
    assert [offer.service_type for offer in response.context["entries"][0].offers] == ["resharpening"]


def test_the_service_filter_keeps_only_places_offering_it(client, postcodes):
    _maker_with_service("Griffmacher", "42651", service_type=RepairService.ServiceType.NEW_HANDLE)
    _maker_with_service("Nur Schliff", "42651")
    _place("Café", "42651", services="general_repair,resharpening")
    response = client.get("/repair/", {"service": "new_handle"})
    assert names(response) == ["Griffmacher"]
    response = client.get("/repair/", {"service": "resharpening"})
    assert names(response) == ["Café", "Nur Schliff"]


def test_services_of_one_maker_merge_with_prices_products_and_partner_contact(client, postcodes):
    product = _maker_with_service("Schmiede", "42651", price_eur="8.00", phone="+49 212 1")
    other = complete_product(maker=product.maker, name="Zweites Messer")
    other.repair_services.all().delete()
    RepairServiceFactory(product=other, price_eur="12.00")
    RepairServiceFactory(
        product=other, service_type="new_handle", provider="Griffe GmbH", website="https://griffe.example.org"
    )
    publish_product(other)
    (entry,) = repair_directory()[0]
    resharpening, handle = entry.offers
    assert resharpening.price_range == (8, 12) and resharpening.phone == "+49 212 1"
    assert sorted(name for name, _code in resharpening.products) == ["Messer von Schmiede", "Zweites Messer"]
    assert (handle.provider, handle.website) == ("Griffe GmbH", "https://griffe.example.org")
    html = client.get("/repair/").content.decode()
    assert "8.00–12.00 €" in html and "by Griffe GmbH" in html and 'href="tel:+492121"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"near": "4265"}, "Your postcode: Enter a German postcode of five digits, for example 42651."),
        ({"service": "polishing"}, "Service: Select a valid choice. polishing is not one of the available choices."),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, query, message):
    response = client.get("/repair/", query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_finder_reads_in_a_fixed_number_of_queries(client, postcodes):
    for index in range(6):
        _maker_with_service(f"Schmiede {index}", "42651")
        _place(f"Ort {index}", "42103")
    client.get("/repair/", {"near": "42697"})  # sessions and the like, once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/repair/", {"near": "42697"})
    assert len(response.context["entries"]) == 12
    assert len(queries) == 3  # the makers' services, the places, the postcode centres


def test_load_postcodes_reads_geonames_and_refuses_a_bad_line_naming_it(postcodes, tmp_path):
    assert PostcodeArea.objects.get(postcode="42103").place == "Wuppertal"
    assert read_geonames("# a comment\nAT\t1010\tWien\n") == []
    with pytest.raises(ValidationError, match="Line 2: expected GeoNames columns"):
        read_geonames(GEONAMES.splitlines()[0] + "\nDE\t4265\tSolingen\n")
    with pytest.raises(CommandError, match="Line 1"):
        call_command("load_postcodes", _write(tmp_path, "DE\t42651\tSolingen\tNRW\tNW\t\t\t\t\tnorth\teast\t4\n"))
    assert PostcodeArea.objects.count() == 4


def test_staff_tick_the_services_of_a_place():
    data = {"name": "Café", "kind": "repair_cafe", "postcode": "42651", "city": "Solingen", "active": "on"}
    form = RepairPlaceForm(data={**data, "service_choices": ["resharpening", "new_handle"]})
    assert form.is_valid(), form.errors
    assert form.save().service_types == ["resharpening", "new_handle"]
    refused = RepairPlaceForm(data=data)
    assert not refused.is_valid() and "service_choices" in refused.errors


def test_the_demo_lists_places_and_makers_near_solingen(client):
    call_command("load_demo", verbosity=0)
    response = client.get("/repair/", {"near": "42651", "service": "resharpening"})
    entries = response.context["entries"]
    assert {"Schleiferei am Wupperufer", "Repair-Café Ohligs"} <= {entry.name for entry in entries}
    assert any(entry.kind == "maker" for entry in entries)
    assert all(entry.distance_km is not None for entry in entries)
    assert [entry.distance_km for entry in entries] == sorted(entry.distance_km for entry in entries)


def test_the_maker_is_shown_as_published_and_never_with_its_street(client, postcodes):
    product = _maker_with_service("Schmiede Alt", "42651")
    maker = product.maker
    maker.street, maker.name, maker.website = "Geheimweg 1", "Schmiede Neu", "javascript:alert(1)"
    maker.save()
    html = client.get("/repair/").content.decode()
    assert "Schmiede Alt" in html and "Schmiede Neu" not in html
    assert "Geheimweg" not in html and "javascript:" not in html


def test_a_redacted_or_odd_service_row_is_left_out_not_a_500(client, postcodes):
    product = _maker_with_service("Schmiede", "42651")
    version = PassportVersion.objects.get(product=product)
    snapshot = version.snapshot
    good = {**snapshot["repairability"]["repair_services"][0], "label": None, "website": "javascript:alert(1)"}
    snapshot["repairability"]["repair_services"] = [{"provider": "ohne Art"}, "kaputt", good]
    PassportVersion.objects.filter(pk=version.pk).redact_snapshot(snapshot)  # the one way to change a snapshot
    response = client.get("/repair/")
    assert response.status_code == 200
    (entry,) = response.context["entries"]
    assert [(offer.label, offer.website) for offer in entry.offers] == [("Resharpening", "")]
    assert "None" not in response.content.decode() and "javascript:" not in response.content.decode()
