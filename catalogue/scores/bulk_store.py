"""PostgreSQL's way of storing a batch of scores: COPY into a temporary table, then one upsert from it."""

import json

from django.db import connection

from catalogue.models import ProductScore

STAGING = "gw_score_staging"


def store(rows: list[tuple[int, dict]], fields: list[str]) -> list[int]:
    """Store ``(product id, ProductScore field values)`` rows; returns the ids whose score changed.

    A score changed when it is new or its details differ in more than the time they were computed at. The
    upsert ``bulk_create`` writes on PostgreSQL passes each column as an array, and psycopg quoted the JSON of
    the details character by character: that was four fifths of a rescore (docs/performance.md, "Scale").
    COPY sends the rows as they are.
    """
    if not rows:
        return []
    table = ProductScore._meta.db_table
    columns = [ProductScore._meta.get_field(name).column for name in fields]
    listed = ", ".join(f'"{column}"' for column in ["product_id", *columns])
    with connection.cursor() as cursor:
        # One staging table per session, emptied for each batch: a batch inside a longer transaction (a test,
        # a caller's atomic block) would otherwise see the rows of the batch before.
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGING} ON COMMIT DELETE ROWS AS "
            f'SELECT {listed} FROM "{table}" WITH NO DATA'
        )
        cursor.execute(f"DELETE FROM {STAGING}")
        with cursor.cursor.copy(f"COPY {STAGING} ({listed}) FROM STDIN") as copy:
            for product_id, values in rows:
                copy.write_row([product_id, *(_column_value(name, values[name]) for name in fields)])
        cursor.execute(
            f"SELECT staged.product_id FROM {STAGING} staged "
            f'LEFT JOIN "{table}" stored ON stored.product_id = staged.product_id '
            "WHERE stored.product_id IS NULL "
            "OR (stored.details - 'computed_at') IS DISTINCT FROM (staged.details - 'computed_at') "
            "ORDER BY staged.product_id"
        )
        changed = [product_id for (product_id,) in cursor.fetchall()]
        updates = ", ".join(f'"{column}" = EXCLUDED."{column}"' for column in columns)
        cursor.execute(
            f'INSERT INTO "{table}" ({listed}) SELECT {listed} FROM {STAGING} '
            f"ON CONFLICT (product_id) DO UPDATE SET {updates}"
        )
    return changed


def _column_value(name: str, value):
    # The details column is jsonb: COPY takes its text, written as the JSON field itself writes it.
    return json.dumps(value) if name == "details" else value
