"""The one-page product editor: a form per section and a formset per list, built from the parts registry."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.forms.utils import ErrorDict

from . import edit_versions, parts
from .forms import ProductForm, duplicate_gtin_message, part_form, part_formset
from .models import Product
from .services import ProductWrite, flat_errors

# The hidden field that carries the product's state as the form showed it (products.edit_versions).
BASED_ON_FIELD = "based_on"

# The claim that evidence uploaded from a section of the editor (or one of its fields, or a list's rows) backs.
SECTION_CLAIMS = {
    "materials": "materials",
    "supply-chain": "supply_chain",
    "durability": "durability",
    "repairability": "repair",
    "end-of-life": "end_of_life",
}
FIELD_CLAIMS = {("durability", "warranty_years"): "warranty"}


@dataclass
class EditorSection:
    """One part of the editing page: an optional single form and any number of formsets."""

    key: str
    title: str
    intro: str = ""
    form: forms.ModelForm | None = None
    formsets: list = field(default_factory=list)
    evidence_claim: str = ""  # the claim evidence for this section backs (EvidenceDocument.Claim)
    evidence: list = field(default_factory=list)  # the product's documents for that claim

    @property
    def has_errors(self) -> bool:
        if self.form is not None and self.form.errors:
            return True
        return any(formset.total_error_count() for formset in self.formsets)


def _stored_section(product: Product, part: parts.Part):
    """The product's section, or a new unsaved one when the maker has not filled it in yet."""
    if product.pk is not None:
        try:
            return getattr(product, part.name)
        except ObjectDoesNotExist:
            pass
    return part.model()


