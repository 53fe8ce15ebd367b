"""Page-number pagination with a client-selectable page size, capped."""

from collections.abc import Callable, Sequence

from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination


class PageRows:
    """Rows for the paginator: ``columns`` of ``queryset`` as tuples, read a page at a time, and counted on the
    queryset itself (or by ``count``), without the joins that only the columns need."""

    def __init__(self, queryset: QuerySet, columns: Sequence[str], *, count: Callable[[], int] | None = None):
        self.queryset, self.columns = queryset, columns
        self._count = count or queryset.count

    def count(self) -> int:
        return self._count()

    def __getitem__(self, page: slice) -> list[tuple]:
        return list(self.queryset.values_list(*self.columns)[page])


class CappedPageNumberPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
