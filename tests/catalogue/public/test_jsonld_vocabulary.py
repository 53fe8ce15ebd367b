"""The passport page's JSON-LD uses only terms schema.org defines, on the types their domains and ranges allow.

The page's JSON-LD is expanded with a JSON-LD processor (pyld) against schema.org's own context, loaded offline
from tests/catalogue/public/fixtures/, and every expanded term is looked up in schema.org's vocabulary (see the
README there for the source and licence of both files).
"""

import functools
import gzip
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

from catalogue.passports.jsonld import passport_jsonld
from catalogue.passports.open_data import open_data_jsonld
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import bare_product, long_product, showcase_product

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = "https://schema.org/"
# Where the context "https://schema.org" may be asked for; schema.org's context itself says "http://schema.org/".
CONTEXT_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
# Terms of schema.org's "pending" area used on purpose (they may still change): where the product was last
# processed (the passport page), and the attribution the CC BY licence of the open data asks for.
ACCEPTED_PENDING = {"countryOfLastProcessing", "creditText"}


def _schema_iri(iri: str) -> str | None:
    """The https IRI of a schema.org term, from any of its spellings; None for anything else."""
    for prefix in ("schema:", "http://schema.org/", "https://schema.org/"):
        if iri.startswith(prefix):
            return SCHEMA + iri[len(prefix) :]
    return None


def _ids(value) -> list[str]:
    """The IRIs of a node's references (one or a list), schema.org's in their https spelling."""
    values = value if isinstance(value, list) else [value]
    return [_schema_iri(item["@id"]) or item["@id"] for item in values if isinstance(item, dict) and "@id" in item]


class Vocabulary:
    """schema.org's vocabulary: its terms, the class tree, and the domains and ranges of properties."""

    def __init__(self, graph: list[dict]):
        self.terms = {_schema_iri(node["@id"]): node for node in graph if _schema_iri(node["@id"])}
        self._above: dict[str, frozenset[str]] = {}

    def types_of(self, iri: str) -> set[str]:
        kinds = self.terms[iri]["@type"]
        return {_schema_iri(kind) or kind for kind in (kinds if isinstance(kinds, list) else [kinds])}

    def ancestors(self, classes) -> frozenset[str]:
        """The classes and every class above them."""
        found = frozenset()
        for iri in classes:
            if iri not in self._above:
                parents = _ids(self.terms.get(iri, {}).get("rdfs:subClassOf", []))
                self._above[iri] = frozenset({iri}) | self.ancestors(parents)
            found |= self._above[iri]
        return found

    def is_data_type(self, iri: str) -> bool:
        return any(SCHEMA + "DataType" in self.types_of(kind) for kind in self.ancestors([iri]) if kind in self.terms)

    def includes(self, prop: str, which: str) -> set[str]:
        """``which`` is "domain" or "range"."""
        return set(_ids(self.terms[prop].get(f"schema:{which}Includes", [])))

    def is_pending(self, iri: str) -> bool:
        return self.terms[iri].get("schema:isPartOf", {}).get("@id") == "https://pending.schema.org"


def _names(classes) -> list[str]:
    return sorted(iri.removeprefix(SCHEMA) for iri in classes)


