"""Runs every benchmark module in bench/ and prints, then stores, their figures.

Each ``bench/bench_*.py`` module defines ``run() -> list[dict]``; every dict has at least
``name``, ``value``, ``unit`` and optionally ``baseline``, ``ratio`` and ``target``.
Usage: ``make bench`` or ``python bench/run.py [name-fragment …]``.
"""

import importlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalogue.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def main(argv: list[str]) -> int:
    selected = argv[1:]
    modules = sorted(path.stem for path in (ROOT / "bench").glob("bench_*.py"))
    if selected:
        modules = [name for name in modules if any(fragment in name for fragment in selected)]
    results = []
    for name in modules:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        print(f"== {name}", flush=True)
        for row in module.run():
            row["benchmark"] = name
            results.append(row)
            extra = ""
            if row.get("ratio") is not None:
                extra += f"  ratio {row['ratio']:.2f}"
            if row.get("target"):
                extra += f"  (target {row['target']})"
            print(f"   {row['name']:<58} {row['value']:>12.2f} {row['unit']:<10}{extra}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    out = ROOT / "bench" / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
