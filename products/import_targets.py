"""Which stored product an import row updates: the maker's own, by passport code or else by GTIN."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .identifiers import normalise_gtin, normalise_passport_code
from .import_columns import IDENTITY_COLUMN
from .import_errors import RowError, row_error
from .models import MakerOrganisation, Product


class ImportTargets:
    """The maker's stored products that rows name by passport code or GTIN (two queries for the whole file).

    Only the maker's own products are looked up, so a code of another organisation is "not yours", never found,
    and nothing tells whether it exists elsewhere.
    """

    def __init__(self, rows: list[tuple[int, dict]], maker: MakerOrganisation):
        self.maker = maker
        codes = {code for _number, row in rows if (code := normalised_code(row))}
        gtins = {gtin for _number, row in rows if not code_text(row) and (gtin := normalised_gtin(row))}
        products = Product.objects.filter(maker=maker).select_related("category")
        self.by_code = {product.passport_code: product for product in products.filter(passport_code__in=codes)}
        self.by_gtin = {product.gtin: product for product in products.filter(gtin__in=gtins)} if gtins else {}
        self.claimed: dict[int, int] = {}  # product pk → the row that updates it

    def find(self, number: int, row: dict, label) -> tuple[Product | None, list[RowError]]:
        """The product the row updates (None: a new product), or the row's error about its identity."""
        text = code_text(row)
        if text:
            try:
                code = normalise_passport_code(text)
            except ValidationError as error:
                return None, [row_error(number, label, IDENTITY_COLUMN, message) for message in error.messages]
            product = self.by_code.get(code)
            if product is None:
                message = _("No product of %(maker)s has the passport code %(code)s.") % {
                    "maker": self.maker.name,
                    "code": text,
                }
                return None, [row_error(number, label, IDENTITY_COLUMN, message)]
        else:
            product = self.by_gtin.get(normalised_gtin(row))
            if product is None:
                return None, []
        if product.pk in self.claimed:
            message = _("Row %(row)d updates the same product.") % {"row": self.claimed[product.pk]}
            return None, [row_error(number, label, IDENTITY_COLUMN if text else "gtin", message)]
        self.claimed[product.pk] = number
        return product, []


def code_text(row: dict) -> str:
    return str(row.get(IDENTITY_COLUMN) or "").strip()


def normalised_code(row: dict) -> str | None:
    try:
        return normalise_passport_code(code_text(row)) if code_text(row) else None
    except ValidationError:
        return None


def normalised_gtin(row: dict) -> str | None:
    raw = row.get("gtin")
    if not raw or not str(raw).strip():
        return None
    try:
        return normalise_gtin(str(raw))
    except ValidationError:
        return None
