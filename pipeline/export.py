"""Export the dataset as Parquet, CSV or Excel, one table each.

Parquet: a dataset directory per table (`figures/`, `documents/`, …) that DuckDB
(`read_parquet('out/figures/**/*.parquet', hive_partitioning=true)`), pandas
(`pd.read_parquet('out/figures')`) and Spark read directly. `figures/` is partitioned
hive-style by `extractor_version` (never NULL, so every engine reads it; a NULL `year`
would become a `__HIVE_DEFAULT_PARTITION__` folder that pandas cannot merge). CSV: one
`<table>.csv` each (`bom=True`: with a UTF-8 byte order mark, so Excel shows Vietnamese right).
Excel: one workbook made for people (through openpyxl; no DuckDB extension, which would need a
download): a sheet per table with a frozen header row, filters, column widths fitted to their
text, the indicator's Vietnamese label beside its id, and a sheet `Cột · Columns` saying what
each column holds. Each document once unless `with_duplicates` (pipeline/dataset.py).
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from extractors import EXTRACTOR_VERSION
from pipeline.dataset import Dataset, indicator_label
from pipeline.store.store import quote

logger = logging.getLogger(__name__)

FORMATS = ("parquet", "csv", "xlsx")
TABLES = ("files", "documents", "figures", "references", "organizations", "runs", "findings")
PARTITION_BY = {"figures": "extractor_version"}
ORDER_BY = {"files": "path", "documents": "doc_id", "figures": "figure_id", "references": "ref_id",
            "runs": "run_id", "findings": "finding_id", "organizations": "organization_id"}
# Excel's own limits: a cell holds at most 32,767 characters, a sheet at most 1,048,576 rows.
XLSX_MAX_CELL = 32_767
XLSX_MAX_ROWS = 1_048_575
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel column widths in characters: fitted to the header and the first rows, within these bounds.
XLSX_MIN_WIDTH, XLSX_MAX_WIDTH, XLSX_WIDTH_ROWS = 6, 60, 200
COLUMNS_SHEET = "Cột · Columns"
XLSX_HIDDEN = ("sketch", "text_hash")  # the duplicate finder's own columns: in Parquet and CSV only
XLSX_ORDER = ("figures", "documents", "organizations", "references", "findings", "files", "runs")  # people's first
LABEL_COLUMN = "indicator_label"  # added beside `indicator` in the Excel sheets
# What a column holds (Vietnamese · English), for the `Cột · Columns` sheet; docs/schema.md has more.
COLUMN_NOTES = {
    "path": "tệp nguồn · the source file (relative to the database's folder)",
    "sha256": "mã băm nội dung tệp · hash of the file's bytes",
    "status": "ok, needs_ocr (bản quét · a scan), failed (lỗi · failed)",
    "doc_id": "mã văn bản · document id (sha256[:16]:doc_index)",
    "doc_index": "thứ tự văn bản trong tệp · the document's place in its file, from 0",
    "kind": "loại văn bản · document kind (tham luận, kế hoạch, báo cáo, tin …)",
    "title": "tiêu đề · title",
    "organization": "tổ chức (tên chuẩn) · organization, canonical spelling",
    "organization_id": "mã tổ chức · organization id",
    "date": "ngày · date", "doc_date": "ngày văn bản · the document's date",
    "doc_kind": "loại văn bản · the document's kind",
    "year": "năm: cuối kỳ (thực hiện) hoặc hạn (chỉ tiêu) · year: end of the period (actual) or deadline (target)",
    "number": "số, ký hiệu · document number (41/KH-LĐLĐ)",
    "issuer": "cơ quan ban hành · issuing body", "superior": "cơ quan cấp trên · superior body",
    "place": "địa danh · place of the place-and-date line",
    "text": "văn bản đã chuẩn hóa, hoặc nguyên văn số liệu · normalized text, or the figure as written",
    "duplicate_of": "bản trùng của (doc_id) · repeats this document (doc_id); empty: canonical",
    "similarity": "độ giống với bản gốc (Jaccard) · similarity to it (Jaccard; 1: same words)",
    "figure_id": "mã số liệu · figure id", "page": "trang · page",
    "char_start": "vị trí đầu trong văn bản · start offset in the document's text",
    "char_end": "vị trí cuối · end offset",
    "value": "giá trị · value (6.107 → 6107; 98,37% → 98.37)", "value_max": "cận trên · a range's upper bound",
    "unit": "đơn vị · unit (count, percent, vnd, rank, …)", "entity": "đối tượng được đếm · what is counted",
    "indicator": "mã chỉ tiêu · indicator id", LABEL_COLUMN: "tên chỉ tiêu · indicator label",
    "modality": "actual (thực hiện) hoặc target (chỉ tiêu) · achieved or planned",
    "comparator": "=, >=, >, <=, <, ~ (từ … trở lên, hơn, khoảng …)",
    "aggregation": "total (tổng) hoặc average (bình quân) · total or average",
    "period_years": "độ dài kỳ (năm) · length of the period in years",
    "deadline_year": "năm hạn của chỉ tiêu · a target's deadline",
    "recurrence": "annual: chỉ tiêu hằng năm · a yearly target",
    "relation": "level (mức), change (tăng/giảm), achievement (% kế hoạch), ratio (tỷ số)",
    "sentence": "câu chứa số liệu · the sentence holding the figure",
    "organization_from": "tổ chức đọc từ đâu · where the organization was read (clause, heading, document)",
    "year_from": "năm đọc từ đâu · where the year was read (clause, heading, document)",
    "extractor_version": "phiên bản bộ trích xuất · the code that made the row",
    "run_id": "lượt nhập · the ingest run", "ingested_at": "thời điểm nhập (UTC) · ingested at (UTC)",
    "rule": "quy tắc kiểm tra · audit rule", "severity": "mức độ · severity",
    "message_vi": "thông điệp · message (Vietnamese)", "message_en": "message (English)",
}


class ExportError(Exception):
    """The export cannot be written (bad format, output folder problem)."""


def table_arrow(ds: Dataset, table: str) -> pa.Table:
    return ds.arrow(f"SELECT * FROM {quote(table)} ORDER BY {quote(ORDER_BY.get(table, 'rowid'))}")


def _write_parquet(name: str, data: pa.Table, out: Path) -> list[Path]:
    target = out / name
    if target.exists():
        shutil.rmtree(target)
    part = PARTITION_BY.get(name)
    if data.num_rows == 0:  # no rows: still one file, so readers learn the columns
        folder = target / f"{part}={EXTRACTOR_VERSION}" if part else target
        folder.mkdir(parents=True)
        pq.write_table(data.drop_columns([part]) if part else data, folder / "part-0.parquet")
        return [folder / "part-0.parquet"]
    pads.write_dataset(data, target, format="parquet", basename_template="part-{i}.parquet",
                       partitioning=[part] if part else None, partitioning_flavor="hive" if part else None,
                       existing_data_behavior="overwrite_or_ignore")
    return sorted(target.rglob("*.parquet"))


def _write_csv(name: str, data: pa.Table, out: Path, bom: bool = False) -> list[Path]:
    path = out / f"{name}.csv"
    columns = []
    for col in data.columns:  # CSV has no lists or JSON: write them as JSON-like text
        if pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
            col = pa.array([None if v is None else str(v) for v in col.to_pylist()], pa.string())
        columns.append(col)
    with open(path, "wb") as sink:
        if bom:
            sink.write("\ufeff".encode())
        pacsv.write_csv(pa.table(columns, names=data.column_names), sink)
    return [path]


def _xlsx_frame(name: str, data: pa.Table, lang: str = "vi"):  # -> pd.DataFrame
    import pandas as pd

    integers = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
                pa.int64(): pd.Int64Dtype()}  # a year stays an integer beside empty cells, not 2023.0
    df = data.drop_columns([c for c in XLSX_HIDDEN if c in data.column_names]).to_pandas(
        types_mapper=integers.get)
    if len(df) > XLSX_MAX_ROWS:
        logger.warning("%s: %d rows; Excel keeps the first %d (use Parquet or CSV for all)", name, len(df),
                       XLSX_MAX_ROWS)
        df = df.head(XLSX_MAX_ROWS)
    for col in df.columns:
        if df[col].dtype == object or str(df[col].dtype) in ("string", "str"):
            df[col] = df[col].map(_xlsx_cell, na_action="ignore")
    if "indicator" in df.columns:  # the label people read, beside the id
        labels = df["indicator"].map(lambda i: indicator_label(i, lang) if isinstance(i, str) else None)
        df.insert(df.columns.get_loc("indicator") + 1, LABEL_COLUMN, labels)
    return df


def _xlsx_cell(value: object) -> object:
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, str):
        value = _XLSX_ILLEGAL.sub("", value)
        if len(value) > XLSX_MAX_CELL:
            value = value[: XLSX_MAX_CELL - 1] + "…"
    return value


def _width(header: str, cells: list[object]) -> float:
    longest = max([len(header), *(len(str(c)) for c in cells if c is not None)])
    return float(min(XLSX_MAX_WIDTH, max(XLSX_MIN_WIDTH, longest + 2)))


def _for_people(sheet) -> None:  # an openpyxl worksheet
    """Frozen header row, filters on every column, widths fitted to the text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    if sheet.max_column and sheet.max_row:
        sheet.auto_filter.ref = sheet.dimensions
    for i, column in enumerate(sheet.iter_cols(max_row=XLSX_WIDTH_ROWS, values_only=True), 1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(str(column[0]), list(column[1:]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _kind(column) -> str:  # a pandas Series -> what its cells are, in words
    import datetime as dt

    import pandas as pd

    first = next((v for v in column if not pd.isna(v)), None) if column.dtype == object else None
    kind = column.dtype.kind
    if kind in "iu" or isinstance(first, int) and not isinstance(first, bool):
        return "số nguyên · integer"
    if kind == "b" or isinstance(first, bool):
        return "có/không · yes/no"
    if kind == "f" or isinstance(first, float):
        return "số · number"
    if kind == "M" or isinstance(first, dt.datetime):
        return "ngày giờ · date and time"
    if isinstance(first, dt.date):
        return "ngày · date"
    return "chữ · text"


def columns_sheet(frames: dict):  # dict[str, pd.DataFrame] -> pd.DataFrame
    """One row per column of each sheet: sheet, column, type and what it holds."""
    import pandas as pd

    rows = [{"sheet · bảng": name, "column · cột": str(col), "type · kiểu": _kind(df[col]),
             "meaning · ý nghĩa": COLUMN_NOTES.get(str(col), "docs/schema.md")}
            for name, df in frames.items() for col in df.columns]
    return pd.DataFrame(rows, columns=["sheet · bảng", "column · cột", "type · kiểu", "meaning · ý nghĩa"])


def write_xlsx(frames: dict, path):  # path: a Path or a binary file object
    """Write DataFrames as sheets made for people, then the `Cột · Columns` sheet."""
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, df in {**frames, COLUMNS_SHEET: columns_sheet(frames)}.items():
            df.to_excel(writer, sheet_name=name[:31], index=False)
            _for_people(writer.sheets[name[:31]])
    return path


def _write_xlsx(tables: dict[str, pa.Table], out: Path, lang: str = "vi") -> list[Path]:
    first = sorted(tables, key=lambda t: XLSX_ORDER.index(t) if t in XLSX_ORDER else len(XLSX_ORDER))
    return [write_xlsx({name: _xlsx_frame(name, tables[name], lang) for name in first}, out / "chiso.xlsx")]


def export_dataset(db: str | Path, out: str | Path, fmt: str = "parquet",
                   tables: tuple[str, ...] = TABLES, *, with_duplicates: bool = False, bom: bool = False,
                   lang: str = "vi") -> list[Path]:
    """Write the dataset's tables under `out` in `fmt`; returns the files written. Each document once
    unless `with_duplicates`; `bom`: CSV with a byte order mark; `lang`: Excel's indicator labels."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    ds = Dataset(db, with_duplicates=with_duplicates)
    present = set(ds.tables())
    wanted = [t for t in tables if t in present]
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{out}: cannot create the output folder: {err.strerror or err}") from err
    data = {t: _without_tz(table_arrow(ds, t)) for t in wanted}
    if fmt == "xlsx":
        return _write_xlsx(data, out, lang)
    written: list[Path] = []
    for name, table in data.items():
        written += _write_parquet(name, table, out) if fmt == "parquet" else _write_csv(name, table, out, bom)
        logger.info("%s: %d rows", name, table.num_rows)
    return written


def _without_tz(table: pa.Table) -> pa.Table:
    """Timestamps as DuckDB stores them (naive UTC); nothing else changes."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type) and field.type.tz:
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.timestamp(field.type.unit)))
    return table
