"""The retailer page's button that e-mails the signed-in member the reprint list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.retailers import selectors as retailer_selectors

from . import selectors, services


@login_required
@require_POST
def send_now(request, slug):
    """Queue the reprint list for the current user only, and say whether a mail is on its way."""
    retailer = retailer_selectors.retailer_for_user(request.user, slug)
    if retailer is None:
        raise Http404(_("No such retailer."))
    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address, so the reprint list cannot be sent."))
    elif not selectors.superseded_passports(retailer):
        messages.info(request, _("No printed passport needs a reprint, so no e-mail was sent."))
    else:
        services.queue_digest_for(retailer, request.user)
        messages.success(request, _("The reprint list is on its way to %(email)s.") % {"email": request.user.email})
    return redirect("retailer:assortment", slug=retailer.slug)
