"""Browse and search pages kept whole for visitors who see them as everyone does."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalogue.models import PassportVersion
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import withdraw_product
from tests.catalogue.public.test_browse import names, published

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def without_tokens(html: str) -> str:
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def test_a_repeat_view_is_the_kept_page_with_the_visitors_own_token(django_assert_max_num_queries):
    published(name="Brotmesser")
    first = Client().get("/products/", {"q": "messer"})
    assert first.status_code == 200 and "Brotmesser" in first.content.decode()
    visitor = Client()
    with django_assert_max_num_queries(1):  # the catalogue's revision only
        repeat = visitor.get("/products/", {"q": "messer"})
    html = repeat.content.decode()
    assert without_tokens(html) == without_tokens(first.content.decode())
    token = TOKEN.search(html).group(1)
    # Every form carries this visitor's token, which the site accepts.
    assert html.count(token) == html.count("csrfmiddlewaretoken") > 1
    assert visitor.post("/products/compare/add", {"code": "x", "csrfmiddlewaretoken": token}).status_code != 403


def test_a_publication_or_a_withdrawal_shows_at_once():
    shown = published(name="Brotmesser")
    client = Client()
    assert names(client.get("/products/")) == ["Brotmesser"]
    published(name="Ausbeinmesser")
    assert "Ausbeinmesser" in client.get("/products/").content.decode()
    withdraw_product(shown)
    html = client.get("/products/").content.decode()
    assert "Ausbeinmesser" in html and "Brotmesser" not in html


def test_each_language_and_address_is_kept_apart():
    published(name="Brotmesser")
    published(name="Ausbeinmesser")
    client = Client()
    german = client.get("/products/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    english = client.get("/products/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Alle Produkte" in german and "All products" in english
    bread = client.get("/products/", {"q": "brot"}).content.decode()
    boning = client.get("/products/", {"q": "ausbein"}).content.decode()
    assert "Brotmesser" in bread and "Ausbeinmesser" not in bread
    assert "Ausbeinmesser" in boning and "Brotmesser" not in boning


def test_a_chosen_comparison_or_a_signed_in_visitor_gets_an_own_page(maker_user):
    product = published(name="Brotmesser")
    Client().get("/products/")  # kept for plain visitors
    chooser = Client()
    chooser.post("/products/compare/add", {"code": product.passport_code, "next": "/products/"})
    assert "is-chosen" in chooser.get("/products/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "is-chosen" not in Client().get("/products/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    member = Client()
    member.force_login(maker_user)
    with CaptureQueriesContext(connection) as rendered:
        assert member.get("/products/").status_code == 200
    assert any("COUNT(" in query["sql"] and "content_hash" not in query["sql"] for query in rendered)


def test_a_refused_filter_is_never_kept():
    published(name="Brotmesser")
    client = Client()
    assert client.get("/products/", {"min_score": "viel"}).status_code == 400
    with CaptureQueriesContext(connection) as again:
        assert client.get("/products/", {"min_score": "viel"}).status_code == 400
    assert len(again) > 1  # rendered again (its filter lists read), not answered from a kept page


def test_an_address_with_parameters_the_page_does_not_read_is_rendered_and_not_kept():
    published(name="Brotmesser")
    client = Client()
    client.get("/products/", {"q": "brot", "utm_source": "flyer"})
    with CaptureQueriesContext(connection) as again:
        html = client.get("/products/", {"q": "brot", "utm_source": "flyer"}).content.decode()
    assert len(again) > 1 and "Brotmesser" in html
    client.get("/products/", {"grade": "A", "q": "brot"})
    with CaptureQueriesContext(connection) as reordered:  # the same parameters in another order: the kept page
        assert client.get("/products/?q=brot&grade=A").status_code == 200
    assert len(reordered) == 1


def test_a_redaction_leaves_the_kept_pages_at_once(staff_user):
    product = published(name="Brotmesser", model_number="Geheimwerk7")
    client = Client()
    assert names(client.get("/products/", {"q": "geheimwerk7"})) == ["Brotmesser"]
    assert "Brotmesser" in client.get("/products/", {"q": "geheimwerk7"}).content.decode()  # the kept page
    redact_version(PassportVersion.objects.get(product=product), ["product.model_number"], "Markenrecht", staff_user)
    assert "Brotmesser" not in client.get("/products/", {"q": "geheimwerk7"}).content.decode()
