"""Builds the scale benchmark's catalogue on PostgreSQL: published passports written with COPY, not the ORM.

Runs with Django set up (``bench/scale.py`` starts it in a subprocess). Each passport comes from one of 50
templates (10 categories × 5 grades), rendered once with the project's own functions (snapshot JSON, the
stored public list and detail JSON of ``catalogue.passports.public_json``, the facets of
``catalogue.passports.facets``) and with marks where a product's identity goes; a row is then the template
with the marks replaced by text. Rows get their ids from here, so the foreign keys are known without reading
anything back, and go in FK order: products, passport versions, scores, published facets.
"""

import hashlib
import json
import re
import time
from datetime import UTC, datetime

from bench.common import identity
from bench.sample_snapshots import complete_snapshot

MAKERS = 20
# (slug, German, English, product word, description): half the categories are knives, so "messer" finds half.
CATEGORIES = [
    ("kochmesser", "Kochmesser", "Chef's knives", "Kochmesser", "Geschmiedetes Kochmesser aus Klingenstahl."),
    ("brotmesser", "Brotmesser", "Bread knives", "Brotmesser", "Brotmesser mit Wellenschliff aus Klingenstahl."),
    ("santoku", "Santokus", "Santokus", "Santoku", "Santoku mit Kullenschliff, geschmiedet in Solingen."),
    ("taschenmesser", "Taschenmesser", "Pocket knives", "Taschenmesser", "Taschenmesser mit Griff aus Olivenholz."),
    ("rasiermesser", "Rasiermesser", "Straight razors", "Rasiermesser", "Rasiermesser, hohlgeschliffen."),
    ("scheren", "Scheren", "Scissors", "Schere", "Haushaltsschere aus rostfreiem Stahl."),
    ("besteck", "Besteck", "Cutlery", "Besteckset", "Besteck für sechs Personen, poliert."),
    ("nagelpflege", "Nagelpflege", "Nail care", "Nagelknipser", "Nagelknipser aus gehärtetem Stahl."),
    ("wetzstaehle", "Wetzstähle", "Sharpening steels", "Wetzstahl", "Wetzstahl, hartverchromt, 26 cm."),
    ("gabeln", "Fleischgabeln", "Carving forks", "Fleischgabel", "Fleischgabel mit zwei Zinken, geschmiedet."),
]
GRADES = [("A", 88.0, "#038141"), ("B", 72.5, "#85BB2F"), ("C", 58.0, "#FECB02"), ("D", 44.0, "#EE8100")]
GRADES.append(("E", 30.0, "#E63E11"))
# Marks in the templates; every one is replaced by plain text (letters, digits, spaces), so no escaping changes.
MARKS = ("@@NAME@@", "@@GTIN@@", "@@CODE@@", "@@CODEDISP@@", "@@MAKERNAME@@", "@@MAKERSLUG@@", "@@HASH@@", "@@ID@@")
MARKS = (*MARKS, "@@MAKERID@@", "@@CATEGORYID@@")
MARK_PATTERN = re.compile("(" + "|".join(re.escape(mark) for mark in MARKS) + ")")
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
SITE = "https://example.org"
CHUNK = 2_000  # rows per write to the COPY stream
CSV_SPECIAL = set(',"\r\n')


def copy_text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return str(value).translate(COPY_ESCAPES)


class Template:
    """A COPY line with marks, split once; ``fill`` joins the parts with a row's values."""

    def __init__(self, line: str):
        self.parts = MARK_PATTERN.split(line)

    def fill(self, values: dict[str, str]) -> str:
        return "".join(values[part] if index % 2 else part for index, part in enumerate(self.parts))


