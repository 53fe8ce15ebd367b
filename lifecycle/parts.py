"""The parts of a product that lifecycle adds: durability, tests, repairability, spare parts, services, end of life."""

from django.utils.translation import gettext_lazy as _

from products import parts

from .models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart


def register_parts() -> None:
    """Called from LifecycleConfig.ready(), so that products never imports lifecycle."""
    parts.register(
        parts.Part(
            name="durability",
            model=Durability,
            fields=(
                "warranty_years lifetime_warranty expected_lifetime_years resharpenable "
                "resharpening_cycles refurbishable maintenance_instructions"
            ),
            import_fields=(
                "warranty_years lifetime_warranty expected_lifetime_years "
                "maintenance_instructions resharpenable resharpening_cycles refurbishable"
            ),
            many=False,
        ),
        parts.Part(
            name="durability_tests",
            model=DurabilityTest,
            fields="property method result evidence",
            many=True,
            title=_("Durability tests"),
            row_label=_("Test"),
            intro=_("Tested properties with method and result. Upload the test report as evidence to link it here."),
            # A test points at an uploaded evidence document, which neither a CSV cell nor the API names.
            importable=False,
            writable=False,
        ),
        parts.Part(
            name="repairability",
            model=Repairability,
            fields="documentation documentation_url disassembly_steps fasteners tools",
            csv_renames={"documentation": "repair_documentation", "documentation_url": "repair_documentation_url"},
            many=False,
        ),
        parts.Part(
            name="spare_parts",
            model=SparePart,
            fields="name years_available delivery_days price_percent_of_product",
            many=True,
            title=_("Spare parts"),
            row_label=_("Spare part"),
            intro=_("Parts you supply, for how long, how fast, and their price relative to the product."),
        ),
        parts.Part(
            name="repair_services",
            model=RepairService,
            fields="service_type provider price_eur description",
            import_fields="service_type price_eur provider description",
            many=True,
            title=_("Repair services"),
            row_label=_("Service"),
            intro=_("Services offered for this product, by you or by a partner."),
        ),
        parts.Part(
            name="end_of_life",
            model=EndOfLife,
            fields="take_back_offered take_back_details recyclable_share_percent separability disposal_instructions",
            many=False,
        ),
    )
    parts.register_groups(
        parts.EditorGroup(
            "durability",
            _("Durability"),
            parts=("durability", "durability_tests"),
            intro=_("Warranty, expected lifetime and care. Leave a field empty when you do not disclose it."),
        ),
        parts.EditorGroup(
            "repairability",
            _("Repairability"),
            parts=("repairability", "spare_parts", "repair_services"),
            intro=_("Repair information after EN 45554: documentation, disassembly, fasteners and tools."),
        ),
        parts.EditorGroup(
            "end-of-life",
            _("End of life"),
            parts=("end_of_life",),
            intro=_("Take-back, recyclability and what to do with the product at the end of its life."),
        ),
    )
