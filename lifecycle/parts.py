"""The parts of a product that lifecycle adds: durability, tests, repairability, spare parts, services, end of life."""

from django.utils.translation import gettext_lazy as _

from products import parts

from .models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart


def register_parts() -> None:
    """Called from LifecycleConfig.ready(), so that products never imports lifecycle."""
    parts.register(
        parts.Part(
            Durability,
            (
                "warranty_years lifetime_warranty expected_lifetime_years resharpenable "
                "resharpening_cycles refurbishable maintenance_instructions"
            ),
            import_fields=(
                "warranty_years lifetime_warranty expected_lifetime_years "
                "maintenance_instructions resharpenable resharpening_cycles refurbishable"
            ),
        ),
        parts.Part(
            DurabilityTest,
            "property method result evidence",
            labels=(_("Durability tests"), _("Test")),
            intro=_("Tested properties with method and result. Upload the test report as evidence to link it here."),
            # A test points at an uploaded evidence document, which neither a CSV cell nor the API names.
            importable=False,
            writable=False,
            max_rows=20,
        ),
        parts.Part(
            Repairability,
            "documentation documentation_url disassembly_steps fasteners tools professional_manual_url "
            "disassembly_notes",
            csv_renames={"documentation": "repair_documentation", "documentation_url": "repair_documentation_url"},
        ),
        parts.Part(
            SparePart,
            "name years_available delivery_days price_percent_of_product supplier_contact",
            intro=_("Parts you supply, for how long, how fast, and their price relative to the product."),
        ),
        parts.Part(
            RepairService,
            "service_type provider price_eur description phone email website",
            import_fields="service_type price_eur provider description phone email website",
            labels=(_("Repair services"), _("Service")),
            max_rows=20,
            intro=_("Services offered for this product, by you or by a partner."),
        ),
        parts.Part(
            EndOfLife,
            "take_back_offered take_back_details recyclable_share_percent separability disposal_instructions",
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
