"""diff(old, new) of two passport snapshots: fields, rows added and removed, labels in German and English."""

import copy

import pytest

from catalogue.passports.diff import ADDED, CHANGED, REMOVED, diff
from tests.factories import published_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def snapshot(maker):
    return published_product(maker=maker).passport_versions.get().snapshot


def by_key(changes):
    return {(change.section, change.field, change.kind): change for change in changes}


def test_the_same_snapshot_has_no_changes_and_stamps_do_not_count(snapshot):
    later = {**copy.deepcopy(snapshot), "version": 7, "published_at": "2030-01-01T00:00:00+00:00"}
    assert diff(snapshot, copy.deepcopy(snapshot)) == []
    assert diff(snapshot, later) == []


def test_a_changed_field_has_its_old_and_new_value_and_labels_in_both_languages(snapshot):
    new = copy.deepcopy(snapshot)
    new["product"]["name"] = "Kochmesser Pro"
    new["product"]["price_eur"] = 99.5
    changes = by_key(diff(snapshot, new))
    name = changes[("product", "name", CHANGED)]
    assert (name.old, name.new) == (snapshot["product"]["name"], "Kochmesser Pro")
    assert name.section_label == {"de": "Produkt", "en": "Product"}
    assert name.field_label["en"] == "name" and name.field_label["de"] == "Name"
    assert changes[("product", "price_eur", CHANGED)].new == 99.5
    assert len(changes) == 2


def test_rows_added_and_removed_and_a_changed_row_field(snapshot):
    new = copy.deepcopy(snapshot)
    removed = new["materials"].pop(0)
    new["materials"].append({**removed, "name": "Messing", "part": "Nieten"})
    new["supply_chain"][0]["city"] = "Haan"
    changes = diff(snapshot, new)
    found = by_key(changes)
    assert found[("materials", None, ADDED)].new == "Messing"
    assert found[("materials", None, REMOVED)].old == removed["name"]
    city = found[("supply_chain", "city", CHANGED)]
    assert (city.old, city.new) == ("Solingen", "Haan")
    assert city.row is not None  # which step: its type's label
    assert city.field_label["en"] == "city"


def test_a_reordered_list_is_no_change(snapshot):
    new = copy.deepcopy(snapshot)
    new["materials"].reverse()
    assert diff(snapshot, new) == []


def test_a_choice_shows_its_label_and_a_section_that_appeared_shows_its_fields(snapshot):
    old = copy.deepcopy(snapshot)
    old["end_of_life"] = None
    changes = by_key(diff(old, snapshot))
    separability = changes.get(("end_of_life", "separability", CHANGED))
    assert separability is not None and separability.old is None
    assert isinstance(separability.new, dict) and set(separability.new) == {"de", "en"}
    assert not any(change.field.endswith("_label") for change in diff(old, snapshot) if change.field)


def test_nested_lists_and_the_score(snapshot):
    new = copy.deepcopy(snapshot)
    new["repairability"]["spare_parts"] = []
    new["score"] = {**new["score"], "overall": new["score"]["overall"] - 5, "grade": "E"}
    found = by_key(diff(snapshot, new))
    assert ("repairability.spare_parts", None, REMOVED) in found
    assert found[("score", "grade", CHANGED)].new == "E"
    assert found[("score", "overall", CHANGED)].field_label["de"]


def test_a_missing_snapshot_is_empty():
    assert diff(None, None) == []
