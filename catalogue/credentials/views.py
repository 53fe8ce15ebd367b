"""Public pages of verifiable passports: the DID document with the signing keys, and the verify page."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from catalogue.credentials.keys import SigningKeyMissing
from catalogue.credentials.selectors import status_list_exists, withdrawn_positions
from catalogue.credentials.services import current_did_document, status_list_token
from catalogue.credentials.signing import MEDIA_TYPE
from catalogue.credentials.verdicts import verify_code, verify_text

# A pasted or uploaded credential is a few kilobytes; anything far larger is not one.
MAX_CREDENTIAL_BYTES = 256 * 1024


@require_safe
@cache_control(public=True, max_age=300)
def did_json(request):
    """``/.well-known/did.json``: the did:web document with every key the catalogue signed with."""
    response = JsonResponse(current_did_document(), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # wallets and verifiers fetch it from other origins
    return response


@require_safe
@cache_control(public=True, max_age=300)
@vary_on_headers("Accept")
def status_list(request, number: int):
    """``/credentials/status/<n>``: which passports are withdrawn, as a W3C Bitstring Status List credential.

    ``Accept: application/vc+jwt`` gives it signed; otherwise its JSON (the JWT's payload)."""
    if not status_list_exists(number):
        raise Http404("No such status list.")
    issued = timezone.now().replace(microsecond=0).isoformat()
    try:
        credential, token = status_list_token(number, withdrawn_positions(number), issued)
    except SigningKeyMissing:
        return JsonResponse({"detail": _("The catalogue has no signing key configured.")}, status=503)
    if MEDIA_TYPE in request.headers.get("Accept", ""):
        response = HttpResponse(token, content_type=MEDIA_TYPE)
    else:
        response = JsonResponse(credential, json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # verifiers fetch it from other origins
    return response


def _version_number(raw: str | None) -> tuple[int | None, str]:
    if not raw:
        return None, ""
    if not raw.isdigit() or int(raw) < 1:
        return None, _("The version is a whole number from 1, as printed on the passport.")
    return int(raw), ""


def _submitted_text(request) -> tuple[str, str]:
    """The credential pasted into the form or the uploaded file's text, and a problem with it."""
    upload = request.FILES.get("credential_file")
    if upload is not None:
        if upload.size > MAX_CREDENTIAL_BYTES:
            return "", _("The file is too large to be a credential (at most 256 KB).")
        try:
            return upload.read().decode("utf-8"), ""
        except UnicodeDecodeError:
            return "", _("The file is not a text file: upload the credential as JWT or JSON.")
    text = request.POST.get("credential", "")
    if len(text.encode("utf-8")) > MAX_CREDENTIAL_BYTES:
        return "", _("The text is too long to be a credential (at most 256 KB).")
    return text, ""


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """Check a credential or a printed passport's code: valid or not, which version, current or not.

    A scanned passport lands here with ``?code=`` (and ``&version=`` of the printed version)."""
    verdict, error = None, ""
    code = request.GET.get("code", "").strip()
    number, error = _version_number(request.GET.get("version"))
    if request.method == "POST":
        text, error = _submitted_text(request)
        if not error:
            verdict = verify_text(text)
    elif code and not error:
        verdict = verify_code(code, number)
    return render(
        request,
        "catalogue/credentials/verify.html",
        {"verdict": verdict, "error": error, "code": code, "version": request.GET.get("version", "")},
        status=400 if error else 200,
    )
