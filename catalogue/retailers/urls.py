"""Retailer workspace URLs."""

from django.urls import path

from catalogue.digests import views as digest_views
from catalogue.printjobs import views as job_views

from . import views as retailer_views

app_name = "retailer"

urlpatterns = [
    path("", retailer_views.index, name="index"),
    path("<slug:slug>/", retailer_views.assortment, name="assortment"),
    path("<slug:slug>/add/", retailer_views.add, name="add"),
    path("<slug:slug>/items/<int:pk>/remove/", retailer_views.remove, name="remove"),
    path("<slug:slug>/items/<int:pk>/price/", retailer_views.shelf_price, name="shelf-price"),
    path("<slug:slug>/print/", retailer_views.print_assortment, name="print"),
    path("<slug:slug>/jobs/<int:pk>/", job_views.job_detail, name="job"),
    path("<slug:slug>/jobs/<int:pk>/status.json", job_views.job_status, name="job-status"),
    path("<slug:slug>/jobs/<int:pk>/pdf/", job_views.job_pdf, name="job-pdf"),
    path("<slug:slug>/reprint-digest/", digest_views.send_now, name="send-reprint-digest"),
]
