"""Export: Parquet re-read equals the tables; CSV and Excel carry every row."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from dataset_builders import lamdong_extract, result, vinh_extract

from pipeline.dataset import indicator_label
from pipeline.export import ExportError, export_dataset
from pipeline.store import Store

TABLES = ("files", "documents", "figures", "references", "runs")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "chiso.duckdb"
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("vinh.txt", "a" * 64, vinh_extract("vinh.txt")), run)
        store.write_result(result("lamdong.txt", "b" * 64, lamdong_extract("lamdong.txt")), run)
        store.finish_run(run, {"files_seen": 2, "ingested": 2})
    return db


@pytest.fixture(scope="module")
def parquet_dir(db, tmp_path_factory):
    """One Parquet export of the module's dataset, re-read by every test below."""
    out = tmp_path_factory.mktemp("parquet")
    export_dataset(db, out, "parquet")
    return out


def stored(db, table: str) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f'SELECT * FROM "{table}"').df()
    finally:
        con.close()


def _cell(v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, pd.Timestamp) and v == v.normalize():  # DuckDB's .df() turns DATE into midnight
        v = v.date()
    return v.isoformat() if hasattr(v, "isoformat") else v


def rows(df: pd.DataFrame) -> list[tuple]:
    cols = sorted(df.columns)
    return sorted((tuple(_cell(v) for v in r) for r in df[cols].astype(object).itertuples(index=False)), key=repr)


def same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Same columns and the same rows, whatever the engine's dtypes (Int32 vs float, <NA> vs NaN)."""
    return sorted(a.columns) == sorted(b.columns) and rows(a) == rows(b)


@pytest.mark.parametrize("table", TABLES)
def test_parquet_reread_by_duckdb_equals_table(db, parquet_dir, table):
    back = duckdb.sql(f"SELECT * FROM read_parquet('{parquet_dir}/{table}/**/*.parquet', "
                      f"hive_partitioning = true)").df()
    assert same(back, stored(db, table))


@pytest.mark.parametrize("table", TABLES)
def test_parquet_reread_by_pandas_equals_table(db, parquet_dir, table):
    back = pd.read_parquet(parquet_dir / table)
    back.columns = [str(c) for c in back.columns]
    if "extractor_version" in back:  # the partition column comes back as a category
        back["extractor_version"] = back["extractor_version"].astype(str)
    assert same(back, stored(db, table))


def test_figures_are_partitioned_hive_style(parquet_dir):
    folders = {p.parent.name for p in (parquet_dir / "figures").rglob("*.parquet")}
    assert folders and all(f.startswith("extractor_version=") for f in folders)


def test_csv_has_every_row(db, tmp_path):
    written = export_dataset(db, tmp_path, "csv")
    assert {p.name for p in written} >= {f"{t}.csv" for t in TABLES}  # + findings once audited
    assert len(pd.read_csv(tmp_path / "figures.csv")) == len(stored(db, "figures"))


def test_xlsx_has_a_sheet_per_table(db, tmp_path):
    [path] = export_dataset(db, tmp_path, "xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert set(sheets) >= set(TABLES)
    assert list(sheets["figures"]["text"]) == list(stored(db, "figures").sort_values("figure_id")["text"])


def test_unknown_format(db, tmp_path):
    with pytest.raises(ExportError, match="format must be one of"):
        export_dataset(db, tmp_path, "sqlite")


def test_xlsx_is_made_for_people(db, tmp_path):
    import openpyxl

    [path] = export_dataset(db, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "figures" and "Cột · Columns" in book.sheetnames
    sheet = book["figures"]
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    assert header[header.index("indicator") + 1] == "indicator_label"
    labels = {r[header.index("indicator")].value: r[header.index("indicator_label")].value
              for r in sheet.iter_rows(min_row=2)}
    assert labels["membership_rate"] == indicator_label("membership_rate")  # extractors/lang/vi/indicators.yaml
    assert labels["membership_rate"].startswith("tỷ lệ đoàn viên")
    assert 6 <= sheet.column_dimensions["A"].width <= 60
    explained = {(r[0].value, r[1].value): r[3].value for r in book["Cột · Columns"].iter_rows(min_row=2)}
    assert explained[("figures", "value")].startswith("giá trị · value")
    assert {("documents", c.value) for c in book["documents"][1]} <= set(explained)
    kinds = {(r[0].value, r[1].value): r[2].value for r in book["Cột · Columns"].iter_rows(min_row=2)}
    assert kinds[("figures", "year")] == "số nguyên · integer" and kinds[("figures", "doc_date")] == "ngày · date"
    assert "sketch" not in {c.value for c in book["documents"][1]}  # the duplicate finder's, not people's


def test_xlsx_labels_in_english(db, tmp_path):
    [path] = export_dataset(db, tmp_path, "xlsx", lang="en")
    figures = pd.read_excel(path, sheet_name="figures")
    assert "membership rate" in figures.set_index("indicator").loc["membership_rate", "indicator_label"].lower()


@pytest.mark.parametrize(("bom", "first"), [(True, b"\xef\xbb\xbf"), (False, b'"')])
def test_csv_bom_on_request(db, tmp_path, bom, first):
    export_dataset(db, tmp_path, "csv", bom=bom)
    assert (tmp_path / "figures.csv").read_bytes().startswith(first)
    assert len(pd.read_csv(tmp_path / "figures.csv", encoding="utf-8-sig")) == len(stored(db, "figures"))


def test_parquet_types_are_exact(parquet_dir):
    import pyarrow as pa
    import pyarrow.dataset as pads

    figures = pads.dataset(parquet_dir / "figures", partitioning="hive").schema
    documents = pads.dataset(parquet_dir / "documents").schema
    assert pa.types.is_integer(figures.field("year").type) and pa.types.is_date(figures.field("doc_date").type)
    assert pa.types.is_integer(documents.field("year").type) and pa.types.is_date(documents.field("date").type)
    assert pa.types.is_floating(figures.field("value").type)
