"""Public pages v2 (issue 16): navigation, legal pages, the one-tap language switch, the passport summary, maker text
in German, and the web basics (icons, manifest, meta description, canonical URL, sitemap, robots.txt)."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from catalogue.demo.loader import load_demo
from catalogue.legal.models import LegalPage
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import published_product, showcase_product

pytestmark = pytest.mark.django_db


def get(client, url, language="de", status=200):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def legal_pages(db):
    pages = {}
    for slug, title_de, title_en in (
        ("impressum", "Impressum", "Legal notice"),
        ("datenschutz", "Datenschutzerklärung", "Privacy policy"),
        ("barrierefreiheit", "Erklärung zur Barrierefreiheit", "Accessibility statement"),
    ):
        pages[slug] = LegalPage.objects.create(
            slug=slug,
            title_de=title_de,
            title_en=title_en,
            body_de=f"Stadt Solingen\nRathausplatz 1\n\nDeutscher Text von {title_de}.",
            body_en=f"City of Solingen\nRathausplatz 1\n\nEnglish text of {title_en}.",
        )
    return pages


# ---------- 1. Navigation, legal pages, language switch ----------


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("de", ["Produkte", "Hersteller", "Reparatur", "So bewerten wir"]),
        ("en", ["Products", "Makers", "Repair", "How we score"]),
    ],
)
def test_the_header_links_products_makers_repair_and_the_methodology(client, language, labels):
    # German needs the msgstr of "How we score" (reported for the catalogue with issue 16).
    html = get(client, "/", language)
    nav = re.search(r'<nav aria-label="[^"]*" class="main-nav">(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    assert links[:4] == list(zip(["/products/", "/makers/", "/repair/", "/methodology/"], labels, strict=True))


def test_the_signed_in_links_stay(client, maker_user):
    client.force_login(maker_user)
    html = get(client, "/", "en")
    assert 'href="/products/"' in html and 'href="/workspace/"' in html and "Log out" in html


def test_the_footer_links_the_three_legal_pages_and_each_shows_the_staff_text(client, legal_pages):
    html = get(client, "/", "en")
    footer = html[html.index('<footer class="site-footer">') :]
    assert re.findall(r'<a href="([^"]+)">', footer) == ["/impressum/", "/datenschutz/", "/barrierefreiheit/"]
    for slug, page in legal_pages.items():
        german = get(client, f"/{slug}/", "de")
        assert f'<h1 id="legal-title">{page.title_de}</h1>' in german
        assert "<p>Stadt Solingen<br>Rathausplatz 1</p>" in german
        assert f"<p>Deutscher Text von {page.title_de}.</p>" in german
        english = get(client, f"/{slug}/", "en")  # the same path, the English text
        assert f"<p>English text of {page.title_en}.</p>" in english and "Stadt Solingen" not in english


def test_a_legal_page_never_renders_html_from_the_database(client, legal_pages):
    page = legal_pages["impressum"]
    page.body_de = 'Hallo <script>alert(1)</script> <a href="https://evil.example">x</a>'
    page.save()
    html = get(client, "/impressum/", "de")
    assert "<script>alert(1)" not in html and '<a href="https://evil.example">' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_legal_page_that_staff_have_not_written_is_not_found(client):
    get(client, "/impressum/", "de", status=404)


def test_a_legal_page_with_an_empty_text_is_refused_naming_the_field():
    page = LegalPage(slug="impressum", title_de="Impressum", title_en="Legal notice", body_de="  ", body_en="x")
    with pytest.raises(Exception) as error:
        page.full_clean()
    assert "body_de" in error.value.message_dict


def test_staff_edit_the_legal_pages_in_the_admin(staff_client, legal_pages):
    page = legal_pages["datenschutz"]
    response = staff_client.get(f"/admin/catalogue/legalpage/{page.pk}/change/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="body_de"' in html and 'name="body_en"' in html


def test_the_demo_ships_example_legal_texts_with_the_city_as_the_responsible_body(client):
    load_demo()
    load_demo()  # a second run changes nothing
    pages = {page.slug: page for page in LegalPage.objects.all()}
    assert set(pages) == {"impressum", "datenschutz", "barrierefreiheit"}
    for page in pages.values():
        assert page.body_de.startswith("Beispieltext") and page.body_en.startswith("Example text")
        assert "Stadt Solingen" in page.body_de and "City of Solingen" in page.body_en
    assert "BITV 2.0" in pages["barrierefreiheit"].body_de and "EN 301 549" in pages["barrierefreiheit"].body_en
    assert "Art. 13" in pages["datenschutz"].body_de and "§ 5" in pages["impressum"].body_de
    assert "Beispieltext" in get(client, "/impressum/", "de")


def test_the_language_switch_is_one_button_per_language_without_a_select(client):
    html = get(client, "/products/", "de")
    switcher = re.search(r'<div class="language-switcher".*?</div>', html, re.S).group(0)
    assert "<select" not in switcher
    buttons = re.findall(r'<button type="submit" name="language" value="(\w+)"', switcher)
    assert buttons == ["en"]  # the current language is shown, not offered
    assert 'aria-current="true"' in switcher and "Deutsch" in switcher
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', switcher).group(1)
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/products/", "csrfmiddlewaretoken": token}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/products/"
    assert '<html lang="en">' in response.content.decode()


# ---------- 2. The passport page: a summary first, the details closed ----------


def test_the_passport_opens_with_a_summary_and_keeps_the_details_in_closed_sections(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    html = get(client, f"/p/{knife.passport_code}", "en")
    summary = html.index('class="passport-summary"')
    assert summary < html.index('<section id="score"')
    block = html[summary : html.index('<nav class="section-nav"')]
    for title in ("Score", "Where it was made", "Repair", "Warranty"):
        assert f">{title}</h2>" in block
    assert re.search(r"<li>\d+ steps? in [^<]+</li>", block)  # where it was made, from the supply chain
    sections = re.findall(r'<details class="passport-section"( open)?><summary><h2 id="([\w-]+)-title">', html)
    names = [name for _, name in sections]
    assert [name for name in names if name != "identifiers"] == [
        "score", "materials", "supply-chain", "care", "repair", "end-of-life", "evidence", "maker", "versions",
    ]  # fmt: skip
    assert not any(opened for opened, _ in sections)
    slug = knife.category.slug
    assert f'href="/products/?category={slug}">Compare with similar products</a>' in html


def test_the_compare_action_leads_to_products_of_the_same_category(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    html = get(client, f"/products/?category={knife.category.slug}", "en")
    assert knife.name in html and "/products/compare/" in html  # the product, with the browse page's compare action


# ---------- 8. Maker text is German, and the English interface says so ----------


def test_maker_text_carries_lang_de_and_english_marks_it_once_per_section(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    english = get(client, f"/p/{knife.passport_code}", "en")
    assert '<html lang="en">' in english
    assert '<h1 id="passport-title" lang="de">' in english
    assert '<p class="passport-description prose" lang="de">' in english
    materials = english[english.index('<section id="materials"') : english.index('<section id="supply-chain"')]
    assert materials.count("(German, as entered by the maker)") == 1
    assert '<th scope="row" lang="de">' in materials
    german = get(client, f"/p/{knife.passport_code}", "de")
    assert "maker-text-note" not in german  # German visitors need no note
    assert 'lang="de">' in german


def test_the_materials_table_is_a_named_focusable_region(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    html = get(client, f"/p/{knife.passport_code}", "en")
    assert re.search(
        r'<div class="table-wrap stacked" tabindex="0" role="region" aria-label="Materials and their properties">',
        html,
    )


# ---------- 9. Web basics ----------


def test_every_public_page_has_icons_a_manifest_one_meta_description_and_an_absolute_canonical_url(
    client, maker, maker_user, legal_pages
):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    other = published_product(maker_user, maker=maker)
    urls = [
        "/",
        "/products/",
        f"/products/compare/?p={knife.passport_code}&p={other.passport_code}",
        "/makers/",
        f"/makers/{maker.slug}/",
        "/methodology/",
        "/repair/?near=42651",
        f"/p/{knife.passport_code}",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    ]
    descriptions = set()
    for url in urls:
        html = get(client, url, "en")
        found = re.findall(r'<meta name="description" content="([^"]+)">', html)
        assert len(found) == 1, (url, found)
        descriptions.add(found[0])
        path = url.split("?")[0]
        assert f'<link rel="canonical" href="{settings.SITE_BASE_URL}{path}">' in html, url
        assert re.search(r'<link rel="icon" href="[^"]*favicon[^"]*\.svg" type="image/svg\+xml">', html)
        assert re.search(r'<link rel="apple-touch-icon" href="[^"]*apple-touch-icon[^"]*\.png">', html)
        assert '<link rel="manifest" href="/site.webmanifest">' in html
    passport = get(client, f"/p/{knife.passport_code}", "en")
    assert re.search(r'<meta name="description" content="([^"]+)">', passport).group(1) == knife.description[:200]
    maker_page = get(client, f"/makers/{maker.slug}/", "en")
    assert f'content="{maker.name}: the maker' in maker_page
    assert len(descriptions) >= 4  # the home, passport, maker and legal pages say something of their own


def test_the_cached_passport_page_names_its_own_canonical_url_for_every_version(client, maker, maker_user):
    knife = showcase_product(maker=maker)
    publish_product(knife, maker_user)
    knife.price_eur += 10
    knife.save()
    publish_product(knife, maker_user)
    for _ in range(2):  # the second round comes from the page cache
        current = get(client, f"/p/{knife.passport_code}", "en")
        first = get(client, f"/p/{knife.passport_code}/v/1", "en")
        assert f'rel="canonical" href="{settings.SITE_BASE_URL}/p/{knife.passport_code}"' in current
        assert f'rel="canonical" href="{settings.SITE_BASE_URL}/p/{knife.passport_code}/v/1"' in first


def test_the_icons_exist_and_the_manifest_names_them(client):
    for name in ("img/favicon.svg", "img/icon-192.png", "img/icon-512.png", "img/apple-touch-icon.png"):
        assert finders.find(name), name
    from PIL import Image

    for name, size in (("img/icon-192.png", 192), ("img/icon-512.png", 512), ("img/apple-touch-icon.png", 180)):
        assert Image.open(finders.find(name)).size == (size, size)
    response = client.get("/site.webmanifest", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "Gläserne Werkstatt Solingen" and manifest["start_url"] == "/"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512", "any"}


def test_the_sitemap_lists_the_current_published_passports_only(client, maker, maker_user, django_assert_num_queries):
    shown = [published_product(maker_user, maker=maker) for _ in range(3)]
    withdrawn = published_product(maker_user, maker=maker)
    withdraw_product(withdrawn, maker_user)
    with django_assert_num_queries(1):
        response = client.get("/sitemap.xml")
    assert response["Content-Type"] == "application/xml"
    xml = response.content.decode()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    base = settings.SITE_BASE_URL
    assert f"{base}/" in locations and f"{base}/products/" in locations
    passports = [location for location in locations if "/p/" in location]
    assert sorted(passports) == sorted(f"{base}/p/{product.passport_code}" for product in shown)
    assert xml.count("<lastmod>") == 3


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_signed_in_areas(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in ("/workspace/", "/retailer/", "/admin/", "/accounts/", "/review/"):
        assert f"Disallow: {path}\n" in text
    assert f"Sitemap: {settings.SITE_BASE_URL}/sitemap.xml" in text
    assert "Disallow: /\n" not in text and "Disallow: /p/" not in text


def test_every_time_element_in_the_templates_has_a_valid_html_datetime():
    """Each <time datetime> value goes through html_datetime (an instant) or the date format Y-m-d (a day)."""
    templates = Path(settings.BASE_DIR) / "templates"
    values = []
    for template in templates.rglob("*.html"):
        values += [(template.name, value) for value in re.findall(r'<time datetime="([^"]*)"', template.read_text())]
    assert values
    for name, value in values:
        assert re.fullmatch(r"\{\{ [\w.]+\|(html_datetime|date:'Y-m-d'|date:\"Y-m-d\") \}\}", value), (name, value)
