"""Public views of the published catalogue."""

from django.shortcuts import get_object_or_404, render

from catalogue.selectors import category_reference_rows, methodology_overview
from products.models import MakerOrganisation


def home(request):
    return render(request, "catalogue/home.html")


def maker_detail(request, slug):
    maker = get_object_or_404(MakerOrganisation, slug=slug)
    return render(request, "catalogue/maker_detail.html", {"maker": maker})


def methodology(request):
    """The public scoring methodology, generated from the criterion table the scoring code uses."""
    return render(
        request,
        "catalogue/methodology.html",
        {"methodology": methodology_overview(), "categories": category_reference_rows()},
    )
