"""Forms of the maker workspace: the product, its parts and evidence."""

import functools

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import evidence_files, parts
from .identifiers import normalise_gtin
from .limits import too_many_rows
from .models import EvidenceDocument, Product

COUNTRY_WIDGET = forms.TextInput(attrs={"maxlength": 2, "autocapitalize": "characters", "size": 3})


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
        fields = list(parts.PRODUCT_FIELDS)

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


class BaseSectionFormSet(forms.BaseInlineFormSet):
    """An inline formset for one list-like part of a product; untouched blank rows are ignored.

    Its title, intro and rules come from the part's registry entry (``products.parts``).
    """

    part: parts.Part

    @property
    def title(self):
        return self.part.title

    @property
    def intro(self):
        return self.part.intro

    @property
    def row_label(self):
        return self.part.row_label

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        order_field = self.part.order_field
        if order_field:
            # A new row goes after the existing ones unless the maker says otherwise.
            positions = [getattr(row, order_field) for row in self.get_queryset()]
            self.initial_extra = [{order_field: max(positions, default=0) + 1}] * self.extra

    @cached_property
    def evidence_choices(self):
        # A row may point only at evidence of the same product; computed once, so N rows cost one query.
        documents = EvidenceDocument.objects
        queryset = documents.filter(product=self.instance) if self.instance.pk else documents.none()
        return queryset, [("", "---------"), *((doc.pk, str(doc)) for doc in queryset)]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for form_field in form.fields.values():
            if isinstance(form_field, forms.ModelChoiceField) and form_field.queryset.model is EvidenceDocument:
                form_field.queryset, form_field.choices = self.evidence_choices

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

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = self.kept_forms()
        if len(kept) > self.part.max_rows:
            raise ValidationError(too_many_rows(self.part.title, self.part.max_rows, len(kept)), code="too_many_forms")
        problems = self.part.check_rows([form.instance for form in kept])
        for index, row_problems in problems.items():
            if index is not None:
                for name, messages in row_problems.items():
                    kept[index].add_error(name or None, messages)
        if None in problems:
            raise ValidationError(problems[None], code="rows")


def part_form(part: parts.Part) -> type[forms.ModelForm]:
    """The workspace form of one row or section of a part, with the part's registered fields (built once)."""
    return _part_form(part.name)


def part_formset(part: parts.Part) -> type[BaseSectionFormSet]:
    """An inline formset class for a list-like part (built once)."""
    return _part_formset(part.name)


@functools.cache
def _part_form(name: str) -> type[forms.ModelForm]:
    part = parts.get(name)
    model_fields = {name: part.model._meta.get_field(name) for name in part.fields}
    return forms.modelform_factory(
        part.model,
        form=WorkspaceModelForm,
        fields=list(part.fields),
        field_classes={name: HttpsURLField for name, f in model_fields.items() if isinstance(f, models.URLField)},
        widgets={"country": COUNTRY_WIDGET} if "country" in model_fields else None,
    )


@functools.cache
def _part_formset(name: str) -> type[BaseSectionFormSet]:
    part = parts.get(name)
    formset = forms.inlineformset_factory(
        Product,
        part.model,
        form=part_form(part),
        formset=BaseSectionFormSet,
        fields=list(part.fields),
        extra=1,
        can_delete=True,
        # No blank row beyond the part's limit; clean() refuses more kept rows, naming the list and the limit.
        max_num=part.max_rows,
        # A hard cap on the forms built from one request, however many it claims to send.
        absolute_max=part.max_rows + 50,
    )
    formset.part = part
    return formset


class EvidenceForm(WorkspaceModelForm):
    """A document or link backing a claim. Only staff can mark it as verified."""

    class Meta:
        model = EvidenceDocument
        fields = ["title", "claim", "file", "url"]
        field_classes = {"url": HttpsURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The content and the size are checked by the model's validators (products.evidence_files), on every path.
        self.fields["file"].help_text = _("%(types)s, at most %(limit)s.") % {
            "types": evidence_files.accepted_types_label(),
            "limit": filesizeformat(settings.EVIDENCE_MAX_UPLOAD_BYTES),
        }
        self.fields["url"].help_text = _("Or give a link to the document instead of uploading it.")
        self.fields["file"].widget.attrs["accept"] = evidence_files.accepted_extensions()
