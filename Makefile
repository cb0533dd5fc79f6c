# Chỉ Số: the two set-up commands are `make demo` and `make test`; CI runs `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
CHISO   := $(VENV)/bin/chiso
STAMP   := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint bench install clean lock torture

install: $(STAMP)

# requirements.lock pins every package (made with `make lock`): installs are reproducible and
# pip does no dependency resolution on a fresh machine.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --no-compile -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	@# Bytecode for every installed module, on all cores. Without it (pip --no-compile, and
	@# PYTHONDONTWRITEBYTECODE set on CI) every process compiles pandas, Prefect and the models'
	@# code again: imports were 3x slower and the test suite 3x slower in a fresh clone.
	$(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null || true
	$(PY) -m compileall -q -j 0 pipeline extractors flows benchmarks >/dev/null || true
	touch $(STAMP)

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v '^chiso' > requirements.lock

demo: $(STAMP)
	$(PY) -m pipeline.demo --db $(DEMO_DB) corpus/

# `make test` (CI): the whole suite, test files spread over the machine's cores (pytest-xdist;
# one file stays in one process, so its module fixtures are built once). --no-loadscope-reorder:
# files are handed out in collection order, which tests/conftest.py makes "longest first"
# (xdist's own order, most tests first, started the 4-minute `chiso serve` test last).
# For a quick local run without the Prefect server, Streamlit and browser tests:
# `.venv/bin/python -m pytest -m "not server"`.
test: $(STAMP)
	$(PY) -m pytest -q -n auto --dist loadfile --no-loadscope-reorder

# `make torture`: the reliability probes of issue 22 (hostile names, special files, links, kill -9
# during a slow file, budgets, absurd numbers, page furniture, legacy bytes) and the bad-input
# set; `make test` runs them too (docs/reliability.md has the table of probes and results).
torture: $(STAMP)
	$(PY) -m pytest -q -n auto --dist loadfile tests/test_reliability.py tests/test_bad_input.py tests/test_legacy_encodings.py

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline extractors flows tests benchmarks
	$(VENV)/bin/mypy pipeline extractors

# `make bench` renders 1,000 documents (~5,000 PDF pages) and takes about an hour on 2 cores;
# `make bench BENCH_ARGS="--docs 100"` gives a quicker picture (options: python -m benchmarks.run -h).
bench: $(STAMP)
	$(PY) -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB)
