"""GS1 Digital Link resolver: path syntax, redirects, link types, linksets, Link headers and errors."""

import pytest

from catalogue.passports.services import withdraw_product
from catalogue.resolver.digital_link import DigitalLink, DigitalLinkError, parse_path
from catalogue.resolver.linkset import LINK_TYPES, render_linkset
from tests import factories
from tests.factories import ProductFactory, republished

GTIN14 = "04006381333931"
LINKSET = "application/linkset+json"

# Messages are asserted in English (the msgids); the site's default language is German.
pytestmark = pytest.mark.usefixtures("english")


# ---------- Path syntax (no database) ----------


def test_full_path_is_parsed():
    link = parse_path(f"/01/{GTIN14}/22/20/10/LOT%2D7/21/0001")
    assert link == DigitalLink(gtin=GTIN14, variant="20", batch="LOT-7", serial="0001")
    assert link.path == f"/01/{GTIN14}/22/20/10/LOT-7/21/0001"


def test_short_gtin_is_padded():
    assert parse_path("/01/4006381333931").gtin == GTIN14


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (f"/01/{GTIN14}/10/A/22/B", "qualifier_order"),
        (f"/01/{GTIN14}/21/A/21/B", "qualifier_order"),
        (f"/01/{GTIN14}/99/A", "unknown_qualifier"),
        (f"/01/{GTIN14}/10", "missing_value"),
        (f"/01/{GTIN14}/10/{'X' * 21}", "bad_qualifier_value"),
        ("/01/04006381333932", "gtin_check_digit"),
        ("/01/4006381ABC931", "gtin_not_digits"),
        ("/01/12345", "gtin_length"),
        (f"/02/{GTIN14}", "no_gtin"),
    ],
)
def test_bad_syntax_is_refused_with_a_reason(path, code):
    with pytest.raises(DigitalLinkError) as info:
        parse_path(path)
    assert info.value.code == code
    assert info.value.message


def test_check_digit_error_names_the_expected_digit():
    with pytest.raises(DigitalLinkError) as info:
        parse_path("/01/04006381333932")
    assert "should be 1, not 2" in info.value.message


# ---------- Renderers (no database) ----------


def test_linkset_groups_links_by_full_relation_uri():
    links = [
        {"rel": "gs1:pip", "href": "https://x/p/A", "title": "Page", "type": "text/html", "hreflang": ["de"]},
        {"rel": "gs1:dpp", "href": "https://x/p/A", "title": "Passport"},
        {"rel": "gs1:dpp", "href": "https://x/p/A.pdf", "type": "application/pdf"},
    ]
    linkset = render_linkset("https://x/01/1", links, item_description="Knife")
    context = linkset["linkset"][0]
    assert context["anchor"] == "https://x/01/1"
    assert context["itemDescription"] == "Knife"
    assert context["https://ref.gs1.org/voc/pip"] == [
        {"href": "https://x/p/A", "title": "Page", "type": "text/html", "hreflang": ["de"]}
    ]
    assert [target["href"] for target in context["https://ref.gs1.org/voc/dpp"]] == [
        "https://x/p/A",
        "https://x/p/A.pdf",
    ]


# ---------- Resolver views ----------


@pytest.fixture
def published_product(maker, maker_user):
    """The shared ``published_product`` (tests/conftest.py) with the GTIN that the paths below use."""
    return factories.published_product(maker_user, maker=maker, gtin=GTIN14)


