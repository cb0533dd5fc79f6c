"""The dataset verbs through `chiso`: ingest, query (read-only), compare, export, stats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from dataset_builders import lamdong_extract, result, vinh_extract
from fake_extract import fake_extract_file

import pipeline.ingest
from pipeline.cli import main
from pipeline.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "chiso.duckdb"
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("vinh.txt", "a" * 64, vinh_extract("vinh.txt")), run)
        store.write_result(result("lamdong.txt", "b" * 64, lamdong_extract("lamdong.txt")), run)
    return str(db)


@pytest.mark.parametrize("sql", [
    "DELETE FROM figures",
    "UPDATE files SET status = 'ok'",
    "CREATE TABLE x (a INT)",
    "COPY figures TO 'stolen.csv'",
])
def test_query_refuses_writes(db, capsys, sql):
    assert main(["query", sql, "--db", db]) == 2
    err = capsys.readouterr().err
    assert "chiso query is read-only; use chiso ingest to change the dataset" in err


@pytest.mark.parametrize(("fmt", "parse"), [
    ("jsonl", lambda out: [json.loads(line) for line in out.splitlines()]),
    ("csv", lambda out: list(csv.DictReader(io.StringIO(out)))),
])
def test_query_formats_for_scripts(db, capsys, fmt, parse):
    sql = "SELECT text, value FROM figures WHERE indicator = 'membership_rate'"
    assert main(["query", sql, "--db", db, "--format", fmt]) == 0
    [row] = parse(capsys.readouterr().out)
    assert row["text"] == "từ 96% trở lên"  # seeds/002: "đạt từ 96% trở lên"
    assert float(row["value"]) == 96


def test_query_table_for_people(db, capsys):
    assert main(["query", "SELECT kind, count(*) AS n FROM documents GROUP BY ALL ORDER BY kind",
                 "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["kind", "n"]
    assert lines[2].split() == ["kế", "hoạch", "1"]


@pytest.mark.parametrize(("argv", "code"), [
    (["query", "SELEC nonsense"], 2),  # a syntax error is a usage error
    (["compare", "--indicator", "membership_rate", "--by", "sentence"], 2),
])
def test_usage_errors(db, capsys, argv, code):
    assert main([*argv, "--db", db]) == code
    assert capsys.readouterr().err.strip()


def test_missing_database_says_how_to_create_it(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "chiso ingest" in capsys.readouterr().err


def test_compare_pivot(db, capsys):
    assert main(["compare", "--indicator", "membership_rate", "--by", "organization,year",
                 "--db", db, "--format", "jsonl"]) == 0
    [row] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert row == {"organization": "Công đoàn Giáo dục tỉnh Lâm Đồng", "2023": 96}


def test_stats_sections(db, capsys):
    assert main(["stats", "--db", db, "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    sections = {r["section"] for r in rows}
    assert {"totals", "documents_by_kind", "figures_by_indicator"} <= sections
    assert [r["figures"] for r in rows if r["section"] == "totals"] == [4]


def test_export_lists_files(db, tmp_path, capsys):
    assert main(["export", "--format", "csv", "--out", str(tmp_path), "--db", db]) == 0
    assert str(tmp_path / "figures.csv") in capsys.readouterr().out.splitlines()


def test_db_from_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("CHISO_DB", db)
    assert main(["query", "SELECT count(*) AS n FROM figures", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "4"]


@pytest.fixture
def fake(monkeypatch):
    """The stand-in extractor for one test; monkeypatch's undo puts the real one back."""
    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    yield


def test_ingest_exit_codes_and_summary(tmp_path, capsys, fake):
    (tmp_path / "a.txt").write_text("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp", encoding="utf-8")  # seeds/000
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    db = str(tmp_path / "x.duckdb")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "1 files: 1 ingested, 0 unchanged, 0 failed" in err
    assert main(["ingest", str(tmp_path), "--db", db, "--quiet"]) == 1  # b.txt fails
    err = capsys.readouterr().err
    assert err.startswith("failed: ") and "b.txt" in err


def test_every_dataset_verb_has_help_and_example():
    from pipeline.cli import verb_modules

    verbs = {m.NAME: m for m in verb_modules()}
    for name in ("ingest", "query", "compare", "export", "stats"):
        assert verbs[name].HELP and verbs[name].EXAMPLE.startswith("chiso ")


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_ingest_refuses_a_bad_worker_count(tmp_path, capsys, value):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--workers", value])
    assert exit_info.value.code == 2
    assert "--workers" in capsys.readouterr().err


def test_extract_table_has_headers_an_indicator_column_and_empty_cells():
    from pipeline.cli.cmd_extract import table_block

    doc = {"type": "document", "source": "a.txt", "doc_index": 0, "kind": "kế hoạch", "title": None,
           "organization": "Liên đoàn Lao động huyện Gio Linh", "date": None}
    # corpus/keys/ke_hoach_gio_linh_2024.txt: "ít nhất 400 đoàn viên" every year (no year, no deadline)
    fig = {"type": "figure", "text": "ít nhất 400", "value": 400.0, "unit": "count", "modality": "target",
           "indicator": "new_members", "organization": "Liên đoàn Lao động huyện Gio Linh", "year": None,
           "entity": "đoàn viên", "comparator": ">=", "aggregation": "total", "period_years": None,
           "deadline_year": None, "recurrence": "annual", "relation": "level"}
    lines = table_block([doc, fig]).splitlines()
    header = next(line for line in lines if line.strip().startswith("text"))
    assert header.split() == ["text", "value", "unit", "modality", "indicator", "organization", "year", "entity",
                              "notes"]
    row = lines[lines.index(header) + 2]
    assert "new_members" in row and " 400 " in row and "None" not in row and "400.0" not in row
    assert "None" not in lines[1]  # no date: nothing printed
