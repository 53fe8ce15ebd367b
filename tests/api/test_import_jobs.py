"""Large imports through the API: 202 with the job's URL, then status, progress and the result or the errors."""

import io
import json
import urllib.request
import uuid

import pytest
from rest_framework.authtoken.models import Token

from products.models import Product
from tests.api.conftest import token_client
from tests.factories import CategoryFactory, MakerMembershipFactory
from tests.products.test_import_jobs import products_file
from tests.worker import run_queued_tasks

THRESHOLD = 1024  # bytes; the files below are larger, so they go to the queue


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = THRESHOLD


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


def upload(content: bytes, name: str = "products.json"):
    file = io.BytesIO(content)
    file.name = name
    return file


def post(client, content: bytes, **fields):
    return client.post("/api/v1/products/import/", {"file": upload(content), **fields}, format="multipart")


class TestQueued:
    def test_a_large_file_answers_202_with_the_jobs_url_and_is_imported_by_the_worker(
        self, maker_api_client, maker, category
    ):
        content = products_file(20)
        assert len(content) > THRESHOLD

        response = post(maker_api_client, content)

        assert response.status_code == 202, response.content
        body = response.json()
        assert response["Location"] == body["url"] == f"http://testserver/api/v1/import-jobs/{body['id']}/"
        assert body["status"] == "queued"
        assert body["progress"] == {"phase": "waiting", "rows_done": 0, "rows_total": None}
        assert (body["result"], body["errors"]) == (None, [])
        assert not Product.objects.exists()  # the request only queued it

        run_queued_tasks()
        done = maker_api_client.get(body["url"])

        assert done.status_code == 200
        job = done.json()
        assert job["status"] == "succeeded"
        assert job["progress"] == {"phase": "saving", "rows_done": 20, "rows_total": 20}
        assert job["finished_at"] is not None
        assert job["result"]["count"] == 20 and job["result"]["dry_run"] is False
        codes = [row["passport_code"] for row in job["result"]["products"]]
        assert set(codes) == set(Product.objects.filter(maker=maker).values_list("passport_code", flat=True))
        assert len(codes) == 20

    def test_the_result_has_the_shape_of_a_direct_import(self, maker_api_client, category, settings):
        content = products_file(20)
        queued = post(maker_api_client, content, dry_run="true").json()
        run_queued_tasks()
        settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = len(content)  # now the same file is imported within the request
        direct = post(maker_api_client, content, dry_run="true")

        assert direct.status_code == 200
        assert maker_api_client.get(queued["url"]).json()["result"] == direct.json()
        assert not Product.objects.exists()

    def test_errors_have_the_shape_of_a_direct_import(self, maker_api_client, category, settings):
        content = products_file(20, bad_row=7)
        queued = post(maker_api_client, content).json()
        run_queued_tasks()
        job = maker_api_client.get(queued["url"]).json()
        settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = len(content)
        direct = post(maker_api_client, content)

        assert direct.status_code == 400
        assert job["status"] == "failed"
        assert job["errors"] == direct.json()["errors"]
        assert job["errors"][0]["row"] == 7
        assert job["result"] is None
        assert not Product.objects.exists()

    def test_a_large_file_that_cannot_be_read_fails_its_job_with_the_file_error(self, maker_api_client, category):
        queued = post(maker_api_client, b"[" * 100_000)
        assert queued.status_code == 202  # the request does not even parse it
        run_queued_tasks()
        job = maker_api_client.get(queued.json()["url"]).json()
        assert job["status"] == "failed"
        assert job["errors"] == [{"row": None, "field": "file", "message": job["errors"][0]["message"]}]
        assert "nested too deeply" in job["errors"][0]["message"]


class TestWhoReads:
    @pytest.mark.parametrize(
        ("role", "expected"),
        [("maker", 200), ("staff", 200), ("other_maker", 404), ("retailer", 404), ("anonymous", 401)],
    )
    def test_only_the_organisations_members_and_staff(self, clients, category, role, expected):
        url = post(clients["maker"], products_file(20)).json()["url"]
        assert clients[role].get(url).status_code == expected

    def test_a_colleague_in_the_same_organisation_reads_it(self, clients, maker, category):
        colleague = token_client(MakerMembershipFactory(organisation=maker).user)
        url = post(clients["maker"], products_file(20)).json()["url"]
        assert colleague.get(url).json()["status"] == "queued"

    def test_an_unknown_job_is_404(self, maker_api_client):
        assert maker_api_client.get(f"/api/v1/import-jobs/{uuid.uuid4()}/").status_code == 404


def test_over_http_the_location_is_a_plain_header(live_server, maker_user, category, settings):
    """Through a real WSGI server (wsgiref refuses a header value that is not a str)."""
    boundary = "----import-job-test"
    content = products_file(20)
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="products.json"\r\n'
            "Content-Type: application/json\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    token = Token.objects.create(user=maker_user).key
    request = urllib.request.Request(
        f"{live_server.url}/api/v1/products/import/",
        data=body,
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202
        location = response.headers["Location"]
        job = json.loads(response.read())
    assert location == f"{live_server.url}/api/v1/import-jobs/{job['id']}/"
    poll = urllib.request.Request(location, headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(poll, timeout=30) as response:
        assert json.loads(response.read())["status"] == "queued"
