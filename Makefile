# Two commands from a fresh clone: `make run` and `make test`. Everything else is here too.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
PORT   ?= 8000
# Every command sees PORT: the dev settings build the links in mails, .ics and the PDF on
# http://127.0.0.1:$(PORT) (config/settings/dev.py), and migrate syncs the Site to it.
export PORT
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint ci bench setup assets messages content demo serve worker clean

## run: set everything up, load content and demo data, serve on http://127.0.0.1:$(PORT)
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content --only-missing
	$(MANAGE) load_actionplan
	$(MANAGE) load_actionplan_demo
	$(MANAGE) load_events
	$(MANAGE) load_events_demo
	$(MANAGE) load_practices
	$(MANAGE) load_practices_demo
	$(MANAGE) load_news
	$(MANAGE) load_news_demo
	$(MANAGE) load_governance
	$(MANAGE) load_governance_demo
	$(MANAGE) load_newsletter
	$(MANAGE) load_newsletter_demo
	$(MANAGE) load_surveys
	$(MANAGE) load_surveys_demo
	# load_demo last: it prints the demo logins just before the server starts.
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## test: set up and run the whole suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)
test: setup
	$(BIN)/python -m pytest

## lint: ruff, formatting, mypy, the app layers (.importlinter), and no missing migrations
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy sterk config
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

ci: lint test

## bench: benchmarks under bench/ (figures, not pass/fail)
bench: setup
	$(BIN)/python -m bench

setup: $(STAMPS)/venv assets messages

$(STAMPS)/venv: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	mkdir -p $(STAMPS) && touch $@

assets: sterk/core/static/vendor/htmx.min.js

# node_modules holds htmx (copied into static) and axe-core (read by the browser tests):
# reinstalled when it is missing or the lock file changed.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

sterk/core/static/vendor/htmx.min.js: node_modules/.package-lock.json
	mkdir -p sterk/core/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

# Compiled catalogues are not committed; msgfmt (Debian gettext) builds them in a second.
messages: $(STAMPS)/venv
	$(MANAGE) compilemessages --ignore='.venv/*' --ignore='node_modules/*' -v 0

content: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content --only-missing
	$(MANAGE) load_actionplan
	$(MANAGE) load_events
	$(MANAGE) load_practices
	$(MANAGE) load_news
	$(MANAGE) load_governance
	$(MANAGE) load_newsletter
	$(MANAGE) load_surveys

worker: setup
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) $(STAMPS) node_modules sterk/core/static/vendor var staticfiles
