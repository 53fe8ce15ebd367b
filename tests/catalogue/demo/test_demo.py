"""The demo catalogue: load_demo is idempotent, leaves edits alone and meets the issue's minimums."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.urls import reverse

from catalogue.demo import data as demo_data
from catalogue.demo.loader import load_demo
from catalogue.models import AssortmentItem, ProductScore, RetailerMembership
from products.identifiers import normalise_gtin
from products.models import MakerMembership, MakerOrganisation, Product, SupplyChainStep
from products.regions import Region
from tests import accounts
from tests.factories import MakerOrganisationFactory

UMLAUTS = set("äöüÄÖÜß")
VALUE_ADDING_STEPS = ["forging", "stamping", "hardening", "grinding", "handle_making", "assembly", "finishing"]


def database_state() -> dict:
    """Row counts of every model (history tables included), plus what identifies and dates each product."""
    models = [
        model
        for label in ("auth", "products", "lifecycle", "catalogue")
        for model in apps.get_app_config(label).get_models()
    ]
    return {
        "counts": {model._meta.label: model._default_manager.count() for model in models},
        "products": sorted(Product.objects.values_list("pk", "passport_code", "gtin", "updated_at")),
    }


def test_demo_data_is_consistent():
    names = [spec["name"] for spec in demo_data.PRODUCTS]
    assert len(names) == len(set(names))
    gtins = [normalise_gtin(spec["gtin"]) for spec in demo_data.PRODUCTS if spec.get("gtin")]
    assert len(gtins) == len(set(gtins))
    assert all(gtin[1:4] >= "400" and gtin[1:4] <= "440" for gtin in gtins)
    assert set(demo_data.ASSORTMENT) <= set(names)
    assert {spec["maker"] for spec in demo_data.PRODUCTS} == {spec["slug"] for spec in demo_data.MAKERS}


def test_products_meant_for_publishing_have_what_publishing_requires():
    # The minimum of catalogue.passports.services.missing_for_publication: a description, a material and a step
    # with a country. Nearly empty products that are meant to be published carry just that.
    for spec in demo_data.PRODUCTS:
        if spec["publish"]:
            assert spec.get("description", "").strip(), spec["name"]
            assert spec.get("materials"), spec["name"]
            assert any(step["country"] for step in spec.get("supply_chain", ())), spec["name"]


def test_second_run_creates_nothing_and_changes_nothing(db, django_assert_max_num_queries):
    first = load_demo()
    before = database_state()
    assert before["counts"]["products.Product"] == len(demo_data.PRODUCTS)
    # One history row when a product is created, one when its passport is published, and one for the product
    # the maker improves after the retailer printed it.
    published = sum(1 for spec in demo_data.PRODUCTS if spec["publish"])
    assert before["counts"]["products.HistoricalProduct"] == len(demo_data.PRODUCTS) + published + 1

    # One lookup per kind of demo row (one of them checks the demo logins' verified addresses, one the staff
    # login's authenticator app, one the legal pages' slugs, one the makers' facilities, two the repair finder's
    # postcodes and places): 17 since the demo has repair places.
    with django_assert_max_num_queries(17):
        second = load_demo()

    assert not second.created
    assert database_state() == before
    assert [product.pk for product, _ in second.products] == [product.pk for product, _ in first.products]
    assert "nothing changed" in second.report_lines()[0]


def test_a_second_run_leaves_edits_alone_and_restores_deleted_demo_products(db):
    load_demo()
    edited = Product.objects.get(name="Kochmesser „Merscheider Klassik“ 20 cm")
    edited.description = "Von der Werkstatt überarbeitet."
    edited.save()
    Product.objects.get(name="Pinzette „Spitzfein“").delete()
    AssortmentItem.objects.filter(product__name="Kinderschere „Kleiner Schnipp“").delete()
    renamed = Product.objects.get(name="Brotmesser „Bäckerstolz“ 23 cm")
    renamed.name = "Brotmesser „Bäckerstolz“ 23 cm, neue Serie"
    renamed.save()

    summary = load_demo()

    assert summary.created == {Product: 1}
    edited.refresh_from_db()
    assert edited.description == "Von der Werkstatt überarbeitet."
    assert Product.objects.filter(name="Pinzette „Spitzfein“").count() == 1
    # The renamed product is found by its GTIN, not created a second time.
    assert not Product.objects.filter(name="Brotmesser „Bäckerstolz“ 23 cm").exists()
    assert renamed in dict(summary.products)
    assert not AssortmentItem.objects.filter(product__name="Kinderschere „Kleiner Schnipp“").exists()


def test_catalogue_meets_the_minimums_of_the_issue(db):
    summary = load_demo()

    makers = MakerOrganisation.objects.all()
    assert makers.count() >= 6
    assert {maker.city for maker in makers} <= {"Solingen", "Haan", "Wuppertal", "Remscheid"}
    assert any(UMLAUTS & set(maker.name) for maker in makers)

    products = Product.objects.annotate(
        steps=Count("supply_chain_steps", distinct=True),
        abroad=Count(
            "supply_chain_steps",
            filter=Q(supply_chain_steps__region__in=[Region.EU, Region.WORLD]),
            distinct=True,
        ),
        outside_solingen=Count(
            "supply_chain_steps", filter=~Q(supply_chain_steps__region=Region.SOLINGEN), distinct=True
        ),
        essential=Count(
            "supply_chain_steps",
            filter=Q(supply_chain_steps__step_type__in=VALUE_ADDING_STEPS),
            distinct=True,
        ),
    )
    assert products.count() >= 40
    assert products.filter(gtin__isnull=False).count() >= 10
    assert products.filter(gtin__isnull=True).count() >= 10
    assert products.filter(abroad__gt=0).count() >= 5
    assert products.filter(steps__gt=0, outside_solingen=0, essential__gte=5).count() >= 2
    verdicts = {
        name: (score["solingen"]["qualifies"], score["solingen"]["applicable"])
        for name, score in ProductScore.objects.values_list("product__name", "details")
    }
    assert sum(qualifies for qualifies, _applicable in verdicts.values()) >= 10
    # The bread knife that discloses only its grinding (in Solingen) does not carry the designation.
    assert verdicts["Brotmesser „Wellenschliff Classic“ 21 cm"] == (False, True)
    assert verdicts["Wetzstahl „Abziehmeister“ 26 cm"] == (False, False)  # honing steels are not covered
    assert SupplyChainStep.objects.filter(supplier_confidential=True).exists()
    assert sum(bool(UMLAUTS & set(product.name)) for product in products) >= 10

    category_slugs = set(products.values_list("category__slug", flat=True))
    assert {
        "chefs-knives", "bread-knives", "pocket-knives", "straight-razors", "household-scissors",
        "garden-shears", "cutlery-sets", "nail-clippers",
    } <= category_slugs  # fmt: skip

    quality = Product.objects.annotate(
        n_materials=Count("materials", distinct=True),
        n_steps=Count("supply_chain_steps", distinct=True),
        n_verified=Count("evidence", filter=Q(evidence__verified=True), distinct=True),
    )
    complete = quality.filter(
        n_materials__gte=2,
        n_steps__gte=5,
        n_verified__gte=1,
        durability__isnull=False,
        repairability__isnull=False,
        end_of_life__isnull=False,
        spare_parts__isnull=False,
        repair_services__isnull=False,
    ).distinct()
    nearly_empty = quality.filter(
        n_steps__lte=1,
        durability__isnull=True,
        repairability__isnull=True,
        end_of_life__isnull=True,
    ).exclude(materials__share_percent__isnull=False)
    assert complete.count() >= 10
    assert nearly_empty.count() >= 8
    assert quality.count() - complete.count() - nearly_empty.count() >= 10

    to_publish = summary.products_to_publish
    assert len(to_publish) >= 30
    assert len(summary.products) - len(to_publish) >= 5

    assert summary.retailer.assortment.count() >= 10


def test_demo_logins_work(client, db):
    summary = load_demo()
    user_model = get_user_model()

    for login in summary.logins:  # through the login page, by username and by the example address
        user = user_model.objects.get(username=login.username)
        if user.is_staff:  # staff also give the code of the authenticator app whose secret the demo publishes
            accounts.log_in(client, user, demo_data.DEMO_STAFF_TOTP_SECRET, password=login.password)
            assert client.get("/admin/").status_code == 200
            client.post(reverse("logout"))
            # By the address too (a TOTP code works once, so this stops at the step that asks for the next one).
            response = client.post(reverse("login"), {"login": user.email, "password": login.password})
            assert response["Location"] == reverse("mfa_authenticate")
            client = type(client)()
            continue
        for name in (login.username, user.email):
            accounts.log_in(client, user, password=login.password, login=name)
            assert client.session.get("_auth_user_id") == str(user.pk), name
            client.post(reverse("logout"))

    maker_orgs = {
        username: MakerMembership.objects.get(user__username=username).organisation.slug
        for username in ("demo-maker", "demo-maker-2")
    }
    assert maker_orgs["demo-maker"] != maker_orgs["demo-maker-2"]
    assert RetailerMembership.objects.get(user__username="demo-retailer").organisation == summary.retailer
    staff = user_model.objects.get(username="demo-staff")
    assert staff.is_staff and staff.is_superuser
    assert not user_model.objects.get(username="demo-maker").is_staff


def test_command_prints_the_logins(db, settings):
    settings.DEBUG = True
    out = StringIO()

    call_command("load_demo", stdout=out)

    output = out.getvalue()
    assert f"products {len(demo_data.PRODUCTS)}" in output
    for spec in demo_data.USERS:
        assert spec["username"] in output
    assert demo_data.DEMO_PASSWORD in output
    assert demo_data.DEMO_STAFF_TOTP_SECRET in output


@pytest.mark.parametrize("debug", [True, False])
def test_command_loads_into_an_empty_database_or_one_with_only_the_demo(db, settings, debug):
    settings.DEBUG = debug
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # the demo is not "other data"
    assert get_user_model().objects.filter(username="demo-staff", is_superuser=True).exists()


@pytest.mark.parametrize("debug", [True, False])
def test_command_refuses_a_database_with_real_data_whatever_debug_says(db, settings, debug):
    settings.DEBUG = debug
    get_user_model().objects.create_user("stadt-admin", password="x")
    MakerOrganisationFactory(slug="echte-schmiede")

    with pytest.raises(CommandError, match="holds more than the demo") as error:
        call_command("load_demo", stdout=StringIO())
    assert "1 users, 1 makers" in str(error.value)
    assert not get_user_model().objects.filter(username="demo-staff").exists()


def test_force_loads_beside_real_data_in_development_only(db, settings):
    get_user_model().objects.create_user("stadt-admin", password="x")
    settings.DEBUG = False
    with pytest.raises(CommandError, match="never allowed with production settings"):
        call_command("load_demo", force=True, stdout=StringIO())
    assert not get_user_model().objects.filter(username="demo-staff").exists()

    settings.DEBUG = True
    err = StringIO()
    call_command("load_demo", force=True, stdout=StringIO(), stderr=err)
    assert get_user_model().objects.filter(username="demo-staff").exists()
    assert "because of --force" in err.getvalue()
