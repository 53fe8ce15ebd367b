"""The grade as a column of the maker's workspace list, registered with products (which never imports catalogue)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from catalogue.scoring import GRADES
from products.workspace_list import ListColumn, register_column


def register() -> None:
    """Called from CatalogueConfig.ready(): the stored score's grade, filtered by letter, sorted A first."""
    register_column(
        ListColumn(
            key="grade",
            label=_("Grade"),
            # The score is a reverse one-to-one: a LEFT JOIN in the list's one query, NULL until it is scored.
            expression=lambda: F("score__grade"),
            choices=lambda: [(grade, grade) for grade, _minimum, _colour in GRADES],
            cell_template="catalogue/workspace/grade_cell.html",
        )
    )
