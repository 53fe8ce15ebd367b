from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0008_print_jobs_per_format"),
    ]

    operations = [
        migrations.AddField(
            model_name="passportversion",
            name="credential_jwt",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="signed credential"),
        ),
    ]
