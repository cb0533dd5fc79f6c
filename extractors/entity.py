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

from extractors.figure_cues import EACH_BEFORE
from extractors.lang import load as load_yaml
from extractors.lang import phrase_pattern

_DATA = load_yaml("entities.yaml")
ABBREVIATIONS: dict[str, str] = _DATA["abbreviations"]
STOP = {w.lower() for w in _DATA["entity_stop_words"]}
KEEP = {w.lower() for w in _DATA["entity_keep_words"]}
DROP_PREFIX = {w.lower() for w in _DATA["entity_drop_prefix"]}
PERSON_CLASSIFIERS = frozenset(_DATA["person_classifiers"])
COUNTABLE = re.compile(phrase_pattern(_DATA["countable_nouns"] + list(ABBREVIATIONS)), re.I)
_ABBR_RX = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                      + r")(?![\wÀ-ỹ])")
_RATE = re.compile(_DATA["rate_clause"], re.I)
_MONEY_NOUN = re.compile(phrase_pattern(_DATA["money_nouns"]) + r"[^,;:()]{0,50}?(?=\s+"
                         + phrase_pattern(_DATA["money_noun_followers"]) + r"|\s*$)", re.I)
_GENERIC_MONEY = re.compile(phrase_pattern(_DATA["generic_money_nouns"]) + r"$", re.I)
_PARTIAL_MONEY = re.compile(phrase_pattern(_DATA["partial_money_nouns"]) + r"$", re.I)
_PURPOSE_VERB = re.compile(phrase_pattern(_DATA["purpose_verbs"]), re.I)
_GIVING_VERB = re.compile(phrase_pattern(_DATA["giving_verbs"]) + r"\s*", re.I)
_PURPOSE_TAIL = re.compile(r"(?:[\s,]|" + phrase_pattern(_DATA["purpose_tail"]) + r")+$", re.I)
_PURPOSE_NUMBER = re.compile(r"(?<![\wÀ-ỹ])\d[\d.,/]*\s*(?:" + phrase_pattern(_DATA["purpose_number_units"])
                             + r"\s*)?", re.I)
_PURPOSE_AFTER = re.compile(r"^\s*" + phrase_pattern(_DATA["purpose_after"]) + r"\s+([^;:()\n.]*)", re.I)
MAX_PURPOSE_WORDS = 14  # "thăm hỏi, hỗ trợ đoàn viên ốm đau, có hoàn cảnh khó khăn" has 12
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


_QUOTED_NAME = re.compile(r"^\s*[\"“]([^\"”]{2,40})[\"”]")


def entity_after(after: str) -> str | None:
    """The counted noun phrase that follows a number (`after` starts right after it)."""
    window = after[:140].split("\n")[0]
    window = re.split(r"[;()\[\]:.]", window, maxsplit=1)[0]
    window = _QUOTED_NAME.sub(r" \1", window, count=1)  # `02 "Mái ấm Công đoàn"`: the name counted, unquoted
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
            # a list of nouns goes on ("cơ quan, đơn vị, trường học"); anything else ends the phrase,
            # and so does a comma before any noun ("Ninh Phước 300, Ninh Hải 260": no entity)
            if words and nxt and (nxt[1] in ("N", "Np", "Nc") or nxt[0] in ABBREVIATIONS) and not nxt[0][:1].isdigit() \
                    and nxt[0].lower() not in STOP:
                words.append(",")
                k += 1
                continue
            break
        if w in ABBREVIATIONS:
            words.append(ABBREVIATIONS[w])
        elif w[:1].isdigit() or (low in STOP and low not in KEEP):
            break
        elif tag in CLOSING_TAGS and low not in KEEP and not COUNTABLE.fullmatch(w):
            break  # a countable noun is one whatever its tag ("đoàn viên" tagged R before "được")
        elif tag == "V" and low not in KEEP and not (not words and COUNTABLE.fullmatch(w)) \
                and not COUNTABLE.fullmatch(" ".join(words + [w])) \
                and (not words or (nxt is not None and nxt[1] == "V")):
            break  # a countable noun opens the phrase whatever its tag ("126 hoạt động chăm lo")
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


def entity_adjacent(clause: str) -> str | None:
    """The counted noun written right before the number (`trong đó nữ 58`, `số đoàn viên: 1.200`)."""
    m = _last(COUNTABLE.finditer(clause))
    if m is None or clause[m.end():].strip(" :") != "":
        return None
    return expand_abbreviations(m.group(0)).lower() if m.group(0) not in ABBREVIATIONS else ABBREVIATIONS[m.group(0)]


def money_entity(clause: str) -> str | None:
    """What an amount of money is for: the money noun before it (`kinh phí công đoàn`); a noun that says
    nothing of it (`số tiền`, `tổng trị giá`) is completed by the purpose before it in the clause
    (`hỗ trợ 23 đoàn viên ốm đau với số tiền` → `số tiền hỗ trợ đoàn viên ốm đau`), and is no entity alone."""
    m = _last(_MONEY_NOUN.finditer(clause))
    if not m:
        return None
    noun = _lower_initial(m.group(0).strip())
    generic, partial = _GENERIC_MONEY.match(noun), _PARTIAL_MONEY.match(noun)
    if not (generic or partial):
        return noun
    purpose = money_purpose(clause[:m.start()])
    return f"{noun} {purpose}" if purpose else None if generic else noun


def each_ones_purpose(clause: str) -> str | None:
    """What an amount after `mỗi <unit>` is each one's of: each gift's value is the gift's (`trao 1.790 phần quà, mỗi
    phần` → `quà`: the blind sets' writers call it `quà Tết`, `tiền mỗi suất quà`, `trị giá mỗi phần quà`), each person's or
    house's is the purpose before it (`hỗ trợ 12 đoàn viên mắc bệnh hiểm nghèo, mỗi người` → `hỗ trợ đoàn viên mắc
    bệnh hiểm nghèo`), else `mỗi <unit>`; None when no `mỗi <unit>` ends the clause."""
    m = EACH_BEFORE.search(clause)
    if m is None:
        return None
    each = " ".join(m.group(0).split())
    unit, gift = each.split()[-1], _DATA["each_gift"]
    if unit.lower() in gift["classifiers"] and re.search(rf"{re.escape(unit)}\s+{gift['noun']}", clause, re.I):
        return gift["noun"]
    return money_purpose(clause[:m.start()]) or each


def purpose_after(after: str) -> str | None:
    """The purpose of an amount named after it: `350 triệu đồng để hỗ trợ xây mới 05 nhà …`."""
    m = _PURPOSE_AFTER.match(after[:200])
    if not m:
        return None
    return money_purpose(m.group(1).split(",")[0] + " ", from_start=True)


def money_purpose(before: str, from_start: bool = False) -> str | None:
    """The purpose of money named before its money noun: from the last purpose verb (`hỗ trợ`, `xây`,
    `trao` …) on, numbers dropped, a giving verb dropped (what is given is the purpose)."""
    before = _PURPOSE_TAIL.sub("", before)
    verb = _PURPOSE_VERB.search(before) if from_start else _last(_PURPOSE_VERB.finditer(before))
    if verb is None or (from_start and before[:verb.start()].strip()):
        return None
    phrase = before[verb.start():]
    if (give := _GIVING_VERB.match(phrase)) and give.end() < len(phrase):
        phrase = phrase[give.end():]
    phrase = " ".join(_PURPOSE_NUMBER.sub(" ", phrase).split()).strip(" ,;:")
    words = phrase.split()
    if not words or len(words) > MAX_PURPOSE_WORDS:
        return None
    return expand_abbreviations(_lower_initial(phrase))


def _lower_initial(phrase: str) -> str:
    """`Hỗ trợ …`, `Kinh phí …` opening a sentence are common nouns and verbs (`CĐCS`, `Mái ấm` stay)."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return phrase[0].lower() + phrase[1:] if len(first) > 1 and first[1:].islower() else phrase


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of the matches, or None."""
    found = None
    for found in matches:  # noqa: B007 - the loop is how the last one is kept
        pass
    return found
