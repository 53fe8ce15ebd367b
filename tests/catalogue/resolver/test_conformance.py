"""The GS1-Conformant Resolver standard and GS1 Digital Link URI syntax, statement by statement."""

import json
from pathlib import Path

import pytest
from django.test import Client
from jsonschema import Draft7Validator

from catalogue.resolver.digital_link import DigitalLinkError, parse_path
from tests import factories

GTIN14 = "04006381333931"
LINKSET = "application/linkset+json"
FIXTURES = Path(__file__).parent / "fixtures"
GS1_LINKSET_SCHEMA = json.loads((FIXTURES / "gs1-linkset-schema.json").read_text())
VOC = "https://ref.gs1.org/voc/"
# The members a resolver description file may have (GS1-Conformant Resolver standard, description file).
DESCRIPTION_MEMBERS = {
    "name",
    "resolverRoot",
    "supportedPrimaryKeys",
    "supportedLinkType",
    "linkTypeDefaultCanBeLinkset",
    "supportedContextValuesEnumerated",
    "supportedContextValuesExternal",
    "contact",
    "extensionProfile",
    "jsonLdContextLocation",
}

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def published_product(maker, maker_user):
    return factories.published_product(maker_user, maker=maker, gtin=GTIN14)


@pytest.fixture
def page(published_product):
    return f"http://testserver/p/{published_product.passport_code}"


def _linkset(client, path=f"/01/{GTIN14}"):
    response = client.get(path, {"linkType": "linkset"})
    assert response.status_code == 200
    return response


# ---------- Linkset ----------


@pytest.mark.parametrize("path", [f"/01/{GTIN14}", f"/01/{GTIN14}/10/LOT2026A/21/0042"])
def test_linkset_validates_against_gs1_linkset_schema(client, published_product, path):
    linkset = _linkset(client, path).json()
    errors = [
        f"{list(error.path)}: {error.message}" for error in Draft7Validator(GS1_LINKSET_SCHEMA).iter_errors(linkset)
    ]
    assert errors == []
    assert linkset["linkset"][0]["anchor"] == f"http://testserver{path}"


def test_linkset_carries_the_item_description(client, published_product):
    context = _linkset(client).json()["linkset"][0]
    assert context["itemDescription"] == published_product.name


def test_default_link_has_only_href_and_title(client, published_product, page):
    context = _linkset(client).json()["linkset"][0]
    assert context[VOC + "defaultLink"] == [{"href": page, "title": "Digital product passport"}]


@pytest.mark.parametrize("how", ["query", "accept"])
def test_linkset_answer_links_to_the_json_ld_context(client, published_product, how):
    response = _linkset(client) if how == "query" else client.get(f"/01/{GTIN14}", HTTP_ACCEPT=LINKSET)
    assert response["Content-Type"] == LINKSET
    assert response["Link"] == (
        '<https://ref.gs1.org/standards/resolver/linkset-context>; rel="http://www.w3.org/ns/json-ld#context"; '
        'type="application/ld+json"'
    )
    assert client.get("/.well-known/gs1resolver").json()["jsonLdContextLocation"] in response["Link"]


# ---------- Redirects ----------


@pytest.mark.parametrize("query", [{}, {"linkType": "gs1:serviceInfo"}])
def test_redirect_link_header_is_only_the_linkset_link(client, published_product, query):
    for response in (client.get(f"/01/{GTIN14}/21/0042", query), client.head(f"/01/{GTIN14}/21/0042", query)):
        assert response.status_code == 307
        assert response["Link"] == f'<http://testserver/01/{GTIN14}/21/0042?linkType=linkset>; rel="linkset"'


def test_query_string_is_passed_on_to_the_target(client, published_product, page):
    response = client.get(f"/01/{GTIN14}?foo=bar&x=1%202")
    assert response["Location"] == f"{page}?foo=bar&x=1%202"
    one_type = client.get(f"/01/{GTIN14}?linkType=gs1:serviceInfo&foo=bar")
    # The resolver's own linkType parameter is consumed; the rest goes before the fragment.
    assert one_type["Location"] == f"{page}?foo=bar#repair"


