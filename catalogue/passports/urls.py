"""Passport URLs: the maker's publishing actions ("publishing" namespace), the public PDFs and evidence files."""

from django.urls import path

from . import bulk_publish, evidence_views, pdf_views, views

app_name = "publishing"

urlpatterns = [
    path("products/<int:pk>/publish/", views.publish, name="publish"),
    path("products/publish-selected/", bulk_publish.publish_selected, name="publish-selected"),
    path("products/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("products/<int:pk>/archive/", views.archive, name="archive"),
    path("products/<int:pk>/preview.pdf", views.preview_pdf, name="preview-pdf"),
    path("products/<int:pk>/changes/", views.changes, name="changes"),
]

# Included by catalogue.public.urls, so that their names stay in the "catalogue" namespace.
public_urlpatterns = [
    path("p/<str:code>/passport.pdf", pdf_views.passport_pdf, name="passport-pdf"),
    path("p/<str:code>/v/<int:number>/passport.pdf", pdf_views.passport_version_pdf, name="passport-version-pdf"),
    path("passports.pdf", pdf_views.batch_pdf, name="batch-pdf"),
    path("evidence/<int:pk>/<str:file_name>", evidence_views.evidence_file, name="evidence-file"),
    # MEDIA_ROOT is never served raw; these are the links that versions published before random names list.
    path("media/evidence/<path:name>", evidence_views.legacy_media_file, name="evidence-legacy-media"),
]
