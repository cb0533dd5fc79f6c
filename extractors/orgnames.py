"""Organization names in one spelling (COMPARABLE.md): abbreviations expanded, header capitals
turned into the official case, administrative words in lowercase; and each body's level and
province. Language data: `extractors/lang/vi/organizations.yaml`, `provinces.yaml` and `districts.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.lang import entry, read_text

_ORG = "organizations.yaml"
_WORD = r"[\wÀ-ỹ]"


@dataclass(frozen=True)
class OrgInfo:
    """A canonical organization name with what can be read from it."""

    name: str
    level: str | None  # national | province | district | sector | grassroots
    province: str | None  # the province-level unit (its name since 2025 when it was merged)


@cache
def _abbreviation_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = entry(_ORG, "abbreviations")
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    # an abbreviation ending in "." may be followed directly by a name ("TP.Vinh"); a letter before an
    # apostrophe is a syllable's (`H'leo`, `K'Bang`), not an abbreviation
    return re.compile(rf"(?<!{_WORD})(?:{alts})(?:(?<=\.)|(?!{_WORD}|['’]{_WORD}))"), table


def expand_org_abbreviations(name: str) -> str:
    """`LĐLĐ TP. Vinh` → `Liên đoàn Lao động thành phố Vinh` (case-sensitive: `Cđ` is no abbreviation)."""
    rx, table = _abbreviation_re()
    out = rx.sub(lambda m: table[m.group(0)] + " ", name)
    return re.sub(r"\s+", " ", out).strip()


@cache
def _case_words() -> tuple[list[str], set[str], list[str], set[str]]:
    official = sorted(entry(_ORG, "official_case"), key=len, reverse=True)
    lower = set(entry(_ORG, "lowercase_words"))
    openers = sorted(entry(_ORG, "name_openers"), key=len, reverse=True)
    caps = set(entry(_ORG, "kept_capitals"))
    return official, lower, openers, caps


def _cap(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:]


def official_case(name: str) -> str:
    """A name in the official case: `LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐÔNG ANH` → `Liên đoàn Lao động huyện
    Đông Anh`. Known words take their data spelling, administrative words lowercase, and the proper
    name after them every syllable capitalized; kept abbreviations (TNHH, THPT) stay in capitals."""
    official, lower, openers, caps = _case_words()
    words = name.split()
    out: list[str] = []
    i = 0
    proper = False  # inside a proper name: every syllable capitalized
    while i < len(words):
        matched = None
        for phrase in official + sorted(lower, key=len, reverse=True):
            n = len(phrase.split())
            if [w.lower() for w in words[i:i + n]] == phrase.lower().split():
                matched = phrase
                break
        if matched is not None and not (proper and matched.lower() in {"ban", "phòng", "sở", "trường"}):
            n = len(matched.split())
            out.extend(matched.split())
            i += n
            # a proper name goes on through a known phrase inside it (`… CỔ PHẦN DỆT MAY HƯNG LONG`)
            proper = matched in openers or matched.lower() in {o.lower() for o in openers} \
                or (proper and matched.lower() not in lower)
            continue
        w = words[i]
        bare = w.strip("().,")
        if bare.upper() in caps or (bare.isupper() and len(bare) <= 4 and not _is_syllable(bare)):
            out.append(w.replace(bare, bare.upper()))
        elif w.isupper() or proper or (out and out[-1][:1].isupper() and w[:1].isupper()):
            out.append(_cap(w.lower()))
            proper = True
        else:
            out.append(w)
        i += 1
    return " ".join(out)


def _is_syllable(word: str) -> bool:
    """A word that reads as a Vietnamese syllable (`HÒA`, `AN`) rather than an abbreviation (`CTXH`)."""
    base = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return bool(re.fullmatch(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
                             r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?", base.replace("đ", "d")))


_HEAD_WRITTEN = re.compile(r"^(?:Tổng Liên đoàn Lao động|Liên đoàn Lao động|Công đoàn cơ sở|Công đoàn)(?= )")


@lru_cache(maxsize=8192)
def canonical_organization(name: str | None) -> str | None:
    """The one spelling of an organization name, or None for an empty one."""
    if not name:
        return None
    s = unicodedata.normalize("NFC", re.sub(r"\s+", " ", name)).strip(" .,:;-–")
    if not s:
        return None
    # judged as written ("LĐLĐ TX. AN NHƠN" is in capitals), after a head already expanded in mixed case
    # ("Liên đoàn Lao động TỈNH BẮC GIANG" from a heading in capitals is too)
    letters = [c for c in s if c.isalpha()]
    rest = [c for c in _HEAD_WRITTEN.sub("", s) if c.isalpha()]
    shouting = (letters and sum(c.isupper() for c in letters) > 0.6 * len(letters)) \
        or (rest and len(rest) < len(letters) and all(c.isupper() for c in rest))
    s = expand_org_abbreviations(s)
    s = _province_at_end(official_case(s.lower())) if shouting else _union_head_case(_words_out_of_capitals(s))
    return _district_unit(_grassroots(_province_spelled(_place_ends(_with_admin_word(_territorial(_without_committee(
        _lower_admin_words(s))))))))


def _district_unit(name: str) -> str:
    """`Công đoàn cơ sở Trung tâm Y tế Hải Lăng` → `… Trung tâm Y tế huyện Hải Lăng`: a district's own unit
    (organizations.yaml `district_units`) is named with the district's administrative word, when the place has
    one type (districts.tsv)."""
    head = entry(_ORG, "grassroots_head")
    for unit in entry(_ORG, "district_units"):
        if name.startswith(f"{head} {unit} "):
            place = name[len(head) + len(unit) + 2:]
            federation = place_body(place, None)
            if federation is not None and level_of(federation) == "district":
                return f"{head} {unit} {federation[len(entry(_ORG, 'territorial_union')['means']) + 1:]}"
    return name


def _province_at_end(name: str) -> str:
    """A name in header capitals that ends with a province's name and no administrative word before it: the
    province written as a name, not in lowercase; a sector union's header (`CĐ NGÀNH Y TẾ TIỀN GIANG`) is its
    official name, with the province's administrative word (`Công đoàn ngành Y tế tỉnh Tiền Giang`: the blind
    golds; a name written in running text keeps its words, `Công đoàn ngành Giáo dục Nghệ An`, seed 000)."""
    words = name.split()
    sector = name.startswith(tuple(h + " " for h in [entry(_ORG, "sector_union_head")]
                                   + list(entry(_ORG, "province_sector_heads"))))
    for n in (5, 4, 3, 2, 1):  # `bà rịa - vũng tàu` is five
        tail = " ".join(words[-n:])
        if len(words) > n and tail.islower() and (spelled := _province_spellings().get(tail)) is not None \
                and len(spelled.split()) == n:
            admin = [] if not sector or words[-n - 1] in _ADMIN_SYLLABLES else [
                entry(_ORG, "city_word") if spelled in entry(_ORG, "province_cities") else entry(_ORG, "province_word")]
            return " ".join(words[:-n] + admin + [spelled])
    return name


_ADMIN_SYLLABLES = frozenset(w for words in entry(_ORG, "admin_levels") for w in words.split())


def _place_ends(name: str) -> str:
    """A federation's name that runs on past its place (a title in capitals: `CÔNG ĐOÀN THỊ XÃ QUẢNG YÊN
    ĐỒNG HÀNH CÙNG CÔNG NHÂN`) ends with the longest known place after its administrative word."""
    head = entry(_ORG, "territorial_union")["means"]
    m = re.match(rf"{re.escape(head)} ({'|'.join(sorted(entry(_ORG, 'admin_levels'), key=len, reverse=True))}) (.+)$", name)
    if m is None or place_body(m.group(2), m.group(1)) is not None:
        return name
    words = m.group(2).split()
    for n in range(len(words) - 1, 0, -1):
        if place_body(" ".join(words[:n]), m.group(1)) is not None:
            return f"{head} {m.group(1)} {' '.join(words[:n])}"
    return name


def _province_spelled(name: str) -> str:
    """A province named by another spelling (`tỉnh BR-VT`, `tỉnh Bà Rịa Vũng Tàu`, `tỉnh Thanh Hoá`) → its own
    (`tỉnh Bà Rịa - Vũng Tàu`): provinces.yaml `aliases`."""
    m = re.search(r"(?<= )(tỉnh|thành phố) (.+)$", name)
    if m is None:
        return name
    spelled = _alias_spellings().get(m.group(2).lower())
    return name[:m.start(2)] + spelled if spelled else name


@cache
def _alias_spellings() -> dict[str, str]:
    return {alias.lower(): target for alias, target in entry("provinces.yaml", "aliases").items()}


@cache
def _national_sector_unions() -> frozenset[str]:
    return frozenset(u.lower() for u in entry(_ORG, "national_sector_unions"))


def is_national_sector_union(name: str) -> bool:
    """`Công đoàn Dầu khí Việt Nam`: one of the national sector unions (organizations.yaml)."""
    return name.lower() in _national_sector_unions()


def _grassroots(name: str) -> str:
    """`Công đoàn Trường Mầm non Sơn Ca` → `Công đoàn cơ sở Trường …`: a unit's union is a grassroots
    union (organizations.yaml `grassroots_units`)."""
    if is_national_sector_union(name):
        return name  # `Công đoàn Bưu điện Việt Nam`: a national sector union
    head = entry(_ORG, "grassroots_head")
    for level in entry(_ORG, "school_levels"):  # `CĐCS THPT Hòn Đất`: the school
        for union in (head, "Công đoàn"):
            if name.startswith(f"{union} {level} "):
                return f"{head} Trường {name[len(union) + 1:]}"
    for unit in entry(_ORG, "grassroots_units"):
        if name.startswith(f"Công đoàn {unit} "):
            return head + " " + name[len("Công đoàn "):]
        rest = name[len(f"Công đoàn {unit} "):]
        if name.startswith(f"Công đoàn {unit.lower()} ") and rest[:1].isupper():
            return f"{head} {unit} {rest}"  # `Công đoàn trường THPT Sông Lô`: the unit's word in lowercase
    return name


def _without_committee(name: str) -> str:
    """`Ban Chấp hành Công đoàn ngành Y tế …` → `Công đoàn ngành Y tế …` (organizations.yaml)."""
    heads = tuple(entry(_ORG, "union_heads"))
    for prefix in entry(_ORG, "committee_prefixes"):
        if name.startswith(prefix + " ") and name[len(prefix) + 1:].lower().startswith(heads):
            return name[len(prefix) + 1:]
    return name


def _territorial(name: str) -> str:
    """`Công đoàn tỉnh Hà Giang` → `Liên đoàn Lao động tỉnh Hà Giang` (organizations.yaml)."""
    rule = entry(_ORG, "territorial_union")
    for word in rule["before"]:
        prefix = f"{rule['head']} {word} "
        if name.startswith(prefix):
            return f"{rule['means']} {name[len(rule['head']) + 1:]}"
    return name


def _with_admin_word(name: str) -> str:
    """A federation named with its place but not the place's administrative word: `Liên đoàn Lao
    động Đông Anh` → `… huyện Đông Anh`, `Liên đoàn Lao động Hà Nội` → `… thành phố Hà Nội`
    (provinces.yaml, districts.tsv). A province's sector union named by its sector alone takes the
    word too (`Công đoàn Giáo dục Gia Lai` → `… tỉnh Gia Lai`); one named `ngành` keeps its name as
    written (`Công đoàn ngành Giáo dục Nghệ An`, seed 000)."""
    head = entry(_ORG, "territorial_union")["means"]
    for sector in entry(_ORG, "province_sector_heads"):  # `Công đoàn Giáo dục Gia Lai` → `… tỉnh Gia Lai`
        if name.startswith(sector + " ") and (body := place_body(name[len(sector) + 1:], entry(_ORG, "province_word"))):
            return sector + body[len(head):]
    union = entry(_ORG, "territorial_union")["head"]
    if name.startswith(union + " ") and name[len(union) + 1:].lower() in _province_spellings():
        return place_body(name[len(union) + 1:]) or name  # `Công đoàn Thủ đô`, `Công đoàn Hà Nội`: its federation
    if not name.startswith(head + " "):
        return name
    place = name[len(head) + 1:]
    if not place[:1].isupper() or len(place.split()) > 5:
        return name  # "… huyện Gio Linh": it has its word; "… Việt Nam"-like names are no place
    return place_body(place) or name


def _words_out_of_capitals(name: str) -> str:
    """A word left in capitals inside a name written in mixed case (`… CTXH & QUỸ BTTE`) is written
    capitalized when it is a Vietnamese syllable (`Quỹ`); abbreviations (`CTXH`, `BTTE`) stay."""
    _, _, _, caps = _case_words()
    out = []
    for w in name.split(" "):
        core = w.strip("().,")
        if len(core) >= 2 and core.isupper() and core not in caps and _is_syllable(core) and _has_vowel_sign(core):
            w = w.replace(core, _cap(core.lower()))
        out.append(w)
    return " ".join(out)


def _has_vowel_sign(word: str) -> bool:
    """A word with a Vietnamese letter or tone (`QUỸ`, `HÒA`): not a Latin abbreviation (`XI`, `TP`)."""
    return any(unicodedata.decomposition(c) or c in "ĐđƠơƯư" for c in word)


def _union_head_case(name: str) -> str:
    """A name written in mixed case keeps its words as written; only its union head takes the
    official case (`Liên đoàn lao động …` → `Liên đoàn Lao động …`)."""
    for head in ("Tổng Liên đoàn Lao động Việt Nam", "Liên đoàn Lao động", "Công đoàn"):
        if name.lower().startswith(head.lower()) and (len(name) == len(head) or not name[len(head)].isalpha()):
            return head + name[len(head):]
    return name


def _lower_admin_words(s: str) -> str:
    """`Liên đoàn Lao động Huyện Đông Anh` → `… huyện Đông Anh` (never at the name's start, nor inside
    an official phrase: `Sở Lao động - Thương binh và Xã hội`, nor one that ends the name as a proper name's last
    syllable: `… Hải sản Phước Tỉnh`)."""
    official, lower, _, _ = _case_words()
    kept = [(m.start(), m.end()) for p in official if len(p.split()) > 1
            for m in re.finditer(rf"(?<!{_WORD}){re.escape(p)}(?!{_WORD})", s)]
    # (one written capitalized at the end of a name in mixed case, after a proper syllable, is that syllable: `… Hải
    # sản Phước Tỉnh`, a commune's name; in capitals the two cannot be told apart and the word is the level's)
    for w in sorted(lower, key=len, reverse=True):
        s = re.sub(rf"(?<=\S )(?<!{_WORD}){re.escape(_cap(w))}(?!{_WORD})",
                   lambda m, w=w: m.group(0) if any(a <= m.start() < b for a, b in kept) or _ends_proper(m.string, m)
                   else w, s)
    return s


