"""Maker workspace actions on a product's passport: publish, withdraw and preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from catalogue.passports import services
from catalogue.passports.diff import diff
from catalogue.passports.drafts import draft_snapshot, latest_versions
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf_views import pdf_response
from catalogue.passports.preview import preview_snapshot
from catalogue.passports.printing import language_or_default
from catalogue.passports.selectors import products_for_snapshot
from products.selectors import products_for_user


def _own_product(request, pk):
    # Another organisation's product answers 404, exactly like a product that does not exist.
    return get_object_or_404(products_for_user(request.user), pk=pk)


def _back_to_product(product):
    return redirect(f"{product.get_absolute_url()}#passport")


def _passport_action(request, pk, action, success) -> HttpResponse:
    """Run a publishing service on the user's own product; its refusal becomes a message, never an error page."""
    product = _own_product(request, pk)
    try:
        result = action(product, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success(result))
    return _back_to_product(product)


@login_required
@require_POST
def publish(request, pk):
    return _passport_action(request, pk, services.publish, _publication_message)


def _publication_message(publication) -> str:
    number = {"number": publication.version.number}
    if publication.created:
        return _("Passport version %(number)d is published.") % number
    return (
        _("Nothing changed since passport version %(number)d, so no new version was made; it stays current.") % number
    )


@login_required
@require_POST
def withdraw(request, pk):
    return _passport_action(
        request,
        pk,
        services.withdraw_product,
        lambda _result: _("The passport is withdrawn. It stays readable, marked as withdrawn."),
    )


@login_required
@require_POST
def archive(request, pk):
    """Withdraw the passport and leave the maker's active list (the workspace's "archived" tab shows it)."""
    product = _own_product(request, pk)
    try:
        services.withdraw_product(product, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back_to_product(product)
    messages.success(
        request,
        _(
            "“%(name)s” is archived: its passport is withdrawn (still readable, marked as withdrawn) and it is listed"
            " under “Archived”. Publish it again to bring it back."
        )
        % {"name": product.name},
    )
    return redirect("products:workspace")


@login_required
@require_safe
def preview_pdf(request, pk):
    """The maker's own preview of the passport as it would be published now; never public."""
    product = _own_product(request, pk)
    try:
        language = language_or_default(request.GET.get("lang"), get_language() or "de")
    except ValidationError as error:
        return HttpResponseBadRequest(error.messages[0], content_type="text/plain; charset=utf-8")
    # No content hash: a preview is not a version and must not look like one.
    content = render_passports([preview_snapshot(product, language)], language=language, hashes=[""])
    filename = f"preview-{product.passport_code}-{language}.pdf"
    response = pdf_response(content, filename, cache_control="private, no-store")
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
def changes(request, pk):
    """What the product's data says differently from its last published version, field by field."""
    product = _own_product(request, pk)
    version = latest_versions([product.pk]).get(product.pk)
    changed, found = False, []
    if version is not None:
        snapshot = draft_snapshot(products_for_snapshot().get(pk=product.pk), version=version)
        # The publish question first: a redacted version counts as unchanged, as publishing sees it.
        changed = not services.same_content(snapshot, version)
        found = diff(version.snapshot, snapshot) if changed else []
    context = {"product": product, "version": version, "changed": changed, "changes": found}
    return render(request, "catalogue/passports/changes.html", context)
