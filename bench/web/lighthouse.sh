#!/usr/bin/env bash
# Lighthouse scores of the public pages (issue 16): home, passport, browse, compare and maker, on a phone and a
# desktop, against a running server (`make run`, or BASE_URL). Prints one line per page and form factor and
# exits 1 when any category scores below 95. Lighthouse comes from npm (pinned in the Makefile) and runs
# Debian's Chromium; no browser is downloaded.
set -euo pipefail
BASE_URL="${BASE_URL:-http://127.0.0.1:8000}"
LIGHTHOUSE="${LIGHTHOUSE:-.venv/lighthouse/node_modules/.bin/lighthouse}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
# Two passports and a maker of the catalogue behind BASE_URL, from its own API.
read -r FIRST SECOND MAKER < <(curl -fsS "$BASE_URL/api/v1/passports/?page_size=2" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["passport_code"], r[1]["passport_code"], r[0]["maker"]["slug"])')
declare -A PAGES=(
  [home]="/" [passport]="/p/$FIRST" [browse]="/products/"
  [compare]="/products/compare/?p=$FIRST&p=$SECOND" [maker]="/makers/$MAKER/"
)
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
failed=0
for page in home passport browse compare maker; do
  for form in mobile desktop; do
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    report="$OUT/$page-$form.json"
    # A trace occasionally fails to record (NO_NAVSTART); one more try then.
    for _try in 1 2; do
      CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "$LIGHTHOUSE" "$BASE_URL${PAGES[$page]}" "${preset[@]}" --quiet \
        --output=json --output-path="$report" --chrome-flags="$FLAGS" >/dev/null 2>&1 || true
      python3 -c 'import json,sys; sys.exit(0 if not json.load(open(sys.argv[1])).get("runtimeError") else 1)' "$report" && break
    done
    python3 - "$report" "$page" "$form" <<'PY' || failed=1
import json, sys
report, page, form = sys.argv[1:]
scores = {key: round((value["score"] or 0) * 100) for key, value in json.load(open(report))["categories"].items()}
print(f"{page:9} {form:8}", "  ".join(f"{key}={score}" for key, score in scores.items()))
sys.exit(0 if min(scores.values()) >= 95 else 1)
PY
  done
done
exit $failed
