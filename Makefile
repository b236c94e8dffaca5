# reviewsite: every command a partnership needs. `make site` and `make test` do their own set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RS     := $(BIN)/reviewsite
# Never let a library reach for the network at run time (tldextract, pulled in by presidio).
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=

.PHONY: install site check build serve status test bench eval clean lock

install: $(STAMP)

# Re-installs only when the lock file or the project's metadata changed.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Check the content, then build site/ (atomically: a failed build leaves site/ as it was).
site: install
	$(RS) check --exit-zero
	$(RS) build

check: install
	$(RS) check

build: install
	$(RS) build

serve: install
	$(RS) serve

status: install
	$(RS) status

test: install
	$(BIN)/python -m pytest -q -rfE

bench: install
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

eval: install
	$(RS) eval

# Regenerate requirements.lock from pyproject.toml in a throw-away environment.
lock:
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[test]" setuptools wheel
	.cache/lock-venv/bin/python -m pip freeze --all --exclude reviewsite --exclude pip > requirements.lock
	rm -rf .cache/lock-venv

clean:
	rm -rf build site site.* dist .cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