class ProductEditor:
    """Every form of the one-page product editor, validated together and turned into one ProductWrite.

    Nothing is saved unless every form and formset is valid; then ``products.services.save_product``
    writes :meth:`write` in one transaction, refusing it when the product changed since the form was opened:
    the form carries the state it showed (``based_on``), signed, in a hidden field.
    """

    def __init__(self, *, organisations, instance: Product | None = None, data=None, files=None):
        product = instance if instance is not None else Product()
        self.product = product
        self.based_on: dict | None = None  # the state this form shows the product in; None for a new product
        if product.pk is not None:
            if data is None:
                self.based_on = edit_versions.editable_state(product)
            else:
                self.based_on = edit_versions.read_state(data.get(BASED_ON_FIELD, ""))
        bound = {"data": data, "files": files}
        self.product_form = ProductForm(**bound, instance=product, organisations=organisations, prefix="product")
        self.section_forms: dict[str, forms.ModelForm] = {}
        self.formsets: dict[str, forms.BaseInlineFormSet] = {}
        for part in parts.all_parts():
            if part.many:
                self.formsets[part.name] = part_formset(part)(**bound, instance=product, prefix=part.name)
            else:
                form_class = part_form(part)
                self.section_forms[part.name] = form_class(
                    **bound, instance=_stored_section(product, part), prefix=part.name
                )
        # One query for the evidence every section shows (none for a new product).
        self.evidence = list(product.evidence.order_by("pk")) if product.pk is not None else []
        for (part_name, field_name), claim in FIELD_CLAIMS.items():
            form = self.section_forms.get(part_name)
            if form is not None and field_name in form.fields:
                form.fields[field_name].evidence_claim = claim
        self.sections = [self._section(group) for group in parts.editor_groups()]

    def _section(self, group: parts.EditorGroup) -> EditorSection:
        form = self.product_form if group.product_form else None
        formsets = []
        for name in group.parts:
            if name in self.section_forms:
                form = self.section_forms[name]
            else:
                formsets.append(self.formsets[name])
        claim = SECTION_CLAIMS.get(group.key, "")
        for formset in formsets:
            formset.evidence_claim = claim
        evidence = [document for document in self.evidence if claim and document.claim == claim]
        return EditorSection(
            group.key, group.title, group.intro, form=form, formsets=formsets, evidence_claim=claim, evidence=evidence
        )

    def _all_forms(self) -> list:
        return [self.product_form, *self.section_forms.values()]

    def is_valid(self) -> bool:
        # Validate everything (no short-circuit), so that every error shows at once.
        results = [form.is_valid() for form in self._all_forms()]
        results += [formset.is_valid() for formset in self.formsets.values()]
        return all(results)

    @property
    def error_count(self) -> int:
        count = sum(len(form.errors) for form in self._all_forms())
        return count + sum(formset.total_error_count() for formset in self.formsets.values())

    def hide_errors(self) -> None:
        """Show the bound forms as typed, without validating them (after adding or moving a row)."""
        for form in self._all_forms():
            form._errors = ErrorDict(renderer=form.renderer)
        for formset in self.formsets.values():
            for form in formset.forms:
                form._errors = ErrorDict(renderer=form.renderer)
            formset._errors = [form._errors for form in formset.forms]
            formset._non_form_errors = formset.error_class(error_class="nonform", renderer=formset.renderer)

    def error_links(self) -> list[dict]:
        """Every error as a link to the field it is about, in the page's order: the summary at the top lists them."""
        links: list[dict] = []
        for section in self.sections:
            if section.form is not None:
                links += _form_error_links(section.form, section.title, f"section-{section.key}")
            for formset in section.formsets:
                for message in formset.non_form_errors():
                    links.append({"href": f"#formset-{formset.prefix}", "label": formset.title, "message": message})
                for number, form in enumerate(formset.display_forms, start=1):
                    if form.errors:
                        where = f"{formset.title} › {formset.row_label} {number}"
                        links += _form_error_links(form, where, f"row-{form.prefix}")
        return links

    def write(self) -> ProductWrite:
        """The valid editor's content as a write: changed fields, every list and the filled-in sections.

        A section the maker has never filled in and left untouched stays absent, so that the passport
        can say "not disclosed" instead of showing an empty section.
        """
        product = self.product_form.instance
        fields = {name: value for name, value in self.product_form.cleaned_data.items() if name in parts.PRODUCT_FIELDS}
        if "maker" not in fields:
            fields["maker"] = product.maker  # one organisation: the form left the field out and set it
        write = ProductWrite(fields=fields, keyed=True)
        for name, formset in self.formsets.items():
            part = parts.get(name)
            write.lists[name] = [
                {**{f: form.cleaned_data.get(f) for f in part.fields}, "pk": form.instance.pk}
                for form in formset.kept_forms()
            ]
        for name, form in self.section_forms.items():
            if form.has_changed():
                write.sections[name] = {f: form.cleaned_data.get(f) for f in parts.get(name).fields}
        return write

    def add_writer_errors(self, errors: dict) -> None:
        """Show the writer's errors (``ProductInvalid.errors``) at their fields; the rest at the top of the form."""
        for name, problems in errors.items():
            if name == "gtin" and getattr(self.product_form, "cleaned_data", {}).get("gtin"):
                # Taken by another write a moment ago: the same message as when the form finds it.
                message = duplicate_gtin_message(
                    self.product_form.cleaned_data["gtin"],
                    exclude_pk=self.product.pk,
                    organisations=self.product_form.organisations,
                )
                problems = [message] if message else problems
            if name in self.product_form.fields:
                self.product_form.add_error(name, problems)
            elif name in self.section_forms and isinstance(problems, dict):
                form = self.section_forms[name]
                for field_name, messages in problems.items():
                    form.add_error(field_name if field_name in form.fields else None, messages)
            else:
                for path, messages in flat_errors({name: problems}):
                    self.product_form.add_error(
                        None, [f"{path}: {message}" if path else message for message in messages]
                    )

    @property
    def based_on_token(self) -> str | None:
        """What the writer compares with the product now: None for a new product, "" when the form lost its state."""
        if self.product.pk is None:
            return None
        return edit_versions.edit_token(self.based_on) if self.based_on is not None else ""

    @property
    def based_on_field(self) -> str:
        """The hidden field's value."""
        return edit_versions.sign_state(self.based_on) if self.based_on is not None else ""

    def rebase(self, current: dict) -> None:
        """After a refused save: the form keeps what the user typed, but is based on the product as it is now."""
        self.based_on = current

    @property
    def media(self):
        return self.product_form.media


def _form_error_links(form, where: str, fallback_anchor: str) -> list[dict]:
    """Links to each field of ``form`` with an error; errors of the form as a whole link to ``fallback_anchor``."""
    links = []
    for name, messages in form.errors.items():
        if name != NON_FIELD_ERRORS and name in form.fields and not form.fields[name].widget.is_hidden:
            bound = form[name]
            href, label = f"#{bound.auto_id}", f"{where}: {bound.label}"
        else:
            href, label = f"#{fallback_anchor}", where
        links += [{"href": href, "label": label, "message": message} for message in messages]
    return links
