"""DPP URLs in the workspace: the log of restricted reads."""

from django.urls import path

from . import views

app_name = "dpp"

urlpatterns = [
    path("workspace/restricted-reads/", views.restricted_reads, name="restricted-reads"),
]