def test_gtin_redirects_with_307_to_the_passport(client, published_product, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver/p/{published_product.passport_code}"
    assert response["Link"] == f'<http://testserver/01/{GTIN14}?linkType=linkset>; rel="linkset"'


def test_qualifiers_in_order_resolve_to_the_product(client, published_product):
    response = client.get(f"/01/{GTIN14}/22/20/10/LOT7/21/0001")
    assert response.status_code == 307
    assert response["Location"].endswith(f"/p/{published_product.passport_code}")


@pytest.mark.parametrize(
    ("link_type", "suffix"),
    [
        ("gs1:dpp", ""),
        ("gs1:pip", ""),
        ("gs1:serviceInfo", "#repair"),
        ("gs1:sustainabilityInfo", "#score"),
        ("gs1:certificationInfo", "#evidence"),
        ("gs1:instructions", "#care"),
        ("https://gs1.org/voc/serviceInfo", "#repair"),
    ],
)
def test_link_type_selects_one_link(client, published_product, link_type, suffix):
    response = client.get(f"/01/{GTIN14}", {"linkType": link_type})
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver/p/{published_product.passport_code}{suffix}"


def test_unknown_link_type_is_404_not_200(client, published_product):
    response = client.get(f"/01/{GTIN14}", {"linkType": "gs1:recipeInfo"})
    assert response.status_code == 404
    assert "gs1:recipeInfo" in response.json()["detail"]


@pytest.mark.parametrize("how", ["query", "accept"])
def test_linkset_by_query_or_accept_header(client, published_product, how, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        if how == "query":
            response = client.get(f"/01/{GTIN14}", {"linkType": "linkset"})
        else:
            response = client.get(f"/01/{GTIN14}", HTTP_ACCEPT=LINKSET)
    assert response.status_code == 200
    assert response["Content-Type"] == LINKSET
    context = response.json()["linkset"][0]
    assert context["anchor"] == f"http://testserver/01/{GTIN14}"
    for link_type in LINK_TYPES:
        assert "https://ref.gs1.org/voc/" + link_type.removeprefix("gs1:") in context
    default = context["https://ref.gs1.org/voc/defaultLink"][0]
    assert default["href"] == f"http://testserver/p/{published_product.passport_code}"
    types = {target["type"] for target in context["https://ref.gs1.org/voc/dpp"]}
    assert types == {"text/html", "application/json", "application/pdf"}


def test_linkset_links_work(client, published_product):
    context = client.get(f"/01/{GTIN14}", {"linkType": "linkset"}).json()["linkset"][0]
    json_link = next(t for t in context["https://ref.gs1.org/voc/dpp"] if t["type"] == "application/json")
    passport = client.get(json_link["href"])
    assert passport.status_code == 200
    assert passport.json()["passport_code"] == published_product.passport_code
    page = client.get(context["https://ref.gs1.org/voc/pip"][0]["href"])
    assert page.status_code == 200
    assert published_product.name in page.content.decode()


def test_head_answers_like_get_without_a_body(client, published_product):
    response = client.head(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response.content == b""
    assert response["Location"] == f"http://testserver/p/{published_product.passport_code}"
    assert response["Link"] == f'<http://testserver/01/{GTIN14}?linkType=linkset>; rel="linkset"'


def test_conditional_get_answers_304(client, published_product):
    first = client.get(f"/01/{GTIN14}", {"linkType": "linkset"})
    etag = first["ETag"]
    again = client.get(f"/01/{GTIN14}", {"linkType": "linkset"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    republished(published_product)
    changed = client.get(f"/01/{GTIN14}", {"linkType": "linkset"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert client.get(f"/01/{GTIN14}", {"linkType": "linkset"}, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        f"/01/{GTIN14}/10/A/22/B",  # qualifiers out of order
        "/01/04006381333932",  # bad check digit
        "/01/4006381ABC931",
        f"/01/{GTIN14}/99/X",
        f"/01/{GTIN14}/10",
    ],
)
def test_bad_syntax_is_400_with_json_detail(client, published_product, path):
    with pytest.raises(DigitalLinkError) as info:
        parse_path(path)
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()["detail"] == info.value.message
    assert published_product.passport_code not in response.content.decode()


def test_bad_syntax_for_a_browser_is_an_html_page(client, db):
    response = client.get("/01/04006381333932", HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "should be 1, not 2" in response.content.decode()


def test_unknown_gtin_is_404(client, db):
    response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 404
    assert GTIN14 in response.json()["detail"]


def test_unpublished_gtin_is_404(client, db):
    draft = ProductFactory(gtin=GTIN14)
    for response in (client.get(f"/01/{GTIN14}"), client.get(f"/01/{GTIN14}", {"linkType": "linkset"})):
        assert response.status_code == 404
        # The same answer as for a GTIN nobody has: nothing tells that a draft exists.
        assert response.json() == {"detail": f"No published passport has the GTIN {GTIN14}."}
        assert draft.passport_code not in response.content.decode()


def test_withdrawn_passport_still_resolves(client, published_product):
    withdraw_product(published_product)
    response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver/p/{published_product.passport_code}"


def test_cors_is_open(client, published_product):
    response = client.get(f"/01/{GTIN14}", {"linkType": "linkset"}, HTTP_ORIGIN="https://scanner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Link" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        f"/01/{GTIN14}", HTTP_ORIGIN="https://scanner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"


def test_options_and_other_methods(client, published_product):
    options = client.options(f"/01/{GTIN14}")
    assert options.status_code == 204
    assert "HEAD" in options["Allow"]
    assert client.post(f"/01/{GTIN14}").status_code == 405


def test_resolver_description(client, db):
    response = client.get("/.well-known/gs1resolver", HTTP_ORIGIN="https://scanner.example")
    assert response.status_code == 200
    data = response.json()
    assert data["resolverRoot"] == "http://testserver"
    assert data["supportedPrimaryKeys"] == ["01"]
    assert data["supportedLinkType"] == [{"namespace": "https://ref.gs1.org/voc/", "prefix": "gs1:"}]
    assert response["Access-Control-Allow-Origin"] == "*"
