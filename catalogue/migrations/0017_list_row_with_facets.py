# The API's list row moves from the version to the current version's browse facets (docs/performance.md, "API").

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def move_list_rows(apps, schema_editor):
    from catalogue.passports.public_json import store_missing_list_rows

    facets = apps.get_model("catalogue", "PublishedFacets").objects
    versions = apps.get_model("catalogue", "PassportVersion").objects
    facets.update(list_row=Subquery(versions.filter(pk=OuterRef("version_id")).values("public_list_json")[:1]))
    store_missing_list_rows(facets)  # versions stored before there were list rows


class Migration(migrations.Migration):

    dependencies = [
        ("catalogue", "0016_facets_order_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedfacets",
            name="list_row",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="public list row (JSON)"),
        ),
        migrations.RunPython(move_list_rows, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="passportversion",
            name="public_list_json",
        ),
    ]
