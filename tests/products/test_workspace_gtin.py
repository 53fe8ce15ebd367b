"""The GTIN in the maker workspace: refused numbers are named in the editor, a book's number is saved with a warning."""

import pytest
from django.urls import reverse

from products.identifiers import gs1_check_digit
from products.models import Product
from tests.factories import CategoryFactory, ProductFactory
from tests.products.formdata import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ISBN = "978300000000" + str(gs1_check_digit("978300000000"))
WARNING = (
    f"The GTIN {ISBN} is a book's ISBN (Bookland, 978 or 979). Products other than books, music and periodicals "
    "get their GTIN from a GS1 company prefix: check that this is the product's own number."
)


def create(client, gtin, **changes):
    data = form_data(client.get(reverse("products:product-create")).content.decode())
    data.update({"product-category": str(CategoryFactory().pk), "product-name": "Messer", "product-gtin": gtin})
    data.update(changes)
    return client.post(reverse("products:product-create"), data, follow=True)


def test_a_book_number_is_saved_with_a_warning_after_saving(maker_client):
    response = create(maker_client, ISBN)
    html = response.content.decode()

    product = Product.objects.get()
    assert product.gtin == "0" + ISBN
    assert response.redirect_chain[-1][0] == product.get_absolute_url()
    assert '<li class="message message-success">Saved “Messer”.</li>' in html
    assert f'<li class="message message-warning">{WARNING}</li>'.replace("'", "&#x27;") in html


def test_the_product_page_keeps_the_warning_beside_the_gtin(maker_client, maker):
    product = ProductFactory(maker=maker, gtin="0" + ISBN)
    html = maker_client.get(product.get_absolute_url()).content.decode()
    assert f'<p class="notice notice-warning" id="gtin-warning">{WARNING}</p>'.replace("'", "&#x27;") in html


def test_a_store_internal_number_is_refused_next_to_the_field(maker_client):
    response = create(maker_client, "2000000000008")
    html = response.content.decode()

    assert response.status_code == 200
    assert not Product.objects.exists()
    assert 'id="id_product-gtin_error"' in html
    assert "This number is a store-internal number (restricted circulation), not a product&#x27;s GTIN" in html
    assert 'value="2000000000008"' in html  # kept, so that the maker can correct it
