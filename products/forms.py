"""Forms of the maker workspace: the product, its parts and evidence."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .identifiers import normalise_gtin
from .models import Component, EvidenceDocument, Material, Product, ProductVariant, SupplyChainStep


class TriStateSelect(forms.NullBooleanSelect):
    """A yes/no question the maker may leave unanswered: empty means "not disclosed", never "no"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("not disclosed")), ("true", _("yes")), ("false", _("no"))]


def use_tri_state_selects(form: forms.BaseForm) -> None:
    """Give every nullable yes/no field of a form the "not disclosed / yes / no" select."""
    for form_field in form.fields.values():
        if isinstance(form_field, forms.NullBooleanField):
            form_field.widget = TriStateSelect()


class HttpsURLField(forms.URLField):
    """A link field that completes "example.org" to https://example.org."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WorkspaceModelForm(forms.ModelForm):
    """Base of the workspace forms: tri-state booleans and compact text areas."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_tri_state_selects(self)
        for form_field in self.fields.values():
            if isinstance(form_field.widget, forms.Textarea):
                form_field.widget.attrs["rows"] = 4
            elif isinstance(form_field, forms.TypedChoiceField) and not form_field.required:
                # An optional choice left empty is undisclosed, and the select says so.
                form_field.choices = [
                    ("", _("not disclosed")) if value == "" else (value, label) for value, label in form_field.choices
                ]


