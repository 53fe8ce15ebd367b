"""The visitor's compare selection: up to four passport codes kept in the session, changed by POST forms.

The forms work without JavaScript (each answers with a redirect back); ``static/js/compare.js`` sends
them with fetch and swaps in the bar this module renders, so the page does not reload.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.models import PublishedFacets
from products.identifiers import normalise_passport_code
from products.models import Product

SESSION_KEY = "compare_codes"
COMPARE_MAX = 4


def selected_codes(request) -> list[str]:
    """The codes chosen so far, in the order they were added (reading creates no session)."""
    return list(request.session.get(SESSION_KEY, []))[:COMPARE_MAX]


def selection(request) -> list[dict]:
    """The chosen products with their published names (one query; codes no longer published drop out)."""
    codes = selected_codes(request)
    if not codes:
        return []
    names = dict(
        PublishedFacets.objects.filter(
            product__passport_code__in=codes, product__status=Product.Status.PUBLISHED
        ).values_list("product__passport_code", "name")
    )
    return [{"code": code, "name": names[code]} for code in codes if code in names]


def bar_context(request) -> dict:
    chosen = selection(request)
    return {
        "compare_selection": chosen,
        "compare_codes": [item["code"] for item in chosen],
        "compare_full": len(chosen) >= COMPARE_MAX,
        "compare_max": COMPARE_MAX,
        # Once per page rather than once per product card.
        "compare_add_url": reverse("catalogue:compare-add"),
        "compare_remove_url": reverse("catalogue:compare-remove"),
        "next_url": request.get_full_path(),
    }


def _back(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = reverse("catalogue:browse")
    return target


def _answer(request, message: str, level: int, status: int = 200):
    """A redirect back (plain form), or the new bar as JSON (``compare.js``)."""
    if request.headers.get("Accept", "").startswith("application/json"):
        # The bar's own forms return to the page the visitor is on, not to this POST address.
        context = {**bar_context(request), "next_url": _back(request)}
        bar = render_to_string("catalogue/public/compare_bar.html", context, request=request)
        answer = {"codes": context["compare_codes"], "message": message, "error": status >= 400, "bar": bar}
        return JsonResponse(answer, status=status)
    messages.add_message(request, level, message)
    return redirect(_back(request))


def _published_code(raw: str) -> str | None:
    try:
        code = normalise_passport_code(raw)
    except ValidationError:
        return None
    published = PublishedFacets.objects.filter(product__passport_code=code, product__status=Product.Status.PUBLISHED)
    return code if published.exists() else None


@require_POST
def add(request):
    """Add one product; a fifth is refused with an explanation, and the four already chosen stay."""
    code = _published_code(request.POST.get("code", ""))
    if code is None:
        return _answer(request, _("No published passport has this code."), messages.ERROR, status=400)
    codes = selected_codes(request)
    if code in codes:
        return _answer(request, _("This product is already in the comparison."), messages.INFO)
    if len(codes) >= COMPARE_MAX:
        return _answer(
            request,
            _("At most %(max)d products can be compared; remove one first.") % {"max": COMPARE_MAX},
            messages.ERROR,
            status=409,
        )
    request.session[SESSION_KEY] = [*codes, code]
    return _answer(request, _("Added to the comparison."), messages.SUCCESS)


@require_POST
def remove(request):
    """Remove one product from the selection (no error when it was not in it)."""
    code = request.POST.get("code", "")
    request.session[SESSION_KEY] = [chosen for chosen in selected_codes(request) if chosen != code]
    return _answer(request, _("Removed from the comparison."), messages.SUCCESS)


@require_POST
def clear(request):
    """Empty the selection."""
    request.session[SESSION_KEY] = []
    return _answer(request, _("The comparison is empty."), messages.SUCCESS)
