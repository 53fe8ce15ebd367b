"""The parts of a product that the products app owns: variants, materials, components and supply-chain steps."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import parts
from .models import Component, Material, ProductVariant, SupplyChainStep


def distinct_variant_codes(rows) -> dict:
    """Each variant of a product needs its own code."""
    problems, seen = {}, set()
    for index, variant in enumerate(rows):
        if variant.code in seen:
            problems[index] = {"code": [gettext("Each variant needs its own code.")]}
        seen.add(variant.code)
    return problems


def material_shares_at_most_100(rows) -> dict:
    """The shares of mass of all materials add up to at most 100 %."""
    total = sum((material.share_percent or 0) for material in rows)
    if total > 100:
        message = gettext(
            "The shares of mass of all materials add up to %(total)s %%; they should be at most 100 %%."
        ) % {"total": floatformat(total, -2)}
        return {None: [message]}
    return {}


def register_parts() -> None:
    """Called from ProductsConfig.ready()."""
    parts.register(
        parts.Part(
            ProductVariant,
            "code name",
            intro=_("Sizes or versions sold under this product, e.g. 20 cm and 24 cm."),
            rules=(distinct_variant_codes,),
        ),
        parts.Part(
            Material,
            (
                "name part mass_g share_percent recycled_content_percent renewable recyclable substances_of_concern "
                "substance_concentration"
            ),
            import_fields=(
                "name part share_percent recycled_content_percent renewable recyclable mass_g substances_of_concern "
                "substance_concentration"
            ),
            intro=_("What the product is made of. Shares are percentages of the product's mass."),
            rules=(material_shares_at_most_100,),
        ),
        parts.Part(
            Component,
            "name replaceable spare_part_available",
            intro=_("The parts a product can be taken apart into, and whether each can be replaced."),
        ),
        parts.Part(
            SupplyChainStep,
            (
                "position step_type description supplier performed_by supplier_name supplier_confidential "
                "city postcode country facility"
            ),
            import_fields=(
                "step_type performed_by supplier_name city postcode country supplier_confidential description"
            ),
            order_field="position",
            linked_fields="supplier facility",
            max_rows=50,
            labels=(_("Supply chain"), _("Step")),
            intro=_("Every manufacturing step with who did it and where. The region is derived from the place."),
        ),
    )
    parts.register_groups(
        parts.EditorGroup("identity", _("Product"), parts=("variants",), product_form=True),
        parts.EditorGroup("materials", _("Materials and components"), parts=("materials", "components")),
        parts.EditorGroup("supply-chain", _("Supply chain"), parts=("supply_chain_steps",)),
    )
