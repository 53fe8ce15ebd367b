"""Publishing and withdrawing passports; every write here is atomic."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.credentials.services import credential_for_publication
from catalogue.dpp.services import store_restricted_part
from catalogue.models import PassportVersion, PublishedFacets
from catalogue.passports.facets import facets_from_snapshot, refresh_search_documents
from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.texts import LANGUAGES
from catalogue.passports.public_json import list_row, stored_json
from catalogue.passports.selectors import products_for_snapshot
from catalogue.passports.snapshot import build_snapshot, restricted_content
from catalogue.scores.services import refresh_score
from products.models import Product

logger = logging.getLogger(__name__)


def missing_for_publication(product: Product) -> list[str]:
    """What a product lacks before it may be published; empty when it is complete enough."""
    missing = []
    if not product.description.strip():
        missing.append(_("a description"))
    if not product.materials.exists():
        missing.append(_("at least one material"))
    if not product.supply_chain_steps.exists():
        missing.append(_("at least one supply-chain step"))
    if not product.supply_chain_steps.exclude(country="").exists():
        missing.append(_("the place (country) of at least one supply-chain step"))
    return missing


@dataclass(frozen=True)
class Publication:
    """The version that is current after publishing, and whether publishing made it (False: nothing changed)."""

    version: PassportVersion
    created: bool


def publish_product(product: Product, user=None) -> PassportVersion:
    """Publish (see :func:`publish`) and return the current version, new or not."""
    return publish(product, user).version


@transaction.atomic
def publish(product: Product, user=None) -> Publication:
    """Freeze the product's public data and fresh score into the next passport version.

    When the would-be version says exactly what the current one says, no version is made: the current one
    stays (a withdrawn passport becomes public again), so retailers are not asked to reprint the same content.
    """
    # Lock the product row so two concurrent publishes cannot claim the same number, nor both see a change.
    locked = Product.objects.select_for_update().get(pk=product.pk)
    missing = missing_for_publication(locked)
    if missing:
        raise ValidationError(
            _("This product cannot be published yet. Missing: %(missing)s.") % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    score = refresh_score(locked)
    loaded = products_for_snapshot().get(pk=locked.pk)
    current = PassportVersion.objects.filter(product=locked).order_by("-number").first()
    number = (current.number if current is not None else 0) + 1
    published_at = timezone.now()
    snapshot = build_snapshot(
        loaded, score=score.details, version=number, published_at=published_at, predecessor=current
    )
    if current is not None and same_content(snapshot, current):
        _set_status(locked, Product.Status.PUBLISHED, user)
        _mark_up_to_date(product)
        product.status = locked.status
        return Publication(current, created=False)
    content_hash = snapshot_hash(snapshot)
    # Before rendering: refuse fast without a key.
    credential_jwt = credential_for_publication(snapshot, content_hash, product.pk)
    check_printable(snapshot, content_hash)
    version = PassportVersion(
        product=locked,
        number=number,
        snapshot=snapshot,
        methodology_version=score.methodology_version,
        content_hash=content_hash,
        published_at=published_at,
        published_by=user if user is not None and user.is_authenticated else None,
        credential_jwt=credential_jwt,
    )
    # Rendered now, once: the version never changes, so neither does its detail (public_json).
    for field, text in stored_json(version).items():
        setattr(version, field, text)
    version.save(force_insert=True)
    store_restricted_part(version, restricted_content(loaded))
    record_published_facets(version)
    _set_status(locked, Product.Status.PUBLISHED, user)
    _mark_up_to_date(product)
    product.status = locked.status
    return Publication(version, created=True)


def _mark_up_to_date(product: Product) -> None:
    """The current version says what the product says (catalogue.passports.drafts keeps it so after changes)."""
    Product.objects.filter(pk=product.pk).update(has_unpublished_changes=False)
    product.has_unpublished_changes = False


def check_printable(snapshot: dict, content_hash: str) -> None:
    """Render the detailed A4 passport of ``snapshot``; refuse publishing when the renderer cannot lay it out.

    A version is printed by retailers for years and cannot be changed, so nothing is published that cannot
    be printed. The check renders once, in the site's default language: both languages share one layout
    and the data decides whether it fits, and the rendering holds the publish transaction's locks, so it
    costs one rendering (about 55 ms for a typical passport, ``docs/publishing.md``), not two. The bytes are
    not kept; the printing views cache what they render.
    """
    language = settings.LANGUAGE_CODE[:2] if settings.LANGUAGE_CODE[:2] in LANGUAGES else LANGUAGES[0]
    try:
        render_passports([snapshot], language, hashes=[content_hash])
    except Exception as error:  # any failure of the renderer, whatever reportlab raises
        code = (snapshot.get("product") or {}).get("passport_code")
        logger.exception("The passport %s could not be rendered, so publishing was refused", code)
        raise ValidationError(
            _(
                "The printed passport could not be made from this product's data, so nothing was published. "
                "Shorten very long texts or lists and try again; if it still fails, tell the catalogue team."
            ),
            code="unprintable",
        ) from error


def same_content(snapshot: dict, version: PassportVersion) -> bool:
    """Whether ``snapshot`` says what ``version`` said when it was published.

    Besides the product's data, a publication stamps its number, its time and the time of the score into the
    snapshot. The snapshot gets the version's own stamps and is then hashed like a version, so it
    is compared with the hash of the version as published. That hash stays when staff redact fields, so a
    redacted version still counts as unchanged and publishing again does not bring the redacted values back.
    """
    candidate = {**snapshot, "version": version.number, "published_at": version.snapshot["published_at"]}
    # The version it follows is a stamp of the publication too (a draft names the current one, or none).
    if "predecessor" in version.snapshot:
        candidate["predecessor"] = version.snapshot["predecessor"]
    score = dict(candidate.get("score") or {})
    if "computed_at" in score:
        score["computed_at"] = (version.snapshot.get("score") or {}).get("computed_at")
    candidate["score"] = score
    return snapshot_hash(candidate) == version.content_hash


def _set_status(product: Product, status: str, user) -> None:
    """Change the status through save(), so that the change lands in the product's history with its author."""
    if product.status == status:
        return
    product.status = status
    if user is not None and user.is_authenticated:
        product._history_user = user
    product.save(update_fields=["status", "updated_at"])


def record_published_facets(version: PassportVersion) -> PublishedFacets:
    """Point the product's browse and search facets at ``version``, its newest published version."""
    facets, _created = PublishedFacets.objects.update_or_create(
        product_id=version.product_id,
        defaults={
            "version": version,
            "category_id": version.product.category_id,
            "published_at": version.published_at,
            "list_row": list_row(version),
            **facets_from_snapshot(version.snapshot),
        },
    )
    refresh_search_documents(PublishedFacets.objects.filter(pk=facets.pk))
    return facets


@transaction.atomic
def withdraw_product(product: Product, user=None) -> None:
    """Withdraw the passport: it stays readable at its URLs, behind a banner."""
    if not PassportVersion.objects.filter(product=product).exists():
        raise ValidationError(_("Only a published passport can be withdrawn."), code="not_published")
    locked = Product.objects.select_for_update().get(pk=product.pk)
    _set_status(locked, Product.Status.WITHDRAWN, user)
    product.status = locked.status
