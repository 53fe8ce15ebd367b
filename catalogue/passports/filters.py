"""Filters of the public passport list in the API: the browse page's filters, plus withdrawn passports."""

import django_filters
from django.utils.translation import gettext_lazy as _

from catalogue.public.facets import PublicProductFilterSet
from products.models import Product


class PassportFilterSet(PublicProductFilterSet):
    """The browse filters over every public passport; ``withdrawn`` picks current or withdrawn ones."""

    withdrawn = django_filters.BooleanFilter(
        method="filter_withdrawn",
        label=_("Withdrawn"),
        help_text=_("true: only withdrawn passports; false: only current ones; leave out for both."),
    )

    class Meta(PublicProductFilterSet.Meta):
        fields = [*PublicProductFilterSet.Meta.fields, "withdrawn"]

    def filter_withdrawn(self, queryset, name, value):
        if value is None:
            return queryset
        status = Product.Status.WITHDRAWN if value else Product.Status.PUBLISHED
        return queryset.filter(status=status)
