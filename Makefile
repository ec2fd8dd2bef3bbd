# chancen.nrw – the verbs a newcomer needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve prepare test test-postgres fuzz lint format messages clean

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

# Parallel with pytest-xdist, one worker per core (WORKERS=0 runs in one process); each worker
# has its own test database (test_<name>_gw0, …) with the seed loaded once.
WORKERS ?= auto
test: install ## Run the whole test suite (SQLite; PostgreSQL when DATABASE_URL is set)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules
	$(BIN)/pytest -n $(WORKERS)

MINUTES ?= 20
EXAMPLES ?= 100
fuzz: install ## Fuzz the API with random seeds for MINUTES (20); SEED=… repeats a round, GROUP=… picks tests
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules
	$(BIN)/python tests/fuzz.py --minutes $(MINUTES) --examples $(EXAMPLES) \
		$(if $(SEED),--seed $(SEED)) $(if $(GROUP),-k $(GROUP))

lint: install ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the UI translation catalogues (site/locale) from code and templates
	$(MANAGE) makemessages --locale=en --ignore=.venv --ignore=tests --no-obsolete

clean: ## Remove the virtualenv, the local database and media
	rm -rf $(VENV) db.sqlite3 media static
