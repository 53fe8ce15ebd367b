"""Scoring with the database: the facts selector, stored scores, rescoring in batches, signals and commands."""

import json
from datetime import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from catalogue.models import ProductScore
from catalogue.scores import services
from catalogue.scores.selectors import category_references, ranked_hints, score_overview, scoring_facts_for
from catalogue.scores.services import refresh_score, rescore, rescore_products, score_details
from catalogue.scores.signals import PendingRescore
from catalogue.scoring import METHODOLOGY_VERSION, score_product
from lifecycle.models import DurabilityTest
from products.models import SupplyChainStep
from tests.factories import (
    CategoryFactory,
    ComponentFactory,
    DurabilityFactory,
    EvidenceDocumentFactory,
    MaterialFactory,
    ProductFactory,
    SparePartFactory,
    SupplyChainStepFactory,
    complete_product,
)

pytestmark = pytest.mark.django_db

QUERIES_PER_BATCH = 9  # products, categories, and one per child table
# Writing a batch: on PostgreSQL the staging table (create if missing, empty), the changed ones and the upsert
# (the COPY between them is no query Django counts); elsewhere the stored details and the upsert.
WRITES_PER_BATCH = 4 if connection.vendor == "postgresql" else 2


def test_category_facts_inherit_the_solingen_fields_up_the_tree():
    knives = CategoryFactory(solingen_covered=True, essential_stages=["forming", "hardening", "grinding", "finishing"])
    pocket_knives = CategoryFactory(
        parent=knives, solingen_covered=None, essential_stages=["forming", "grinding", "assembly"]
    )
    chefs_knives = CategoryFactory(parent=knives, solingen_covered=None, essential_stages=[])
    care = CategoryFactory(solingen_covered=False, essential_stages=[])
    honing_steels = CategoryFactory(parent=care, solingen_covered=None, essential_stages=[])
    loose = CategoryFactory(solingen_covered=None, essential_stages=[])

    references = category_references()

    assert references[chefs_knives.pk].solingen_covered is True
    assert references[chefs_knives.pk].essential_stages == ("forming", "hardening", "grinding", "finishing")
    assert references[pocket_knives.pk].essential_stages == ("forming", "grinding", "assembly")
    assert references[honing_steels.pk].solingen_covered is False
    assert references[loose.pk].solingen_covered is False
    assert references[chefs_knives.pk].name == (chefs_knives.name_de, chefs_knives.name_en)
    assert chefs_knives.inherited("essential_stages") == knives.essential_stages
    assert honing_steels.inherited("solingen_covered") is False


def test_facts_carry_what_the_database_holds(product):
    # Saved out of order: the facts follow the positions.
    SupplyChainStepFactory(product=product, position=5, step_type="packaging", city="Haan", postcode="42781")
    SupplyChainStepFactory(
        product=product,
        position=1,
        step_type=SupplyChainStep.StepType.GRINDING,
        city="Thiers",
        postcode="63300",
        country="FR",
        performed_by="supplier",
        supplier_name="Coutellerie",
        supplier_confidential=True,
    )
    MaterialFactory(product=product, substances_of_concern="Blei (in Messing)", recycled_content_percent=None)
    MaterialFactory(product=product, substances_of_concern="keine", share_percent=Decimal("12.5"))
    MaterialFactory(product=product, substances_of_concern="")
    evidence = EvidenceDocumentFactory(product=product, verified=True)
    DurabilityTest.objects.create(product=product, property="edge_retention", result="CEP 620 mm", evidence=evidence)
    DurabilityTest.objects.create(product=product, property="sharpness", result="ICP 115 mm")

    facts = scoring_facts_for([product.pk])[product.pk]

    grinding, packaging = facts.steps
    assert (grinding.step_type, grinding.region) == ("grinding", "eu")
    assert (grinding.performed_by, grinding.supplier_name, grinding.supplier_confidential) == (
        "supplier",
        "Coutellerie",
        True,
    )
    assert (packaging.step_type, packaging.region) == ("packaging", "solingen")
    assert [m.has_substances_of_concern for m in facts.materials] == [True, False, None]
    assert facts.materials[1].share_percent == 12.5 and isinstance(facts.materials[1].share_percent, float)
    assert facts.materials[0].recycled_content_percent is None
    assert [(t.property, t.has_evidence, t.evidence_verified) for t in facts.tests] == [
        ("edge_retention", True, True),
        ("sharpness", False, False),
    ]
    assert facts.durability is None and facts.repair is None and facts.end_of_life is None
    assert facts.category.resharpenable is True and facts.category.reference_warranty_years == 5


