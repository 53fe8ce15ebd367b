"""Which rows of the side-by-side comparison differ between the products, so that the page can mark them."""


def _comparable(cell) -> str:
    return repr(cell)


def mark_differences(rows: list[dict]) -> list[dict]:
    """Each row with ``differs``: True when not every product has the same value in it."""
    return [{**row, "differs": len({_comparable(cell) for cell in row["cells"]}) > 1} for row in rows]
