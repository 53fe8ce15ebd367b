"""Refusing an anonymous client whose PDF allowance is spent before the rest of the stack runs, or Django at all."""

from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils import translation

from catalogue.passports.pdf_flood import is_public_pdf_path
from catalogue.passports.pdf_throttle import parse_rate, spent
from catalogue.passports.pdf_views import anonymous_client, refusal_text, too_many_renders


def may_be_refused_early(path_info: str, cookies: dict) -> bool:
    """A public PDF URL without a session: no signed-in retailer (with an allowance of its own) can be behind it."""
    return settings.SESSION_COOKIE_NAME not in cookies and is_public_pdf_path(path_info)


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
        if may_be_refused_early(request.path_info, request.COOKIES):
            rate = parse_rate("PDF_THROTTLE_RATE", settings.PDF_THROTTLE_RATE)
            if refusal := spent(anonymous_client(request.META), rate):
                with translation.override(translation.get_language_from_request(request)):
                    return too_many_renders(refusal)
        return self.get_response(request)


class RefuseRememberedSpentClients:
    """WSGI wrapper (catalogue/wsgi.py): the same 429 for a client this process already knows to be spent.

    Under a flood nearly every request is such a refusal. Answered here, it costs no request object, no
    signal, no middleware and no cache read: about half of what the middleware's answer costs. Whatever
    this process does not remember goes on to Django, where the middleware asks the shared cache.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path_info = environ.get("PATH_INFO", "")
        if path_info.endswith(".pdf"):  # every other request leaves here, after one string test
            cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
            if may_be_refused_early(path_info, cookies):
                rate = parse_rate("PDF_THROTTLE_RATE", settings.PDF_THROTTLE_RATE)
                if refusal := spent(anonymous_client(environ), rate, remembered_only=True):
                    language = language_of_environ(environ, cookies)
                    with translation.override(language):
                        body = refusal_text(refusal).encode()
                    start_response(
                        "429 Too Many Requests",
                        [
                            ("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body))),
                            ("Content-Language", language),
                            ("Retry-After", str(refusal.retry_after)),
                            ("X-Content-Type-Options", "nosniff"),
                            ("Referrer-Policy", settings.SECURE_REFERRER_POLICY),
                            ("Vary", "Accept-Language, Cookie"),
                        ],
                    )
                    return [body]
        return self.application(environ, start_response)


def language_of_environ(environ, cookies: dict) -> str:
    """The site language of a request, as the middleware would find it: the language cookie, else the first of
    Accept-Language that the site has, else the default (German)."""
    chosen = cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen and chosen in dict(settings.LANGUAGES):
        return chosen
    for language, _quality in translation.trans_real.parse_accept_lang_header(environ.get("HTTP_ACCEPT_LANGUAGE", "")):
        try:
            return translation.get_supported_language_variant(language)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE
