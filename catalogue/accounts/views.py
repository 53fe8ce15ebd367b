"""Account pages: where each user lands after logging in, the admin's way in, and switching the language."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .preferences import remember_language
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


def admin_login(request):
    """/admin/login/: the site's own login, so that the lockout, rate limits and MFA cover the admin too.

    Django's admin sends anyone not signed in as staff here; nobody logs in on this URL itself.
    """
    next_url = request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = reverse("admin:index")
    if request.user.is_authenticated:
        if not request.user.is_staff:
            raise PermissionDenied  # signed in, but not staff: the login page would only send them back here
        return redirect(next_url)
    return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")


@require_POST
def set_language(request):
    """Django's language switch; for a signed-in user the choice is also the language mails are written in."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        remember_language(request.user, language)
    return response
