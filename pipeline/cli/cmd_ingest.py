"""`chiso ingest`: add files to the dataset (DuckDB); unchanged files are skipped."""

from __future__ import annotations

import argparse
import os
import sys

from extractors.settings import SETTINGS, Budget
from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.ingest import ingest_paths
from pipeline.names import escaped, shown
from pipeline.store import StoreError

NAME = "ingest"
HELP = "extract files and folders into the dataset (a DuckDB file); unchanged files are skipped"
EXAMPLE = "chiso ingest corpus/ --db chiso.duckdb"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders: document files only)")
    add_db_argument(p)
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip folder entries matching GLOB (repeatable), e.g. --exclude 'drafts*'")
    p.add_argument("--ocr", choices=["auto", "off"], default=None,
                   help="read scans and photos with Tesseract's Vietnamese model (auto, the default, when it is "
                        "installed) or not (off: they keep the status needs_ocr)")
    p.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    p.add_argument("--rehash", action="store_true",
                   help="read and hash every file; by default a file whose size, modification time and inode "
                        "are those it had when stored is taken as unchanged without being read")
    p.add_argument("--follow-links", action="store_true",
                   help="read files that links in a folder lead to outside that folder (by default such links "
                        "are skipped, with a line naming them; FIFOs, sockets and devices are never read)")
    p.add_argument("--workers", type=_workers, default=0, metavar="N",
                   help="processes that extract files at once (default: one per core; 1 = none besides this one)")
    p.add_argument("--file-timeout", type=float, default=SETTINGS.file_seconds, metavar="SECONDS",
                   help=f"time one file may take in a worker process before it is stopped and recorded "
                        f"failed (default {SETTINGS.file_seconds:g})")
    p.add_argument("--file-memory", type=int, default=SETTINGS.file_memory_mb, metavar="MB",
                   help=f"memory (address space) a worker process may use for one file; a file that needs "
                        f"more is recorded failed (default {SETTINGS.file_memory_mb})")


def _workers(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def run(args: argparse.Namespace) -> int:
    if args.ocr:  # the readers and the worker processes read it from the environment (extractors/readers/ocr.py)
        os.environ["CHISO_OCR"] = args.ocr
    if "-" in args.paths:
        print("chiso ingest reads files, not standard input; save the data to a file first", file=sys.stderr)
        return 2
    db = db_path(args)
    try:
        summary = ingest_paths(args.paths, db, quiet=args.quiet, exclude=args.exclude,
                               lock_timeout=args.lock_timeout, workers=args.workers or None,
                               rehash=args.rehash, follow_links=args.follow_links,
                               budget=Budget(seconds=args.file_timeout, memory_mb=args.file_memory))
    except StoreError as err:
        print(f"chiso ingest: {shown(str(err))}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(shown(f"{db}: {summary.line()}"), file=sys.stderr)
    for path, why in summary.not_read:
        print(f"skipped: {escaped(path)}: {shown(why)}", file=sys.stderr)
    for _path, error in summary.failures:
        print(f"failed: {shown(error)}", file=sys.stderr)  # file names escaped (pipeline/names.py)
    return 1 if summary.failed else 0
