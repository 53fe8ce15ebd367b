"""The public "what changed" page of a passport version: its differences from the version before, field by field."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import rendition_key
from catalogue.passports.diff import diff
from catalogue.public import views
from catalogue.public.selectors import version_history, version_snapshot

CHANGES_TEMPLATE = "catalogue/public/passport/changes_content.html"
# Snapshot sections that record the publication itself (the link to the version before, the hash of the
# restricted part): they change with every version and say nothing about the product.
PUBLICATION_SECTIONS = {"predecessor", "restricted_part"}


def _content_key(row, previous, latest, language: str) -> str:
    # Both versions are immutable; only a redaction (counted in rendition_key) or a new template changes the page.
    parts = [views.template_revision(), rendition_key(row.content_hash, row.redaction_count), row.number]
    if previous is not None:
        parts.append(rendition_key(previous.content_hash, previous.redaction_count))
    parts += [latest.number, language, hashlib.sha256(CHANGES_TEMPLATE.encode()).hexdigest()[:8]]
    return "|".join(str(part) for part in parts)


def _content(code: str, row, previous, latest) -> dict:
    """The cacheable part: the page title and the list of changes, rendered (two snapshot reads)."""
    new = version_snapshot(row.pk)
    changes = diff(version_snapshot(previous.pk), new) if previous is not None else []
    changes = [change for change in changes if change.section.split(".")[0] not in PUBLICATION_SECTIONS]
    name = (new.get("product") or {}).get("name") or code
    context = {"code": code, "version": row, "previous": previous, "latest": latest, "changes": changes, "name": name}
    return {"name": name, "content": render_to_string(CHANGES_TEMPLATE, context)}


@require_safe
def passport_changes_view(request, code, number):
    """What version ``number`` of a public passport changed from version ``number - 1``; version 1 is the first."""
    canonical = views._canonical_code(code)
    if canonical is None:
        return views.not_found(
            request, message=_("There is no passport with the code %(code)s.") % {"code": code}, query=code
        )
    if canonical != code:
        return HttpResponsePermanentRedirect(reverse("catalogue:passport-changes", args=[canonical, number]))
    # Only published versions are in the history: a draft is never compared here.
    history = version_history(canonical)
    row = next((entry for entry in history if entry.number == number), None)
    if row is None:
        return views.not_found(
            request,
            message=_("The passport %(code)s has no version %(number)s.") % {"code": canonical, "number": number},
        )
    previous = next((entry for entry in history if entry.number < number), None)
    language = get_language() or settings.LANGUAGE_CODE
    content_key = _content_key(row, previous, history[0], language)
    etag = '"' + hashlib.sha256(content_key.encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache_key = "passport-changes:" + hashlib.sha256(content_key.encode()).hexdigest()
        parts = cache.get(cache_key)
        if parts is None:
            parts = _content(canonical, row, previous, history[0])
            cache.set(cache_key, parts, views.PAGE_CACHE_SECONDS)
        context = {"name": parts["name"], "content": mark_safe(parts["content"]), "code": canonical, "version": row}
        response = render(request, "catalogue/public/passport/changes.html", context)
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response
