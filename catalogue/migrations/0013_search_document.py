"""Stores the full-text document of the published facets, with GIN indexes for search on PostgreSQL."""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# Only PostgreSQL has tsvector and trigram indexes; on SQLite search matches words without an index.
POSTGRES_INDEXES = [
    "CREATE INDEX IF NOT EXISTS catalogue_facets_search_document ON catalogue_publishedfacets "
    "USING gin (search_document)",
    # icontains compiles to UPPER(search_text) LIKE UPPER('%term%'): the word and fragment matching of search.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS catalogue_facets_search_text_trgm ON catalogue_publishedfacets "
    "USING gin (UPPER(search_text) gin_trgm_ops)",
]
DROP_POSTGRES_INDEXES = [
    "DROP INDEX IF EXISTS catalogue_facets_search_text_trgm",
    "DROP INDEX IF EXISTS catalogue_facets_search_document",
]


def create_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRES_INDEXES:
        schema_editor.execute(statement)
    # As catalogue.passports.facets.search_document() writes it at publication, frozen here as of this migration.
    name = SearchVector("name", weight="A", config="german")
    document = name + SearchVector("search_text", weight="B", config="german")
    apps.get_model("catalogue", "PublishedFacets").objects.update(search_document=document)


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP_POSTGRES_INDEXES:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0012_public_json"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedfacets",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_postgres_indexes, drop_postgres_indexes),
    ]
