"""Writes of print jobs: print now or queue in the background, keep the PDF, record what was printed per format."""

import logging
import secrets
from collections.abc import Sequence
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue.models import ItemPrint, PassportVersion, PrintJob, RetailerOrganisation
from catalogue.passports.pdf.labels import LabelOptions
from catalogue.passports.pdf_cache import cached_pdf, key_for, render_and_keep
from catalogue.passports.printing import DEFAULT_LABEL_LAYOUT, FORMAT_ALIASES, LABELS
from products.models import Product

logger = logging.getLogger(__name__)

# Larger batches than these run in the background job queue rather than within the request.
BACKGROUND_PASSPORTS = 20
BACKGROUND_LABELS = 100


def runs_in_background(output_format: str, count: int) -> bool:
    """Whether ``count`` products in ``output_format`` are rendered by a worker rather than within the request."""
    limit = BACKGROUND_LABELS if FORMAT_ALIASES.get(output_format, output_format) == LABELS else BACKGROUND_PASSPORTS
    return count > limit


def plan_of(versions: Sequence[PassportVersion], options: LabelOptions | None) -> dict:
    """What a job renders, as JSON: the versions in order and the label options with the shelf prices."""
    plan: dict = {"versions": [version.pk for version in versions]}
    if options is not None:
        plan["labels"] = {
            "price": options.price,
            "ean": options.ean,
            "start": options.start,
            "prices": [None if price is None else f"{Decimal(price):.2f}" for price in options.prices],
        }
    return plan


def label_options_of(plan: dict) -> LabelOptions | None:
    labels = plan.get("labels")
    if labels is None:
        return None
    prices = tuple(None if price is None else Decimal(price) for price in labels.get("prices", []))
    return LabelOptions(price=labels["price"], ean=labels["ean"], start=labels["start"], prices=prices)


def planned_versions(job: PrintJob) -> list[PassportVersion]:
    """The job's versions in the order printed (one query); an old job without a plan in name order."""
    ids = job.plan.get("versions")
    if not ids:
        return list(job.versions.select_related("product").order_by("product__name", "product__pk"))
    by_id = PassportVersion.objects.select_related("product").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def render_job(job: PrintJob, versions: Sequence[PassportVersion] | None = None) -> bytes:
    """The job's PDF from its immutable versions and options, from the PDF cache where it was rendered before."""
    versions = list(versions) if versions is not None else planned_versions(job)
    options = label_options_of(job.plan)
    layout = (job.label_layout or DEFAULT_LABEL_LAYOUT) if job.format == LABELS else ""
    arguments = {"format": job.format, "language": job.language, "layout": layout, "label_options": options}
    key = key_for(versions, **arguments)
    return cached_pdf(key, max_pages=None) or render_and_keep(key, versions, max_pages=None, **arguments)


def job_pdf(job: PrintJob) -> bytes:
    """A done job's PDF as printed: the kept file, or, for a job from before files were kept or whose file has
    gone (a restored database, a lost volume), the same immutable versions and options rendered again."""
    if job.pdf:
        try:
            with job.pdf.open("rb") as kept:
                return kept.read()
        except OSError:
            logger.warning("The PDF of print job %s is missing (%s); rendering it again", job.pk, job.pdf.name)
    return render_job(job)


def new_job(
    retailer: RetailerOrganisation,
    versions: Sequence[PassportVersion],
    *,
    user,
    output_format: str,
    language: str,
    layout: str = "",
    label_options: LabelOptions | None = None,
    status: str = PrintJob.Status.QUEUED,
) -> PrintJob:
    output_format = FORMAT_ALIASES.get(output_format, output_format)
    return PrintJob.objects.create(
        retailer=retailer,
        created_by=user if user is not None and user.is_authenticated else None,
        format=output_format,
        label_layout=layout if output_format == LABELS else "",
        language=language,
        status=status,
        total=len(versions),
        plan=plan_of(versions, label_options if output_format == LABELS else None),
    )


