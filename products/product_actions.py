"""Workspace actions on a whole product: duplicate it as a template, delete a draft that was never published."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .models import Product
from .views import maker_required


@maker_required
@require_POST
def product_duplicate(request, pk):
    product = get_object_or_404(selectors.product_for_editing(request.user, pk))
    copy = services.duplicate_product(product, user=request.user)
    messages.success(
        request,
        _("“%(name)s” is a new draft with every part of the original, without a GTIN. Check it, then publish it.")
        % {"name": copy.name},
    )
    return redirect("products:product-edit", pk=copy.pk)


@maker_required
@require_http_methods(["GET", "POST"])
def product_delete(request, pk):
    """A confirmation page; deleting happens only on its POST, and only for a draft that was never published."""
    product = get_object_or_404(selectors.product_for_editing(request.user, pk))
    deletable = product.status == Product.Status.DRAFT
    if request.method == "POST":
        try:
            services.delete_product(product, user=request.user)
        except services.ProductInUse as refusal:
            messages.error(request, str(refusal))
            return redirect(product.get_absolute_url())
        messages.success(request, _("Deleted “%(name)s”.") % {"name": product.name})
        return redirect("products:workspace")
    context = {"product": product, "deletable": deletable}
    return render(request, "products/product_confirm_delete.html", context, status=200 if deletable else 409)