def test_reference_values_are_inherited_from_the_parent_category():
    parent = CategoryFactory(reference_lifetime_years=30, reference_warranty_years=10)
    child = CategoryFactory(parent=parent, reference_lifetime_years=None, reference_warranty_years=None)
    grandchild = CategoryFactory(parent=child, reference_lifetime_years=12, reference_warranty_years=None)
    product = ProductFactory(category=grandchild)
    category = scoring_facts_for([product.pk])[product.pk].category
    assert (category.reference_lifetime_years, category.reference_warranty_years) == (12, 10)


def test_the_selector_runs_a_constant_number_of_queries(django_assert_num_queries):
    products = [complete_product() for _ in range(6)]
    with django_assert_num_queries(QUERIES_PER_BATCH):
        one = scoring_facts_for([products[0].pk])
    with django_assert_num_queries(QUERIES_PER_BATCH):
        six = scoring_facts_for([product.pk for product in products])
    assert six[products[0].pk] == one[products[0].pk]
    assert len(six) == 6 and len(six[products[3].pk].steps) == 4
    assert scoring_facts_for([]) == {} and scoring_facts_for([10**9]) == {}


def test_refresh_score_stores_the_result_with_version_and_time():
    product = complete_product()
    score = refresh_score(product)
    expected = score_product(scoring_facts_for([product.pk])[product.pk])
    stored = ProductScore.objects.get(product=product)
    assert stored.pk == score.pk
    assert (stored.overall, stored.grade) == (expected.overall, expected.grade)
    assert stored.durability == expected.subscores["durability"]
    assert stored.repairability == expected.subscores["repairability"]
    assert stored.supply_chain == expected.subscores["supply_chain"]
    assert stored.circularity == expected.subscores["circularity"]
    assert stored.methodology_version == METHODOLOGY_VERSION == stored.details["methodology_version"]
    assert stored.details["computed_at"] == stored.computed_at.isoformat()
    assert stored.details["criteria"] == expected.as_dict()["criteria"]
    assert stored.details["solingen"]["qualifies"] is True

    SparePartFactory(product=product, price_percent_of_product=Decimal("5"))
    assert refresh_score(product).pk == score.pk
    assert ProductScore.objects.count() == 1
    assert ProductScore.objects.get().repairability > score.repairability


def test_score_details_computes_without_storing():
    product = complete_product()
    details = score_details(product)
    expected = score_product(scoring_facts_for([product.pk])[product.pk])
    assert (details["overall"], details["grade"]) == (expected.overall, expected.grade)
    assert details["criteria"] == expected.as_dict()["criteria"]
    assert datetime.fromisoformat(details["computed_at"]).tzinfo is not None
    assert not ProductScore.objects.exists()


def test_rescore_creates_and_updates_in_batches(django_assert_num_queries):
    products = [complete_product() for _ in range(5)] + [ProductFactory()]
    refresh_score(products[0])
    ProductScore.objects.filter(product=products[0]).update(overall=0, grade="E", methodology_version="0.9")

    assert rescore_products(batch_size=2) == 6

    scores = {score.product_id: score for score in ProductScore.objects.all()}
    assert set(scores) == {product.pk for product in products}
    assert scores[products[0].pk].methodology_version == METHODOLOGY_VERSION
    assert scores[products[0].pk].overall == scores[products[1].pk].overall > 0
    assert scores[products[5].pk].grade == "E"  # nothing disclosed

    # The ids, then per batch: savepoint, facts, the writes, release; whatever the size of the batch.
    with django_assert_num_queries(1 + 1 + QUERIES_PER_BATCH + WRITES_PER_BATCH + 1):
        assert rescore_products(batch_size=100) == 6
    with django_assert_num_queries(1 + QUERIES_PER_BATCH + WRITES_PER_BATCH + 1):  # given ids: no query for them
        assert rescore_products([product.pk for product in products]) == 6


