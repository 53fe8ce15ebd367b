"""Team pages of makers and retailers, and the page an invitation's link opens."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from catalogue.retailers.selectors import retailer_for_user
from products.selectors import remember_current_organisation
from products.views import maker_required

from . import selectors, services
from .forms import InviteForm, NewAccountForm, RoleForm
from .models import Invitation

# The account an invitation creates logs in with Django's own users (the first backend that knows passwords).
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


# ---------- Team pages ----------


@maker_required
@require_http_methods(["GET", "POST"])
def maker_team(request):
    """The team of the maker organisation the user works on now (the switcher in the header chooses it)."""
    return _team_page(request, request.current_maker_organisation)


@login_required
@require_http_methods(["GET", "POST"])
def retailer_team(request, slug):
    retailer = retailer_for_user(request.user, slug)
    if retailer is None:
        raise Http404(_("No such retailer."))
    return _team_page(request, retailer)


def _team_page(request, organisation):
    team = selectors.team_of(organisation, request.user)
    if team.viewer_membership is None:
        raise Http404(_("No such team."))
    invite_form = InviteForm(initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST":
        if not team.viewer_is_owner:
            # Editors read the team; only owners change it (and the page offers editors no forms).
            raise PermissionDenied(_("Only owners manage the team."))
        response, invite_form = _change_team(request, organisation)
        if response is not None:
            return response
    context = {"team": team, "invite_form": invite_form, "role_choices": Invitation.Role.choices}
    return render(request, "catalogue/teams/team.html", context, status=400 if invite_form.errors else 200)


def _change_team(request, organisation):
    """Apply the owner's POST; returns (redirect, None) when done, or (None, the invite form with its errors)."""
    action = request.POST.get("action")
    if action == "invite":
        form = InviteForm(request.POST)
        if not form.is_valid():
            return None, form
        try:
            services.invite(organisation=organisation, invited_by=request.user, **form.cleaned_data)
        except services.TeamError as refused:
            form.add_error("email", refused.message)
            return None, form
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
    elif action == "revoke":
        invitation = selectors.invitation_in(organisation, _pk(request))
        if invitation is None:
            raise Http404(_("No such invitation."))
        services.revoke(invitation, by=request.user)
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
    elif action in ("role", "remove"):
        membership = selectors.membership_in(organisation, _pk(request))
        if membership is None:
            raise Http404(_("No such member."))
        try:
            if action == "remove":
                services.remove_member(membership, by=request.user)
                messages.success(request, _("%(user)s was removed from the team.") % {"user": membership.user})
            else:
                role_form = RoleForm(request.POST)
                if not role_form.is_valid():
                    raise services.TeamError(_("Choose a role: owner or editor."))
                services.change_role(membership, role_form.cleaned_data["role"], by=request.user)
                messages.success(
                    request,
                    _("%(user)s is now: %(role)s.") % {"user": membership.user, "role": membership.get_role_display()},
                )
        except services.TeamError as refused:
            messages.error(request, refused.message)
    else:
        messages.error(request, _("Choose what to change in the team."))
    return redirect(request.path), None


def _pk(request) -> int:
    try:
        return int(request.POST.get("pk", ""))
    except ValueError:
        raise Http404(_("No such member.")) from None


# ---------- Accepting an invitation ----------


def _landing(request, invitation):
    if invitation.kind == Invitation.Kind.MAKER:
        remember_current_organisation(request.session, invitation.maker)
        return reverse("products:workspace")
    return reverse("retailer:assortment", args=[invitation.retailer.slug])


def _unusable(request, invitation):
    state = invitation.state
    return render(
        request, "catalogue/teams/invitation_unusable.html", {"invitation": invitation, "state": state}, status=410
    )


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request, token):
    """Join with the account one is signed in with, log in to an existing one, or create one with a password."""
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        raise Http404(_("No such invitation."))
    if not invitation.is_pending:
        return _unusable(request, invitation)
    context = {"invitation": invitation, "organisation": invitation.organisation}
    try:
        if request.user.is_authenticated:
            if request.method == "POST":
                services.accept(invitation, request.user)
                return _joined(request, invitation)
            return render(request, "catalogue/teams/accept.html", {**context, "mode": "join"})
        if selectors.account_with_email(invitation.email) is not None:
            login_url = f"{reverse('login')}?next={request.path}"
            return render(request, "catalogue/teams/accept.html", {**context, "mode": "login", "login_url": login_url})
        form = NewAccountForm(request.POST or None, email=invitation.email)
        if request.method == "POST" and form.is_valid():
            try:
                user = services.create_account_and_accept(
                    invitation, username=form.cleaned_data["username"], password=form.cleaned_data["password1"]
                )
            except services.InvitationUnusable:
                raise
            except services.TeamError as refused:
                form.add_error("username", refused.message)
            else:
                login(request, user, backend=LOGIN_BACKEND)
                return _joined(request, invitation)
        status = 400 if form.errors else 200
        return render(request, "catalogue/teams/accept.html", {**context, "mode": "new", "form": form}, status=status)
    except services.InvitationUnusable:
        invitation.refresh_from_db()  # someone used or revoked it a moment ago
        return _unusable(request, invitation)


def _joined(request, invitation):
    messages.success(
        request,
        _("Welcome to %(organisation)s. You are a member as: %(role)s.")
        % {"organisation": invitation.organisation.name, "role": invitation.get_role_display()},
    )
    return redirect(_landing(request, invitation))
