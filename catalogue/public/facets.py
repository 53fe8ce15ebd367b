"""The public browse facets: the shared product filters, answered from what was published.

Every facet reads ``PublishedFacets`` (copied from the current published snapshot), never live product
data, so a filter always agrees with the passport cards it lists and never reveals unpublished edits.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.public.filters import GRADES, ProductFilterSet, StableOrderingFilter, category_with_descendants
from catalogue.public.search import search_products
from catalogue.public.selectors import makers_with_passports, public_categories
from products.regions import Region


class PublicProductFilterSet(ProductFilterSet):
    """Browse filters for consumers: only makers and categories with published passports are offered."""

    # One facets row per product: no DISTINCT, which would make the count sort every matching row.
    grade = django_filters.MultipleChoiceFilter(
        field_name="published_facets__grade",
        choices=GRADES,
        label=_("Grade"),
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    min_score = django_filters.NumberFilter(
        field_name="published_facets__overall", lookup_expr="gte", label=_("Minimum score")
    )
    ordering = StableOrderingFilter(
        fields=(
            ("published_facets__name", "name"),
            ("published_facets__overall", "score"),
            ("published_facets__price_eur", "price"),
            ("published_facets__published_at", "updated"),
        ),
        field_labels={
            "published_facets__name": _("Name"),
            "published_facets__overall": _("Score"),
            "published_facets__price_eur": _("Price"),
            "published_facets__published_at": _("Updated"),
        },
        label=_("Sort by"),
        empty_label=_("Relevance, then name"),
    )
    region = django_filters.ChoiceFilter(
        choices=Region.choices, method="filter_region", label=_("Made within"), empty_label=_("Anywhere")
    )

    class Meta(ProductFilterSet.Meta):
        fields = ["q", "category", "maker", "grade", "min_score", "material", "region", "solingen"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("status", None)
        self.form.fields.pop("status", None)
        fields = self.form.fields
        fields["maker"].queryset = makers_with_passports()
        fields["maker"].empty_label = _("All makers")
        fields["category"].queryset = public_categories()
        fields["category"].empty_label = _("All categories")
        # The shared help texts are written for API clients; the page writes its own.
        for field in fields.values():
            field.help_text = ""

    def filter_q(self, queryset, name, value):
        return search_products(queryset, value)

    def filter_category(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(published_facets__category_id__in=category_with_descendants(value))

    def filter_material(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(published_facets__materials__icontains=value) if value else queryset

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(published_facets__farthest_region_rank__lte=Region(value).rank)

    def filter_solingen(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(published_facets__solingen=True)
        return queryset.exclude(published_facets__solingen=True)
