"""The demo catalogue as plain data: fictional Solingen-area makers, categories, products, a retailer and logins."""

from products.identifiers import gs1_check_digit

# One password for every demo login; it passes Django's password validators.
DEMO_PASSWORD = "glaeserne-werkstatt-2026"
# The demo staff login's authenticator app (staff need one for /admin/ and /review/): a published secret, as
# public as the password. Add it to any authenticator app, or print the current code with
# `oathtool --totp -b <secret>`.
DEMO_STAFF_TOTP_SECRET = "GWSOLINGENDEMOSTAFFZWEITAUSENDSX"


def gtin13(company_prefix: str, item: int) -> str:
    """A valid EAN-13 from a 7-digit German company prefix (400–440) and an item reference."""
    body = f"{company_prefix}{item:05d}"
    return body + str(gs1_check_digit(body))


def gln13(company_prefix: str, location: int) -> str:
    """A valid GS1 Global Location Number from a 7-digit German company prefix and a location reference.

    The demo keeps location references 90000 and up for GLNs, so that no GLN has the digits of a demo GTIN.
    """
    body = f"{company_prefix}{location:05d}"
    return body + str(gs1_check_digit(body))


def place(city: str, postcode: str, country: str) -> dict:
    return {"city": city, "postcode": postcode, "country": country}


def step(step_type: str, description: str, where: dict, supplier: str = "", confidential: bool = False) -> dict:
    """A supply-chain step done by the maker itself, or by ``supplier`` when one is named."""
    return {
        "step_type": step_type,
        "description": description,
        "performed_by": "supplier" if supplier else "maker",
        "supplier_name": supplier,
        "supplier_confidential": confidential,
        **where,
    }


def material(name, part, share=None, recycled=None, *, renewable=None, recyclable=None, substances="") -> dict:
    return {
        "name": name,
        "part": part,
        "share_percent": share,
        "recycled_content_percent": recycled,
        "renewable": renewable,
        "recyclable": recyclable,
        "substances_of_concern": substances,
    }


def component(name: str, replaceable=None, spare_part_available=None) -> dict:
    return {"name": name, "replaceable": replaceable, "spare_part_available": spare_part_available}


def spare_part(name: str, years=None, days=None, price_percent=None) -> dict:
    return {"name": name, "years_available": years, "delivery_days": days, "price_percent_of_product": price_percent}


def service(service_type: str, price=None, description: str = "", provider: str = "", **contact) -> dict:
    """A repair service; ``contact`` takes ``phone``, ``email`` and ``website`` (demo numbers: 0221 4710 …)."""
    return {
        "service_type": service_type,
        "price_eur": price,
        "description": description,
        "provider": provider,
        **contact,
    }


def durability_test(prop: str, method: str, result: str, evidence: str | None = None) -> dict:
    """A durability test; ``evidence`` is the title of one of the product's evidence documents."""
    return {"property": prop, "method": method, "result": result, "evidence": evidence}


def evidence(title: str, claim: str, url: str, verified: bool = False) -> dict:
    return {"title": title, "claim": claim, "url": url, "verified": verified}


# --- Places -------------------------------------------------------------------------------------------------------

SOLINGEN_MERSCHEID = place("Solingen", "42699", "DE")
SOLINGEN_WALD = place("Solingen", "42719", "DE")
SOLINGEN_OHLIGS = place("Solingen", "42697", "DE")
SOLINGEN_GRAEFRATH = place("Solingen", "42653", "DE")
SOLINGEN_WIDDERT = place("Solingen", "42659", "DE")
HAAN = place("Haan", "42781", "DE")
HAAN_GRUITEN = place("Haan", "42781", "DE")
WUPPERTAL_ELBERFELD = place("Wuppertal", "42103", "DE")
WUPPERTAL_RONSDORF = place("Wuppertal", "42369", "DE")
REMSCHEID = place("Remscheid", "42853", "DE")
HAGEN = place("Hagen", "58089", "DE")
OFFENBACH = place("Offenbach am Main", "63065", "DE")
HAGFORS_SE = place("Hagfors", "683 30", "SE")
THIERS_FR = place("Thiers", "63300", "FR")
LUMEZZANE_IT = place("Lumezzane", "25065", "IT")
WROCLAW_PL = place("Wrocław", "50-502", "PL")
OPOLE_PL = place("Opole", "45-449", "PL")
SEKI_JP = place("Seki", "501-3265", "JP")
KANPUR_IN = place("Kanpur", "208001", "IN")
YANGJIANG_CN = place("Yangjiang", "529500", "CN")
CHINA = place("", "", "CN")
TAIWAN = place("", "", "TW")
CZECHIA = place("", "", "CZ")
GERMANY = place("", "", "DE")

# Fictional suppliers that several makers share, as in the real Bergisch cutlery trade.
BANDSTAHL = "Bandstahl Sauerland GmbH"
NORDLUND = "Nordlund Stål AB"
HAERTEREI_VOGELSANG = "Härterei Vogelsang"
HAERTETECHNIK_GRUITEN = "Härtetechnik Gruiten"
GESENKSCHMIEDE = "Gesenkschmiede Pfaffenberg"
DUROLLE = "Coutellerie Durolle & Fils"
STAHLKONTOR = "Stahlkontor Bergerhof GmbH"  # a steel stockist in Solingen

# --- Categories (parents before children) -------------------------------------------------------------------------

# Commodity codes of the Combined Nomenclature (chapter 82): 8211 91 00 table knives with fixed blades, 8211 92 00
# other knives with fixed blades, 8211 93 00 knives with other than fixed blades, 8212 10 90 razors other than
# safety razors with non-replaceable blades, 8213 00 00 scissors, 8201 50 00 one-handed shears (including poultry
# shears), 8215 20 10 sets of assorted articles of stainless steel (Chapter 82 note 3: knives with as many forks
# or spoons), 8215 99 10 other tableware of stainless steel, 8214 20 00 manicure and pedicure instruments.
CATEGORIES = [
    # slug, parent, German, English, reference lifetime and warranty (years), resharpenable; whether SolingenV covers
    # the category and its essential stages (None and [] inherit from the parent)
    {
        "slug": "knives",
        "commodity_code": "82119200",
        "parent": None,
        "name_de": "Messer",
        "name_en": "Knives",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": True,
        "solingen_covered": True,
        "essential_stages": ["forming", "hardening", "grinding", "finishing"],
    },
    {
        "slug": "chefs-knives",
        "commodity_code": "82119200",
        "parent": "knives",
        "name_de": "Kochmesser",
        "name_en": "Chef's knives",
        "reference_lifetime_years": 25,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "bread-knives",
        "commodity_code": "82119200",
        "parent": "knives",
        "name_de": "Brotmesser",
        "name_en": "Bread knives",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "paring-knives",
        "commodity_code": "82119200",
        "parent": "knives",
        "name_de": "Schäl- und Spickmesser",
        "name_en": "Paring knives",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "steak-knives",
        "commodity_code": "82119100",
        "parent": "knives",
        "name_de": "Steakmesser",
        "name_en": "Steak knives",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 3,
        "resharpenable": True,
    },
    {
        "slug": "pocket-knives",
        "commodity_code": "82119300",
        "parent": "knives",
        "name_de": "Taschenmesser",
        "name_en": "Pocket knives",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": True,
        "solingen_covered": None,
        "essential_stages": ["forming", "hardening", "grinding", "assembly", "finishing"],
    },
    {
        "slug": "straight-razors",
        "commodity_code": "82121090",
        "parent": "knives",
        "name_de": "Rasiermesser",
        "name_en": "Straight razors",
        "reference_lifetime_years": 50,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "scissors",
        "commodity_code": "82130000",
        "parent": None,
        "name_de": "Scheren",
        "name_en": "Scissors",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": True,
        "solingen_covered": True,
        "essential_stages": ["forming", "hardening", "grinding", "assembly", "finishing"],
    },
    {
        "slug": "household-scissors",
        "commodity_code": "82130000",
        "parent": "scissors",
        "name_de": "Haushaltsscheren",
        "name_en": "Household scissors",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "tailors-scissors",
        "commodity_code": "82130000",
        "parent": "scissors",
        "name_de": "Schneiderscheren",
        "name_en": "Tailor's shears",
        "reference_lifetime_years": 30,
        "reference_warranty_years": 10,
        "resharpenable": True,
    },
    {
        "slug": "poultry-shears",
        "commodity_code": "82015000",
        "parent": "scissors",
        "name_de": "Geflügelscheren",
        "name_en": "Poultry shears",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "hairdressing-scissors",
        "commodity_code": "82130000",
        "parent": "scissors",
        "name_de": "Friseurscheren",
        "name_en": "Hairdressing scissors",
        "reference_lifetime_years": 10,
        "reference_warranty_years": 2,
        "resharpenable": True,
    },
    {
        "slug": "garden-shears",
        "commodity_code": "82015000",
        "parent": "scissors",
        "name_de": "Gartenscheren",
        "name_en": "Garden shears",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 5,
        "resharpenable": True,
    },
    {
        "slug": "cutlery",
        "commodity_code": "82159910",
        "parent": None,
        "name_de": "Besteck",
        "name_en": "Cutlery",
        "reference_lifetime_years": 30,
        "reference_warranty_years": 10,
        "resharpenable": False,
        "solingen_covered": True,
        "essential_stages": ["forming", "grinding", "finishing"],
    },
    {
        "slug": "cutlery-sets",
        "commodity_code": "82152010",
        "parent": "cutlery",
        "name_de": "Besteck-Sets",
        "name_en": "Cutlery sets",
        "reference_lifetime_years": 30,
        "reference_warranty_years": 10,
        "resharpenable": False,
    },
    {
        "slug": "manicure",
        "commodity_code": "82142000",
        "parent": None,
        "name_de": "Maniküre",
        "name_en": "Manicure",
        "reference_lifetime_years": 10,
        "reference_warranty_years": 2,
        "resharpenable": False,
        "solingen_covered": True,
        "essential_stages": ["forming", "hardening", "grinding", "finishing"],
    },
    {
        "slug": "nail-clippers",
        "commodity_code": "82142000",
        "parent": "manicure",
        "name_de": "Nagelknipser",
        "name_en": "Nail clippers",
        "reference_lifetime_years": 10,
        "reference_warranty_years": 2,
        "resharpenable": False,
        "solingen_covered": None,
        "essential_stages": ["forming", "hardening", "grinding", "assembly", "finishing"],
    },
    {
        "slug": "nail-scissors",
        "commodity_code": "82130000",
        "parent": "manicure",
        "name_de": "Nagelscheren",
        "name_en": "Nail scissors",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 3,
        "resharpenable": True,
        "solingen_covered": None,
        "essential_stages": ["forming", "hardening", "grinding", "assembly", "finishing"],
    },
    {
        "slug": "tweezers",
        "commodity_code": "82142000",
        "parent": "manicure",
        "name_de": "Pinzetten",
        "name_en": "Tweezers",
        "reference_lifetime_years": 15,
        "reference_warranty_years": 2,
        "resharpenable": False,
    },
    {
        "slug": "sharpening",
        "parent": None,
        "name_de": "Schärfen und Pflege",
        "name_en": "Sharpening and care",
        "reference_lifetime_years": 20,
        "reference_warranty_years": 5,
        "resharpenable": False,
        "solingen_covered": False,
        "essential_stages": [],
    },
    {
        "slug": "honing-steels",
        "parent": "sharpening",
        "name_de": "Wetzstähle",
        "name_en": "Honing steels",
        "reference_lifetime_years": 25,
        "reference_warranty_years": 5,
        "resharpenable": False,
    },
]

