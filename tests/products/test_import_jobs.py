"""Background imports: queued in the database, run by the real worker, all or nothing, with progress."""

import json

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from products import import_queue
from products.import_jobs import ImportJob
from products.import_queue import JobProgress, start_import_job
from products.importing import import_products, read_rows
from products.models import Product
from tests.factories import CategoryFactory
from tests.worker import run_queued_tasks


def products_file(count: int, *, bad_row: int | None = None) -> bytes:
    rows = [
        {
            "name": f"Messer {number}",
            "category": "nope" if number == bad_row else "chefs-knives",
            "materials": [{"name": "Stahl", "share_percent": 100}],
        }
        for number in range(1, count + 1)
    ]
    return json.dumps(rows).encode()


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


def sync_errors(content: bytes, maker) -> list[dict]:
    """The errors the same file gets when it is imported within the request."""
    rows, label = read_rows(content, "products.json")
    return [error.as_dict() for error in import_products(rows, maker, label=label, dry_run=True).errors]


class TestQueue:
    def test_the_job_waits_in_the_queue_until_a_worker_runs_it(self, maker, maker_user, category):
        job = start_import_job(products_file(3), "products.json", maker, user=maker_user)

        assert job.status == ImportJob.Status.QUEUED
        assert DBTaskResult.objects.get(pk=job.task_id).status == "READY"
        assert not Product.objects.exists()

        (task,) = run_queued_tasks()
        job.refresh_from_db()

        assert task.status == "SUCCESSFUL" and task.return_value == "succeeded"
        assert job.status == ImportJob.Status.SUCCEEDED
        assert (job.phase, job.rows_done, job.rows_total) == ("saving", 3, 3)
        saved = list(Product.objects.filter(maker=maker).order_by("name"))
        assert [product.name for product in saved] == ["Messer 1", "Messer 2", "Messer 3"]
        assert job.result == {
            "dry_run": False,
            "count": 3,
            "products": [
                {
                    "row": number,
                    "passport_code": Product.objects.get(name=f"Messer {number}").passport_code,
                    "name": f"Messer {number}",
                }
                for number in (1, 2, 3)
            ],
            "warnings": [],
        }
        assert job.errors == []
        assert bytes(job.content) == b""  # the file is dropped once it has run
        assert job.started_at <= job.finished_at
        assert saved[0].history.first().history_user == maker_user

    def test_a_bad_row_fails_the_job_with_the_errors_of_a_direct_import(self, maker, category):
        content = products_file(4, bad_row=3)
        job = start_import_job(content, "products.json", maker)
        run_queued_tasks()
        job.refresh_from_db()

        assert job.status == ImportJob.Status.FAILED
        assert job.errors == sync_errors(content, maker)
        assert job.errors[0]["row"] == 3 and job.errors[0]["field"] == "category"
        assert job.result is None
        assert not Product.objects.exists()

    def test_a_failure_while_saving_rolls_every_row_back(self, maker, category, monkeypatch):
        original = Product.save

        def failing_save(self, *args, **kwargs):
            if self.name == "Messer 3":
                raise IntegrityError("simulated")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Product, "save", failing_save)
        job = start_import_job(products_file(4), "products.json", maker)
        run_queued_tasks()
        job.refresh_from_db()

        assert job.status == ImportJob.Status.FAILED
        assert "Nothing was imported" in job.errors[0]["message"]
        assert not Product.objects.exists()

    def test_an_unreadable_file_fails_with_a_file_error(self, maker, category):
        job = start_import_job(b"[" * 100_000, "products.json", maker)
        run_queued_tasks()
        job.refresh_from_db()

        assert job.status == ImportJob.Status.FAILED
        assert job.errors == [{"row": None, "field": "file", "message": job.errors[0]["message"]}]
        assert "nested too deeply" in job.errors[0]["message"]

    def test_an_internal_error_fails_the_job_and_the_task(self, maker, category, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(import_queue, "import_products", broken)
        job = start_import_job(products_file(2), "products.json", maker)
        (task,) = run_queued_tasks()
        job.refresh_from_db()

        assert job.status == ImportJob.Status.FAILED  # not left "running" for ever
        assert job.errors[0]["message"] == "The import stopped because of an internal error; nothing was imported."
        assert task.status == "FAILED" and "RuntimeError" in task.exception_class_path
        assert not Product.objects.exists()

    def test_a_task_delivered_twice_imports_once(self, maker, category):
        job = start_import_job(products_file(2), "products.json", maker)
        run_queued_tasks()
        assert import_queue.run_import(str(job.pk)) == "succeeded"
        assert Product.objects.count() == 2

    def test_messages_are_in_the_language_of_the_request_that_started_the_job(self, maker, category):
        with translation.override("de"):
            job = start_import_job(products_file(1, bad_row=1), "products.json", maker)
        with translation.override("en"):
            run_queued_tasks()
        job.refresh_from_db()
        assert job.language == "de"
        assert job.errors[0]["message"].startswith("Keine Kategorie")


class TestProgress:
    def test_checking_writes_rows_done_as_it_goes(self, maker):
        job = ImportJob.objects.create(organisation=maker)
        rows = JobProgress(job).wrap(list(range(300)), total=300, desc="Checking")
        stored = ImportJob.objects.get(pk=job.pk)
        assert (stored.phase, stored.rows_done, stored.rows_total) == ("checking", 0, 300)

        for _ in range(150):
            next(rows)
        next(rows)  # the 150th row is done once the next one is asked for
        assert ImportJob.objects.get(pk=job.pk).rows_done == 150

    @pytest.mark.django_db(transaction=True)
    @pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite has one writer: the import itself")
    def test_saving_progress_is_visible_outside_the_imports_transaction(self, maker):
        job = ImportJob.objects.create(organisation=maker)
        progress = JobProgress(job)
        list(progress.wrap(list(range(10)), total=10, desc="Checking"))
        rows = progress.wrap(list(range(200)), total=200, desc="Saving")  # as import_products: before its transaction
        with transaction.atomic():
            for _ in range(101):
                next(rows)
            Product.objects.filter(pk=-1).update(name="x")  # the import's transaction is open and writing
            # Read committed: this connection sees what the progress connection committed.
            stored = ImportJob.objects.get(pk=job.pk)
            assert (stored.phase, stored.rows_done) == ("saving", 100)
            rows.close()
