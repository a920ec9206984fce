# Two commands for a fresh machine: `make serve` and `make test`. Each step below is a stamp file
# target, so a second run reuses what the first installed and starts in seconds.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast runtime deps test-deps chromium clean

serve: deps runtime
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --watch overrides --watch macros --watch microtorch

build: deps runtime
	$(BIN)/mkdocs build --strict

test: deps test-deps runtime chromium
	$(BIN)/python -m pytest

# The edit loop: everything but the browser tests (no Chromium needed).
test-fast: deps test-deps runtime
	$(BIN)/python -m pytest -m "not browser"

deps: $(VENV)/.site-deps node_modules/.installed

runtime: deps
	$(BIN)/python scripts/vendor_pyodide.py

$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

test-deps: $(VENV)/.test-deps
$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt requirements-oracle.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-oracle.txt \
	  || echo "note: PyTorch could not be installed; microtorch is compared against the stored golden outputs only."
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium drives the browser tests (never `playwright install`, which downloads a browser).
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation; \
	  else echo "Browser tests need Debian's chromium: run 'sudo apt-get install chromium fonts-liberation'"; exit 1; fi; }

clean:
	rm -rf site $(VENV) node_modules
