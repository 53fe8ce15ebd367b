"""Account pages: where each user lands after logging in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .selectors import roles_of


@login_required
def after_login(request):
    """Send each user to their own workspace: makers to their products, retailers to their assortment."""
    roles = roles_of(request.user)
    if roles.is_maker:
        return redirect("products:workspace")
    if roles.is_retailer:
        return redirect("retailer:index")
    if roles.is_staff:
        return redirect("admin:index")
    return redirect("home")
