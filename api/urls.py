"""API URLs: version 1 under /api/v1/, the OpenAPI schema, its offline docs and the token page."""

from csp.constants import SELF
from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views
from .credentials import CredentialView
from .export import CsvExportView, JsonLdExportView
from .import_jobs import ImportJobViewSet
from .lookup import LookupView
from .passports import PassportViewSet
from .print_jobs import PrintJobPdfView, PrintJobView
from .retailers import RetailerViewSet

app_name = "api"

# Redoc inserts two fixed style elements while its bundle loads, before it can be given the page's nonce (its own
# styles carry the nonce, js/redoc-init.js), and runs its search in a blob: worker. The hashes belong to the pinned
# drf-spectacular-sidecar; tests/catalogue/test_csp_browser.py fails when an update changes them.
REDOC_POLICY = {
    "style-src": [
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
        "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
    ],
    "worker-src": [SELF, "blob:"],
}

router = DefaultRouter()
router.register("products", views.ProductViewSet, basename="product")
router.register(
    r"products/(?P<product_code>[0-9A-Za-z-]+)/evidence", views.EvidenceViewSet, basename="product-evidence"
)
router.register("import-jobs", ImportJobViewSet, basename="import-job")
router.register("passports", PassportViewSet, basename="passport")
router.register("makers", views.MakerViewSet, basename="maker")
router.register("categories", views.CategoryViewSet, basename="category")
router.register("retailers", RetailerViewSet, basename="retailer")

urlpatterns = [
    re_path(r"^v1/lookup/?$", LookupView.as_view(), name="lookup"),
    path("v1/export/passports.csv", CsvExportView.as_view(), name="export-csv"),
    path("v1/export/passports.jsonld", JsonLdExportView.as_view(), name="export-jsonld"),
    path("v1/retailers/<slug:slug>/print-jobs/<int:job_id>/", PrintJobView.as_view(), name="retailer-print-job"),
    path(
        "v1/retailers/<slug:slug>/print-jobs/<int:job_id>/pdf/",
        PrintJobPdfView.as_view(),
        name="retailer-print-job-pdf",
    ),
    re_path(
        r"^v1/passports/(?P<code>[0-9A-Za-z-]+)/versions/(?P<number>[0-9]{1,9})/credential/?$",
        CredentialView.as_view(),
        name="passport-credential",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Both docs pages run no inline script, so that the Content-Security-Policy holds for them too.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path(
        "redoc/",
        csp_update(REDOC_POLICY)(SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html")),
        name="redoc",
    ),
    path("tokens/", views.tokens, name="tokens"),
]
