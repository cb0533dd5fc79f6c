"""`chiso extract`: print document, figure and reference records (EXTRACT-FORMAT.md)."""

from __future__ import annotations

import argparse
import json
import logging
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
    p.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _table_rows(rec: dict) -> str:
    if rec["type"] == "document":
        return (f"\n== {rec['source']}#{rec['doc_index']}  [{rec['kind']}]  {rec['organization'] or '-'}"
                f"  {rec['date'] or ''}\n   {(rec['title'] or '')[:100]}")
    if rec["type"] == "figure":
        extra = " ".join(x for x in (
            rec["comparator"] if rec["comparator"] != "=" else "",
            "avg" if rec["aggregation"] == "average" else "",
            f"{rec['period_years']}y" if rec["period_years"] else "",
            f"by {rec['deadline_year']}" if rec["deadline_year"] else "",
            rec["recurrence"] or "") if x)
        return (f"   {rec['text']:<24} {rec['value']!s:>14} {rec['unit']:<8} {rec['modality']:<7}"
                f" {(rec['entity'] or '-')[:40]:<40} {extra}")
    return f"   ref {rec['number']:<20} {rec['kind'] or '-':<16} {rec['date'] or ''}"


def run(args: argparse.Namespace) -> int:
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
        for rec in file_records(result):
            if args.format == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                out.write(_table_rows(rec) + "\n")
        out.flush()
    return 1 if failed else 0
