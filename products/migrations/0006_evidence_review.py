"""Staff decisions on evidence: approved, rejected with a reason, or pending; documents verified before are approved."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATUS_CHOICES = [("pending", "Awaiting review"), ("approved", "Approved"), ("rejected", "Rejected")]


def approve_verified(apps, schema_editor):
    # A document verified before decisions existed was approved by whoever verified it, when they did.
    EvidenceDocument = apps.get_model("products", "EvidenceDocument")
    EvidenceDocument.objects.filter(verified=True).update(
        review_status="approved", reviewed_by=models.F("verified_by"), reviewed_at=models.F("verified_at")
    )


def review_fields(history: bool) -> list[tuple[str, models.Field]]:
    user = (
        models.ForeignKey(
            blank=True,
            db_constraint=False,
            editable=False,
            null=True,
            on_delete=django.db.models.deletion.DO_NOTHING,
            related_name="+",
            to=settings.AUTH_USER_MODEL,
            verbose_name="reviewed by",
        )
        if history
        else models.ForeignKey(
            blank=True,
            editable=False,
            null=True,
            on_delete=django.db.models.deletion.SET_NULL,
            related_name="+",
            to=settings.AUTH_USER_MODEL,
            verbose_name="reviewed by",
        )
    )
    return [
        (
            "rejection_reason",
            models.TextField(blank=True, editable=False, max_length=2000, verbose_name="reason for the rejection"),
        ),
        (
            "review_status",
            models.CharField(
                choices=STATUS_CHOICES, default="pending", editable=False, max_length=10, verbose_name="review"
            ),
        ),
        ("reviewed_at", models.DateTimeField(blank=True, editable=False, null=True, verbose_name="reviewed at")),
        ("reviewed_by", user),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0005_membership_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model, history in (("evidencedocument", False), ("historicalevidencedocument", True))
            for name, field in review_fields(history)
        ),
        migrations.AddIndex(
            model_name="evidencedocument",
            index=models.Index(fields=["review_status", "uploaded_at"], name="evidence_review_queue"),
        ),
        migrations.RunPython(approve_verified, migrations.RunPython.noop),
    ]
