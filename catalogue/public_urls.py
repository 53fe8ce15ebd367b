"""Public URLs of the published catalogue."""

from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("makers/<slug:slug>/", views.maker_detail, name="maker-detail"),
]
