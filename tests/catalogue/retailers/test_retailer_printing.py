"""Retailer printing: selections, the whole assortment, recorded print jobs and the reprint-needed list."""

import pytest
from django.urls import reverse

from catalogue.models import PrintJob
from catalogue.passports.services import publish_product
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import (
    AssortmentItemFactory,
    ProductFactory,
    RetailerMembershipFactory,
    complete_product,
    published_product,
    republished,
)

pytestmark = pytest.mark.django_db


def print_url(retailer):
    return reverse("retailer:print", args=[retailer.slug])


def stock(retailer, *names):
    return [AssortmentItemFactory(retailer=retailer, product=published_product(name=name)) for name in names]


def test_print_selected_items_as_passports_records_the_versions(retailer_client, retailer, retailer_membership):
    first, _second, third = stock(retailer, "Messer Eins", "Messer Zwei", "Messer Drei")
    response = retailer_client.post(
        print_url(retailer),
        {"scope": "selected", "items": [first.pk, third.pk], "format": "passport", "language": "en", "layout": "3x8"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    text = pdf_text(response.content)
    assert "Messer Eins" in text and "Messer Drei" in text
    assert "Messer Zwei" not in text

    job = PrintJob.objects.get()
    assert job.retailer == retailer
    assert job.created_by == retailer_membership.user
    assert job.format == "detailed"
    assert job.language == "en"
    assert job.label_layout == ""
    assert {version.product_id for version in job.versions.all()} == {first.product_id, third.product_id}


def test_print_all_as_labels_on_a_chosen_sheet(retailer_client, retailer):
    items = stock(retailer, "Etikett A", "Etikett B", "Etikett C")
    response = retailer_client.post(
        print_url(retailer), {"scope": "all", "format": "labels", "layout": "2x7", "language": "de"}
    )
    assert response.status_code == 200
    assert page_count(response.content) == 1
    assert all(item.product.name in pdf_text(response.content) for item in items)
    job = PrintJob.objects.get()
    assert job.format == "labels"
    assert job.label_layout == "2x7"
    assert job.versions.count() == 3


def test_printing_nothing_prints_nothing(retailer_client, retailer):
    stock(retailer, "Messer")
    response = retailer_client.post(
        print_url(retailer), {"scope": "selected", "format": "passport", "language": "de"}, follow=True
    )
    assert "Select at least one product" in response.content.decode()
    assert not PrintJob.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"format": "poster", "language": "de"}, "format"),
        ({"format": "labels", "layout": "9x9", "language": "de"}, "layout"),
        ({"format": "passport", "language": "fr"}, "language"),
    ],
)
def test_bad_print_options_are_shown_on_the_page(retailer_client, retailer, data, field):
    (item,) = stock(retailer, "Messer")
    response = retailer_client.post(print_url(retailer), {"scope": "selected", "items": [item.pk], **data})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "errorlist" in response.content.decode()
    assert not PrintJob.objects.exists()


def test_items_of_another_retailer_cannot_be_printed(retailer_client, retailer):
    stock(retailer, "Eigenes Messer")
    foreign = AssortmentItemFactory(retailer=RetailerMembershipFactory().organisation, product=published_product())
    response = retailer_client.post(
        print_url(retailer), {"scope": "selected", "items": [foreign.pk], "format": "passport", "language": "de"}
    )
    assert response.status_code == 404
    assert not PrintJob.objects.exists()


def test_a_draft_in_an_assortment_is_not_printed(retailer_client, retailer):
    # Only published products can be added, but a draft must stay private even if one got in.
    (published,) = stock(retailer, "Öffentliches Messer")
    draft = AssortmentItemFactory(retailer=retailer, product=complete_product(name="Geheimer Entwurf"))
    for data in ({"scope": "selected", "items": [published.pk, draft.pk]}, {"scope": "all"}):
        response = retailer_client.post(print_url(retailer), {**data, "format": "labels", "language": "de"})
        assert response.status_code == 404
        assert b"Geheimer Entwurf" not in response.content
    assert not PrintJob.objects.exists()
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).content.decode()
    assert "Not published" in page


