"""Forms of the maker workspace: the product, its parts and evidence."""

import functools

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import evidence_files, parts
from .identifiers import normalise_gtin
from .limits import too_many_rows
from .models import EvidenceDocument, Facility, Product, Supplier

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


def _limit_messages(label: str, model_field) -> dict:
    """Messages for a number outside its model field's bounds that name the field and say what is expected."""
    messages = {}
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator):
            if validator.limit_value == 0:
                messages["min_value"] = gettext(
                    "“%(field)s” cannot be negative: enter 0 or more, or leave it empty if you do not disclose it."
                ) % {"field": label}
            else:
                messages["min_value"] = gettext("“%(field)s” must be at least %(limit)s.") % {
                    "field": label,
                    "limit": validator.limit_value,
                }
        elif isinstance(validator, MaxValueValidator):
            messages["max_value"] = gettext("“%(field)s” can be at most %(limit)s.") % {
                "field": label,
                "limit": validator.limit_value,
            }
    # Django formats a validator's message with its own params once more: a label such as "share of mass (%)"
    # must reach it as "%%", or that formatting fails.
    return {code: message.replace("%", "%%") for code, message in messages.items()}


class WorkspaceModelForm(forms.ModelForm):
    """Base of the workspace forms: tri-state booleans, compact text areas and messages that name the field."""

    # Fields whose change alone does not make a blank new row "filled in" (the position a new row gets).
    ignored_changes: frozenset = frozenset()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_tri_state_selects(self)
        for name, form_field in self.fields.items():
            try:
                model_field = self._meta.model._meta.get_field(name)
            except Exception:  # a form-only field (DELETE, ORDER)
                model_field = None
            if model_field is not None and model_field.validators:
                # Django's "Ensure this value is greater than or equal to 0." names neither the field nor the fix.
                form_field.error_messages.update(_limit_messages(str(form_field.label), model_field))
            if isinstance(form_field.widget, forms.Textarea):
                form_field.widget.attrs["rows"] = 4
            elif isinstance(form_field, forms.TypedChoiceField) and not form_field.required:
                # An optional choice left empty is undisclosed, and the select says so.
                form_field.choices = [
                    ("", _("not disclosed")) if value == "" else (value, label) for value, label in form_field.choices
                ]

    def has_changed(self):
        return bool(set(self.changed_data) - self.ignored_changes)


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
        self.organisations = organisation_list
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
        gtin = normalise_gtin(value)
        message = duplicate_gtin_message(gtin, exclude_pk=self.instance.pk, organisations=self.organisations)
        if message:
            raise ValidationError(message, code="unique")
        return gtin


def duplicate_gtin_message(gtin: str, *, exclude_pk=None, organisations=()) -> str | None:
    """What to tell a maker whose GTIN another product already has; None when it is free.

    The other product is named when the maker may see it (their own, or a published passport); another
    maker's draft stays unnamed.
    """
    other = (
        Product.objects.filter(gtin=gtin)
        .exclude(pk=exclude_pk)
        .select_related("maker")
        .only("name", "status", "maker__name")
        .first()
    )
    if other is None:
        return None
    visible = other.maker_id in {organisation.pk for organisation in organisations}
    if visible or other.status != Product.Status.DRAFT:
        who = gettext("“%(name)s” by %(maker)s") % {"name": other.name, "maker": other.maker.name}
    else:
        who = gettext("a draft of another maker")
    return gettext(
        "A product with this GTIN already exists in the catalogue: %(product)s. Each GTIN belongs to one product;"
        " check the number on the packaging, or leave the field empty."
    ) % {"product": who}


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

    @property
    def order_field(self) -> str | None:
        return self.part.order_field

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # A blank new row stays blank when it only got a place in the order or was ticked for removal.
        form.ignored_changes = frozenset({"DELETE", self.order_field} - {None})
        return form

    @property
    def display_forms(self) -> list:
        """The rows in the order the maker sees them: by their position for ordered lists, as sent otherwise."""
        if not self.order_field:
            return list(self.forms)
        return sorted(self.forms, key=lambda form: (row_position(form, self.order_field), form.prefix_index))

    @cached_property
    def evidence_choices(self):
        # A row may point only at evidence of the same product; computed once, so N rows cost one query.
        documents = EvidenceDocument.objects
        queryset = documents.filter(product=self.instance) if self.instance.pk else documents.none()
        return queryset, [("", "---------"), *((doc.pk, str(doc)) for doc in queryset)]

    @cached_property
    def supplier_choices(self):
        # Only the product's organisation's directory; computed once, so N rows cost one query.
        queryset = Supplier.objects.filter(organisation_id=self.instance.maker_id).order_by("name", "pk")
        return queryset, [("", _("none, enter below")), *((supplier.pk, str(supplier)) for supplier in queryset)]

    @cached_property
    def facility_choices(self):
        # Only the product's organisation's own sites (never another maker's); one query for N rows.
        queryset = Facility.objects.filter(maker_id=self.instance.maker_id).order_by("name", "pk")
        return queryset, [("", _("none")), *((facility.pk, str(facility)) for facility in queryset)]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.prefix_index = index if index is not None else -1
        if self.order_field:
            # The editor orders rows with buttons or by dragging; the number is kept in a hidden field.
            form.fields[self.order_field].widget = forms.HiddenInput(attrs={"data-order": ""})
        for name, form_field in form.fields.items():
            if isinstance(form_field, forms.ModelChoiceField) and form_field.queryset.model is EvidenceDocument:
                form_field.queryset, form_field.choices = self.evidence_choices
                # The editor shows the linked document's staff decision beside the row, and offers an upload.
                form.evidence_field = name
                linked_id = getattr(form.instance, f"{name}_id", None)
                form.linked_evidence = next((doc for doc in self.evidence_choices[0] if doc.pk == linked_id), None)
            elif isinstance(form_field, forms.ModelChoiceField) and form_field.queryset.model is Supplier:
                form_field.queryset, form_field.choices = self.supplier_choices
            elif isinstance(form_field, forms.ModelChoiceField) and form_field.queryset.model is Facility:
                form_field.queryset, form_field.choices = self.facility_choices

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


def row_position(form, order_field: str) -> int:
    """A row's place in its list as the form shows it; rows without a valid number go last."""
    try:
        return int(form[order_field].value())
    except (TypeError, ValueError):
        return 10**6


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
