"""Publishing: version numbers, immutability, supersession, withdrawal and confidentiality."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import PassportVersion, ProductScore
from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.services import missing_for_publication, publish_product, withdraw_product
from catalogue.scores import services
from products.models import Product, SupplyChainStep
from tests.factories import ProductFactory, SupplyChainStepFactory, complete_product

pytestmark = pytest.mark.django_db


def test_publish_freezes_a_first_version(maker_user):
    product = complete_product()
    version = publish_product(product, maker_user)
    product.refresh_from_db()
    assert version.number == 1
    assert product.status == Product.Status.PUBLISHED
    assert version.published_by == maker_user
    assert version.content_hash == snapshot_hash(version.snapshot)
    assert version.snapshot["product"]["name"] == product.name
    score = ProductScore.objects.get(product=product)  # scored afresh while publishing
    assert (version.snapshot["score"]["overall"], version.snapshot["score"]["grade"]) == (score.overall, score.grade)
    assert version.snapshot["score"] == score.details
    assert version.methodology_version == version.snapshot["score"]["methodology_version"]


def test_republishing_creates_the_next_version_and_keeps_the_old_one():
    product = complete_product()
    first = publish_product(product)
    product.name = "Kochmesser, neue Auflage"
    product.save()
    second = publish_product(product)
    assert second.number == 2
    first.refresh_from_db()
    assert first.snapshot["product"]["name"] != "Kochmesser, neue Auflage"
    assert second.snapshot["product"]["name"] == "Kochmesser, neue Auflage"
    assert first.content_hash != second.content_hash


def test_a_published_version_cannot_be_changed_or_deleted():
    version = publish_product(complete_product())
    version.snapshot = {"forged": True}
    with pytest.raises(PermissionError):
        version.save()
    with pytest.raises(PermissionError):
        version.delete()
    with pytest.raises(PermissionError):
        PassportVersion.objects.filter(pk=version.pk).update(snapshot={})
    with pytest.raises(PermissionError):
        PassportVersion.objects.filter(pk=version.pk).delete()
    assert PassportVersion.objects.get(pk=version.pk).snapshot["schema"] == "gw-passport/1"


def test_incomplete_product_is_refused_with_what_is_missing():
    product = ProductFactory(description="")
    assert len(missing_for_publication(product)) >= 3
    with pytest.raises(ValidationError) as info:
        publish_product(product)
    assert "material" in info.value.messages[0]
    assert not PassportVersion.objects.filter(product=product).exists()
    product.refresh_from_db()
    assert product.status == Product.Status.DRAFT


def test_withdrawal_keeps_versions_and_republishing_restores():
    product = complete_product()
    publish_product(product)
    withdraw_product(product)
    product.refresh_from_db()
    assert product.status == Product.Status.WITHDRAWN
    assert PassportVersion.objects.filter(product=product).count() == 1
    publish_product(product)
    product.refresh_from_db()
    assert product.status == Product.Status.PUBLISHED


def test_a_draft_cannot_be_withdrawn():
    with pytest.raises(ValidationError):
        withdraw_product(ProductFactory())


def test_confidential_supplier_never_enters_the_snapshot():
    product = complete_product()
    SupplyChainStepFactory(
        product=product,
        step_type=SupplyChainStep.StepType.HANDLE_MAKING,
        performed_by=SupplyChainStep.Performer.SUPPLIER,
        supplier_name="Geheime Griffmacherei GmbH",
        supplier_confidential=True,
    )
    SupplyChainStepFactory(
        product=product,
        step_type=SupplyChainStep.StepType.PACKAGING,
        performed_by=SupplyChainStep.Performer.SUPPLIER,
        supplier_name="Kartonagen Ohligs",
        city="Solingen",
    )
    version = publish_product(product)
    text = str(version.snapshot)
    assert "Geheime Griffmacherei" not in text
    assert "Kartonagen Ohligs" in text


def test_snapshot_urls_follow_gs1_digital_link(settings):
    settings.SITE_BASE_URL = "https://pass.example.org"
    with_gtin = complete_product()
    without_gtin = complete_product(gtin=None)
    first = publish_product(with_gtin).snapshot["urls"]
    second = publish_product(without_gtin).snapshot["urls"]
    assert first["qr"] == f"https://pass.example.org/01/{with_gtin.gtin}"
    assert second["qr"] == f"https://pass.example.org/p/{without_gtin.passport_code}"
    assert second["digital_link"] is None


def test_publishing_and_withdrawing_appear_in_the_product_history(maker_user):
    product = complete_product()
    publish_product(product, maker_user)
    withdraw_product(product, maker_user)
    latest, previous = product.history.order_by("-history_date", "-history_id")[:2]
    assert (previous.status, latest.status) == (Product.Status.PUBLISHED, Product.Status.WITHDRAWN)
    assert latest.history_user == maker_user
    assert previous.history_user == maker_user


def test_withdrawing_does_not_rescore(monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = complete_product()
        publish_product(product)
    rescored = []
    monkeypatch.setattr(services, "rescore_products", lambda ids, **kwargs: rescored.append(ids))
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_product(product)
    assert rescored == []
    with django_capture_on_commit_callbacks(execute=True):
        product.name = "Umbenannt"
        product.save()
    assert rescored == [[product.pk]]
