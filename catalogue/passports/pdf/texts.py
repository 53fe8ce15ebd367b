"""Bilingual captions and number/date formatting for the printed passports and labels."""

import math
from datetime import datetime
from zoneinfo import ZoneInfo

LANGUAGES = ("de", "en")
DISPLAY_TIME_ZONE = ZoneInfo("Europe/Berlin")

# Static captions; snapshot data brings its own {"de", "en"} texts.
CAPTIONS: dict[str, dict[str, str]] = {
    "brand": {"de": "Gläserne Werkstatt Solingen", "en": "Gläserne Werkstatt Solingen"},
    "document": {"de": "Digitaler Produktpass", "en": "Digital product passport"},
    # The three printed formats (PDF subject and running header)
    "document_detailed": {"de": "Produktpass, ausführlich", "en": "Detailed passport"},
    "document_shelf": {"de": "Produktpass fürs Regal", "en": "Shelf passport"},
    "document_labels": {"de": "Regaletiketten", "en": "Shelf labels"},
    "batch_of": {"de": "{count} Produkte", "en": "{count} products"},
    "verify_version": {
        "de": "Echtheit und Aktualität dieser Version prüfen: {url}",
        "en": "Check that this version is authentic and current: {url}",
    },
    "accessible_version": {
        "de": "Barrierefreie Fassung dieses Passes: {url}",
        "en": "Accessible version of this passport: {url}",
    },
    "shelf_label": {"de": "Produktpass", "en": "Product passport"},
    "maker": {"de": "Hersteller", "en": "Maker"},
    "not_disclosed": {"de": "nicht angegeben", "en": "not disclosed"},
    "not_applicable": {"de": "entfällt", "en": "not applicable"},
    "yes": {"de": "ja", "en": "yes"},
    "no": {"de": "nein", "en": "no"},
    "none": {"de": "keine", "en": "none"},
    # Sections
    "product_details": {"de": "Produktdaten", "en": "Product details"},
    "score": {"de": "Bewertung", "en": "Score"},
    "criteria": {"de": "Bewertungskriterien", "en": "Score criteria"},
    "materials": {"de": "Materialien", "en": "Materials"},
    "components": {"de": "Bauteile", "en": "Components"},
    "supply_chain": {"de": "Lieferkette", "en": "Supply chain"},
    "durability": {"de": "Haltbarkeit", "en": "Durability"},
    "repairability": {"de": "Reparierbarkeit", "en": "Repairability"},
    "end_of_life": {"de": "Lebensende", "en": "End of life"},
    "evidence": {"de": "Nachweise", "en": "Evidence"},
    # Sub-scores
    "subscore_durability": {"de": "Haltbarkeit", "en": "Durability"},
    "subscore_repairability": {"de": "Reparierbarkeit", "en": "Repairability"},
    "subscore_supply_chain": {"de": "Lieferkette & Regionalität", "en": "Supply chain & regionality"},
    "subscore_circularity": {"de": "Kreislauffähigkeit", "en": "Circularity"},
    # Header and score
    "overall_grade": {"de": "Gesamtnote", "en": "Overall grade"},
    "out_of_100": {"de": "von 100", "en": "of 100"},
    "no_score": {"de": "keine Bewertung", "en": "not scored"},
    "scan_passport": {"de": "Online-Pass scannen", "en": "Scan for the online passport"},
    "grade_scale": {"de": "Notenskala", "en": "Grade scale"},
    "methodology": {"de": "Methodik", "en": "Methodology"},
    "scored_on": {"de": "berechnet am", "en": "computed on"},
    "criterion": {"de": "Kriterium", "en": "Criterion"},
    "explanation": {"de": "Erläuterung", "en": "Explanation"},
    "points": {"de": "Punkte", "en": "Points"},
    # Product details
    "category": {"de": "Kategorie", "en": "Category"},
    "model_number": {"de": "Modellnummer", "en": "Model number"},
    "gtin": {"de": "GTIN / EAN", "en": "GTIN / EAN"},
    "passport_code": {"de": "Pass-Code", "en": "Passport code"},
    "variants": {"de": "Varianten", "en": "Variants"},
    "price": {"de": "Preis", "en": "Price"},
    "mass": {"de": "Gewicht", "en": "Weight"},
    "published": {"de": "Veröffentlicht", "en": "Published"},
    "version": {"de": "Version", "en": "Version"},
    "description": {"de": "Beschreibung", "en": "Description"},
    # Materials and components
    "material": {"de": "Material", "en": "Material"},
    "part": {"de": "Verwendet in", "en": "Used in"},
    "share": {"de": "Anteil", "en": "Share"},
    "recycled_content": {"de": "Rezyklat", "en": "Recycled"},
    "renewable": {"de": "Nachwachsend", "en": "Renewable"},
    "recyclable": {"de": "Recycelbar", "en": "Recyclable"},
    "substances_of_concern": {"de": "Bedenkliche Stoffe", "en": "Substances of concern"},
    "component": {"de": "Bauteil", "en": "Component"},
    "replaceable": {"de": "Austauschbar", "en": "Replaceable"},
    "spare_part_available": {"de": "Ersatzteil erhältlich", "en": "Spare part available"},
    # Supply chain
    "step_number": {"de": "Nr.", "en": "No."},
    "step": {"de": "Arbeitsschritt", "en": "Step"},
    "performed_by": {"de": "Ausgeführt von", "en": "Performed by"},
    "place": {"de": "Ort", "en": "Place"},
    "region": {"de": "Region", "en": "Region"},
    "by_maker": {"de": "Hersteller selbst", "en": "The maker itself"},
    "by_supplier": {"de": "Zulieferer", "en": "Supplier"},
    "confidential_supplier": {"de": "Zulieferer (Name vertraulich)", "en": "Supplier (name confidential)"},
    "solingen_designation": {"de": "Herkunftsbezeichnung „Solingen“", "en": "“Solingen” designation"},
    "solingen_fails": {"de": "Nicht erfüllt (SolingenV 1994, § 1):", "en": "Does not qualify (SolingenV 1994, § 1):"},
    "solingen_seal": {"de": "Solingen", "en": "Solingen"},
    "solingen_seal_note": {"de": "nach SolingenV § 1", "en": "under SolingenV § 1"},
    # Durability
    "warranty": {"de": "Herstellergarantie", "en": "Commercial warranty"},
    "lifetime_warranty": {"de": "lebenslang", "en": "lifetime"},
    "expected_lifetime": {"de": "Erwartete Lebensdauer", "en": "Expected lifetime"},
    "resharpenable": {"de": "Nachschleifbar", "en": "Can be resharpened"},
    "resharpening_cycles": {"de": "ca. {count}-mal", "en": "about {count} times"},
    "refurbishable": {"de": "Aufarbeitbar", "en": "Can be refurbished"},
    "maintenance": {"de": "Pflegehinweise", "en": "Maintenance"},
    "tests": {"de": "Prüfungen", "en": "Tests"},
    "property": {"de": "Eigenschaft", "en": "Property"},
    "method": {"de": "Methode", "en": "Method"},
    "result": {"de": "Ergebnis", "en": "Result"},
    "proof": {"de": "Nachweis", "en": "Evidence"},
    "verified": {"de": "geprüft", "en": "verified"},
    "declared": {"de": "Herstellerangabe", "en": "declared by the maker"},
    # Repairability
    "documentation": {"de": "Reparaturanleitung", "en": "Repair documentation"},
    "disassembly_steps": {"de": "Zerlegeschritte", "en": "Disassembly steps"},
    "fasteners": {"de": "Verbindungen", "en": "Fasteners"},
    "tools": {"de": "Werkzeug", "en": "Tools"},
    "spare_parts": {"de": "Ersatzteile", "en": "Spare parts"},
    "spare_part": {"de": "Ersatzteil", "en": "Spare part"},
    "available_for": {"de": "Verfügbar", "en": "Available"},
    "delivery": {"de": "Lieferzeit", "en": "Delivery"},
    "price_share": {"de": "Preis (Anteil)", "en": "Price (share)"},
    "repair_services": {"de": "Reparaturservice", "en": "Repair services"},
    "service": {"de": "Leistung", "en": "Service"},
    "provider": {"de": "Anbieter", "en": "Provider"},
    "days": {"de": "{count} Tage", "en": "{count} days"},
    "years": {"de": "{count} Jahre", "en": "{count} years"},
    "year": {"de": "{count} Jahr", "en": "{count} year"},
    "of_product_price": {"de": "{percent} des Produktpreises", "en": "{percent} of the product price"},
    # End of life
    "take_back": {"de": "Rücknahme durch den Hersteller", "en": "Take-back by the maker"},
    "recyclable_share": {"de": "Recycelbarer Anteil", "en": "Recyclable share"},
    "separability": {"de": "Trennbarkeit der Materialien", "en": "Material separability"},
    "disposal": {"de": "Entsorgung", "en": "Disposal"},
    # Evidence
    "document_title": {"de": "Dokument", "en": "Document"},
    "backs_claim": {"de": "Belegt", "en": "Backs"},
    "status": {"de": "Status", "en": "Status"},
    "claim_durability": {"de": "Haltbarkeit / Prüfungen", "en": "Durability / tests"},
    "claim_warranty": {"de": "Garantie", "en": "Warranty"},
    "claim_repair": {"de": "Reparaturinformationen", "en": "Repair information"},
    "claim_supply_chain": {"de": "Lieferkette", "en": "Supply chain"},
    "claim_materials": {"de": "Materialien / Rezyklat", "en": "Materials / recycled content"},
    "claim_end_of_life": {"de": "Lebensende / Rücknahme", "en": "End of life / take-back"},
    "claim_other": {"de": "Sonstiges", "en": "Other"},
    # What a printout leaves out of a very long list or text (shown in full online)
    "more_online": {"de": "… {count} weitere im Online-Pass", "en": "… {count} more in the online passport"},
    "text_more_online": {
        "de": "… (gekürzt, vollständig im Online-Pass)",
        "en": "… (shortened, in full in the online passport)",
    },
    # Footer (the closing note is among the whole sentences at the end)
    "page_of": {"de": "Seite {page} von {pages}", "en": "Page {page} of {pages}"},
    # Shelf labels
    "label_score": {"de": "Punkte", "en": "Score"},
    "label_warranty": {"de": "Garantie", "en": "Warranty"},
    "label_repair": {"de": "Reparatur", "en": "Repair"},
    "label_years_short": {"de": "{count} J.", "en": "{count} yrs"},
    "label_lifetime_short": {"de": "lebenslang", "en": "lifetime"},
    "label_not_disclosed": {"de": "k. A.", "en": "n/d"},
    # Shelf passport
    "subscores": {"de": "Teilnoten", "en": "Sub-scores"},
    "key_facts": {"de": "Das Wichtigste", "en": "Key facts"},
    "fact_warranty": {"de": "Garantie", "en": "Warranty"},
    "fact_lifetime": {"de": "Lebensdauer", "en": "Expected lifetime"},
    "fact_repair": {"de": "Reparatur", "en": "Repair"},
    "fact_solingen": {"de": "„Solingen“", "en": "“Solingen”"},
    "fact_made_in": {"de": "Hergestellt in", "en": "Made in"},
    "warranty_years": {"de": "{years} Herstellergarantie", "en": "{years} commercial warranty"},
    "lifetime_warranty_fact": {"de": "Lebenslange Herstellergarantie", "en": "Lifetime commercial warranty"},
    "lifetime_years": {"de": "etwa {years}", "en": "about {years}"},
    "no_repair_service": {"de": "kein Reparaturservice angegeben", "en": "no repair service listed"},
    "solingen_yes": {
        "de": "Herkunftsbezeichnung erfüllt (SolingenV § 1)",
        "en": "Qualifies for the designation (SolingenV § 1)",
    },
    "solingen_no": {"de": "Herkunftsbezeichnung nicht erfüllt", "en": "Does not qualify for the designation"},
    "more_online_short": {"de": "… weitere im Online-Pass", "en": "… more in the online passport"},
    # Labels
    "label_price": {"de": "Preis", "en": "Price"},
    # Whole sentences: withdrawal banner, scoring rule, “Solingen” verdict, closing note
    "withdrawn_banner": {
        "de": "ZURÜCKGEZOGEN – der Hersteller hat diesen Produktpass zurückgezogen; er gilt nicht mehr.",
        "en": "WITHDRAWN – the maker has withdrawn this product passport; it is no longer valid.",
    },
    "unknown_rule": {
        "de": "Nicht angegebene Daten erhalten keine Punkte: Offenlegung wird belohnt.",
        "en": "Data that is not disclosed earns no points, so disclosure is rewarded.",
    },
    "solingen_qualifies": {
        "de": "Erfüllt: Alle wesentlichen Herstellungsstufen werden im Industriegebiet Solingen "
        "(Solingen und Haan) bearbeitet und fertiggestellt (SolingenV 1994, § 1).",
        "en": "Qualifies: all essential manufacturing stages are processed and finished in the Solingen "
        "industrial area (Solingen and Haan) (SolingenV 1994, § 1).",
    },
    "closing_version": {
        "de": "Dieser Ausdruck gibt Version {version} des Produktpasses wieder, veröffentlicht am {date}.",
        "en": "This printout shows version {version} of the product passport, published on {date}.",
    },
    "closing_redacted": {
        "de": "Angaben dieser Version wurden am {date} nachträglich geschwärzt.",
        "en": "Details of this version were redacted on {date}.",
    },
    "closing_authority": {
        "de": "Maßgeblich ist der Online-Pass unter {url}. Angaben ohne geprüften Nachweis sind Herstellerangaben.",
        "en": "The online passport at {url} is authoritative. Claims without verified evidence are declared "
        "by the maker.",
    },
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NARROW_NBSP = "\u202f"


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language should be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def caption(key: str, language: str, **values) -> str:
    """A static caption in ``language``, with ``{placeholders}`` filled from ``values``."""
    text = CAPTIONS[key][language]
    return text.format(**values) if values else text


def pick(value, language: str) -> str:
    """The ``language`` text of a bilingual snapshot value; falls back to the other language."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return value.get(language) or next((text for text in value.values() if text), "")
    return str(value)


def format_number(value: float | int | None, language: str, *, decimals: int | None = None) -> str:
    """72.5 -> "72,5" (de) / "72.5" (en); whole numbers lose their ".0"; None stays empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        rounded = round(float(value), 1)
        decimals = 0 if rounded == int(rounded) else 1
        value = rounded
    text = f"{value:,.{decimals}f}"
    if language == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(value, language: str) -> str:
    if value is None:
        return ""
    number = format_number(value, language)
    return f"{number}{NARROW_NBSP}%" if language == "de" else f"{number}%"


def format_euro(value, language: str) -> str:
    if value is None:
        return ""
    amount = format_number(value, language, decimals=2)
    return f"{amount}{NARROW_NBSP}€" if language == "de" else f"€{amount}"


def format_mass(value, language: str) -> str:
    if value is None:
        return ""
    return f"{format_number(value, language)}{NARROW_NBSP}g"


def format_years(value, language: str) -> str:
    if value is None:
        return ""
    key = "year" if float(value) == 1 else "years"
    return caption(key, language, count=format_number(value, language))


def format_date(iso_timestamp: str | None, language: str) -> str:
    """An ISO 8601 timestamp as a date in Germany: 25.11.2026 (de) / 25 Nov 2026 (en)."""
    if not iso_timestamp:
        return ""
    moment = datetime.fromisoformat(iso_timestamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(DISPLAY_TIME_ZONE)
    if language == "de":
        return f"{moment.day:02d}.{moment.month:02d}.{moment.year}"
    return f"{moment.day} {_MONTHS_EN[moment.month - 1]} {moment.year}"


def yes_no(value: bool | None, language: str) -> str:
    """ "ja"/"nein", or "" for unknown so that the caller can mark it as not disclosed."""
    if value is None:
        return ""
    return caption("yes" if value else "no", language)
