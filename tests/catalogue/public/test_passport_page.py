"""Public passport pages: content from the frozen snapshot, versions, banners, languages, JSON-LD and speed."""

import json
import re

import pytest
from django.test import Client
from django.utils.html import escape

from catalogue.passports.jsonld import passport_jsonld
from catalogue.passports.presentation import passport_card, passport_page, supply_chain_diagram
from catalogue.passports.services import publish_product, withdraw_product
from catalogue.public.page_cache import CSRF_PLACEHOLDER
from catalogue.public.selectors import card_snapshots
from tests.factories import ProductFactory, bare_product, complete_product, republished, showcase_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def knife(maker):
    """A fully disclosed chef's knife of ``maker``, not yet published."""
    return showcase_product(maker=maker)


def page_html(client, url, language="en", **headers):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language, **headers)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def jsonld_of(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_current_passport_shows_every_section(client, knife):
    snapshot = publish_product(knife).snapshot
    html = page_html(client, f"/p/{knife.passport_code}")
    assert '<h1 id="passport-title" lang="de">Kochmesser Schmiedeklinge 20 cm</h1>' in html
    assert f'class="grade-badge large grade-{snapshot["score"]["grade"]}"' in html
    for subscore in ("Durability", "Repairability", "Supply chain", "Circularity"):
        assert subscore in html
    # Every criterion with its explanation; the unknown ones read "not disclosed".
    for criterion in snapshot["score"]["criteria"]:
        assert escape(criterion["label"]["en"]) in html
        assert escape(criterion["explanation"]["en"]) in html
    assert re.search(r"Refurbishment</span>.*?not disclosed", html, re.S)
    # Materials, supply chain (list and diagram), durability, repair, end of life, evidence, maker.
    assert "X50CrMoV15 Klingenstahl" in html
    assert 'class="step-list"' in html and "Stahlwerk Rhein AG" in html
    assert '<svg class="flow"' in html and '<title id="flow-title">' in html
    assert "a supplier (name confidential)" in html
    assert "Härterei im Hinterhof" not in html  # the confidential supplier's name
    assert "Von Hand spülen" in html
    assert "Griffschalen" in html and "Resharpening" in html
    assert "Klinge und Nieten zum Metallschrott" in html
    assert 'badge-verified">verified' in html and "declared by the maker" in html
    assert f'href="/makers/{knife.maker.slug}/"' in html
    # PDFs in both languages, by the PDF views' paths.
    assert f'href="/p/{knife.passport_code}/passport.pdf?lang=de"' in html
    assert f'href="/p/{knife.passport_code}/passport.pdf?lang=en"' in html


def test_unknown_values_read_not_disclosed(client):
    product = bare_product()
    publish_product(product)
    html = page_html(client, f"/p/{product.passport_code}")
    assert html.count("not disclosed") >= 6
    assert "Durability is not disclosed." in html
    assert "Repairability is not disclosed." in html
    assert "End of life is not disclosed." in html
    assert "No evidence has been published." in html


def test_page_shows_the_snapshot_not_live_data(client, knife):
    publish_product(knife)
    knife.name = "Unveröffentlichter Entwurfsname"
    knife.save()
    html = page_html(client, f"/p/{knife.passport_code}")
    assert "Unveröffentlichter Entwurfsname" not in html
    assert "Kochmesser Schmiedeklinge 20 cm" in html


def test_german_and_english(client, knife):
    publish_product(knife)
    german = client.get(f"/p/{knife.passport_code}", HTTP_ACCEPT_LANGUAGE="de")
    english = client.get(f"/p/{knife.passport_code}", HTTP_ACCEPT_LANGUAGE="en")
    assert german["Content-Language"] == "de" and english["Content-Language"] == "en"
    assert '<html lang="de">' in german.content.decode()
    assert knife.category.name_de in german.content.decode().split("passport-kicker")[1][:200]
    assert escape(knife.category.name_en) in english.content.decode().split("passport-kicker")[1][:200]
    # Bilingual snapshot texts follow the language: the criterion label.
    assert ">Garantie<" in german.content.decode()
    assert ">Warranty<" in english.content.decode()


def test_json_ld_describes_the_product(client, knife):
    snapshot = publish_product(knife).snapshot
    data = jsonld_of(page_html(client, f"/p/{knife.passport_code}"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Product"
    assert data["name"] == knife.name
    assert data["gtin14"] == knife.gtin
    assert data["productID"] == knife.passport_code
    assert data["manufacturer"]["name"] == knife.maker.name
    grades = [item["value"] for item in data["additionalProperty"] if item["name"] == "Grade"]
    assert grades == [snapshot["score"]["grade"]]


def test_json_ld_cannot_break_out_of_its_script(client):
    product = complete_product(name="Messer </script><script>alert(1)</script>")
    publish_product(product)
    html = page_html(client, f"/p/{product.passport_code}")
    assert "<script>alert(1)" not in html
    assert jsonld_of(html)["name"] == product.name


def test_json_ld_renderer_is_pure_and_skips_unknowns(knife):
    bare = passport_jsonld(publish_product(bare_product()).snapshot, "en")
    for unknown in ("gtin14", "identifier", "mpn", "weight"):
        assert unknown not in bare, unknown
    assert "price" not in bare["offers"] and "warranty" not in bare["offers"]
    assert bare["material"] == "X50CrMoV15"
    snapshot = publish_product(knife).snapshot
    assert passport_jsonld(snapshot, "de")["category"] == knife.category.name_de
    assert passport_jsonld(snapshot, "en")["category"] == knife.category.name_en
    known = passport_jsonld(snapshot, "en")
    assert known["gtin14"] == knife.gtin
    assert known["offers"]["price"] == 129.0
    assert known["material"] == ["X50CrMoV15 Klingenstahl", "Olivenholz", "Messing"]


def test_superseded_version_has_a_banner(client, knife):
    publish_product(knife)
    republished(knife)
    old = page_html(client, f"/p/{knife.passport_code}/v/1")
    assert "banner-superseded" in old
    assert "superseded by version 2" in old
    assert f'href="/p/{knife.passport_code}"' in old
    assert f'href="/p/{knife.passport_code}/v/1/passport.pdf?lang=en"' in old
    current = page_html(client, f"/p/{knife.passport_code}")
    assert "banner-superseded" not in current
    assert f'href="/p/{knife.passport_code}/v/1"' in current  # version history links every version
    assert f'href="/p/{knife.passport_code}/v/2"' in current


def test_withdrawn_passport_stays_readable_with_a_banner(client, knife):
    publish_product(knife)
    withdraw_product(knife)
    html = page_html(client, f"/p/{knife.passport_code}")
    assert "banner-withdrawn" in html
    assert "This passport has been withdrawn." in html
    assert '<h1 id="passport-title" lang="de">Kochmesser Schmiedeklinge 20 cm</h1>' in html


def test_never_published_product_is_404_for_everyone(maker_client, maker):
    draft = ProductFactory(maker=maker, name="Geheimer Entwurf")
    for visitor in (Client(), maker_client):  # anonymous, and the maker itself
        response = visitor.get(f"/p/{draft.passport_code}")
        assert response.status_code == 404
        assert "Geheimer Entwurf" not in response.content.decode()


def test_unknown_code_is_a_helpful_404(client):
    response = client.get("/p/K7QX2M9C")
    assert response.status_code == 404
    assert 'name="q"' in response.content.decode()
    assert client.get("/p/NOT-A-CODE").status_code == 404


def test_missing_version_is_404(client, knife):
    publish_product(knife)
    assert client.get(f"/p/{knife.passport_code}/v/2").status_code == 404


def test_loosely_typed_code_redirects_to_the_canonical_url(client, knife):
    publish_product(knife)
    code = knife.passport_code
    loose = f"{code[:4].lower()}-{code[4:].lower()}"
    response = client.get(f"/p/{loose}")
    assert response.status_code == 301
    assert response["Location"] == f"/p/{code}"
    response = client.get(f"/p/{loose}/v/1")
    assert response.status_code == 301
    assert response["Location"] == f"/p/{code}/v/1"


@pytest.mark.parametrize("path", ["/p/{code}", "/p/{code}/v/1"])
def test_passport_page_needs_at_most_four_queries(client, knife, path, django_assert_max_num_queries):
    publish_product(knife)
    publish_product(knife)
    url = path.format(code=knife.passport_code)
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200


def test_cached_page_needs_one_query(client, knife, django_assert_num_queries):
    publish_product(knife)
    client.get(f"/p/{knife.passport_code}")
    with django_assert_num_queries(1):
        response = client.get(f"/p/{knife.passport_code}")
    assert knife.name in response.content.decode()


def test_conditional_get(client, knife):
    publish_product(knife)
    url = f"/p/{knife.passport_code}"
    first = client.get(url)
    assert "no-cache" in first["Cache-Control"]
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A new version, a withdrawal or another language each change the page and its ETag.
    republished(knife)
    second = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200
    withdraw_product(knife)
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 200
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200


def test_accessible_markup(client, knife):
    snapshot = publish_product(knife).snapshot
    html = page_html(client, f"/p/{knife.passport_code}")
    assert html.count("<h1") == 1
    assert 'role="img" aria-labelledby="flow-title flow-desc"' in html
    assert f'aria-label="Grade {snapshot["score"]["grade"]}"' in html
    assert '<nav class="section-nav" aria-label=' in html
    for section in ("score", "materials", "supply-chain", "care", "repair", "end-of-life", "evidence", "maker"):
        assert f'<section id="{section}"' in html


def test_diagram_puts_each_step_in_its_region_lane(knife):
    page = passport_page(publish_product(knife).snapshot, "en")
    diagram = supply_chain_diagram(page["supply_chain"])
    lanes = {lane["label"]: lane["centre"] for lane in diagram["lanes"]}
    xs = [point["x"] for point in diagram["points"]]
    assert xs[0] == lanes["Germany"]  # raw material from Duisburg
    assert xs[1] == lanes["Solingen"]  # forging
    assert xs[-1] == lanes["Bergisch"]  # packaging in Wuppertal
    assert len(diagram["line"].split()) == len(page["supply_chain"])


def csrf_token_in(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_cached_page_carries_a_working_csrf_token_for_each_visitor(knife):
    publish_product(knife)
    url = f"/p/{knife.passport_code}"
    Client().get(url)  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(url)
    html = visitor.get(url).content.decode()
    assert CSRF_PLACEHOLDER not in html
    switched = visitor.post(
        "/i18n/setlang/", {"language": "en", "next": url, "csrfmiddlewaretoken": csrf_token_in(html)}
    )
    assert switched.status_code == 302
    assert switched.cookies["django_language"].value == "en"


def test_cached_anonymous_page_never_reaches_a_signed_in_user(maker_client, maker_user, knife):
    publish_product(knife)
    url = f"/p/{knife.passport_code}"
    anonymous = Client()
    anonymous.get(url)
    assert 'href="/accounts/login/"' in anonymous.get(url).content.decode()  # from the whole-page cache
    signed_in = maker_client.get(url).content.decode()
    assert maker_user.get_username() in signed_in
    assert maker_user.get_username() not in Client().get(url).content.decode()


def test_a_really_published_product_end_to_end(client, maker_user):
    product = complete_product(name="Brotmesser Wellenschliff")
    version = publish_product(product, maker_user)
    grade = version.snapshot["score"]["grade"]
    assert client.get("/lookup/", {"code": product.gtin}).headers["Location"] == f"/p/{product.passport_code}"
    html = page_html(client, f"/p/{product.passport_code}")
    assert "Brotmesser Wellenschliff" in html
    assert f'class="grade-badge large grade-{grade}"' in html
    assert jsonld_of(html)["gtin14"] == product.gtin
    assert client.get(f"/01/{product.gtin}")["Location"].endswith(f"/p/{product.passport_code}")
    browse = client.get("/products/", {"grade": grade}, HTTP_ACCEPT_LANGUAGE="en")
    assert [card["code"] for card in browse.context["cards"]] == [product.passport_code]
    withdraw_product(product)
    assert "This passport has been withdrawn." in page_html(client, f"/p/{product.passport_code}")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("make", [complete_product, bare_product])
def test_a_card_shows_what_the_page_shows(make, language):
    snapshot = publish_product(make()).snapshot
    page, card = passport_page(snapshot, language), passport_card(snapshot, language)
    assert card == {
        "name": page["product"]["name"],
        "category": page["product"]["category"],
        "maker": page["maker"]["name"],
        "price": page["product"]["price"],
        "score": {key: page["score"][key] for key in ("overall", "overall_display", "grade", "grade_class")},
        "solingen": page["score"]["solingen_qualifies"],
    }
    assert card["name"] and card["category"] and card["score"]["grade"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_parts_read_for_cards_make_the_same_cards_as_whole_snapshots(language):
    products = [complete_product(), bare_product(), showcase_product(), complete_product()]
    versions = [publish_product(product) for product in products]
    versions[3] = republished(products[3])  # the card is the current version's, not the first's
    parts = card_snapshots(product.pk for product in products)
    assert set(parts) == {product.pk for product in products}
    for product, version in zip(products, versions, strict=True):
        assert passport_card(parts[product.pk], language) == passport_card(version.snapshot, language)


def test_cards_in_a_list_never_read_whole_snapshots_or_stored_api_texts(client, django_assert_max_num_queries):
    for _ in range(3):
        publish_product(complete_product())
    with django_assert_max_num_queries(12) as captured:
        assert len(client.get("/products/").context["cards"]) == 3
    read = " ".join(query["sql"] for query in captured.captured_queries)
    for column in ("public_detail_json", "list_row", "open_data_csv_row"):
        assert column not in read, column
    # Paths into the snapshot are read; the snapshot itself is never a selected column.
    assert '"snapshot"' in read
    assert not re.search(r'"snapshot"(\s*,\s*"|\s+FROM\b)', read)


def test_a_card_of_a_snapshot_without_a_score_has_no_badge():
    snapshot = publish_product(complete_product()).snapshot
    card = passport_card({**snapshot, "score": None}, "de")
    assert (card["score"], card["solingen"]) == (None, None)
