"""The public "what changed" page of a passport version: field by field, rows added and removed, never a draft."""

import pytest
from django.core.cache import cache

from catalogue.passports.services import publish_product
from products.models import Material, Product
from products.services import ProductWrite, save_product
from tests.factories import MaterialFactory, published_product, republished

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def changes_url(product, number):
    return f"/p/{product.passport_code}/v/{number}/changes"


def test_version_one_says_it_is_the_first(client, english):
    product = published_product()
    response = client.get(changes_url(product, 1))
    assert response.status_code == 200
    assert b'id="first-version"' in response.content
    assert b"This is the first published version" in response.content


def test_a_changed_field_an_added_and_a_removed_row_in_english(client, english):
    product = published_product(description="Alt.")
    removed = product.materials.first()
    Material.objects.filter(pk=removed.pk).delete()
    MaterialFactory(product=product, name="Grenadill")
    stored = Product.objects.get(pk=product.pk)
    save_product(stored, ProductWrite(fields={"description": "Ganz neu."}))
    publish_product(stored)
    html = client.get(changes_url(product, 2)).content.decode()
    table = html[html.index('id="version-changes"') :]
    assert "<del>Alt.</del>" in table and "<ins>Ganz neu.</ins>" in table
    assert "Description" in table  # the field's English label
    assert 'class="change-added"' in table and "Grenadill" in table
    assert 'class="change-removed"' in table and removed.name in table
    assert "Version 1" in table and "Version 2" in table


def test_in_german(client):
    product = published_product(description="Alt.")
    republished(product)
    html = client.get(changes_url(product, 2), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Beschreibung" in html
    assert "<del>Alt.</del>" in html


def test_a_draft_never_appears(client, english):
    product = published_product(description="Veröffentlicht.")
    stored = Product.objects.get(pk=product.pk)
    save_product(stored, ProductWrite(fields={"description": "Noch ein Entwurf."}))  # edited, not published
    assert client.get(changes_url(product, 2)).status_code == 404
    html = client.get(changes_url(product, 1)).content.decode()
    assert "Noch ein Entwurf" not in html


def test_unknown_version_and_code_are_404_and_a_lowercase_code_redirects(client, english):
    product = published_product()
    assert client.get(changes_url(product, 7)).status_code == 404
    assert client.get("/p/NOTACODE/v/1/changes").status_code == 404
    response = client.get(f"/p/{product.passport_code.lower()}/v/1/changes")
    assert response.status_code == 301
    assert response["Location"] == changes_url(product, 1)


def test_cached_like_the_version_pages_and_revalidated_by_etag(client, english, django_assert_max_num_queries):
    product = published_product(description="Alt.")
    republished(product)
    first = client.get(changes_url(product, 2))
    assert "no-cache" in first["Cache-Control"]
    with django_assert_max_num_queries(1):  # the history only: the diff comes from the cache
        again = client.get(changes_url(product, 2))
    main = first.content.decode()
    assert main[main.index('id="version-changes"') :].split("</table>")[0] in again.content.decode()
    assert client.get(changes_url(product, 2), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_version_list_and_the_superseded_banner_link_to_it(client, english):
    product = published_product(description="Alt.")
    republished(product)
    republished(product)
    old = client.get(f"/p/{product.passport_code}/v/1").content.decode()
    banner = old[old.index("banner-superseded") : old.index("</div>", old.index("banner-superseded"))]
    assert f'href="{changes_url(product, 3)}"' in banner
    current = client.get(f"/p/{product.passport_code}").content.decode()
    versions = current[current.index('class="version-list"') :]
    for number in (1, 2, 3):
        assert f'href="{changes_url(product, number)}"' in versions
