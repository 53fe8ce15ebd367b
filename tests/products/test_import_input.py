"""Hostile JSON for the bulk import: deep nesting and huge integers are refused as file errors, never a crash."""

import pytest
from django.core.management import CommandError, call_command

from products.importing import ImportFileError, read_rows
from products.models import Product
from tests.factories import CategoryFactory

DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000  # beyond Python's recursion limit: json raises RecursionError
HUGE_NUMBER = b'[{"name": "Messer", "category": "chefs-knives", "mass_g": ' + b"9" * 5000 + b"}]"


def nested_value(levels: int) -> bytes:
    """One valid product whose name is a list nested ``levels`` deep: parseable, but far deeper than any product."""
    return b'[{"category": "chefs-knives", "name": ' + b"[" * levels + b"]" * levels + b"}]"


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


class TestReading:
    def test_nesting_beyond_the_recursion_limit_is_a_file_error(self):
        with pytest.raises(ImportFileError, match=r"nested too deeply.*at most 8 levels"):
            read_rows(DEEP_ARRAY, "products.json")

    def test_nesting_that_json_reads_but_no_product_has_is_a_file_error(self):
        with pytest.raises(ImportFileError, match=r"nested too deeply.*at most 8 levels"):
            read_rows(nested_value(900), "products.json")

    def test_eight_levels_are_read_and_nine_are_refused(self):
        # A product file needs five: {"products": [{"materials": [{…}]}]}; the limit leaves room, no more.
        rows, _label = read_rows(nested_value(6), "products.json")  # list, product, six lists: eight levels
        assert rows == [(1, {"category": "chefs-knives", "name": [[[[[[]]]]]]})]
        with pytest.raises(ImportFileError, match=r"nested too deeply.*at most 8 levels"):
            read_rows(nested_value(7), "products.json")

    def test_an_integer_beyond_pythons_digit_limit_names_its_place(self):
        with pytest.raises(ImportFileError, match=r"more than 4300 digits \(line 1, column 59\)"):
            read_rows(HUGE_NUMBER, "products.json")

    def test_a_long_number_on_a_later_line_names_that_line(self):
        content = b'[\n  {"name": "Messer",\n   "price_eur": 1' + b"0" * 4400 + b', "category": "chefs-knives"}]'
        with pytest.raises(ImportFileError, match=r"line 3, column 17"):
            read_rows(content, "products.json")


class TestNothingIsSaved:
    @pytest.mark.parametrize("content", [DEEP_ARRAY, HUGE_NUMBER, nested_value(900)], ids=["deep", "huge", "nested"])
    def test_the_command_exits_with_the_message(self, content, maker, category, tmp_path):
        path = tmp_path / "products.json"
        path.write_bytes(content)
        with pytest.raises(CommandError, match=r"products\.json: The file (is nested too deeply|has a number)"):
            call_command("import_products", str(path), "--maker", maker.slug, verbosity=0)
        assert not Product.objects.exists()
