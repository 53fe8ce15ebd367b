"""The one product writer: every caller gets the same validation, history, updated_at and rescoring."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from catalogue.models import ProductScore
from catalogue.passports.services import publish_product
from catalogue.scores import services as score_services
from lifecycle.models import Durability, SparePart
from products import parts
from products.importing import import_products
from products.models import EvidenceDocument, Material, Product
from products.services import (
    ProductInUse,
    ProductInvalid,
    ProductWrite,
    add_evidence,
    delete_product,
    save_product,
)
from tests.factories import (
    CategoryFactory,
    MakerMembershipFactory,
    MaterialFactory,
    ProductFactory,
    complete_product,
)
from tests.products.formdata import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return MakerMembershipFactory().user


def new_write(author, **lists):
    maker = author.maker_memberships.get().organisation
    return ProductWrite(
        fields={"maker": maker, "category": CategoryFactory(), "name": "Kochmesser"},
        lists=dict(lists),
    )


def test_a_new_product_with_parts_is_saved_with_its_author_and_scored_once(
    author, django_capture_on_commit_callbacks, monkeypatch
):
    batches = []
    rescore = score_services.rescore_products
    monkeypatch.setattr(score_services, "rescore_products", lambda ids: batches.append(ids) or rescore(ids))
    with django_capture_on_commit_callbacks(execute=True):
        write = new_write(author, materials=[{"name": "Stahl", "share_percent": 80}, {"name": "Holz"}])
        write.sections["durability"] = {"warranty_years": 5}
        product = save_product(None, write, user=author)
    assert [m.name for m in product.materials.order_by("pk")] == ["Stahl", "Holz"]
    assert Durability.objects.get(product=product).warranty_years == 5
    assert {record.history_user for record in product.history.all()} == {author}
    assert {record.history_user for record in Material.history.filter(product_id=product.pk)} == {author}
    assert batches == [[product.pk]]  # one rescoring for the product and its three rows
    assert ProductScore.objects.get(product=product).durability > 0


def test_a_list_replaces_the_stored_one_reusing_rows_in_order(author):
    product = save_product(None, new_write(author, materials=[{"name": "Stahl"}, {"name": "Holz"}]), user=author)
    first, second = product.materials.order_by("pk")
    save_product(product, ProductWrite(lists={"materials": [{"name": "Stahl"}]}), user=author)
    assert list(product.materials.values_list("pk", "name")) == [(first.pk, "Stahl")]
    assert not Material.objects.filter(pk=second.pk).exists()
    assert Material.history.filter(id=second.pk).latest().history_type == "-"
    # The untouched row got no new history record.
    assert Material.history.filter(id=first.pk).count() == 1


def test_a_keyed_row_that_no_longer_exists_is_an_error(author):
    product = save_product(None, new_write(author, materials=[{"name": "Stahl"}]), user=author)
    write = ProductWrite(lists={"materials": [{"pk": 999999, "name": "Holz"}]}, keyed=True)
    with pytest.raises(ProductInvalid) as raised:
        save_product(product, write, user=author)
    assert raised.value.errors == {"materials": {0: {"": ["This row no longer exists; reload the page."]}}}
    assert list(product.materials.values_list("name", flat=True)) == ["Stahl"]


def test_a_change_to_a_part_alone_moves_updated_at_without_a_product_history_record(author):
    product = save_product(None, new_write(author), user=author)
    earlier = timezone.now() - timedelta(days=1)
    Product.objects.filter(pk=product.pk).update(updated_at=earlier)
    records = product.history.count()
    save_product(Product.objects.get(pk=product.pk), ProductWrite(lists={"components": [{"name": "Griff"}]}))
    product.refresh_from_db()
    assert product.updated_at > earlier
    assert product.history.count() == records


def test_an_unchanged_write_writes_nothing(author):
    product = save_product(None, new_write(author, materials=[{"name": "Stahl"}]), user=author)
    stored = Product.objects.get(pk=product.pk)
    save_product(stored, ProductWrite(fields={"name": "Kochmesser"}, lists={"materials": [{"name": "Stahl"}]}))
    assert Product.objects.get(pk=product.pk).updated_at == stored.updated_at
    assert product.history.count() == 1


def test_none_removes_a_section(author):
    write = new_write(author)
    write.sections["durability"] = {"warranty_years": 5}
    product = save_product(None, write, user=author)
    save_product(product, ProductWrite(sections={"durability": None}), user=author)
    assert not Durability.objects.filter(product=product).exists()


def test_a_broken_rule_anywhere_saves_nothing_and_says_where(author):
    write = new_write(author, materials=[{"name": "Stahl", "share_percent": 70}, {"name": "Holz", "share_percent": 40}])
    write.lists["spare_parts"] = [{"name": ""}]
    with pytest.raises(ProductInvalid) as raised:
        save_product(None, write, user=author)
    # Rows with errors of their own come first; the rule across rows waits for valid rows.
    assert raised.value.errors == {
        "materials": {None: ["The shares of mass of all materials add up to 110 %; they should be at most 100 %."]},
        "spare_parts": {0: {"name": ["This field cannot be blank."]}},
    }
    assert not Product.objects.exists()
    assert not SparePart.objects.exists()


def test_the_import_holds_the_cross_row_rule_of_the_editor(author):
    maker = author.maker_memberships.get().organisation
    category = CategoryFactory(slug="chefs-knives")
    row = {"name": "Kochmesser", "category": category.slug, "materials": [{"share_percent": "70", "name": "A"}]}
    row["materials"].append({"name": "B", "share_percent": "40"})
    result = import_products([(1, row)], maker, user=author)
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (1, "materials", "The shares of mass of all materials add up to 110 %; they should be at most 100 %.")
    ]
    assert not Product.objects.exists()


def test_the_api_holds_the_cross_row_rule_of_the_editor(author):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(author)
    body = {
        "name": "Kochmesser",
        "category_slug": CategoryFactory().slug,
        "materials": [{"name": "A", "share_percent": 70}, {"name": "B", "share_percent": 40}],
    }
    response = client.post("/api/v1/products/", json.dumps(body), content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json() == {
        "materials": {
            "non_field_errors": ["The shares of mass of all materials add up to 110 %; they should be at most 100 %."]
        }
    }
    assert not Product.objects.exists()


def test_the_api_records_its_author_in_the_history(author):
    client = APIClient()
    client.force_authenticate(author)
    body = {"name": "Kochmesser", "category_slug": CategoryFactory().slug, "materials": [{"name": "Stahl"}]}
    response = client.post("/api/v1/products/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    product = Product.objects.get()
    assert product.history.get().history_user == author
    assert Material.history.get(product_id=product.pk).history_user == author


def test_evidence_always_starts_unverified_and_moves_updated_at(author):
    product = ProductFactory(maker=author.maker_memberships.get().organisation)
    before = Product.objects.get(pk=product.pk).updated_at
    evidence = add_evidence(
        product,
        EvidenceDocument(title="Prüfbericht", claim="durability", url="https://example.org/a.pdf", verified=True),
    )
    assert evidence.verified is False and evidence.verified_by is None
    assert Product.objects.get(pk=product.pk).updated_at > before


def test_only_a_draft_that_was_never_published_can_be_deleted(author):
    draft = ProductFactory(maker=author.maker_memberships.get().organisation)
    MaterialFactory(product=draft)
    delete_product(draft, user=author)
    assert not Product.objects.filter(pk=draft.pk).exists()
    published = complete_product()
    publish_product(published, author)
    with pytest.raises(ProductInUse, match="withdraw it instead"):
        delete_product(published, user=author)
    assert Product.objects.filter(pk=published.pk).exists()


def test_every_registered_field_is_a_field_of_its_model():
    for part in parts.all_parts():
        model_fields = {field.name for field in part.model._meta.get_fields()}
        assert set(part.fields) <= model_fields, part.name
        assert set(part.cell_fields) | {part.order_field} - {None} | set(part.linked_fields) == set(part.fields), (
            part.name
        )
        assert part.model._meta.get_field("product").remote_field.related_name == part.name


def test_an_editor_save_of_a_row_deleted_meanwhile_saves_nothing_and_says_so(client):
    membership = MakerMembershipFactory()
    product = ProductFactory(maker=membership.organisation, name="Kochmesser")
    material = MaterialFactory(product=product, name="Stahl")
    client.force_login(membership.user)
    url = f"/workspace/products/{product.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data["product-name"] = "Kochmesser, neu"
    material.delete()  # in another tab, after this page was loaded
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert Product.objects.get(pk=product.pk).name == "Kochmesser"
