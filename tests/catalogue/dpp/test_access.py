"""Access levels: the restricted part reaches granted organisations' users and tokens, logged, and nobody else."""

import datetime
import json

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalogue.dpp.access import AccessClass, access_class
from catalogue.dpp.models import AccessGrant, RestrictedRead
from catalogue.passports.pdf.document import render_passports
from tests.catalogue.passports.pdf_helpers import pdf_text

from .conftest import SECRETS, grant

pytestmark = pytest.mark.django_db


def leaked(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def token_client(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def test_the_registry_classifies_fields():
    assert access_class("repairability.disassembly_notes") == AccessClass.LEGITIMATE_INTEREST
    assert access_class("materials.substance_concentration") == AccessClass.LEGITIMATE_INTEREST
    assert access_class("materials.name") == AccessClass.PUBLIC
    assert access_class("supplier_contacts.email") == AccessClass.CONFIDENTIAL


def test_every_key_of_a_new_snapshot_is_classified_public(restricted):
    snapshot = restricted.passport_versions.get().snapshot
    assert {key: access_class(key) for key in snapshot} == dict.fromkeys(snapshot, AccessClass.PUBLIC)


def test_a_granted_repairer_reads_the_restricted_section_on_the_page_and_it_is_logged(
    client, restricted, repairer_membership
):
    client.force_login(repairer_membership.user)
    response = client.get(f"/p/{restricted.passport_code}")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="restricted"' in html
    assert set(leaked(html)) == set(SECRETS)
    assert "no-store" in response["Cache-Control"]
    read = RestrictedRead.objects.get()
    assert (read.user, read.channel, read.version.product) == (repairer_membership.user, "page", restricted)
    assert read.organisation_name == "Schleiferei Kowalski"
    client.get(f"/p/{restricted.passport_code}")
    assert RestrictedRead.objects.count() == 2  # never a cached or 304 answer: every read is logged


def test_a_granted_repairers_token_reads_restricted_in_detail_and_version_endpoints(restricted, repairer_membership):
    api = token_client(repairer_membership.user)
    detail = api.get(f"/api/v1/passports/{restricted.passport_code}/")
    version = api.get(f"/api/v1/passports/{restricted.passport_code}/versions/1/")
    for response in (detail, version):
        assert response.status_code == 200
        restricted_part = response.json()["restricted"]
        assert restricted_part["content"]["repairability"]["disassembly_notes"] == SECRETS[1]
        assert restricted_part["content"]["spare_parts"][0]["supplier_contact"] == SECRETS[2]
        assert restricted_part["sha256"] == response.json()["passport"]["restricted_part"]["sha256"]
    reads = list(RestrictedRead.objects.values_list("channel", "username"))
    assert reads == [("api", repairer_membership.user.username)] * 2


def test_a_granted_maker_organisations_member_reads_it_too(client, restricted, other_maker_membership):
    grant(other_maker_membership.organisation, role=AccessGrant.Role.RECYCLER)
    response = token_client(other_maker_membership.user).get(f"/api/v1/passports/{restricted.passport_code}/")
    assert response.json()["restricted"]["role"] == "recycler"


def test_the_restricted_hash_verifies_against_the_content(restricted, repairer_membership):
    import hashlib

    from catalogue.passports.hashing import canonical_json

    data = token_client(repairer_membership.user).get(f"/api/v1/passports/{restricted.passport_code}/").json()
    assert hashlib.sha256(canonical_json(data["restricted"]["content"])).hexdigest() == data["restricted"]["sha256"]


def _public_outputs(client, product) -> dict[str, str]:
    code = product.passport_code
    version = product.passport_versions.get()
    outputs = {
        "page": client.get(f"/p/{code}").content.decode(),
        "version page": client.get(f"/p/{code}/v/1").content.decode(),
        "api detail": client.get(f"/api/v1/passports/{code}/").content.decode(),
        "api version": client.get(f"/api/v1/passports/{code}/versions/1/").content.decode(),
        "api list": client.get("/api/v1/passports/").content.decode(),
        "csv export": b"".join(client.get("/api/v1/export/passports.csv").streaming_content).decode(),
        "jsonld export": b"".join(client.get("/api/v1/export/passports.jsonld").streaming_content).decode(),
        "pdf": pdf_text(render_passports([version.snapshot], "de")),
        "pdf view": pdf_text(client.get(f"/p/{code}/passport.pdf?lang=de").content),
    }
    if product.gtin:
        outputs["resolver linkset"] = client.get(
            f"/01/{product.gtin}", HTTP_ACCEPT="application/linkset+json"
        ).content.decode()
    return outputs


def test_anonymous_reads_never_contain_restricted_data(client, restricted):
    outputs = _public_outputs(client, restricted)
    assert all(outputs.values())
    assert {name: leaked(text) for name, text in outputs.items()} == {name: [] for name in outputs}
    assert '"restricted"' not in outputs["api detail"]
    assert not RestrictedRead.objects.exists()


def test_an_ordinary_retailer_never_sees_it(client, restricted, retailer_membership):
    client.force_login(retailer_membership.user)
    assert not leaked(client.get(f"/p/{restricted.passport_code}").content.decode())
    api = token_client(retailer_membership.user)
    assert "restricted" not in api.get(f"/api/v1/passports/{restricted.passport_code}/").json()
    assert not RestrictedRead.objects.exists()


def test_an_expired_or_revoked_grant_opens_nothing(client, restricted, repairer_membership):
    AccessGrant.objects.update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    api = token_client(repairer_membership.user)
    assert "restricted" not in api.get(f"/api/v1/passports/{restricted.passport_code}/").json()
    AccessGrant.objects.update(expires_on=timezone.localdate(), revoked_at=timezone.now())
    client.force_login(repairer_membership.user)
    assert not leaked(client.get(f"/p/{restricted.passport_code}").content.decode())
    assert not RestrictedRead.objects.exists()


def test_the_expiry_day_itself_still_counts(restricted, repairer_membership):
    AccessGrant.objects.update(expires_on=timezone.localdate())
    api = token_client(repairer_membership.user)
    assert "restricted" in api.get(f"/api/v1/passports/{restricted.passport_code}/").json()


def test_the_maker_sees_the_log_of_its_passports_only(
    client, restricted, repairer_membership, maker_user, other_maker_membership
):
    token_client(repairer_membership.user).get(f"/api/v1/passports/{restricted.passport_code}/")
    client.force_login(maker_user)
    assert "/workspace/restricted-reads/" in client.get("/workspace/").content.decode()
    html = client.get("/workspace/restricted-reads/").content.decode()
    assert repairer_membership.user.username in html and "Schleiferei Kowalski" in html
    client.force_login(other_maker_membership.user)
    assert repairer_membership.user.username not in client.get("/workspace/restricted-reads/").content.decode()


def test_the_log_page_lists_without_n_plus_one(
    client, restricted, repairer_membership, maker_user, django_assert_max_num_queries
):
    api = token_client(repairer_membership.user)
    for _ in range(5):
        api.get(f"/api/v1/passports/{restricted.passport_code}/")
    client.force_login(maker_user)
    client.get("/workspace/restricted-reads/")  # warm the session
    with django_assert_max_num_queries(8):
        response = client.get("/workspace/restricted-reads/")
    assert response.content.decode().count("<tr>") == 6


def test_a_restricted_part_is_immutable(restricted):
    part = restricted.passport_versions.get().restricted_part
    with pytest.raises(PermissionError):
        part.save()
    with pytest.raises(PermissionError):
        type(part).objects.filter(pk=part.pk).update(content={})


def test_staff_grant_in_the_admin(staff_client, retailer):
    response = staff_client.post(
        "/admin/catalogue/accessgrant/add/",
        {"retailer": retailer.pk, "role": "authority", "expires_on": "2099-12-31", "reason": "Marktüberwachung"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    grant_row = AccessGrant.objects.get()
    assert (grant_row.organisation, grant_row.granted_by.is_staff) == (retailer, True)


def test_json_of_restricted_never_in_jsonld_script(client, restricted, repairer_membership):
    client.force_login(repairer_membership.user)
    html = client.get(f"/p/{restricted.passport_code}").content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert not leaked(json.dumps(json.loads(script), ensure_ascii=False))
