"""Print jobs: reprints per format, jobs kept and downloaded again, background batches, failures, the API field."""

import pytest
from django.urls import reverse

from catalogue.models import ItemPrint, PrintJob
from catalogue.printjobs import services as printjobs
from catalogue.retailers.selectors import assortment_rows
from tests.api.conftest import token_client
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import AssortmentItemFactory, RetailerMembershipFactory, published_product, republished
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def stock(retailer, *names):
    return [AssortmentItemFactory(retailer=retailer, product=published_product(name=name)) for name in names]


def print_as(client, retailer, output_format, items=None, **extra):
    data = {"format": output_format, "language": "en", **extra}
    data |= {"scope": "selected", "items": [item.pk for item in items]} if items else {"scope": "all"}
    return client.post(reverse("retailer:print", args=[retailer.slug]), data)


def states(retailer):
    return {row.product.name: {s.format: s.reprint_needed for s in row.formats} for row in assortment_rows(retailer)}


# ---------- Reprints per format ----------


def test_a_republished_product_needs_a_reprint_in_each_format_printed_before(retailer_client, retailer):
    (item,) = stock(retailer, "Kochmesser")
    print_as(retailer_client, retailer, "shelf")
    print_as(retailer_client, retailer, "labels")
    assert states(retailer) == {"Kochmesser": {"shelf": False, "detailed": False, "labels": False}}

    republished(item.product)
    # Never printed as a detailed passport: nothing to reprint there.
    assert states(retailer) == {"Kochmesser": {"shelf": True, "detailed": False, "labels": True}}

    print_as(retailer_client, retailer, "labels", price="on", ean="on")
    assert states(retailer) == {"Kochmesser": {"shelf": True, "detailed": False, "labels": False}}
    (row,) = assortment_rows(retailer)
    assert {s.format: s.printed_number for s in row.formats} == {"shelf": 1, "detailed": None, "labels": 2}
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).content.decode()
    assert "v1: reprint" in page and "v2: current" in page


def test_a_withdrawal_since_printing_needs_a_reprint(retailer_client, retailer):
    from catalogue.passports.services import withdraw_product

    (item,) = stock(retailer, "Schere")
    print_as(retailer_client, retailer, "shelf")
    withdraw_product(item.product)
    assert states(retailer)["Schere"]["shelf"] is True
    print_as(retailer_client, retailer, "shelf")
    assert states(retailer)["Schere"]["shelf"] is False
    assert ItemPrint.objects.get().withdrawn


def test_the_reprint_scope_prints_only_what_the_chosen_format_needs(retailer_client, retailer):
    fresh, stale = stock(retailer, "Frisch", "Alt")
    print_as(retailer_client, retailer, "labels", items=[fresh])
    print_as(retailer_client, retailer, "labels", items=[stale])
    republished(stale.product)
    response = retailer_client.post(
        reverse("retailer:print", args=[retailer.slug]),
        {"scope": "reprint", "reprint-format": "labels", "reprint-language": "en"},
    )
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Alt" in text and "Frisch" not in text


# ---------- Jobs kept and downloaded again ----------


def test_every_job_is_kept_and_downloads_again_with_the_same_bytes(retailer_client, retailer):
    items = stock(retailer, "Messer Eins", "Messer Zwei")
    first = print_as(retailer_client, retailer, "shelf", items=items)
    job = PrintJob.objects.get()
    assert job.status == PrintJob.Status.DONE and job.pdf.name.startswith("print-jobs/")
    assert job.plan["versions"] == [item.product.passport_versions.get().pk for item in items]
    # A maker publishing since changes nothing of what was printed.
    republished(items[0].product)
    again = retailer_client.get(reverse("retailer:job-pdf", args=[retailer.slug, job.pk]))
    assert again.status_code == 200 and again["Content-Type"] == "application/pdf"
    assert again.content == first.content
    assert again["Cache-Control"] == "private, no-store"


