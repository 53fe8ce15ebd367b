"""Reads for the workspace product list: search, filters, sorting, and the columns that dependent apps add.

The grade is the catalogue's (its scores): ``products`` never imports ``catalogue``, so the catalogue registers a
:class:`ListColumn` in its ``ready()``, as ``lifecycle`` registers its parts, and the list annotates, filters and
sorts by it without knowing what it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Expression, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .identifiers import looks_like_gtin, normalise_passport_code
from .models import Category, Product
from .selectors import products_for_user


@dataclass(frozen=True)
class ListColumn:
    """A column of the list from another app: its annotation, the values it filters by, and how it sorts."""

    key: str  # the annotation's name, the filter's query parameter and the sort key
    label: str
    expression: Callable[[], Expression]
    choices: Callable[[], list[tuple[str, str]]]  # (value, label) to filter by
    cell_template: str = ""  # renders ``value``; empty: the value as text


_COLUMNS: dict[str, ListColumn] = {}


def register_column(column: ListColumn) -> None:
    """Add a column (registering the same key again replaces it)."""
    _COLUMNS[column.key] = column


def columns() -> list[ListColumn]:
    return list(_COLUMNS.values())


YES, NO = "yes", "no"


class WorkspaceListForm(forms.Form):
    """The list's query string: every field optional, an unknown value is ignored rather than an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label=_("All")
    )
    changes = forms.ChoiceField(
        label=_("Unpublished changes"),
        required=False,
        choices=[("", _("All")), (YES, _("Only with unpublished changes")), (NO, _("Only without"))],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    SORTS = {
        "-updated": (_("Last change, newest first"), ("-updated_at", "pk")),
        "name": (_("Name"), ("name", "pk")),
        "-name": (_("Name, Z to A"), ("-name", "pk")),
        "updated": (_("Last change, oldest first"), ("updated_at", "pk")),
    }

    def __init__(self, data, *, categories):
        super().__init__(data)
        self.fields["status"].choices = [("", _("All")), *Product.Status.choices]
        self.fields["category"].queryset = categories
        sorts = [(key, label) for key, (label, _order) in self.SORTS.items()]
        for column in columns():
            self.fields[column.key] = forms.ChoiceField(
                label=column.label, required=False, choices=[("", _("All")), *column.choices()]
            )
            sorts += [(column.key, _("%(column)s, best first") % {"column": column.label})]
        self.fields["sort"].choices = sorts
        self.order_fields(["q", "status", "category", *(column.key for column in columns()), "changes", "sort"])

    def clean(self):
        cleaned = super().clean()
        # A stale bookmark with a value that no longer exists lists everything rather than failing.
        for name in list(self.errors):
            cleaned[name] = None
        self._errors = {}
        return cleaned


def list_categories(user) -> QuerySet[Category]:
    """The categories the user's products are in (the filter offers no empty choice)."""
    return Category.objects.filter(pk__in=products_for_user(user).values("category_id")).order_by("slug")


def search_filter(text: str) -> Q:
    """Name and model number contain the text; a GTIN or passport code typed in any form finds its product."""
    text = text.strip()
    found = Q(name__icontains=text) | Q(model_number__icontains=text)
    if looks_like_gtin(text):
        digits = re.sub(r"\D", "", text)
        found |= Q(gtin__endswith=digits) if len(digits) >= 8 else Q(gtin__contains=digits)
    try:
        found |= Q(passport_code=normalise_passport_code(text))
    except ValidationError:
        compact = re.sub(r"[\s-]", "", text).upper()
        if len(compact) >= 4:
            found |= Q(passport_code__startswith=compact)
    return found


def listed_products(products: QuerySet[Product], query: dict) -> QuerySet[Product]:
    """``products`` (the user's) as the cleaned query asks: searched, filtered, sorted, with the added columns."""
    products = products.annotate(**{column.key: column.expression() for column in columns()})
    if query.get("q"):
        products = products.filter(search_filter(query["q"]))
    if query.get("status"):
        products = products.filter(status=query["status"])
    if query.get("category"):
        products = products.filter(category=query["category"])
    if query.get("changes") == YES:
        products = products.filter(has_unpublished_changes=True)
    elif query.get("changes") == NO:
        products = products.filter(has_unpublished_changes=False)
    for column in columns():
        if query.get(column.key):
            products = products.filter(**{column.key: query[column.key]})
    sort = query.get("sort") or "-updated"
    if sort in _COLUMNS:
        return products.order_by(F(sort).asc(nulls_last=True), "name", "pk")
    return products.order_by(*WorkspaceListForm.SORTS.get(sort, WorkspaceListForm.SORTS["-updated"])[1])
