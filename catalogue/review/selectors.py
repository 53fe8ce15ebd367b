"""Reads of the staff review queue: evidence awaiting a decision, claims without evidence, passports to republish."""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from catalogue.models import PassportVersion
from catalogue.passports.evidence import evidence_file_path
from catalogue.passports.selectors import JsonParts
from lifecycle.models import DurabilityTest
from products.models import EvidenceDocument, MakerOrganisation, Material, Product, SupplyChainStep

Claim = EvidenceDocument.Claim
ReviewStatus = EvidenceDocument.ReviewStatus

# What the queue shows of each document, in one query.
QUEUE_RELATIONS = ("product__maker", "reviewed_by")


def pending_evidence(maker: MakerOrganisation | None = None) -> QuerySet[EvidenceDocument]:
    """Evidence awaiting a decision, oldest first (the queue)."""
    return _evidence(maker).filter(review_status=ReviewStatus.PENDING)


def unverified_evidence(maker: MakerOrganisation | None = None) -> QuerySet[EvidenceDocument]:
    """Evidence that does not (yet) back its claim: awaiting review or rejected, oldest first."""
    return _evidence(maker).exclude(review_status=ReviewStatus.APPROVED)


def _evidence(maker: MakerOrganisation | None) -> QuerySet[EvidenceDocument]:
    documents = EvidenceDocument.objects.select_related(*QUEUE_RELATIONS).order_by("uploaded_at", "pk")
    return documents.filter(product__maker=maker) if maker is not None else documents


def evidence_for_review(pk: int) -> EvidenceDocument | None:
    """One document as its review page shows it."""
    return EvidenceDocument.objects.select_related(*QUEUE_RELATIONS).filter(pk=pk).first()


def makers_with_unverified_counts() -> QuerySet[MakerOrganisation]:
    """Every maker, with how many of its documents await review (``pending``) or back no claim (``unverified``)."""
    return MakerOrganisation.objects.annotate(
        pending=Count("products__evidence", filter=Q(products__evidence__review_status=ReviewStatus.PENDING)),
        unverified=Count("products__evidence", filter=~Q(products__evidence__review_status=ReviewStatus.APPROVED)),
    ).order_by("name", "pk")


@dataclass(frozen=True)
class DecisionRecord:
    """One decision (or return to the queue) in a document's history: what, why, by whom and when."""

    status: str
    status_label: str
    reason: str
    author: object
    date: object


def decision_history(document: EvidenceDocument) -> list[DecisionRecord]:
    """The document's decisions, newest first, from its history: each record whose review status or reason changed."""
    records = list(
        EvidenceDocument.history.filter(id=document.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
        .only("review_status", "rejection_reason", "history_date", "history_user", "history_type")
    )
    decisions, previous = [], None
    for record in records:
        state = (record.review_status, record.rejection_reason)
        # The first record is the upload: pending is no decision then (approved is, e.g. a document verified before).
        first = previous is None
        changed = state != previous and (not first or record.review_status != ReviewStatus.PENDING)
        if record.history_type != "-" and changed:
            decisions.append(
                DecisionRecord(
                    status=record.review_status,
                    status_label=str(ReviewStatus(record.review_status).label),
                    reason=record.rejection_reason,
                    author=record.history_user,
                    date=record.history_date,
                )
            )
        previous = state
    return decisions[::-1]


# ---------- Claims that no evidence backs ----------

# What a product claims, read from its data (the claims the score credits evidence for), by the claim backing it.
CLAIMS_MADE = {
    Claim.WARRANTY: Q(durability__lifetime_warranty=True) | Q(durability__warranty_years__gt=0),
    Claim.DURABILITY: Q(Exists(DurabilityTest.objects.filter(product=OuterRef("pk")))),
    Claim.SUPPLY_CHAIN: Q(Exists(SupplyChainStep.objects.filter(product=OuterRef("pk")))),
    Claim.MATERIALS: Q(Exists(Material.objects.filter(product=OuterRef("pk"), recycled_content_percent__gt=0))),
    Claim.END_OF_LIFE: Q(end_of_life__take_back_offered=True),
}


def _unbacked(claim: str) -> Q:
    backed = Exists(EvidenceDocument.objects.filter(product=OuterRef("pk"), claim=claim))
    return CLAIMS_MADE[claim] & ~Q(backed)


def products_with_unbacked_claims(maker: MakerOrganisation | None = None) -> QuerySet[Product]:
    """Products that claim a warranty, tests, supply-chain steps, recycled content or take-back with no evidence
    document for that claim at all (of any status); ``unbacked_<claim>`` says which. One query."""
    annotations = {
        f"unbacked_{claim}": ExpressionWrapper(_unbacked(claim), output_field=BooleanField()) for claim in CLAIMS_MADE
    }
    any_unbacked = Q()
    for claim in CLAIMS_MADE:
        any_unbacked |= _unbacked(claim)
    products = Product.objects.select_related("maker").annotate(**annotations).filter(any_unbacked)
    if maker is not None:
        products = products.filter(maker=maker)
    return products.order_by("maker__name", "name", "pk")


def unbacked_claim_labels(product: Product) -> list[str]:
    """The claims of a product from ``products_with_unbacked_claims`` that no evidence backs, as labels."""
    return [str(Claim(claim).label) for claim in CLAIMS_MADE if getattr(product, f"unbacked_{claim}", False)]


# ---------- Published passports that a decision made out of date ----------


@dataclass
class RepublishNotice:
    """Evidence whose decision the product's current passport does not show yet, by title."""

    newly_verified: list[str] = field(default_factory=list)
    no_longer_verified: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.newly_verified or self.no_longer_verified)


