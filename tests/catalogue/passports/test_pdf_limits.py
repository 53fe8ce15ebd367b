"""Public PDFs under load: the anonymous batch limit, the per-client render throttle and the page budget."""

import pytest
from django.urls import reverse
from reportlab.pdfgen.canvas import Canvas

from catalogue.passports import pdf_throttle, printing
from products.identifiers import generate_passport_code
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import published_bare_product, published_product
from tests.redis_caches import redis_cache

__all__ = ["redis_cache"]  # fixture used below

pytestmark = pytest.mark.django_db


def batch_url(codes, **query) -> str:
    extra = "".join(f"&{key}={value}" for key, value in query.items())
    return reverse("catalogue:batch-pdf") + "?codes=" + ",".join(codes) + extra


def pdf_url(product, lang="de") -> str:
    return reverse("catalogue:passport-pdf", args=[product.passport_code]) + f"?lang={lang}"


@pytest.fixture(autouse=True)
def steady_clock(monkeypatch):
    """Ten seconds into a throttle window, whenever the test runs: no test straddles two windows."""
    monkeypatch.setattr(pdf_throttle, "clock", lambda: 1_800_000_010.0)


@pytest.fixture
def twenty_one(db):
    """Twenty-one published passports, quick to print as labels."""
    return [published_bare_product(name=f"Etikett {n}").passport_code for n in range(21)]


class CountingRenders:
    """Counts the PDFs really rendered (passports and labels) while delegating to the real renderers."""

    def __init__(self, monkeypatch):
        self.count = 0
        for name in ("render_passports", "render_labels"):
            monkeypatch.setattr(printing, name, self._counted(getattr(printing, name)))

    def _counted(self, render):
        def counted(*args, **kwargs):
            self.count += 1
            return render(*args, **kwargs)

        return counted


@pytest.fixture
def renders(monkeypatch):
    return CountingRenders(monkeypatch)


# ---------- Batch size ----------


def test_an_anonymous_batch_of_21_is_a_400_naming_the_limit_of_20(client, english):
    codes = [generate_passport_code() for _ in range(21)]
    response = client.get(batch_url(codes))
    assert response.status_code == 400
    body = response.content.decode()
    assert "at most 20 passports per request, not 21" in body
    assert "retailers" in body.lower() and "200" in body  # and says who may print more


def test_twenty_print_for_anyone_and_twenty_one_only_for_a_signed_in_retailer(
    client, retailer_membership, twenty_one, english
):
    assert client.get(batch_url(twenty_one[:20], format="labels")).status_code == 200
    assert client.get(batch_url(twenty_one, format="labels")).status_code == 400

    client.force_login(retailer_membership.user)
    response = client.get(batch_url(twenty_one, format="labels"))
    assert response.status_code == 200
    assert all(f"Etikett {n}" in pdf_text(response.content) for n in range(21))
    too_many = client.get(batch_url([generate_passport_code() for _ in range(201)]))
    assert too_many.status_code == 400
    assert "at most 200 passports per request, not 201" in too_many.content.decode()


def test_a_signed_in_maker_is_limited_like_anyone(maker_client, english):
    response = maker_client.get(batch_url([generate_passport_code() for _ in range(21)]))
    assert response.status_code == 400
    assert "at most 20 passports" in response.content.decode()


# ---------- Throttle ----------


