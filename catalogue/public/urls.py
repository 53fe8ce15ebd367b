"""Public URLs of the published catalogue: pages, the resolver and passport PDFs, in the "catalogue" namespace."""

from django.urls import path

from catalogue.legal import views as legal_views
from catalogue.passports.urls import public_urlpatterns as passport_pdf_urlpatterns
from catalogue.repair import views as repair_views
from catalogue.resolver.urls import urlpatterns as resolver_urlpatterns

from . import changes, compare_selection, pages, views

app_name = "catalogue"

urlpatterns = [
    path("lookup/", views.lookup_view, name="lookup"),
    path("p/<str:code>", views.passport_view, name="passport"),
    path("p/<str:code>/v/<int:number>", views.passport_version_view, name="passport-version"),
    path("products/", views.browse, name="browse"),
    path("p/<str:code>/v/<int:number>/changes", changes.passport_changes_view, name="passport-changes"),
    path("products/compare/", views.compare, name="compare"),
    path("products/compare/add", compare_selection.add, name="compare-add"),
    path("products/compare/remove", compare_selection.remove, name="compare-remove"),
    path("products/compare/clear", compare_selection.clear, name="compare-clear"),
    path("makers/", views.maker_list, name="maker-list"),
    path("makers/<slug:slug>/", views.maker_detail, name="maker-detail"),
    path("methodology/", pages.methodology, name="methodology"),
    path("repair/", repair_views.repair_finder, name="repair-finder"),
    # German paths in both languages: the language follows the visitor's choice, not the address.
    path("impressum/", legal_views.legal_page, {"slug": "impressum"}, name="impressum"),
    path("datenschutz/", legal_views.legal_page, {"slug": "datenschutz"}, name="privacy"),
    path("barrierefreiheit/", legal_views.legal_page, {"slug": "barrierefreiheit"}, name="accessibility"),
    *resolver_urlpatterns,
    *passport_pdf_urlpatterns,
]