class ProductForm(WorkspaceModelForm):
    """The product's identity. The maker is chosen only among the user's organisations."""

    # Wider than the 14 stored digits, so that spaces and hyphens can be typed.
    gtin = forms.CharField(
        label=Product._meta.get_field("gtin").verbose_name,
        help_text=Product._meta.get_field("gtin").help_text,
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Product
        fields = ["maker", "category", "name", "model_number", "gtin", "description", "price_eur", "mass_g"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maker"].queryset = organisations
        self.fields["maker"].empty_label = None
        self.fields["category"].queryset = self.fields["category"].queryset.select_related("parent")
        self.fields["category"].label_from_instance = _category_label
        organisation_list = list(organisations)
        if len(organisation_list) == 1:
            # One organisation: nothing to choose, so the field is left out.
            del self.fields["maker"]
            if self.instance.maker_id is None:
                self.instance.maker = organisation_list[0]

    def clean_gtin(self):
        # The model's clean() normalises too; doing it here keeps a typed "4006381 333931" within 14 digits.
        value = self.cleaned_data.get("gtin", "").strip()
        if not value:
            return None
        return normalise_gtin(value)


def _category_label(category) -> str:
    if category.parent_id:
        return f"{category.parent.name} › {category.name}"
    return category.name


class MaterialForm(WorkspaceModelForm):
    class Meta:
        model = Material
        fields = [
            "name",
            "part",
            "mass_g",
            "share_percent",
            "recycled_content_percent",
            "renewable",
            "recyclable",
            "substances_of_concern",
        ]


class ComponentForm(WorkspaceModelForm):
    class Meta:
        model = Component
        fields = ["name", "replaceable", "spare_part_available"]


class SupplyChainStepForm(WorkspaceModelForm):
    class Meta:
        model = SupplyChainStep
        fields = [
            "position",
            "step_type",
            "description",
            "performed_by",
            "supplier_name",
            "supplier_confidential",
            "city",
            "postcode",
            "country",
        ]
        widgets = {"country": forms.TextInput(attrs={"maxlength": 2, "autocapitalize": "characters", "size": 3})}


class VariantForm(WorkspaceModelForm):
    class Meta:
        model = ProductVariant
        fields = ["code", "name"]


class BaseSectionFormSet(forms.BaseInlineFormSet):
    """An inline formset for one list-like part of a product; untouched blank rows are ignored."""

    title = ""
    intro = ""
    row_label = ""

    def kept_forms(self):
        """Forms whose rows exist after saving: stored rows not marked for deletion, and filled-in new rows."""
        kept = []
        for index, form in enumerate(self.forms):
            if self.can_delete and self._should_delete_form(form):
                continue
            if index >= self.initial_form_count() and not form.has_changed():
                continue
            kept.append(form)
        return kept


class BaseSupplyChainStepFormSet(BaseSectionFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new step goes after the existing ones unless the maker says otherwise.
        positions = [step.position for step in self.get_queryset()]
        self.initial_extra = [{"position": max(positions, default=0) + 1}] * self.extra


class BaseMaterialFormSet(BaseSectionFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        total = sum((form.cleaned_data.get("share_percent") or 0) for form in self.kept_forms())
        if total > 100:
            raise ValidationError(
                gettext("The shares of mass of all materials add up to %(total)s %%; they should be at most 100 %%.")
                % {"total": formats.localize(total)},
                code="material_shares",
            )


def section_formset(model, form, *, title, row_label, intro="", extra=1, formset=BaseSectionFormSet):
    """An inline formset class for one list-like part of a product."""
    formset = forms.inlineformset_factory(
        Product, model, form=form, formset=formset, extra=extra, can_delete=True, max_num=100, validate_max=True
    )
    formset.title = title
    formset.row_label = row_label
    formset.intro = intro
    return formset


VariantFormSet = section_formset(
    ProductVariant,
    VariantForm,
    title=_("Variants"),
    row_label=_("Variant"),
    intro=_("Sizes or versions sold under this product, e.g. 20 cm and 24 cm."),
)
MaterialFormSet = section_formset(
    Material,
    MaterialForm,
    title=_("Materials"),
    row_label=_("Material"),
    formset=BaseMaterialFormSet,
    intro=_("What the product is made of. Shares are percentages of the product's mass."),
)
ComponentFormSet = section_formset(
    Component,
    ComponentForm,
    title=_("Components"),
    row_label=_("Component"),
    intro=_("The parts a product can be taken apart into, and whether each can be replaced."),
)
SupplyChainStepFormSet = section_formset(
    SupplyChainStep,
    SupplyChainStepForm,
    formset=BaseSupplyChainStepFormSet,
    title=_("Supply chain"),
    row_label=_("Step"),
    intro=_("Every manufacturing step with who did it and where. The region is derived from the place."),
)


class EvidenceForm(WorkspaceModelForm):
    """A document or link backing a claim. Only staff can mark it as verified."""

    class Meta:
        model = EvidenceDocument
        fields = ["title", "claim", "file", "url"]
        field_classes = {"url": HttpsURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ", ".join(f".{ext}" for ext in settings.EVIDENCE_ALLOWED_EXTENSIONS)
        self.fields["file"].help_text = _("%(types)s, at most %(limit)s.") % {
            "types": allowed,
            "limit": filesizeformat(settings.EVIDENCE_MAX_UPLOAD_BYTES),
        }
        self.fields["url"].help_text = _("Or give a link to the document instead of uploading it.")
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{ext}" for ext in settings.EVIDENCE_ALLOWED_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        extension = Path(upload.name).suffix.lower().lstrip(".")
        allowed = [ext.lower() for ext in settings.EVIDENCE_ALLOWED_EXTENSIONS]
        if extension not in allowed:
            raise ValidationError(
                gettext("The file should be one of %(types)s, not %(given)s.")
                % {
                    "types": ", ".join(f".{ext}" for ext in allowed),
                    "given": f".{extension}" if extension else gettext("a file without extension"),
                },
                code="file_extension",
            )
        if upload.size > settings.EVIDENCE_MAX_UPLOAD_BYTES:
            raise ValidationError(
                gettext("The file should be at most %(limit)s, not %(size)s.")
                % {
                    "limit": filesizeformat(settings.EVIDENCE_MAX_UPLOAD_BYTES),
                    "size": filesizeformat(upload.size),
                },
                code="file_too_large",
            )
        return upload