# --- Makers (all fictional) ---------------------------------------------------------------------------------------

# The makers' GS1 company prefixes (fictional, in the German range 400-440): their products' GTINs and their
# GLNs (operator and facilities) are numbered from them. The EORI numbers are made up too: "DE" and 7 digits.
HOELTERHOFF_GTIN = "4262591"
STRUESSMANN_GTIN = "4262592"
HOHLSCHLIFF_GTIN = "4262593"
RUETTGERS_GTIN = "4262594"
WUPPERKLINGE_GTIN = "4262595"
SCHUERMANN_GTIN = "4262596"
KLINGENWERKE_GTIN = "4262597"

MAKERS = [
    {
        "slug": "hoelterhoff",
        "eori": "DE4817302",
        "gln": gln13(HOELTERHOFF_GTIN, 90000),
        "name": "Klingenmanufaktur Hölterhoff",
        "description": "Familienbetrieb in dritter Generation. Geschmiedete Küchenmesser vom Gesenk bis zum "
        "Feinabzug, gefertigt in der eigenen Werkstatt in Solingen-Merscheid.",
        "website": "https://hoelterhoff.example",
        "street": "Merscheider Straße 212",
        **SOLINGEN_MERSCHEID,
        "founded_year": 1921,
    },
    {
        "slug": "struessmann",
        "eori": "DE2290516",
        "gln": gln13(STRUESSMANN_GTIN, 90000),
        "name": "Gebr. Strüßmann Scherenfabrik",
        "description": "Scheren für Haushalt, Schneiderei, Salon und Garten. Geschmiedet und geschliffen in "
        "Solingen-Wald, gehärtet beim Nachbarn in Haan-Gruiten.",
        "website": "https://struessmann-scheren.example",
        "street": "Stübchentalstraße 31",
        **SOLINGEN_WALD,
        "founded_year": 1896,
    },
    {
        "slug": "hohlschliff-ohligs",
        "gln": gln13(HOHLSCHLIFF_GTIN, 90000),
        "name": "Hohlschliff Ohligs Rasiermesser e. K.",
        "description": "Kleine Rasiermesser-Schleiferei in Ohligs. Jedes Messer wird rasierfertig abgezogen; "
        "alte Messer arbeiten wir wieder auf.",
        "website": "https://hohlschliff-ohligs.example",
        "street": "Hackhauser Straße 41",
        **SOLINGEN_OHLIGS,
        "founded_year": 1987,
    },
    {
        "slug": "ruettgers-haan",
        "eori": "DE6604178",
        "gln": gln13(RUETTGERS_GTIN, 90000),
        "name": "Besteckfabrik Rüttgers & Söhne",
        "description": "Tafel- und Kinderbesteck aus Edelstahl, gestanzt, geschliffen und poliert in Haan.",
        "website": "https://ruettgers-besteck.example",
        "street": "Kaiserstraße 57",
        **HAAN,
        "founded_year": 1908,
    },
    {
        "slug": "wupperklinge",
        "eori": "DE3158840",
        "name": "Wupperklinge Taschenmesser GmbH",
        "description": "Junge Manufaktur in Wuppertal-Elberfeld für Taschen- und Pilzmesser. Klingenrohlinge "
        "und Griffschalen kaufen wir teils in Thiers und Seki zu; Schliff, Montage und Abzug machen wir selbst.",
        "website": "https://wupperklinge.example",
        "street": "Hofaue 54",
        **WUPPERTAL_ELBERFELD,
        "founded_year": 2009,
    },
    {
        "slug": "schuermann-remscheid",
        "eori": "DE5072913",
        "gln": gln13(SCHUERMANN_GTIN, 90000),
        "name": "Schürmann Maniküre KG",
        "description": "Maniküre-Instrumente aus Remscheid, die feinen Scheren aus unserem Werk in Solingen-Widdert.",
        "website": "https://schuermann-manikuere.example",
        "street": "Alleestraße 120",
        **REMSCHEID,
        "founded_year": 1934,
    },
    {
        "slug": "bergische-klingenwerke",
        "eori": "DE1943367",
        "gln": gln13(KLINGENWERKE_GTIN, 90000),
        "name": "Bergische Klingenwerke AG",
        "description": "Industrieller Hersteller von Küchenmessern und Gartenwerkzeug für Handel und Gastronomie.",
        "website": "https://bergische-klingenwerke.example",
        "street": "Schlagbaumer Straße 150",
        **SOLINGEN_GRAEFRATH,
        "founded_year": 1952,
    },
]

# The makers' own sites (products.Facility), each with a GLN. A demo step that the maker performs points at the
# maker's facility in the step's place (city, postcode and country), so every maker step has one.
FACILITIES = [
    {
        "maker": "hoelterhoff",
        "name": "Werkstatt Merscheid",
        "street": "Merscheider Straße 212",
        **SOLINGEN_MERSCHEID,
        "gln": gln13(HOELTERHOFF_GTIN, 90001),
    },
    {
        "maker": "struessmann",
        "name": "Scherenfabrik Wald",
        "street": "Stübchentalstraße 31",
        **SOLINGEN_WALD,
        "gln": gln13(STRUESSMANN_GTIN, 90001),
    },
    {
        "maker": "hohlschliff-ohligs",
        "name": "Schleiferei Ohligs",
        "street": "Hackhauser Straße 41",
        **SOLINGEN_OHLIGS,
        "gln": gln13(HOHLSCHLIFF_GTIN, 90001),
    },
    {
        "maker": "ruettgers-haan",
        "name": "Besteckfabrik Haan",
        "street": "Kaiserstraße 57",
        **HAAN,
        "gln": gln13(RUETTGERS_GTIN, 90001),
    },
    {
        "maker": "wupperklinge",
        "name": "Manufaktur Elberfeld",
        "street": "Hofaue 54",
        **WUPPERTAL_ELBERFELD,
        "gln": gln13(WUPPERKLINGE_GTIN, 90001),
    },
    {
        "maker": "schuermann-remscheid",
        "name": "Stammhaus Remscheid",
        "street": "Alleestraße 120",
        **REMSCHEID,
        "gln": gln13(SCHUERMANN_GTIN, 90001),
    },
    {
        "maker": "schuermann-remscheid",
        "name": "Scherenwerk Widdert",
        "street": "Widderter Straße 14",
        **SOLINGEN_WIDDERT,
        "gln": gln13(SCHUERMANN_GTIN, 90002),
    },
    {
        "maker": "bergische-klingenwerke",
        "name": "Werk Gräfrath",
        "street": "Schlagbaumer Straße 150",
        **SOLINGEN_GRAEFRATH,
        "gln": gln13(KLINGENWERKE_GTIN, 90001),
    },
]

# --- Products -----------------------------------------------------------------------------------------------------
# Data quality is deliberately uneven: about a third complete, a third partial, the rest nearly empty.
# "publish" tells the publishing step which demo products should have a public passport.

_KNIFE_CARE = (
    "Von Hand spülen und sofort abtrocknen, nicht in die Spülmaschine. Regelmäßig am Wetzstahl abziehen und nur "
    "auf Holz oder Kunststoff schneiden."
)
_SCISSOR_CARE = "Nach Gebrauch trocken abwischen. Das Schloss ab und zu mit einem Tropfen Öl versorgen."
_RAZOR_CARE = (
    "Nach jeder Rasur abspülen, trocknen und offen auslüften lassen. Vor jeder Rasur am Streichriemen abziehen; "
    "bei längerer Lagerung dünn einölen."
)
_METAL_DISPOSAL = "Klinge in Karton eingeschlagen zum Wertstoffhof (Metallschrott). Nicht in den Restmüll."

