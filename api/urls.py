"""API URLs: version 1 under /api/v1/, the OpenAPI schema, its offline docs and the token page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views
from .export import CsvExportView, JsonLdExportView
from .import_jobs import ImportJobViewSet
from .lookup import LookupView
from .passports import PassportViewSet
from .retailers import RetailerViewSet

app_name = "api"

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
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("tokens/", views.tokens, name="tokens"),
]
