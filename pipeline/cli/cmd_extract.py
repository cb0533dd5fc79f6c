"""`chiso extract`: print document, figure and reference records (EXTRACT-FORMAT.md)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from extractors.extract import extract_file
from pipeline.inputs import iter_input_files
from pipeline.names import escaped, shown
from pipeline.records_json import file_records

NAME = "extract"
HELP = "extract documents, figures and references from files and print them"
EXAMPLE = "chiso extract corpus/seeds/ --format jsonl > out.jsonl"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; '-' reads standard input")
    p.add_argument("--format", choices=["jsonl", "table"], default="jsonl",
                   help="jsonl for scripts (default; EXTRACT-FORMAT.md), table for people")
    p.add_argument("--ocr", choices=["auto", "off"], default=None,
                   help="read scans and photos with Tesseract's Vietnamese model (auto, the default, when it is "
                        "installed) or not (off: they keep the status needs_ocr)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


# `--format table`: one block per document, its figures and references as tables with headers.
FIGURE_COLUMNS = ("text", "value", "unit", "modality", "indicator", "organization", "year", "entity", "notes")
REFERENCE_COLUMNS = ("reference", "kind", "date")
MAX_CELL = 40  # a long cell is cut so a row stays on one line


def _cell(value: object) -> str:
    """A value as people read it: empty for none, numbers without a trailing .0."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def aligned(columns: tuple[str, ...], rows: list[list[str]],
            right: frozenset[str] = frozenset({"value", "year"})) -> str:
    """A plain-text table: header, rule, rows; numbers right-aligned."""
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "   " + "  ".join(v.rjust(w) if c in right else v.ljust(w)
                                 for c, v, w in zip(columns, cells, widths, strict=True)).rstrip()
    return "\n".join([line(list(columns)), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _notes(rec: dict) -> str:
    return " ".join(x for x in (
        rec["comparator"] if rec["comparator"] != "=" else "",
        "average" if rec["aggregation"] == "average" else "",
        f"{rec['period_years']:g} years" if rec["period_years"] else "",
        f"by {rec['deadline_year']}" if rec["deadline_year"] else "",
        rec["recurrence"] or "",
        rec.get("relation") if rec.get("relation") not in (None, "level") else "") if x)


def table_block(records: list[dict]) -> str:
    """One document's records (its document record first) as text for people."""
    doc, figures = records[0], [r for r in records if r["type"] == "figure"]
    refs = [r for r in records if r["type"] == "reference"]
    head = [f"== {doc['source']}#{doc['doc_index']}  [{doc['kind'] or ''}]  {doc['organization'] or ''}"
            f"  {doc['date'] or ''}".rstrip()]
    if doc.get("title"):
        head.append(f"   {doc['title'][:100]}")
    if figures:
        head.append(aligned(FIGURE_COLUMNS, [[_cell(r["text"]), _cell(r["value"]), _cell(r["unit"]),
                                              _cell(r["modality"]), _cell(r["indicator"]),
                                              _cell(r.get("organization")), _cell(r.get("year")),
                                              _cell(r["entity"]), _notes(r)] for r in figures]))
    if refs:
        head.append(aligned(REFERENCE_COLUMNS, [[_cell(r["number"]), _cell(r["kind"]), _cell(r["date"])]
                                                for r in refs], right=frozenset()))
    return "\n" + "\n\n".join(head) + "\n"


def _blocks(records: list[dict]) -> list[list[dict]]:
    blocks: list[list[dict]] = []
    for rec in records:
        if rec["type"] == "document" or not blocks:
            blocks.append([])
        blocks[-1].append(rec)
    return blocks


def run(args: argparse.Namespace) -> int:
    if args.ocr:  # the readers and the worker processes read it from the environment (extractors/readers/ocr.py)
        os.environ["CHISO_OCR"] = args.ocr
    failed = 0
    if not args.quiet and logging.getLogger().level > logging.INFO:
        logging.getLogger("extractors.readers").setLevel(logging.INFO)  # page progress of long PDFs
    out = sys.stdout
    for path in iter_input_files(args.paths):
        if path == "-":
            result = extract_file("-", source="-", data=sys.stdin.buffer.read())
        else:
            try:
                result = extract_file(path, source=escaped(path))  # any bytes of a name: printable, lossless
            except Exception as err:  # noqa: BLE001 - one bad file must not stop the files after it
                logging.getLogger(__name__).debug("%s: extraction crashed", escaped(path), exc_info=True)
                failed += 1
                print(shown(f"{escaped(path)}: extraction crashed: {type(err).__name__}: {err}"), file=sys.stderr)
                continue
        if result.status != "ok":
            failed += 1
            print(shown(result.error or f"{escaped(path)}: {result.status}"), file=sys.stderr)
            continue
        records = list(file_records(result))
        if args.format == "jsonl":
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            for block in _blocks(records):
                out.write(table_block(block))
        out.flush()
    return 1 if failed else 0
