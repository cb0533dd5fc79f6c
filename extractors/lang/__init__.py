"""The one loader of Vietnamese language data (`extractors/lang/vi/*.yaml`).

Every data file is read here, cached, and checked as it loads: a file that does not parse, a
key that is missing or a pattern that does not compile raises `LangDataError` naming the file
and the key. Code asks for a file by name (`load("organizations.yaml")`) and builds its
regexes with `phrase_pattern` / `compile_pattern`, so the words live in data, not in code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGE = "vi"


class LangDataError(ValueError):
    """A language data file is broken; the message names the file and the key."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice in one mapping (YAML keeps the last)."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def data_files() -> list[str]:
    """Names of every data file of the language."""
    folder = resources.files(__name__).joinpath(LANGUAGE)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))


def table_files() -> list[str]:
    """Names of every table (TSV) file of the language."""
    folder = resources.files(__name__).joinpath(LANGUAGE)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv"))


@cache
def load(name: str) -> Any:
    """The parsed content of `extractors/lang/vi/<name>` (cached)."""
    where = f"extractors/lang/{LANGUAGE}/{name}"
    try:
        with resources.files(__name__).joinpath(LANGUAGE, name).open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError as err:
        raise LangDataError(f"{where}: no such language data file") from err
    except yaml.YAMLError as err:
        raise LangDataError(f"{where}: not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise LangDataError(f"{where}: must be a mapping of named entries")
    return data


@cache
def read_text(name: str) -> str:
    """The text of a table file (`tcvn3.tsv`) of `extractors/lang/vi/` (cached)."""
    try:
        return resources.files(__name__).joinpath(LANGUAGE, name).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise LangDataError(f"extractors/lang/{LANGUAGE}/{name}: no such language data file") from err


def entry(name: str, key: str) -> Any:
    """`load(name)[key]`, with an error naming the file and the key when it is missing."""
    data = load(name)
    if key not in data:
        raise LangDataError(f"extractors/lang/{LANGUAGE}/{name}: missing key {key!r}")
    return data[key]


@cache
def compile_pattern(name: str, key: str, pattern: str) -> re.Pattern[str]:
    """A regex of a data file, compiled case-insensitively (once: callers on a hot path may ask again); errors
    name the file and the key."""
    try:
        return re.compile(pattern, re.I)
    except re.error as err:
        raise LangDataError(f"extractors/lang/{LANGUAGE}/{name}: {key}: pattern does not compile: {err}") from err


def phrase_pattern(phrases: list[str]) -> str:
    """One alternation of phrases, longest first, each bounded by non-letters."""
    alts = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return rf"(?<![\wÀ-ỹ])(?:{alts})(?![\wÀ-ỹ])"
