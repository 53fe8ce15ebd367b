"""The W3C Bitstring Status List: every new credential names its bit, and the signed list says who is withdrawn."""

import base64
import gzip

import jwt as pyjwt
import pytest

from catalogue.credentials.status_list import LIST_SIZE
from catalogue.models import PassportVersion
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import complete_product

pytestmark = pytest.mark.django_db


def bit(encoded: str, index: int) -> int:
    """Decoded independently of the catalogue, as the specification describes it: multibase base64url, GZIP,
    bit 0 the most significant bit of the first byte."""
    assert encoded[0] == "u"
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 == LIST_SIZE == 131_072
    return (raw[index // 8] >> (7 - index % 8)) & 1


def credential_status(product) -> dict:
    token = PassportVersion.objects.filter(product=product).order_by("-number").first().credential_jwt
    claims = pyjwt.decode(token, options={"verify_signature": False})
    return claims["credentialStatus"]


def test_a_new_credential_names_the_bit_of_its_product(settings):
    product = complete_product()
    publish_product(product)
    status = credential_status(product)
    list_url = f"{settings.SITE_BASE_URL}/credentials/status/0"
    assert status == {
        "id": f"{list_url}#{product.pk}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "suspension",
        "statusListIndex": str(product.pk),
        "statusListCredential": list_url,
    }


def test_the_list_sets_the_bit_of_a_withdrawn_passport_and_clears_it_on_republishing(client):
    kept, withdrawn = complete_product(), complete_product()
    for product in (kept, withdrawn):
        publish_product(product)
    withdraw_product(withdrawn)
    index = int(credential_status(withdrawn)["statusListIndex"])
    listed = client.get("/credentials/status/0")
    assert listed.status_code == 200 and listed["Access-Control-Allow-Origin"] == "*"
    subject = listed.json()["credentialSubject"]
    assert (subject["type"], subject["statusPurpose"]) == ("BitstringStatusList", "suspension")
    assert bit(subject["encodedList"], index) == 1
    assert bit(subject["encodedList"], kept.pk) == 0

    publish_product(withdrawn)  # published again: no longer suspended
    assert bit(client.get("/credentials/status/0").json()["credentialSubject"]["encodedList"], index) == 0


def test_the_signed_list_verifies_with_the_key_in_did_json(client):
    product = complete_product()
    publish_product(product)
    withdraw_product(product)
    token = client.get("/credentials/status/0", HTTP_ACCEPT="application/vc+jwt")
    assert token["Content-Type"] == "application/vc+jwt"
    text = token.content.decode()
    kid = pyjwt.get_unverified_header(text)["kid"]
    method = next(m for m in client.get("/.well-known/did.json").json()["verificationMethod"] if m["id"] == kid)
    claims = pyjwt.decode(text, key=pyjwt.PyJWK(method["publicKeyJwk"]), algorithms=["EdDSA"])
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert bit(claims["credentialSubject"]["encodedList"], product.pk) == 1


def test_a_list_that_covers_no_product_is_404(client):
    complete_product()
    assert client.get(f"/credentials/status/{10**6}").status_code == 404
