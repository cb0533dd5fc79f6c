"""Dataset: read-only pandas access, filters, compare pivots, stats."""

from __future__ import annotations

import pytest
from dataset_builders import lamdong_extract, result, vinh_extract

from pipeline import Dataset
from pipeline.store import ReadOnlyViolation, Store


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    db = tmp_path_factory.mktemp("ds") / "chiso.duckdb"
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("vinh.txt", "a" * 64, vinh_extract("vinh.txt")), run)
        store.write_result(result("lamdong.txt", "b" * 64, lamdong_extract("lamdong.txt")), run)
        store.write_result(result("scan.pdf", "c" * 64, status="needs_ocr", error="scan.pdf: needs ocr"), run)
        store.finish_run(run, {"files_seen": 3, "ingested": 2, "failed": 1})
    return Dataset(db)


@pytest.mark.parametrize(("filters", "texts"), [
    ({"indicator": "membership_rate"}, ["từ 96% trở lên"]),  # seeds/002 target
    ({"organization": "Liên đoàn Lao động thành phố Vinh"}, ["6.107", "87.038", "98,37%"]),  # seeds/000
    ({"modality": "target", "year": 2023}, ["từ 96% trở lên"]),
    ({"unit": "count"}, ["6.107", "87.038"]),
    ({"indicator": ["enterprises", "workers"]}, ["6.107", "87.038"]),
    ({"year": 1999}, []),
])
def test_figures_filters(ds, filters, texts):
    assert list(ds.figures(**filters)["text"]) == texts


def test_figures_carry_provenance_columns(ds):
    cols = set(ds.figures().columns)
    assert {"path", "doc_index", "page", "char_start", "char_end", "sentence", "extractor_version"} <= cols


def test_compare_pivots_organizations_by_year(ds):
    pivot = ds.compare("membership_rate", by=["organization", "year"])
    assert pivot.loc["Công đoàn Giáo dục tỉnh Lâm Đồng", 2023] == 96


def test_compare_long_keeps_figure_ids(ds):
    long = ds.compare_long("enterprises", by=["organization"])
    assert list(long["n"]) == [1]
    assert list(long["figure_ids"][0]) == ["aaaaaaaaaaaaaaaa:0:31"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"by": ["sentence"]}, "cannot compare by"),
    ({"agg": "mode"}, "agg must be one of"),
])
def test_compare_rejects_bad_arguments(ds, kwargs, message):
    with pytest.raises(ValueError, match=message):
        ds.compare("membership_rate", **kwargs)


@pytest.mark.parametrize("sql", [
    "DELETE FROM figures",
    "INSERT INTO files (path) VALUES ('x')",
    "DROP TABLE documents",
    "COPY figures TO 'x.csv'",
    "ATTACH 'other.duckdb'",
    "SELECT 1; UPDATE files SET status = 'ok'",
])
def test_sql_refuses_writes(ds, sql):
    with pytest.raises(ReadOnlyViolation, match="chiso query is read-only"):
        ds.sql(sql)


def test_sql_cannot_read_other_files(ds):
    import duckdb

    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        ds.sql("SELECT * FROM read_csv('/etc/hostname')")


def test_tables_and_stats(ds):
    stats = ds.stats()
    assert set(ds.tables()) >= {"files", "documents", "figures", "references", "runs"}
    assert stats["totals"]["figures"][0] == 4
    assert list(stats["failed_files"]["path"]) == ["scan.pdf"]
    assert set(stats["documents_by_kind"]["kind"]) == {"tham luận", "kế hoạch"}
    assert len(ds.runs()) == 1
    assert list(ds.references()["number"]) == ["98/2014/NĐ-CP"]
    assert list(ds.documents(kind="kế hoạch")["organization"]) == ["Công đoàn Giáo dục tỉnh Lâm Đồng"]
    assert ds.findings().empty
