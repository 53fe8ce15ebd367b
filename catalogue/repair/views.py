"""The public repair finder at /repair/: every repair and resharpening service, nearest to a postcode first."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .forms import RepairSearchForm
from .selectors import repair_directory


@require_safe
def repair_finder(request):
    form = RepairSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "entries": [], "origin": None, "searched": False}
        return render(request, "catalogue/repair/finder.html", context, status=400)
    near = form.cleaned_data["near"] if form.is_bound else ""
    service = form.cleaned_data["service"] if form.is_bound else ""
    entries, origin = repair_directory(near=near, service_type=service)
    context = {"form": form, "entries": entries, "origin": origin, "near": near, "searched": form.is_bound}
    return render(request, "catalogue/repair/finder.html", context)