def _ends_proper(s: str, m: re.Match[str]) -> bool:
    before = s[:m.start()].split()
    return m.end() == len(s) and " " not in m.group(0) and bool(before) and before[-1][:1].isupper() \
        and not before[-1].isupper()


@cache
def _provinces() -> dict[str, str]:
    """Every province spelling (lowercase) → its unit since 2025."""
    current = entry("provinces.yaml", "current")
    merged = entry("provinces.yaml", "merged_into")
    aliases = entry("provinces.yaml", "aliases")
    table = {p.lower(): p for p in current}
    table.update({old.lower(): new for old, new in merged.items()})
    for alias, target in aliases.items():
        table[alias.lower()] = table.get(target.lower(), target)
    return table


@cache
def _district_name_re() -> re.Pattern[str]:
    """`… huyện Gio Linh`: a district's type (as districts.tsv writes them) and its name."""
    kinds = sorted({k for rows in districts().values() for k, _ in rows}, key=len, reverse=True)
    return re.compile(rf"(?<!{_WORD})({'|'.join(map(re.escape, kinds))}) (.+)$")


@cache
def _province_spellings() -> dict[str, str]:
    """Every province spelling (lowercase) → the province's name as written before 2025."""
    names = list(entry("provinces.yaml", "current")) + list(entry("provinces.yaml", "merged_into"))
    table = {n.lower(): n for n in names}
    for alias, target in entry("provinces.yaml", "aliases").items():
        table[alias.lower()] = table.get(target.lower(), target)
    return table


