"""Public URLs of the published catalogue."""

from django.urls import path, re_path

from . import pdf_views, public_views, resolver, views

app_name = "catalogue"

urlpatterns = [
    path("lookup/", public_views.lookup_view, name="lookup"),
    path("p/<str:code>", public_views.passport_view, name="passport"),
    path("p/<str:code>/v/<int:number>", public_views.passport_version_view, name="passport-version"),
    path("products/", public_views.browse, name="browse"),
    path("products/compare/", public_views.compare, name="compare"),
    path("makers/", public_views.maker_list, name="maker-list"),
    path("makers/<slug:slug>/", public_views.maker_detail, name="maker-detail"),
    path("methodology/", views.methodology, name="methodology"),
    re_path(r"^01/(?P<path>.+)$", resolver.resolve, name="resolver"),
    path(".well-known/gs1resolver", resolver.well_known, name="resolver-description"),
    path("p/<str:code>/passport.pdf", pdf_views.passport_pdf, name="passport-pdf"),
    path("p/<str:code>/v/<int:number>/passport.pdf", pdf_views.passport_version_pdf, name="passport-version-pdf"),
    path("passports.pdf", pdf_views.batch_pdf, name="batch-pdf"),
]
