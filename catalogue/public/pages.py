"""Public views of the published catalogue."""

from django.shortcuts import render

from catalogue.scores.selectors import category_reference_rows, methodology_overview


def home(request):
    return render(request, "catalogue/public/home.html")


def methodology(request):
    """The public scoring methodology, generated from the criterion table the scoring code uses."""
    return render(
        request,
        "catalogue/public/methodology.html",
        {"methodology": methodology_overview(), "categories": category_reference_rows()},
    )
