"""The score's hints on the product page: each links to where it is acted on, same ones merged, fulfilled ones gone."""

import re

import pytest
from django.urls import reverse

from catalogue.scores.hint_links import EDITOR_ANCHORS
from catalogue.scores.selectors import ranked_hints
from catalogue.scores.services import refresh_score
from lifecycle.models import DurabilityTest
from tests.factories import DurabilityTestFactory, complete_product

pytestmark = pytest.mark.django_db


def shown_hints(client, product) -> list[tuple[str, str]]:
    """(link, text) of each hint on the product page."""
    html = client.get(product.get_absolute_url()).content.decode()
    hints = html[html.index('class="score-hints') : html.index("</ol>", html.index('class="score-hints'))]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', hints)


def test_the_test_hint_never_suggests_a_property_that_is_already_tested(maker_client, maker, english):
    product = complete_product(maker=maker)
    DurabilityTestFactory(product=product, property=DurabilityTest.Property.SHARPNESS)
    refresh_score(product)
    before = [text for _link, text in shown_hints(maker_client, product) if "more propert" in text]
    assert before and "edge retention" in before[0]

    # The maker adds the property the hint named: it is no longer suggested.
    DurabilityTestFactory(product=product, property=DurabilityTest.Property.EDGE_RETENTION)
    refresh_score(product)

    after = [text for _link, text in shown_hints(maker_client, product) if "more propert" in text]
    assert len(after) == 1 and after[0].startswith("Test 1 more property (e.g. corrosion resistance)")
    assert "edge retention" not in after[0] and "sharpness" not in after[0]


def test_the_test_hint_disappears_once_enough_properties_are_tested(maker_client, maker, english):
    product = complete_product(maker=maker)
    for prop in ("sharpness", "edge_retention", "corrosion"):
        DurabilityTestFactory(product=product, property=prop)
    refresh_score(product)
    assert not [text for _link, text in shown_hints(maker_client, product) if "more propert" in text]


def test_each_hint_links_to_its_field_in_the_editor(maker_client, maker, english):
    product = complete_product(maker=maker)
    refresh_score(product)
    links = {text.split(":")[0]: link for link, text in shown_hints(maker_client, product)}
    assert links, "the complete product still has hints"
    edit = reverse("products:product-edit", args=[product.pk])
    for text, link in links.items():
        assert link.startswith(edit + "#") or "evidence/new/?claim=" in link, (text, link)
    tests_hint = next(link for text, link in links.items() if text.startswith("Test durability"))
    assert tests_hint == edit + "#formset-durability_tests"


def test_every_hint_anchor_is_an_id_in_the_editor(maker_client, maker):
    product = complete_product(maker=maker)
    html = maker_client.get(reverse("products:product-edit", args=[product.pk])).content.decode()
    for key, anchor in EDITOR_ANCHORS.items():
        assert f'id="{anchor}"' in html, key


def test_hints_that_read_the_same_are_one_item_with_both_gains():
    def criterion(key, subscore, points):
        return {
            "key": key,
            "subscore": subscore,
            "hint": {
                "de": f"Nachweis zu den Materialien prüfen lassen: +{points} Punkte Kreislauf",
                "en": f"Have evidence for the materials verified: +{points} circularity points",
            },
            "hint_points": points,
        }

    details = {
        "criteria": [
            criterion("recycled_content", "circularity", 4),
            criterion("substances", "circularity", 2),
            {"key": "tools", "subscore": "repairability", "hint": {"de": "x: +1", "en": "y: +1"}, "hint_points": 1},
        ]
    }

    hints = ranked_hints(details, with_targets=True)

    materials = [hint for hint in hints if hint["hint"]["en"].startswith("Have evidence for the materials")]
    assert len(materials) == 1 and len(hints) == 2
    assert materials[0]["merged_keys"] == ["recycled_content", "substances"]
    single = ranked_hints({"criteria": details["criteria"][:1]})[0]["overall_points"]
    assert materials[0]["overall_points"] == pytest.approx(single * 1.5)
    assert materials[0]["hint"]["en"].count("Have evidence") == 1
    assert materials[0]["anchor"] == "formset-materials"
