"""Maker workspace URLs."""

from django.urls import path

from . import views

app_name = "products"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
]
