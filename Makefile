# `make example` builds the demo blog; `make test` runs every check. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The suite again beside ProperDocs alone: no MkDocs, so no Material (it requires MkDocs).
PD_VENV := .venv-properdocs
PD_BIN := $(PD_VENV)/bin
PD_STAMP := $(PD_VENV)/.installed
# MaterialX (mkdocs-materialx) ships Material's own `material` package: it gets a venv of its own.
MX_VENV := .venv-materialx
MX_BIN := $(MX_VENV)/bin
MX_STAMP := $(MX_VENV)/.installed
MX_THEMES := from mkdocs.utils import get_theme_names as names; import sys; sys.exit(0 if 'materialx' in names() and 'material' not in names() else 'theme materialx missing, or material beside it, in $(MX_VENV)')
NO_MKDOCS := import importlib.util, sys; sys.exit('MkDocs is installed in $(PD_VENV): something pulled it in beside ProperDocs' if importlib.util.find_spec('mkdocs') else 0)
N ?= 200 1000 3000
SERVE_N ?= 1000
BROKEN_N ?= 10000
# Material prints a long notice about MkDocs 2 on every build; the plugin pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: messages example test lint typecheck pytest pytest-properdocs pytest-materialx docs wheel-check browser bench bench-smoke bench-serve bench-broken serve-example clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e ".[material]" --group dev
	touch $(STAMP)

$(PD_STAMP): pyproject.toml
	test -x $(PD_BIN)/python || $(PYTHON) -m venv $(PD_VENV)
	echo '*' > $(PD_VENV)/.gitignore
	$(PD_BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(PD_BIN)/python -m pip install --quiet -e ".[properdocs]" --group test-properdocs
	touch $(PD_STAMP)

$(MX_STAMP): pyproject.toml
	test -x $(MX_BIN)/python || $(PYTHON) -m venv $(MX_VENV)
	echo '*' > $(MX_VENV)/.gitignore
	$(MX_BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(MX_BIN)/python -m pip install --quiet -e ".[materialx]" --group test
	touch $(MX_STAMP)

example: $(STAMP)
	cd example-site && ../$(BIN)/mkdocs build --strict

serve-example: $(STAMP)
	cd example-site && ../$(BIN)/mkdocs serve

# Debian's Chromium for the tests that look at pages as a reader does (root on CI machines).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' for the browser tests"; fi; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser
	$(BIN)/pytest

# Checked on every run, not only at install: a later `pip install` may have pulled MkDocs in.
pytest-properdocs: $(PD_STAMP) browser
	$(PD_BIN)/python -m pip check
	$(PD_BIN)/python -c "$(NO_MKDOCS)"
	$(PD_BIN)/python -c "import mkdocs_blog_plugin.plugin"
	$(PD_BIN)/pytest

# The MaterialX theme: everything Material gets (tests/test_materialx.py skips elsewhere).
pytest-materialx: $(MX_STAMP) browser
	$(MX_BIN)/python -m pip check
	$(MX_BIN)/python -c "$(MX_THEMES)"
	$(MX_BIN)/pytest -p no:cacheprovider tests/test_materialx.py

docs: $(STAMP)
	$(BIN)/mkdocs build --strict -f docs/mkdocs.yml

wheel-check: $(STAMP)
	$(BIN)/python -m pip check
	$(BIN)/python tests/check_wheel.py

bench-smoke: $(STAMP)
	$(BIN)/python -m benchmarks.run --smoke

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(foreach n,$(N),--posts $(n))

# mkdocs serve: the first build, then one-post edits, without and with --dirty.
bench-serve: $(STAMP)
	$(BIN)/python -m benchmarks.serve $(foreach n,$(SERVE_N),--posts $(n))
	$(BIN)/python -m benchmarks.serve --dirty $(foreach n,$(SERVE_N),--posts $(n))

# Bad input at scale: one post in twenty with broken front matter, built with --strict.
bench-broken: $(STAMP)
	$(BIN)/python -m benchmarks.broken $(foreach n,$(BROKEN_N),--posts $(n))

# pytest last, so its summary closes the output CI reads.
test: lint typecheck docs example wheel-check bench-smoke pytest-properdocs pytest-materialx pytest

clean:
	rm -rf $(VENV) $(PD_VENV) $(MX_VENV) site example-site/site docs/site dist build .pytest_cache .mypy_cache .ruff_cache

# The template catalogue of the blog's labels, from the templates and the code (`_()`,
# `ngettext()`, `labels.or_label(chosen, "Label")`); then every language's catalogue takes its
# new labels. tests/test_i18n.py checks that this was run.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k _ -k gettext -k ngettext:1,2 \
	  -k or_label:2 --no-location --sort-output --omit-header \
	  -o mkdocs_blog_plugin/i18n/locales/frontmatter-blog.pot .
	$(BIN)/pybabel update -D frontmatter-blog -d mkdocs_blog_plugin/i18n/locales \
	  -i mkdocs_blog_plugin/i18n/locales/frontmatter-blog.pot --no-fuzzy-matching --no-location
