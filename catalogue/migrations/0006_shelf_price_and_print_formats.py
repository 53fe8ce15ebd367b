"""The retailer's shelf price per assortment item, and the print formats shelf, detailed (formerly passport), labels."""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models


def passport_to_detailed(apps, schema_editor):
    apps.get_model("catalogue", "PrintJob").objects.filter(format="passport").update(format="detailed")


def detailed_to_passport(apps, schema_editor):
    PrintJob = apps.get_model("catalogue", "PrintJob")
    PrintJob.objects.filter(format="detailed").update(format="passport")
    # Shelf passports did not exist before: the nearest earlier format is the A4 passport.
    PrintJob.objects.filter(format="shelf").update(format="passport")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_teams"),
    ]

    operations = [
        migrations.AddField(
            model_name="assortmentitem",
            name="shelf_price",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Your price in euros for the shelf labels; leave empty to print the maker's price.",
                max_digits=9,
                null=True,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                verbose_name="shelf price",
            ),
        ),
        migrations.AlterField(
            model_name="printjob",
            name="format",
            field=models.CharField(
                choices=[
                    ("shelf", "Shelf passports (one page)"),
                    ("detailed", "Detailed passports"),
                    ("labels", "Shelf labels"),
                ],
                max_length=10,
                verbose_name="format",
            ),
        ),
        migrations.RunPython(passport_to_detailed, detailed_to_passport),
    ]