def test_reprint_needed_lists_products_with_a_newer_version(retailer_client, retailer):
    _fresh, stale = stock(retailer, "Frisches Messer", "Altes Messer")
    retailer_client.post(print_url(retailer), {"scope": "all", "format": "passport", "language": "de"})
    assert retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).context["reprint_rows"] == []

    republished(stale.product)
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug]))
    reprint = page.context["reprint_rows"]
    assert [row.product for row in reprint] == [stale.product]
    assert reprint[0].item.last_printed_number == 1
    assert reprint[0].item.current_number == 2
    assert "Reprint needed" in page.content.decode()

    response = retailer_client.post(
        print_url(retailer),
        {
            "scope": "reprint",
            "reprint-format": "passport",  # the format printed before: reprints are per format
            "reprint-language": "de",
        },
    )
    assert response.status_code == 200
    assert "Altes Messer" in pdf_text(response.content)
    assert "Frisches Messer" not in pdf_text(response.content)
    assert retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).context["reprint_rows"] == []


def test_reprint_state_is_per_retailer(retailer_client, retailer):
    (item,) = stock(retailer, "Geteiltes Messer")
    other = RetailerMembershipFactory().organisation
    AssortmentItemFactory(retailer=other, product=item.product)
    retailer_client.post(print_url(retailer), {"scope": "all", "format": "passport", "language": "de"})
    republished(item.product)
    from catalogue.retailers.selectors import assortment_rows

    assert [row.reprint_needed for row in assortment_rows(retailer)] == [True]
    # The other retailer never printed it, so it is "not printed yet", not "reprint needed".
    (other_row,) = assortment_rows(other)
    assert other_row.never_printed and not other_row.reprint_needed


def test_print_history_is_shown(retailer_client, retailer):
    stock(retailer, "Messer")
    retailer_client.post(print_url(retailer), {"scope": "all", "format": "labels", "layout": "3x7", "language": "en"})
    html = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).content.decode()
    assert "Print jobs" in html
    assert "3x7" in html
    job = PrintJob.objects.get()
    assert reverse("retailer:job-pdf", args=[retailer.slug, job.pk]) in html


def test_print_query_count_does_not_grow_with_the_selection(retailer_client, retailer, django_assert_max_num_queries):
    items = stock(retailer, *[f"Messer {n}" for n in range(8)])
    data = {"scope": "selected", "items": [item.pk for item in items], "format": "labels", "language": "de"}
    with django_assert_max_num_queries(14):
        response = retailer_client.post(print_url(retailer), data)
    assert response.status_code == 200
    assert PrintJob.objects.get().versions.count() == 8


def test_an_unpublished_draft_is_never_offered(retailer_client, retailer):
    draft = ProductFactory(name="Unsichtbarer Entwurf")
    response = retailer_client.post(reverse("retailer:add", args=[retailer.slug]), {"identifier": draft.passport_code})
    assert response.status_code == 400
    assert not retailer.assortment.exists()


def test_bad_options_on_the_reprint_list_are_shown_there(retailer_client, retailer):
    (item,) = stock(retailer, "Messer")
    retailer_client.post(print_url(retailer), {"scope": "all", "format": "passport", "language": "de"})
    publish_product(item.product)
    response = retailer_client.post(
        print_url(retailer),
        {"scope": "reprint", "reprint-items": [item.pk], "reprint-format": "poster", "reprint-language": "de"},
    )
    assert response.status_code == 400
    assert response.context["reprint_form"].errors["format"]
    assert PrintJob.objects.count() == 1


def test_print_all_respects_the_batch_limit(retailer_client, retailer, monkeypatch):
    monkeypatch.setattr("catalogue.retailers.services.MAX_BATCH", 2)
    stock(retailer, "Messer A", "Messer B", "Messer C")
    response = retailer_client.post(
        print_url(retailer), {"scope": "all", "format": "labels", "language": "de"}, follow=True
    )
    assert "at most 2 products" in response.content.decode()
    assert not PrintJob.objects.exists()
