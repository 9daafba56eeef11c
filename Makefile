# STS Learn. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
VARNISH_PORT ?= 8080
CHROMIUM ?= /usr/bin/chromium
STAMP := $(VENV)/.installed
# `make run` serves as production does, on this machine: sts_learn/settings/local.py.
LOCAL := DJANGO_SETTINGS_MODULE=sts_learn.settings.local
DEV := DJANGO_SETTINGS_MODULE=sts_learn.settings.dev

.DEFAULT_GOAL := help
.PHONY: help install migrate static demo run dev serve-varnish test test-fast lint check-deploy \
	bench bench-search bench-lighthouse clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install everything

migrate: $(STAMP) ## Apply database migrations
	$(LOCAL) $(BIN)/python manage.py migrate --noinput

static: $(STAMP) ## Collect the static files (hashed and compressed, as in production)
	$(LOCAL) $(BIN)/python manage.py collectstatic --noinput --verbosity 0

demo: migrate static ## Load the consortium's pages, demo courses and demo accounts (only what is missing)
	$(LOCAL) $(BIN)/python manage.py load_demo_content

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000 (PORT=) as production does
	@echo ""
	@echo "  STS Learn: http://127.0.0.1:$(PORT)/   (gunicorn, DEBUG off; Ctrl-C stops it)"
	@echo "  Sign in:   http://127.0.0.1:$(PORT)/admin/  (demo accounts: admin, editor, reviewer,"
	@echo "             publisher; trainer and hr sign in at /sign-in/; password from DEMO_PASSWORD, or the one printed above on first load)"
	@echo ""
	$(LOCAL) GUNICORN_BIND=127.0.0.1:$(PORT) WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} \
		$(BIN)/gunicorn -c deploy/gunicorn.conf.py sts_learn.wsgi

dev: $(STAMP) ## For developers: Django's runserver with DEBUG and autoreload on http://127.0.0.1:8000
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo_content
	$(DEV) WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve-varnish: demo ## The production recipe: Varnish on :8080 (VARNISH_PORT=) in front of gunicorn (installs varnish)
	PORT=$(VARNISH_PORT) BIN=$(BIN) WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(VARNISH_PORT)} \
		deploy/serve-with-varnish.sh

test: $(STAMP) ## Run the whole suite on a fresh test database (browser tests where Chromium is present)
	@test -x $(CHROMIUM) || echo "NOTE: Chromium not found at $(CHROMIUM): the browser (axe) tests will be SKIPPED. Install it with: apt-get install chromium"
	$(BIN)/python -m pytest --create-db

test-fast: $(STAMP) ## The suite again on the kept test database (--reuse-db); after new migrations use `make test`
	$(BIN)/python -m pytest --reuse-db

lint: $(STAMP) ## ruff, and models against migrations
	$(BIN)/python -m ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: $(STAMP) ## Django's deployment checks under production settings
	DJANGO_SETTINGS_MODULE=sts_learn.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(date +%s)-a7f9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-sts.example.org} \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

bench: $(STAMP) ## Print page and kit-download figures (benchmarks/; needs wrk and varnish)
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/kits.py

SCALE_DB ?= sqlite:////tmp/sts-scale-0.1.sqlite3
bench-search: $(STAMP) ## Seed a 1/10-size site (SCALE_DB=, SQLite in /tmp) and time search and the library
	$(BIN)/python benchmarks/seed_scale.py --database-url $(SCALE_DB) --scale 0.1 --reset
	$(BIN)/python benchmarks/search.py --database-url $(SCALE_DB)

bench-lighthouse: $(STAMP) ## Lighthouse scores and bytes of the home, a course and a module page (npm, chromium)
	$(BIN)/python benchmarks/lighthouse.py

clean: ## Remove the virtual environment, the SQLite databases, local media and the local secret key
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm .test-db.sqlite3* media static_collected .secret-key
