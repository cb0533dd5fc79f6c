"""The Audit page's review marks (issue 23): an auditor names themself, marks a finding confirmed
or dismissed, and the mark is stored with who and when and kept across a re-audit."""

from __future__ import annotations

import os
from pathlib import Path

import audit_frames as af
import duckdb
import pytest
from streamlit.testing.v1 import AppTest

import pipeline.web
from pipeline.audit.run import audit_and_store
from pipeline.store import Store
from pipeline.web import reads

pytestmark = pytest.mark.server  # Streamlit's AppTest, as tests/test_web_app.py
APP = str(Path(pipeline.web.__file__).parent / "app.py")
TIMEOUT = 300


@pytest.fixture()
def audited(tmp_path, monkeypatch):
    text = "Toàn huyện có 45 CĐCS, trong đó 50 CĐCS đã ký kết thỏa ước lao động tập thể."
    doc = af.DocSpec("marks", 0, "Liên đoàn Lao động huyện Nam Đàn", "báo cáo", "2023-12-18", text, (
        {"quote": "có 45 CĐCS", "text": "45", "value": 45, "unit": "count", "entity": "công đoàn cơ sở"},
        {"quote": "50 CĐCS đã ký", "text": "50", "value": 50, "unit": "count", "entity": "công đoàn cơ sở"}))
    db = tmp_path / "marks.duckdb"
    af.write_db(db, af.frame([doc]))
    with Store(db) as store:
        audit_and_store(store.con)
    monkeypatch.setenv(reads.DB_ENV, str(db))
    from streamlit.components.v2 import manifest_scanner
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", lambda *a, **k: [])
    return db


def _marks(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT rule, mark, reviewer FROM finding_reviews").fetchall()
    finally:
        con.close()


def test_a_finding_is_marked_from_the_audit_page_and_kept_across_audits(audited):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("page_audit.py").run()
    assert not at.exception, at.exception
    confirm = next(b for b in at.button if b.key.startswith("confirmed-"))
    assert confirm.disabled  # no reviewer named yet
    at.sidebar.text_input(key="reviewer").input("Lan").run()
    next(b for b in at.button if b.key.startswith("dismissed-")).click().run()
    assert not at.exception, at.exception
    assert _marks(audited) == [("PART_WHOLE", "dismissed", "Lan")]
    with Store(audited) as store:
        audit_and_store(store.con)
    assert _marks(audited) == [("PART_WHOLE", "dismissed", "Lan")]
    assert os.environ[reads.DB_ENV] == str(audited)
