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
        from pipeline.extract import extract_file

        assert ingest.extract_file is extract_file, "a test left a stand-in extractor in pipeline.ingest"
