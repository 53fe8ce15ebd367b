"""Pages of a result list that counts and shows at most a limit of results, and knows whether there were more."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet


class LimitedPaginator(Paginator):
    """Pages over the first ``limit`` objects of ``object_list``; ``truncated`` says whether more matched.

    The count reads at most ``limit + 1`` rows of ``matches`` (the unordered result): an exact count of a million
    passports, or of the 400,000 that hold a common word, took seconds (docs/performance.md, "Scale").
    """

    def __init__(self, object_list: QuerySet, per_page: int, *, limit: int, matches: QuerySet | None = None):
        super().__init__(object_list, per_page)
        self.limit = limit
        self.matches = object_list if matches is None else matches

    @cached_property
    def found(self) -> int:
        """The matches counted, at most ``limit + 1``."""
        return self.matches.order_by()[: self.limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.limit)

    @property
    def truncated(self) -> bool:
        return self.found > self.limit
