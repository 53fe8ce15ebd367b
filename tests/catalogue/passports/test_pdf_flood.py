"""A PDF flood stays cheap: a spent client is refused before sessions run, and refusals are not logged one by one."""

import logging

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.log import log_response

from catalogue.passports import pdf_throttle
from tests.factories import published_bare_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def steady_clock(monkeypatch):
    """Ten seconds into a throttle window, whenever the test runs: no test straddles two windows."""
    monkeypatch.setattr(pdf_throttle, "clock", lambda: 1_800_000_010.0)


@pytest.fixture
def sessions_opened(monkeypatch):
    """How often SessionMiddleware looked at a request; it still does its real work."""
    calls = []
    real = SessionMiddleware.process_request

    def counted(middleware, request):
        calls.append(request.path)
        return real(middleware, request)

    monkeypatch.setattr(SessionMiddleware, "process_request", counted)
    return calls


def spend(address: str, settings) -> None:
    """Use the whole anonymous allowance of ``address``, then ask once more: the client is spent."""
    rate = pdf_throttle.parse_rate("PDF_THROTTLE_RATE", settings.PDF_THROTTLE_RATE)
    assert pdf_throttle.charge(f"address:{address}", rate.limit, rate) is None
    assert pdf_throttle.charge(f"address:{address}", 1, rate) is not None


def pdf_url(product) -> str:
    return reverse("catalogue:passport-pdf", args=[product.passport_code])


def batch_url(*products) -> str:
    return reverse("catalogue:batch-pdf") + "?codes=" + ",".join(p.passport_code for p in products)


def test_a_spent_client_is_refused_before_sessions_with_no_query(
    client, settings, sessions_opened, django_assert_num_queries
):
    settings.PDF_THROTTLE_RATE = "5/minute"
    product = published_bare_product()
    spend("192.0.2.7", settings)

    with django_assert_num_queries(0):
        responses = [
            client.get(pdf_url(product), REMOTE_ADDR="192.0.2.7", HTTP_ACCEPT_LANGUAGE="en"),
            client.get(batch_url(product, product), REMOTE_ADDR="192.0.2.7", HTTP_ACCEPT_LANGUAGE="de"),
        ]

    assert sessions_opened == []
    english, german = responses
    assert english.status_code == german.status_code == 429
    assert english["Retry-After"] == "50"
    assert "at most 5 passports in 60 seconds. Try again in 50 seconds." in english.content.decode()
    assert english["Content-Type"] == "text/plain; charset=utf-8" and len(english.content) < 300
    assert english["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware, before it, still ran
    assert not english.cookies  # no session, no CSRF cookie


def test_a_client_with_an_allowance_left_goes_through_the_whole_stack(client, settings, sessions_opened):
    product = published_bare_product()
    response = client.get(pdf_url(product), REMOTE_ADDR="192.0.2.8")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert sessions_opened == [pdf_url(product)]


def test_other_pages_of_a_spent_client_are_served(client, settings, published_product):
    spend("127.0.0.1", settings)
    assert client.get(reverse("catalogue:passport", args=[published_product.passport_code])).status_code == 200


def test_a_signed_in_retailer_at_a_spent_address_still_prints(retailer_client, settings, sessions_opened):
    spend("127.0.0.1", settings)  # the test client's address: the retailer shares it with a flooder
    product = published_bare_product()
    response = retailer_client.get(pdf_url(product))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert sessions_opened  # the session cookie sends it through the stack, where its account counts


# ---------- Logging ----------


def request_records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "django.request"]


def test_refusals_of_pdfs_are_not_logged_one_by_one_but_other_answers_are(client, settings, caplog):
    caplog.set_level(logging.INFO)
    product = published_bare_product()
    spend("127.0.0.1", settings)
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "no-such-session"  # past the early refusal: the view's 429

    assert client.get(pdf_url(product)).status_code == 429
    assert client.get(batch_url(product)).status_code == 429
    assert request_records(caplog) == []

    unknown = reverse("catalogue:passport-pdf", args=["GW-XXXX-XXXX"])
    assert client.get(unknown).status_code in (301, 404)
    assert client.get(reverse("catalogue:batch-pdf")).status_code == 400
    assert [record.status_code for record in request_records(caplog)][-1] == 400


@pytest.mark.parametrize(
    ("status", "path", "logged"),
    [
        (429, "pdf", False),
        (503, "pdf", False),
        (500, "pdf", True),
        (404, "pdf", True),
        (429, "/api/v1/passports/", True),  # the API's throttle is not the PDF flood
        (503, "/healthz", True),
    ],
)
def test_django_request_drops_only_the_pdf_refusals(caplog, status, path, logged):
    caplog.set_level(logging.INFO)
    if path == "pdf":
        path = reverse("catalogue:batch-pdf")
    request = RequestFactory().get(path)
    log_response("%s: %s", "answer", request.path, response=HttpResponse(status=status), request=request)
    assert [record.status_code for record in request_records(caplog)] == ([status] if logged else [])


def test_the_throttle_logs_once_per_client_and_window(settings, caplog):
    caplog.set_level(logging.WARNING, logger="catalogue.passports.pdf_throttle")
    rate = pdf_throttle.parse_rate("PDF_THROTTLE_RATE", "3/minute")
    pdf_throttle.charge("address:192.0.2.9", 3, rate)
    for _attempt in range(5):
        assert pdf_throttle.charge("address:192.0.2.9", 1, rate) is not None
    spent_lines = [r.getMessage() for r in caplog.records if r.name == "catalogue.passports.pdf_throttle"]
    assert spent_lines == ["PDF allowance spent by address:192.0.2.9 (3/60s): refusing its renders"]


def test_a_process_remembers_a_spent_client_until_the_window_ends(settings, monkeypatch):
    """After the first refusal the shared cache is not asked again: deleting its key changes nothing here."""
    rate = pdf_throttle.parse_rate("PDF_THROTTLE_RATE", "3/minute")
    client = "address:192.0.2.10"
    pdf_throttle.charge(client, 3, rate)
    pdf_throttle.charge(client, 1, rate)
    key = "pdf-throttle-spent:address:192.0.2.10:30000000"  # the window of the steady clock: 1_800_000_010 // 60
    assert cache.get(key) is True
    cache.delete(key)
    assert pdf_throttle.spent(client, rate) is not None  # remembered by this process
    monkeypatch.setattr(pdf_throttle, "clock", lambda: 1_800_000_070.0)  # the next window
    assert pdf_throttle.spent(client, rate) is None
    pdf_throttle.forget_spent_clients()
    monkeypatch.setattr(pdf_throttle, "clock", lambda: 1_800_000_010.0)
    assert pdf_throttle.spent(client, rate) is None  # forgotten, and the shared cache no longer says so
