"""The public browse facets: the shared product filters, limited to what is public, with full-text search."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.filters import GRADES, ProductFilterSet, StableOrderingFilter
from catalogue.public_selectors import public_categories, public_makers
from catalogue.search import search_products
from products.regions import Region


class PublicProductFilterSet(ProductFilterSet):
    """Browse filters for consumers: only makers and categories with published passports are offered."""

    grade = django_filters.MultipleChoiceFilter(
        field_name="score__grade", choices=GRADES, label=_("Grade"), widget=forms.CheckboxSelectMultiple
    )
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("score__overall", "score"), ("price_eur", "price"), ("updated_at", "updated")),
        field_labels={
            "name": _("Name"),
            "score__overall": _("Score"),
            "price_eur": _("Price"),
            "updated_at": _("Updated"),
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
        fields["maker"].queryset = public_makers()
        fields["maker"].empty_label = _("All makers")
        fields["category"].queryset = public_categories()
        fields["category"].empty_label = _("All categories")
        # The shared help texts are written for API clients; the page writes its own.
        for field in fields.values():
            field.help_text = ""

    def filter_q(self, queryset, name, value):
        return search_products(queryset, value)