class VocabularyCheck:
    """Walks an expanded JSON-LD document and collects every use of a term that schema.org does not allow."""

    def __init__(self, words: Vocabulary):
        self.words = words
        self.problems: list[str] = []
        self.pending: set[str] = set()

    def term(self, iri: str, what: str, kind: str) -> str | None:
        """The schema.org term ``iri`` if it is defined, current and a ``kind`` (rdf:Property, rdfs:Class or None)."""
        term = _schema_iri(iri)
        name = iri.removeprefix(SCHEMA) if term is None else term.removeprefix(SCHEMA)
        if term is None:
            self.problems.append(f"{iri} is no schema.org {what}")
        elif term not in self.words.terms:
            self.problems.append(f"{name} is not defined by schema.org")
        elif self.words.terms[term].get("schema:supersededBy"):
            self.problems.append(f"{name} is superseded by schema.org")
        elif kind and kind not in self.words.types_of(term):
            self.problems.append(f"{name} is used as a {what} but is none")
        else:
            if self.words.is_pending(term):
                self.pending.add(name)
            return term
        return None

    def node(self, node: dict, path: str) -> set[str]:
        types = {term for kind in node.get("@type", []) if (term := self.term(kind, "type", "rdfs:Class"))}
        if not types and any(not key.startswith("@") for key in node):
            self.problems.append(f"{path} has properties but no schema.org type")
        above = self.words.ancestors(types)
        for key, values in node.items():
            prop = None if key.startswith("@") else self.term(key, "property", "rdf:Property")
            if prop is None:
                continue
            name = f"{path}.{prop.removeprefix(SCHEMA)}"
            if types and not self.words.includes(prop, "domain") & above:
                self.problems.append(f"{name}: {prop.removeprefix(SCHEMA)} does not apply to {_names(types)}")
            for value in values:
                self.value(prop, value, name)
        return types

    def value(self, prop: str, value: dict, name: str) -> None:
        expected = self.words.includes(prop, "range")
        takes_plain = any(self.words.is_data_type(kind) for kind in expected)
        text = value.get("@value")
        member = _schema_iri(text) if isinstance(text, str) else None
        if member:  # an enumeration member written as its URL, as schema.org's own examples do
            known = self.term(member, "enumeration member", None)
            if known and not expected & self.words.ancestors(self.words.types_of(known)):
                self.problems.append(f"{name}: {member.removeprefix(SCHEMA)} is no {_names(expected)}")
        elif "@value" in value or set(value) == {"@id"}:
            if not takes_plain:
                self.problems.append(f"{name}: a plain value where schema.org expects {_names(expected)}")
        else:
            types = self.node(value, name)
            if types and not expected & self.words.ancestors(types):
                self.problems.append(f"{name}: a {_names(types)} where schema.org expects {_names(expected)}")


@functools.cache
def vocabulary() -> Vocabulary:
    with gzip.open(FIXTURES / "schemaorg-current-https.jsonld.gz", "rt", encoding="utf-8") as file:
        return Vocabulary(json.load(file)["@graph"])


@functools.cache
def schema_context() -> dict:
    with gzip.open(FIXTURES / "schemaorgcontext.jsonld.gz", "rt", encoding="utf-8") as file:
        return json.load(file)


def offline_loader(url: str, options=None) -> dict:
    """Only schema.org's context, from the fixture; any other document is an error (no network in tests)."""
    if url not in CONTEXT_URLS:
        raise ValueError(f"the JSON-LD refers to {url}, which the test does not load")
    return {
        "contextUrl": None,
        "documentUrl": "https://schema.org/docs/jsonldcontext.jsonld",
        "document": schema_context(),
    }


def _keys(data, *, expanded: bool) -> int:
    """How many properties ``data`` has at every depth (value objects of expanded JSON-LD have none)."""
    if isinstance(data, list):
        return sum(_keys(item, expanded=expanded) for item in data)
    if isinstance(data, dict) and not (expanded and "@value" in data):
        return sum(1 + _keys(value, expanded=expanded) for key, value in data.items() if not key.startswith("@"))
    return 0


def _nulls(data, path="") -> list[str]:
    if isinstance(data, list):
        return [null for index, item in enumerate(data) for null in _nulls(item, f"{path}[{index}]")]
    if isinstance(data, dict):
        return [null for key, value in data.items() for null in _nulls(value, f"{path}.{key}")]
    return [path] if data is None else []


def vocabulary_problems(data: dict) -> list[str]:
    """Every way ``data`` (compact JSON-LD) strays from schema.org's vocabulary; empty when it keeps to it."""
    problems = [f"{path} is null: expansion drops it" for path in _nulls(data)]
    dropped = []
    expanded = jsonld.expand(data, {"documentLoader": offline_loader}, on_property_dropped=dropped.append)
    problems += [f"the key {key!r} is dropped by expansion" for key in dropped]
    keys_in, keys_out = _keys(data, expanded=False), _keys(expanded, expanded=True)
    if not problems and keys_in != keys_out:
        problems.append(f"{keys_in} keys in, {keys_out} after expansion: some were dropped")
    check = VocabularyCheck(vocabulary())
    for index, node in enumerate(expanded):
        check.node(node, f"[{index}]")
    pending = [f"{name} is a pending schema.org term" for name in sorted(check.pending - ACCEPTED_PENDING)]
    return problems + check.problems + pending


