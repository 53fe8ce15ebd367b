"""Page-number pagination with a client-selectable page size, capped."""

from collections.abc import Callable, Sequence

from django.db import connection
from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination


class PageRows:
    """Rows for the paginator: ``columns`` of ``queryset`` as tuples, read a page at a time, and counted on the
    queryset itself (or by ``count``), without the joins that only the columns need.

    ``sql``: the SQL and parameters of ``queryset.values_list(*columns)``, compiled before, for columns that
    the database gives as they are (no converters); a page then runs it with LIMIT and OFFSET, and the
    queryset may be None when ``count`` counts.
    """

    def __init__(
        self,
        queryset: QuerySet | None,
        columns: Sequence[str],
        *,
        count: Callable[[], int] | None = None,
        sql: tuple[str, Sequence] | None = None,
    ):
        self.queryset, self.columns, self.sql = queryset, columns, sql
        self._count = count or queryset.count

    def count(self) -> int:
        return self._count()

    def __getitem__(self, page: slice) -> list[tuple]:
        if self.sql is None:
            return list(self.queryset.values_list(*self.columns)[page])
        sql, params = self.sql
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, page.stop - page.start, page.start])
            return cursor.fetchall()


class CappedPageNumberPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