PRODUCTS = [
    # ---- Klingenmanufaktur Hölterhoff -------------------------------------------------------------------------
    {
        "maker": "hoelterhoff",
        "category": "chefs-knives",
        "name": "Kochmesser „Merscheider Klassik“ 20 cm",
        "description": "Geschmiedetes Kochmesser mit durchgehendem Erl und Griffschalen aus Pflaumenholz. "
        "Vom Gesenkschmieden bis zum Feinabzug geschieht jeder Schritt in unserer Werkstatt in Solingen-Merscheid.",
        "model_number": "KM-20",
        "gtin": gtin13(HOELTERHOFF_GTIN, 10),
        "price_eur": "139.00",
        "mass_g": 228,
        "publish": True,
        "variants": [{"code": "16", "name": "16 cm"}, {"code": "20", "name": "20 cm"}, {"code": "23", "name": "23 cm"}],
        "materials": [
            material(
                "Messerstahl X50CrMoV15 (1.4116)", "Klinge", 78, 70, renewable=False, recyclable=True, substances="none"
            ),
            material("Pflaumenholz, geölt", "Griffschalen", 18, 0, renewable=True, recyclable=False, substances="none"),
            material("Edelstahl 1.4301", "Nieten", 4, 70, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [
            component("Klinge mit Erl", False, False),
            component("Griffschalen", True, True),
            component("Nieten", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Warmgewalzter Bandstahl X50CrMoV15", HAGEN, BANDSTAHL),
            step("forging", "Gesenkschmieden der Klinge mit Kropf und Erl", SOLINGEN_MERSCHEID),
            step("hardening", "Vakuumhärten und Anlassen auf 57 HRC", SOLINGEN_GRAEFRATH, HAERTEREI_VOGELSANG),
            step("grinding", "Blaupließten und Ausschleifen der Klinge", SOLINGEN_MERSCHEID),
            step("handle_making", "Griffschalen aus Pflaumenholz zuschneiden und ölen", SOLINGEN_MERSCHEID),
            step("assembly", "Vernieten und Angleichen der Griffschalen", SOLINGEN_MERSCHEID),
            step("finishing", "Feinabzug von Hand", SOLINGEN_MERSCHEID),
            step("packaging", "Verpacken im Karton aus Recyclingpappe", SOLINGEN_MERSCHEID),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schneidhaltigkeit nach ISO 8442-5 (2025)",
                "durability",
                "https://hoelterhoff.example/nachweise/km-20-iso-8442-5.pdf",
                verified=True,
            ),
            evidence(
                "Werkszeugnis 3.1 nach EN 10204, Bandstahl 1.4116",
                "materials",
                "https://hoelterhoff.example/nachweise/km-20-werkszeugnis.pdf",
                verified=True,
            ),
            evidence("Garantiebedingungen", "warranty", "https://hoelterhoff.example/garantie"),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 30,
            "maintenance_instructions": _KNIFE_CARE,
            "resharpenable": True,
            "resharpening_cycles": 25,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "sharpness",
                "ISO 8442-5",
                "ICP 78 mm (gefordert: mindestens 50 mm)",
                "Prüfbericht Schneidhaltigkeit nach ISO 8442-5 (2025)",
            ),
            durability_test(
                "edge_retention",
                "ISO 8442-5",
                "CEP 480 mm (gefordert: mindestens 150 mm)",
                "Prüfbericht Schneidhaltigkeit nach ISO 8442-5 (2025)",
            ),
            durability_test("hardness", "DIN EN ISO 6508-1", "57 ± 1 HRC"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hoelterhoff.example/reparatur/griffwechsel",
            "disassembly_steps": 3,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen Pflaumenholz (Paar)", 20, 7, 15)],
        "repair_services": [
            service(
                "resharpening",
                "9.50",
                "Nachschliff in der Werkstatt, Rückversand inklusive",
                phone="+49 221 4710 110",
                email="service@hoelterhoff.example",
            ),
            service(
                "new_handle",
                "45.00",
                "Neue Griffschalen aus Pflaumenholz, neu vernietet",
                provider="Griffmacherei Bergisch Land",
                phone="+49 221 4710 111",
                website="https://griffmacherei.example.org",
            ),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme im Werksverkauf oder per Post; der Stahl wird eingeschmolzen.",
            "recyclable_share_percent": 82,
            "separability": "hard",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hoelterhoff",
        "category": "chefs-knives",
        "name": "Kochmesser „Schmiedeglut“ Damast 21 cm",
        "description": "Kochmesser aus 120-lagigem Damast, im Feuer verschweißt und von Hand ausgeschmiedet. "
        "Der Griff aus stabilisierter Birke wird in unserer Werkstatt angepasst.",
        "model_number": "KM-D21",
        "gtin": gtin13(HOELTERHOFF_GTIN, 11),
        "price_eur": "389.00",
        "mass_g": 245,
        "publish": True,
        "materials": [
            material(
                "Damaststahl aus 1.2442 und 1.2842, 120 Lagen",
                "Klinge",
                80,
                40,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Birke, stabilisiert", "Griff", 15, 0, renewable=True, recyclable=False, substances="none"),
            material("Neusilber", "Zwinge", 5, None, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [component("Klinge", False, False), component("Griff", True, False)],
        "supply_chain": [
            step("raw_material", "Werkzeugstähle 1.2442 und 1.2842 für das Damastpaket", HAGFORS_SE, NORDLUND),
            step("forging", "Feuerverschweißen des Damastpakets und Ausschmieden", SOLINGEN_MERSCHEID),
            step("hardening", "Härten im eigenen Ofen, dreimal angelassen", SOLINGEN_MERSCHEID),
            step("grinding", "Ausschleifen und Ätzen des Damastmusters", SOLINGEN_MERSCHEID),
            step("handle_making", "Griff aus stabilisierter Birke drehen", SOLINGEN_MERSCHEID),
            step("assembly", "Griff aufsetzen und verkleben", SOLINGEN_MERSCHEID),
            step("finishing", "Feinabzug auf Wassersteinen", SOLINGEN_MERSCHEID),
            step("packaging", "Holzkassette", SOLINGEN_MERSCHEID),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schneidhaltigkeit Damast KM-D21",
                "durability",
                "https://hoelterhoff.example/nachweise/km-d21-iso-8442-5.pdf",
                verified=True,
            ),
            evidence(
                "Materialzeugnis Nordlund Stål",
                "materials",
                "https://hoelterhoff.example/nachweise/km-d21-material.pdf",
            ),
        ],
        "durability": {
            "warranty_years": None,
            "lifetime_warranty": True,
            "expected_lifetime_years": 50,
            "maintenance_instructions": _KNIFE_CARE + " Damast nach dem Spülen dünn einölen.",
            "resharpenable": True,
            "resharpening_cycles": 40,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "edge_retention", "ISO 8442-5", "CEP 620 mm", "Prüfbericht Schneidhaltigkeit Damast KM-D21"
            ),
            durability_test("hardness", "DIN EN ISO 6508-1", "61 HRC", "Prüfbericht Schneidhaltigkeit Damast KM-D21"),
        ],
        "repairability": {
            "documentation": "professionals",
            "disassembly_steps": 4,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "repair_services": [
            service("resharpening", "0.00", "Kostenloser Nachschliff ein Messerleben lang", phone="+49 221 4710 120"),
            service("refurbishment", "60.00", "Klinge neu schleifen und polieren, Griff neu ölen"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme in der Werkstatt.",
            "recyclable_share_percent": 85,
            "separability": "hard",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hoelterhoff",
        "category": "bread-knives",
        "name": "Brotmesser „Bäckerstolz“ 23 cm",
        "description": "Brotmesser mit Wellenschliff, der auch knusprige Kruste sauber schneidet, ohne die Krume "
        "zu quetschen. Den Wellenschliff schleifen wir in der Werkstatt nach.",
        "model_number": "BM-23",
        "gtin": gtin13(HOELTERHOFF_GTIN, 12),
        "price_eur": "99.00",
        "mass_g": 190,
        "publish": True,
        "materials": [
            material(
                "Messerstahl X50CrMoV15 (1.4116)", "Klinge", 75, 70, renewable=False, recyclable=True, substances="none"
            ),
            material(
                "POM (Polyoxymethylen)", "Griffschalen", 21, 0, renewable=False, recyclable=True, substances="none"
            ),
            material("Edelstahl 1.4301", "Nieten", 4, 70, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [component("Klinge mit Erl", False, False), component("Griffschalen", True, True)],
        "supply_chain": [
            step("raw_material", "Bandstahl X50CrMoV15 ab Lager", SOLINGEN_OHLIGS, STAHLKONTOR),
            step("stamping", "Klingenrohling aus dem Band geschnitten", SOLINGEN_MERSCHEID),
            step("hardening", "Vakuumhärten und Anlassen", SOLINGEN_GRAEFRATH, HAERTEREI_VOGELSANG),
            step("grinding", "Ausschleifen und Wellenschliff", SOLINGEN_MERSCHEID),
            step("handle_making", "POM-Griffschalen fräsen", SOLINGEN_MERSCHEID),
            step("assembly", "Vernieten", SOLINGEN_MERSCHEID),
            step("finishing", "Entgraten und Abziehen", SOLINGEN_MERSCHEID),
            step("packaging", "Karton aus Recyclingpappe", SOLINGEN_MERSCHEID),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schnittleistung BM-23",
                "durability",
                "https://hoelterhoff.example/nachweise/bm-23-pruefbericht.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 25,
            "maintenance_instructions": _KNIFE_CARE,
            "resharpenable": True,
            "resharpening_cycles": 8,
            "refurbishable": False,
        },
        "durability_tests": [
            durability_test("sharpness", "ISO 8442-5", "ICP 95 mm", "Prüfbericht Schnittleistung BM-23"),
            durability_test("corrosion", "ISO 8442-1", "bestanden", "Prüfbericht Schnittleistung BM-23"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hoelterhoff.example/reparatur/wellenschliff",
            "disassembly_steps": 2,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen POM (Paar)", 15, 7, 12)],
        "repair_services": [service("resharpening", "12.00", "Nachschleifen des Wellenschliffs mit Profilscheibe")],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme im Werksverkauf.",
            "recyclable_share_percent": 96,
            "separability": "moderate",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hoelterhoff",
        "category": "paring-knives",
        "name": "Spickmesser 9 cm",
        "description": "Kleines Allzweckmesser zum Putzen, Schälen und Garnieren.",
        "model_number": "SM-09",
        "gtin": gtin13(HOELTERHOFF_GTIN, 13),
        "price_eur": "49.00",
        "publish": True,
        "materials": [
            material("Messerstahl X50CrMoV15 (1.4116)", "Klinge"),
            material("POM (Polyoxymethylen)", "Griff"),
        ],
        "supply_chain": [
            step("stamping", "Klingenrohling geschnitten", SOLINGEN_MERSCHEID),
            step("hardening", "Vakuumhärten und Anlassen", SOLINGEN_GRAEFRATH, HAERTEREI_VOGELSANG),
            step("grinding", "Ausschleifen", SOLINGEN_MERSCHEID),
            step("assembly", "Vernieten", SOLINGEN_MERSCHEID),
            step("finishing", "Abziehen von Hand", SOLINGEN_MERSCHEID),
        ],
        "durability": {"warranty_years": 5, "expected_lifetime_years": 20, "resharpenable": True},
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hoelterhoff.example/reparatur/pflege",
            "disassembly_steps": 2,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "repair_services": [service("resharpening", "7.50")],
        "end_of_life": {"take_back_offered": True, "recyclable_share_percent": 85, "separability": "hard"},
    },
    {
        "maker": "hoelterhoff",
        "category": "chefs-knives",
        "name": "Santoku „Wupperwelle“ 18 cm",
        "description": "Santoku mit Kullenschliff, damit dünne Gemüsescheiben nicht an der Klinge haften. "
        "Griffschalen aus Walnussholz aus dem Bergischen Land.",
        "model_number": "ST-18",
        "gtin": gtin13(HOELTERHOFF_GTIN, 14),
        "price_eur": "159.00",
        "mass_g": 205,
        "publish": True,
        "materials": [
            material(
                "Messerstahl X50CrMoV15 (1.4116)", "Klinge", 77, 70, renewable=False, recyclable=True, substances="none"
            ),
            material("Walnussholz, geölt", "Griffschalen", 19, 0, renewable=True, recyclable=False, substances="none"),
            material("Edelstahl 1.4301", "Nieten", 4, 70, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [
            component("Klinge mit Erl", False, False),
            component("Griffschalen", True, True),
            component("Nieten", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Warmgewalzter Bandstahl X50CrMoV15", HAGEN, BANDSTAHL),
            step(
                "raw_material",
                "Walnussholz aus bergischen Streuobstwiesen",
                WUPPERTAL_RONSDORF,
                "Sägewerk Ronsdorfer Talsperre",
            ),
            step("forging", "Gesenkschmieden der Klinge", SOLINGEN_MERSCHEID),
            step("hardening", "Vakuumhärten und Anlassen", SOLINGEN_GRAEFRATH, HAERTEREI_VOGELSANG),
            step("grinding", "Ausschleifen und Kullen schleifen", SOLINGEN_MERSCHEID),
            step("handle_making", "Griffschalen zuschneiden und ölen", SOLINGEN_MERSCHEID),
            step("assembly", "Vernieten", SOLINGEN_MERSCHEID),
            step("finishing", "Feinabzug von Hand", SOLINGEN_MERSCHEID),
            step("packaging", "Karton aus Recyclingpappe", SOLINGEN_MERSCHEID),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schneidhaltigkeit ST-18 nach ISO 8442-5",
                "durability",
                "https://hoelterhoff.example/nachweise/st-18-iso-8442-5.pdf",
                verified=True,
            ),
            evidence(
                "Herkunftsnachweis Walnussholz",
                "supply_chain",
                "https://hoelterhoff.example/nachweise/walnuss-herkunft.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 30,
            "maintenance_instructions": _KNIFE_CARE,
            "resharpenable": True,
            "resharpening_cycles": 25,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "sharpness", "ISO 8442-5", "ICP 81 mm", "Prüfbericht Schneidhaltigkeit ST-18 nach ISO 8442-5"
            ),
            durability_test(
                "edge_retention", "ISO 8442-5", "CEP 455 mm", "Prüfbericht Schneidhaltigkeit ST-18 nach ISO 8442-5"
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hoelterhoff.example/reparatur/griffwechsel",
            "disassembly_steps": 3,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen Walnuss (Paar)", 20, 7, 15)],
        "repair_services": [
            service("resharpening", "9.50", "Nachschliff in der Werkstatt, Rückversand inklusive"),
            service("new_handle", "45.00", "Neue Griffschalen aus Walnuss, neu vernietet"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme im Werksverkauf oder per Post.",
            "recyclable_share_percent": 81,
            "separability": "hard",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hoelterhoff",
        "category": "honing-steels",
        "name": "Wetzstahl „Abziehmeister“ 26 cm",
        "description": "Fein gezogener Wetzstahl zum täglichen Abziehen der Schneide. Verlängert die Zeit "
        "zwischen zwei Nachschliffen.",
        "model_number": "WS-26",
        "gtin": None,
        "price_eur": "59.00",
        "mass_g": 280,
        "publish": True,
        "materials": [
            material("Chrom-Vanadium-Stahl, hartverchromt", "Stab", 85),
            material("POM (Polyoxymethylen)", "Griff", 15),
        ],
        "supply_chain": [
            step("raw_material", "Gezogener Rundstahl", GERMANY, "Zieherei (vertraulich)", confidential=True),
            step("assembly", "Griff montieren und Stab verstiften", SOLINGEN_MERSCHEID),
        ],
        "durability": {"warranty_years": 5, "expected_lifetime_years": 30, "resharpenable": False},
    },
    {
        "maker": "hoelterhoff",
        "category": "knives",
        "name": "Ausbeinmesser 13 cm",
        "publish": False,
    },
    # ---- Gebr. Strüßmann Scherenfabrik ------------------------------------------------------------------------
    {
        "maker": "struessmann",
        "category": "household-scissors",
        "name": "Haushaltsschere „Allzweck 21“",
        "description": "Vollstahl-Haushaltsschere, im Gesenk geschmiedet, mit nachstellbarer Schraube. Schneidet "
        "Papier, Pappe, Folie und Küchengarn.",
        "model_number": "HS-21",
        "gtin": gtin13(STRUESSMANN_GTIN, 21),
        "price_eur": "39.90",
        "mass_g": 110,
        "publish": True,
        "materials": [
            material(
                "Edelstahl X46Cr13 (1.4034)",
                "Scherenhälften",
                96,
                65,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Edelstahl A2", "Schraube und Mutter", 4, 60, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [component("Scherenhälften", False, False), component("Schraube mit Mutter", True, True)],
        "supply_chain": [
            step("raw_material", "Warmgewalzter Bandstahl 1.4034", HAGEN, BANDSTAHL),
            step("forging", "Gesenkschmieden der Scherenhälften", SOLINGEN_WALD),
            step("hardening", "Härten und Anlassen", HAAN_GRUITEN, HAERTETECHNIK_GRUITEN),
            step("grinding", "Flächen und Schneiden schleifen", SOLINGEN_WALD),
            step("assembly", "Verschrauben und Einstellen des Gangs", SOLINGEN_WALD),
            step("finishing", "Schärfen und Abziehen", SOLINGEN_WALD),
            step("packaging", "Faltschachtel", SOLINGEN_OHLIGS, "Kartonagenwerk Ohligs"),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schnittprüfung HS-21",
                "durability",
                "https://struessmann-scheren.example/nachweise/hs-21.pdf",
                verified=True,
            ),
            evidence(
                "Explosionszeichnung und Einstellanleitung",
                "repair",
                "https://struessmann-scheren.example/service/hs-21-einstellen.pdf",
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 25,
            "maintenance_instructions": _SCISSOR_CARE,
            "resharpenable": True,
            "resharpening_cycles": 15,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "mechanical",
                "Schnittprüfung mit Prüfpapier (Hausverfahren)",
                "2 000 Schnitte ohne Nachschärfen",
                "Prüfbericht Schnittprüfung HS-21",
            ),
            durability_test(
                "corrosion", "ISO 9227, Salzsprühnebel 24 h", "ohne Befund", "Prüfbericht Schnittprüfung HS-21"
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://struessmann-scheren.example/service/hs-21-einstellen.pdf",
            "disassembly_steps": 1,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [spare_part("Schraube mit Mutter", 15, 3, 8)],
        "repair_services": [service("resharpening", "8.00", "Schärfen und Gang nachstellen")],
        "end_of_life": {
            "take_back_offered": False,
            "recyclable_share_percent": 100,
            "separability": "easy",
            "disposal_instructions": "Ganz aus Stahl: zum Metallschrott auf den Wertstoffhof.",
        },
    },
    {
        "maker": "struessmann",
        "category": "tailors-scissors",
        "name": "Schneiderschere „Zuschneidemeisterin“ 25 cm",
        "description": "Geschmiedete Schneiderschere mit langem, präzisem Schnitt bis in die Spitze. Für Stoffe, "
        "Leder und Zuschnitt; vollständig in Solingen-Wald gefertigt, gehärtet in Haan.",
        "model_number": "SS-25",
        "gtin": gtin13(STRUESSMANN_GTIN, 25),
        "price_eur": "89.00",
        "mass_g": 310,
        "publish": True,
        "variants": [{"code": "23", "name": "23 cm"}, {"code": "25", "name": "25 cm"}],
        "materials": [
            material(
                "Kohlenstoffstahl C75, vernickelt",
                "Scherenhälften",
                95,
                55,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Stahl, verzinkt", "Schraube", 5, 50, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [component("Scherenhälften", False, False), component("Gewerbeschraube", True, True)],
        "supply_chain": [
            step("raw_material", "Kohlenstoffstahl C75", HAGEN, BANDSTAHL),
            step("forging", "Gesenkschmieden", SOLINGEN_WALD),
            step("hardening", "Härten und Anlassen", HAAN_GRUITEN, HAERTETECHNIK_GRUITEN),
            step("grinding", "Schleifen der Schneiden und Hohlschliff der Innenflächen", SOLINGEN_WALD),
            step("assembly", "Vernickeln, Verschrauben, Richten", SOLINGEN_WALD),
            step("finishing", "Schärfen und Probeschnitt im Stoff", SOLINGEN_WALD),
            step("packaging", "Faltschachtel", SOLINGEN_WALD),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Dauerschnitt Baumwollköper",
                "durability",
                "https://struessmann-scheren.example/nachweise/ss-25.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 40,
            "maintenance_instructions": _SCISSOR_CARE + " Nur für Stoff verwenden, nicht für Papier.",
            "resharpenable": True,
            "resharpening_cycles": 20,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "mechanical",
                "Dauerschnitt in Baumwollköper (Hausverfahren)",
                "10 000 Schnitte, Schnitt bis zur Spitze sauber",
                "Prüfbericht Dauerschnitt Baumwollköper",
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://struessmann-scheren.example/service/schneiderschere",
            "disassembly_steps": 1,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [spare_part("Gewerbeschraube", 20, 3, 5)],
        "repair_services": [
            service("resharpening", "12.00", "Schärfen und Gang einstellen"),
            service("refurbishment", "29.00", "Richten, schleifen und neu vernickeln"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Alte Scheren jeder Marke nehmen wir im Werksverkauf zurück.",
            "recyclable_share_percent": 100,
            "separability": "easy",
            "disposal_instructions": "Ganz aus Stahl: zum Metallschrott auf den Wertstoffhof.",
        },
    },
    {
        "maker": "struessmann",
        "category": "poultry-shears",
        "name": "Geflügelschere „Hahnenkamm“",
        "description": "Geflügelschere mit Feder und Verschluss; zum Reinigen lässt sie sich ohne Werkzeug zerlegen.",
        "model_number": "GS-24",
        "gtin": gtin13(STRUESSMANN_GTIN, 24),
        "price_eur": "49.50",
        "publish": True,
        "materials": [
            material("Edelstahl X46Cr13 (1.4034)", "Scherenhälften", 96, 65, recyclable=True, substances="none"),
            material("Federstahl 1.4310", "Feder", 4, recyclable=True, substances="none"),
        ],
        "components": [
            component("Scherenhälften", False, False),
            component("Feder", True, True),
            component("Verschlusshaken", True),
        ],
        "supply_chain": [
            step("stamping", "Scherenhälften gestanzt", SOLINGEN_WALD),
            step("hardening", "Härten", HAAN_GRUITEN, HAERTETECHNIK_GRUITEN),
            step("grinding", "Schleifen der Schneide mit Mikroverzahnung", SOLINGEN_WALD),
            step("other", "Federn gewickelt", OPOLE_PL, "Sprężyny Opolskie Sp. z o.o."),
            step("assembly", "Vernieten, Feder und Verschluss einsetzen", SOLINGEN_WALD),
            step("finishing", "Gängigkeit einstellen und abziehen", SOLINGEN_WALD),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 15,
            "maintenance_instructions": "Zum Reinigen den Verschluss öffnen und die Hälften trennen; "
            "spülmaschinengeeignet.",
            "resharpenable": True,
        },
        "repairability": {"documentation": "none", "disassembly_steps": 1, "fasteners": "removable", "tools": "none"},
        "spare_parts": [spare_part("Feder", 10)],
        "end_of_life": {
            "take_back_offered": False,
            "recyclable_share_percent": 100,
            "separability": "easy",
            "disposal_instructions": "Ganz aus Stahl: zum Metallschrott auf den Wertstoffhof.",
        },
    },
    {
        "maker": "struessmann",
        "category": "garden-shears",
        "name": "Rosenschere „Gärtnerglück“",
        "description": "Bypass-Rosenschere für Äste bis 20 mm. Klinge, Gegenklinge, Feder und Zentralschraube "
        "gibt es einzeln als Ersatzteil.",
        "model_number": "RS-20",
        "gtin": gtin13(STRUESSMANN_GTIN, 20),
        "price_eur": "54.90",
        "mass_g": 240,
        "publish": True,
        "materials": [
            material(
                "Kohlenstoffstahl C60, gehärtet",
                "Klinge und Gegenklinge",
                35,
                50,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Aluminium-Druckguss", "Griffe", 50, 75, renewable=False, recyclable=True, substances="none"),
            material("Federstahl", "Feder", 5, 40, renewable=False, recyclable=True, substances="none"),
            material(
                "TPE (thermoplastisches Elastomer)",
                "Griffauflagen",
                10,
                0,
                renewable=False,
                recyclable=False,
                substances="none",
            ),
        ],
        "components": [
            component("Klinge", True, True),
            component("Gegenklinge", True, True),
            component("Feder", True, True),
            component("Zentralschraube", True, True),
            component("Griffe", False, False),
        ],
        "supply_chain": [
            step("raw_material", "Kohlenstoffstahl C60", HAGFORS_SE, NORDLUND),
            step("stamping", "Klinge und Gegenklinge feingeschnitten", SOLINGEN_WALD),
            step("hardening", "Induktionshärten der Schneide", HAAN_GRUITEN, HAERTETECHNIK_GRUITEN),
            step("grinding", "Hohlschliff der Klinge", SOLINGEN_WALD),
            step("handle_making", "Griffe aus Aluminium-Druckguss", LUMEZZANE_IT, "Fonderia Valgobbia S.r.l."),
            step("assembly", "Montage und Einstellen", SOLINGEN_WALD),
            step("packaging", "Blisterfreie Kartonverpackung", SOLINGEN_WALD),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Dauerschnitt Haselzweige",
                "durability",
                "https://struessmann-scheren.example/nachweise/rs-20.pdf",
                verified=True,
            ),
            evidence(
                "Ersatzteilliste Rosenschere",
                "repair",
                "https://struessmann-scheren.example/service/rs-20-ersatzteile.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 20,
            "maintenance_instructions": "Nach der Arbeit Pflanzensaft abwischen, Schneide und Feder "
            "leicht ölen. Im Winter trocken lagern.",
            "resharpenable": True,
            "resharpening_cycles": 10,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "mechanical",
                "Dauerschnitt an Haselzweigen 10 mm (Hausverfahren)",
                "30 000 Schnitte, kein Spiel im Gelenk",
                "Prüfbericht Dauerschnitt Haselzweige",
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://struessmann-scheren.example/service/rs-20-ersatzteile.pdf",
            "disassembly_steps": 1,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [
            spare_part("Klinge", 10, 3, 30),
            spare_part("Gegenklinge", 10, 3, 25),
            spare_part("Feder", 10, 3, 6),
            spare_part("Zentralschraube mit Mutter", 10, 3, 5),
        ],
        "repair_services": [service("resharpening", "7.50", "Schärfen und Gelenk einstellen")],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme im Werksverkauf.",
            "recyclable_share_percent": 90,
            "separability": "easy",
            "disposal_instructions": "Griffauflagen abziehen (Restmüll), Metallteile zum Wertstoffhof.",
        },
    },
    {
        "maker": "struessmann",
        "category": "garden-shears",
        "name": "Heckenschere „Buchsbaum“",
        "description": "Handheckenschere mit Wellenschliff an einer Klinge, für Buchsbaum und Formschnitt.",
        "gtin": None,
        "price_eur": "69.00",
        "publish": True,
        "materials": [
            material("Kohlenstoffstahl C60", "Klingen"),
            material("Eschenholz", "Griffe", renewable=True),
        ],
        "supply_chain": [
            step("stamping", "Klingen gestanzt", SOLINGEN_WALD),
            step(
                "handle_making", "Eschenholzgriffe gedrechselt", CZECHIA, "Drechslerei (vertraulich)", confidential=True
            ),
        ],
        "durability": {"warranty_years": 3, "expected_lifetime_years": 15},
        "repairability": {"documentation": "none", "fasteners": "reusable", "tools": "basic"},
        "repair_services": [service("resharpening", "9.00")],
    },
    {
        "maker": "struessmann",
        "category": "household-scissors",
        "name": "Kinderschere „Kleiner Schnipp“",
        "description": "Bastelschere mit abgerundeten Spitzen.",
        "gtin": None,
        "price_eur": "8.90",
        "publish": True,
        "materials": [material("Edelstahl", "Klingen"), material("Polypropylen", "Griffe")],
        "supply_chain": [step("assembly", "Fertigung", CHINA, "Lohnfertiger (vertraulich)", confidential=True)],
    },
    {
        "maker": "struessmann",
        "category": "hairdressing-scissors",
        "name": "Friseurschere „Salon 6,0“",
        "description": "Friseurschere mit Mikroverzahnung auf einer Seite, Fingerhaken und Kugellager-Schraube, "
        "6 Zoll.",
        "model_number": "FS-60",
        "gtin": gtin13(STRUESSMANN_GTIN, 60),
        "price_eur": "129.00",
        "publish": True,
        "materials": [
            material("Edelstahl X46Cr13 (1.4034)", "Scherenhälften", 95, 65, recyclable=True, substances="none"),
            material("Edelstahl mit Kugellager", "Schraube", 5, recyclable=True),
        ],
        "supply_chain": [
            step("forging", "Gesenkschmieden", SOLINGEN_WALD),
            step("hardening", "Härten", HAAN_GRUITEN, HAERTETECHNIK_GRUITEN),
            step("grinding", "Konvexschliff und Mikroverzahnung", SOLINGEN_WALD),
            step("assembly", "Montage mit Kugellager-Schraube", SOLINGEN_WALD),
            step("finishing", "Abziehen und Probeschnitt", SOLINGEN_WALD),
        ],
        "durability": {"warranty_years": 2, "resharpenable": True, "resharpening_cycles": 10},
        "repairability": {
            "documentation": "professionals",
            "disassembly_steps": 1,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "repair_services": [service("resharpening", "25.00", "Friseurscheren-Schliff mit Gangeinstellung")],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Alte Salonscheren nehmen wir beim Schleifservice zurück.",
            "recyclable_share_percent": 100,
            "separability": "easy",
        },
    },
    # ---- Hohlschliff Ohligs -----------------------------------------------------------------------------------
    {
        "maker": "hohlschliff-ohligs",
        "category": "straight-razors",
        "name": "Rasiermesser „Klingenkönig“ 6/8",
        "description": "Vollhohlgeschliffenes Rasiermesser mit 6/8-Zoll-Klinge und Griffschalen aus Olivenholz. "
        "Der Hohlschliff wird an der Rundschleifmaschine begonnen und von Hand vollendet.",
        "model_number": "KK-68",
        "gtin": gtin13(HOHLSCHLIFF_GTIN, 68),
        "price_eur": "219.00",
        "mass_g": 55,
        "publish": True,
        "materials": [
            material(
                "Werkzeugstahl 1.2210 (115CrV3)", "Klinge", 70, 45, renewable=False, recyclable=True, substances="none"
            ),
            material("Olivenholz", "Griffschalen", 25, 0, renewable=True, recyclable=False, substances="none"),
            material(
                "Messing CuZn37", "Achsstift und Scheiben", 5, 60, renewable=False, recyclable=True, substances="none"
            ),
        ],
        "components": [
            component("Klinge", False, False),
            component("Griffschalen", True, True),
            component("Achsstift", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Werkzeugstahl 1.2210", HAGEN, BANDSTAHL),
            step("forging", "Rohling im Gesenk geschmiedet", SOLINGEN_WIDDERT, GESENKSCHMIEDE),
            step("hardening", "Härten und Anlassen auf 61 HRC", SOLINGEN_OHLIGS),
            step("grinding", "Vollhohlschliff", SOLINGEN_OHLIGS),
            step("handle_making", "Griffschalen aus Olivenholz", SOLINGEN_OHLIGS),
            step("assembly", "Einstiften der Griffschalen", SOLINGEN_OHLIGS),
            step("finishing", "Rasierfertig abgezogen", SOLINGEN_OHLIGS),
            step("packaging", "Etui aus Karton", SOLINGEN_OHLIGS),
        ],
        "evidence": [
            evidence(
                "Härteprüfprotokoll Charge 2025-07",
                "durability",
                "https://hohlschliff-ohligs.example/nachweise/haerte-2025-07.pdf",
                verified=True,
            ),
            evidence(
                "Anleitung: Griffschalen tauschen",
                "repair",
                "https://hohlschliff-ohligs.example/anleitungen/griffschalen",
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 60,
            "maintenance_instructions": _RAZOR_CARE,
            "resharpenable": True,
            "resharpening_cycles": 50,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test("hardness", "DIN EN ISO 6508-1", "61–62 HRC", "Härteprüfprotokoll Charge 2025-07"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hohlschliff-ohligs.example/anleitungen/griffschalen",
            "disassembly_steps": 2,
            "fasteners": "removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen Olivenholz (Paar)", 15, 10, 25)],
        "repair_services": [
            service("resharpening", "25.00", "Aufziehen auf dem Stein"),
            service("new_handle", "49.00", "Neue Griffschalen nach Wahl"),
            service("refurbishment", "59.00", "Rost entfernen, neu schleifen und polieren"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Alte Rasiermesser arbeiten wir auf oder nehmen sie zurück.",
            "recyclable_share_percent": 75,
            "separability": "moderate",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hohlschliff-ohligs",
        "category": "straight-razors",
        "name": "Rasiermesser „Klingenkönig“ 5/8 Büffelhorn",
        "description": "Die schlanke 5/8-Variante des Klingenkönigs mit Griffschalen aus Büffelhorn. Die "
        "Hornschalen formt ein Partnerbetrieb in Indien vor; wir passen sie an und stiften sie ein.",
        "model_number": "KK-58-H",
        "gtin": gtin13(HOHLSCHLIFF_GTIN, 58),
        "price_eur": "239.00",
        "mass_g": 50,
        "publish": True,
        "materials": [
            material(
                "Werkzeugstahl 1.2210 (115CrV3)", "Klinge", 75, 45, renewable=False, recyclable=True, substances="none"
            ),
            material("Wasserbüffelhorn", "Griffschalen", 20, 0, renewable=True, recyclable=False, substances="none"),
            material(
                "Messing CuZn37", "Achsstift und Scheiben", 5, 60, renewable=False, recyclable=True, substances="none"
            ),
        ],
        "components": [
            component("Klinge", False, False),
            component("Griffschalen", True, True),
            component("Achsstift", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Werkzeugstahl 1.2210", HAGEN, BANDSTAHL),
            step("forging", "Rohling im Gesenk geschmiedet", SOLINGEN_WIDDERT, GESENKSCHMIEDE),
            step("hardening", "Härten und Anlassen", SOLINGEN_OHLIGS),
            step("grinding", "Vollhohlschliff", SOLINGEN_OHLIGS),
            step("handle_making", "Hornschalen vorgeformt", KANPUR_IN, "Ganga Horn Works"),
            step("assembly", "Anpassen und Einstiften", SOLINGEN_OHLIGS),
            step("finishing", "Rasierfertig abgezogen", SOLINGEN_OHLIGS),
            step("packaging", "Etui aus Karton", SOLINGEN_OHLIGS),
        ],
        "evidence": [
            evidence(
                "Härteprüfprotokoll Charge 2025-07",
                "durability",
                "https://hohlschliff-ohligs.example/nachweise/haerte-2025-07.pdf",
                verified=True,
            ),
            evidence(
                "Herkunftserklärung Büffelhorn (Nebenprodukt)",
                "materials",
                "https://hohlschliff-ohligs.example/nachweise/horn-herkunft.pdf",
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 60,
            "maintenance_instructions": _RAZOR_CARE + " Horn gelegentlich mit Wachs pflegen.",
            "resharpenable": True,
            "resharpening_cycles": 50,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test("hardness", "DIN EN ISO 6508-1", "61–62 HRC", "Härteprüfprotokoll Charge 2025-07"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://hohlschliff-ohligs.example/anleitungen/griffschalen",
            "disassembly_steps": 2,
            "fasteners": "removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen Büffelhorn (Paar)", 10, 21, 30)],
        "repair_services": [
            service("resharpening", "25.00", "Aufziehen auf dem Stein"),
            service("refurbishment", "59.00", "Rost entfernen, neu schleifen und polieren"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "recyclable_share_percent": 80,
            "separability": "moderate",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hohlschliff-ohligs",
        "category": "straight-razors",
        "name": "Rasiermesser „Ohligser Eisvogel“ 7/8",
        "description": "Breites 7/8-Rasiermesser mit französischer Spitze und Griffschalen aus eisvogelblauem "
        "Acryl. Nur im Werksverkauf erhältlich.",
        "gtin": None,
        "price_eur": "269.00",
        "publish": True,
        "materials": [
            material("Werkzeugstahl 1.2210 (115CrV3)", "Klinge"),
            material("Acryl (PMMA)", "Griffschalen"),
        ],
        "supply_chain": [
            step("grinding", "Vollhohlschliff", SOLINGEN_OHLIGS),
            step("finishing", "Rasierfertig abgezogen", SOLINGEN_OHLIGS),
        ],
        "durability": {"warranty_years": 5, "expected_lifetime_years": 60, "resharpenable": True},
        "repairability": {
            "documentation": "professionals",
            "disassembly_steps": 2,
            "fasteners": "removable",
            "tools": "product_specific",
        },
        "repair_services": [service("resharpening", "25.00", "Aufziehen auf dem Stein")],
        "end_of_life": {"take_back_offered": True, "separability": "moderate"},
    },
    {
        "maker": "hohlschliff-ohligs",
        "category": "straight-razors",
        "name": "Rasiermesser „Gesellenstück“ 4/8",
        "description": "Einsteiger-Rasiermesser mit 4/8-Klinge und Schalen aus Celluloseacetat, rasierfertig "
        "abgezogen. Gedacht für die ersten Rasuren mit dem Messer.",
        "model_number": "GS-48",
        "gtin": gtin13(HOHLSCHLIFF_GTIN, 48),
        "price_eur": "119.00",
        "mass_g": 45,
        "publish": True,
        "materials": [
            material(
                "Werkzeugstahl 1.2210 (115CrV3)", "Klinge", 80, 45, renewable=False, recyclable=True, substances="none"
            ),
            material("Celluloseacetat", "Griffschalen", 15, 0, renewable=True, recyclable=False, substances="none"),
            material(
                "Messing CuZn37", "Achsstift und Scheiben", 5, 60, renewable=False, recyclable=True, substances="none"
            ),
        ],
        "components": [
            component("Klinge", False, False),
            component("Griffschalen", True, True),
            component("Achsstift", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Werkzeugstahl 1.2210", HAGEN, BANDSTAHL),
            step("forging", "Rohling im Gesenk geschmiedet", SOLINGEN_WIDDERT, GESENKSCHMIEDE),
            step("hardening", "Härten und Anlassen", SOLINGEN_OHLIGS),
            step("grinding", "Halbhohlschliff", SOLINGEN_OHLIGS),
            step("handle_making", "Schalen aus Celluloseacetat fräsen", SOLINGEN_OHLIGS),
            step("assembly", "Einstiften", SOLINGEN_OHLIGS),
            step("finishing", "Rasierfertig abgezogen", SOLINGEN_OHLIGS),
            step("packaging", "Etui aus Karton", SOLINGEN_OHLIGS),
        ],
        "evidence": [
            evidence(
                "Härteprüfung Gesellenstück (Eigenmessung)",
                "durability",
                "https://hohlschliff-ohligs.example/nachweise/gs-48-haerte.pdf",
            ),
        ],
        "durability": {
            "warranty_years": 3,
            "expected_lifetime_years": 40,
            "maintenance_instructions": _RAZOR_CARE,
            "resharpenable": True,
            "resharpening_cycles": 40,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test("hardness", "DIN EN ISO 6508-1", "60 HRC", "Härteprüfung Gesellenstück (Eigenmessung)"),
        ],
        "repairability": {
            "documentation": "professionals",
            "disassembly_steps": 2,
            "fasteners": "removable",
            "tools": "product_specific",
        },
        "spare_parts": [spare_part("Griffschalen Celluloseacetat (Paar)", 10, 10, 30)],
        "repair_services": [
            service("resharpening", "25.00", "Aufziehen auf dem Stein"),
            service("new_handle", "39.00", "Neue Griffschalen"),
        ],
        "end_of_life": {
            "take_back_offered": False,
            "recyclable_share_percent": 80,
            "separability": "moderate",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "hohlschliff-ohligs",
        "category": "straight-razors",
        "name": "Wechselklingen-Rasiermesser „Barbier“",
        "description": "Shavette für handelsübliche halbe Rasierklingen.",
        "price_eur": "34.90",
        "publish": False,
    },
    # ---- Besteckfabrik Rüttgers & Söhne -----------------------------------------------------------------------
    {
        "maker": "ruettgers-haan",
        "category": "cutlery-sets",
        "name": "Besteck-Set „Haaner Tafel“ 30-teilig",
        "description": "Tafelbesteck aus 18/10-Edelstahl mit geschmiedeten Messern, seidenmatt satiniert. "
        "Gestanzt, geschliffen und poliert in Haan; nur der Karton kommt aus Polen.",
        "model_number": "HT-30",
        "gtin": gtin13(RUETTGERS_GTIN, 30),
        "price_eur": "249.00",
        "mass_g": 2100,
        "publish": True,
        "variants": [
            {"code": "30", "name": "30-teilig für 6 Personen"},
            {"code": "60", "name": "60-teilig für 12 Personen"},
        ],
        "materials": [
            material(
                "Edelstahl 18/10 (1.4301)",
                "Löffel und Gabeln",
                80,
                80,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material(
                "Messerstahl X50CrMoV15 (1.4116)",
                "Tafelmesser",
                20,
                70,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
        ],
        "components": [
            component("Tafelmesser", True, True),
            component("Tafelgabel", True, True),
            component("Tafellöffel", True, True),
            component("Kaffeelöffel", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Edelstahlband 1.4301", HAGEN, BANDSTAHL),
            step("stamping", "Löffel und Gabeln stanzen und prägen", HAAN),
            step("forging", "Tafelmesser im Gesenk geschmiedet", SOLINGEN_WIDDERT, GESENKSCHMIEDE),
            step("hardening", "Härten der Messerklingen", HAAN),
            step("grinding", "Schleifen der Messerklingen", HAAN),
            step("finishing", "Polieren und Satinieren", HAAN),
            step("packaging", "Karton mit Einlage", WROCLAW_PL, "Kartonaże Odra Sp. z o.o."),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Spülmaschinenbeständigkeit DIN EN 12875-1",
                "durability",
                "https://ruettgers-besteck.example/nachweise/ht-30-spuelmaschine.pdf",
                verified=True,
            ),
            evidence(
                "Werkszeugnis Edelstahlband 1.4301",
                "materials",
                "https://ruettgers-besteck.example/nachweise/ht-30-werkszeugnis.pdf",
                verified=True,
            ),
            evidence("Rücknahmebedingungen Altbesteck", "end_of_life", "https://ruettgers-besteck.example/ruecknahme"),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 40,
            "maintenance_instructions": "Spülmaschinenfest. Nach dem Spülgang zügig herausnehmen und "
            "abtrocknen; nicht mit Silber zusammen spülen.",
            "resharpenable": False,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "dishwasher",
                "DIN EN 12875-1",
                "250 Spülgänge ohne Korrosion oder Verfärbung",
                "Prüfbericht Spülmaschinenbeständigkeit DIN EN 12875-1",
            ),
            durability_test(
                "corrosion", "ISO 8442-2", "bestanden", "Prüfbericht Spülmaschinenbeständigkeit DIN EN 12875-1"
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://ruettgers-besteck.example/nachkauf",
            "disassembly_steps": 0,
            "tools": "none",
        },
        "spare_parts": [spare_part("Einzelteile (Messer, Gabel, Löffel)", 30, 5, 4)],
        "repair_services": [
            service("refurbishment", "3.50", "Aufpolieren, Preis pro Teil"),
            service("resharpening", "4.00", "Nachschliff, Preis pro Messer"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Altbesteck jeder Marke nehmen wir im Werksverkauf zurück.",
            "recyclable_share_percent": 100,
            "separability": "easy",
            "disposal_instructions": "Ganz aus Edelstahl: zum Metallschrott auf den Wertstoffhof.",
        },
    },
    {
        "maker": "ruettgers-haan",
        "category": "cutlery-sets",
        "name": "Besteck-Set „Gräfrath“ 24-teilig",
        "description": "Schlichtes, hochglanzpoliertes Tafelbesteck. Löffel und Gabeln kaufen wir als Rohlinge "
        "zu; in Haan werden sie poliert und kontrolliert.",
        "model_number": "GR-24",
        "gtin": gtin13(RUETTGERS_GTIN, 24),
        "price_eur": "119.00",
        "publish": True,
        "materials": [
            material("Edelstahl 18/10", "Löffel und Gabeln", 80),
            material("Edelstahl 1.4116", "Tafelmesser", 20),
        ],
        "supply_chain": [
            step(
                "stamping",
                "Rohlinge für Löffel und Gabeln",
                YANGJIANG_CN,
                "Yangjiang Jinhua Cutlery Co., Ltd.",
                confidential=True,
            ),
            step("finishing", "Hochglanzpolieren und Endkontrolle", HAAN),
            step("packaging", "Geschenkkarton", HAAN),
        ],
        "durability": {"warranty_years": 5, "expected_lifetime_years": 30, "resharpenable": False},
        "durability_tests": [durability_test("dishwasher", "DIN EN 12875-1", "bestanden")],
        "end_of_life": {"recyclable_share_percent": 100, "separability": "easy"},
    },
    {
        "maker": "ruettgers-haan",
        "category": "cutlery-sets",
        "name": "Kinderbesteck „Lütte Wupper“ 4-teilig",
        "description": "Kinderbesteck mit kurzen, runden Griffen und abgerundetem Messer. Spülmaschinenfest.",
        "model_number": "LW-4",
        "gtin": gtin13(RUETTGERS_GTIN, 4),
        "price_eur": "34.90",
        "publish": True,
        "materials": [
            material(
                "Edelstahl 18/10 (1.4301)", "Besteck", 100, 80, renewable=False, recyclable=True, substances="none"
            ),
        ],
        "supply_chain": [
            step("stamping", "Stanzen und Prägen", HAAN),
            step("grinding", "Messerschneide rund geschliffen", HAAN),
            step("finishing", "Polieren", HAAN),
            step("packaging", "Karton", HAAN),
        ],
        "durability": {"warranty_years": 10},
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://ruettgers-besteck.example/nachkauf",
            "disassembly_steps": 0,
            "tools": "none",
        },
        "spare_parts": [spare_part("Einzelteile", 10, 5)],
        "end_of_life": {"take_back_offered": True, "recyclable_share_percent": 100, "separability": "easy"},
    },
    {
        "maker": "ruettgers-haan",
        "category": "cutlery-sets",
        "name": "Steakbesteck „Grillmeister“ 12-teilig",
        "description": "Sechs Steakmesser mit Mikro-Wellenschliff und sechs Steakgabeln, Griffe aus Walnussholz.",
        "gtin": None,
        "price_eur": "89.00",
        "publish": True,
        "materials": [
            material("Messerstahl 1.4116", "Klingen und Gabeln"),
            material("Walnussholz", "Griffe", renewable=True),
            material("Messing CuZn39Pb3", "Nieten", substances="Blei (< 3 %)"),
        ],
        "supply_chain": [
            step("forging", "Messer im Gesenk geschmiedet", SOLINGEN_WIDDERT, GESENKSCHMIEDE),
            step(
                "handle_making",
                "Griffschalen aus Walnuss",
                GERMANY,
                "Holzverarbeitung (vertraulich)",
                confidential=True,
            ),
            step("assembly", "Vernieten", HAAN),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 20,
            "resharpenable": True,
            "resharpening_cycles": 5,
        },
        "end_of_life": {"take_back_offered": False, "separability": "hard"},
    },
    {
        "maker": "ruettgers-haan",
        "category": "cutlery",
        "name": "Tortenheber „Sonntagskuchen“",
        "description": "Tortenheber mit Sägezahnung an einer Seite.",
        "price_eur": "24.90",
        "publish": True,
        "materials": [material("Edelstahl 18/10", "Tortenheber")],
        "supply_chain": [
            step("stamping", "Stanzen", HAAN),
            step("grinding", "Sägezahnung geschliffen", HAAN),
            step("finishing", "Polieren", HAAN),
        ],
    },
    {
        "maker": "ruettgers-haan",
        "category": "cutlery-sets",
        "name": "Besteck-Set „Hotel Düssel“ 60-teilig",
        "description": "Robustes Gastronomiebesteck, in Vorbereitung.",
        "publish": False,
    },
    # ---- Wupperklinge Taschenmesser ---------------------------------------------------------------------------
    {
        "maker": "wupperklinge",
        "category": "pocket-knives",
        "name": "Taschenmesser „Wupperfalter“ Olivenholz",
        "description": "Klassisches Slipjoint-Taschenmesser ohne Arretierung. Die Klingenrohlinge kommen aus "
        "Thiers, die Griffschalen aus Olivenholz; geschliffen, montiert und abgezogen wird in Wuppertal.",
        "model_number": "WF-OL",
        "gtin": gtin13(WUPPERKLINGE_GTIN, 101),
        "price_eur": "79.00",
        "mass_g": 85,
        "publish": True,
        "materials": [
            material("Edelstahl 14C28N", "Klinge", 45, 80, renewable=False, recyclable=True, substances="none"),
            material("Olivenholz", "Griffschalen", 30, 0, renewable=True, recyclable=False, substances="none"),
            material(
                "Edelstahl 1.4301",
                "Platinen und Rückenfeder",
                22,
                70,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Messing CuZn37", "Nieten", 3, 60, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [
            component("Klinge", False, False),
            component("Griffschalen", True, True),
            component("Rückenfeder", True, True),
            component("Achse", False, False),
        ],
        "supply_chain": [
            step("raw_material", "Bandstahl 14C28N", HAGFORS_SE, NORDLUND),
            step("stamping", "Klingenrohlinge feingeschnitten", THIERS_FR, DUROLLE),
            step("hardening", "Härten der Rohlinge", THIERS_FR, DUROLLE),
            step("grinding", "Flachschliff", WUPPERTAL_ELBERFELD),
            step("handle_making", "Griffschalen aus Olivenholz", WUPPERTAL_ELBERFELD),
            step("assembly", "Vernieten und Einstellen der Feder", WUPPERTAL_ELBERFELD),
            step("finishing", "Abziehen von Hand", WUPPERTAL_ELBERFELD),
            step("packaging", "Baumwollsäckchen und Karton", WUPPERTAL_ELBERFELD),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schneidhaltigkeit WF-OL",
                "durability",
                "https://wupperklinge.example/nachweise/wf-ol-iso-8442-5.pdf",
                verified=True,
            ),
            evidence(
                "Lieferantenerklärung Coutellerie Durolle",
                "supply_chain",
                "https://wupperklinge.example/nachweise/durolle.pdf",
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 20,
            "maintenance_instructions": "Gelenk gelegentlich ölen, Klinge nach Gebrauch abwischen. "
            "Olivenholz ab und zu mit Leinöl pflegen.",
            "resharpenable": True,
            "resharpening_cycles": 15,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test("edge_retention", "ISO 8442-5", "CEP 390 mm", "Prüfbericht Schneidhaltigkeit WF-OL"),
            durability_test("corrosion", "ISO 8442-1", "bestanden", "Prüfbericht Schneidhaltigkeit WF-OL"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://wupperklinge.example/service/wupperfalter",
            "disassembly_steps": 3,
            "fasteners": "not_removable",
            "tools": "product_specific",
        },
        "spare_parts": [
            spare_part("Rückenfeder", 5, 14, 15),
            spare_part("Griffschalen Olivenholz (Paar)", 5, 14, 25),
        ],
        "repair_services": [
            service("resharpening", "8.00"),
            service("new_handle", "35.00", "Neue Griffschalen, neu vernietet"),
            service("general_repair", "20.00", "Feder tauschen und Gang einstellen"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme per Post.",
            "recyclable_share_percent": 70,
            "separability": "moderate",
            "disposal_instructions": _METAL_DISPOSAL,
        },
    },
    {
        "maker": "wupperklinge",
        "category": "pocket-knives",
        "name": "Taschenmesser „Seki-Brücke“ Micarta",
        "description": "Einhandmesser mit Liner-Lock und verschraubtem Griff. Die Griffschalen aus "
        "Leinen-Micarta fertigt ein Familienbetrieb in Seki, die Klinge aus schwedischem Stahl schleifen wir in "
        "Wuppertal.",
        "model_number": "SB-MC",
        "gtin": gtin13(WUPPERKLINGE_GTIN, 102),
        "price_eur": "149.00",
        "mass_g": 105,
        "publish": True,
        "materials": [
            material("Edelstahl 14C28N", "Klinge", 45, 80, renewable=False, recyclable=True, substances="none"),
            material(
                "Micarta (Leinen und Phenolharz)",
                "Griffschalen",
                25,
                0,
                renewable=False,
                recyclable=False,
                substances="none",
            ),
            material("Titan Grade 5", "Liner und Clip", 25, 30, renewable=False, recyclable=True, substances="none"),
            material("Edelstahl A2", "Torx-Schrauben", 5, 60, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [
            component("Klinge", True, True),
            component("Griffschalen", True, True),
            component("Clip", True, True),
            component("Schraubensatz", True, True),
        ],
        "supply_chain": [
            step("raw_material", "Bandstahl 14C28N", HAGFORS_SE, NORDLUND),
            step("stamping", "Klingen lasergeschnitten", WUPPERTAL_ELBERFELD),
            step("hardening", "Vakuumhärten", SOLINGEN_GRAEFRATH, HAERTEREI_VOGELSANG),
            step("grinding", "Flachschliff", WUPPERTAL_ELBERFELD),
            step("handle_making", "Griffschalen aus Leinen-Micarta", SEKI_JP, "Kanehara Hamono"),
            step("assembly", "Verschrauben und Einstellen", WUPPERTAL_ELBERFELD),
            step("finishing", "Abziehen von Hand", WUPPERTAL_ELBERFELD),
            step("packaging", "Karton", WUPPERTAL_ELBERFELD),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Schneidhaltigkeit SB-MC",
                "durability",
                "https://wupperklinge.example/nachweise/sb-mc-iso-8442-5.pdf",
                verified=True,
            ),
            evidence(
                "Explosionszeichnung Seki-Brücke",
                "repair",
                "https://wupperklinge.example/service/seki-bruecke.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 10,
            "expected_lifetime_years": 25,
            "maintenance_instructions": "Gelenk und Lock gelegentlich ölen, Schrauben bei Bedarf nachziehen (Torx T6).",
            "resharpenable": True,
            "resharpening_cycles": 20,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test("edge_retention", "ISO 8442-5", "CEP 430 mm", "Prüfbericht Schneidhaltigkeit SB-MC"),
            durability_test("hardness", "DIN EN ISO 6508-1", "60 HRC", "Prüfbericht Schneidhaltigkeit SB-MC"),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://wupperklinge.example/service/seki-bruecke.pdf",
            "disassembly_steps": 4,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [
            spare_part("Clip", 10, 5, 8),
            spare_part("Schraubensatz", 10, 5, 3),
            spare_part("Griffschalen Micarta (Paar)", 8, 21, 20),
        ],
        "repair_services": [
            service("resharpening", "10.00"),
            service("new_handle", "45.00", "Griffschalen nach Wahl"),
        ],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücknahme per Post.",
            "recyclable_share_percent": 75,
            "separability": "easy",
            "disposal_instructions": "Schrauben lösen; Metallteile zum Wertstoffhof, Micarta in den Restmüll.",
        },
    },
    {
        "maker": "wupperklinge",
        "category": "pocket-knives",
        "name": "Taschenmesser „Schwebebahn“ Einhand",
        "description": "Leichtes Einhandmesser mit Griff aus glasfaserverstärktem Polyamid für den Alltag.",
        "model_number": "SW-1",
        "gtin": gtin13(WUPPERKLINGE_GTIN, 103),
        "price_eur": "59.00",
        "publish": True,
        "materials": [
            material("Edelstahl 8Cr13MoV", "Klinge"),
            material("Polyamid PA6-GF30", "Griff"),
        ],
        "supply_chain": [
            step("stamping", "Klingenrohlinge", CHINA, "Klingenlieferant (vertraulich)", confidential=True),
            step("grinding", "Vorschliff", CHINA, "Klingenlieferant (vertraulich)", confidential=True),
            step("assembly", "Montage", WUPPERTAL_ELBERFELD),
            step("finishing", "Abziehen", WUPPERTAL_ELBERFELD),
        ],
        "durability": {"warranty_years": 2},
        "repairability": {"documentation": "none", "fasteners": "reusable", "tools": "basic"},
    },
    {
        "maker": "wupperklinge",
        "category": "pocket-knives",
        "name": "Taschenmesser „Kiesberg“ Hirschhorn",
        "description": "Traditionelles Taschenmesser mit Hirschhornschalen.",
        "gtin": None,
        "price_eur": "119.00",
        "publish": True,
        "materials": [material("Hirschhorn", "Griffschalen")],
        "supply_chain": [step("assembly", "Montage", WUPPERTAL_ELBERFELD)],
    },
    {
        "maker": "wupperklinge",
        "category": "pocket-knives",
        "name": "Pilzmesser „Waldläufer“",
        "description": "Klappbares Pilzmesser mit gebogener Klinge und Pinsel aus Wildschweinborsten zum "
        "Säubern der Pilze.",
        "gtin": None,
        "price_eur": "39.00",
        "publish": True,
        "materials": [
            material("Edelstahl 1.4116", "Klinge"),
            material("Buchenholz", "Griff", renewable=True),
            material("Wildschweinborsten", "Pinsel", renewable=True),
        ],
        "supply_chain": [
            step("stamping", "Klingenrohlinge", THIERS_FR, DUROLLE),
            step("assembly", "Montage", WUPPERTAL_ELBERFELD),
        ],
        "durability": {"warranty_years": 2, "expected_lifetime_years": 15, "resharpenable": True},
        "end_of_life": {"separability": "moderate", "disposal_instructions": _METAL_DISPOSAL},
    },
    # ---- Schürmann Maniküre -----------------------------------------------------------------------------------
    {
        "maker": "schuermann-remscheid",
        "category": "nail-clippers",
        "name": "Nagelknipser „Präzise“ groß",
        "description": "Großer Nagelknipser für Fußnägel mit gebogener Schneide und ausklappbarer Feile.",
        "model_number": "NK-L",
        "gtin": gtin13(SCHUERMANN_GTIN, 1),
        "price_eur": "14.90",
        "publish": True,
        "materials": [
            material("Kohlenstoffstahl C75, verchromt", "Backen und Hebel", 95, recyclable=True, substances="none"),
            material("Stahl, vernickelt", "Niete und Feile", 5, recyclable=True),
        ],
        "supply_chain": [
            step("stamping", "Stanzen der Backen und des Hebels", REMSCHEID),
            step("hardening", "Härten", REMSCHEID),
            step("assembly", "Montage", REMSCHEID),
            step("packaging", "Blister", REMSCHEID),
        ],
        "durability": {"warranty_years": 2, "expected_lifetime_years": 10, "resharpenable": False},
        "repairability": {"documentation": "none", "fasteners": "not_removable", "tools": "none"},
        "end_of_life": {"take_back_offered": False, "recyclable_share_percent": 100, "separability": "easy"},
    },
    {
        "maker": "schuermann-remscheid",
        "category": "nail-clippers",
        "name": "Nagelknipser „Reisebegleiter“ klein",
        "description": "Kleiner Nagelknipser mit Kettenöse für die Reise.",
        "gtin": gtin13(SCHUERMANN_GTIN, 2),
        "price_eur": "6.90",
        "publish": True,
        "materials": [material("Stahl, verchromt", "Knipser")],
        "supply_chain": [
            step("assembly", "Fertigung", CHINA, "Lohnfertiger (vertraulich)", confidential=True),
        ],
    },
    {
        "maker": "schuermann-remscheid",
        "category": "nail-scissors",
        "name": "Nagelschere „Feinschnitt“ gebogen",
        "description": "Gebogene Nagelschere mit feinen Spitzen. Im Werk Solingen-Widdert aus einem Stück "
        "geschmiedet, gehärtet und von Hand gerichtet.",
        "model_number": "NS-9G",
        "gtin": gtin13(SCHUERMANN_GTIN, 9),
        "price_eur": "24.90",
        "mass_g": 25,
        "publish": True,
        "materials": [
            material(
                "Edelstahl X46Cr13 (1.4034)",
                "Scherenhälften",
                97,
                65,
                renewable=False,
                recyclable=True,
                substances="none",
            ),
            material("Edelstahl A2", "Schraube", 3, 60, renewable=False, recyclable=True, substances="none"),
        ],
        "components": [component("Scherenhälften", False, False), component("Schraube", True, True)],
        "supply_chain": [
            step("raw_material", "Bandstahl 1.4034 ab Lager", SOLINGEN_OHLIGS, STAHLKONTOR),
            step("forging", "Gesenkschmieden", SOLINGEN_WIDDERT),
            step("hardening", "Härten und Anlassen", SOLINGEN_WIDDERT),
            step("grinding", "Schleifen", SOLINGEN_WIDDERT),
            step("assembly", "Verschrauben", SOLINGEN_WIDDERT),
            step("finishing", "Schärfen und Richten von Hand", SOLINGEN_WIDDERT),
            step("packaging", "Faltschachtel", SOLINGEN_WIDDERT),
        ],
        "evidence": [
            evidence(
                "Prüfbericht Nagelschere NS-9G",
                "durability",
                "https://schuermann-manikuere.example/nachweise/ns-9g.pdf",
                verified=True,
            ),
        ],
        "durability": {
            "warranty_years": 5,
            "expected_lifetime_years": 20,
            "maintenance_instructions": "Nach Gebrauch mit Alkohol reinigen und trocknen; Gelenk gelegentlich ölen.",
            "resharpenable": True,
            "resharpening_cycles": 10,
            "refurbishable": True,
        },
        "durability_tests": [
            durability_test(
                "corrosion", "ISO 9227, Salzsprühnebel 24 h", "ohne Befund", "Prüfbericht Nagelschere NS-9G"
            ),
            durability_test(
                "mechanical",
                "Schnittprüfung (Hausverfahren)",
                "5 000 Schnitte ohne Nachschärfen",
                "Prüfbericht Nagelschere NS-9G",
            ),
        ],
        "repairability": {
            "documentation": "public",
            "documentation_url": "https://schuermann-manikuere.example/service/nagelschere",
            "disassembly_steps": 1,
            "fasteners": "reusable",
            "tools": "basic",
        },
        "spare_parts": [spare_part("Schraube", 10, 3, 10)],
        "repair_services": [service("resharpening", "6.50", "Schleifen und Richten")],
        "end_of_life": {
            "take_back_offered": True,
            "take_back_details": "Rücksendung an das Werk Solingen.",
            "recyclable_share_percent": 100,
            "separability": "easy",
            "disposal_instructions": "Zum Metallschrott auf den Wertstoffhof.",
        },
    },
    {
        "maker": "schuermann-remscheid",
        "category": "manicure",
        "name": "Hautzange „Nagelhautprofi“",
        "description": "Hautzange mit Doppelfeder und 5 mm Schneide.",
        "gtin": None,
        "price_eur": "19.90",
        "publish": True,
        "materials": [material("Edelstahl 1.4021", "Zange", 100, 60, recyclable=True, substances="none")],
        "supply_chain": [
            step("forging", "Gesenkschmieden", SOLINGEN_WIDDERT),
            step("grinding", "Schleifen der Schneiden", SOLINGEN_WIDDERT),
            step("assembly", "Montage der Doppelfeder", REMSCHEID),
        ],
        "durability": {"warranty_years": 3, "expected_lifetime_years": 15, "resharpenable": True},
        "repair_services": [service("resharpening", "8.00")],
        "end_of_life": {"recyclable_share_percent": 100, "separability": "easy"},
    },
    {
        "maker": "schuermann-remscheid",
        "category": "tweezers",
        "name": "Pinzette „Spitzfein“",
        "publish": False,
    },
    {
        "maker": "schuermann-remscheid",
        "category": "manicure",
        "name": "Maniküre-Etui „Reiseset“ 5-teilig",
        "description": "Etui aus pflanzlich gegerbtem Rindleder mit Nagelschere, Nagelknipser, Pinzette, "
        "Nagelfeile und Hautschieber.",
        "model_number": "ME-5",
        "gtin": gtin13(SCHUERMANN_GTIN, 50),
        "price_eur": "49.90",
        "publish": True,
        "materials": [
            material("Rindleder, pflanzlich gegerbt", "Etui", renewable=True),
            material("Edelstahl 1.4034", "Instrumente"),
        ],
        "supply_chain": [
            step("other", "Etui genäht", OFFENBACH, "Lederwaren Mainbogen"),
            step("assembly", "Bestücken des Etuis", REMSCHEID),
        ],
        "durability": {"warranty_years": 2},
        "end_of_life": {
            "separability": "easy",
            "disposal_instructions": "Instrumente zum Metallschrott, Leder in den Restmüll.",
        },
    },
    # ---- Bergische Klingenwerke -------------------------------------------------------------------------------
    {
        "maker": "bergische-klingenwerke",
        "category": "chefs-knives",
        "name": "Kochmesser „Profi-Linie“ 20 cm",
        "description": "Robustes Kochmesser für Gastronomieküchen. Die Klinge wird in Solingen geschmiedet, der "
        "Griff angespritzt.",
        "model_number": "PL-20",
        "gtin": gtin13(KLINGENWERKE_GTIN, 120),
        "price_eur": "69.00",
        "publish": True,
        "materials": [
            material("Messerstahl X50CrMoV15 (1.4116)", "Klinge", 80),
            material("Polypropylen", "Griff", 20, recyclable=True),
        ],
        "supply_chain": [
            step("forging", "Gesenkschmieden", SOLINGEN_GRAEFRATH),
            step("hardening", "Härten", SOLINGEN_GRAEFRATH),
            step("grinding", "Roboterschliff", SOLINGEN_GRAEFRATH),
            step(
                "handle_making", "Griff angespritzt", CZECHIA, "Kunststoffverarbeiter (vertraulich)", confidential=True
            ),
            step("finishing", "Abziehen", SOLINGEN_GRAEFRATH),
        ],
        "durability": {
            "warranty_years": 2,
            "expected_lifetime_years": 15,
            "resharpenable": True,
            "resharpening_cycles": 15,
        },
        "durability_tests": [durability_test("sharpness", "ISO 8442-5", "ICP 62 mm")],
        "repairability": {"documentation": "none", "fasteners": "not_removable", "tools": "product_specific"},
        "repair_services": [service("resharpening", "6.00", "Schleifdienst für Gastronomiebetriebe")],
        "end_of_life": {"take_back_offered": False, "recyclable_share_percent": 80, "separability": "hard"},
    },
    {
        "maker": "bergische-klingenwerke",
        "category": "bread-knives",
        "name": "Brotmesser „Wellenschliff Classic“ 21 cm",
        "description": "Brotmesser mit Wellenschliff und Kunststoffgriff.",
        "gtin": gtin13(KLINGENWERKE_GTIN, 121),
        "price_eur": "29.90",
        "publish": True,
        "materials": [material("Edelstahl", "Klinge"), material("Polypropylen", "Griff")],
        "supply_chain": [step("grinding", "Wellenschliff", SOLINGEN_GRAEFRATH)],
    },
    {
        "maker": "bergische-klingenwerke",
        "category": "steak-knives",
        "name": "Steakmesser 6er-Set „Grillabend“",
        "description": "Sechs Steakmesser mit Wellenschliff im Geschenkkarton.",
        "gtin": None,
        "price_eur": "39.90",
        "publish": True,
        "materials": [material("Edelstahl", "Klingen")],
        "supply_chain": [step("stamping", "Klingen gestanzt", CHINA, "Lieferant (vertraulich)", confidential=True)],
    },
    {
        "maker": "bergische-klingenwerke",
        "category": "garden-shears",
        "name": "Gartenschere „Bypass Profi“",
        "description": "Bypass-Gartenschere mit ergonomischem Kunststoffgriff.",
        "gtin": None,
        "price_eur": "34.90",
        "publish": True,
        "materials": [
            material("Kohlenstoffstahl SK5, beschichtet", "Klingen"),
            material("Polyamid mit TPE-Auflage", "Griffe"),
        ],
        "supply_chain": [
            step("stamping", "Klingen gestanzt", TAIWAN, "Werkzeugfertiger (vertraulich)", confidential=True),
            step("hardening", "Härten", TAIWAN, "Werkzeugfertiger (vertraulich)", confidential=True),
            step("assembly", "Montage", SOLINGEN_GRAEFRATH),
            step("packaging", "Blister", SOLINGEN_GRAEFRATH),
        ],
        "durability": {"warranty_years": 2},
        "repairability": {"documentation": "none", "fasteners": "reusable", "tools": "basic"},
        "spare_parts": [spare_part("Feder")],
    },
    {
        "maker": "bergische-klingenwerke",
        "category": "household-scissors",
        "name": "Universalschere „Küchenhelfer“",
        "gtin": gtin13(KLINGENWERKE_GTIN, 122),
        "publish": False,
    },
    {
        "maker": "bergische-klingenwerke",
        "category": "chefs-knives",
        "name": "Kochmesser „Einsteiger“ 18 cm",
        "publish": False,
    },
]

# --- Retailer, assortment and logins ------------------------------------------------------------------------------

RETAILER = {"slug": "klingenhaus-alter-markt", "name": "Klingenhaus am Alten Markt", "city": "Solingen"}

# Products (by name) the demo retailer keeps in its assortment.
ASSORTMENT = [
    "Kochmesser „Merscheider Klassik“ 20 cm",
    "Brotmesser „Bäckerstolz“ 23 cm",
    "Santoku „Wupperwelle“ 18 cm",
    "Haushaltsschere „Allzweck 21“",
    "Schneiderschere „Zuschneidemeisterin“ 25 cm",
    "Rosenschere „Gärtnerglück“",
    "Kinderschere „Kleiner Schnipp“",
    "Rasiermesser „Klingenkönig“ 6/8",
    "Rasiermesser „Gesellenstück“ 4/8",
    "Besteck-Set „Haaner Tafel“ 30-teilig",
    "Kinderbesteck „Lütte Wupper“ 4-teilig",
    "Taschenmesser „Wupperfalter“ Olivenholz",
    "Taschenmesser „Seki-Brücke“ Micarta",
    "Nagelschere „Feinschnitt“ gebogen",
    "Brotmesser „Wellenschliff Classic“ 21 cm",
]

USERS = [
    {
        "username": "demo-maker",
        "first_name": "Greta",
        "last_name": "Hölterhoff",
        "maker": "hoelterhoff",
        "maker_role": "owner",
    },
    {
        "username": "demo-maker-2",
        "first_name": "Jörg",
        "last_name": "Strüßmann",
        "maker": "struessmann",
        "maker_role": "owner",
    },
    {
        "username": "demo-retailer",
        "first_name": "Aylin",
        "last_name": "Kaya",
        "retailer": RETAILER["slug"],
        "retailer_role": "owner",
    },
    {"username": "demo-staff", "first_name": "Tobias", "last_name": "Brück", "is_staff": True, "is_superuser": True},
]
