"""The public browse facets: the shared product filters, answered from what was published.

Every facet reads ``PublishedFacets`` (copied from the current published snapshot), never live product
data, so a filter always agrees with the passport cards it lists and never reveals unpublished edits.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceIterator

from catalogue.public.filters import GRADES, ProductFilterSet, StableOrderingFilter, category_with_descendants
from catalogue.public.search import search_products
from catalogue.public.selectors import makers_with_passports, public_categories
from products.regions import Region


class QuickSelect(forms.Select):
    """A single-choice ``<select>`` written out in Python, the same HTML as Django's ``Select``.

    Django renders a template per option; the browse page's three lists spent about 5 ms on it, a tenth of the
    page at a million passports (docs/performance.md, "Scale").
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options)


class ChoicesInOneQuery(ModelChoiceIterator):
    """A model choice field's choices read with one plain query.

    Django's iterator reads them with ``QuerySet.iterator()``, which on PostgreSQL opens a server-side cursor:
    three round trips for the twenty makers of the browse filter.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.queryset.all():
            yield self.choice(instance)


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
        for name in ("category", "maker", "region"):  # the single-choice lists (ordering's widget reads CSV)
            fields[name].widget = QuickSelect(attrs=fields[name].widget.attrs, choices=fields[name].widget.choices)
        fields["maker"].iterator = fields["category"].iterator = ChoicesInOneQuery
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
