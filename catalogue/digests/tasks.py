"""Background task of the reprint digest (django-tasks): a thin entry point; the work is a service."""

from django_tasks import task

from catalogue.models import RetailerOrganisation

from . import services


@task()
def reprint_digest(retailer_id: int, user_id: int | None = None) -> int:
    """Send one retailer's reprint digest (services.send_reprint_digest); returns the number of mails queued."""
    retailer = RetailerOrganisation.objects.filter(pk=retailer_id).first()
    if retailer is None:  # removed since the run was queued
        return 0
    return services.send_reprint_digest(retailer, user_id=user_id)
