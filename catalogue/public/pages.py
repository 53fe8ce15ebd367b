"""Public views of the published catalogue."""

from django.shortcuts import render

from catalogue.public.camera import camera_page, decoder_urls
from catalogue.scores.selectors import category_reference_rows, methodology_overview


@camera_page
def home(request):
    return render(request, "catalogue/public/home.html", {"decoder": decoder_urls()})


def methodology(request):
    """The public scoring methodology, generated from the criterion table the scoring code uses."""
    return render(
        request,
        "catalogue/public/methodology.html",
        {"methodology": methodology_overview(), "categories": category_reference_rows()},
    )
