"""Union bodies named in a text (COMPARABLE.md, organization): each named body with whether it
stands as a clause's subject, the federations of places a list names bare (`các huyện Ninh Phước
300, Ninh Hải 260`), and the scope words of a clause (`cả nước`, `toàn tỉnh`). Language data:
`extractors/lang/vi/organizations.yaml`, `provinces.yaml`, `districts.tsv`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.docmeta import HEAD_RE, organization_at
from extractors.lang import compile_pattern, entry, phrase_pattern
from extractors.orgnames import canonical_organization, place_body, place_level_words, province_of

_ORG = "organizations.yaml"
_BROKEN_LINE = re.compile(r"(?<![.!?;:…\n])\n(?!\n)")


@cache
def scope_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    scope = entry(_ORG, "scope_words")
    national = re.compile(phrase_pattern(scope["national"]), re.I)
    own = re.compile(phrase_pattern(scope["own"]), re.I)
    not_subject = re.compile(r"(?:" + phrase_pattern(entry(_ORG, "not_subject_before")) + r")\s*:?\s*(?:các\s+)?$",
                             re.I)  # `Kính gửi: Ban Thường vụ …`
    return national, own, not_subject


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str  # canonical
    subject: bool  # not the owner of a cited document or a partner
    listed: bool = False  # a place a list named bare (`các huyện Ninh Phước 300, Ninh Hải 260`)


def is_named(canonical: str) -> bool:
    """A union body named in full (`Liên đoàn Lao động tỉnh Bình Dương`), not a generic one
    (`công đoàn cơ sở`, `Liên đoàn Lao động tỉnh`, `Công đoàn ngành`)."""
    low = canonical.lower()
    heads: dict[str, int] = entry(_ORG, "union_heads")
    head = next((h for h in sorted(heads, key=len, reverse=True) if low.startswith(h)), None)
    if head is None:
        return False
    if canonical == entry(_ORG, "national_federation"):
        return True
    words = canonical.split()
    if _unit_kind_only(canonical[len(entry(_ORG, "grassroots_head")):].split()
                       if canonical.startswith(entry(_ORG, "grassroots_head") + " ") else []):
        return False  # `CĐCS trường THPT`: the kind of units, no unit's name
    numbered = words[-1].isdigit() and len(words) >= 2 and words[-2].lower() in entry(_ORG, "numbered_place_words")
    return len(words) > heads[head] and (words[-1][:1].isupper() or numbered or _ends_official(canonical))


def _unit_kind_only(rest: list[str]) -> bool:
    """The words after a union's head are a unit word alone (`Công ty`), or with a school level alone (`trường THPT`,
    `Trường Tiểu học`): a kind of units (`26 CĐCS trường THPT`), not one named."""
    return " ".join(rest).lower() in _unit_words() or len(rest) >= 2 and " ".join(rest[1:]).lower() in _school_levels()


@cache
def _school_levels() -> frozenset[str]:
    return frozenset(" ".join(level.lower().split()) for level in entry(_ORG, "school_levels"))


@cache
def _unit_words() -> frozenset[str]:
    """A unit's kind alone (`Công ty` in `Chủ tịch Công đoàn cơ sở Công ty Ksor H'Nhung cho biết`): no unit named."""
    return frozenset(u.lower() for u in entry(_ORG, "grassroots_units"))


@cache
def _official_endings() -> tuple[str, ...]:
    """Official phrases with a lowercase word at the end (`Tư pháp`, `Giáo dục`, `Xã hội`)."""
    return tuple(" " + p for p in entry(_ORG, "official_case") if not p.split()[-1][:1].isupper())


def _ends_official(canonical: str) -> bool:
    """`Công đoàn cơ sở Sở Tư pháp`: a grassroots union's name may end with an official phrase's
    lowercase word (a sector union without its place, `Công đoàn ngành Giáo dục`, is no name yet)."""
    head = entry(_ORG, "grassroots_head") + " "
    return canonical.startswith(head) and canonical.endswith(_official_endings()) \
        and any(w[:1].isupper() for w in canonical[len(head):].split())  # not `Công đoàn cơ sở thành viên`


def org_mentions(text: str, places: Sequence[str | None] = ()) -> list[OrgMention]:
    """Named union bodies of `text`, in text order, each with whether it stands as a subject. A
    name ending with an administrative word (`Công đoàn các Khu công nghiệp tỉnh`) is completed with
    the place one of `places` (the document's bodies) names at that level (`tỉnh Thái Bình`)."""
    _, _, not_subject = scope_patterns()
    out = []
    last_end = -1
    admin_end, admin_after, dotted = _admin_res()
    text = dotted.sub(lambda m: m.group(1) + " ", text)  # "TP. Vinh": same length
    text = _BROKEN_LINE.sub(" ", text)  # a name a PDF line broke ("CĐCS Công ty" / "TNHH …"): same length
    for m in HEAD_RE.finditer(text):
        if m.start() < last_end:
            continue
        name = organization_at(text, m)
        if not name and (led := _place_led(text, m) or _bare_level_subject(text, m, places)) is not None:
            out.append(led)  # "Tại Quảng Trị, LĐLĐ tỉnh dự kiến …": that place's federation
            last_end = led.end
            continue
        if not name or not m.group(0)[:1].isupper():
            continue  # "các cấp công đoàn tỉnh X": the union system, not a body's name
        canonical = canonical_organization(name)
        if canonical and _a_list(name, canonical):
            continue  # "LĐLĐ các huyện Châu Thành, Gò Dầu": a list of bodies (_listed_places), not one
        if canonical and names_no_body(canonical):
            continue  # "CÔNG ĐOÀN CƠ SỞ VÀ PHÁT TRIỂN ĐOÀN VIÊN": a heading about unions, not a body
        end = min(len(text), _name_end(text, m.end(), name))
        if canonical and not is_named(canonical):
            if (tail := admin_after.match(text, end)) is not None:  # "… Khu công nghiệp tỉnh đã kết nạp"
                canonical, end = f"{canonical} {tail.group(1).lower()}", tail.end()  # `… Giáo dục Thành phố`
            canonical = _with_place(canonical, places)
        elif canonical and canonical.startswith(entry(_ORG, "grassroots_head") + " ") \
                and (tail := admin_after.match(text, end)) is not None \
                and (placed := _with_place(f"{canonical} {tail.group(1)}", places)) != f"{canonical} {tail.group(1)}":
            canonical, end = placed, tail.end()  # `CĐCS Bệnh viện Đa khoa tỉnh tổ chức …`: the province's hospital
        if canonical and not is_named(canonical) and _has_own_words(canonical):
            # `Công đoàn các KCN kết nạp …` after `Công đoàn các KCN Đồng Nai`: the body named whole before
            canonical = next((o.name for o in reversed(out) if o.name.startswith(canonical + " ")
                              and province_of(o.name[len(canonical):])), canonical)
        if not canonical or not is_named(canonical):
            continue
        last_end = end
        subject = not not_subject.search(text[max(0, m.start() - 30):m.start()]) \
            or bool(assigned_re().search(text[max(0, m.start() - 100):m.start()]))
        out.append(OrgMention(m.start(), end, canonical, subject))
    listed = _listed_places(text, out, next((p for q in places if q and (p := province_of(q))), None))
    return sorted(out + listed, key=lambda o: o.start) if listed else out


_CAP_WORD = re.compile(r"[\wÀ-ỹ]+")
_PARENS = re.compile(r"\([^()\n]{0,200}\)")


@cache
def _list_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The place list's opener and gap, an administrative word before a place, a federation's
    name with its administrative word, and a non-union body before `các` (organizations.yaml)."""
    words = place_level_words()
    head = re.escape(entry(_ORG, "territorial_union")["means"])
    return (compile_pattern(_ORG, "place_list_opener", entry(_ORG, "place_list_opener")),
            compile_pattern(_ORG, "place_list_gap", entry(_ORG, "place_list_gap")),
            re.compile(rf"(?:{words})\s+$"), re.compile(rf"{head} ({words}) "),
            re.compile(r"(?:" + phrase_pattern(entry(_ORG, "non_union_heads")) + r")\s*$", re.I))


def _listed_places(text: str, named: list[OrgMention], province: str | None) -> list[OrgMention]:
    """The federations of places a list names bare (`các huyện Ninh Phước 300, Ninh Hải 260 và
    Thuận Nam 180`; `LĐLĐ tỉnh Yên Bái (100% …), Phú Thọ (96,5%)`): a mention each, marked
    `listed`; a subject unless the list is governed as a partner (`phối hợp với UBND các huyện …`)."""
    opener, _, _, federation, non_union = _list_res()
    _, _, not_subject = scope_patterns()
    starts = []
    for m in opener.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if non_union.search(before):
            continue  # "UBND các huyện", "Sở … các huyện": not union bodies
        words = _admin_words_re().findall(m.group(0))
        level = m.group("w") if len(set(words)) == 1 else None  # "các huyện, thị xã, thành phố": any level
        starts.append((m.end(), level, True, not not_subject.search(before)))
    for o in named:
        if (word := federation.match(o.name)) is not None:
            starts.append((o.end, word.group(1), False, o.subject))
    taken = {(o.start, o.end) for o in named}
    out: list[OrgMention] = []
    for at, word, bare_first, subject in sorted(starts, key=lambda s: s[0]):
        out.extend(dataclasses.replace(o, subject=subject) for o in _scan_places(text, at, word, province, bare_first)
                   if (o.start, o.end) not in taken)
    return out


def _scan_places(text: str, pos: int, word: str | None, province: str | None, bare_first: bool) -> list[OrgMention]:
    _, gap_rx, admin_before, _, _ = _list_res()
    levels = entry(_ORG, "admin_levels")
    end = min(len(text), pos + 600)
    stop = re.search(r"(?<!\d)[.!?](?!\d)|\n", text[pos:end])
    end = pos + stop.start() if stop else end
    out: list[OrgMention] = []
    first = bare_first
    while pos < end:
        m = next((w for w in _CAP_WORD.finditer(text, pos, end) if w.group(0)[:1].isupper()), None)
        if m is None:
            break
        gap = _PARENS.sub(" ", text[pos:m.start()])
        own_word = admin_before.search(gap)
        if own_word:  # "… và thành phố Hồ Chí Minh (04 cuộc)"
            gap = gap[:own_word.start()]
            own = own_word.group(0).strip()
            if word is not None and levels.get(own) == "province" != levels.get(word):
                break  # "LĐLĐ huyện Ninh Phước, tỉnh Ninh Thuận": the district's province, no list
        if not (gap.strip(" :") == "" if first else gap_rx.match(gap)):
            break
        run = []
        for w in _CAP_WORD.finditer(text, m.start(), min(end, m.start() + 60)):  # "-" allowed between words
            if not w.group(0)[:1].isupper() or (run and text[run[-1].end():w.start()].strip() not in ("", "-")):
                break
            run.append(w)
        body, place_end = None, m.end()
        for n in range(len(run), 0, -1):
            level = own_word.group(0).strip() if own_word else word
            if (body := place_body(text[run[0].start():run[n - 1].end()], level, province)) is not None:
                place_end = run[n - 1].end()
                break
        if body is None:
            break
        out.append(OrgMention(m.start(), place_end, body, True, listed=True))
        pos, first = place_end, False
    return out


@cache
def _admin_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    places = place_level_words()
    dotted = "|".join(re.escape(a) for a in entry(_ORG, "dotted_abbreviations"))
    return (re.compile(rf"(?<= )({places})$"), re.compile(rf"\s+((?i:{places}))(?![\wÀ-ỹ])(?!\s+[A-ZĐ])"),
            re.compile(rf"(?<![\wÀ-ỹ])({dotted})\."))


def names_no_body(canonical: str) -> bool:
    """A body's name never holds these words (organizations.yaml `not_in_names`)."""
    low = f" {canonical.lower()} "
    words, phrases = _not_in_names()
    for phrase in phrases:  # `Công đoàn Viên chức` is one phrase, no `đoàn viên` inside
        low = low.replace(f" {phrase} ", "  ")
    return any(w in low for w in words)


@cache
def _not_in_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words no name holds, and the official phrases that hold one of them (read whole, not as the word)."""
    words = tuple(f" {w} " for w in entry(_ORG, "not_in_names"))
    return words, tuple(p for p in _official_phrases() if any(w.strip() in p for w in words))


@cache
def _official_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in sorted(entry(_ORG, "official_case"), key=len, reverse=True))


@cache
def _admin_words_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(entry(_ORG, "admin_levels"), key=len, reverse=True))))


def _a_list(name: str, canonical: str) -> bool:
    """`LĐLĐ các huyện Châu Thành, Gò Dầu`: the plural word right after the head makes a list of
    bodies (_listed_places), unless a body's name opens with it (`Công đoàn các Khu công nghiệp`,
    `Công đoàn các KCX-KCN`: organizations.yaml `plural_heads`)."""
    plural = entry(_ORG, "plural_word")
    if not re.match(rf"\S+(?:\s+\S+){{0,3}}\s+{re.escape(plural)}\s", name):
        return False
    return not canonical.startswith(tuple(entry(_ORG, "plural_heads")))


_LEVEL_WORD = re.compile(r"\s+(tỉnh|thành phố|huyện|quận|thị xã)(?![\wÀ-ỹ])(?!\s+(?-i:[A-ZĐ]))", re.I)


def _has_own_words(canonical: str) -> bool:
    """A name with a capitalized word of its own after its head (`Công đoàn các Khu công nghiệp`), not a head
    with a level word alone (`Liên đoàn Lao động thành phố`, `Công đoàn cơ sở`, `Công đoàn ngành`)."""
    for head in sorted(entry(_ORG, "union_heads"), key=len, reverse=True):
        if canonical.lower().startswith(head + " "):
            return any(w[:1].isupper() for w in canonical[len(head) + 1:].split())
    return False


def _bare_level_subject(text: str, head: re.Match[str], places: Sequence[str | None]) -> OrgMention | None:
    """A federation named by its level alone as a clause's subject (`…; trong đó Liên đoàn Lao động tỉnh hỗ trợ 40
    triệu đồng` in a district's report): the one of the document's bodies at that level (its superior), or None."""
    if canonical_organization(head.group(0)) != entry(_ORG, "territorial_union")["means"]:
        return None
    level = _LEVEL_WORD.match(text, head.end())
    opener = compile_pattern(_ORG, "bare_level_subject_before", entry(_ORG, "bare_level_subject_before"))
    if level is None or not opener.search(text, max(0, head.start() - 40), head.start()):
        return None
    prefix = f"{entry(_ORG, 'territorial_union')['means']} {level.group(1).lower()} "
    # the document's own body (the first place) needs no mention: it is every unnamed figure's already
    body = next((p for p in places[1:] if p and p.startswith(prefix)), None)
    if body is None or (places and places[0] and places[0].startswith(prefix)):
        return None
    return OrgMention(head.start(), level.end(), body, True)


def _place_led(text: str, head: re.Match[str]) -> OrgMention | None:
    """A federation named by its level alone (`LĐLĐ tỉnh`) right after a sentence opened with a place
    (`Tại Quảng Trị, `): that place's federation, or None."""
    if canonical_organization(head.group(0)) != entry(_ORG, "territorial_union")["means"]:
        return None
    level = _LEVEL_WORD.match(text, head.end())
    lead = compile_pattern(_ORG, "place_lead", entry(_ORG, "place_lead")).search(text, max(0, head.start() - 60),
                                                                               head.start())
    if level is None or lead is None:
        return None
    body = place_body(lead.group("place").strip(), level.group(1).lower())
    return OrgMention(head.start(), level.end(), body, True) if body else None


def _with_place(name: str, places: Sequence[str | None]) -> str:
    """`… tỉnh` + `Liên đoàn Lao động tỉnh Thái Bình` → `… tỉnh Thái Bình`; else `name` unchanged."""
    m = _admin_res()[0].search(name)
    if not m:
        return name
    for place in places:
        if place and (at := place.find(f"{m.group(1)} ")) >= 0:
            return name[:m.start()] + place[at:]
    return name


def _name_end(text: str, head_end: int, name: str) -> int:
    """Where a name read by organization_at ends in `text` (its last word's end)."""
    last = name.split()[-1]
    # near the head only: `Tổng Liên đoàn` written short is read as `… Việt Nam`, whose `Nam` may stand pages
    # away (every name between would be skipped, corpus/keys_blind15)
    at = text.find(last, head_end, head_end + len(name) + 20)
    return at + len(last) if at >= 0 else head_end


@cache
def assigned_re() -> re.Pattern[str]:
    return compile_pattern(_ORG, "assigned_before", entry(_ORG, "assigned_before"))


@cache
def _not_scope_re() -> re.Pattern[str]:
    return re.compile(phrase_pattern(entry(_ORG, "scope_not_after")) + r"\s*$", re.I)


def scope_hits(clause: str) -> list[tuple[int, str, str]]:
    """The scope words of a clause (start, `national`|`own`, words), leaving out a comparison
    (`dẫn đầu toàn tỉnh`)."""
    national, own, _ = scope_patterns()
    hits = [(m.start(), "national", m.group(0)) for m in national.finditer(clause)]
    hits += [(m.start(), "own", m.group(0)) for m in own.finditer(clause)]
    return [h for h in hits if not _not_scope_re().search(clause[max(0, h[0] - 24):h[0]])]


def runs_on_as(text: str, o: OrgMention, body: str) -> bool:
    """A name read short where the text goes on with the rest of the document's own (`Công đoàn Tổng công ty
    Lương` + `thực miền Bắc` for `Công đoàn Tổng công ty Lương Thực Miền Bắc`: a lowercase word ended it), or with
    the rest of its company's name (`Công đoàn Tinh` + `bột sắn Sơn Hà`)."""
    read = o.name.lower().split()
    for whole in (body.lower().split(), _trade_name(body)):
        if len(read) < 3 or len(read) >= len(whole) or whole[:len(read)] != read:
            continue
        rest = whole[len(read):]
        if re.findall(r"[\wÀ-ỹ&-]+", text[o.end:o.end + 200].lower())[:len(rest)] == rest:
            return True
    return False


@cache
def _legal_form_tail() -> re.Pattern[str]:
    forms = "|".join(re.escape(f.lower()) for f in sorted(entry(_ORG, "legal_forms"), key=len, reverse=True))
    return re.compile(rf"(?<![\wÀ-ỹ])công ty (?:{forms})\s+(.+)$")


def _trade_name(body: str) -> list[str]:
    """`công đoàn tinh bột sắn sơn hà` for `Công đoàn cơ sở Công ty TNHH Tinh bột sắn Sơn Hà`: the union called by its
    company's name without its kind and legal form (a headline's `Công đoàn Tinh bột sắn Sơn Hà`), or []."""
    m = _legal_form_tail().search(body.lower())
    return [*entry(_ORG, "territorial_union")["head"].lower().split(), *m.group(1).split()] if m else []


_NUMBER_RUN = re.compile(r"\d[\d.,]*")


def former_source(text: str, end: int, after: Sequence[OrgMention]) -> str | None:
    """The merged-away body the units or members a figure (ending at `end`) counts came from, named right after
    them (`… trong đó 48 CĐCS với 7.320 đoàn viên do Công đoàn ngành Y tế tỉnh Vĩnh Phúc (cũ) chuyển về`), or None;
    `after`: the bodies named after the figure in its sentence."""
    if not after or compile_pattern(_ORG, "received_before", entry(_ORG, "received_before")).search(
            text, max(0, end - 80), end):
        return None  # `tiếp nhận 214 CĐCS … từ LĐLĐ quận Cầu Giấy (cũ)`: what the receiver now has
    o = after[0]
    between = text[end:o.start]
    if ";" in between or "trong đó" in between or len(_NUMBER_RUN.findall(between)) > 1 \
            or not compile_pattern(_ORG, "moved_from_before", entry(_ORG, "moved_from_before")).search(between) \
            or not compile_pattern(_ORG, "former_marker", entry(_ORG, "former_marker")).match(text, o.end):
        return None
    return o.name
