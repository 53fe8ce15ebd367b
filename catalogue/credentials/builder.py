"""A passport version as a W3C Verifiable Credential (Data Model 2.0) in UNTP's Digital Product Passport
format (pure: everything comes from the frozen snapshot and the given URLs; docs/credentials.md)."""

from dataclasses import dataclass

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
UNTP_DPP_CONTEXT = "https://test.uncefact.org/vocabulary/untp/dpp/working/"
CREDENTIAL_TYPES = ["VerifiableCredential", "DigitalProductPassport"]
GTIN_SCHEME = {"type": ["IdentifierScheme"], "id": "https://id.gs1.org/01/", "name": "Global Trade Item Number (GTIN)"}
GRANULARITIES = ("item", "batch", "model")
# UN/ECE Recommendation 20 unit codes, as UNTP's Measure wants them.
GRAM, PERCENT = "GRM", "P1"
# Which UNTP conformity topic each of the catalogue's subscores speaks to, and which evidence claims back it.
SUBSCORE_TOPICS = {
    "durability": ("circularity.design", ("durability", "warranty")),
    "repairability": ("circularity.design", ("repair",)),
    "circularity": ("circularity.content", ("materials", "end_of_life")),
    "supply_chain": ("governance.transparency", ("supply_chain",)),
}


@dataclass(frozen=True)
class CredentialUrls:
    """The absolute URLs a credential names: its own, the version's snapshot and page, and the methodology."""

    credential: str
    snapshot: str
    page: str
    methodology: str
    site: str


def _fraction(percent):
    return None if percent is None else round(percent / 100, 6)


def _drop_empty(mapping: dict) -> dict:
    """UNTP's schema types its fields strictly: an unknown value is left out rather than sent as null."""
    return {name: value for name, value in mapping.items() if value not in (None, "", [], {})}


def product_identifier(snapshot: dict) -> str:
    """The UPI: the GS1 Digital Link URI where the product has a GTIN, else the passport URL (IEC 61406 style)."""
    product, urls = snapshot["product"], snapshot["urls"]
    return product.get("upi") or urls.get("digital_link") or urls["passport"]


def _party(maker: dict, urls: CredentialUrls) -> dict:
    return _drop_empty(
        {
            "id": f"{urls.site}/makers/{maker['slug']}/",
            "name": maker["name"],
            "registeredId": maker.get("operator_id") or None,
        }
    )


def _facility(snapshot: dict) -> dict | None:
    """Where the product was made, when a facility with a GLN is known (the snapshot's ``facilities``)."""
    for facility in snapshot.get("facilities") or []:
        gln = facility.get("gln")
        if gln:
            return {"id": f"https://id.gs1.org/414/{gln}", "name": facility.get("name") or gln, "registeredId": gln}
    return None


def _country_of_production(snapshot: dict) -> str | None:
    """The country of the last step the maker did itself, else of the last step at all."""
    steps = [step for step in snapshot.get("supply_chain") or [] if step.get("country")]
    own = [step for step in steps if step.get("performed_by") == "maker"]
    return (own or steps)[-1]["country"] if steps else None


def _product(snapshot: dict, urls: CredentialUrls) -> dict:
    product = snapshot["product"]
    category = product["category"]
    further = [{"linkURL": urls.page, "linkName": "Product passport", "linkType": "https://ref.gs1.org/voc/dpp"}]
    further += [
        {"linkURL": document["url"], "linkName": document["title"], "linkType": f"evidence:{document['claim']}"}
        for document in snapshot.get("evidence") or []
        if document.get("url")
    ]
    return _drop_empty(
        {
            "type": ["Product"],
            "id": product_identifier(snapshot),
            "name": product["name"],
            "registeredId": product.get("gtin"),
            "idScheme": GTIN_SCHEME if product.get("gtin") else None,
            "description": product.get("description"),
            "productCategory": [
                {
                    "type": ["Classification"],
                    "id": f"{urls.site}/products/?category={category['slug']}",
                    "code": category["slug"],
                    "name": category["name"].get("en") or category["name"].get("de"),
                    "schemeID": f"{urls.site}/products/",
                    "schemeName": "Gläserne Werkstatt product categories",
                }
            ],
            "furtherInformation": further,
            "producedByParty": _party(snapshot["maker"], urls),
            "producedAtFacility": _facility(snapshot),
            "countryOfProduction": _country_of_production(snapshot),
            "dimensions": {"weight": {"value": product["mass_g"], "unit": GRAM}} if product.get("mass_g") else None,
        }
    )


