"""Forms of the retailer workspace: adding to the assortment by code or scan, and printing."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.models import AssortmentItem, PrintJob
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.printing import (
    DEFAULT_LABEL_LAYOUT,
    FORMAT_ALIASES,
    RETAILER_DEFAULT_FORMAT,
    check_start,
    parse_identifier,
)
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


class FormatField(forms.ChoiceField):
    """A print format; "passport", the detailed passport's former name, still counts as "detailed"."""

    def to_python(self, value):
        value = super().to_python(value)
        return FORMAT_ALIASES.get(value, value)


class PrintForm(forms.Form):
    """What to print and how: shelf passports, detailed passports or labels (with their options), the language."""

    format = FormatField(
        label=_("Print as"),
        choices=PrintJob.Format.choices,
        initial=RETAILER_DEFAULT_FORMAT,
        widget=forms.RadioSelect,
    )
    layout = forms.ChoiceField(
        label=_("Label sheet"),
        choices=[(key, label_format.name) for key, label_format in LABEL_FORMATS.items()],
        initial=DEFAULT_LABEL_LAYOUT,
        required=False,
        help_text=_("Only used for shelf labels."),
    )
    price = forms.BooleanField(
        label=_("Price on the labels"),
        required=False,
        help_text=_("Your shelf price where you set one, else the maker's price."),
    )
    ean = forms.BooleanField(label=_("EAN-13 barcode on the labels"), required=False)
    start = forms.IntegerField(
        label=_("Start at label"),
        required=False,
        min_value=1,
        help_text=_("On a partly used sheet: the first free position, counted row by row from the top left."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    # Checkboxes in the assortment table; the print-request service (items_to_print) checks them and the batch
    # limit, and ids outside the retailer's assortment answer 404 in the view.
    items = ItemIdsField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("format") == PrintJob.Format.LABELS:
            cleaned["layout"] = cleaned.get("layout") or DEFAULT_LABEL_LAYOUT
            if cleaned.get("start") is not None:
                try:
                    check_start(cleaned["start"], cleaned["layout"])
                except ValidationError as error:
                    self.add_error("start", error.message_dict["start"])
        return cleaned

    @property
    def label_data(self) -> dict:
        """The label options as label_options_from reads them."""
        return {key: self.cleaned_data.get(key) for key in ("price", "ean", "start")}


class ShelfPriceForm(forms.ModelForm):
    """The retailer's own price of one product on its shelf labels."""

    class Meta:
        model = AssortmentItem
        fields = ["shelf_price"]
        widgets = {"shelf_price": forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"})}
