"""The preferences page of a signed-in user: the language of their e-mails and whether they get the digest."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .preferences import AccountPreferences, save_preferences
from .selectors import roles_of


class PreferencesForm(forms.ModelForm):
    """The user's own choices; ``last_digest_at`` is the digest's bookkeeping and not shown."""

    class Meta:
        model = AccountPreferences
        fields = ["language", "reprint_digest"]
        labels = {"reprint_digest": gettext_lazy("E-mail me when printed passports need a reprint")}
        help_texts = {
            "reprint_digest": gettext_lazy(
                "For members of a retailer: a regular e-mail listing the passports in your assortment that were "
                "replaced by a newer version or withdrawn since you printed them."
            )
        }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request):
    """Show and save the signed-in user's preferences; nobody else's can be reached here."""
    current = AccountPreferences.objects.filter(user=request.user).first() or AccountPreferences(user=request.user)
    form = PreferencesForm(request.POST or None, instance=current)
    if request.method == "POST":
        if form.is_valid():
            save_preferences(
                request.user,
                language=form.cleaned_data["language"],
                reprint_digest=form.cleaned_data["reprint_digest"],
            )
            messages.success(request, _("Your preferences were saved."))
            return redirect("account-preferences")
        status = 400
    else:
        status = 200
    context = {"form": form, "is_retailer": roles_of(request.user).is_retailer}
    return render(request, "catalogue/accounts/preferences.html", context, status=status)