def test_a_job_without_a_kept_file_renders_its_versions_again(retailer_client, retailer):
    (item,) = stock(retailer, "Altbestand")
    version = item.product.passport_versions.get()
    job = printjobs.new_job(retailer, [version], user=None, output_format="shelf", language="en")
    printjobs.record_printed(job, [version], None)
    response = retailer_client.get(reverse("retailer:job-pdf", args=[retailer.slug, job.pk]))
    assert response.status_code == 200 and "Altbestand" in pdf_text(response.content)


def test_a_job_whose_kept_file_is_gone_renders_again_instead_of_failing(retailer_client, retailer, caplog):
    (item,) = stock(retailer, "Verlorene Datei")
    print_as(retailer_client, retailer, "shelf", items=[item])
    job = PrintJob.objects.get()
    job.pdf.storage.delete(job.pdf.name)  # a lost volume or a database restored without its media
    response = retailer_client.get(reverse("retailer:job-pdf", args=[retailer.slug, job.pk]))
    assert response.status_code == 200 and "Verlorene Datei" in pdf_text(response.content)
    assert f"print job {job.pk} is missing" in caplog.text


def test_another_retailers_job_answers_404(client, retailer_client, retailer):
    stock(retailer, "Messer")
    print_as(retailer_client, retailer, "shelf")
    job = PrintJob.objects.get()
    stranger = RetailerMembershipFactory()
    client.force_login(stranger.user)
    for name in ("retailer:job", "retailer:job-status", "retailer:job-pdf"):
        assert client.get(reverse(name, args=[retailer.slug, job.pk])).status_code == 404
        assert client.get(reverse(name, args=[stranger.organisation.slug, job.pk])).status_code == 404


# ---------- Background batches ----------


def test_25_passports_run_in_the_background_with_progress_and_a_notice(retailer_client, retailer):
    stock(retailer, *[f"Messer {n:02d}" for n in range(25)])
    response = print_as(retailer_client, retailer, "shelf")
    job = PrintJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("retailer:job", args=[retailer.slug, job.pk])
    assert job.status == PrintJob.Status.QUEUED and job.total == 25
    assert not ItemPrint.objects.exists()

    page = retailer_client.get(response["Location"]).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in page  # reloads itself without JavaScript
    assert 'data-job-status="' in page
    status = retailer_client.get(reverse("retailer:job-status", args=[retailer.slug, job.pk])).json()
    assert status["status"] == "queued" and status["percent"] == 0 and status["pdf"] is None

    run_queued_tasks()
    status = retailer_client.get(reverse("retailer:job-status", args=[retailer.slug, job.pk])).json()
    assert status["status"] == "done" and status["percent"] == 100 and status["finished"]
    assert status["pdf"] == reverse("retailer:job-pdf", args=[retailer.slug, job.pk])
    assert ItemPrint.objects.filter(format="shelf").count() == 25
    pdf = retailer_client.get(status["pdf"]).content
    assert page_count(pdf) == 25
    assert "refresh" not in retailer_client.get(response["Location"]).content.decode()

    # The notice comes once, on the next page.
    notice = [
        str(m) for m in retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).context["messages"]
    ]
    assert any(f"print job {job.pk} is ready" in message for message in notice)
    later = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug])).context["messages"]
    assert not [m for m in later if "is ready" in str(m)]


def test_100_labels_are_printed_at_once_101_in_the_background(retailer_client, retailer):
    assert not printjobs.runs_in_background("labels", 100) and printjobs.runs_in_background("labels", 101)
    assert not printjobs.runs_in_background("shelf", 20) and printjobs.runs_in_background("detailed", 21)


def test_a_failed_job_says_why_and_records_nothing(retailer_client, retailer, monkeypatch):
    stock(retailer, *[f"Messer {n:02d}" for n in range(21)])
    print_as(retailer_client, retailer, "detailed")

    def broken(*args, **kwargs):
        raise ValueError("the renderer ran out of paper")

    monkeypatch.setattr(printjobs, "render_and_keep", broken)
    monkeypatch.setattr(printjobs, "cached_pdf", lambda key, max_pages: None)
    run_queued_tasks()
    job = PrintJob.objects.get()
    assert job.status == PrintJob.Status.FAILED
    assert "the renderer ran out of paper" in job.error
    assert not ItemPrint.objects.exists() and not job.versions.exists() and not job.pdf
    status = retailer_client.get(reverse("retailer:job-status", args=[retailer.slug, job.pk])).json()
    assert status["status"] == "failed" and "out of paper" in status["error"] and status["pdf"] is None
    assert retailer_client.get(reverse("retailer:job-pdf", args=[retailer.slug, job.pk])).status_code == 404
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug]))
    assert any("failed" in str(message) for message in page.context["messages"])


