"""A hand-written sample passport snapshot (schema gw-passport/1) for the benchmarks in bench/.

Tests do not use it: they get their snapshots from the real builder, over factory-built products
(tests/factories.py, tests/catalogue/passports/conftest.py).
"""

import copy

SITE = "https://glaeserne-werkstatt.example.org"
GTIN = "04006381333931"
PASSPORT_CODE = "K7QX2M9C"


def _text(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


def _criterion(subscore, key, label, points, max_points, status="known", explanation=None, hint=None):
    return {
        "subscore": subscore,
        "key": key,
        "label": label,
        "points": points,
        "max_points": max_points,
        "status": status,
        "explanation": explanation or _text("", ""),
        "hint": hint,
        "hint_points": (max_points - points) if hint else None,
    }


def _step(position, step_type, label, city, postcode, country, region, region_label, **extra):
    return {
        "position": position,
        "step_type": step_type,
        "step_label": label,
        "description": extra.get("description", ""),
        "performed_by": extra.get("performed_by", "maker"),
        "supplier_name": extra.get("supplier_name"),
        "supplier_confidential": extra.get("supplier_confidential", False),
        "city": city,
        "postcode": postcode,
        "country": country,
        "region": region,
        "region_label": region_label,
    }


SOLINGEN = _text("Solingen/Haan", "Solingen/Haan")
BERGISCH = _text("Bergisches Städtedreieck", "Bergisches Städtedreieck")
GERMANY = _text("Deutschland", "Germany")


def complete_snapshot(**overrides) -> dict:
    """A fully disclosed chef's knife with a GTIN, made in Solingen."""
    snapshot = {
        "schema": "gw-passport/1",
        "version": 3,
        "published_at": "2026-11-25T09:30:00+00:00",
        "product": {
            "name": "Kochmesser Schmiedeklinge 20 cm",
            "description": "Geschmiedetes Kochmesser aus rostfreiem Klingenstahl mit Griffschalen aus "
            "Olivenholz. CO₂-Fußabdruck ≤ 4 kg, Nachschliff ab 8 €.",
            "model_number": "KM-20",
            "gtin": GTIN,
            "passport_code": PASSPORT_CODE,
            "passport_code_display": "K7QX-2M9C",
            "category": {"slug": "chefs-knives", "name": _text("Kochmesser", "Chef's knives")},
            "price_eur": 129.0,
            "mass_g": 210,
            "variants": [{"code": "20", "name": "20 cm"}, {"code": "24", "name": "24 cm"}],
        },
        "maker": {
            "name": "Klingenschmiede Wupperhof GmbH",
            "slug": "wupperhof",
            "city": "Solingen",
            "postcode": "42651",
            "country": "DE",
            "website": "https://wupperhof.example.org",
        },
        "score": {
            "overall": 72.5,
            "grade": "B",
            "band_colour": "#85BB2F",
            "methodology_version": "1.0",
            "computed_at": "2026-11-25T09:29:58+00:00",
            "subscores": {"durability": 80.0, "repairability": 65.0, "supply_chain": 90.0, "circularity": 55.0},
            "criteria": [
                _criterion(
                    "durability",
                    "warranty",
                    _text("Garantie", "Warranty"),
                    20.0,
                    25.0,
                    explanation=_text(
                        "5 Jahre Garantie; Referenz der Kategorie: 10 Jahre.",
                        "5-year warranty; category reference: 10 years.",
                    ),
                    hint=_text(
                        "Garantie auf 10 Jahre verlängern: +5 Punkte", "Extend the warranty to 10 years: +5 points"
                    ),
                ),
                _criterion(
                    "durability",
                    "lifetime",
                    _text("Lebensdauer", "Expected lifetime"),
                    40.0,
                    40.0,
                    explanation=_text("25 Jahre erwartet.", "25 years expected."),
                ),
                _criterion(
                    "durability",
                    "tests",
                    _text("Prüfungen", "Tested durability"),
                    20.0,
                    35.0,
                    explanation=_text(
                        "Schnitthaltigkeit nach ISO 8442-5 geprüft.", "Edge retention tested after ISO 8442-5."
                    ),
                ),
                _criterion(
                    "repairability",
                    "documentation",
                    _text("Reparaturanleitung", "Repair documentation"),
                    12.0,
                    20.0,
                    explanation=_text(
                        "Öffentlich, aber ohne Explosionszeichnung.", "Public, but without an exploded view."
                    ),
                ),
                _criterion(
                    "repairability",
                    "spare_parts",
                    _text("Ersatzteile", "Spare parts"),
                    25.0,
                    30.0,
                    explanation=_text("Griffschalen 10 Jahre lieferbar.", "Handle scales available for 10 years."),
                ),
                _criterion(
                    "repairability",
                    "tools",
                    _text("Werkzeug", "Tools"),
                    28.0,
                    50.0,
                    explanation=_text("Standardwerkzeug genügt.", "Basic tools suffice."),
                ),
                _criterion(
                    "supply_chain",
                    "disclosure",
                    _text("Offenlegung", "Disclosure"),
                    50.0,
                    50.0,
                    explanation=_text("Alle Schritte mit Ort offengelegt.", "Every step disclosed with its place."),
                ),
                _criterion(
                    "supply_chain",
                    "regionality",
                    _text("Regionalität", "Regionality"),
                    40.0,
                    50.0,
                    explanation=_text("Rohstahl aus Deutschland.", "Raw steel from Germany."),
                ),
                _criterion(
                    "circularity",
                    "recycled_content",
                    _text("Rezyklatanteil", "Recycled content"),
                    15.0,
                    30.0,
                    explanation=_text("30 % Rezyklat im Stahl.", "30% recycled content in the steel."),
                ),
                _criterion(
                    "circularity",
                    "take_back",
                    _text("Rücknahme", "Take-back"),
                    20.0,
                    20.0,
                    explanation=_text("Rücknahme über den Fachhandel.", "Take-back through retailers."),
                ),
                _criterion(
                    "circularity",
                    "substances",
                    _text("Bedenkliche Stoffe", "Substances of concern"),
                    0.0,
                    20.0,
                    status="unknown",
                    explanation=_text("Keine Angabe.", "Not disclosed."),
                ),
                _criterion(
                    "circularity",
                    "renewable",
                    _text("Nachwachsende Rohstoffe", "Renewable materials"),
                    0.0,
                    0.0,
                    status="not_applicable",
                    explanation=_text("Für diese Kategorie nicht bewertet.", "Not scored for this category."),
                ),
            ],
            "solingen": {"qualifies": True, "reasons": []},
        },
        "materials": [
            {
                "name": "X50CrMoV15 Klingenstahl",
                "part": "Klinge",
                "mass_g": 150.0,
                "share_percent": 71.4,
                "recycled_content_percent": 30.0,
                "renewable": False,
                "recyclable": True,
                "substances_of_concern": "none",
            },
            {
                "name": "Olivenholz",
                "part": "Griffschalen",
                "mass_g": 52.0,
                "share_percent": 24.8,
                "recycled_content_percent": 0.0,
                "renewable": True,
                "recyclable": None,
                "substances_of_concern": "",
            },
            {
                "name": "Messing",
                "part": "Nieten",
                "mass_g": 8.0,
                "share_percent": 3.8,
                "recycled_content_percent": None,
                "renewable": False,
                "recyclable": True,
                "substances_of_concern": "Blei ≤ 0,1 %",
            },
        ],
        "components": [
            {"name": "Klinge", "replaceable": False, "spare_part_available": False},
            {"name": "Griffschalen", "replaceable": True, "spare_part_available": True},
        ],
        "supply_chain": [
            _step(
                1,
                "raw_material",
                _text("Rohmaterial", "Raw material"),
                "Duisburg",
                "47166",
                "DE",
                "germany",
                GERMANY,
                performed_by="supplier",
                supplier_name="Stahlwerk Rhein AG",
                description="Warmband X50CrMoV15",
            ),
            _step(
                2,
                "forging",
                _text("Schmieden", "Forging"),
                "Solingen",
                "42651",
                "DE",
                "solingen",
                SOLINGEN,
                description="Gesenkschmieden aus einem Stück",
            ),
            _step(
                3,
                "hardening",
                _text("Härten", "Hardening"),
                "Solingen",
                "42699",
                "DE",
                "solingen",
                SOLINGEN,
                performed_by="supplier",
                supplier_confidential=True,
            ),
            _step(4, "grinding", _text("Schleifen", "Grinding"), "Solingen", "42651", "DE", "solingen", SOLINGEN),
            _step(
                5,
                "handle_making",
                _text("Griffherstellung", "Handle making"),
                "Haan",
                "42781",
                "DE",
                "solingen",
                SOLINGEN,
                performed_by="supplier",
                supplier_name="Holzwerkstatt Haan",
            ),
            _step(6, "assembly", _text("Montage", "Assembly"), "Solingen", "42651", "DE", "solingen", SOLINGEN),
            _step(
                7,
                "finishing",
                _text("Abziehen / Schärfen", "Finishing / sharpening"),
                "Solingen",
                "42651",
                "DE",
                "solingen",
                SOLINGEN,
            ),
            _step(
                8,
                "packaging",
                _text("Verpackung", "Packaging"),
                "Wuppertal",
                "42103",
                "DE",
                "bergisch",
                BERGISCH,
                performed_by="supplier",
                supplier_name="Bergische Verpackung KG",
            ),
        ],
        "durability": {
            "warranty_years": 5.0,
            "lifetime_warranty": False,
            "expected_lifetime_years": 25,
            "maintenance_instructions": "Von Hand spülen und sofort abtrocknen; nicht in die Spülmaschine. "
            "Regelmäßig am Wetzstahl abziehen.",
            "resharpenable": True,
            "resharpening_cycles": 20,
            "refurbishable": None,
            "tests": [
                {
                    "property": "edge_retention",
                    "label": _text("Schnitthaltigkeit", "Edge retention"),
                    "method": "ISO 8442-5",
                    "result": "CEP 620 mm",
                    "evidence_verified": True,
                },
                {
                    "property": "hardness",
                    "label": _text("Härte", "Hardness"),
                    "method": "Rockwell C",
                    "result": "56 HRC",
                    "evidence_verified": False,
                },
            ],
        },
        "repairability": {
            "documentation": "public",
            "documentation_label": _text("Öffentlich", "Public"),
            "documentation_url": "https://wupperhof.example.org/reparatur/km-20",
            "disassembly_steps": 2,
            "fasteners": "reusable",
            "fasteners_label": _text("Wiederverwendbar (z. B. Schrauben)", "Reusable (e.g. screws)"),
            "tools": "basic",
            "tools_label": _text("Standardwerkzeug", "Basic tools"),
            "spare_parts": [
                {"name": "Griffschalen", "years_available": 10, "delivery_days": 5, "price_percent_of_product": 20.0},
                {
                    "name": "Messingnieten (Satz)",
                    "years_available": 10,
                    "delivery_days": None,
                    "price_percent_of_product": None,
                },
            ],
            "repair_services": [
                {
                    "service_type": "resharpening",
                    "label": _text("Nachschleifen", "Resharpening"),
                    "provider": "",
                    "price_eur": 8.0,
                    "description": "Einsenden oder im Werksverkauf abgeben",
                },
                {
                    "service_type": "new_handle",
                    "label": _text("Neuer Griff", "New handle"),
                    "provider": "Holzwerkstatt Haan",
                    "price_eur": None,
                    "description": "",
                },
            ],
        },
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme im Fachhandel und im Werksverkauf",
            "recyclable_share_percent": 90.0,
            "separability": "moderate",
            "separability_label": _text("Mittel: mit Standardwerkzeug", "Moderate: with basic tools"),
            "disposal_instructions": "Klinge und Nieten zum Metallschrott, Griffschalen zum Restmüll.",
        },
        "evidence": [
            {
                "title": "Prüfbericht Schnitthaltigkeit ISO 8442-5",
                "claim": "durability",
                "url": "https://wupperhof.example.org/pruefbericht.pdf",
                "verified": True,
            },
            {
                "title": "Garantiebedingungen",
                "claim": "warranty",
                "url": "https://wupperhof.example.org/garantie",
                "verified": False,
            },
        ],
        "urls": {
            "passport": f"{SITE}/p/{PASSPORT_CODE}",
            "digital_link": f"{SITE}/01/{GTIN}",
            "qr": f"{SITE}/01/{GTIN}",
        },
    }
    return _apply(snapshot, overrides)


def numbered_snapshots(count: int) -> list[dict]:
    """``count`` distinct complete snapshots (distinct names, GTINs and QR URLs) for batches."""
    from products.identifiers import gs1_check_digit

    snapshots = []
    for index in range(count):
        data = f"400638{index:06d}"
        gtin = "0" + data + str(gs1_check_digit(data))
        snapshot = complete_snapshot()
        snapshot["product"]["name"] = f"Kochmesser Nr. {index + 1}"
        snapshot["product"]["gtin"] = gtin
        snapshot["urls"] = {
            "passport": f"{SITE}/p/{PASSPORT_CODE}",
            "digital_link": f"{SITE}/01/{gtin}",
            "qr": f"{SITE}/01/{gtin}",
        }
        snapshots.append(snapshot)
    return snapshots


def _apply(snapshot: dict, overrides: dict) -> dict:
    snapshot = copy.deepcopy(snapshot)
    snapshot.update(overrides)
    return snapshot