def test_rescore_says_which_scores_changed_in_more_than_their_time():
    scored, unscored = complete_product(), ProductFactory()
    rescore([scored.pk, unscored.pk])
    ProductScore.objects.filter(product=unscored).delete()
    assert rescore([scored.pk, unscored.pk], batch_size=1).changed == [unscored.pk]  # new: a change
    assert rescore([scored.pk, unscored.pk]) == (2, [])  # computed again, at a later time: no change
    stored = ProductScore.objects.get(product=scored)
    ProductScore.objects.filter(pk=stored.pk).update(details={**stored.details, "methodology_version": "0.9"})
    result = rescore([unscored.pk, scored.pk])
    assert result == (2, [scored.pk])
    assert ProductScore.objects.get(product=scored).details == {
        **stored.details,
        "computed_at": ProductScore.objects.get(product=scored).details["computed_at"],
    }


def test_rescore_inside_a_longer_transaction_keeps_the_batches_apart():
    products = [complete_product() for _ in range(3)]
    ProductScore.objects.update(details={})
    with transaction.atomic():
        first = rescore([products[0].pk, products[1].pk], batch_size=1)
        second = rescore([products[2].pk])
    assert first.changed == [products[0].pk, products[1].pk]
    assert second.changed == [products[2].pk]  # not the rows the batches before staged


def test_rescore_only_some_products_and_refuse_a_bad_batch_size():
    first, second = ProductFactory(), ProductFactory()
    assert rescore_products([second.pk, 10**9]) == 1
    assert list(ProductScore.objects.values_list("product_id", flat=True)) == [second.pk]
    assert first.pk not in ProductScore.objects.values_list("product_id", flat=True)
    with pytest.raises(ValueError, match="batch_size"):
        rescore_products(batch_size=0)


def test_saving_a_product_with_many_rows_scores_it_once(django_capture_on_commit_callbacks, monkeypatch):
    calls = []
    real = services.rescore_products
    monkeypatch.setattr(services, "rescore_products", lambda ids, **kw: calls.append(list(ids)) or real(ids, **kw))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        product = complete_product()
        for number in range(20):
            ComponentFactory(product=product, name=f"Teil {number}")
    pending = [callback for callback in callbacks if isinstance(callback, PendingRescore)]
    assert len(pending) == 1
    assert calls == [[product.pk]]
    assert ProductScore.objects.get(product=product).details["criteria"] == score_details(product)["criteria"]


def test_changing_or_deleting_product_data_rescores_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # as if the product had been saved in an earlier request
        product = complete_product()
    before = ProductScore.objects.get(product=product).durability
    with django_capture_on_commit_callbacks(execute=True):
        product.durability.delete()
    assert ProductScore.objects.get(product=product).durability < before

    with django_capture_on_commit_callbacks(execute=True):
        DurabilityFactory(product=product)
    assert ProductScore.objects.get(product=product).durability == before


