"""schema.org ``Product`` JSON-LD of a passport snapshot (plain data in, dict out, no request)."""

from django.utils import translation
from django.utils.translation import gettext as _

from catalogue.passports.facets import designation_flag
from catalogue.passports.presentation import SUBSCORE_LABELS, localise


def _property(property_id: str, name: str, value, **extra) -> dict:
    """A PropertyValue; ``propertyID`` names it for programs whatever the language of ``name``."""
    return {"@type": "PropertyValue", "propertyID": property_id, "name": name, "value": value, **extra}


def passport_jsonld(snapshot: dict, language: str = "de", *, withdrawn: bool = False) -> dict:
    """A schema.org Product describing the published passport in ``language`` ("de" or "en").

    Only terms schema.org defines, on types their domains allow (tests/catalogue/public/test_jsonld_vocabulary.py
    checks it against the vocabulary). ``withdrawn``: the maker no longer offers the product.
    """
    with translation.override(language):
        return _product(snapshot, language, withdrawn)


def _product(snapshot: dict, language: str, withdrawn: bool) -> dict:
    product = snapshot["product"]
    maker = snapshot["maker"]
    score = snapshot.get("score") or {}
    urls = snapshot.get("urls") or {}
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product["name"],
        "productID": product["passport_code"],
    }
    if urls.get("passport"):
        data["url"] = urls["passport"]
    if product.get("description"):
        data["description"] = product["description"]
    if product.get("gtin"):
        data["gtin14"] = product["gtin"]
    if urls.get("digital_link"):
        data["identifier"] = urls["digital_link"]
    if product.get("model_number"):
        data["mpn"] = product["model_number"]
    category = product.get("category") or {}
    if category:
        data["category"] = localise(category.get("name"), language)
    organisation = {"@type": "Organization", "name": maker["name"]}
    if maker.get("website"):
        organisation["url"] = maker["website"]
    if maker.get("city") or maker.get("country"):
        organisation["address"] = {
            "@type": "PostalAddress",
            **({"addressLocality": maker["city"]} if maker.get("city") else {}),
            **({"postalCode": maker["postcode"]} if maker.get("postcode") else {}),
            **({"addressCountry": maker["country"]} if maker.get("country") else {}),
        }
    data["manufacturer"] = organisation
    data["brand"] = {"@type": "Brand", "name": maker["name"]}
    if product.get("mass_g") is not None:
        data["weight"] = {"@type": "QuantitativeValue", "value": product["mass_g"], "unitCode": "GRM"}
    materials = [material["name"] for material in snapshot.get("materials") or [] if material.get("name")]
    if materials:
        data["material"] = materials if len(materials) > 1 else materials[0]
    assembly = [step for step in snapshot.get("supply_chain") or [] if step.get("country")]
    if assembly:
        data["countryOfLastProcessing"] = assembly[-1]["country"]
    offer = _offer(product, snapshot.get("durability") or {}, withdrawn)
    if offer:
        data["offers"] = offer
    properties = [_property("passport_code", _("Passport code"), product["passport_code_display"])]
    if score:
        properties.append(_property("overall", _("Overall score"), score.get("overall"), minValue=0, maxValue=100))
        properties.append(_property("grade", _("Grade"), score.get("grade")))
        for key, value in (score.get("subscores") or {}).items():
            properties.append(_property(key, str(SUBSCORE_LABELS.get(key, key)), value, minValue=0, maxValue=100))
        if score.get("methodology_version"):
            properties.append(_property("methodology_version", _("Methodology version"), score["methodology_version"]))
        designation = designation_flag(score.get("solingen"))
        if designation is not None:  # absent where the designation does not apply to the category
            properties.append(_property("solingen", _("Solingen designation"), designation))
    # A property without a value would vanish from the data (JSON-LD drops nulls): leave it out instead.
    data["additionalProperty"] = [item for item in properties if item["value"] is not None]
    return data


def _offer(product: dict, durability: dict, withdrawn: bool) -> dict:
    """The maker's offer: retail price, warranty, and whether the maker still offers the product.

    A published passport means the maker offers the product (withdrawing it says the maker no longer does), so
    its availability is InStock, and Discontinued once withdrawn; the catalogue knows no shop's stock levels.
    The product has no picture in the catalogue, so there is no ``image`` either.
    """
    offer: dict = {
        "availability": "https://schema.org/Discontinued" if withdrawn else "https://schema.org/InStock",
    }
    if product.get("price_eur") is not None:
        offer.update(price=product["price_eur"], priceCurrency="EUR")
    if durability.get("lifetime_warranty"):
        offer["warranty"] = {"@type": "WarrantyPromise", "description": _("lifetime warranty")}
    elif durability.get("warranty_years") is not None:
        duration = {"@type": "QuantitativeValue", "value": durability["warranty_years"], "unitCode": "ANN"}
        offer["warranty"] = {"@type": "WarrantyPromise", "durationOfWarranty": duration}
    return {"@type": "Offer", **offer}
