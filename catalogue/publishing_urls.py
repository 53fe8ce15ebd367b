"""Maker workspace URLs for publishing a product's passport."""

from django.urls import path

from . import publishing_views

app_name = "publishing"

urlpatterns = [
    path("products/<int:pk>/publish/", publishing_views.publish, name="publish"),
    path("products/<int:pk>/withdraw/", publishing_views.withdraw, name="withdraw"),
    path("products/<int:pk>/preview.pdf", publishing_views.preview_pdf, name="preview-pdf"),
]
