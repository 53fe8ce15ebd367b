"""Maker workspace views: the organisation's products, the editor, evidence and history."""

import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import editor_actions, selectors, services, workspace_list
from .edit_versions import changes_between, edit_token, editable_state
from .editor import ProductEditor
from .evidence_files import evidence_file_response
from .forms import EvidenceForm
from .identifiers import gtin_warning
from .models import Product
from .workspace_list import WorkspaceListForm

PRODUCTS_PER_PAGE = 50
HISTORY_GROUPS_PER_PAGE = 30


def maker_required(view):
    """Log in first; users who belong to no maker organisation get a friendly 403 page."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        organisations = list(selectors.organisations_for_user(request.user))
        if not organisations:
            return render(request, "products/no_organisation.html", status=403)
        request.maker_organisations = organisations
        request.current_maker_organisation = selectors.current_organisation(request.session, organisations)
        return view(request, *args, **kwargs)

    return wrapped


@maker_required
def workspace(request):
    """The user's products: searched, filtered and sorted by the query string, a page at a time."""
    archived = request.GET.get("archived") == "1"
    products = selectors.workspace_products(request.user, archived=archived)
    form = WorkspaceListForm(request.GET, categories=workspace_list.list_categories(request.user))
    products = workspace_list.listed_products(products, form.cleaned_data if form.is_valid() else {})
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    listed = list(page.object_list)
    for product in listed:
        product.column_values = [(column, getattr(product, column.key)) for column in workspace_list.columns()]
    kept = request.GET.copy()  # the page links keep the search, the filters and the sorting
    kept.pop("page", None)
    return render(
        request,
        "products/workspace.html",
        {
            "page": page,
            "products": listed,
            "form": form,
            "columns": workspace_list.columns(),
            "filtered": any(value for name, value in kept.items() if name not in ("sort", "archived")),
            "query_string": kept.urlencode(),
            "archived": archived,
            "organisations": request.maker_organisations,
            "several_organisations": len(request.maker_organisations) > 1,
        },
    )


@maker_required
@require_POST
def switch_organisation(request):
    """Work on another of the user's organisations from now on (kept in the session)."""
    chosen = next(
        (org for org in request.maker_organisations if str(org.pk) == request.POST.get("organisation", "")), None
    )
    if chosen is None:
        messages.error(request, _("Choose one of your organisations."))
    else:
        selectors.remember_current_organisation(request.session, chosen)
        messages.success(request, _("You are working on %(organisation)s now.") % {"organisation": chosen.name})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("products:workspace")
    return redirect(next_url)


@maker_required
def product_detail(request, pk):
    product = get_object_or_404(selectors.product_detail_queryset(request.user), pk=pk)
    return render(
        request, "products/product_detail.html", {"product": product, "gtin_warning": gtin_warning(product.gtin)}
    )


@maker_required
@require_http_methods(["GET", "POST"])
def product_create(request):
    return _editor_page(request, product=None)


@maker_required
@require_http_methods(["GET", "POST"])
def product_edit(request, pk):
    product = get_object_or_404(selectors.product_for_editing(request.user, pk))
    return _editor_page(request, product=product)


def _editor_page(request, product):
    organisations = selectors.organisations_for_user(request.user)
    # A new product is the current organisation's unless the maker chooses another of theirs.
    instance = product if product is not None else Product(maker=request.current_maker_organisation)
    if request.method != "POST":
        return _render_editor(request, ProductEditor(organisations=organisations, instance=instance), product)
    action = editor_actions.requested_action(request.POST)
    if action is not None:
        # "Add another" or a move button without JavaScript: the same page with the change, nothing saved.
        data = editor_actions.apply(action, request.POST)
        editor = ProductEditor(organisations=organisations, instance=instance, data=data, files=request.FILES)
        editor.hide_errors()
        if action.focus_field:
            new_row = editor.formsets[action.part.name].forms[action.index]
            new_row.fields[action.focus_field].widget.attrs["autofocus"] = True
        return _render_editor(request, editor, product, row_action=action)
    editor = ProductEditor(organisations=organisations, instance=instance, data=request.POST, files=request.FILES)
    try:
        if editor.is_valid():
            saved = services.save_product(product, editor.write(), user=request.user, based_on=editor.based_on_token)
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            warning = gtin_warning(saved.gtin)
            if warning:
                # Valid and saved: a book's number is no error, but rarely a knife's.
                messages.warning(request, warning)
            if request.POST.get("then") == "continue":
                return redirect("products:product-edit", pk=saved.pk)
            return redirect(saved.get_absolute_url())
        if product is not None:
            # Errors, and maybe also stale: a row the form shows may be gone, which is why a field is invalid.
            current = editable_state(product)
            if edit_token(current) != editor.based_on_token:
                raise services.ProductChanged(current)
    except services.ProductChanged as changed:
        # Someone else saved meanwhile (another tab, the API): show what changed, keep what was typed.
        stale = {"changes": changes_between(editor.based_on, changed.current) if editor.based_on else None}
        editor.rebase(changed.current)
        return _render_editor(request, editor, product, stale=stale)
    except services.ProductInvalid as invalid:
        # Valid forms, but the database refused a value: another write took the same GTIN a moment ago.
        editor.add_writer_errors(invalid.errors)
        return _render_editor(request, editor, product, status=400)
    return _render_editor(request, editor, product)


def _render_editor(request, editor, product, stale=None, status=200, row_action=None):
    context = {
        "editor": editor,
        "product": product,
        "is_new": product is None,
        "stale": stale,
        "row_action": row_action,
    }
    return render(request, "products/product_form.html", context, status=status)


@maker_required
def product_history(request, pk):
    product = get_object_or_404(selectors.product_for_editing(request.user, pk))
    groups = selectors.group_history(selectors.product_history(product))
    page = Paginator(groups, HISTORY_GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "products/product_history.html", {"product": product, "page": page})


@maker_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, pk):
    product = get_object_or_404(selectors.product_for_editing(request.user, pk))
    # From the editor: the row the document backs (linked at upload) and the anchor to return to.
    backs = services.evidence_link_row(product, request.GET.get("backs", ""))
    anchor = request.GET.get("return", "")
    back_url = product.get_absolute_url() + "#evidence"
    if re.fullmatch(r"[a-z0-9_-]{1,80}", anchor):
        back_url = reverse("products:product-edit", args=[product.pk]) + "#" + anchor
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            evidence = services.add_evidence(product, form.save(commit=False), user=request.user, backs=backs)
            messages.success(
                request, _("Added the evidence “%(title)s”. Staff will review it.") % {"title": evidence.title}
            )
            return redirect(back_url)
    else:
        form = EvidenceForm(initial={"claim": request.GET.get("claim")})
    context = {"product": product, "form": form, "backs": backs, "back_url": back_url}
    return render(request, "products/evidence_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD"])
def evidence_file(request, pk, file_name):
    # Staff need no maker organisation here; anyone else outside the organisation gets 404, as for its products.
    document = selectors.evidence_file_for_user(request.user, pk, file_name)
    if document is None:
        raise Http404("No such evidence file.")
    return evidence_file_response(document)