def page_jsonld(client, url: str, language: str) -> dict:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(scripts) == 1, scripts
    return json.loads(scripts[0])


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_page_of_a_fully_disclosed_product_keeps_to_schema_org(client, maker, maker_user, language):
    product = long_product(maker=maker, gtin="04006381333931", price_eur="129.00", mass_g=210, model_number="KM-24")
    publish_product(product, maker_user)
    data = page_jsonld(client, f"/p/{product.passport_code}", language)
    assert vocabulary_problems(data) == []
    # Every part of the snapshot that the JSON-LD can carry is there, so the check above covered it.
    for key in ("url", "description", "gtin14", "identifier", "mpn", "category", "weight", "material", "offers"):
        assert key in data, key
    assert set(data["manufacturer"]["address"]) == {"@type", "addressLocality", "postalCode", "addressCountry"}
    assert "inLanguage" not in data and "hasWarrantyPromise" not in data
    assert data["offers"] == {
        "@type": "Offer",
        "availability": "https://schema.org/InStock",  # published: the maker offers it
        "price": 129.0,
        "priceCurrency": "EUR",
        "warranty": {
            "@type": "WarrantyPromise",
            "durationOfWarranty": {"@type": "QuantitativeValue", "value": 5.0, "unitCode": "ANN"},
        },
    }
    assert {item["propertyID"] for item in data["additionalProperty"]} >= {"passport_code", "overall", "grade"}


def test_a_withdrawn_product_is_discontinued_and_a_lifetime_warranty_has_no_duration(client, maker, maker_user):
    product = showcase_product(maker=maker)
    product.durability.lifetime_warranty = True
    product.durability.save()
    publish_product(product, maker_user)
    withdraw_product(product, maker_user)
    data = page_jsonld(client, f"/p/{product.passport_code}", "en")
    assert vocabulary_problems(data) == []
    assert data["offers"]["availability"] == "https://schema.org/Discontinued"
    assert data["offers"]["warranty"] == {"@type": "WarrantyPromise", "description": "lifetime warranty"}


def test_a_product_with_little_disclosed_keeps_to_schema_org_too(client, maker, maker_user):
    product = bare_product(maker=maker)
    publish_product(product, maker_user)
    data = page_jsonld(client, f"/p/{product.passport_code}", "de")
    assert vocabulary_problems(data) == []
    assert data["offers"] == {"@type": "Offer", "availability": "https://schema.org/InStock"}  # still offered


def test_the_open_data_export_keeps_to_schema_org_too(maker_user):
    versions = [publish_product(product, maker_user) for product in (showcase_product(), bare_product())]
    entries = [(version.snapshot, version.content_hash) for version in versions]
    document = open_data_jsonld(entries, generated_at="2026-11-25T10:00:00+01:00", url="https://example.org/x")
    assert len(document["mainEntity"]["itemListElement"]) == 2
    assert vocabulary_problems(document) == []


def test_the_check_finds_undefined_terms_wrong_domains_and_dropped_keys(maker_user):
    data = passport_jsonld(publish_product(showcase_product()).snapshot, "en")
    data.update(
        inLanguage="en",  # defined, but not for a Product
        hasWarrantyPromise={"@type": "WarrantyPromise"},  # never defined
        colour="red",  # a typo of "color"
        brand="Wupperhof",  # text where a Brand or Organization is expected
        mainEntityOfPage=None,  # dropped by expansion
    )
    data["offers"]["availability"] = "https://schema.org/InStok"
    data["manufacturer"]["@type"] = "Organisation"
    data["offers"]["warranty"]["durationOfWarranty"]["@type"] = "Brand"  # a class outside the range
    data["offers"]["itemCondition"] = "https://schema.org/InStock"  # a member of the wrong enumeration
    data["additionalProperty"].append({"@type": "PropertyValue", "propertyID": "x", "value": 1, "unit": "cm"})
    problems = vocabulary_problems(data)
    for expected in (
        ".mainEntityOfPage is null: expansion drops it",
        "[0].inLanguage: inLanguage does not apply to ['Product']",
        "hasWarrantyPromise is not defined by schema.org",
        "colour is not defined by schema.org",
        "[0].brand: a plain value where schema.org expects ['Brand', 'Organization']",
        "InStok is not defined by schema.org",
        "Organisation is not defined by schema.org",
        "unit is not defined by schema.org",
        "[0].offers.warranty.durationOfWarranty: a ['Brand'] where schema.org expects ['QuantitativeValue']",
        "[0].offers.itemCondition: InStock is no ['OfferItemCondition']",
    ):
        assert expected in problems, (expected, problems)
    # A term of another vocabulary, even one whose prefix schema.org's context knows, is no schema.org term.
    foreign = {"@context": "https://schema.org", "@type": "Product", "name": "Messer", "gs1:gtin": "04006381333931"}
    assert vocabulary_problems(foreign) == ["https://ref.gs1.org/voc/gtin is no schema.org property"]
