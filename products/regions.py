"""Region classes of a place, from the Solingen industrial area out to the world."""

from django.db import models
from django.utils.translation import gettext_lazy as _

EU_COUNTRIES = frozenset(
    {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"}
    | {"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
)

# Postcode ranges (inclusive) of the cities; the city name is the fallback when no postcode is given.
SOLINGEN_AREA_POSTCODES = ((42651, 42719), (42781, 42781))  # Solingen, Haan
BERGISCH_TRIANGLE_POSTCODES = ((42103, 42399), (42853, 42899))  # Wuppertal, Remscheid
SOLINGEN_AREA_CITIES = frozenset({"solingen", "haan"})
BERGISCH_TRIANGLE_CITIES = frozenset({"wuppertal", "remscheid"})


class Region(models.TextChoices):
    """Ordered from nearest to farthest; ``rank`` 0 is the Solingen industrial area."""

    SOLINGEN = "solingen", _("Solingen/Haan")
    BERGISCH = "bergisch", _("Bergisches Städtedreieck")
    GERMANY = "germany", _("Germany")
    EU = "eu", _("European Union")
    WORLD = "world", _("World")

    @property
    def rank(self) -> int:
        return list(Region).index(self)


def _in_ranges(postcode: str, ranges) -> bool:
    digits = postcode.strip()
    if not (len(digits) == 5 and digits.isdigit()):
        return False
    number = int(digits)
    return any(low <= number <= high for low, high in ranges)


def derive_region(city: str, postcode: str, country: str) -> Region:
    """Region class of a place given by city, postcode and ISO 3166 alpha-2 country code."""
    country = (country or "").strip().upper()
    city_key = (city or "").strip().lower()
    postcode = (postcode or "").strip()
    if country == "DE":
        if postcode:
            if _in_ranges(postcode, SOLINGEN_AREA_POSTCODES):
                return Region.SOLINGEN
            if _in_ranges(postcode, BERGISCH_TRIANGLE_POSTCODES):
                return Region.BERGISCH
            return Region.GERMANY
        if city_key in SOLINGEN_AREA_CITIES:
            return Region.SOLINGEN
        if city_key in BERGISCH_TRIANGLE_CITIES:
            return Region.BERGISCH
        return Region.GERMANY
    if country in EU_COUNTRIES:
        return Region.EU
    return Region.WORLD