def _materials(snapshot: dict) -> list[dict]:
    result = []
    for material in snapshot.get("materials") or []:
        substances = (material.get("substances_of_concern") or "").strip().lower()
        result.append(
            _drop_empty(
                {
                    "type": ["Material"],
                    "name": material["name"],
                    "massFraction": _fraction(material.get("share_percent")),
                    "mass": {"value": material["mass_g"], "unit": GRAM} if material.get("mass_g") else None,
                    "recycledMassFraction": _fraction(material.get("recycled_content_percent")),
                    "hazardous": (substances not in {"none", "keine", "-", "no", "nein"}) if substances else None,
                }
            )
        )
    return result


def _claims(snapshot: dict, urls: CredentialUrls) -> list[dict]:
    """One conformity claim per subscore: the score as declared value against the catalogue's methodology,
    backed by the first verified evidence document of a matching kind."""
    score = snapshot.get("score") or {}
    methodology = score.get("methodology_version")
    standard = {
        "type": ["Standard"],
        "id": urls.methodology,
        "name": f"Gläserne Werkstatt scoring methodology {methodology}".strip(),
        "issuingParty": {"id": urls.site, "name": "Gläserne Werkstatt"},
    }
    assessed = (score.get("computed_at") or snapshot["published_at"])[:10]
    claims = []
    for subscore, value in (score.get("subscores") or {}).items():
        if subscore not in SUBSCORE_TOPICS or value is None:
            continue
        topic, evidence_claims = SUBSCORE_TOPICS[subscore]
        evidence = next(
            (
                document
                for document in snapshot.get("evidence") or []
                if document.get("claim") in evidence_claims and document.get("verified") and document.get("url")
            ),
            None,
        )
        claims.append(
            _drop_empty(
                {
                    "type": ["Claim", "Declaration"],
                    "id": f"{urls.credential}#claim-{subscore}",
                    "description": f"{subscore.replace('_', ' ').capitalize()} score of the product",
                    "referenceStandard": standard,
                    "assessmentDate": assessed,
                    "declaredValue": [
                        {"metricName": f"{subscore} score", "metricValue": {"value": value, "unit": PERCENT}}
                    ],
                    "conformityTopic": topic,
                    "conformityEvidence": {"linkURL": evidence["url"], "linkName": evidence["title"]}
                    if evidence
                    else None,
                }
            )
        )
    return claims


def _circularity(snapshot: dict, urls: CredentialUrls) -> dict:
    materials = snapshot.get("materials") or []
    known = [m for m in materials if m.get("share_percent") and m.get("recycled_content_percent") is not None]
    recycled = sum(m["share_percent"] * m["recycled_content_percent"] for m in known) / 10000 if known else None
    end_of_life = snapshot.get("end_of_life") or {}
    repair_url = (snapshot.get("repairability") or {}).get("documentation_url") or f"{urls.page}#repair"
    return _drop_empty(
        {
            "type": ["CircularityPerformance"],
            "repairInformation": {"linkURL": repair_url, "linkName": "Repair information"},
            "recyclingInformation": {"linkURL": f"{urls.page}#end-of-life", "linkName": "End of life and take-back"},
            "recyclableContent": _fraction(end_of_life.get("recyclable_share_percent")),
            "recycledContent": round(recycled, 6) if recycled is not None else None,
        }
    )


def build_credential(
    snapshot: dict, *, content_hash: str, issuer: dict, urls: CredentialUrls, status: dict | None = None
) -> dict:
    """The unsigned credential of one version; ``issuer`` is ``{"id": did, "name": ...}``, ``status`` its
    Bitstring Status List entry (``credentialStatus``), when it has one."""
    product = snapshot["product"]
    granularity = product.get("granularity")
    subject = _drop_empty(
        {
            "type": ["ProductPassport"],
            "id": urls.snapshot,
            "product": _product(snapshot, urls),
            "granularityLevel": granularity if granularity in GRANULARITIES else "model",
            "materialsProvenance": _materials(snapshot),
            "conformityClaim": _claims(snapshot, urls),
            "circularityScorecard": _circularity(snapshot, urls),
            # Which version of which passport this is, and the hash of its snapshot as published.
            "passportCode": product["passport_code"],
            "passportVersion": snapshot["version"],
            "passportSnapshot": {
                "linkURL": urls.snapshot,
                "linkName": f"Passport {product['passport_code']}, version {snapshot['version']}",
                "linkType": "https://ref.gs1.org/voc/dpp",
                "hashDigest": content_hash,
                "hashMethod": "SHA-256",
            },
        }
    )
    credential = {
        "@context": [VC_CONTEXT, UNTP_DPP_CONTEXT],
        "type": CREDENTIAL_TYPES,
        "id": urls.credential,
        "issuer": {"type": ["CredentialIssuer"], "id": issuer["id"], "name": issuer["name"]},
        "validFrom": snapshot["published_at"],
        "credentialSubject": subject,
    }
    if status is not None:
        credential["credentialStatus"] = status
    return credential
