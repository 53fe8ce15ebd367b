"""Product filters shared by the HTML browse pages and the API: search, facets and ordering."""

import contextlib
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from products.identifiers import looks_like_gtin, normalise_passport_code
from products.models import Category, MakerOrganisation, Material, Product, SupplyChainStep
from products.regions import Region

GRADES = [(grade, grade) for grade in "ABCDE"]
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def category_with_descendants(category: Category) -> list[int]:
    """Primary keys of a category and every category below it, from one query over the (small) tree."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, pending = [], [category.pk]
    while pending:
        pk = pending.pop()
        found.append(pk)
        pending.extend(children.get(pk, []))
    return found


def made_within(region: Region) -> Q:
    """Products with at least one supply-chain step, every step placed in ``region`` or nearer.

    A step without a place counts against the product: an undisclosed place is never "local".
    """
    allowed = [member.value for member in Region if member.rank <= Region(region).rank]
    steps = SupplyChainStep.objects.filter(product=OuterRef("pk"))
    return Q(Exists(steps)) & ~Q(Exists(steps.exclude(region__in=allowed)))


def made_in_solingen() -> Q:
    """Products whose stored score grants the designation "Solingen" (SolingenV § 1, by the product's category).

    The verdict depends on the category's essential stages, so it is read from the score rather than re-derived.
    """
    return Q(score__details__solingen__qualifies=True)


def search(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Every word must match the name, description, model number, maker, category, GTIN or passport code."""
    for term in text.split():
        condition = (
            Q(name__icontains=term)
            | Q(description__icontains=term)
            | Q(model_number__icontains=term)
            | Q(maker__name__icontains=term)
            | Q(category__name_de__icontains=term)
            | Q(category__name_en__icontains=term)
        )
        if looks_like_gtin(term):
            digits = "".join(char for char in term if char.isdigit())
            condition |= Q(gtin__endswith=digits)
        with contextlib.suppress(ValidationError):  # not a passport code: the text conditions still apply
            condition |= Q(passport_code=normalise_passport_code(term))
        queryset = queryset.filter(condition)
    return queryset


class SlugChoiceField(forms.ModelChoiceField):
    """A choice by slug; text that cannot be a slug is refused before the database sees it.

    PostgreSQL refuses text with NUL characters with an error rather than "no match".
    """

    def to_python(self, value):
        if value not in self.empty_values and not SLUG.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField


def slug_filter(model, label, help_text, **options) -> SlugChoiceFilter:
    """A choice of one ``model`` row by its slug."""
    return SlugChoiceFilter(
        queryset=model.objects.all(), to_field_name="slug", label=label, help_text=help_text, **options
    )


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering that always ends with the primary key, so that pages never overlap or skip."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, "pk")
        return qs


# What each filter expects, for the browse form and the API schema.
HELP_TEXTS = {
    "q": _("Words in the name, description, model number, maker or category; or a GTIN or passport code."),
    "category": _("Category slug; products of its subcategories are included."),
    "maker": _("Maker slug."),
    "grade": _("One or more grades, A (best) to E."),
    "min_score": _("Overall score from 0 to 100."),
    "material": _("Part of a material name, e.g. olive or X50CrMoV15."),
    "region": _("Every supply-chain step happens in this region or nearer."),
    "solingen": _(
        "Carries the designation “Solingen”: every essential manufacturing stage of its category happens in "
        "Solingen or Haan."
    ),
    "status": _("Only matters for your own products; others see published products only."),
    "ordering": _("name, score, price or updated; prefix with - for descending."),
}


class ProductFilterSet(django_filters.FilterSet):
    """Facets over a product queryset whose visibility the caller has already decided."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"), help_text=HELP_TEXTS["q"])
    category = slug_filter(Category, _("Category"), HELP_TEXTS["category"], method="filter_category")
    maker = slug_filter(MakerOrganisation, _("Maker"), HELP_TEXTS["maker"], field_name="maker")
    # One score per product: no DISTINCT (it would make the count sort every matching row).
    grade = django_filters.MultipleChoiceFilter(
        field_name="score__grade", choices=GRADES, label=_("Grade"), help_text=HELP_TEXTS["grade"], distinct=False
    )
    min_score = django_filters.NumberFilter(
        field_name="score__overall", lookup_expr="gte", label=_("Minimum score"), help_text=HELP_TEXTS["min_score"]
    )
    material = django_filters.CharFilter(
        method="filter_material", label=_("Material"), help_text=HELP_TEXTS["material"]
    )
    region = django_filters.ChoiceFilter(
        choices=Region.choices, method="filter_region", label=_("Made within"), help_text=HELP_TEXTS["region"]
    )
    solingen = django_filters.BooleanFilter(
        method="filter_solingen", label=_("Made in Solingen"), help_text=HELP_TEXTS["solingen"]
    )
    status = django_filters.ChoiceFilter(
        choices=Product.Status.choices, label=_("Status"), help_text=HELP_TEXTS["status"]
    )
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("score__overall", "score"), ("price_eur", "price"), ("updated_at", "updated")),
        label=_("Order by"),
        help_text=HELP_TEXTS["ordering"],
    )

    class Meta:
        model = Product
        fields = ["q", "category", "maker", "grade", "min_score", "material", "region", "solingen", "status"]

    def filter_q(self, queryset, name, value):
        return search(queryset, value)

    def filter_category(self, queryset, name, value):
        return queryset.filter(category_id__in=category_with_descendants(value)) if value else queryset

    def filter_material(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Exists(Material.objects.filter(product=OuterRef("pk"), name__icontains=value)))

    def filter_region(self, queryset, name, value):
        return queryset.filter(made_within(value)) if value else queryset

    def filter_solingen(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(made_in_solingen()) if value else queryset.exclude(made_in_solingen())
