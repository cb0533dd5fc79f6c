"""Word leftovers (`[bookmark: _GoBack]`, field codes), invisible characters, NBSP and
page-number lines, from `extractors/lang/vi/boilerplate.yaml`; origins kept."""

from __future__ import annotations

import functools
import re
from typing import Any

from extractors.lang import load
from extractors.normalize.edits import MappedText, substitute


@functools.lru_cache(maxsize=1)
def boilerplate_data() -> dict[str, Any]:
    return load("boilerplate.yaml")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = boilerplate_data()
    leftovers = re.compile("|".join(f"(?:{p})" for p in d["word_leftovers"]))
    invisible = re.compile("[" + "".join(d["invisible"]) + "]")
    spaces = re.compile("[" + "".join(d["space_like"]) + "]")
    page = re.compile(rf"(?m)^[ \t]*{d['page_number_line']}[ \t]*(?:\n|$)")
    return leftovers, invisible, spaces, page


@functools.lru_cache(maxsize=1)
def _line_break() -> re.Pattern[str]:
    return re.compile(boilerplate_data()["html_line_break"], re.I)


def remove_word_leftovers(mt: MappedText) -> MappedText:
    """Bookmarks, field codes, soft hyphens, zero-width chars removed; NBSP → space; `<br>` → a line end."""
    leftovers, invisible, spaces, _ = _patterns()
    mt = substitute(mt, _line_break(), "\n")
    mt = substitute(mt, leftovers, "")
    mt = substitute(mt, invisible, "")
    return substitute(mt, spaces, " ")


@functools.lru_cache(maxsize=1)
def _page_number_right() -> re.Pattern[str]:
    return re.compile(boilerplate_data()["page_number_right"])


def remove_page_numbers(mt: MappedText) -> MappedText:
    """Lines that are only `- 3 -`, `Trang 3` or `3/12`, or a small number set far to the right, are removed
    with their line end."""
    mt = substitute(mt, _page_number_right(), "")
    return substitute(mt, _patterns()[3], "")
