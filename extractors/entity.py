"""What a figure counts or measures: the noun phrase after the number, or before it.

`6.107 doanh nghiệp` → `doanh nghiệp`; `90% trở lên CĐCS các cơ quan, …` → `công đoàn cơ sở
các cơ quan, …` (abbreviations expanded, GLOSSARY.md); `tỷ lệ đoàn viên đạt từ 95%` →
`đoàn viên`; `(chiếm 98,37%)` → the first countable noun of the clause. Words come from
underthesea's word segmentation and POS tags; the word lists are in `extractors/lang/vi/entities.yaml`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache

from extractors.lang import load as load_yaml
from extractors.lang import phrase_pattern

_DATA = load_yaml("entities.yaml")
ABBREVIATIONS: dict[str, str] = _DATA["abbreviations"]
STOP = {w.lower() for w in _DATA["entity_stop_words"]}
KEEP = {w.lower() for w in _DATA["entity_keep_words"]}
DROP_PREFIX = {w.lower() for w in _DATA["entity_drop_prefix"]}
COUNTABLE = re.compile(phrase_pattern(_DATA["countable_nouns"] + list(ABBREVIATIONS)), re.I)
_ABBR_RX = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                      + r")(?![\wÀ-ỹ])")
_RATE = re.compile(r"tỷ lệ\s+([^,;:()]{2,60}?)\s+(?:trong|đạt|là|chiếm|so với|được|có)\b", re.I)
_MONEY_NOUN = re.compile(r"(?:tổng\s+)?(?:số tiền|kinh phí|giá trị|trị giá|nguồn quỹ|quỹ|tiền|mức lương|lương|thu nhập|mức hỗ trợ|mức chi)\b[^,;:()]{0,50}?"
                         r"(?=\s+(?:trong|là|với|đạt|gần|hơn|trên|khoảng|lên tới|lên đến|tổng)\b|\s*$)", re.I)
MAX_ENTITY_WORDS = 12
# POS tags that end a noun phrase: prepositions, conjunctions, punctuation, adverbs, pronouns.
CLOSING_TAGS = {"E", "C", "CH", "R", "P", "T", "I", "X", "Cc"}


def expand_abbreviations(s: str) -> str:
    return _ABBR_RX.sub(lambda m: ABBREVIATIONS[m.group(1)], s)


_MODEL_LOCK = threading.Lock()
_model_ready = False


@lru_cache(maxsize=4096)
def _pos(text: str) -> tuple[tuple[str, str], ...]:
    global _model_ready
    from extractors.pos import pos_tag  # underthesea's tagger; imported late: its model takes a second

    if not _model_ready:
        # underthesea loads its model on the first call without a lock: two threads at once crash
        with _MODEL_LOCK:
            result = tuple((w, t) for w, t in pos_tag(text))
            _model_ready = True
            return result
    return tuple((w, t) for w, t in pos_tag(text))


def entity_after(after: str) -> str | None:
    """The counted noun phrase that follows a number (`after` starts right after it)."""
    window = after[:140].split("\n")[0]
    window = re.split(r"[;()\[\]:.]", window, maxsplit=1)[0]
    if not window.strip():
        return None
    words: list[str] = []
    toks = list(_pos(window))
    k = 0
    # skip what stands between the number and its noun: "%", "trở lên", "số", "các"
    while k < len(toks) and (toks[k][0] in ("%", "trở", "lên") or toks[k][0].lower() in DROP_PREFIX):
        k += 1
    while k < len(toks) and len(words) < MAX_ENTITY_WORDS:
        w, tag = toks[k]
        low = w.lower()
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if w == ",":
            # a list of nouns goes on ("cơ quan, đơn vị, trường học"); anything else ends the phrase
            if nxt and (nxt[1] in ("N", "Np", "Nc") or nxt[0] in ABBREVIATIONS) and not nxt[0][:1].isdigit() \
                    and nxt[0].lower() not in STOP:
                words.append(",")
                k += 1
                continue
            break
        if w in ABBREVIATIONS:
            words.append(ABBREVIATIONS[w])
        elif w[:1].isdigit() or (low in STOP and low not in KEEP):
            break
        elif tag in CLOSING_TAGS and low not in KEEP:
            break
        elif tag == "V" and low not in KEEP and (not words and not COUNTABLE.fullmatch(w)
                                                 or (nxt is not None and nxt[1] == "V")):
            break
        elif tag == "L" and not words:
            pass  # "các", "những" before the noun
        else:
            words.append(w)
        k += 1
    while words and words[-1] == ",":
        words.pop()
    if not words:
        return None
    text = " ".join(words).replace(" ,", ",")
    return text if re.search(r"[a-zà-ỹđ]", text, re.I) else None


def entity_before(clause: str) -> str | None:
    """The counted noun when it stands before the number: `tỷ lệ X`, a money noun, or the first
    countable noun of the clause (its subject)."""
    m = _last(_RATE.finditer(clause))
    if m:
        return expand_abbreviations(m.group(1)).strip()
    first = COUNTABLE.search(clause)
    if first:
        return expand_abbreviations(first.group(0)).lower() if first.group(0) not in ABBREVIATIONS \
            else ABBREVIATIONS[first.group(0)]
    return None


def money_entity(clause: str) -> str | None:
    m = _last(_MONEY_NOUN.finditer(clause))
    return m.group(0).strip() if m else None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of the matches, or None."""
    found = None
    for found in matches:  # noqa: B007 - the loop is how the last one is kept
        pass
    return found
