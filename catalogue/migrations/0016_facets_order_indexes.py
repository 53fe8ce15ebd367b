# The best-scored and the by-name browse orders read straight from an index (docs/performance.md, "Scale").

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0015_open_data_csv_row'),
        ('products', '0010_granularity_optional_in_forms'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='publishedfacets',
            name='catalogue_p_overall_b95f1a_idx',
        ),
        migrations.AddIndex(
            model_name='publishedfacets',
            index=models.Index(fields=['overall', 'product'], name='facets_overall_product'),
        ),
        migrations.AddIndex(
            model_name='publishedfacets',
            index=models.Index(fields=['name', 'product'], name='facets_name_product'),
        ),
        migrations.AddIndex(
            model_name='publishedfacets',
            index=models.Index(fields=['category', 'name', 'product'], name='facets_category_name_product'),
        ),
        migrations.AddIndex(
            model_name='publishedfacets',
            index=models.Index(fields=['category', 'grade'], name='facets_category_grade'),
        ),
    ]
