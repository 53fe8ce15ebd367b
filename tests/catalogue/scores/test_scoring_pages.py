"""What people see of the scores: the maker's score panel, the public methodology page and the demo catalogue."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from catalogue.demo.loader import load_demo
from catalogue.models import ProductScore
from catalogue.scores.selectors import score_overview
from catalogue.scores.services import refresh_score, rescore_products
from catalogue.scoring import CHANGELOG, CRITERIA, GRADES, METHODOLOGY_VERSION
from products.models import Product
from tests.factories import CategoryFactory, SupplyChainStepFactory, complete_product

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[3] / "docs" / "scoring.md"


def detail_url(product) -> str:
    return reverse("products:product-detail", args=[product.pk])


def test_the_panel_says_when_a_product_is_not_scored_yet(maker_client, product):
    response = maker_client.get(detail_url(product), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Not scored yet" in response.content.decode()


def test_the_panel_shows_grade_subscores_criteria_hints_and_the_solingen_verdict(maker_client, maker):
    product = complete_product(maker=maker)
    score = refresh_score(product)
    html = maker_client.get(detail_url(product), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'class="grade-badge large grade-{score.grade}"' in html
    assert reverse("catalogue:methodology") in html
    for label in ("Durability", "Repairability", "Supply chain and regionality", "Circularity"):
        assert label in html
    for criterion in score.details["criteria"]:
        assert criterion["label"]["en"] in html
        assert criterion["explanation"]["en"].replace("'", "&#x27;") in html
    assert "This product may be called “Solingen”." in html
    assert "All 4 essential manufacturing stages of the category" in html
    assert "designation-change" not in html  # nothing published, nothing to compare

    hints = [item for item in score.details["criteria"] if item["hint"]]
    positions = [html.index(item["hint"]["en"].replace("'", "&#x27;")) for item in hints]
    gains = [item["hint_points"] for item in hints]
    ranked = [gain for _position, gain in sorted(zip(positions, gains, strict=True))]
    assert ranked == sorted(gains, reverse=True)  # equal weights, so the overall gain follows the sub-score gain


def test_the_panel_speaks_german_and_explains_why_not_solingen(maker_client, maker):
    product = complete_product(maker=maker)
    SupplyChainStepFactory(
        product=product, position=9, step_type="grinding", city="Thiers", postcode="63300", country="FR"
    )
    refresh_score(product)
    html = maker_client.get(detail_url(product), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Haltbarkeit" in html and "Reparaturanleitung ist öffentlich." in html
    assert "Dieses Produkt darf die Bezeichnung „Solingen“ nicht tragen." in html
    assert "Schleifen: in Thiers (EU)." in html
    assert "grade-badge" in html


def test_the_panel_runs_a_fixed_number_of_queries(maker_client, maker, django_assert_max_num_queries):
    product = complete_product(maker=maker)
    refresh_score(product)
    with django_assert_max_num_queries(25) as captured:
        maker_client.get(detail_url(product))
    baseline = len(captured)
    for _ in range(5):
        SupplyChainStepFactory(product=product)
    refresh_score(product)
    with django_assert_max_num_queries(baseline):
        maker_client.get(detail_url(product))


def test_another_makers_product_shows_no_score(maker_client, other_product):
    refresh_score(other_product)
    assert maker_client.get(detail_url(other_product)).status_code == 404


def test_the_methodology_page_is_generated_from_the_criterion_table(client, django_assert_max_num_queries):
    CategoryFactory(
        name_de="Nagelknipser",
        name_en="Nail clippers",
        reference_warranty_years=None,
        reference_lifetime_years=8,
        resharpenable=False,
    )
    CategoryFactory(name_de="Wetzstähle", name_en="Honing steels", solingen_covered=False, essential_stages=[])
    with django_assert_max_num_queries(3):
        response = client.get(reverse("catalogue:methodology"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Methodology version {METHODOLOGY_VERSION}" in html
    for criterion in CRITERIA:
        row = html[html.index(f'id="criterion-{criterion.key}"') :]
        row = row[: row.index("</tr>")]
        assert criterion.label["en"] in row
        assert f">{criterion.max_points:g}<" in row
        assert criterion.rule["en"].replace("'", "&#x27;") in row
        assert criterion.standard in row
    for grade, minimum, _colour in GRADES:
        assert f'grade-badge grade-{grade}"' in html
        assert f"{minimum:g}" in html
    assert "25 % of the overall score" in html
    assert "Nail clippers" in html and "5*" in html
    clippers = html[html.index("Nail clippers") :]
    clippers = clippers[: clippers.index("</tr>")]
    assert "Forging or stamping, Hardening, Grinding, Assembly" in clippers
    for version, text in CHANGELOG:
        assert text["en"].replace('"', "&quot;") in html and f"Version {version}" in html
    honing_steels = html[html.index("Honing steels") :]
    assert "not applicable (not covered)" in honing_steels[: honing_steels.index("</tr>")]


def test_the_methodology_page_speaks_german(client):
    with translation.override("de"):
        html = client.get(reverse("catalogue:methodology"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    for criterion in CRITERIA:
        assert criterion.label["de"] in html
    assert "Lieferkette und Regionalität" in html and "Schleifen" in html


def test_the_demo_catalogue_spreads_over_at_least_three_grades():
    load_demo()
    rescore_products()
    grades = Counter(ProductScore.objects.values_list("grade", flat=True))
    assert len(grades) >= 3, grades
    assert sum(grades.values()) == ProductScore.objects.count() > 0


def test_the_worked_example_of_the_docs():
    """docs/scoring.md, "Worked example": the numbers computed there by hand."""
    load_demo()
    product = Product.objects.get(name="Kochmesser „Merscheider Klassik“ 20 cm")
    details = refresh_score(product).details
    assert details["subscores"] == {"durability": 90, "repairability": 76, "supply_chain": 85, "circularity": 74.12}
    assert (details["overall"], details["grade"], details["solingen"]["qualifies"]) == (81.3, "A", True)
    assert details["solingen"]["reasons"][0]["en"].startswith("All 4 essential manufacturing stages")
    points = {item["key"]: item["points"] for item in details["criteria"]}
    assert points == {
        "warranty": 20, "lifetime": 20, "tested_properties": 20, "resharpening": 15, "refurbishment": 10,
        "maintenance": 5, "documentation": 20, "disassembly": 7, "fasteners": 0, "tools": 4, "spare_parts": 17,
        "spare_part_price": 8, "repair_services": 20, "disclosure": 30, "named_performers": 15,
        "supply_chain_evidence": 0, "regional_value": 40, "recycled_content": 25, "recyclability": 13.12,
        "separability": 0, "take_back": 16, "substances": 20,
    }  # fmt: skip
    overall_gains = [hint["overall_points"] for hint in score_overview(details)["hints"]]
    assert overall_gains == [3.75, 3.75, 2.5, 1.72, 1.5, 1.25, 1.25, 1, 0.75, 0.75, 0.5]


def test_the_docs_match_the_code():
    """docs/scoring.md repeats the tables of the code; this keeps the two from drifting apart."""
    text = DOCS.read_text()
    assert "## Changelog" in text
    changelog = text[text.index("## Changelog") :]
    for version, _text in CHANGELOG:
        assert re.search(rf"^### {re.escape(version)}\b", changelog, re.MULTILINE), version
    assert f'METHODOLOGY_VERSION = "{METHODOLOGY_VERSION}"' in text
    for criterion in CRITERIA:
        assert re.search(rf"\| `{criterion.key}` \| {criterion.max_points:g} \|", text), criterion.key
