# The two commands: `make serve` (or `make build`) and `make test`. Everything else is set-up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium

.PHONY: install check build serve test lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

check: install
	$(VENV)/bin/garden check notes

build: install
	$(PY) build.py

serve: install
	$(VENV)/bin/garden check notes || true
	$(VENV)/bin/garden serve

# Browser tests drive Debian's Chromium through Playwright (its own browser download can't work here).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Browser tests need Chromium: sudo apt-get install chromium"; exit 1; \
	  fi; \
	fi

test: install browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf site .pytest_cache

# Speed against plain MkDocs at 100, 1,000 and 5,000 notes; writes benchmarks/RESULTS.md.
# BENCH_ARGS="--sizes 100,1000 --repeats 1" for a quick look.
.PHONY: bench
bench: install
	$(PY) -m benchmarks.run --write $(BENCH_ARGS)
