"""Maker workspace URLs."""

from django.urls import path

from . import product_actions, sheet_views, supplier_views, views

app_name = "products"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("organisation/switch/", views.switch_organisation, name="switch-organisation"),
    path("products/new/", views.product_create, name="product-create"),
    path("import/", sheet_views.import_page, name="import"),
    path("import/jobs/<uuid:pk>/", sheet_views.import_job, name="import-job"),
    path("import/template.<str:format>", sheet_views.import_template, name="import-template"),
    path("products/export.<str:format>", sheet_views.export_products, name="export"),
    path("products/export-selected/", sheet_views.export_selected, name="export-selected"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
    path("products/<int:pk>/edit/", views.product_edit, name="product-edit"),
    path("products/<int:pk>/history/", views.product_history, name="product-history"),
    path("products/<int:pk>/duplicate/", product_actions.product_duplicate, name="product-duplicate"),
    path("products/<int:pk>/delete/", product_actions.product_delete, name="product-delete"),
    path("products/<int:pk>/evidence/new/", views.evidence_add, name="evidence-add"),
    path("evidence/<int:pk>/<str:file_name>", views.evidence_file, name="evidence-file"),
    path("suppliers/", supplier_views.supplier_list, name="supplier-list"),
    path("suppliers/new/", supplier_views.supplier_create, name="supplier-create"),
    path("suppliers/from-steps/", supplier_views.suppliers_from_steps, name="suppliers-from-steps"),
    path("suppliers/<int:pk>/edit/", supplier_views.supplier_edit, name="supplier-edit"),
]
