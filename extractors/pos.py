"""Part-of-speech tags from underthesea's CRF model, with its feature function computed once.

`underthesea.pos_tag` (9.5, the default CRF model) segments words, then builds 22 template features
per word with `template2features`, which re-parses the template with a regex and rebuilds every
column of the sentence for each feature of each word (quadratic in the words). That was about half
of the POS time, and POS tagging a fifth of all extraction time. `pos_tag` here gives the same
features (strings equal, in the same order: tested against underthesea's on the seeds) to the
same model, so the same tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class _Template:
    """One of underthesea's feature templates, `T[index1(,index2)][column].function`, parsed."""

    prefix: str  # the template itself and "=", as underthesea writes it (debug=True)
    index1: int
    index2: int | None
    column: int  # 0: the word; 1: the placeholder label "X"
    function: str | None


_TEMPLATE_SYNTAX = re.compile(
    r"T\[(?P<index1>-?\d+)(,(?P<index2>-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")
_LABEL = "X"  # underthesea tags (word, "X") pairs: column 1 is always "X"


def _parse(syntax: str) -> _Template:
    m = _TEMPLATE_SYNTAX.match(syntax)
    if m is None:
        raise ValueError(f"not an underthesea feature template: {syntax!r}")
    index2 = m.group("index2")
    return _Template(prefix=f"{syntax}=", index1=int(m.group("index1")),
                     index2=int(index2) if index2 else None, column=int(m.group("column") or 0),
                     function=m.group("function"))


@cache
def _model() -> tuple[Any, tuple[_Template, ...], Any]:
    """underthesea's POS predictor (loads its model once), its templates parsed, its functions."""
    from underthesea.pipeline.pos_tag import tagged_feature
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = CRFPOSTagPredictor.Instance()
    templates = tuple(_parse(t) for t in predictor.transformer.template)
    return predictor.model, templates, tagged_feature.apply_function


def features(words: list[str], templates: tuple[_Template, ...], apply_function: Any) -> list[list[str]]:
    """underthesea's `TaggedTransformer.sentence2features` for the words of one sentence."""
    n = len(words)
    out = []
    for i in range(n):
        row = []
        for t in templates:
            a = i + t.index1
            if a < 0:
                row.append(t.prefix + "BOS")
                continue
            if a >= n:
                row.append(t.prefix + "EOS")
                continue
            if t.index2 is not None:
                b = i + t.index2
                if b >= n:
                    row.append(t.prefix + "EOS")
                    continue
                word = " ".join(words[a:b + 1] if t.column == 0 else [_LABEL] * len(words[a:b + 1]))
            else:
                word = words[a] if t.column == 0 else _LABEL
            row.append(t.prefix + (str(apply_function(t.function, word)) if t.function else word))
        out.append(row)
    return out


def pos_tag(text: str) -> list[tuple[str, str]]:
    """`underthesea.pos_tag(text)`: (word, tag) pairs."""
    from underthesea import word_tokenize

    model, templates, apply_function = _model()
    words = word_tokenize(text)
    if not words:
        return []
    return list(zip(words, model.tag(features(words, templates, apply_function)), strict=True))
