"""A middleware that refuses an anonymous client whose PDF allowance is spent before the rest of the stack runs."""

from django.conf import settings
from django.utils import translation

from catalogue.passports.pdf_flood import is_public_pdf_path
from catalogue.passports.pdf_throttle import spent
from catalogue.passports.pdf_views import anonymous_allowance, too_many_renders


class SpentPdfClientMiddleware:
    """The 429 for a spent anonymous client on a public PDF URL, after one cache read and nothing else.

    Placed right after SecurityMiddleware: sessions, authentication, CSP, locale and the view never run
    for such a request, so a flood of them costs the workers a fraction of what the passport page costs.
    A request with a session cookie may be a signed-in retailer with an allowance of its own: it goes
    through the whole stack, where the view asks the same question (``pdf_views``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES and is_public_pdf_path(request.path_info):
            allowance = anonymous_allowance(request)
            if refusal := spent(allowance.client, allowance.rate):
                with translation.override(translation.get_language_from_request(request)):
                    return too_many_renders(refusal)
        return self.get_response(request)
