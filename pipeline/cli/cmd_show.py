"""`chiso show`: one file's documents with their figures highlighted, as HTML or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors.extract import extract_file

NAME = "show"
HELP = "render a file's documents with figures highlighted (hover: value, unit, modality, …)"
EXAMPLE = "chiso show corpus/seeds/002_8a56ceed1e768dfa.txt --html out.html"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="FILE")
    p.add_argument("--html", metavar="OUT", help="write the HTML page here ('-' for standard output)")


def run(args: argparse.Namespace) -> int:
    from pipeline.show_html import render_file  # imports spaCy: not on the path of every other verb

    result = extract_file(args.path)
    if result.status != "ok":
        print(result.error or f"{args.path}: {result.status}", file=sys.stderr)
        return 1
    page = render_file(args.path, result.documents)
    if args.html in (None, "-"):
        sys.stdout.write(page)
    else:
        Path(args.html).write_text(page, encoding="utf-8")
        n = sum(len(ex.figures) for ex in result.documents)
        print(f"{args.html}: {len(result.documents)} documents, {n} figures", file=sys.stderr)
    return 0
