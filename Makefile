# Chỉ Số: the two set-up commands are `make demo` and `make test`; CI runs `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
CHISO   := $(VENV)/bin/chiso
STAMP   := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint bench install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m pipeline.demo --db $(DEMO_DB) corpus/

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline extractors flows tests benchmarks
	$(VENV)/bin/mypy pipeline extractors

bench: $(STAMP)
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB)