def test_redirects_and_linksets_carry_cache_control(client, published_product):
    redirect = client.get(f"/01/{GTIN14}")
    linkset = _linkset(client)
    for response in (redirect, linkset):
        assert "max-age=300" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
    revalidated = client.get(f"/01/{GTIN14}", HTTP_IF_NONE_MATCH=redirect["ETag"])
    assert revalidated.status_code == 304
    assert "max-age=300" in revalidated["Cache-Control"]


# ---------- Methods ----------


@pytest.mark.parametrize("path", [f"/01/{GTIN14}", "/.well-known/gs1resolver"])
def test_cors_preflight_allows_get_head_and_options(client, published_product, path):
    preflight = client.options(
        path, HTTP_ORIGIN="https://scanner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET,HEAD,OPTIONS"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    methods = {method.strip() for method in preflight["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}


def test_preflight_of_a_digital_link_carries_the_linkset_link(client, published_product):
    preflight = client.options(
        f"/01/{GTIN14}", HTTP_ORIGIN="https://scanner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Link"] == f'<http://testserver/01/{GTIN14}?linkType=linkset>; rel="linkset"'


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", [f"/01/{GTIN14}", "/.well-known/gs1resolver"])
def test_writing_methods_answer_405_not_403(published_product, method, path):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert {m.strip() for m in response["Allow"].split(",")} == {"GET", "HEAD", "OPTIONS"}


# ---------- Content negotiation within a link type ----------


def test_dpp_as_json_by_accept_header(client, published_product):
    response = client.get(f"/01/{GTIN14}", {"linkType": "gs1:dpp"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver/api/v1/lookup?code={GTIN14}"
    passport = client.get(response["Location"])
    assert passport.json()["passport_code"] == published_product.passport_code


def test_dpp_as_pdf_by_accept_header(client, published_product, page):
    response = client.get(f"/01/{GTIN14}", {"linkType": "gs1:dpp"}, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 307
    assert response["Location"] == f"{page}/passport.pdf"
    pdf = client.get(response["Location"])
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]).startswith(b"%PDF")


def test_dpp_by_accept_header_chooses_among_its_links(client, published_product, page):
    json_url = f"http://testserver/api/v1/lookup?code={GTIN14}"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    expected = {
        "application/json": json_url,
        "application/json;q=0.9, application/pdf;q=0.5": json_url,
        "application/pdf": f"{page}/passport.pdf",
        "text/html": page,
        browser: page,
        "*/*": page,
    }
    found = {
        accept: client.get(f"/01/{GTIN14}", {"linkType": "gs1:dpp"}, HTTP_ACCEPT=accept)["Location"]
        for accept in expected
    }
    assert found == expected


# ---------- Description file ----------


def test_description_file_holds_only_members_of_the_standard(client, db):
    data = client.get("/.well-known/gs1resolver").json()
    assert set(data) <= DESCRIPTION_MEMBERS
    assert {"resolverRoot", "supportedPrimaryKeys"} <= set(data)
    assert data["supportedPrimaryKeys"] == ["01"]
    assert data["linkTypeDefaultCanBeLinkset"] is False


# ---------- Syntax: percent-decoding exactly once ----------


def test_values_are_percent_decoded_exactly_once():
    assert parse_path(f"/01/{GTIN14}/10/AB%2F12").batch == "AB/12"
    assert parse_path(f"/01/{GTIN14}/10/A%2541").batch == "A%41"
    assert parse_path(f"/01/{GTIN14}/10/A%41", encoded=False).batch == "A%41"


@pytest.mark.parametrize("server_meta", ["RAW_URI", "REQUEST_URI"])
def test_encoded_slash_in_a_batch_resolves(client, published_product, page, server_meta):
    # gunicorn (RAW_URI) and uWSGI (REQUEST_URI) pass the path as sent; the WSGI path is already decoded.
    path = f"/01/{GTIN14}/10/AB%2F12"
    response = client.get(path, **{server_meta: path})
    assert response.status_code == 307
    assert response["Location"] == page
    linkset = client.get(path, {"linkType": "linkset"}, **{server_meta: f"{path}?linkType=linkset"}).json()
    assert linkset["linkset"][0]["anchor"] == f"http://testserver{path}"


@pytest.mark.parametrize("server_meta", ["RAW_URI", None])
def test_encoded_percent_stays_a_percent(client, published_product, server_meta):
    path = f"/01/{GTIN14}/10/A%2541"
    extra = {server_meta: f"{path}?linkType=linkset"} if server_meta else {}
    linkset = client.get(path, {"linkType": "linkset"}, **extra).json()
    assert linkset["linkset"][0]["anchor"] == f"http://testserver{path}"


# ---------- Syntax: AI 235 ----------


def test_ai_235_qualifies_a_gtin(client, published_product, page):
    link = parse_path(f"/01/{GTIN14}/235/TPX-{'9' * 24}")
    assert link.tpx == "TPX-" + "9" * 24
    assert link.path == f"/01/{GTIN14}/235/TPX-{'9' * 24}"
    response = client.get(f"/01/{GTIN14}/235/TPX1")
    assert response.status_code == 307
    assert response["Location"] == page


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (f"/01/{GTIN14}/10/A/235/B", "qualifier_order"),
        (f"/01/{GTIN14}/235/B/21/C", "qualifier_order"),
        (f"/01/{GTIN14}/235/{'X' * 29}", "bad_qualifier_value"),
    ],
)
def test_ai_235_only_where_the_syntax_dictionary_allows_it(client, db, path, code):
    with pytest.raises(DigitalLinkError) as info:
        parse_path(path)
    assert info.value.code == code
    assert client.get(path).json()["detail"] == info.value.message


# ---------- Syntax: AIs in the query string ----------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("17=261331", "AI 17"),
        ("17=2612", "AI 17 in the query string should be 6 digits (YYMMDD)"),
        ("3103=12.5", "AI 3103"),
        ("240=" + "A" * 31, "1 to 30 characters"),
        ("12345=1", "AI 12345 in the query string is not a GS1 Application Identifier"),
        ("10=LOT", "it belongs in the path (/10/…)"),
        ("250=S2", "AI 250 needs one of these AIs beside it: 21"),
        ("17=261231&17=261231", "AI 17 appears more than once"),
    ],
)
def test_bad_ai_data_in_the_query_is_400(client, published_product, query, expected):
    response = client.get(f"/01/{GTIN14}?{query}")
    assert response.status_code == 400
    assert expected in response.json()["detail"]


