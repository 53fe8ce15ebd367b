"""Distances between German postcode areas, and loading their centres from GeoNames' postal-code table."""

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import POSTCODE, PostcodeArea

EARTH_RADIUS_KM = 6371.0
# The centres of the postcode areas around Solingen, in GeoNames' format; load_demo loads them.
REGION_FILE = Path(__file__).resolve().parent / "data" / "postcodes_bergisches_land.tsv"


@dataclass(frozen=True)
class Centre:
    latitude: float
    longitude: float


def distance_km(first: Centre, second: Centre) -> float:
    """Great-circle distance (haversine): accurate to a few metres over the distances of a city region."""
    lat1, lat2 = math.radians(first.latitude), math.radians(second.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(second.longitude - first.longitude)
    a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def centres(postcodes) -> dict[str, Centre]:
    """The centre of each known postcode among ``postcodes``, in one query."""
    rows = PostcodeArea.objects.filter(postcode__in=set(postcodes)).values_list("postcode", "latitude", "longitude")
    return {postcode: Centre(latitude, longitude) for postcode, latitude, longitude in rows}


def read_geonames(text: str) -> list[PostcodeArea]:
    """Rows of GeoNames' tab-separated postal codes (DE.txt): country, postcode, place, …, latitude, longitude.

    Only German five-digit rows are kept; a postcode listed for several places keeps its first.
    Raises ``ValidationError`` naming the line of a malformed row.
    """
    areas: dict[str, PostcodeArea] = {}
    for line, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if not row or row[0] != "DE":
            continue
        try:
            postcode, place, latitude, longitude = row[1], row[2], float(row[9]), float(row[10])
            POSTCODE(postcode)
        except (IndexError, ValueError, ValidationError) as error:
            raise ValidationError(
                f"Line {line}: expected GeoNames columns (country, five-digit postcode, place, …, latitude, longitude)."
            ) from error
        areas.setdefault(postcode, PostcodeArea(postcode=postcode, place=place, latitude=latitude, longitude=longitude))
    return list(areas.values())


@transaction.atomic
def load_postcodes(text: str) -> int:
    """Add or update the postcode centres of a GeoNames table, all or nothing; returns how many rows it holds."""
    areas = read_geonames(text)
    PostcodeArea.objects.bulk_create(
        areas,
        batch_size=2_000,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["place", "latitude", "longitude"],
    )
    return len(areas)
