"""The supplier directory of the maker workspace: list, add and edit an organisation's suppliers."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, supplier_services
from .forms import COUNTRY_WIDGET, HttpsURLField, WorkspaceModelForm
from .suppliers import Supplier
from .views import maker_required


class SupplierForm(WorkspaceModelForm):
    """A supplier's name, place, contacts and whether its name is confidential."""

    class Meta:
        model = Supplier
        fields = [
            "name",
            "name_confidential",
            "city",
            "postcode",
            "country",
            "contact_person",
            "email",
            "phone",
            "website",
        ]
        field_classes = {"website": HttpsURLField}
        widgets = {"country": COUNTRY_WIDGET, "phone": forms.TextInput(attrs={"type": "tel"})}


@maker_required
def supplier_list(request):
    organisation = request.current_maker_organisation
    return render(
        request,
        "products/supplier_list.html",
        {"organisation": organisation, "suppliers": list(selectors.suppliers_of(organisation))},
    )


@maker_required
@require_http_methods(["GET", "POST"])
def supplier_create(request):
    supplier = Supplier(organisation=request.current_maker_organisation)
    return _supplier_form_page(request, supplier)


@maker_required
@require_http_methods(["GET", "POST"])
def supplier_edit(request, pk):
    # Another organisation's supplier answers 404, exactly like one that does not exist.
    supplier = get_object_or_404(selectors.supplier_for_editing(request.user, pk))
    return _supplier_form_page(request, supplier)


def _supplier_form_page(request, supplier: Supplier):
    is_new = supplier.pk is None
    form = SupplierForm(request.POST or None, instance=supplier)
    if request.method == "POST" and form.is_valid():
        updated = supplier_services.save_supplier(form.instance, user=request.user)
        messages.success(request, _("Saved the supplier “%(name)s”.") % {"name": supplier.name})
        if updated:
            messages.info(
                request,
                ngettext(
                    "%(count)d supply-chain step that names this supplier was updated; "
                    "its product shows unpublished changes until you publish it again.",
                    "%(count)d supply-chain steps that name this supplier were updated; "
                    "their products show unpublished changes until you publish them again.",
                    updated,
                )
                % {"count": updated},
            )
        return redirect("products:supplier-list")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "supplier": supplier, "is_new": is_new, "organisation": supplier.organisation}
    return render(request, "products/supplier_form.html", context, status=status)


@maker_required
@require_POST
def suppliers_from_steps(request):
    """Fill the directory from the supplier names the organisation's steps already give."""
    created = supplier_services.suppliers_from_steps(request.current_maker_organisation, user=request.user)
    if created:
        messages.success(
            request,
            ngettext(
                "Added %(count)d supplier from your supply-chain steps.",
                "Added %(count)d suppliers from your supply-chain steps.",
                created,
            )
            % {"count": created},
        )
    else:
        messages.info(request, _("Your supply-chain steps name no supplier that is not in the directory yet."))
    return redirect("products:supplier-list")
