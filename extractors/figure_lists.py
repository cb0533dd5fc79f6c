"""Figures in lists: a number whose list names what it counts before or after it (`lần lượt 386 và
241 đoàn viên`, `các huyện Sơn Dương 638, Yên Sơn 571` after `… 745 đoàn viên`), and a list item
that only labels its numbers, read with its heading's words (`3. Chỉ tiêu kết nạp đoàn viên … giao
cho các đơn vị` / `- LĐLĐ huyện Tuần Giáo: 140 đoàn viên;`).
"""

from __future__ import annotations

import re
from functools import cache

from extractors.docmeta import HEAD_RE
from extractors.entity import entity_after
from extractors.indicators import indicator_for
from extractors.lang import entry
from extractors.numbers import NumberMention
from extractors.records import Figure
from extractors.sentences import Sentence

# a list item that only labels its numbers (`- LĐLĐ huyện Tuần Giáo: 140 đoàn viên;`): its verb is its heading's
_LABEL_ITEM = re.compile(r"^\s*[-+*•]\s*[^\d:;\n]{2,120}:\s*(?:\d[\d.,]*\s+[^\d,;:\n]{1,40},\s*)*$")


def figure_indicator(text: str, s: Sentence, entity: str | None, ws: int, we: int, at: int, unit: str,
                     modality: str) -> str | None:
    """The figure's indicator from its own clause; a list item that labels its numbers with a body's
    name under a heading (`3. Chỉ tiêu kết nạp đoàn viên năm 2024 giao cho các đơn vị` / `- LĐLĐ
    huyện Tuần Giáo: 140 đoàn viên;`) is read with its heading's words, since it has none of its own
    (`- Tổng số đoàn viên: 5.300` keeps its own: its label is no body)."""
    line = max(text.rfind("\n", ws, at) + 1, ws)
    item = text[line:at]
    labels = _LABEL_ITEM.match(item) and HEAD_RE.match(item.lstrip(" -+*•"))
    if s.headings and labels:
        head = s.headings[-1].text.replace(";", ",")
        found = indicator_for(entity, f"{head} {text[ws:we]}", unit, modality, position=len(head) + 1 + at - ws)
        if found is not None:
            return found
    found = indicator_for(entity, text[ws:we], unit, modality, position=at - ws)
    if found is None and labels and entity and len(entity.split()) == 1:
        # `- CĐCS Công ty X: 60 suất;` under `2. Phân bổ cụ thể:`: the classifier as the text spelled it out above
        # the list (`… 450 suất quà, …`: corpus/keys_blind69)
        spelled = re.findall(rf"(?<![\wÀ-ỹ]){re.escape(entity)}\s+[^\W\d_]+", text[max(0, line - _LEAD_REACH):line], re.I)
        if spelled:
            head = spelled[-1]
            found = indicator_for(entity, f"{head} {text[ws:we]}", unit, modality, position=len(head) + 1 + at - ws)
    return found


_LEAD_REACH = 400  # characters above a list where its bare classifier was spelled out


# what joins a list's items (organizations.yaml `list_joiners`), a comma before a word joiner too (`, và`)
_JOINERS = entry("organizations.yaml", "list_joiners")
_LIST_JOINER = re.compile(r"\s*(?:{})\s*".format("|".join(
    [r",\s*" + re.escape(w) for w in _JOINERS if w.isalpha()] + [re.escape(w) for w in _JOINERS])))


def list_entity(text: str, mentions: list[NumberMention], i: int, sentence_end: int) -> str | None:
    """A number of a list whose last number names what they count (`lần lượt 386 và 241 đoàn viên`,
    `các huyện Ninh Phước 300, Ninh Hải 260 và Thuận Nam 180 đoàn viên`): that entity. Between two
    numbers of the list stand only a joiner and capitalized names."""
    for k in range(i, min(i + 8, len(mentions) - 1)):
        gap = text[mentions[k].end:mentions[k + 1].start]
        joiner = _LIST_JOINER.match(gap)
        if joiner is None:
            return None
        names = gap[joiner.end():].replace(" - ", " ").split()
        if not all(w[:1].isupper() for w in names) or len(names) > 6:
            return None
        nxt = mentions[k + 1]
        if (entity := entity_after(text[nxt.end:min(sentence_end, nxt.end + 160)])) is not None:
            return entity
    return None


def listed_before(text: str, out: list[Figure], at: int) -> str | None:
    """A number of a list whose earlier numbers named what they count (`LĐLĐ thành phố Tuyên Quang
    962 đoàn viên, …, các huyện Sơn Dương 638, Yên Sơn 571`): the previous figure's entity, when
    only a joiner and names (with `các huyện`) stand between."""
    if not out or out[-1].entity is None:
        return None
    gap = text[out[-1].char_end:at].lstrip()
    if gap[:len(out[-1].entity)].lower() == out[-1].entity.lower():  # the previous figure's own noun
        gap = gap[len(out[-1].entity):]
    joiner = _LIST_JOINER.match(gap)
    if joiner is None:
        return None
    names = [w for w in gap[joiner.end():].replace(" - ", " ").split() if w not in _list_words()]
    return out[-1].entity if 0 < len(names) <= 6 and all(w[:1].isupper() for w in names) else None


@cache
def _list_words() -> frozenset[str]:
    """The lowercase words of a list of places (`các huyện`, `các thị xã`): organizations.yaml."""
    org = "organizations.yaml"
    return frozenset(w for phrase in entry(org, "admin_levels") for w in phrase.split()) | {entry(org, "plural_word")}
