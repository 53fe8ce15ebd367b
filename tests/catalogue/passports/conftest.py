"""Snapshots for the renderer tests, made by the real snapshot builder from factory-built products."""

import copy
from datetime import UTC, datetime

import pytest
from django.db import transaction

from tests.factories import (
    MakerOrganisationFactory,
    bare_product,
    complete_product,
    long_product,
    showcase_product,
    snapshot_of,
)

# Fixed, so that footers and dates in the PDFs are predictable: 09:30 UTC on 25 November 2026 ...
PUBLISHED_AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
# ... and 23:30 UTC on 5 January 2026, already the 6th in Germany.
LATE_EVENING = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)
LABEL_BATCH = 43  # the largest sheet count the label tests print


@pytest.fixture(scope="session")
def built_samples(django_db_setup, django_db_blocker) -> dict:
    """One snapshot of each kind, built once; the products are rolled back, so no test sees them.

    ``complete``: a fully disclosed chef's knife from Solingen (version 3); ``long``: everything long, no
    "Solingen" designation (version 3); ``without_gtin``: scissors without a GTIN (version 3); ``bare``: only
    what publishing needs (version 1); ``numbered``: complete products "Kochmesser Nr. 1" to "Nr. 43".
    """
    with django_db_blocker.unblock(), transaction.atomic():
        samples = {
            "complete": snapshot_of(showcase_product(), version=3, published_at=PUBLISHED_AT),
            "long": snapshot_of(long_product(), version=3, published_at=PUBLISHED_AT),
            "without_gtin": snapshot_of(
                showcase_product(name="Schneiderschere 25 cm", model_number="SS-25", gtin=None),
                version=3,
                published_at=PUBLISHED_AT,
            ),
            "bare": snapshot_of(
                bare_product(
                    name="Nagelknipser",
                    maker=MakerOrganisationFactory(name="Kleinschmiede Ohligs", city="", postcode=""),
                ),
                version=1,
                published_at=LATE_EVENING,
            ),
            "numbered": [
                snapshot_of(complete_product(name=f"Kochmesser Nr. {index + 1}"), published_at=PUBLISHED_AT)
                for index in range(LABEL_BATCH)
            ],
        }
        transaction.set_rollback(True)
    return samples


@pytest.fixture
def samples(built_samples) -> dict:
    """A copy of ``built_samples`` that a test may change."""
    return copy.deepcopy(built_samples)
