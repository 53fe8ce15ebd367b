"""Evidence files: the original name, the detected type, and random stored names for the files already uploaded."""

import re
import uuid

from django.db import migrations, models, transaction

import products.evidence_files
from products.evidence_files import UNKNOWN_CONTENT_TYPE, detect_type, display_name

RANDOM_NAME = re.compile(r"evidence/[0-9a-f]{32}(\.\w+)?")


def move_files_to_random_names(apps, schema_editor):
    """Copy every file uploaded under its own name to a random one and remember the old name.

    Old passport versions link to /media/<old name>; catalogue.passports.evidence_views redirects those links to
    the access-checked URL. The old files are deleted only once the migration is committed.
    """
    EvidenceDocument = apps.get_model("products", "EvidenceDocument")
    storage = EvidenceDocument._meta.get_field("file").storage
    for document in EvidenceDocument.objects.exclude(file="").filter(legacy_name="").iterator():
        old = document.file.name
        if RANDOM_NAME.fullmatch(old):
            continue
        try:
            with storage.open(old, "rb") as handle:
                evidence_type = detect_type(handle)
                # Plain text was accepted before the content was checked; with nosniff it stays inert text.
                is_text = evidence_type is None and old.lower().endswith(".txt")
                extension = evidence_type.extension if evidence_type else (".txt" if is_text else "")
                new = storage.save(f"evidence/{uuid.uuid4().hex}{extension}", handle)
        except FileNotFoundError:
            # Nothing to move; the file answers 404 like any file missing from the storage.
            EvidenceDocument.objects.filter(pk=document.pk).update(
                legacy_name=old, original_name=display_name(old, None)
            )
            continue
        if evidence_type:
            content_type = evidence_type.content_type
        else:
            content_type = "text/plain; charset=utf-8" if is_text else UNKNOWN_CONTENT_TYPE
        EvidenceDocument.objects.filter(pk=document.pk).update(
            file=new, legacy_name=old, original_name=display_name(old, evidence_type), content_type=content_type
        )
        transaction.on_commit(lambda old=old: storage.delete(old))


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0003_import_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidencedocument",
            name="content_type",
            field=models.CharField(blank=True, editable=False, max_length=100, verbose_name="content type"),
        ),
        migrations.AddField(
            model_name="evidencedocument",
            name="legacy_name",
            field=models.CharField(blank=True, editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name="evidencedocument",
            name="original_name",
            field=models.CharField(blank=True, editable=False, max_length=120, verbose_name="file name"),
        ),
        migrations.AddField(
            model_name="historicalevidencedocument",
            name="content_type",
            field=models.CharField(blank=True, editable=False, max_length=100, verbose_name="content type"),
        ),
        migrations.AddField(
            model_name="historicalevidencedocument",
            name="legacy_name",
            field=models.CharField(blank=True, editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name="historicalevidencedocument",
            name="original_name",
            field=models.CharField(blank=True, editable=False, max_length=120, verbose_name="file name"),
        ),
        migrations.AlterField(
            model_name="evidencedocument",
            name="file",
            field=models.FileField(
                blank=True,
                upload_to=products.evidence_files.evidence_upload_to,
                validators=[
                    products.evidence_files.validate_evidence_size,
                    products.evidence_files.validate_evidence_content,
                ],
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name="historicalevidencedocument",
            name="file",
            field=models.TextField(
                blank=True,
                max_length=100,
                validators=[
                    products.evidence_files.validate_evidence_size,
                    products.evidence_files.validate_evidence_content,
                ],
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_files_to_random_names, migrations.RunPython.noop, elidable=True),
    ]
