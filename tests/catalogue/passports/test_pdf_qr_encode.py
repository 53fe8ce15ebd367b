"""The fast mask choice of pdf/qr_encode.py gives exactly segno's symbol, at every level and symbol size."""

import random

import pytest
import segno

from catalogue.passports.pdf.qr import qr_matrix
from catalogue.passports.pdf.qr_encode import encode

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _addresses() -> list[str]:
    generator = random.Random(17)
    addresses = [f"https://glaeserne-werkstatt.example.org/01/0400{index:09d}{index % 10}" for index in range(40)]
    addresses += [
        "https://example.org/p/" + "".join(generator.choice(CROCKFORD) for _ in range(generator.randint(1, 300)))
        for _ in range(50)
    ]
    addresses += [
        "HTTPS://EXAMPLE.ORG/01/04006381333931",  # alphanumeric mode
        "04006381333931",  # numeric mode
        "https://example.org/" + "x" * 180,  # long runs of one byte
        "https://example.org/p/Größe",  # beyond ASCII
    ]
    return addresses


def _segno(data: str, level: str) -> tuple[tuple[bool, ...], ...]:
    code = segno.make_qr(data, error=level, boost_error=False)
    return tuple(tuple(module == 1 for module in row) for row in code.matrix)


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_symbol_is_segnos_own_choice(level):
    addresses = _addresses()
    sizes = set()
    for data in addresses:
        matrix = encode(data, level)
        assert matrix == _segno(data, level), data
        sizes.add(len(matrix))
    assert len(sizes) >= 8, "the addresses should cover many symbol sizes, versions 7+ (version information) too"
    assert max(sizes) >= 45


def test_every_mask_is_chosen_somewhere():
    masks = {segno.make_qr(data, error="M", boost_error=False).mask for data in _addresses()}
    assert masks == set(range(8)), "the comparison above should exercise each mask, not only mask 0"


def test_the_pdf_path_uses_it():
    data = "https://glaeserne-werkstatt.example.org/01/04006381333931"
    assert qr_matrix(data) == _segno(data, "M")
