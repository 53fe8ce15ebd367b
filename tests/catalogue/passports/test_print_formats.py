"""The formats shelf, detailed and labels, and the label options, wherever one prints: public PDFs, the
retailer workspace, the API and render_passports; and the PDF cache keeps them apart."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalogue.models import PassportVersion, PrintJob
from catalogue.passports import pdf_cache
from catalogue.passports.pdf.labels import LabelOptions
from tests.api.conftest import token_client
from tests.catalogue.passports.pdf_helpers import page_count, page_texts, pdf_text
from tests.factories import AssortmentItemFactory
from tests.factories import published_product as make_published

pytestmark = pytest.mark.django_db


def stock(retailer, *names, **fields):
    return [AssortmentItemFactory(retailer=retailer, product=make_published(name=name), **fields) for name in names]


# ---------- public PDFs ----------


def test_public_passport_pdf_in_both_formats(client, published_product, english):
    url = reverse("catalogue:passport-pdf", args=[published_product.passport_code])
    detailed = client.get(url)
    shelf = client.get(url, {"format": "shelf", "lang": "en"})
    assert detailed.status_code == shelf.status_code == 200
    assert page_count(detailed.content) > 1
    assert page_count(shelf.content) == 1
    assert "Shelf passport" in pdf_text(shelf.content)
    assert "shelf-passport-" in shelf["Content-Disposition"]
    assert shelf["ETag"] != detailed["ETag"]


@pytest.mark.parametrize("value", ["labels", "poster"])
def test_public_passport_pdf_refuses_other_formats_naming_the_choices(client, published_product, english, value):
    url = reverse("catalogue:passport-pdf", args=[published_product.passport_code])
    response = client.get(url, {"format": value})
    assert response.status_code == 400
    assert "format" in response.content.decode() and "shelf" in response.content.decode()


def test_public_batch_prints_shelf_passports_and_labels_with_options(client, english):
    products = [make_published(name=f"Brotmesser {index}") for index in range(3)]
    codes = ",".join(product.passport_code for product in products)
    url = reverse("catalogue:batch-pdf")
    shelf = client.get(url, {"codes": codes, "format": "shelf"})
    assert page_count(shelf.content) == 3
    legacy = client.get(url, {"codes": codes, "format": "passport"})
    assert legacy.status_code == 200 and page_count(legacy.content) > 3
    labels = client.get(url, {"codes": codes, "format": "labels", "layout": "3x8", "start": "23", "price": "1"})
    assert labels.status_code == 200
    assert page_count(labels.content) == 2  # positions 23 and 24, then one on the next sheet
    assert "€" in pdf_text(labels.content)


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"start": "25"}, ("start", "1 to 24")),
        ({"start": "zwei"}, ("start", "1 to 24")),
        ({"price": "vielleicht"}, ("price",)),
    ],
)
def test_public_batch_refuses_bad_label_options_naming_the_field(client, published_product, english, query, names):
    response = client.get(
        reverse("catalogue:batch-pdf"), {"codes": published_product.passport_code, "format": "labels", **query}
    )
    assert response.status_code == 400
    assert all(name in response.content.decode() for name in names)


# ---------- the PDF cache ----------


def test_the_cache_key_holds_format_and_label_options(published_product):
    version = PassportVersion.objects.select_related("product").get(product=published_product)

    def key(format, **options):
        return pdf_cache.key_for(
            [version], format=format, language="de", layout="3x8", label_options=LabelOptions(**options)
        )

    keys = {
        key("shelf"),
        key("detailed"),
        key("labels"),
        key("labels", price=True),
        key("labels", ean=True),
        key("labels", start=5),
        key("labels", price=True, prices=(Decimal("9.90"),)),
    }
    assert len(keys) == 7
    assert key("passport") == key("detailed")
    assert key("labels", start=5) == key("labels", start=5)


def test_a_cached_shelf_passport_is_served_without_rendering(client, published_product, monkeypatch):
    url = reverse("catalogue:passport-pdf", args=[published_product.passport_code])
    first = client.get(url, {"format": "shelf"}).content

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(pdf_cache, "render_versions", no_rendering)
    assert client.get(url, {"format": "shelf"}).content == first


# ---------- the retailer workspace ----------


def print_url(retailer):
    return reverse("retailer:print", args=[retailer.slug])


def test_the_workspace_prints_shelf_passports_by_default(retailer_client, retailer):
    stock(retailer, "Messer A", "Messer B")
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug]))
    assert page.context["print_form"]["format"].initial == PrintJob.Format.SHELF
    response = retailer_client.post(print_url(retailer), {"scope": "all", "format": "shelf", "language": "de"})
    assert response.status_code == 200
    assert page_count(response.content) == 2
    assert PrintJob.objects.get().format == "shelf"


def test_workspace_labels_carry_the_shelf_price_over_the_products(retailer_client, retailer):
    (priced, plain) = stock(retailer, "Messer Preis", "Messer Ohne")
    retailer_client.post(reverse("retailer:shelf-price", args=[retailer.slug, priced.pk]), {"shelf_price": "49.90"})
    priced.refresh_from_db()
    assert priced.shelf_price == Decimal("49.90")
    response = retailer_client.post(
        print_url(retailer),
        {
            "scope": "all",
            "format": "labels",
            "layout": "3x8",
            "price": "on",
            "ean": "on",
            "start": "3",
            "language": "de",
        },
    )
    assert response.status_code == 200
    text = page_texts(response.content)[0]
    assert "49,90" in text
    maker_price = f"{plain.product.price_eur:.2f}".replace(".", ",")
    assert text.count(maker_price) == 1  # only the label without a shelf price shows the maker's price


@pytest.mark.parametrize(("value", "message"), [("-1", "greater than or equal to 0"), ("1.234", "2 decimal places")])
def test_a_bad_shelf_price_is_refused_naming_the_field(retailer_client, retailer, english, value, message):
    (item,) = stock(retailer, "Messer")
    response = retailer_client.post(
        reverse("retailer:shelf-price", args=[retailer.slug, item.pk]), {"shelf_price": value}
    )
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["shelf_price"])
    item.refresh_from_db()
    assert item.shelf_price is None


def test_another_retailers_item_has_no_shelf_price_page(retailer_client):
    (foreign,) = stock(AssortmentItemFactory().retailer, "Fremdes Messer")
    response = retailer_client.get(reverse("retailer:shelf-price", args=[foreign.retailer.slug, foreign.pk]))
    assert response.status_code == 404


def test_workspace_start_out_of_range_is_a_form_error(retailer_client, retailer, english):
    stock(retailer, "Messer")
    response = retailer_client.post(
        print_url(retailer), {"scope": "all", "format": "labels", "layout": "2x7", "start": "15", "language": "de"}
    )
    assert response.status_code == 400
    assert "from 1 to 14" in " ".join(response.context["print_form"].errors["start"])
    assert not PrintJob.objects.exists()


# ---------- the API ----------


def api_item_url(retailer, item):
    return f"/api/v1/retailers/{retailer.slug}/assortment/{item.product.passport_code}/"


def test_api_sets_and_clears_the_shelf_price(retailer_membership, retailer):
    client = token_client(retailer_membership.user)
    (item,) = stock(retailer, "Messer")
    response = client.patch(api_item_url(retailer, item), {"shelf_price": "24.90"}, format="json")
    assert response.status_code == 200
    assert response.json()["shelf_price"] == "24.90"
    assert (
        client.patch(api_item_url(retailer, item), {"shelf_price": None}, format="json").json()["shelf_price"] is None
    )


@pytest.mark.parametrize("value", ["-0.01", "1.999", "abc"])
def test_api_refuses_a_bad_shelf_price_naming_the_field(retailer_membership, retailer, value):
    client = token_client(retailer_membership.user)
    (item,) = stock(retailer, "Messer")
    response = client.patch(api_item_url(retailer, item), {"shelf_price": value}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["shelf_price"]


def test_api_prints_shelf_passports_by_default_and_labels_with_options(retailer_membership, retailer):
    client = token_client(retailer_membership.user)
    stock(retailer, "Messer A", "Messer B", shelf_price=Decimal("12.50"))
    url = f"/api/v1/retailers/{retailer.slug}/print/"
    shelf = client.post(url, {"scope": "all"}, format="json")
    assert shelf.status_code == 200 and page_count(shelf.content) == 2
    labels = client.post(
        url, {"scope": "all", "format": "labels", "price": True, "ean": True, "start": 24}, format="json"
    )
    assert labels.status_code == 200 and page_count(labels.content) == 2
    assert "12,50" in pdf_text(labels.content)
    refused = client.post(url, {"scope": "all", "format": "labels", "layout": "2x7", "start": 15}, format="json")
    assert refused.status_code == 400
    assert "1 to 14" in " ".join(refused.json()["start"])


# ---------- render_passports ----------


def test_render_command_prints_shelf_passports_and_labels_with_options(tmp_path):
    products = [make_published(name=f"Kochmesser {index}") for index in range(2)]
    codes = [product.passport_code for product in products]
    shelf = tmp_path / "shelf.pdf"
    call_command("render_passports", *codes, "--format", "shelf", "--out", str(shelf))
    assert page_count(shelf.read_bytes()) == 2
    labels = tmp_path / "labels.pdf"
    call_command(
        "render_passports",
        *codes,
        "--format",
        "labels",
        "--price",
        "--ean",
        "--start",
        "14",
        "--layout",
        "2x7",
        "--out",
        str(labels),
    )
    assert page_count(labels.read_bytes()) == 2
    assert "€" in pdf_text(labels.read_bytes())
    with pytest.raises(CommandError, match="1 to 14"):
        call_command(
            "render_passports", *codes, "--format", "labels", "--layout", "2x7", "--start", "15", "--out", str(labels)
        )
