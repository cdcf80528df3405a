# Two commands for a fresh machine:  make serve  (build and serve the site)
#                                    make test   (everything, browser tests included)
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY      := .venv/bin/python
HOST    ?= 127.0.0.1
PORT    ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve preview test typecheck lint build bench deps clean system-deps zensical-check

help:
	@echo "make serve  – installér alt, byg sitet og server det på http://$(HOST):$(PORT)"
	@echo "make test   – installér alt og kør alle tests (også browsertests i Chromium, Firefox og WebKit)"
	@echo "make bench  – mål opstart og svartider i Chromium (og Firefox og WebKit)"
	@echo "make build  – byg sitet til site/"
	@echo "make preview – for redaktører: byg og genindlæs ved hver gemt ændring"
	@echo "make zensical-check – byg med Zensical og vis, hvad der mangler (fejler aldrig)"

# Python deps in a venv, pinned; re-installed when requirements.txt or pyproject.toml changes.
# Then the project itself, editable: `calculators` and `build_scripts` import from anywhere
# (no sys.path edits). --no-build-isolation builds it with the setuptools pinned above.
.venv/.stamp: requirements.txt pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Front-end runtime (Pyodide) and test tools, exactly as in package-lock.json.
node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: .venv/.stamp node_modules/.stamp

# Debian packages for the test suite: Chromium, Firefox ESR and WebKitGTK's WebDriver with a virtual X
# display (never `playwright install`: it cannot download here), nginx with its brotli_static module, and
# Java for the HTML checker.
# Installed only when missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v firefox-esr >/dev/null || missing="$$missing firefox-esr"; \
	command -v WebKitWebDriver >/dev/null || missing="$$missing webkit2gtk-driver"; \
	command -v Xvfb >/dev/null || missing="$$missing xvfb"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	if [ -n "$$missing" ]; then \
	  echo "Installerer Debian-pakker:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# The site generator writes the pages; the post-build step (build_scripts/efterbyg.py) adds the
# calculators wheel, the Pyodide runtime and snapshot, the service worker and, last, the gzip
# copies. It needs nothing from MkDocs: another generator means changing the first line only.
# UDGIVELSE=1 (the Pages workflow): refuse to build while publisher, contact or site_url is unset.
build: deps
	LBF_UDGIVELSE=$(UDGIVELSE) .venv/bin/mkdocs build --strict
	$(PY) -m build_scripts.efterbyg site

serve: build
	@echo "Sitet kører på http://$(HOST):$(PORT)/  (Ctrl+C stopper)"
	$(PY) -m build_scripts.serve --host $(HOST) --port $(PORT) site

# For editors: rebuilds and reloads the page on every saved change. LBF_PREVIEW=1 makes the hook
# build_scripts/hooks/pyodide_assets.py run the post-build step after each rebuild (without gzip
# copies). It skips the Pyodide snapshot (5 s a build; calculators then start the normal, slower
# way) and the <meta> security policy (it would block mkdocs' reload script).
preview: deps
	LBF_PREVIEW=1 LBF_UDEN_SNAPSHOT=1 .venv/bin/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# The browser glue's JSDoc types (TypeScript, pinned in package.json; nothing is emitted).
typecheck: node_modules/.stamp
	node_modules/.bin/tsc --noEmit -p tsconfig.json
	node_modules/.bin/tsc --noEmit -p tsconfig.worker.json

# Python: ruff (rule set chosen in pyproject.toml) and mypy over the package and the build code.
lint: deps
	.venv/bin/ruff check calculators build_scripts tests
	.venv/bin/mypy

test: deps system-deps typecheck lint build
	LBF_SITE_DIR=site $(PY) -m pytest -q

# The snapshot's brotli copy at quality 11 (LBF_BROTLI_STOR; an everyday build uses 9: quality 11 takes
# a few minutes for the 31 MB snapshot, once per calculators change). Against nginx with deploy/nginx.conf.
bench: deps system-deps
	LBF_BROTLI_STOR=11 $(MAKE) --no-print-directory build
	$(PY) -m build_scripts.bench

# Material for MkDocs reaches its end of life in 2027; its successor Zensical reads mkdocs.yml
# but runs no hooks. This builds with the pinned Zensical (in its own venv inside .venv/, so it
# cannot disturb the main one) into .venv/zensical/site, compares it with site/ before and after
# the post-build step, and prints what differs. Not part of `make test`; it never fails.
ZENSICAL := 0.1.1
zensical-check: build
	-@test -x .venv/zensical/bin/python || python3 -m venv .venv/zensical
	-@.venv/zensical/bin/python -m pip install --quiet zensical==$(ZENSICAL) \
	  || echo "zensical-check: zensical==$(ZENSICAL) kunne ikke installeres"
	-$(PY) -m build_scripts.zensical_tjek --zensical .venv/zensical/bin/zensical --ud .venv/zensical/site site

clean:
	rm -rf site dist .venv node_modules
