"""The staff review queue at /review/: list, preview and decide on evidence; 404 for everyone but staff."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods

from catalogue.review import selectors, services
from catalogue.review.forms import DecisionForm, QueueFilterForm
from products.evidence_files import FILE_CONTENT_SECURITY_POLICY, evidence_file_response

EVIDENCE_PER_PAGE = 10  # each with its preview
PRODUCTS_PER_PAGE = 30
# The file policy, and framing by this site's own review pages only (the site's pages forbid any framing).
PREVIEW_POLICY = f"{FILE_CONTENT_SECURITY_POLICY}; frame-ancestors 'self'"
# Chromium shows no PDF in a sandboxed document, so a PDF gets the policy without the sandbox: it still may run,
# load and connect to nothing.
PDF_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def staff_only(view):
    """Staff only; anyone else, signed in or not, gets 404: the queue's existence is nobody else's business."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapped


@staff_only
@require_http_methods(["GET", "HEAD"])
def queue(request):
    filters = QueueFilterForm(request.GET or None)
    show, maker = filters.choice() if request.GET else (QueueFilterForm.PENDING, None)
    if show == QueueFilterForm.UNBACKED:
        rows = selectors.products_with_unbacked_claims(maker)
        per_page = PRODUCTS_PER_PAGE
    elif show == QueueFilterForm.UNVERIFIED:
        rows, per_page = selectors.unverified_evidence(maker), EVIDENCE_PER_PAGE
    else:
        rows, per_page = selectors.pending_evidence(maker), EVIDENCE_PER_PAGE
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    if show == QueueFilterForm.UNBACKED:
        for product in page.object_list:
            product.unbacked_claims = selectors.unbacked_claim_labels(product)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters if request.GET else QueueFilterForm(),
        "show": show,
        "page": page,
        "query": query.urlencode(),
        "decision_form": DecisionForm(),
        "here": request.get_full_path(),
    }
    return render(request, "catalogue/review/queue.html", context)


@staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_review(request, pk):
    document = selectors.evidence_for_review(pk)
    if document is None:
        raise Http404("No such evidence.")
    back = _back_to(request)
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                decided = services.decide(
                    document,
                    form.cleaned_data["decision"],
                    user=request.user,
                    reason=form.cleaned_data["rejection_reason"],
                )
            except ValidationError as error:
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                messages.success(request, _decided_message(decided))
                return redirect(back)
        status = 400
    context = {
        "document": document,
        "form": form,
        "history": selectors.decision_history(document),
        "back": back,
    }
    return render(request, "catalogue/review/evidence.html", context, status=status)


def _decided_message(document) -> str:
    if document.review_status == document.ReviewStatus.APPROVED:
        return _("Approved “%(title)s”; the maker was told.") % {"title": document.title}
    return _("Rejected “%(title)s”; the maker was told why.") % {"title": document.title}


def _back_to(request) -> str:
    """Where to go after a decision: the queue page it came from (a local path only), else the queue."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return reverse("review:queue")


@staff_only
@xframe_options_sameorigin
@require_http_methods(["GET", "HEAD"])
def evidence_preview(request, pk):
    """The evidence's file inline, for the preview frames of the review pages (any evidence, published or not)."""
    document = selectors.evidence_for_review(pk)
    if document is None or not document.file:
        raise Http404("No such evidence file.")
    response = evidence_file_response(document)
    pdf = document.content_type == "application/pdf"
    response["Content-Security-Policy"] = PDF_PREVIEW_POLICY if pdf else PREVIEW_POLICY
    return response
