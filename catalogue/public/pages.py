"""Public views of the published catalogue."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

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


@login_required
def after_login(request):
    """Send each user to their own workspace: makers to their products, retailers to their assortment."""
    user = request.user
    if user.maker_memberships.exists():
        return redirect("products:workspace")
    if user.retailer_memberships.exists():
        return redirect("retailer:index")
    if user.is_staff:
        return redirect("admin:index")
    return redirect("home")
