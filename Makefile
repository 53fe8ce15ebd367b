# Gläserne Werkstatt: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The Nu HTML Checker for tests/catalogue/public/test_html_validity.py (npm package vnu-jar; runs on Java).
VNU_VERSION := 26.9.27
VNU_STAMP := $(VENV)/node/.vnu-jar-$(VNU_VERSION)
# The barcode decoder for the camera scan on the lookup page where the browser has no BarcodeDetector (npm package
# zxing-wasm), copied into the git-ignored static/vendor/ so that it is served like the site's own files.
ZXING_VERSION := 3.1.6
ZXING_NODE := $(VENV)/node-zxing-wasm
ZXING_STAMP := static/vendor/zxing-wasm/.version-$(ZXING_VERSION)
HOST ?= 127.0.0.1
PORT ?= 8000

LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_STAMP := $(VENV)/lighthouse/.lighthouse-$(LIGHTHOUSE_VERSION)

.PHONY: run test test-postgres bench bench-scale lighthouse lint format messages import-template check-deploy clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

$(VNU_STAMP): $(STAMP)
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-save --no-audit --no-fund --loglevel=error --prefix $(VENV)/node vnu-jar@$(VNU_VERSION) && touch $(VNU_STAMP); \
	else echo "!! npm is missing: the HTML validity test will be skipped"; fi

# A prefix of its own: npm would prune vnu-jar from a shared one, since neither is in a package.json.
$(ZXING_STAMP):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-save --no-audit --no-fund --loglevel=error --prefix $(ZXING_NODE) zxing-wasm@$(ZXING_VERSION) && \
	  rm -rf static/vendor/zxing-wasm && mkdir -p static/vendor/zxing-wasm && \
	  cp $(ZXING_NODE)/node_modules/zxing-wasm/dist/iife/reader/index.js static/vendor/zxing-wasm/zxing-reader.js && \
	  cp $(ZXING_NODE)/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm static/vendor/zxing-wasm/ && \
	  cp $(ZXING_NODE)/node_modules/zxing-wasm/LICENSE static/vendor/zxing-wasm/ && touch $(ZXING_STAMP); \
	else echo "!! npm is missing: camera scanning works only in browsers with a BarcodeDetector"; fi

# The background worker (manage.py db_worker) runs beside the web server. It reloads on code changes like
# the server, and is started again if it fails (say, on a half-saved file); when the server stops (Ctrl-C
# included), the shell's exit trap stops the worker too.
run: $(STAMP) $(ZXING_STAMP)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py rotate_signing_key --if-missing
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py load_demo || echo "!! The demo was not loaded (see above); serving the data that is there."
	@test -n "$$EMAIL_HOST" || echo "== No EMAIL_HOST is set: mails (invitations, password resets) are printed by the background worker below."
	@export DJANGO_DEBUG=$${DJANGO_DEBUG:-1}; \
	( trap 'kill $$pid 2>/dev/null; exit 0' TERM; \
	  while :; do \
	    $(BIN)/python manage.py db_worker & pid=$$!; wait $$pid && break; \
	    echo "!! The background worker stopped with an error; starting it again in 5 s."; sleep 5 & wait $$!; \
	  done ) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	echo "Background worker running (manage.py db_worker, pid $$worker); Ctrl-C stops it and the server."; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) $(VNU_STAMP) $(ZXING_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite against the local PostgreSQL server (override DATABASE_URL to point elsewhere).
test-postgres: $(STAMP) $(VNU_STAMP) $(ZXING_STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/glaeserne_werkstatt} $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

# One million published passports on the local PostgreSQL server, built with COPY and measured (bench/scale.py,
# docs/performance.md); outside `make bench`. SCALE_COUNT=20000 make bench-scale is a quick check.
bench-scale: $(STAMP)
	SCALE_COUNT=$${SCALE_COUNT:-1000000} $(BIN)/python bench/scale.py

$(LIGHTHOUSE_STAMP):
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix $(VENV)/lighthouse lighthouse@$(LIGHTHOUSE_VERSION) && touch $(LIGHTHOUSE_STAMP)

# Lighthouse scores of the public pages against a running server (`make run` in another terminal, or BASE_URL=...).
lighthouse: $(LIGHTHOUSE_STAMP)
	bench/web/lighthouse.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the German catalogue after changing strings (needs GNU gettext), then compile it.
messages: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l de --no-location --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles --ignore=media
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

# The XLSX import template from the column registry (tests/products/test_spreadsheets.py fails when it is stale).
import-template: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py write_import_template

# As a production build does it: collect the static files (the manifest the start-up check wants), then check.
check-deploy: $(STAMP) $(ZXING_STAMP)
	export DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=example.org EMAIL_HOST=$${EMAIL_HOST:-smtp.example.org} \
	  DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  PASSPORT_SIGNING_KEY_FILE=$${PASSPORT_SIGNING_KEY_FILE:-$$(mktemp -d)/passport-signing-keys.json} && \
	$(BIN)/python manage.py rotate_signing_key --if-missing && \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
