"""Store each passport version's line of the open-data CSV, and render it for the versions published before."""

from django.db import migrations, models


def store_csv_rows(apps, schema_editor):
    """The lines of versions published before they were stored; the export renders any it still finds empty."""
    from catalogue.passports.public_json import store_missing

    store_missing(apps.get_model("catalogue", "PassportVersion").objects)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0014_repair_places"),
    ]

    operations = [
        migrations.AddField(
            model_name="passportversion",
            name="open_data_csv_row",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="open-data CSV row"),
        ),
        migrations.RunPython(store_csv_rows, migrations.RunPython.noop),
    ]
