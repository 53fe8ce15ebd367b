"""Retailer workspace: keep an assortment, print passports and shelf labels, see what needs reprinting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalogue.models import AssortmentItem, PrintJob
from catalogue.passports.pdf_views import pdf_response
from catalogue.printjobs import services as printjobs
from catalogue.printjobs.views import filename_of
from catalogue.retailers import selectors, services
from catalogue.retailers.forms import AddToAssortmentForm, PrintForm, ShelfPriceForm


@login_required
@require_safe
def index(request):
    """The user's retailer workspace; a choice when the user belongs to several retailers."""
    retailers = list(selectors.retailers_for_user(request.user))
    if not retailers:
        raise PermissionDenied(_("You are not a member of a retailer."))
    if len(retailers) == 1:
        return redirect("retailer:assortment", slug=retailers[0].slug)
    return render(request, "catalogue/retailers/index.html", {"retailers": retailers})


def _retailer_or_404(user, slug):
    retailer = selectors.retailer_for_user(user, slug)
    if retailer is None:
        raise Http404(_("No such retailer."))
    return retailer


def _print_form(prefix=None):
    return PrintForm(prefix=prefix, initial={"language": (get_language() or "de").split("-")[0]})


def _tell_finished_jobs(request, retailer):
    """A background job's notice, once, on the next page of the person who started it."""
    for job in printjobs.take_notices(retailer, request.user):
        if job.status == PrintJob.Status.DONE:
            text = _("Your print job %(number)d is ready: download it under “Print jobs”.")
            messages.success(request, text % {"number": job.pk})
        else:
            text = _("Your print job %(number)d failed: %(reason)s")
            messages.error(request, text % {"number": job.pk, "reason": job.error})


def _assortment_page(request, retailer, *, add_form=None, print_form=None, reprint_form=None, status=200):
    _tell_finished_jobs(request, retailer)
    all_rows = selectors.assortment_rows(retailer)
    row_filter = selectors.RowFilter(
        state=request.GET.get("state", ""),
        output_format=request.GET.get("format", ""),
        grade=request.GET.get("grade", ""),
        query=request.GET.get("q", ""),
    )
    rows = row_filter(all_rows)
    context = {
        "retailer": retailer,
        "rows": rows,
        "all_count": len(all_rows),
        "row_filter": row_filter,
        "grades": "ABCDE",
        "formats": PrintJob.Format.choices,
        "reprint_rows": [row for row in all_rows if row.reprint_needed],
        "never_printed_count": sum(row.never_printed for row in all_rows),
        "add_form": add_form or AddToAssortmentForm(),
        "print_form": print_form or _print_form(),
        "reprint_form": reprint_form or _print_form(prefix="reprint"),
        "print_jobs": selectors.print_history(retailer),
        "added": request.GET.get("added", ""),
    }
    return render(request, "catalogue/retailers/assortment.html", context, status=status)


@login_required
@require_safe
def assortment(request, slug):
    retailer = _retailer_or_404(request.user, slug)
    return _assortment_page(request, retailer)


@login_required
@require_POST
def add(request, slug):
    retailer = _retailer_or_404(request.user, slug)
    form = AddToAssortmentForm(request.POST)
    if not form.is_valid():
        return _assortment_page(request, retailer, add_form=form, status=400)
    item, created = services.add_to_assortment(retailer, form.product, request.user)
    if created:
        messages.success(request, _("Added %(product)s.") % {"product": item.product.name})
    else:
        messages.info(request, _("%(product)s is already in your assortment.") % {"product": item.product.name})
    url = reverse("retailer:assortment", args=[retailer.slug])
    # No fragment: the scan field, not the new row, must have the focus for the next scan.
    return redirect(f"{url}?added={item.pk}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def remove(request, slug, pk):
    retailer = _retailer_or_404(request.user, slug)
    item = get_object_or_404(AssortmentItem.objects.select_related("product"), retailer=retailer, pk=pk)
    if request.method != "POST" or "confirm" not in request.POST:
        # Removing asks first: the button leads here, and only this page's button removes.
        return render(request, "catalogue/retailers/remove_confirm.html", {"retailer": retailer, "item": item})
    services.remove_from_assortment(item)
    messages.success(request, _("Removed %(product)s.") % {"product": item.product.name})
    return redirect("retailer:assortment", slug=retailer.slug)


@login_required
@require_POST
def print_assortment(request, slug):
    """Print the selection, the whole assortment or the reprint-needed list; the response is the PDF."""
    retailer = _retailer_or_404(request.user, slug)
    scope = request.POST.get("scope", "selected")
    prefix = "reprint" if scope == "reprint" else None
    form = PrintForm(request.POST, prefix=prefix)
    if not form.is_valid():
        bound = {"reprint_form": form} if prefix else {"print_form": form}
        return _assortment_page(request, retailer, status=400, **bound)
    try:
        items = services.items_to_print(
            retailer,
            scope=scope if scope in (services.PrintScope.ALL, services.PrintScope.REPRINT) else "selected",
            item_ids=form.cleaned_data["items"],
            output_format=form.cleaned_data["format"],
        )
        job, content = services.print_items(
            retailer,
            items,
            user=request.user,
            output_format=form.cleaned_data["format"],
            language=form.cleaned_data["language"],
            layout=form.cleaned_data["layout"],
            label_data=form.label_data,
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        bound = {"reprint_form": form} if prefix else {"print_form": form}
        return _assortment_page(request, retailer, status=400, **bound)
    except services.PrintRequestError as error:
        messages.error(request, str(error))
        return redirect("retailer:assortment", slug=retailer.slug)
    except selectors.NotInAssortment as error:
        raise Http404(_("Not in your assortment.")) from error
    except services.NotPrintable as error:
        # A draft is printable by nobody but its maker; it answers as if it did not exist.
        raise Http404(_("No published passport for: %(products)s") % {"products": error}) from error
    if content is None:
        messages.info(request, _("Your print job runs in the background; this page shows its progress."))
        return redirect("retailer:job", slug=retailer.slug, pk=job.pk)
    if job.format == PrintJob.Format.LABELS:
        message = ngettext("Printed %(count)d shelf label.", "Printed %(count)d shelf labels.", len(items))
    elif job.format == PrintJob.Format.SHELF:
        message = ngettext("Printed %(count)d shelf passport.", "Printed %(count)d shelf passports.", len(items))
    else:
        message = ngettext("Printed %(count)d passport.", "Printed %(count)d passports.", len(items))
    messages.success(request, message % {"count": len(items)})
    return pdf_response(content, filename_of(job), cache_control="private, no-store")


@login_required
def shelf_price(request, slug, pk):
    """Set or clear the retailer's own price of one item, printed on its shelf labels."""
    retailer = _retailer_or_404(request.user, slug)
    item = get_object_or_404(AssortmentItem.objects.select_related("product"), retailer=retailer, pk=pk)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ShelfPriceForm(request.POST if request.method == "POST" else None, instance=item)
    if request.method == "POST":
        if form.is_valid():
            services.set_shelf_price(item, form.cleaned_data["shelf_price"])
            messages.success(request, _("Saved the shelf price of %(product)s.") % {"product": item.product.name})
            return redirect(f"{reverse('retailer:assortment', args=[retailer.slug])}#item-{item.pk}")
        status = 400
    else:
        status = 200
    context = {"retailer": retailer, "item": item, "form": form}
    return render(request, "catalogue/retailers/shelf_price.html", context, status=status)
