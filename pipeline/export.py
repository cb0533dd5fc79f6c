"""Export the dataset as Parquet, CSV or Excel, one table each.

Parquet: a dataset directory per table (`figures/`, `documents/`, …) that DuckDB
(`read_parquet('out/figures/**/*.parquet', hive_partitioning=true)`), pandas
(`pd.read_parquet('out/figures')`) and Spark read directly. `figures/` is partitioned
hive-style by `extractor_version` (never NULL, so every engine reads it; a NULL `year`
would become a `__HIVE_DEFAULT_PARTITION__` folder that pandas cannot merge). CSV: one
`<table>.csv` each. Excel: one workbook, a sheet per table (through pandas + openpyxl; no
DuckDB extension, which would need a download).
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
from pipeline.dataset import Dataset
from pipeline.store.store import quote

logger = logging.getLogger(__name__)

FORMATS = ("parquet", "csv", "xlsx")
TABLES = ("files", "documents", "figures", "references", "runs", "findings")
PARTITION_BY = {"figures": "extractor_version"}
ORDER_BY = {"files": "path", "documents": "doc_id", "figures": "figure_id", "references": "ref_id",
            "runs": "run_id", "findings": "finding_id"}
# Excel's own limits: a cell holds at most 32,767 characters, a sheet at most 1,048,576 rows.
XLSX_MAX_CELL = 32_767
XLSX_MAX_ROWS = 1_048_575
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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


def _write_csv(name: str, data: pa.Table, out: Path) -> list[Path]:
    path = out / f"{name}.csv"
    columns = []
    for col in data.columns:  # CSV has no lists or JSON: write them as JSON-like text
        if pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
            col = pa.array([None if v is None else str(v) for v in col.to_pylist()], pa.string())
        columns.append(col)
    pacsv.write_csv(pa.table(columns, names=data.column_names), path)
    return [path]


def _xlsx_frame(name: str, data: pa.Table):  # -> pd.DataFrame
    df = data.to_pandas()
    if len(df) > XLSX_MAX_ROWS:
        logger.warning("%s: %d rows; Excel keeps the first %d (use Parquet or CSV for all)", name, len(df),
                       XLSX_MAX_ROWS)
        df = df.head(XLSX_MAX_ROWS)
    for col in df.columns:
        if df[col].dtype == object or str(df[col].dtype) in ("string", "str"):
            df[col] = df[col].map(_xlsx_cell, na_action="ignore")
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


def _write_xlsx(tables: dict[str, pa.Table], out: Path) -> list[Path]:
    import pandas as pd

    path = out / "chiso.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, data in tables.items():
            _xlsx_frame(name, data).to_excel(writer, sheet_name=name, index=False)
    return [path]


def export_dataset(db: str | Path, out: str | Path, fmt: str = "parquet",
                   tables: tuple[str, ...] = TABLES) -> list[Path]:
    """Write the dataset's tables under `out` in `fmt`; returns the files written."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    ds = Dataset(db)
    present = set(ds.tables())
    wanted = [t for t in tables if t in present]
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{out}: cannot create the output folder: {err.strerror or err}") from err
    data = {t: _without_tz(table_arrow(ds, t)) for t in wanted}
    if fmt == "xlsx":
        return _write_xlsx(data, out)
    writer = _write_parquet if fmt == "parquet" else _write_csv
    written: list[Path] = []
    for name, table in data.items():
        written += writer(name, table, out)
        logger.info("%s: %d rows", name, table.num_rows)
    return written


def _without_tz(table: pa.Table) -> pa.Table:
    """Timestamps as DuckDB stores them (naive UTC); nothing else changes."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type) and field.type.tz:
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.timestamp(field.type.unit)))
    return table
