"""Invitations in the admin: staff invite the owner of a new maker or retailer, see every invitation, revoke."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .forms import StaffInvitationForm
from .models import Invitation

SHOWN_FIELDS = [
    "email",
    "kind",
    "maker",
    "retailer",
    "new_organisation",
    "role",
    "language",
    "invited_by",
    "created_at",
    "expires_at",
    "state_label",
    "accepted_at",
    "accepted_by",
    "revoked_at",
    "revoked_by",
]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Adding one creates the organisation and mails its owner the link; an invitation is never edited."""

    list_display = ["email", "organisation_label", "role", "state_label", "invited_by", "created_at", "expires_at"]
    list_filter = ["kind", "role", "new_organisation"]
    list_select_related = ["maker", "retailer", "invited_by"]
    search_fields = ["email", "maker__name", "retailer__name"]
    date_hierarchy = "created_at"
    actions = ["revoke_invitations", "send_again"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = StaffInvitationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return list(StaffInvitationForm.Meta.fields) if obj is None else SHOWN_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else SHOWN_FIELDS

    def save_form(self, request, form, change):
        if change:
            return form.instance
        invitation, _token = services.invite_owner_of_new_organisation(
            kind=form.cleaned_data["kind"],
            name=form.cleaned_data["organisation_name"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
            invited_by=request.user,
        )
        self.message_user(
            request,
            _("%(organisation)s was created and %(email)s invited as its owner; the e-mail is on its way.")
            % {"organisation": invitation.organisation.name, "email": invitation.email},
            messages.SUCCESS,
        )
        return invitation

    def save_model(self, request, obj, form, change):
        pass  # the service has saved it (save_form)

    def save_related(self, request, form, formsets, change):
        pass

    @admin.display(description=_("organisation"))
    def organisation_label(self, invitation):
        return invitation.organisation

    @admin.display(description=_("state"))
    def state_label(self, invitation):
        return Invitation.State(invitation.state).label

    @admin.action(description=_("Revoke the selected invitations"))
    def revoke_invitations(self, request, queryset):
        pending = [invitation for invitation in queryset if invitation.is_pending]
        for invitation in pending:
            services.revoke(invitation, by=request.user)
        count = len(pending)
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", count) % {"count": count},
        )

    @admin.action(description=_("Send the selected invitations again (a new link)"))
    def send_again(self, request, queryset):
        count = 0
        for invitation in queryset.exclude(accepted_at__isnull=False):
            try:
                services.invite(
                    organisation=invitation.organisation,
                    email=invitation.email,
                    role=invitation.role,
                    language=invitation.language,
                    invited_by=request.user,
                    new_organisation=invitation.new_organisation,
                )
            except services.TeamError as refused:
                self.message_user(request, refused.message, messages.WARNING)
            else:
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation sent again.", "%(count)d invitations sent again.", count) % {"count": count},
        )
