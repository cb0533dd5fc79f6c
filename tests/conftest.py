"""Suite-wide guards."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def real_extractor_is_back():
    """After every test, `pipeline.ingest` uses the real extractor again. A stand-in that leaked
    (tests/fake_extract.py) once made a later module's ingest store 348 regex 'figures' from the
    seeds instead of 59, failing far from the cause."""
    yield
    ingest = sys.modules.get("pipeline.ingest")
    if ingest is not None:
        from extractors.extract import extract_file

        assert ingest.extract_file is extract_file, "a test left a stand-in extractor in pipeline.ingest"


# Test files that take minutes (Prefect servers, Streamlit and Chromium, subprocess ingests, the
# benchmark smoke run), longest first. `make test` runs files on all cores (pytest-xdist
# --dist loadfile --no-loadscope-reorder hands out files in collection order): starting these
# first keeps one of them from being the last thing the whole suite waits for.
LONG_FILES = ("test_flows_server.py", "test_flows.py", "test_ingest.py", "test_web_e2e.py",
              "test_benchmarks.py", "test_web_app.py")


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        return LONG_FILES.index(name) if name in LONG_FILES else len(LONG_FILES)

    items.sort(key=rank)  # stable: the order inside each file is kept
