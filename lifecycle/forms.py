"""Forms for durability, repairability and end of life, and the one-page product editor."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from products.forms import (
    BaseSectionFormSet,
    ComponentFormSet,
    HttpsURLField,
    MaterialFormSet,
    ProductForm,
    SupplyChainStepFormSet,
    VariantFormSet,
    WorkspaceModelForm,
    section_formset,
)
from products.models import EvidenceDocument, Product

from .models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart


class DurabilityForm(WorkspaceModelForm):
    class Meta:
        model = Durability
        fields = [
            "warranty_years",
            "lifetime_warranty",
            "expected_lifetime_years",
            "resharpenable",
            "resharpening_cycles",
            "refurbishable",
            "maintenance_instructions",
        ]


class RepairabilityForm(WorkspaceModelForm):
    class Meta:
        model = Repairability
        fields = ["documentation", "documentation_url", "disassembly_steps", "fasteners", "tools"]
        field_classes = {"documentation_url": HttpsURLField}


class EndOfLifeForm(WorkspaceModelForm):
    class Meta:
        model = EndOfLife
        fields = [
            "take_back_offered",
            "take_back_details",
            "recyclable_share_percent",
            "separability",
            "disposal_instructions",
        ]


class DurabilityTestForm(WorkspaceModelForm):
    class Meta:
        model = DurabilityTest
        fields = ["property", "method", "result", "evidence"]


class SparePartForm(WorkspaceModelForm):
    class Meta:
        model = SparePart
        fields = ["name", "years_available", "delivery_days", "price_percent_of_product"]


class RepairServiceForm(WorkspaceModelForm):
    class Meta:
        model = RepairService
        fields = ["service_type", "provider", "price_eur", "description"]


class BaseDurabilityTestFormSet(BaseSectionFormSet):
    """Tests may point only at evidence of the same product."""

    @cached_property
    def evidence_queryset(self):
        if self.instance.pk is None:
            return EvidenceDocument.objects.none()
        return EvidenceDocument.objects.filter(product=self.instance)

    @cached_property
    def evidence_choices(self):
        # Computed once, so that N rows render with one query instead of N.
        return [("", "---------"), *((doc.pk, str(doc)) for doc in self.evidence_queryset)]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["evidence"].queryset = self.evidence_queryset
        form.fields["evidence"].choices = self.evidence_choices


DurabilityTestFormSet = section_formset(
    DurabilityTest,
    DurabilityTestForm,
    title=_("Durability tests"),
    row_label=_("Test"),
    formset=BaseDurabilityTestFormSet,
    intro=_("Tested properties with method and result. Upload the test report as evidence to link it here."),
)
SparePartFormSet = section_formset(
    SparePart,
    SparePartForm,
    title=_("Spare parts"),
    row_label=_("Spare part"),
    intro=_("Parts you supply, for how long, how fast, and their price relative to the product."),
)
RepairServiceFormSet = section_formset(
    RepairService,
    RepairServiceForm,
    title=_("Repair services"),
    row_label=_("Service"),
    intro=_("Services offered for this product, by you or by a partner."),
)


def _one_to_one(product: Product, name: str, model):
    """The product's section, or a new unsaved one when the maker has not filled it in yet."""
    if product.pk is not None:
        try:
            return getattr(product, name)
        except ObjectDoesNotExist:
            pass
    return model(product=product) if product.pk is not None else model()


@dataclass
class EditorSection:
    """One part of the editing page: an optional single form and any number of formsets."""

    key: str
    title: str
    intro: str = ""
    form: forms.ModelForm | None = None
    formsets: list = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        if self.form is not None and self.form.errors:
            return True
        return any(formset.total_error_count() for formset in self.formsets)


class ProductEditor:
    """Every form of the one-page product editor, validated together and saved together.

    Nothing is saved unless every form and formset is valid (see lifecycle.services.save_product_editor).
    """

    def __init__(self, *, organisations, instance: Product | None = None, data=None, files=None):
        product = instance if instance is not None else Product()
        self.product = product
        bound = {"data": data, "files": files}
        self.product_form = ProductForm(**bound, instance=product, organisations=organisations, prefix="product")

        def formset(cls, prefix):
            return cls(**bound, instance=product, prefix=prefix)

        self.variants = formset(VariantFormSet, "variants")
        self.materials = formset(MaterialFormSet, "materials")
        self.components = formset(ComponentFormSet, "components")
        self.supply_chain = formset(SupplyChainStepFormSet, "steps")
        self.durability_tests = formset(DurabilityTestFormSet, "tests")
        self.spare_parts = formset(SparePartFormSet, "spare_parts")
        self.repair_services = formset(RepairServiceFormSet, "services")
        self.durability_form = DurabilityForm(
            **bound, instance=_one_to_one(product, "durability", Durability), prefix="durability"
        )
        self.repairability_form = RepairabilityForm(
            **bound, instance=_one_to_one(product, "repairability", Repairability), prefix="repairability"
        )
        self.end_of_life_form = EndOfLifeForm(
            **bound, instance=_one_to_one(product, "end_of_life", EndOfLife), prefix="end_of_life"
        )
        self.sections = [
            EditorSection("identity", _("Product"), form=self.product_form, formsets=[self.variants]),
            EditorSection("materials", _("Materials and components"), formsets=[self.materials, self.components]),
            EditorSection("supply-chain", _("Supply chain"), formsets=[self.supply_chain]),
            EditorSection(
                "durability",
                _("Durability"),
                form=self.durability_form,
                formsets=[self.durability_tests],
                intro=_("Warranty, expected lifetime and care. Leave a field empty when you do not disclose it."),
            ),
            EditorSection(
                "repairability",
                _("Repairability"),
                form=self.repairability_form,
                formsets=[self.spare_parts, self.repair_services],
                intro=_("Repair information after EN 45554: documentation, disassembly, fasteners and tools."),
            ),
            EditorSection(
                "end-of-life",
                _("End of life"),
                form=self.end_of_life_form,
                intro=_("Take-back, recyclability and what to do with the product at the end of its life."),
            ),
        ]

    @property
    def product_formsets(self) -> list:
        return [self.variants, self.materials, self.components, self.supply_chain]

    @property
    def section_forms(self) -> list:
        return [self.durability_form, self.repairability_form, self.end_of_life_form]

    @property
    def lifecycle_formsets(self) -> list:
        return [self.durability_tests, self.spare_parts, self.repair_services]

    def is_valid(self) -> bool:
        # Validate everything (no short-circuit), so that every error shows at once.
        results = [self.product_form.is_valid()]
        results += [form.is_valid() for form in self.section_forms]
        results += [formset.is_valid() for formset in self.product_formsets + self.lifecycle_formsets]
        return all(results)

    @property
    def error_count(self) -> int:
        count = len(self.product_form.errors) + sum(len(form.errors) for form in self.section_forms)
        return count + sum(fs.total_error_count() for fs in self.product_formsets + self.lifecycle_formsets)

    @property
    def media(self):
        return self.product_form.media