def test_good_ai_data_in_the_query_resolves_and_is_passed_on(client, published_product, page):
    response = client.get(f"/01/{GTIN14}/21/0042?17=261200&3103=000189&250=S2&utm_source=qr")
    assert response.status_code == 307
    assert response["Location"] == f"{page}?17=261200&3103=000189&250=S2&utm_source=qr"


# ---------- Syntax: canonical 14-digit GTIN ----------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("4006381333931", GTIN14), ("96385074", "00000096385074"), ("036000291452", "00036000291452")],
)
def test_short_gtin_is_redirected_to_the_canonical_uri(client, db, written, canonical):
    uri = f"/01/{written}/10/AB%2F12?linkType=gs1:pip&foo=bar"
    response = client.get(uri, RAW_URI=uri)
    assert response.status_code in (301, 308)
    assert response["Location"] == f"http://testserver/01/{canonical}/10/AB%2F12?linkType=gs1:pip&foo=bar"


def test_canonical_uri_then_resolves(client, published_product, page):
    first = client.get("/01/4006381333931")
    assert first.status_code in (301, 308)
    assert client.get(first["Location"])["Location"] == page


# ---------- Link-type namespaces ----------


def test_current_namespace_is_emitted_and_older_ones_are_accepted(client, published_product, page):
    context = _linkset(client).json()["linkset"][0]
    relations = [key for key in context if key not in ("anchor", "itemDescription")]
    assert relations
    assert all(relation.startswith(VOC) for relation in relations)
    for namespace in ("https://ref.gs1.org/voc/", "http://gs1.org/voc/", "https://gs1.org/voc/", "gs1:"):
        response = client.get(f"/01/{GTIN14}", {"linkType": namespace + "serviceInfo"})
        assert (response.status_code, response["Location"]) == (307, f"{page}#repair")
