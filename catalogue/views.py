"""Public views of the published catalogue."""

from django.shortcuts import get_object_or_404, render

from products.models import MakerOrganisation


def home(request):
    return render(request, "catalogue/home.html")


def maker_detail(request, slug):
    maker = get_object_or_404(MakerOrganisation, slug=slug)
    return render(request, "catalogue/maker_detail.html", {"maker": maker})
