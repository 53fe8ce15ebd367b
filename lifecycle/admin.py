"""Django admin for lifecycle data, and the lifecycle sections as inlines on the product."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from products.admin import ProductAdmin, ProductPartAdmin, ProductPartInline, part_inline
from products.models import Product

from .models import (
    Durability,
    DurabilityTest,
    EndOfLife,
    LifecycleEvent,
    Repairability,
    RepairService,
    SparePart,
)


class DurabilityInline(admin.StackedInline):
    model = Durability
    classes = ["collapse"]


class RepairabilityInline(admin.StackedInline):
    model = Repairability
    classes = ["collapse"]


class EndOfLifeInline(admin.StackedInline):
    model = EndOfLife
    classes = ["collapse"]


class DurabilityTestInline(ProductPartInline):
    model = DurabilityTest
    raw_id_fields = ["evidence"]


class ProductWithLifecycleAdmin(ProductAdmin):
    """The product admin with the lifecycle sections; products cannot import lifecycle itself."""

    inlines = [
        *ProductAdmin.inlines,
        DurabilityInline,
        DurabilityTestInline,
        RepairabilityInline,
        part_inline(SparePart),
        part_inline(RepairService),
        EndOfLifeInline,
        part_inline(LifecycleEvent),
    ]


admin.site.unregister(Product)
admin.site.register(Product, ProductWithLifecycleAdmin)


class LifecycleSectionAdmin(ProductPartAdmin):
    """A lifecycle section (one per product) listed on its own, searchable by product name and GTIN."""

    search_fields = ["product__name", "product__gtin"]


@admin.register(Durability)
class DurabilityAdmin(LifecycleSectionAdmin):
    list_display = [
        "product",
        "warranty_years",
        "lifetime_warranty",
        "expected_lifetime_years",
        "resharpenable",
        "refurbishable",
    ]
    list_filter = ["lifetime_warranty", "resharpenable", "refurbishable"]


@admin.register(DurabilityTest)
class DurabilityTestAdmin(ProductPartAdmin):
    list_display = ["product", "property", "method", "result", "evidence"]
    list_filter = ["property"]
    search_fields = ["product__name", "method", "result"]
    list_select_related = ["product", "evidence"]
    raw_id_fields = ["evidence"]


@admin.register(Repairability)
class RepairabilityAdmin(LifecycleSectionAdmin):
    list_display = ["product", "documentation", "disassembly_steps", "fasteners", "tools"]
    list_filter = ["documentation", "fasteners", "tools"]


@admin.register(SparePart)
class SparePartAdmin(ProductPartAdmin):
    list_display = ["name", "product", "years_available", "delivery_days", "price_percent_of_product"]
    search_fields = ["name", "product__name"]


@admin.register(RepairService)
class RepairServiceAdmin(ProductPartAdmin):
    list_display = ["service_type", "product", "provider", "price_eur"]
    list_filter = ["service_type"]
    search_fields = ["product__name", "provider", "description"]


@admin.register(EndOfLife)
class EndOfLifeAdmin(LifecycleSectionAdmin):
    list_display = ["product", "take_back_offered", "recyclable_share_percent", "separability"]
    list_filter = ["take_back_offered", "separability"]


@admin.register(LifecycleEvent)
class LifecycleEventAdmin(SimpleHistoryAdmin):
    list_display = ["event_type", "date", "product", "performed_by"]
    list_filter = ["event_type", "date"]
    search_fields = ["product__name", "description", "performed_by"]
    list_select_related = ["product"]
    autocomplete_fields = ["product"]
    date_hierarchy = "date"