# ---------- The API ----------


def test_the_api_shows_reprints_per_format_and_queues_large_batches(retailer, retailer_membership):
    client = token_client(retailer_membership.user)
    (item,) = stock(retailer, "Brotmesser")
    url = f"/api/v1/retailers/{retailer.slug}/"
    assert client.post(f"{url}print/", {"scope": "all", "format": "labels"}, format="json").status_code == 200
    republished(item.product)
    (row,) = client.get(f"{url}assortment/").json()["results"]
    assert row["reprint_needed_by_format"] == {"shelf": False, "detailed": False, "labels": True}
    assert row["printed_versions"] == {"shelf": None, "detailed": None, "labels": 1}
    assert row["reprint_needed"] is True  # the old field: some format is out of date
    assert len(client.get(f"{url}reprints/?print_format=labels").json()["results"]) == 1
    assert client.get(f"{url}reprints/?print_format=shelf").json()["results"] == []
    assert client.get(f"{url}reprints/?print_format=poster").status_code == 400

    stock(retailer, *[f"Messer {n:02d}" for n in range(21)])
    response = client.post(f"{url}print/", {"scope": "all", "format": "shelf"}, format="json")
    assert response.status_code == 202
    assert response.json()["status"] == "queued" and response["Location"] == response.json()["url"]
    run_queued_tasks()
    job = client.get(response["Location"]).json()
    assert job["status"] == "done" and job["total"] == 22
    pdf = client.get(job["pdf"])
    assert pdf.status_code == 200 and page_count(pdf.content) == 22
    other = token_client(RetailerMembershipFactory().user)
    assert other.get(response["Location"]).status_code == 404


def test_the_schema_names_the_per_format_fields(client):
    schema = client.get("/api/schema/?format=json").json()
    item = schema["components"]["schemas"]["AssortmentItem"]["properties"]
    assert "reprint_needed_by_format" in item and "printed_versions" in item
    assert "/api/v1/retailers/{slug}/print-jobs/{job_id}/" in schema["paths"]


# ---------- The assortment page ----------


def test_filters_search_grade_and_select_all(retailer_client, retailer, django_assert_num_queries):
    printed, stale, new = stock(retailer, "Gedrucktes Messer", "Veraltetes Messer", "Neues Messer")
    print_as(retailer_client, retailer, "labels", items=[printed, stale])
    republished(stale.product)
    url = reverse("retailer:assortment", args=[retailer.slug])

    def names(query):
        return [row.product.name for row in retailer_client.get(url, query).context["rows"]]

    assert names({"state": "never"}) == ["Neues Messer"]
    assert names({"state": "reprint", "format": "labels"}) == ["Veraltetes Messer"]
    assert names({"state": "reprint", "format": "shelf"}) == []
    assert names({"state": "never", "format": "shelf"}) == ["Gedrucktes Messer", "Neues Messer", "Veraltetes Messer"]
    assert names({"q": "veraltet"}) == ["Veraltetes Messer"]
    assert names({"q": new.product.passport_code}) == ["Neues Messer"]
    grade = new.product.published_facets.grade
    assert "Neues Messer" in names({"grade": grade})
    assert names({"grade": "Z"}) == []
    html = retailer_client.get(url).content.decode()
    assert "data-select-all" in html and f"grade-badge grade-{grade}" in html
    assert 'target="_blank" rel="noopener"' in html

    stock(retailer, *[f"Messer {n}" for n in range(10)])
    retailer_client.get(url)  # the session's first page may save it
    with django_assert_num_queries(9):  # session, user, retailer, notices, assortment, jobs: never per row
        retailer_client.get(url, {"state": "never"})