def test_rendering_is_throttled_per_client_address_with_retry_after(
    client, settings, english, django_assert_num_queries
):
    settings.PDF_THROTTLE_RATE = "5/minute"
    products = [published_bare_product(name=f"Messer {n}") for n in range(3)]
    distinct = [pdf_url(product, lang) for product in products for lang in ("de", "en")]  # six different PDFs

    statuses = [client.get(url, REMOTE_ADDR="192.0.2.1").status_code for url in distinct[:5]]
    assert statuses == [200] * 5
    assert client.get(distinct[0], REMOTE_ADDR="192.0.2.1").status_code == 200  # already rendered: free
    refused = client.get(distinct[5], REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"  # the rest of the window
    body = refused.content.decode()
    assert "at most 5 passports in 60 seconds" in body and f"in {refused['Retry-After']} seconds" in body
    # Refused with nothing left, the client is refused everything until the window ends, at the least cost.
    with django_assert_num_queries(0):  # not a passport read: a flood of these costs next to nothing
        again = client.get(distinct[0], REMOTE_ADDR="192.0.2.1")
        batch = client.get(batch_url([product.passport_code for product in products]), REMOTE_ADDR="192.0.2.1")
    assert again.status_code == batch.status_code == 429 and again["Retry-After"] == "50"

    # Another client has an allowance of its own.
    assert client.get(distinct[5], REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_x_forwarded_for_is_the_same_client(client, settings):
    settings.PDF_THROTTLE_RATE = "1/minute"
    first, second = published_bare_product(), published_bare_product()
    assert client.get(pdf_url(first), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get(pdf_url(second), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_a_batch_costs_one_per_passport_and_a_refused_one_costs_nothing(client, settings, twenty_one):
    settings.PDF_THROTTLE_RATE = "25/minute"
    assert client.get(batch_url(twenty_one[:20], format="labels")).status_code == 200
    # Six more would make 26: refused, and not counted, so five single passports still fit.
    assert client.get(batch_url(twenty_one[15:], format="labels")).status_code == 429
    statuses = [client.get(pdf_url(published_bare_product())).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_retailers_are_counted_by_account_with_their_own_allowance(retailer_client, settings):
    settings.PDF_THROTTLE_RATE = "1/minute"
    settings.PDF_RETAILER_THROTTLE_RATE = "3/minute"
    products = [published_bare_product() for _ in range(4)]
    statuses = [
        retailer_client.get(pdf_url(product), REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n, product in enumerate(products)
    ]
    assert statuses == [200, 200, 200, 429]


def test_while_one_anonymous_render_runs_others_wait_but_kept_pdfs_and_retailers_do_not(
    client, retailer_membership, monkeypatch, english
):
    kept, other = published_bare_product(), published_bare_product()
    assert client.get(pdf_url(kept)).status_code == 200

    answers = {}
    real_render = printing.render_passports

    def render_while_others_ask(*args, **kwargs):
        # A second anonymous visitor and a retailer ask while this render holds the one slot.
        if not answers:
            answers["kept"] = client.get(pdf_url(kept), REMOTE_ADDR="192.0.2.7")
            answers["other"] = client.get(pdf_url(other, "en"), REMOTE_ADDR="192.0.2.7")
            retailer = type(client)()
            retailer.force_login(retailer_membership.user)
            answers["retailer"] = retailer.get(pdf_url(other, "de"))
        return real_render(*args, **kwargs)

    monkeypatch.setattr(printing, "render_passports", render_while_others_ask)
    assert client.get(pdf_url(other)).status_code == 200
    assert answers["kept"].status_code == 200
    assert answers["retailer"].status_code == 200
    busy = answers["other"]
    assert busy.status_code == 503 and busy["Retry-After"] == "2"
    assert "Other PDFs are being rendered right now" in busy.content.decode()
    # The slot is free again afterwards.
    assert client.get(pdf_url(other, "en"), REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_throttle_counts_in_redis(client, settings, redis_cache):
    settings.PDF_THROTTLE_RATE = "2/minute"
    products = [published_bare_product() for _ in range(3)]
    assert [client.get(pdf_url(product)).status_code for product in products] == [200, 200, 429]
    counters = redis_cache.keys("pdf-throttle:address:127.0.0.1:*")
    assert len(counters) == 1
    assert int(redis_cache.client.get(counters[0])) == 2  # the refused one was given back


# ---------- Page budget ----------


def test_a_batch_beyond_the_page_budget_is_a_clear_400_and_rendering_stops(client, settings, monkeypatch, english):
    settings.PDF_RENDER_PAGE_BUDGET = 4
    products = [published_product(name=f"Langes Messer {n}") for n in range(3)]  # about three pages each
    one = client.get(pdf_url(products[0], "en"))
    assert one.status_code == 200 and page_count(one.content) <= 4

    finished = []
    original_save = Canvas.save
    monkeypatch.setattr(Canvas, "save", lambda canvas: finished.append(1) or original_save(canvas))
    response = client.get(batch_url([product.passport_code for product in products]))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "more than 4 pages" in response.content.decode()
    assert finished == []  # stopped at the budget: the document was never finished


def test_a_label_sheet_beyond_the_page_budget_is_refused_before_rendering(client, settings, renders, twenty_one):
    settings.PDF_RENDER_PAGE_BUDGET = 1
    assert client.get(batch_url(twenty_one[:14], format="labels", layout="2x7")).status_code == 200
    response = client.get(batch_url(twenty_one[:15], format="labels", layout="2x7", lang="en"))
    assert response.status_code == 400
    assert "more than 1 pages" in response.content.decode()
    assert renders.count == 1


def test_a_refusal_for_the_budget_is_remembered(client, settings, renders, english):
    settings.PDF_RENDER_PAGE_BUDGET = 1
    product = published_product()
    assert [client.get(pdf_url(product, "en")).status_code for _ in range(2)] == [400, 400]
    assert renders.count == 1
    settings.PDF_RENDER_PAGE_BUDGET = 10  # a larger budget renders it after all
    assert client.get(pdf_url(product, "en")).status_code == 200
    assert renders.count == 2
