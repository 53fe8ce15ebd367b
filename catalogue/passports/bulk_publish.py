"""Publishing the products ticked in the workspace list: each through the one publishing service, each reported."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.passports import services
from products.models import Product
from products.selectors import products_for_user

# One request publishes at most a page of the list: each publication renders and checks the passport.
MAX_SELECTED = 50


@dataclass(frozen=True)
class Outcome:
    """What happened to one selected product."""

    product: Product
    kind: str  # "published", "unchanged", "refused"
    message: str


def has_changed(product: Product) -> bool:
    """Whether publishing the product would make something new: a draft never published, or unpublished changes."""
    return product.status == Product.Status.DRAFT or product.has_unpublished_changes


def publish_selected_products(products, user) -> list[Outcome]:
    """Publish each product that changed, one transaction each, so that one refusal stops none of the others."""
    outcomes = []
    for product in products:
        if not has_changed(product):
            if product.status == Product.Status.WITHDRAWN:
                message = _("Withdrawn and unchanged: publish it from its page to make it public again.")
            else:
                message = _("No unpublished changes: not published again.")
            outcomes.append(Outcome(product, "unchanged", message))
            continue
        try:
            publication = services.publish(product, user)
        except ValidationError as error:
            outcomes.append(Outcome(product, "refused", " ".join(error.messages)))
            continue
        number = {"number": publication.version.number}
        if publication.created:
            outcomes.append(Outcome(product, "published", _("Passport version %(number)d is published.") % number))
        else:
            message = _("Nothing changed since passport version %(number)d, so no new version was made.") % number
            outcomes.append(Outcome(product, "unchanged", message))
    return outcomes


@login_required
@require_POST
def publish_selected(request):
    """The bulk action of the workspace list; another organisation's product among the ids is ignored, never touched."""
    ids = [value for value in request.POST.getlist("product") if value.isdigit()]
    if not ids:
        messages.error(request, _("Select at least one product."))
        return redirect("products:workspace")
    if len(ids) > MAX_SELECTED:
        messages.error(request, _("Select at most %(count)d products at once.") % {"count": MAX_SELECTED})
        return redirect("products:workspace")
    products = products_for_user(request.user).filter(pk__in=ids).select_related("maker").order_by("name", "pk")
    outcomes = publish_selected_products(products, request.user)
    counts = {
        kind: sum(1 for outcome in outcomes if outcome.kind == kind) for kind in ("published", "unchanged", "refused")
    }
    return render(request, "catalogue/passports/bulk_publish.html", {"outcomes": outcomes, "counts": counts})
