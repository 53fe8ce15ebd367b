"""Links between versions: the predecessor frozen in the snapshot, the successor read from the database."""

import pytest

from catalogue.dpp.selectors import successor_of
from tests import factories


@pytest.mark.django_db
def test_each_version_names_its_predecessor_and_finds_its_successor(published_product, maker_user):
    first = published_product.passport_versions.get()
    second = factories.republished(published_product, maker_user)
    assert second.snapshot["predecessor"] == {
        "version": 1,
        "content_hash": first.content_hash,
        "url": f"http://testserver/p/{published_product.passport_code}/v/1".replace(
            "http://testserver", second.snapshot["urls"]["passport"].rsplit("/p/", 1)[0]
        ),
    }
    assert successor_of(published_product.pk, 1)["version"] == 2
    assert successor_of(published_product.pk, 2) is None


@pytest.mark.django_db
def test_publishing_unchanged_makes_no_version_despite_the_predecessor(published_product, maker_user):
    from catalogue.passports.services import publish

    factories.republished(published_product, maker_user)
    assert publish(published_product, maker_user).created is False
