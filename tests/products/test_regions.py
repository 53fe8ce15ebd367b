"""Region derivation of supply-chain places."""

import pytest

from products.regions import Region, derive_region


@pytest.mark.parametrize(
    ("city", "postcode", "country", "expected"),
    [
        ("Solingen", "42651", "DE", Region.SOLINGEN),
        ("Solingen", "42719", "de", Region.SOLINGEN),
        ("Haan", "42781", "DE", Region.SOLINGEN),
        ("Haan", "", "DE", Region.SOLINGEN),
        ("Wuppertal", "42103", "DE", Region.BERGISCH),
        ("Remscheid", "42853", "DE", Region.BERGISCH),
        ("Remscheid", "", "DE", Region.BERGISCH),
        ("Köln", "50667", "DE", Region.GERMANY),
        ("Solingen", "50667", "DE", Region.GERMANY),  # the postcode wins over a wrong city name
        ("Thiers", "63300", "FR", Region.EU),
        ("Seki", "501-3200", "JP", Region.WORLD),
        ("Sheffield", "S1", "GB", Region.WORLD),
    ],
)
def test_region_is_derived_from_place(city, postcode, country, expected):
    assert derive_region(city, postcode, country) == expected


def test_regions_are_ranked_from_near_to_far():
    assert [region.rank for region in Region] == [0, 1, 2, 3, 4]
    assert Region.SOLINGEN.rank < Region.WORLD.rank
