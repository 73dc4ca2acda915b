# The two commands: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the suite.
# Both create the virtualenv on first use. DATABASE_URL selects the database (SQLite file by default).

PYTHON ?= python3
VENV ?= .venv
BIN ?= $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-fast test-slow lint format install install-dev clean loadtest bench scale-compare

run: install serve

# Prepare the database and serve with gunicorn; the Dockerfile runs this same target.
serve:
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT)

# 60 s of a realistic mix of reads (wrk, 32 connections) while import_ll2 writes, all on 127.0.0.1;
# prints throughput, p99 and errors. DATABASE_URL selects the database (an SQLite file of its own by
# default). Installs wrk with apt-get where it can.
loadtest: install-dev
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install --yes --no-install-recommends wrk >/dev/null; } \
		|| { echo "make loadtest needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/python -m loadtest.run

# `make test` is the whole suite, in two runs of pytest: `make test-fast`, the tests not marked slow, on
# TEST_WORKERS processes (pytest-xdist; each has a test database and a Redis database of its own), then
# `make test-slow`, the slow suites (servers, clusters, browsers of their own) one at a time, in one
# process. PYTEST_ARGS is added to each run: `make test-fast PYTEST_ARGS=tests/agencies` narrows it,
# TEST_WORKERS=0 runs the tests in pytest's own process. A run that selects no test fails (pytest's 5).
# The browser tests (tests/browser/) need Debian's chromium and chromium-driver; without them they skip.
TEST_WORKERS ?= 2

test: test-fast test-slow

# Tests are handed out one by one (--dist load): schemathesis' cases (tests/spacedevs/test_schemathesis.py)
# share one node id, and xdist's schedulers by file or group would run only one of them.
test-fast: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -m "not slow" -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

test-slow: install-dev
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
		|| echo "No Chromium: the browser tests are skipped (apt-get install chromium chromium-driver runs them)."
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

# The twin of .pre-commit-config.yaml, which runs it before each commit.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Speed (README "Speed"): the demo plus 10,000 synthetic flights in a PostgreSQL database of its own, and
# ../shared/bench/perf-ratio on issue 9's paths; and the slow 10,000 against 1,000,000 flights comparison.
bench: install
	scripts/bench

scale-compare: install
	scripts/scale-compare

install: $(VENV)/.installed-runtime
install-dev: $(VENV)/.installed-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

clean:
	rm -rf $(VENV) staticfiles
