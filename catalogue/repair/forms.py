"""The repair finder's search form: a postcode to measure from and a kind of service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lifecycle.models import RepairService

from .models import POSTCODE


class RepairSearchForm(forms.Form):
    near = forms.CharField(
        label=_("Your postcode"),
        required=False,
        max_length=5,
        validators=[POSTCODE],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
    )
    service = forms.ChoiceField(
        label=_("Service"),
        required=False,
        choices=[("", _("Any service")), *RepairService.ServiceType.choices],
    )

    def clean_near(self):
        return self.cleaned_data["near"].strip()