def _listed_at(document: EvidenceDocument) -> set[str]:
    """What a snapshot lists for the document: its link, else the path of its file (and its path before random
    names); compared as paths, so that a changed SITE_BASE_URL does not matter."""
    if document.url:
        return {document.url}
    paths = {unquote(evidence_file_path(document))} if document.file else set()
    if document.legacy_name:
        paths.add(f"{settings.MEDIA_URL}{document.legacy_name}")
    return paths


def _listed_verified(entries: list, document: EvidenceDocument) -> bool:
    """Whether a snapshot's evidence list shows ``document`` as verified.

    An entry is the document when it names the same claim and title and its link (or the path of its file): two
    documents may share a link, but hardly also their claim and title.
    """
    places = _listed_at(document)
    for entry in entries:
        if not isinstance(entry, dict) or (entry.get("claim"), entry.get("title")) != (document.claim, document.title):
            continue
        url = entry.get("url") or ""
        if (url if url == document.url else unquote(urlsplit(url).path)) in places and entry.get("verified"):
            return True
    return False


def republish_notices(product_ids: Iterable[int]) -> dict[int, RepublishNotice]:
    """For published products, the evidence whose verification their current passport shows otherwise.

    Approved evidence the passport lists as unverified (or not at all) and evidence it lists as verified that is no
    longer approved. Two queries for any number of products: the evidence lists of the current versions (only that
    part of each snapshot is read) and the documents. Products with nothing to republish are left out.
    """
    ids = list(product_ids)
    if not ids:
        return {}
    listings = {
        product_id: (json.loads(parts)[0] if parts else None) or []
        for product_id, parts in PassportVersion.objects.current()
        .filter(product_id__in=ids, product__status=Product.Status.PUBLISHED)
        .values_list("product_id", JsonParts("snapshot", ("evidence",), ("version",)))
    }
    if not listings:
        return {}
    documents = EvidenceDocument.objects.filter(product_id__in=listings).only(
        "pk", "product_id", "title", "claim", "file", "url", "legacy_name", "original_name", "verified"
    )
    notices: dict[int, RepublishNotice] = {}
    for document in documents.order_by("pk"):
        shown_verified = _listed_verified(listings[document.product_id], document)
        notice = notices.setdefault(document.product_id, RepublishNotice())
        if document.verified and not shown_verified:
            notice.newly_verified.append(document.title)
        elif not document.verified and shown_verified:
            notice.no_longer_verified.append(document.title)
    return {product_id: notice for product_id, notice in notices.items() if notice}


def republish_notice(product: Product) -> RepublishNotice | None:
    return republish_notices([product.pk]).get(product.pk)
