# STS Learn. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run migrate demo test test-fast lint check-deploy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install everything

migrate: $(STAMP) ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Load the consortium's pages and demo accounts (only what is missing)
	$(BIN)/python manage.py load_demo_content

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:$(PORT)
	@echo ""
	@echo "  STS Learn: http://127.0.0.1:$(PORT)/"
	@echo "  Sign in:   http://127.0.0.1:$(PORT)/admin/  (demo accounts: admin, editor, moderator,"
	@echo "             trainer, hr; password from DEMO_PASSWORD, or the one printed above on first load)"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP) ## Run the whole suite (browser tests where Chromium is present)
	@test -x $(CHROMIUM) || echo "NOTE: Chromium not found at $(CHROMIUM): the browser (axe) tests will be SKIPPED. Install it with: apt-get install chromium"
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff, and models against migrations
	$(BIN)/python -m ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: $(STAMP) ## Django's deployment checks under production settings
	DJANGO_SETTINGS_MODULE=sts_learn.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(date +%s)-a7f9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-sts.example.org} \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtual environment, the SQLite database and local media
	rm -rf $(VENV) db.sqlite3 media static_collected