def test_verifying_evidence_rescores(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = complete_product()
        evidence = EvidenceDocumentFactory(product=product, claim="warranty")
    before = ProductScore.objects.get(product=product)
    with django_capture_on_commit_callbacks(execute=True):
        evidence.verified = True
        evidence.save()
    after = ProductScore.objects.get(product=product)
    assert after.durability == before.durability + 5
    assert after.computed_at >= before.computed_at


def test_changing_a_category_reference_rescores_its_products_and_its_subcategories(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parent = CategoryFactory(reference_warranty_years=5)
        child = CategoryFactory(parent=parent, reference_warranty_years=None)
        inside = complete_product(category=child)
        outside = complete_product()
    scores = dict(ProductScore.objects.values_list("product_id", "durability"))
    with django_capture_on_commit_callbacks(execute=True):
        parent.reference_warranty_years = 10
        parent.save()
    after = dict(ProductScore.objects.values_list("product_id", "durability"))
    assert after[inside.pk] == scores[inside.pk] - 10  # 5 of 10 years: half of the 20 declared points
    assert after[outside.pk] == scores[outside.pk]


def test_ranked_hints_put_the_largest_overall_gain_first():
    details = {
        "criteria": [
            {"subscore": "durability", "key": "a", "hint": {"de": "a", "en": "a"}, "hint_points": 5.0},
            {"subscore": "circularity", "key": "b", "hint": {"de": "b", "en": "b"}, "hint_points": 15.0},
            {"subscore": "supply_chain", "key": "c", "hint": None, "hint_points": None},
            {"subscore": "repairability", "key": "d", "hint": {"de": "d", "en": "d"}, "hint_points": 7.5},
        ]
    }
    hints = ranked_hints(details)
    assert [hint["key"] for hint in hints] == ["b", "d", "a"]
    assert [hint["overall_points"] for hint in hints] == [3.75, 1.88, 1.25]


def test_score_overview_groups_criteria_under_their_subscores():
    product = complete_product()
    overview = score_overview(refresh_score(product).details)
    assert [group["key"] for group in overview["subscores"]] == [
        "durability",
        "repairability",
        "supply_chain",
        "circularity",
    ]
    assert [len(group["criteria"]) for group in overview["subscores"]] == [6, 7, 4, 5]
    assert overview["outdated"] is False
    assert overview["solingen"]["qualifies"] is True


# ---------- management commands ----------


def test_rescore_command(capsys):
    complete_product()
    ProductFactory()
    call_command("rescore", "--batch-size", "1", "--no-progress")
    assert "Scored 2 products with methodology" in capsys.readouterr().out
    assert ProductScore.objects.count() == 2
    with pytest.raises(CommandError, match="--batch-size"):
        call_command("rescore", "--batch-size", "0")


def test_rescore_command_shows_a_progress_bar(capsys):
    ProductFactory()
    call_command("rescore")
    assert "1/1" in capsys.readouterr().err


@pytest.mark.parametrize("by", ["gtin", "passport_code", "display"])
def test_score_command_prints_json(capsys, by):
    product = complete_product()
    code = {
        "gtin": product.gtin[1:],
        "passport_code": product.passport_code.lower(),
        "display": product.passport_code_display,
    }[by]
    call_command("score", code, "--json", "--lang", "en")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"overall", "grade", "methodology_version", "subscores", "criteria"}
    assert set(data["subscores"]) == {"durability", "repairability", "supply_chain", "circularity"}
    assert data["methodology_version"] == METHODOLOGY_VERSION
    expected = score_product(scoring_facts_for([product.pk])[product.pk])
    assert data["overall"] == expected.overall and data["grade"] == expected.grade
    assert len(data["criteria"]) == len(expected.criteria)
    first = data["criteria"][0]
    assert set(first) == {"subscore", "key", "points", "max_points", "status", "explanation", "hint"}
    assert first["key"] == "warranty" and first["explanation"].startswith("5 years warranty")
    assert first["hint"] == "Have the warranty terms verified: +5 durability points"


def test_score_command_defaults_to_german_and_prints_text(capsys):
    product = complete_product()
    call_command("score", product.passport_code, "--json")
    assert json.loads(capsys.readouterr().out)["criteria"][0]["explanation"].startswith("5 Jahre Garantie")
    call_command("score", product.passport_code)
    out = capsys.readouterr().out
    assert product.name in out and "Haltbarkeit" in out and '"Solingen": ja' in out


def test_score_command_explains_bad_input():
    ProductFactory()
    with pytest.raises(CommandError, match="not a passport code or GTIN"):
        call_command("score", "12345")
    with pytest.raises(CommandError, match="No product"):
        call_command("score", "4006381333931")
    with pytest.raises(CommandError, match="--lang should be de or en"):
        call_command("score", ProductFactory().passport_code, "--lang", "fr")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the processes need a database server to share")
@pytest.mark.django_db(transaction=True)
def test_rescore_command_in_several_processes(capsys):
    products = [complete_product() for _ in range(5)] + [ProductFactory()]
    ProductScore.objects.update(details={}, overall=0)
    call_command("rescore", "--jobs", "2", "--batch-size", "2", "--no-progress")
    assert "Scored 6 products with methodology" in (out := capsys.readouterr().out) and "; 6 scores changed" in out
    scores = {score.product_id: score for score in ProductScore.objects.all()}
    assert set(scores) == {product.pk for product in products}
    for product in products:
        assert scores[product.pk].details["criteria"] == score_details(product)["criteria"]
    call_command("rescore", "--jobs", "3", "--no-progress")
    assert "6 products with methodology" in (out := capsys.readouterr().out) and "; 0 scores changed" in out


def test_rescore_command_refuses_a_bad_number_of_jobs():
    with pytest.raises(CommandError, match="--jobs"):
        call_command("rescore", "--jobs", "0")
