"""Strong ETags over a representation, and the If-Match precondition that protects writes."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.http import parse_etags
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = _("Send the ETag of the product in an If-Match header; GET the product to learn it.")
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = 412
    default_detail = _("The product changed since you read it. GET it again, apply your change and send the new ETag.")
    default_code = "precondition_failed"


def etag_for(data, base_url: str = "") -> str:
    """A strong ETag: the hash of the canonical JSON of what the client sees.

    Hashing the representation (not only updated_at) also catches changes that do not touch the
    product row, such as a part edited in the workspace, a new score or a publication. Absolute
    links starting with ``base_url`` count as relative ones, so that a client that reaches the API
    under another host name (behind a proxy, or by IP address) gets the same ETag.
    """
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder)
    if base_url:
        canonical = canonical.replace(json.dumps(base_url)[1:-1], "/")
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:40] + '"'


def require_if_match(request, current_etag: str) -> None:
    """Raise 428 without If-Match and 412 when none of its ETags is the current one (strong comparison)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    given = parse_etags(header)
    if given == ["*"] or current_etag in given:
        return
    raise PreconditionFailed()
