"""Demo places of the repair finder (fictitious, with the reserved demo phone numbers) and the region's postcodes."""

from catalogue.repair.models import PostcodeArea, RepairPlace
from catalogue.repair.postcodes import REGION_FILE, load_postcodes

# Phone numbers from the Bundesnetzagentur's ranges for fiction (0221 4710 …), so no one is called by mistake.
REPAIR_PLACES = [
    {
        "name": "Schleiferei am Wupperufer",
        "kind": RepairPlace.Kind.GRINDER,
        "services": "resharpening,refurbishment",
        "street": "Wupperstraße 12",
        "postcode": "42659",
        "city": "Solingen",
        "phone": "+49 221 4710 101",
        "email": "werkstatt@schleiferei.example.org",
        "website": "https://schleiferei.example.org",
        "notes": "Annahme Di–Fr 9–17 Uhr; Scheren und Messer in zwei Tagen.",
    },
    {
        "name": "Repair-Café Ohligs",
        "kind": RepairPlace.Kind.REPAIR_CAFE,
        "services": "resharpening,general_repair",
        "street": "Düsseldorfer Straße 40",
        "postcode": "42697",
        "city": "Solingen",
        "email": "hallo@repaircafe-ohligs.example.org",
        "notes": "Jeden ersten Samstag im Monat, 11–15 Uhr; ehrenamtlich, gegen Spende.",
    },
    {
        "name": "Messerschleiferei Cronenberg",
        "kind": RepairPlace.Kind.GRINDER,
        "services": "resharpening,new_handle",
        "street": "Hauptstraße 5",
        "postcode": "42349",
        "city": "Wuppertal",
        "phone": "+49 221 4710 102",
        "website": "https://cronenberg-schliff.example.org",
    },
    {
        "name": "Stahlwaren Kellermann",
        "kind": RepairPlace.Kind.SHOP,
        "services": "resharpening",
        "street": "Kölner Straße 88",
        "postcode": "42853",
        "city": "Remscheid",
        "phone": "+49 221 4710 103",
        "notes": "Schleifservice im Laden; Abholung nach einer Woche.",
    },
]


def load_repair_places(summary, create) -> None:
    """The region's postcode centres (kept up to date) and the demo places, where they are missing."""
    if not PostcodeArea.objects.exists():
        load_postcodes(REGION_FILE.read_text(encoding="utf-8"))
    existing = set(RepairPlace.objects.values_list("name", flat=True))
    for spec in REPAIR_PLACES:
        if spec["name"] not in existing:
            create(summary, RepairPlace, **spec)
