"""Review queue URLs ("review" namespace), under /review/."""

from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("evidence/<int:pk>/", views.evidence_review, name="evidence"),
    path("evidence/<int:pk>/file", views.evidence_preview, name="evidence-preview"),
]
