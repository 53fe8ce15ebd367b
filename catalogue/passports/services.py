"""Publishing and withdrawing passports; every write here is atomic."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import PassportVersion, PublishedFacets
from catalogue.passports.facets import facets_from_snapshot
from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.selectors import products_for_snapshot
from catalogue.passports.snapshot import build_snapshot
from catalogue.scores.services import refresh_score
from products.models import Product


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


@transaction.atomic
def publish_product(product: Product, user=None) -> PassportVersion:
    """Freeze the product's public data and fresh score into the next passport version."""
    # Lock the product row so two concurrent publishes cannot claim the same number.
    locked = Product.objects.select_for_update().get(pk=product.pk)
    missing = missing_for_publication(locked)
    if missing:
        raise ValidationError(
            _("This product cannot be published yet. Missing: %(missing)s.") % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    score = refresh_score(locked)
    loaded = products_for_snapshot().get(pk=locked.pk)
    number = (PassportVersion.objects.filter(product=locked).aggregate(n=Max("number"))["n"] or 0) + 1
    published_at = timezone.now()
    snapshot = build_snapshot(loaded, score=score.details, version=number, published_at=published_at)
    version = PassportVersion.objects.create(
        product=locked,
        number=number,
        snapshot=snapshot,
        methodology_version=score.methodology_version,
        content_hash=snapshot_hash(snapshot),
        published_at=published_at,
        published_by=user if user is not None and user.is_authenticated else None,
    )
    record_published_facets(version)
    _set_status(locked, Product.Status.PUBLISHED, user)
    product.status = locked.status
    return version


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
            **facets_from_snapshot(version.snapshot),
        },
    )
    return facets


@transaction.atomic
def withdraw_product(product: Product, user=None) -> None:
    """Withdraw the passport: it stays readable at its URLs, behind a banner."""
    if not PassportVersion.objects.filter(product=product).exists():
        raise ValidationError(_("Only a published passport can be withdrawn."), code="not_published")
    locked = Product.objects.select_for_update().get(pk=product.pk)
    _set_status(locked, Product.Status.WITHDRAWN, user)
    product.status = locked.status
