"""What a retailer last printed of a product in each format (shelf, detailed, labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemPrint(models.Model):
    """The newest version of a product a retailer printed in one format; printing that format replaces it.

    Kept per retailer and product (not per assortment item), so that what is on the shelf survives removing
    an item and adding it again, as the print history does."""

    retailer = models.ForeignKey(
        "catalogue.RetailerOrganisation",
        on_delete=models.CASCADE,
        related_name="item_prints",
        verbose_name=_("retailer"),
    )
    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="item_prints", verbose_name=_("product")
    )
    format = models.CharField(_("format"), max_length=10)
    version = models.ForeignKey(
        "catalogue.PassportVersion", on_delete=models.PROTECT, related_name="item_prints", verbose_name=_("version")
    )
    # A withdrawal after printing makes the printed sheet out of date although no newer version exists.
    withdrawn = models.BooleanField(_("printed as withdrawn"), default=False)
    printed_at = models.DateTimeField(_("printed at"))
    job = models.ForeignKey(
        "catalogue.PrintJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="item_prints",
        verbose_name=_("print job"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["retailer", "product", "format"], name="one_item_print_per_format")
        ]
        verbose_name = _("printed format")
        verbose_name_plural = _("printed formats")

    def __str__(self):
        return f"{self.retailer_id}/{self.product_id} {self.format}: {self.version_id}"
