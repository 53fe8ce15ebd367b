"""The A4 passport lays out any data that exists: many rows, long words, over-long texts of older products."""

import pytest
from django.urls import reverse

from catalogue.passports.pdf.document import render_passports
from catalogue.passports.services import publish_product
from tests.catalogue.passports.pdf_helpers import page_count, page_texts, pdf_text
from tests.factories import (
    AssortmentItemFactory,
    MaterialFactory,
    SupplyChainStepFactory,
    complete_product,
    snapshot_of,
)

pytestmark = pytest.mark.django_db

MORE_ONLINE = {"de": "weitere im Online-Pass", "en": "more in the online passport"}


def outsourced_product(steps: int, **kwargs):
    """A complete product with essential steps in Thiers up to ``steps`` in all, made directly as older data may be.

    Its own steps come first; the added ones are "Schleifgang 1", "Schleifgang 2" and so on.
    """
    product = complete_product(**kwargs)
    for index in range(steps - product.supply_chain_steps.count()):
        SupplyChainStepFactory(
            product=product,
            position=100 + index,
            step_type="grinding",
            description=f"Schleifgang {index + 1}",
            city="Thiers",
            postcode="63300",
            country="FR",
        )
    return product


PERFORMED_BY = {"de": "Ausgeführt von", "en": "Performed by"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_fifty_steps_go_on_over_pages_under_their_repeated_caption_row(language):
    product = outsourced_product(50)
    added = 50 - product.supply_chain_steps.exclude(description__startswith="Schleifgang").count()
    snapshot = snapshot_of(product)
    assert len(snapshot["supply_chain"]) == 50
    pages = page_texts(render_passports([snapshot], language))
    text = " ".join(pages)
    assert all(f"Schleifgang {index + 1} " in text for index in range(added))
    assert sum(PERFORMED_BY[language] in page for page in pages) >= 2
    assert MORE_ONLINE[language] in text  # the reasons against "Solingen", one per step, are shortened


@pytest.mark.parametrize("language", ["de", "en"])
def test_seventy_steps_outside_solingen_of_an_older_product_are_printed_shortened(language):
    product = outsourced_product(70)
    shown = 50 - product.supply_chain_steps.exclude(description__startswith="Schleifgang").count()
    snapshot = snapshot_of(product)
    assert len(snapshot["score"]["solingen"]["reasons"]) >= 60
    text = pdf_text(render_passports([snapshot], language))
    # The first fifty steps, then a note for the other twenty.
    assert all(f"Schleifgang {index + 1} " in text for index in range(shown))
    assert f"Schleifgang {shown + 1} " not in text
    more = {"de": "… 20 weitere im Online-Pass", "en": "… 20 more in the online passport"}
    assert more[language] in text


def test_the_published_passport_and_the_whole_assortment_print(client, retailer_client, retailer):
    product = outsourced_product(70, name="Messer mit siebzig Schritten")
    version = publish_product(product)
    response = client.get(reverse("catalogue:passport-pdf", args=[product.passport_code]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    AssortmentItemFactory(retailer=retailer, product=product)
    response = retailer_client.post(
        reverse("retailer:print", args=[retailer.slug]), {"scope": "all", "format": "passport", "language": "de"}
    )
    assert response.status_code == 200
    assert "Messer mit siebzig Schritten" in pdf_text(response.content)
    assert version.snapshot["supply_chain"][40]["description"] in pdf_text(response.content)


def test_a_word_longer_than_a_line_is_broken_instead_of_overflowing(samples):
    word = "Damaszenerstahl" * 20  # 300 characters, no space
    snapshot = samples["complete"]
    # As many variants as a maker may enter, each with the longest name: they once filled a narrow column that
    # could not break onto the next page.
    snapshot["product"]["variants"] = [{"code": f"V{index}", "name": word[:120]} for index in range(30)]
    snapshot["product"]["name"] = word[:200]
    snapshot["product"]["description"] = word
    snapshot["materials"][0]["name"] = word
    snapshot["supply_chain"][0]["description"] = word
    snapshot["supply_chain"][0]["city"] = word[:100]
    snapshot["evidence"][0]["title"] = word
    snapshot["durability"]["maintenance_instructions"] = word
    for language in ("de", "en"):
        text = "".join(pdf_text(render_passports([snapshot], language)).split())
        # Broken over lines, but all of it is printed: nothing ran off the page and was cut.
        assert text.count(word) >= 4
        assert all(f"(V{index})" in text for index in range(30))


def test_an_over_long_text_of_an_older_product_is_shortened_with_a_note(samples):
    snapshot = samples["complete"]
    snapshot["product"]["description"] = "Handgeschmiedet aus Damaststahl. " * 15_000  # 495,000 characters
    pdf = render_passports([snapshot], "de")
    text = pdf_text(pdf)
    assert "Handgeschmiedet aus Damaststahl." in text
    assert "(gekürzt, vollständig im Online-Pass)" in text
    assert page_count(pdf) <= 8


def test_long_lists_of_an_older_product_are_shortened_with_a_note():
    product = complete_product()
    for index in range(120):
        MaterialFactory(product=product, name=f"Zierwerkstoff {index + 1}", share_percent=None)
    snapshot = snapshot_of(product)
    for language in ("de", "en"):
        text = pdf_text(render_passports([snapshot], language))
        assert "Zierwerkstoff 1 " in text
        assert "Zierwerkstoff 120" not in text
        assert MORE_ONLINE[language] in text
