"""What a document says of itself for its figures' keys (`KeyContext`), and the body a scope word names: `toàn
tỉnh`, `cả nước`, `cho thành phố` (COMPARABLE.md: `toàn tỉnh/huyện/ngành` → the document's organization at that
level). Language data: `extractors/lang/vi/organizations.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.lang import compile_pattern, entry
from extractors.org_mentions import OrgMention, org_mentions, scope_hits
from extractors.orgnames import home_province, level_of, place_body, place_level_words, province_of

_ORG = "organizations.yaml"


@dataclass(frozen=True)
class KeyContext:
    """What the document says of itself, for the figures that name no organization or year."""

    organization: str | None = None  # canonical
    superior: str | None = None  # canonical
    year: int | None = None
    month: int | None = None  # of the document's date, when it has one
    reported_year: int | None = None  # the year its actual figures describe when no time is said
    reference_spans: tuple[tuple[int, int], ...] = ()
    topic: str | None = None  # the body its title says it is about (`… làm việc với CĐCS Công ty X`)
    tet_year: int | None = None  # the coming Tết a late-year document's title or lead is about
    plan_year: int | None = None  # the one year a plan's title names (`Kế hoạch … năm 2024`): its targets'


def document_topic(title: str | None, opening: str = "") -> str | None:
    """The grassroots union a document's title (or, failing it, its opening) says it is about: the one
    it worked with or inspected (`Kết luận … tại buổi làm việc với Công đoàn cơ sở Công ty X`), or None."""
    for text in (title or "", opening):
        m = compile_pattern(_ORG, "topic_before", entry(_ORG, "topic_before")).search(text)
        if m is None:
            continue
        found = org_mentions(text[m.end():m.end() + 200])
        if found and found[0].start <= 2 and level_of(found[0].name) == "grassroots":
            return found[0].name
    return None


def generic_subject(clause: str) -> bool:
    """A clause whose subject is the unit talked about, unnamed (`Công ty hiện có …`, `CĐCS có …`)."""
    return bool(compile_pattern(_ORG, "generic_subjects", entry(_ORG, "generic_subjects")).match(clause))


def scope_org(clause: str, ctx: KeyContext, bodies: Sequence[OrgMention] = ()) -> str | None:
    hits = scope_hits(clause)
    if not hits:
        return None
    at, which, words = max(hits)
    if which == "national":
        if _own_place_named(clause[at + len(words):], ctx):
            return ctx.organization  # `cả nước … 1 triệu đoàn viên, vì vậy Cao Bằng phải kết nạp …`: its own
        return str(entry(_ORG, "national_federation"))
    word = words.lower().split(" ", 1)[-1]
    if (named := _scope_place(clause[at + len(words):], word, ctx)) is not None:
        return named  # "toàn tỉnh Bà Rịa - Vũng Tàu kết nạp …": that province's federation
    return own_at_level(word, ctx, bodies)


def own_at_level(word: str, ctx: KeyContext, bodies: Sequence[OrgMention] = ()) -> str | None:
    """The document's body at the level a bare administrative word names (`toàn tỉnh`, `cho thành phố`)."""
    level = entry(_ORG, "admin_levels").get(word)
    if ctx.organization and re.search(rf"(?<![\wÀ-ỹ]){re.escape(word)} [A-ZĐÀ-Ỹ]", ctx.organization):
        return ctx.organization  # "toàn thành phố" in a city's own document (`… thành phố Hạ Long`, a district)
    if level and ctx.organization and level_of(ctx.organization) != level:
        if ctx.superior and level_of(ctx.superior) == level:
            return ctx.superior
        if word == entry(_ORG, "province_word") and (home := home_province(ctx.organization)):
            return place_body(home, None)  # "toàn tỉnh" in a district's news item: its province's
        at_level = [o.name for o in bodies if level_of(o.name) == level]
        if at_level:  # "Chủ tịch LĐLĐ huyện Tiền Hải cho biết, hiện toàn huyện có …" in a CĐCS's item
            return at_level[-1]
    return ctx.organization


def _scope_place(rest: str, word: str, ctx: KeyContext) -> str | None:
    """The federation of the place a scope word names right after it (`toàn tỉnh Bà Rịa - Vũng
    Tàu`), or None (`toàn tỉnh có …`)."""
    m = re.match(r"\s+((?:[^\W\d_][\wÀ-ỹ]*)(?:\s*-\s*[^\W\d_][\wÀ-ỹ]*|\s+[^\W\d_][\wÀ-ỹ]*){0,4})", rest)
    if m is None:
        return None
    words = re.findall(r"[\wÀ-ỹ]+|-", m.group(1))
    run: list[str] = []
    for w in words:
        if w != "-" and not w[:1].isupper():
            break
        run.append(w)
    province = next((p for q in (ctx.organization, ctx.superior) if q and (p := province_of(q))), None)
    for n in range(len(run), 0, -1):
        if run[n - 1] != "-" and (body := place_body(" ".join(run[:n]), word, province)) is not None:
            return body
    return None


def _own_place_named(rest: str, ctx: KeyContext) -> bool:
    """The document's own place named bare after a national scope (`cả nước …, vì vậy Cao Bằng phải …`): the
    clause has turned to the document's body."""
    m = re.search(rf".*(?<![\wÀ-ỹ])(?:{place_level_words()})\s+(.+)$", ctx.organization or "")
    return m is not None and re.search(rf"(?<![\wÀ-ỹ]){re.escape(m.group(1))}(?![\wÀ-ỹ])", rest) is not None


def presented_unit(text: str, start: int, at: int) -> str | None:
    """The union of the unit a sentence (from `start`) opens by presenting, when it goes on to speak of that union
    before `at` (`Điển hình là Công ty TNHH Giày da Hưng Hóa: khi mới thành lập CĐCS …`), or None."""
    presented, union_named = _unit_patterns()
    m = presented.match(text, start)
    if m is None or m.end() > at or not union_named.search(text, m.end(), at):
        return None
    named = org_mentions(f"{entry(_ORG, 'grassroots_head')} {m.group('unit')}")
    return named[0].name if named and named[0].start == 0 else None


@cache
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (compile_pattern(_ORG, "unit_presented", entry(_ORG, "unit_presented")),
            compile_pattern(_ORG, "unit_union_named", entry(_ORG, "unit_union_named")))
