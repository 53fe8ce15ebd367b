"""The maker's log of restricted reads: who read the part of legitimate interest of which passport, and when."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.dpp.selectors import restricted_reads_for_maker_user

READS_PER_PAGE = 50


@login_required
@require_safe
def restricted_reads(request):
    """Every read of the restricted part of the organisation's passports (ESPR Art. 9(2)(f)), newest first."""
    page = Paginator(restricted_reads_for_maker_user(request.user), READS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "catalogue/dpp/restricted_reads.html", {"page": page})