@cache
def districts() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every district name (lowercase) → its (type, province before 2025) pairs (districts.tsv):
    `châu thành` names ten districts of ten provinces."""
    table: dict[str, list[tuple[str, str]]] = {}
    for line in read_text("districts.tsv").splitlines():
        if line and not line.startswith("#"):
            name, kind, province = line.split("\t")
            table.setdefault(name.lower(), []).append((kind, province))
    return {k: tuple(v) for k, v in table.items()}


def _district_province(name: str, kind: str | None, hint: str | None) -> str | None:
    """The province (its unit since 2025) of the district `name` of type `kind`; `hint`, a province
    the text places it in, picks among namesakes."""
    rows = [r for r in districts().get(name.lower(), ()) if kind is None or r[0] == kind]
    units = {_provinces().get(p.lower(), p) for _, p in rows}
    if hint is not None and hint in units:
        return hint
    return units.pop() if len(units) == 1 else None


@lru_cache(maxsize=8192)
def home_province(name: str) -> str | None:
    """The province a district federation belonged to when it existed (its name before 2025:
    `Liên đoàn Lao động huyện Cẩm Giàng` → `Hải Dương`), or None."""
    m = _district_name_re().search(name)
    if not m:
        return None
    provinces = {p for k, p in districts().get(m.group(2).lower(), ()) if k == m.group(1)}
    return provinces.pop() if len(provinces) == 1 else None


@lru_cache(maxsize=8192)
def province_of(name: str) -> str | None:
    """The province-level unit a name places itself in (`… tỉnh Bình Dương` → `Hồ Chí Minh`, `…
    huyện Gio Linh` → `Quảng Trị`)."""
    low = name.lower()
    best: tuple[int, str] | None = None
    for spelling, unit in _provinces().items():
        for m in re.finditer(rf"(?<!{_WORD}){re.escape(spelling)}(?!{_WORD})", low):
            if best is None or m.start() > best[0]:
                best = (m.start(), unit)
    if best:
        return best[1]
    m = _district_name_re().search(name)
    return _district_province(m.group(2), m.group(1), None) if m else None


@lru_cache(maxsize=8192)
def place_body(place: str, level_word: str | None = None, province: str | None = None) -> str | None:
    """The union federation of a place named bare in a list (`các huyện Ninh Phước 300, Ninh Hải
    260`, `các tỉnh Bình Phước (08 cuộc)`): `Liên đoàn Lao động huyện Ninh Hải`, or None when the
    place is not one (`level_word`: the administrative word that opened the list; `province`: the
    document's province since 2025, to choose among namesake districts)."""
    head = entry(_ORG, "territorial_union")["means"]
    place = re.sub(r"\s*-\s*", " - ", " ".join(place.split()))
    key = place.lower()
    cities = {c.lower() for c in entry(_ORG, "province_cities")}
    province_word, city_word = entry(_ORG, "province_word"), entry(_ORG, "city_word")
    if level_word in (None, province_word, city_word) and key in _provinces():
        spelled = _province_spellings()[key]  # an alias written as its province (`TP Hồ Chí Minh` → Hồ Chí Minh)
        return f"{head} {city_word if spelled.lower() in cities else province_word} {spelled}"
    if level_word == province_word or key not in districts():
        return None
    rows = [r for r in districts()[key] if level_word in (None, r[0])]
    if province is not None and len(rows) > 1:
        rows = [r for r in rows if _provinces().get(r[1].lower()) == province] or rows
    kinds = {k for k, _ in rows}
    if len(kinds) != 1:
        return None
    return f"{head} {kinds.pop()} {place}"


@lru_cache(maxsize=8192)
@cache
def place_level_words() -> str:
    """The administrative words of places (`admin_levels` but `ngành`) as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w, level in sorted(entry(_ORG, "admin_levels").items(), key=lambda kv: -len(kv[0]))
                    if level != "sector")


def level_of(name: str) -> str | None:
    low = name.lower()
    cities = {c.lower() for c in entry(_ORG, "province_cities")}
    for prefix, level in entry(_ORG, "levels"):
        if low.startswith(prefix.lower()):
            if prefix.lower() == "liên đoàn lao động thành phố":
                rest = low[len(prefix):].strip()
                return "province" if rest in cities or province_of(rest) and rest in _provinces() else "district"
            if prefix == entry(_ORG, "territorial_union")["head"] \
                    and is_national_sector_union(name):
                return "sector"  # `Công đoàn Dầu khí Việt Nam`: a national sector union
            return level
    return None


def organization_info(name: str | None) -> OrgInfo | None:
    canonical = canonical_organization(name)
    if canonical is None:
        return None
    return OrgInfo(canonical, level_of(canonical), province_of(canonical))


def organization_id(canonical: str) -> str:
    """A stable id for a canonical name: lowercase ASCII words joined by '-'."""
    base = unicodedata.normalize("NFD", canonical.lower().replace("đ", "d"))
    base = "".join(c for c in base if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-")


@lru_cache(maxsize=8192)
def organization_key(name: str | None) -> str:
    """The form two spellings of one organization share ('' for none): canonical spelling,
    lowercase, the comparison abbreviations expanded, `&` read as `và`."""
    canonical = canonical_organization(name)
    if not canonical:
        return ""
    s = canonical.replace("&", " và ")
    for abbr, full in entry(_ORG, "comparison_abbreviations").items():
        s = re.sub(rf"(?<!{_WORD}){re.escape(abbr)}(?!{_WORD})", full, s, flags=re.I)
    national = entry(_ORG, "national_federation")
    shorts = "|".join(re.escape(x) for x in sorted(entry(_ORG, "national_short_forms"), key=len, reverse=True))
    s = re.sub(rf"(?i)(?<!\w)(?:{shorts})(?!\w)", national, s)
    return re.sub(r"\s+", " ", s).strip().lower()


def province_named_in(text: str) -> str | None:
    """The province a short text names (a site's banner: `BÁO VÀ PHÁT THANH, TRUYỀN HÌNH QUẢNG TRỊ`), as
    written before 2025; the longest spelling wins (`Bà Rịa - Vũng Tàu` over `Vũng Tàu`)."""
    low = text.lower()
    found = [(len(k), v) for k, v in _province_spellings().items() if len(k) > 3
             and re.search(rf"(?<!{_WORD}){re.escape(k)}(?!{_WORD})", low)]
    return max(found)[1] if found else None
