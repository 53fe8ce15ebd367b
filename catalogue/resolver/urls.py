"""GS1 Digital Link resolver URLs; included by catalogue.public.urls into the "catalogue" namespace."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    re_path(r"^01/(?P<path>.+)$", views.resolve, name="resolver"),
    path(".well-known/gs1resolver", views.well_known, name="resolver-description"),
]
