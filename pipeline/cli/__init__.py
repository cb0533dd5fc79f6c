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

VERB_PREFIX = "cmd_"


def verb_names() -> list[str]:
    """The verbs this package defines (`cmd_<verb>.py`), in name order, without importing them."""
    return sorted(info.name[len(VERB_PREFIX):] for info in pkgutil.iter_modules(__path__)
                  if info.name.startswith(VERB_PREFIX))


def verb_modules(only: str | None = None) -> list[ModuleType]:
    """Every `cmd_*` module of this package in name order, or just the one for verb `only`."""
    names = [only] if only in verb_names() else verb_names()
    return [importlib.import_module(f"{__name__}.{VERB_PREFIX}{name}") for name in names]


def requested_verb(argv: list[str]) -> str | None:
    """The verb named on the command line (the first word that is not an option), if any."""
    return next((a for a in argv if not a.startswith("-")), None)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `chiso` parser. With `only`, just that verb's module is imported: each verb pulls in
    what it needs (pandas, pyarrow, the NLP models), and `chiso ingest` on an unchanged folder
    must not pay for what `chiso audit` uses. `chiso --help` imports them all."""
    parser = argparse.ArgumentParser(
        prog="chiso",
        description="Chỉ Số: Vietnamese trade-union documents → a dataset of figures and targets.",
    )
    parser.add_argument("--version", action="version", version=f"chiso {EXTRACTOR_VERSION}")
    parser.add_argument("--debug", action="store_true", help="log debug messages to stderr")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for mod in verb_modules(only):
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=f"{mod.HELP}\n\nexample:\n  {mod.EXAMPLE}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


class _ShownFormatter(logging.Formatter):
    """Log lines with file names escaped (pipeline/names.py): a name never acts on the terminal."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        from pipeline.names import shown

        return shown(self.inner.format(record))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=requested_verb(argv))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for handler in logging.getLogger().handlers:
        if not isinstance(handler.formatter, _ShownFormatter):
            handler.setFormatter(_ShownFormatter(handler.formatter))
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
