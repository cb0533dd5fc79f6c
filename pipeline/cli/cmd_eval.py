"""`chiso eval`: precision, recall, F1 and attribute accuracies against the gold set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.gold_gate import (
    DEFAULT_BASELINE,
    DEFAULT_GOLD,
    below_floors,
    evaluate_paths,
    load_floors,
    pin_floors,
)

NAME = "eval"
HELP = "score the extractor against the gold set and the pinned floors"
EXAMPLE = "chiso eval corpus/seeds --gold corpus/gold --verbose"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=["corpus/seeds", "corpus/cases"], metavar="PATH")
    p.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of *.figures/documents/references.jsonl")
    p.add_argument("--baseline", default=None,
                   help=f"pinned floors (JSON); default: baseline.json in the gold folder ({DEFAULT_BASELINE})")
    p.add_argument("--pin", action="store_true", help="raise the floors to the current scores (never lowers)")
    p.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong attribute")


def run(args: argparse.Namespace) -> int:
    if args.baseline is None:
        args.baseline = str(Path(args.gold) / "baseline.json")
    sc = evaluate_paths(args.paths, args.gold)
    if args.verbose:
        print("\n".join("  " + m for m in sc.misses))
    print(f"documents found={sc.documents_found}/{sc.documents_gold} kind_acc={sc.kind_ok}/{sc.documents_gold} "
          f"org_acc={sc.org_ok}/{sc.documents_gold}")
    print(f"references recall={sc.refs_found}/{sc.refs_gold} extra={sc.refs_extra}")
    for a, (ok, n) in sc.attributes.items():
        print(f"attribute {a} accuracy={ok}/{n}")
    print(f"figures tp={sc.tp} fp={sc.fp} fn={sc.fn}")
    print(f"figures F1={sc.f1:.3f} P={sc.precision:.3f} R={sc.recall:.3f}")
    metrics = sc.metrics()
    if args.pin:
        pin_floors(metrics, args.baseline)
        print(f"floors pinned in {args.baseline}", file=sys.stderr)
        return 0
    failures = below_floors(metrics, load_floors(args.baseline))
    for f in failures:
        print(f"below floor: {f}", file=sys.stderr)
    return 1 if failures else 0
