# Two commands for a fresh machine: `make serve` and `make test`. Each step below is a stamp file
# target, so a second run reuses what the first installed and starts in seconds.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
# pyodide-build runs on Python 3.12 only (Pyodide 0.27.7 is Python 3.12), in its own venv; the
# site and the PyTorch oracle stay on $(PYTHON). Found on PATH or in pyenv unless given.
PYTHON312 ?= $(shell for p in python3.12 $$(pyenv root 2>/dev/null)/versions/3.12*/bin/python3.12; do \
  $$p -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null && { echo $$p; break; }; done)
TOOLS  := .venv-pyodide
export NO_MKDOCS_2_WARNING := 1
# Python may keep the bytecode of the project's own modules (in __pycache__, ignored by git): a
# machine that forbids it makes every test worker and every site build compile them again, 2.5 s
# of each worker's start in assertion rewriting alone.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve build test test-fast runtime deps test-deps chromium clean

serve: deps runtime
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --watch overrides --watch macros --watch microtorch --watch gradlab_runner

build: deps runtime
	$(BIN)/mkdocs build --strict

# Two workers, handed one test file at a time: a file's tests keep their order and share its
# fixtures (one warmed page for a file of browser tests), and both workers stay busy to the end.
# xdist's default first sends each worker an eighth of the suite, which put every browser test
# on one worker (docs/how-it-is-built.md has the timings).
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadscope

test: deps test-deps runtime chromium
	$(PYTEST)

# The edit loop: everything but the browser tests (no Chromium needed).
test-fast: deps test-deps runtime
	$(PYTEST) -m "not browser"

deps: $(VENV)/.site-deps node_modules/.installed $(TOOLS)/.installed

runtime: deps
	$(BIN)/python scripts/vendor_pyodide.py

$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The microtorch wheel's tools (scripts/hooks/runtime.py): `pyodide py-compile` and
# `pyodide lockfile add-wheels`.
$(TOOLS)/.installed: requirements-pyodide.txt
	@test -n "$(PYTHON312)" || { echo "The site build needs Python 3.12 for pyodide-build, and none was found"; \
	  echo "(tried python3.12 and pyenv). Install it, or run make PYTHON312=/path/to/python3.12."; exit 1; }
	test -x $(TOOLS)/bin/python || $(PYTHON312) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-pyodide.txt
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
	rm -rf site $(VENV) $(TOOLS) node_modules
