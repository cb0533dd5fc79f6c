"""Every `chiso` verb has help with an example and is listed in the README (the sqlite-utils rule)."""

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import build_parser, requested_verb, verb_modules

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
VERBS = [m.NAME for m in verb_modules()]


@pytest.mark.parametrize("verb", VERBS)
def test_verb_is_documented(verb):
    assert f"chiso {verb}" in README, f"README.md does not list `chiso {verb}`"


@pytest.mark.parametrize("mod", verb_modules(), ids=VERBS)
def test_verb_has_help_and_example(mod):
    assert mod.HELP and mod.EXAMPLE.startswith("chiso ")
    sub = build_parser()._subparsers._group_actions[0].choices[mod.NAME]
    assert "example:" in sub.format_help()


def test_main_verbs_exist():
    assert {"extract", "ingest", "query", "compare", "export", "audit", "serve", "eval", "show"} <= set(VERBS)


@pytest.mark.parametrize("mod", verb_modules(), ids=VERBS)
def test_verb_module_is_named_after_its_verb(mod):
    # `chiso VERB` imports only pipeline/cli/cmd_VERB.py: the file name is the verb.
    assert mod.__name__.rsplit(".", 1)[1] == f"cmd_{mod.NAME}"


@pytest.mark.parametrize(("argv", "verb"), [
    (["ingest", "corpus"], "ingest"),
    (["--debug", "query", "SELECT 1"], "query"),
    (["--help"], None),
    ([], None),
])
def test_requested_verb(argv, verb):
    assert requested_verb(argv) == verb


# Modules a verb must not load just to start: `chiso ingest` on an unchanged folder must be quick
# (issue 7: re-run < 2 s), and the other verbs should not pay for the NLP models.
HEAVY = ("pandas", "pyarrow", "underthesea", "spacy", "prefect", "streamlit")
LIGHT_VERBS = {"ingest": HEAVY, "extract": ("pandas", "prefect", "streamlit"), "eval": ("prefect", "streamlit"),
               "serve": ("pandas", "underthesea", "spacy", "streamlit"), "web": HEAVY}


@pytest.mark.parametrize("verb", sorted(LIGHT_VERBS))
def test_a_verb_imports_only_what_it_needs(verb):
    code = (f"import sys; from pipeline.cli import build_parser; build_parser({verb!r}); "
            f"print(' '.join(m for m in {LIGHT_VERBS[verb]!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == []
