"""`chiso audit`: runs the rules over a stored dataset, stores the findings, prints them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import audit_frames as af
import duckdb
import pytest

from pipeline.cli import main

HAS_STORE = importlib.util.find_spec("pipeline.store.store") is not None
needs_store = pytest.mark.skipif(not HAS_STORE, reason="pipeline.store is not there yet")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """A dataset whose figures are the gold figures of the seeds and of our documents."""
    if not HAS_STORE:
        pytest.skip("pipeline.store is not there yet")
    db = tmp_path_factory.mktemp("audit") / "chiso.duckdb"
    af.write_db(db, af.frame(list(af.seed_documents() + af.own_documents())))
    return db


def _findings_rows(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT rule, outcome, severity, figure_ids FROM findings ORDER BY finding_id").fetchall()
    finally:
        con.close()


@needs_store
def test_jsonl_prints_and_stores_the_seed_findings(seeds_db, capsys):
    assert main(["audit", "--db", str(seeds_db), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    # Seed 000: 29 CĐCS / 5 years written 05, 2.668 members / 5 written 533: both only if truncated.
    assert sorted((r["rule"], r["outcome"], r["severity"]) for r in records) == [("AVG_TOTAL", "truncated", "info")] * 2
    assert {tuple(r["figure_ids"]) for r in records} == {tuple(row[3]) for row in _findings_rows(seeds_db)}
    assert "2 findings" in err


@needs_store
def test_a_second_audit_replaces_the_first(seeds_db, capsys):
    assert main(["audit", "--db", str(seeds_db), "--quiet", "--rules", "OUT_OF_RANGE"]) == 0
    assert _findings_rows(seeds_db) == []
    assert main(["audit", "--db", str(seeds_db), "--quiet"]) == 0
    assert len(_findings_rows(seeds_db)) == 2
    capsys.readouterr()


@needs_store
def test_table_and_all(seeds_db, capsys):
    assert main(["audit", "--db", str(seeds_db), "--all", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "«533»" in out and "2668 / 5 = 533.6" in out
    assert "consistent" in out and "TARGET_MONOTONE" in out     # --all shows the passing checks too
    assert len(_findings_rows(seeds_db)) == 2                   # but only findings are stored


@needs_store
def test_html_report_to_a_file(seeds_db, tmp_path, capsys):
    page = tmp_path / "audit.html"
    assert main(["audit", "--db", str(seeds_db), "--format", "html", "--out", str(page), "--quiet"]) == 0
    html = page.read_text("utf-8")
    assert capsys.readouterr().out == ""
    assert html.startswith("<!DOCTYPE html>") and "<mark>533</mark>" in html and "<mark>2.668</mark>" in html


@needs_store
@pytest.mark.parametrize("args,code", [
    (["--fail-on", "info"], 1),        # the two truncated findings are info
    (["--fail-on", "warning"], 0),
    (["--rules", "NOPE"], 2),
])
def test_exit_codes(seeds_db, args, code, capsys):
    assert main(["audit", "--db", str(seeds_db), "--quiet", *args]) == code
    capsys.readouterr()


def test_missing_dataset_is_named(tmp_path, capsys):
    assert main(["audit", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "none.duckdb: no such dataset" in capsys.readouterr().err


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["audit", "--help"])
    assert exit_.value.code == 0 and "chiso audit --db" in capsys.readouterr().out


@pytest.mark.integration
@pytest.mark.slow
@needs_store
def test_ingest_then_audit_the_seeds(tmp_path):
    """End to end: `chiso ingest` the seeds, `chiso audit` them. Only true findings: the two
    truncated averages of seed 000 (whichever the extractor finds of them)."""
    from pipeline.cli import verb_modules

    if "ingest" not in {m.NAME for m in verb_modules()}:
        pytest.skip("chiso ingest is not there yet")
    db = tmp_path / "chiso.duckdb"
    seeds = sorted(str(p) for p in (ROOT / "corpus" / "seeds").glob("*.txt"))
    assert main(["ingest", *seeds, "--db", str(db), "--quiet"]) == 0
    out = tmp_path / "findings.jsonl"
    assert main(["audit", "--db", str(db), "--format", "jsonl", "--out", str(out), "--quiet"]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    explained = {("AVG_TOTAL", "truncated", ("29", "05")), ("AVG_TOTAL", "truncated", ("2.668", "533"))}
    got = {(r["rule"], r["outcome"], tuple(e["text"] for e in r["evidence"])) for r in records}
    assert got <= explained, got - explained


# ---- confidence, review marks, precision (issue 23) -----------------------------------------
@pytest.fixture()
def mixed_db(tmp_path):
    """One sure finding (a part after 'trong đó' larger than its whole) and one inferred (new
    members of the year, in the next sentence, above the members)."""
    if not HAS_STORE:
        pytest.skip("pipeline.store is not there yet")
    text = ("Toàn huyện có 45 CĐCS, trong đó 50 CĐCS đã ký kết thỏa ước lao động tập thể. Toàn huyện có 6.320 "
            "đoàn viên. Trong năm đã kết nạp mới 7.215 đoàn viên.")
    doc = af.DocSpec("mixed", 0, "Liên đoàn Lao động huyện Nam Đàn", "báo cáo", "2023-12-18", text, (
        {"quote": "có 45 CĐCS", "text": "45", "value": 45, "unit": "count", "entity": "công đoàn cơ sở"},
        {"quote": "50 CĐCS đã ký", "text": "50", "value": 50, "unit": "count", "entity": "công đoàn cơ sở"},
        {"quote": "có 6.320 đoàn viên", "text": "6.320", "value": 6320, "unit": "count", "entity": "đoàn viên"},
        {"quote": "kết nạp mới 7.215 đoàn viên", "text": "7.215", "value": 7215, "unit": "count",
         "entity": "đoàn viên", "period_years": 1}))
    db = tmp_path / "mixed.duckdb"
    af.write_db(db, af.frame([doc]))
    return db


def test_sure_findings_by_default_all_with_a_flag(mixed_db, capsys):
    assert main(["audit", "--db", str(mixed_db), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    shown = [json.loads(line) for line in out.splitlines()]
    assert [(r["rule"], r["confidence"]) for r in shown] == [("PART_WHOLE", "sure")]
    assert "1 inferred across sentences not shown (--all-findings)" in err
    assert len(_findings_rows(mixed_db)) == 2                    # both are stored
    assert main(["audit", "--db", str(mixed_db), "--format", "jsonl", "--all-findings", "--quiet"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["confidence"] for r in shown) == ["inferred", "sure"]


def test_review_marks_survive_a_new_audit_and_give_precision(mixed_db, capsys):
    assert main(["audit", "--db", str(mixed_db), "--format", "jsonl", "--all-findings", "--quiet"]) == 0
    ids = {json.loads(line)["confidence"]: json.loads(line)["finding_id"] for line in capsys.readouterr().out.splitlines()}
    assert main(["audit", "--db", str(mixed_db), "--mark", f"{ids['sure']}=confirmed", "--mark",
                 f"{ids['inferred']}=dismissed", "--reviewer", "Lan", "--quiet"]) == 0
    assert main(["audit", "--db", str(mixed_db), "--quiet"]) == 0          # a re-audit keeps the marks
    con = duckdb.connect(str(mixed_db), read_only=True)
    try:
        marks = con.execute("SELECT finding_id, mark, reviewer FROM finding_reviews ORDER BY mark").fetchall()
    finally:
        con.close()
    assert marks == [(ids["sure"], "confirmed", "Lan"), (ids["inferred"], "dismissed", "Lan")]
    capsys.readouterr()
    assert main(["audit", "--db", str(mixed_db), "--precision"]) == 0
    out = capsys.readouterr().out
    assert "PART_WHOLE" in out and "50%" in out


@pytest.mark.parametrize("args,code,message", [
    (["--mark", "nope=confirmed", "--reviewer", "Lan"], 1, "no finding nope"),
    (["--mark", "x=maybe", "--reviewer", "Lan"], 2, "mark must be one of"),
    (["--mark", "x=confirmed"], 2, "reviewer"),
])
def test_bad_marks_are_named(mixed_db, args, code, message, capsys):
    assert main(["audit", "--db", str(mixed_db), "--quiet"]) == 0
    assert main(["audit", "--db", str(mixed_db), *args]) == code
    assert message in capsys.readouterr().err
