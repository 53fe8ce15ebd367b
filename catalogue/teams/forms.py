"""Forms of teams: an owner's invitation, staff's invitation of a new organisation's owner, a new account."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation


class InviteForm(forms.Form):
    """An owner invites someone into the team by e-mail."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Invitation.Role.choices, initial=Invitation.Role.EDITOR)
    language = forms.ChoiceField(
        label=_("Language of the e-mail"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Invitation.Role.choices)


class StaffInvitationForm(forms.ModelForm):
    """Staff invite the owner of a new maker or retailer, which the invitation creates."""

    organisation_name = forms.CharField(
        label=_("Name of the new organisation"),
        max_length=200,
        help_text=_("The organisation is created now; its owner completes the rest."),
    )

    class Meta:
        model = Invitation
        fields = ["kind", "organisation_name", "email", "language"]

    def clean_organisation_name(self):
        name = self.cleaned_data["organisation_name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter the organisation's name."))
        return name

    def _post_clean(self):
        # The organisation and token are made by the service on saving; the model's own checks run there.
        pass


class NewAccountForm(UserCreationForm):
    """Username and password for the invited address; Django's password validators apply."""

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.email = email  # so that a password too close to the address is refused
        self.fields["username"].help_text = _("Letters, digits and @/./+/-/_ only; you log in with it or your e-mail.")

    def clean_username(self):
        # Usernames are kept in lower case, as allauth keeps those of its sign-ups (ACCOUNT_PRESERVE_USERNAME_CASING).
        username = super().clean_username()  # None when taken (the error is recorded)
        return username.lower() if username else username
