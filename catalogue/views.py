"""Public views of the published catalogue."""

from django.shortcuts import render

from catalogue.selectors import category_reference_rows, methodology_overview


def home(request):
    return render(request, "catalogue/home.html")


def methodology(request):
    """The public scoring methodology, generated from the criterion table the scoring code uses."""
    return render(
        request,
        "catalogue/methodology.html",
        {"methodology": methodology_overview(), "categories": category_reference_rows()},
    )