def record_printed(job: PrintJob, versions: Sequence[PassportVersion], content: bytes | None) -> PrintJob:
    """Keep the PDF and record, in one transaction, that these versions went onto paper in the job's format.

    Called only once the PDF exists, so that a failed rendering records nothing as printed. The file is written
    first; a transaction that fails afterwards leaves an unreferenced file, never a record without its PDF."""
    if content is not None:
        job.pdf.save(f"{secrets.token_urlsafe(18)}.pdf", ContentFile(content), save=False)
    now = timezone.now()
    with transaction.atomic():
        job.status = PrintJob.Status.DONE
        job.progress = job.total = len(versions)
        job.finished_at = now
        job.error = ""
        job.save()
        job.versions.set(versions)
        # One record per product and format: the older one goes, in the same transaction (two queries in all).
        ItemPrint.objects.filter(
            retailer_id=job.retailer_id, format=job.format, product_id__in=[version.product_id for version in versions]
        ).delete()
        ItemPrint.objects.bulk_create(
            ItemPrint(
                retailer_id=job.retailer_id,
                product_id=version.product_id,
                format=job.format,
                version=version,
                withdrawn=version.product.status == Product.Status.WITHDRAWN,
                printed_at=now,
                job=job,
            )
            for version in versions
        )
    return job


def print_now(retailer, versions, *, user, output_format, language, layout="", label_options=None):
    """Render within the request and record the job; returns the job and the PDF."""
    job = PrintJob(
        retailer=retailer,
        format=FORMAT_ALIASES.get(output_format, output_format),
        language=language,
        label_layout=layout if FORMAT_ALIASES.get(output_format, output_format) == LABELS else "",
        plan=plan_of(versions, label_options if FORMAT_ALIASES.get(output_format, output_format) == LABELS else None),
    )
    # Render first: a failed rendering must not be recorded as printed.
    content = render_job(job, versions)
    job = new_job(
        retailer,
        versions,
        user=user,
        output_format=output_format,
        language=language,
        layout=layout,
        label_options=label_options,
        status=PrintJob.Status.RUNNING,
    )
    return record_printed(job, versions, content), content


def queue_job(retailer, versions, *, user, output_format, language, layout="", label_options=None) -> PrintJob:
    """Store the job and its task together (or neither); a worker renders it (run_job)."""
    from .tasks import run_print_job  # the task module imports this one

    with transaction.atomic():
        job = new_job(
            retailer,
            versions,
            user=user,
            output_format=output_format,
            language=language,
            layout=layout,
            label_options=label_options,
        )
        run_print_job.enqueue(job.pk)
    return job


def run_job(job_id: int) -> str:
    """Render a queued job, keep its PDF and record it, or record why it failed; returns the final status."""
    job = PrintJob.objects.filter(pk=job_id, status__in=[PrintJob.Status.QUEUED, PrintJob.Status.RUNNING]).first()
    if job is None:
        return "missing"
    PrintJob.objects.filter(pk=job.pk).update(status=PrintJob.Status.RUNNING)
    job.status = PrintJob.Status.RUNNING
    with translation.override(job.language):
        try:
            versions = planned_versions(job)
            if len(versions) != len(job.plan.get("versions", [])):
                raise ValueError(_("A passport version of this job no longer exists."))
            content = render_job(job, versions)
        except Exception as error:
            logger.exception("Print job %s failed", job.pk)
            reason = str(error) or error.__class__.__name__
            PrintJob.objects.filter(pk=job.pk).update(
                status=PrintJob.Status.FAILED,
                error=_("The PDF could not be made: %(reason)s") % {"reason": reason},
                finished_at=timezone.now(),
                notice_pending=True,
            )
            return PrintJob.Status.FAILED
    job.notice_pending = True
    record_printed(job, versions, content)
    return PrintJob.Status.DONE


@transaction.atomic
def take_notices(retailer: RetailerOrganisation, user) -> list[PrintJob]:
    """The user's background jobs of this retailer that finished since their last page, each told once."""
    jobs = list(
        PrintJob.objects.select_for_update()
        .filter(retailer=retailer, created_by=user, notice_pending=True)
        .order_by("created_at", "pk")
    )
    if jobs:
        PrintJob.objects.filter(pk__in=[job.pk for job in jobs]).update(notice_pending=False)
    return jobs
