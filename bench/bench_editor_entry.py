"""Entering the demo's most complete product in the workspace editor, in headless Chromium: page loads and saves.

Runs the browser walk of tests/products/test_editor_browser.py (a live server on a throwaway test database,
Debian's /usr/bin/chromium through Playwright) in a pytest subprocess; the walk writes its counts to the file
named by $BENCH_EDITOR_COUNTS. The product is the demo's "Kochmesser Merscheider Klassik" (3 variants,
3 materials, 3 components, 8 supply-chain steps, 3 tests, a spare part, 2 repair services, every section).

- Saves: POSTs of the editor form until the product is stored. Baseline: 8 round trips before issue 13 (one blank
  row per list, "Save and continue" for each more row). Target: at most 2.
- Page loads: documents the browser loaded from opening the empty form to the saved product's page.
- Fields: the fields the walk typed or chose (the issue counted 104 for a complete product).

Run alone: ``python bench/run.py editor``.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = (
    "tests/products/test_editor_browser.py::"
    "test_the_demo_product_is_entered_in_one_page_then_published_duplicated_and_the_copy_deleted"
)
BASELINE_SAVES = 8
BASELINE_FIELDS = 104


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as directory:
        counts_file = Path(directory) / "counts.json"
        env = {**os.environ, "BENCH_EDITOR_COUNTS": str(counts_file)}
        env.pop("DJANGO_SETTINGS_MODULE", None)  # pytest's own test settings (pyproject.toml)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", TEST, "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - started
        counts = json.loads(counts_file.read_text())
    return [
        {
            "name": "editor: saves to store the complete product",
            "value": counts["saves"],
            "unit": "saves",
            "baseline": BASELINE_SAVES,
            "ratio": counts["saves"] / BASELINE_SAVES,
            "target": "<= 2",
        },
        {"name": "editor: page loads, empty form to saved product", "value": counts["loads"], "unit": "loads"},
        {
            "name": "editor: fields typed or chosen",
            "value": counts["fields"],
            "unit": "fields",
            "baseline": BASELINE_FIELDS,
        },
        {
            "name": "editor: whole walk (enter, publish, duplicate, delete copy)",
            "value": elapsed,
            "unit": "s",
        },
    ]
