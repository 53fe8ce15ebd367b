"""App configuration of products."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Products")

    def ready(self):
        from .product_parts import register_parts  # the parts name models, which are ready only now

        register_parts()
