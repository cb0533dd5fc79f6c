"""The `chiso` command: one entry point, one module per verb (`pipeline/cli/cmd_*.py`).

Each verb module defines `NAME`, `HELP` (one line), `EXAMPLE`, `add_arguments(parser)` and
`run(args) -> int`. Exit codes: 0 all good, 1 some inputs failed (named on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from types import ModuleType

from extractors import EXTRACTOR_VERSION


def verb_modules() -> list[ModuleType]:
    """Every `cmd_*` module of this package, in name order."""
    mods = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    return mods


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chiso",
        description="Chỉ Số: Vietnamese trade-union documents → a dataset of figures and targets.",
    )
    parser.add_argument("--version", action="version", version=f"chiso {EXTRACTOR_VERSION}")
    parser.add_argument("--debug", action="store_true", help="log debug messages to stderr")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for mod in verb_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=f"{mod.HELP}\n\nexample:\n  {mod.EXAMPLE}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
