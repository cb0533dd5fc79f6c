"""`make demo`: ingest a folder into a fresh database and print what the dataset holds.

    python -m pipeline.demo --db demo.duckdb corpus/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from pipeline.cli.frame_output import render_table
from pipeline.dataset import Dataset
from pipeline.extract_pool import available_cores
from pipeline.ingest import ingest_paths
from pipeline.store.lock import lock_path
from pipeline.store.run_journal import journal_path
from pipeline.store.snapshot import snapshot_path

# Folder entries the demo never treats as documents: gold annotations, notes, code.
DEMO_EXCLUDE = ("gold", "*.jsonl", "*.json", "*.yaml", "*.py", "README*")
TOP_INDICATORS = 10


def fresh_database(db: Path) -> None:
    for path in (db, db.with_name(db.name + ".wal"), lock_path(db), snapshot_path(db), journal_path(db)):
        path.unlink(missing_ok=True)


def comparison(ds: Dataset) -> tuple[str, pd.DataFrame | None]:
    """The membership-rate targets by deadline year if present, else the commonest indicator."""
    top = ds.sql("SELECT indicator, count(*) AS n FROM figures WHERE indicator IS NOT NULL "
                 "GROUP BY ALL ORDER BY n DESC, indicator LIMIT 1")
    has_rate = not ds.figures(indicator="membership_rate", modality="target").empty
    if has_rate:
        return "membership_rate targets by organization and deadline year", ds.compare(
            "membership_rate", ["organization", "deadline_year"], modality="target")
    if top.empty:
        return "no figure has an indicator yet", None
    name = str(top["indicator"][0])
    return f"{name} by organization and year", ds.compare(name, ["organization", "year"])


def summary_text(db: Path, seconds: float) -> str:
    ds = Dataset(db)
    stats = ds.stats()
    t = stats["totals"].iloc[0]
    size_kib = db.stat().st_size / 1024
    by_indicator = stats["figures_by_indicator"]
    out = [f"Chỉ Số demo: {db} ({size_kib:.0f} KiB), ingested in {seconds:.1f} s",
           f"files {t['files']} (ok {t['files_ok']}, needs OCR {t['files_needs_ocr']}, failed {t['files_failed']}),"
           f" documents {t['documents']}, figures {t['figures']}, references {t['references']}",
           "", "Documents by kind:",
           render_table(ds.sql("SELECT kind, count(*) AS documents FROM documents GROUP BY ALL "
                               "ORDER BY documents DESC, kind")),
           f"Top {TOP_INDICATORS} indicators:",
           render_table(by_indicator[by_indicator["indicator"].notna()].head(TOP_INDICATORS)),
           f"figures with no indicator (their meaning was read, no indicator of the taxonomy fits): "
           f"{int(by_indicator[by_indicator['indicator'].isna()]['figures'].sum())}", ""]
    title, pivot = comparison(ds)
    out.append(f"Comparison: {title}")
    if pivot is not None:
        flat = pivot.reset_index()
        flat.columns = [" / ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in flat.columns]
        out.append(render_table(flat))
    failed = stats["failed_files"]
    if not failed.empty:
        out += [f"Files not ingested ({len(failed)}):", render_table(failed)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.demo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--db", default="demo.duckdb")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    db = Path(args.db)
    fresh_database(db)
    summary = ingest_paths(args.paths, db, quiet=args.quiet, exclude=DEMO_EXCLUDE, workers=available_cores())
    print(f"{db}: {summary.line()}", file=sys.stderr)
    print(summary_text(db, summary.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