def grade_of(index: int) -> int:
    return (index // len(CATEGORIES)) % len(GRADES)


def variant(category: int, grade: int) -> dict:
    """The snapshot template of a category and grade, with marks for the product's identity."""
    slug, name_de, name_en, _word, description = CATEGORIES[category]
    letter, overall, colour = GRADES[grade]
    snapshot = complete_snapshot()
    snapshot["product"] = {
        **snapshot["product"],
        "name": "@@NAME@@",
        "description": description,
        "gtin": "@@GTIN@@",
        "passport_code": "@@CODE@@",
        "passport_code_display": "@@CODEDISP@@",
        "category": {"slug": slug, "name": {"de": name_de, "en": name_en}},
    }
    snapshot["maker"] = {**snapshot["maker"], "name": "@@MAKERNAME@@", "slug": "@@MAKERSLUG@@"}
    snapshot["score"] = {**snapshot["score"], "overall": overall, "grade": letter, "band_colour": colour}
    snapshot["urls"] = {
        "passport": f"{SITE}/p/@@CODE@@",
        "digital_link": f"{SITE}/01/@@GTIN@@",
        "qr": f"{SITE}/01/@@GTIN@@",
    }
    return snapshot


def columns(model, given: dict[str, str]) -> tuple[list[str], list[str]]:
    """The columns of ``model`` to COPY and their text: ``given`` (text with marks) or each field's default.

    Nullable fields without a default are left out (NULL), and so is anything the database computes."""
    names, texts = [], []
    for field in model._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue
        if field.attname in given:
            names.append(field.column)
            texts.append(given[field.attname])
            continue
        default = field.get_default()
        if default is None and field.null:
            continue
        if default is None:
            raise RuntimeError(f"{model.__name__}.{field.attname} needs a value for COPY")
        names.append(field.column)
        texts.append(copy_text(default))
    return names, texts


def templates(now: datetime) -> dict:
    """COPY line templates per table and variant: {table: (model, column names, {variant: Template})}."""
    from catalogue.models import PassportVersion, ProductScore, PublishedFacets
    from catalogue.passports.facets import facets_from_snapshot
    from catalogue.passports.open_data import csv_line
    from catalogue.passports.public_json import detail_json, list_json
    from products.models import Product

    stamp = now.isoformat()
    out = {model: {} for model in (Product, PassportVersion, ProductScore, PublishedFacets)}
    names = {}
    for category in range(len(CATEGORIES)):
        for grade in range(len(GRADES)):
            snapshot = variant(category, grade)
            product, score = snapshot["product"], snapshot["score"]
            facets = facets_from_snapshot(snapshot)
            given = {
                Product: {
                    "id": "@@ID@@",
                    "maker_id": "@@MAKERID@@",
                    "category_id": "@@CATEGORYID@@",
                    "name": "@@NAME@@",
                    "description": copy_text(product["description"]),
                    "model_number": copy_text(product["model_number"]),
                    "gtin": "@@GTIN@@",
                    "passport_code": "@@CODE@@",
                    "price_eur": copy_text(product["price_eur"]),
                    "mass_g": copy_text(product["mass_g"]),
                    "status": Product.Status.PUBLISHED.value,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
                PassportVersion: {
                    "id": "@@ID@@",
                    "product_id": "@@ID@@",
                    "number": "1",
                    "snapshot": copy_text(snapshot),
                    "methodology_version": copy_text(score["methodology_version"]),
                    "content_hash": "@@HASH@@",
                    "published_at": stamp,
                    "public_detail_json": copy_text(detail_json(snapshot)),
                    # The marks stand as whole unquoted fields: references() refuses makers whose names CSV would quote.
                    "open_data_csv_row": copy_text(csv_line(snapshot, "@@HASH@@")),
                },
                ProductScore: {
                    "id": "@@ID@@",
                    "product_id": "@@ID@@",
                    "overall": copy_text(score["overall"]),
                    "grade": score["grade"],
                    **{key: copy_text(value) for key, value in score["subscores"].items()},
                    "methodology_version": copy_text(score["methodology_version"]),
                    "computed_at": stamp,
                    "details": copy_text(score),
                },
                PublishedFacets: {
                    "id": "@@ID@@",
                    "product_id": "@@ID@@",
                    "version_id": "@@ID@@",
                    "category_id": "@@CATEGORYID@@",
                    "published_at": stamp,
                    "list_row": copy_text(
                        list_json(
                            snapshot,
                            number=1,
                            published_at=now,
                            content_hash="@@HASH@@",
                            methodology_version=score["methodology_version"],
                        )
                    ),
                    **{key: copy_text(value) for key, value in facets.items()},
                },
            }
            for model, values in given.items():
                names[model], texts = columns(model, values)
                out[model][category, grade] = Template("\t".join(texts) + "\n")
    return {model: (names[model], variants) for model, variants in out.items()}


def references() -> tuple[list[tuple[int, str, str]], list[int]]:
    """The makers (id, name, slug) and categories (id), created on first use with the ORM."""
    from products.models import Category, MakerOrganisation

    if not MakerOrganisation.objects.exists():
        MakerOrganisation.objects.bulk_create(
            MakerOrganisation(name=f"Schmiede {index}", slug=f"schmiede-{index}", city="Solingen", postcode="42651")
            for index in range(MAKERS)
        )
        Category.objects.bulk_create(
            Category(slug=slug, name_de=name_de, name_en=name_en) for slug, name_de, name_en, _w, _d in CATEGORIES
        )
    makers = list(MakerOrganisation.objects.order_by("pk").values_list("pk", "name", "slug"))
    for _pk, name, _slug in makers:  # the CSV line template has the name as a whole, unquoted field
        if CSV_SPECIAL & set(name):
            raise ValueError(f"The maker name {name!r} would need quoting in the CSV line template.")
    by_slug = dict(Category.objects.values_list("slug", "pk"))
    return makers, [by_slug[entry[0]] for entry in CATEGORIES]


def row_values(index: int, makers, categories) -> tuple[tuple[int, int], dict[str, str]]:
    """The variant and the mark values of product number ``index`` (its id is ``index + 1``)."""
    gtin, code = identity(index)
    category = index % len(CATEGORIES)
    maker_id, maker_name, maker_slug = makers[index % len(makers)]
    return (category, grade_of(index)), {
        "@@ID@@": str(index + 1),
        "@@MAKERID@@": str(maker_id),
        "@@CATEGORYID@@": str(categories[category]),
        "@@NAME@@": f"{CATEGORIES[category][3]} Nr. {index + 1}",
        "@@GTIN@@": gtin,
        "@@CODE@@": code,
        "@@CODEDISP@@": f"{code[:4]}-{code[4:]}",
        "@@MAKERNAME@@": maker_name,
        "@@MAKERSLUG@@": maker_slug,
        "@@HASH@@": hashlib.sha256(code.encode()).hexdigest(),
    }


def secondary_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of ``tables`` that back no constraint: dropped for the load, built after."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        [tables],
    )
    return cursor.fetchall()


def copy_range(start: int, stop: int, stamp: str) -> dict:
    """COPY products ``start``…``stop - 1`` into every table in FK order, then store their full-text documents,
    in one transaction of this process's own connection; returns the timings in s."""
    from django.db import connection, transaction

    from catalogue.models import PublishedFacets

    makers, categories = references()
    tables = templates(datetime.fromisoformat(stamp))
    timings = {}
    with transaction.atomic():
        cursor = connection.cursor()
        cursor.execute("SET LOCAL synchronous_commit = off")
        # The rows are consistent by construction: no foreign-key trigger per row (a superuser's setting).
        cursor.execute("SET LOCAL session_replication_role = replica")
        raw = cursor.connection  # psycopg 3
        for model, (column_names, variants) in tables.items():
            began = time.perf_counter()
            quoted = ", ".join(f'"{name}"' for name in column_names)
            with raw.cursor().copy(f'COPY "{model._meta.db_table}" ({quoted}) FROM STDIN') as copy:
                for chunk_start in range(start, stop, CHUNK):
                    lines = []
                    for index in range(chunk_start, min(chunk_start + CHUNK, stop)):
                        key, values = row_values(index, makers, categories)
                        lines.append(variants[key].fill(values))
                    copy.write("".join(lines).encode())
            timings[f"copy {model._meta.db_table}"] = time.perf_counter() - began
        # The full-text document (once the model has it): one UPDATE of the rows just written, before the
        # GIN index is built again.
        if any(field.name == "search_document" for field in PublishedFacets._meta.fields):
            from catalogue.passports.facets import search_document

            began = time.perf_counter()
            PublishedFacets.objects.filter(pk__gt=start, pk__lte=stop).update(search_document=search_document())
            timings["search_document"] = time.perf_counter() - began
    return timings


def _copy_range(arguments) -> dict:
    """``copy_range`` in a forked worker: a connection of its own."""
    from django.db import connection

    connection.close()
    try:
        return copy_range(*arguments)
    finally:
        connection.close()


def build(start: int, stop: int, workers: int = 2) -> dict:
    """Migrate (first time), then COPY products ``start``…``stop - 1``; returns timings in s.

    A large range is split between ``workers`` processes (a COPY keeps one PostgreSQL backend busy; there
    are two cores), with the indexes that back no constraint dropped for the load and built afterwards."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from django.core.management import call_command
    from django.db import connection

    from catalogue.models import PassportVersion, ProductScore, PublishedFacets
    from products.models import Product

    timings: dict = {}
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    references()
    timings["migrate"] = time.perf_counter() - began
    names = [model._meta.db_table for model in (Product, PassportVersion, ProductScore, PublishedFacets)]
    large = stop - start >= 10_000
    with connection.cursor() as cursor:
        indexes = secondary_indexes(cursor, names) if large else []
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    stamp = datetime.now(UTC).isoformat()
    began = time.perf_counter()
    if large:
        bounds = [start + (stop - start) * part // workers for part in range(workers + 1)]
        connection.close()  # the forked workers must not share it
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            parts = list(pool.map(_copy_range, [(bounds[n], bounds[n + 1], stamp) for n in range(workers)]))
    else:
        parts = [copy_range(start, stop, stamp)]
    timings["copy (wall)"] = time.perf_counter() - began
    for part in parts:
        for name, seconds in part.items():
            timings[f"{name} (worker s)"] = timings.get(f"{name} (worker s)", 0.0) + seconds
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        timings["indexes"] = time.perf_counter() - began
        for table in names:
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), {stop})")
        began = time.perf_counter()
        # Statistics for the planner; the facets are vacuumed too, for the dead rows the UPDATE above left.
        cursor.execute(f'VACUUM (ANALYZE) "{PublishedFacets._meta.db_table}"')
        cursor.execute("ANALYZE")
        timings["analyze"] = time.perf_counter() - began
    return timings
