"""`chiso audit`: check that the stored figures add up; store and print the findings."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from pipeline.audit import RULE_ORDER, AuditError, Finding
from pipeline.audit.model import CONSISTENT, SEVERITY_ORDER, SURE
from pipeline.audit.report_html import render_report
from pipeline.audit.run import audit_and_store
from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.store.errors import StoreError, StoreNotFound

NAME = "audit"
HELP = "check that the stored figures add up (averages, shares, parts, targets) and store the findings"
EXAMPLE = "chiso audit --db chiso.duckdb --format html --out audit.html"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--format", choices=["table", "jsonl", "html"], default="table")
    p.add_argument("--out", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--rules", metavar="IDS", help=f"comma-separated rules to run (default all: {','.join(RULE_ORDER)})")
    p.add_argument("--all", action="store_true", help="also print the checks that came out consistent")
    p.add_argument("--all-findings", action="store_true",
                   help="also print findings whose pairing is inferred across sentences (default: only the sure "
                        "ones, where one sentence states the relation); all are stored either way")
    p.add_argument("--precision", action="store_true",
                   help="print each rule's precision measured from the review marks (no new audit)")
    p.add_argument("--mark", metavar="FINDING_ID=MARK", action="append",
                   help="mark a finding of the last audit confirmed or dismissed (with --reviewer); no new audit")
    p.add_argument("--reviewer", metavar="NAME", help="who marks findings (with --mark)")
    p.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="exit 1 when a finding of this severity or worse is found (for scripts)")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")


def _snippet(sentence: str, start: int, end: int, width: int = 60) -> str:
    """The figure in «» with up to `width` characters of its sentence either side."""
    left = ("…" if start > width else "") + sentence[max(0, start - width):start]
    right = sentence[end:end + width] + ("…" if end + width < len(sentence) else "")
    return f"{left}«{sentence[start:end]}»{right}"


def _table(findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        out.write(f"{f.severity:<8} {f.rule:<16} {f.outcome:<13} {f.confidence:<9} {f.organization or '-'}"
                  f"  [{f.finding_id}]\n")
        out.write(f"    {f.message_vi}\n    {f.message_en}\n    = {f.arithmetic}\n")
        for e in f.evidence:
            i, j = e.char_start - e.sentence_start, e.char_end - e.sentence_start
            out.write(f"    {e.path}#{e.doc_index}@{e.char_start}: {_snippet(e.sentence, i, j)}\n")
        out.write("\n")


def _write(findings: list[Finding], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for f in findings:
            out.write(json.dumps(f.as_dict(), ensure_ascii=False) + "\n")
    elif fmt == "html":
        out.write(render_report(findings))
    else:
        _table(findings, out)


def _reviews(args: argparse.Namespace, db: str) -> int:
    """--mark and --precision: work on the stored findings and marks, without a new audit."""
    from pipeline.audit.reviews import mark_finding, precision
    from pipeline.store import Store

    with Store(db, lock_timeout=args.lock_timeout) as store:
        for item in args.mark or ():
            finding_id, _, mark = item.partition("=")
            review = mark_finding(store.con, finding_id.strip(), mark.strip(), args.reviewer or "")
            if not args.quiet:
                print(f"{review.finding_id}: {review.mark} by {review.reviewer}", file=sys.stderr)
        if args.precision:
            rows = precision(store.con)
            print(f"{'rule':<16} {'confirmed':>9} {'dismissed':>9} {'unreviewed':>10} {'precision':>9}")
            for r in rows:
                p = "-" if r.precision is None else f"{r.precision:.0%}"
                print(f"{r.rule:<16} {r.confirmed:>9} {r.dismissed:>9} {r.unreviewed:>10} {p:>9}")
            c, d = sum(r.confirmed for r in rows), sum(r.dismissed for r in rows)
            print(f"{'all':<16} {c:>9} {d:>9} {sum(r.unreviewed for r in rows):>10} "
                  f"{(f'{c / (c + d):.0%}' if c + d else '-'):>9}")
    return 0


def _audit(db: str, rules: list[str] | None, include_consistent: bool, lock_timeout: float) -> list[Finding]:
    from pipeline.store import Store  # the store opens (and migrates) the database

    with Store(db, lock_timeout=lock_timeout) as store:
        return list(audit_and_store(store.con, rules=rules, include_consistent=include_consistent).findings)


def run(args: argparse.Namespace) -> int:
    db = db_path(args)
    if not Path(db).exists():
        print(StoreNotFound(db), file=sys.stderr)
        return 1
    if args.mark or args.precision:
        try:
            return _reviews(args, db)
        except AuditError as err:
            print(f"{db}: {err}", file=sys.stderr)
            return 2 if "must be one of" in str(err) or "reviewer" in str(err) else 1
    rules = [r.strip() for r in args.rules.split(",") if r.strip()] if args.rules else None
    try:
        stored = _audit(db, rules, args.all, args.lock_timeout)
    except AuditError as err:
        print(f"{db}: {err}", file=sys.stderr)
        return 2 if "unknown rule" in str(err) else 1
    except StoreError as err:  # an ingest holds the dataset: one line, no traceback (issue 22)
        print(f"chiso audit: {err}", file=sys.stderr)
        return 1
    findings = [f for f in stored if args.all_findings or f.confidence == SURE]
    hidden = len(stored) - len(findings)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            _write(findings, args.format, out)
    else:
        _write(findings, args.format, sys.stdout)
        sys.stdout.flush()
    if not args.quiet:
        counts = Counter(f.severity for f in stored if f.outcome != CONSISTENT)
        more = f"; {hidden} inferred across sentences not shown (--all-findings)" if hidden else ""
        print(f"{db}: {sum(counts.values())} findings ({counts['error']} error, {counts['warning']} warning, "
              f"{counts['info']} info) stored in table findings{more}", file=sys.stderr)
    if args.fail_on:
        worst = SEVERITY_ORDER[args.fail_on]
        if any(SEVERITY_ORDER[f.severity] <= worst for f in findings if f.outcome != CONSISTENT):
            return 1
    return 0
