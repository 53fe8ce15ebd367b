"""Publishing renders the printed passport first: nothing is published that cannot be printed."""

import io

import pypdf
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from reportlab.platypus.doctemplate import LayoutError

from catalogue.models import PassportVersion
from catalogue.passports import services
from catalogue.passports.services import publish
from products.models import Product
from tests.api.conftest import etag_of, token_client
from tests.factories import complete_product

pytestmark = pytest.mark.django_db

REFUSAL = (
    "The printed passport could not be made from this product's data, so nothing was published. "
    "Shorten very long texts or lists and try again; if it still fails, tell the catalogue team."
)


@pytest.fixture
def rendered(monkeypatch):
    """Every passport the publish check renders, as (snapshot, language, PDF bytes), from the real renderer."""
    calls = []
    render = services.render_passports

    def recording(snapshots, language, **kwargs):
        pdf = render(snapshots, language, **kwargs)
        calls.append((snapshots[0], language, pdf))
        return pdf

    monkeypatch.setattr(services, "render_passports", recording)
    return calls


@pytest.fixture
def unprintable(monkeypatch):
    """A renderer that fails as reportlab does on content it cannot lay out."""

    def failing(snapshots, language, **kwargs):
        raise LayoutError("Flowable <Table 1 rows x 1 cols> too large on page 5 in frame 'body'")

    monkeypatch.setattr(services, "render_passports", failing)


def test_publishing_renders_the_detailed_passport_of_the_new_version(rendered, english):
    product = complete_product()
    version = publish(product).version
    [(snapshot, language, pdf)] = rendered
    assert snapshot == version.snapshot
    assert language == settings.LANGUAGE_CODE  # the site's default language
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert product.name in reader.pages[0].extract_text()
    assert version.content_hash[:12] in reader.pages[0].extract_text()


def test_publishing_nothing_new_renders_nothing(rendered):
    product = complete_product()
    publish(product)
    assert publish(product).created is False
    assert len(rendered) == 1


def test_a_passport_that_cannot_be_printed_is_not_published(unprintable, english):
    product = complete_product()
    with pytest.raises(ValidationError) as refused:
        publish(product)
    assert refused.value.messages == [REFUSAL]
    assert refused.value.code == "unprintable"
    assert not PassportVersion.objects.exists()
    product.refresh_from_db()
    assert product.status == Product.Status.DRAFT


def test_the_workspace_says_why_nothing_was_published(unprintable, english, maker_client, maker):
    product = complete_product(maker=maker)
    response = maker_client.post(reverse("publishing:publish", args=[product.pk]), follow=True)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode().replace("&#x27;", "'")
    assert not PassportVersion.objects.exists()


def test_the_api_answers_400_with_the_reason(unprintable, maker_membership):
    product = complete_product(maker=maker_membership.organisation)
    client = token_client(maker_membership.user)
    url = f"/api/v1/products/{product.passport_code}/"
    response = client.post(f"{url}publish/", headers={"If-Match": etag_of(client, product)})
    assert response.status_code == 400
    assert response.json()["detail"] == REFUSAL
    assert not PassportVersion.objects.exists()
