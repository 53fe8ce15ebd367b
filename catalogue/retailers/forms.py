"""Forms of the retailer workspace: adding to the assortment by code or scan, and printing."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.models import PrintJob
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.printing import DEFAULT_LABEL_LAYOUT, parse_identifier
from catalogue.passports.selectors import published_product


class AddToAssortmentForm(forms.Form):
    """One field for a GTIN/EAN or passport code; a barcode scanner types the EAN and presses Enter."""

    identifier = forms.CharField(
        label=_("GTIN/EAN or passport code"),
        max_length=300,
        help_text=_("Type it or scan the barcode or QR code."),
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_identifier(self):
        identifier = parse_identifier(self.cleaned_data["identifier"])
        product = published_product(identifier.kind, identifier.value)
        if product is None:
            # Drafts and withdrawn passports answer like unknown codes.
            if identifier.kind == "gtin":
                message = _("No published passport has the GTIN %(value)s.")
            else:
                message = _("No published passport has the code %(value)s.")
            raise ValidationError(message, code="not_found", params={"value": identifier.raw.strip()})
        self.product = product
        return identifier


class ItemIdsField(forms.Field):
    """A list of assortment item ids from checkboxes or hidden inputs."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        try:
            return [int(pk) for pk in value]
        except (TypeError, ValueError) as error:
            raise ValidationError(_("Select products from the list."), code="invalid") from error


class PrintForm(forms.Form):
    """What to print and how: passports or labels, the label layout and the language."""

    format = forms.ChoiceField(
        label=_("Print as"),
        choices=PrintJob.Format.choices,
        initial=PrintJob.Format.PASSPORT,
        widget=forms.RadioSelect,
    )
    layout = forms.ChoiceField(
        label=_("Label sheet"),
        choices=[(key, label_format.name) for key, label_format in LABEL_FORMATS.items()],
        initial=DEFAULT_LABEL_LAYOUT,
        required=False,
        help_text=_("Only used for shelf labels."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    # Checkboxes in the assortment table; the print-request service (items_to_print) checks them and the batch
    # limit, and ids outside the retailer's assortment answer 404 in the view.
    items = ItemIdsField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("format") == PrintJob.Format.LABELS and not cleaned.get("layout"):
            cleaned["layout"] = DEFAULT_LABEL_LAYOUT
        return cleaned
