"""Workspace pages for spreadsheets: upload an import (XLSX, CSV or JSON), follow a queued one, templates, exports."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from . import xlsx_workbooks
from .import_errors import ImportFileError, RowError
from .import_queue import import_jobs_for_user, runs_in_background, start_import_job
from .importing import import_products, read_rows
from .models import Category, Product
from .selectors import organisations_for_user, products_for_user
from .views import maker_required

# The same limit as the API's upload; larger files go through `manage.py import_products`.
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
EXPORT_FORMATS = ("xlsx", "csv")


class ImportUploadForm(forms.Form):
    """The upload: which of the user's organisations, the file, and whether only to check it."""

    organisation = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Maker"), empty_label=None)
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("An Excel workbook (.xlsx), CSV or JSON file of at most 5 MB."),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Only check the file, save nothing"), required=False, initial=False)

    def __init__(self, *args, organisations, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].initial = current
        self.fields["file"].widget.attrs["accept"] = ".xlsx,.csv,.json"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB; import it with the import_products command instead.")
            )
        return upload


def _current_organisation(request):
    """The organisation the user works on now (the session's choice), else their first."""
    return getattr(request, "current_maker_organisation", None) or request.maker_organisations[0]


@maker_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    """Upload a file; small files are imported at once, large ones by a worker (then the job's page follows)."""
    form = ImportUploadForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations_for_user(request.user),
        current=_current_organisation(request),
    )
    context = {"form": form, "errors": None, "warnings": None}
    if request.method == "POST" and form.is_valid():
        upload, maker = form.cleaned_data["file"], form.cleaned_data["organisation"]
        dry_run = form.cleaned_data["dry_run"]
        content = upload.read()
        if runs_in_background(upload.size):
            job = start_import_job(content, upload.name, maker, user=request.user, dry_run=dry_run)
            return redirect("products:import-job", pk=job.pk)
        try:
            rows, label = read_rows(content, upload.name)
        except ImportFileError as error:
            context["errors"] = [str(error)]
        else:
            result = import_products(rows, maker, user=request.user, label=label, dry_run=dry_run)
            if not result.ok:
                context["errors"] = [str(error) for error in result.errors]
            else:
                context["warnings"] = [str(warning) for warning in result.warnings]
                if not dry_run:
                    _report_saved(request, result)
                    return redirect("products:workspace")
                context["checked"] = len(result.rows)
    status = 400 if context["errors"] else 200
    return render(request, "products/import.html", context, status=status)


def _report_saved(request, result) -> None:
    updated = sum(1 for row in result.rows if row.updates)
    messages.success(
        request,
        _("Imported: %(created)d new drafts, %(updated)d products updated.")
        % {"created": len(result.rows) - updated, "updated": updated},
    )
    for warning in result.warnings:
        messages.warning(request, str(warning))


@maker_required
def import_job(request, pk):
    """A queued import: its progress while it runs (the page reloads itself), then its result or its errors."""
    job = get_object_or_404(import_jobs_for_user(request.user).select_related("organisation"), pk=pk)
    errors = [str(RowError(**error)) for error in job.errors]
    return render(
        request,
        "products/import_job.html",
        {"job": job, "errors": errors, "refresh": not job.finished, "now": timezone.now()},
    )


@maker_required
def import_template(request, format):
    """The import template as the registry defines it now (the same as docs/import-template.xlsx)."""
    if format == "xlsx":
        content = xlsx_workbooks.workbook_bytes(xlsx_workbooks.template_workbook())
        return _download(content, "import-template.xlsx", xlsx_workbooks.XLSX_CONTENT_TYPE)
    return _download(xlsx_workbooks.CSV_TEMPLATE_PATH.read_bytes(), "import-template.csv", "text/csv; charset=utf-8")


@maker_required
def export_products(request, format):
    """Every product of one of the user's organisations (the current one, or ``?organisation=<pk>``)."""
    organisation = _current_organisation(request)
    chosen = request.GET.get("organisation")
    if chosen:
        organisation = next((org for org in request.maker_organisations if str(org.pk) == chosen), None)
        if organisation is None:
            raise Http404
    products = Product.objects.filter(maker=organisation).with_parts().order_by("name", "pk")
    return _export(products, format, f"{organisation.slug}-products")


@maker_required
@require_POST
def export_selected(request):
    """The products ticked in the workspace list, among the user's own (others are ignored, never exported)."""
    ids = [value for value in request.POST.getlist("product") if value.isdigit()]
    if not ids:
        messages.error(request, _("Select at least one product."))
        return redirect("products:workspace")
    products = products_for_user(request.user).filter(pk__in=ids).with_parts().order_by("name", "pk")
    return _export(products, request.POST.get("format", "xlsx"), "products")


def _export(products, format: str, stem: str) -> HttpResponse:
    if format not in EXPORT_FORMATS:
        raise Http404
    stamp = timezone.localdate().isoformat()
    if format == "csv":
        return _download(xlsx_workbooks.export_csv(products), f"{stem}-{stamp}.csv", "text/csv; charset=utf-8")
    categories = list(Category.objects.order_by("slug").values_list("slug", flat=True))
    content = xlsx_workbooks.export_xlsx(products, categories=categories)
    return _download(content, f"{stem}-{stamp}.xlsx", xlsx_workbooks.XLSX_CONTENT_TYPE)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
