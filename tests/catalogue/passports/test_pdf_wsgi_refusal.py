"""A client this process knows to be spent is refused by the WSGI wrapper, before Django runs at all."""

import wsgiref.util

import pytest
from django.core.cache import cache

from catalogue.passports import pdf_throttle
from catalogue.passports.pdf_early_refusal import RefuseRememberedSpentClients
from tests.factories import published_bare_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def steady_clock(monkeypatch):
    monkeypatch.setattr(pdf_throttle, "clock", lambda: 1_800_000_010.0)  # ten seconds into a window


class Django:
    """The application behind the wrapper: records each request it was given."""

    def __init__(self):
        self.paths = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from Django"]


def call(application, path, *, address="192.0.2.7", **headers):
    environ = {"PATH_INFO": path, "REMOTE_ADDR": address, **headers}
    wsgiref.util.setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, dict(response_headers)

    answer["body"] = b"".join(application(environ, start_response)).decode()
    return answer


def spend_and_remember(address, settings):
    rate = pdf_throttle.parse_rate("PDF_THROTTLE_RATE", settings.PDF_THROTTLE_RATE)
    pdf_throttle.charge(f"address:{address}", rate.limit, rate)
    assert pdf_throttle.charge(f"address:{address}", 1, rate) is not None  # spent: this process remembers it


def test_a_remembered_spent_client_is_refused_in_its_language_without_django(settings):
    settings.PDF_THROTTLE_RATE = "5/minute"
    path = f"/p/{published_bare_product().passport_code}/passport.pdf"
    django = Django()
    application = RefuseRememberedSpentClients(django)
    spend_and_remember("192.0.2.7", settings)

    german = call(application, path, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    english = call(application, path, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")

    assert django.paths == []
    assert german["status"] == "429 Too Many Requests" and german["headers"]["Retry-After"] == "50"
    assert german["body"].startswith("Zu viele Pässe") and german["headers"]["Content-Language"] == "de"
    assert english["body"].startswith("Too many passports rendered as PDF: at most 5 passports in 60 seconds")
    assert english["headers"]["X-Content-Type-Options"] == "nosniff"
    assert int(english["headers"]["Content-Length"]) == len(english["body"].encode())


def test_the_language_cookie_wins_over_accept_language(settings):
    path = f"/p/{published_bare_product().passport_code}/passport.pdf"
    spend_and_remember("192.0.2.7", settings)
    answer = call(
        RefuseRememberedSpentClients(Django()),
        path,
        HTTP_ACCEPT_LANGUAGE="de",
        HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en",
    )
    assert answer["body"].startswith("Too many passports")


@pytest.mark.parametrize(
    "case",
    ["another address", "a session cookie", "not a PDF", "a PDF path of no public view", "only the shared cache"],
)
def test_everything_else_goes_on_to_django(settings, case):
    product = published_bare_product()
    path, address, headers = f"/p/{product.passport_code}/passport.pdf", "192.0.2.7", {}
    spend_and_remember("192.0.2.7", settings)
    if case == "another address":
        address = "192.0.2.8"
    elif case == "a session cookie":  # maybe a signed-in retailer, counted by account: the view decides
        headers["HTTP_COOKIE"] = f"{settings.SESSION_COOKIE_NAME}=abc"
    elif case == "not a PDF":
        path = f"/p/{product.passport_code}"
    elif case == "a PDF path of no public view":
        path = "/static/manual.pdf"
    elif case == "only the shared cache":  # not remembered here: the middleware reads the cache in Django
        pdf_throttle.forget_spent_clients()
        assert cache.get("pdf-throttle-spent:address:192.0.2.7:30000000") is True
    django = Django()
    answer = call(RefuseRememberedSpentClients(django), path, address=address, **headers)
    assert answer["body"] == "from Django" and django.paths == [path]


def test_the_site_application_is_wrapped():
    from catalogue import wsgi

    assert isinstance(wsgi.application, RefuseRememberedSpentClients)
