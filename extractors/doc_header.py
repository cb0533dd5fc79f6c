"""The administrative header of a Vietnamese document (Decree 30/2020/NĐ-CP) and a news byline.

A header holds, in its first lines: the superior body, then the issuing body (both in capitals,
often beside the national motto, which text extraction interleaves with them), `Số: 41/KH-LĐLĐ`
(number and symbol; its type code gives the kind), the place-and-date line (`Gio Linh, ngày 20
tháng 4 năm 2024`), then the kind word in capitals and the title (or `V/v …` for a công văn).
A news item has a byline or dateline instead (`Thứ Hai, 15/01/2024 10:30`, `(LĐ) - Ngày 15/1`).
Language data: `extractors/lang/vi/document_header.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.docmeta import HEAD_RE, hosts_event, iso_date, line_organization, over_breadcrumb
from extractors.lang import compile_pattern, entry
from extractors.orgnames import canonical_organization, expand_org_abbreviations, place_body

_DATA = "document_header.yaml"


@dataclass(frozen=True)
class Header:
    """What a document's header says; every field None when it does not say it."""

    issuer: str | None = None
    superior: str | None = None
    number: str | None = None
    kind: str | None = None  # from the number's type code
    place: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    subject: str | None = None  # `V/v …`


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    keys = ("number", "rule_line", "subject", "news_lead", "place_date_joint")
    out = {k: compile_pattern(_DATA, k, entry(_DATA, k)) for k in keys}
    motto = "|".join(re.escape(m) for m in sorted(entry(_DATA, "motto"), key=len, reverse=True))
    out["motto"] = re.compile(rf"\s*((?:{motto}))\s*", re.I)
    out["number"] = re.compile(entry(_DATA, "number"))  # case matters: type codes are capitals
    for name, pat in entry(_DATA, "bylines").items():
        out[f"byline:{name}"] = compile_pattern(_DATA, f"bylines.{name}", pat)
    return out


# the kind word that ends a header, alone or before more words in capitals (`CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024`): the
# headings' kinds and every kind a type code names (`KẾT LUẬN`, `CHỈ THỊ`)
_KIND_LINE = re.compile(r"(?:{})(?![\wÀ-ỹ])[^a-zà-ỹđ]*$".format("|".join(
    re.escape(k.upper()) for k in sorted(set(entry("segment.yaml", "kinds")) | set(entry(_DATA, "type_codes").values()),
                                         key=len, reverse=True))))
_PLACE_DATE = compile_pattern(_DATA, "place_date", entry(_DATA, "place_date"))


def _header_cells(line: str) -> list[str]:
    """A header line split where extraction joined its left and right columns, and where a table
    cell's lines were joined into one."""
    line = _GLUED.sub("   ", line)  # `TP. HỒ CHÍ MINHLIÊN ĐOÀN LAO ĐỘNG …`: two cells a Word copy ran together
    parts = re.split(r"\t|\s{3,}|\|", line)
    cells = []
    motto = _patterns()["motto"]
    for p in parts:
        for q in motto.split(p):
            if motto.fullmatch(q):
                cut = q.strip().upper().startswith("CỘNG H") and not q.strip().upper().endswith(
                    tuple(entry(_DATA, "motto_tail")))
                cells.append(MOTTO_CUT if cut else MOTTO_MARK)  # `Độc lập - Tự do - Hạnh phúc` is whole
                continue
            if (num := _patterns()["number"].match(q)) is not None:  # the number whole (`55-BC/LĐLĐ`), then the rest
                pieces = [q[:num.end()], *_joined_lines().split(q[num.end():])]
            else:
                pieces = _joined_lines().split(q) if HEAD_RE.match(q.strip()) else [q]
            for r in (r.strip() for r in pieces if r.strip()):
                words = r.split()
                half = len(words) // 2
                if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
                    cells.extend([" ".join(words[:half])] * 2)  # a joint header's two columns: `HUYỆN X HUYỆN X`
                else:
                    cells.append(r)
    return cells


_GLUED = re.compile(r"(?<=[A-ZĐÀ-Ỹ])(?=(?:LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN|Độc lập|CỘNG HÒA|CỘNG HOÀ)(?![a-zà-ỹ]))")
_UNIT_HEADS = tuple(u.upper() + " " for u in entry("organizations.yaml", "grassroots_units"))
MOTTO_MARK, MOTTO_CUT = "\x00motto", "\x00motto-cut"  # a motto line; one cut before `VIỆT NAM`


@cache
def _joined_lines() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(entry(_DATA, "header_split_heads"), key=len, reverse=True))
    keep = "".join(fr"(?<!\b{re.escape(w)} )" for w in entry(_DATA, "no_split_after"))  # whole words: `THÀNH` is no `HÀNH`
    # a place's own short administrative word (`TP Vinh, ngày …`) stays with it
    short = "".join(fr"(?<!\b{re.escape(w)})" for w in entry("organizations.yaml", "dotted_abbreviations"))
    # before an upper-case head that follows an upper-case word; before "Số:"; before "Place, ngày"
    return re.compile(rf"(?<=[A-ZĐÀ-Ỹ]) {keep}(?=(?:{heads})(?![\wÀ-ỹ]))"
                      rf"|(?<=[A-ZĐÀ-Ỹ.]) [-–—] (?=(?:{heads})(?![\wÀ-ỹ]))"  # `LĐLĐ TỈNH X - LĐLĐ HUYỆN Y`
                      rf"|(?<=[A-ZĐÀ-Ỹ.])\s*/\s*(?=(?:{heads})(?![\wÀ-ỹ]))"  # `LĐLĐ TỈNH X/LĐLĐ HUYỆN Y`
                      rf"|(?<=\S) (?=S[ốỐ]\s*:)"
                      rf"|(?<=[{_UPPER}\d][{_UPPER}\d]){short} (?=[{_UPPER}][^\d,;:()]{{1,40}}, ngày \d)")


# Vietnamese capitals (`À-Ỹ` would take the lowercase letters between them too: `Gò Vấp` is no two cells)
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def _kind_of_code(number: str) -> str:
    codes: dict[str, str] = entry(_DATA, "type_codes")
    if (party := re.match(r"\d+-([^/]+)/", number)) is not None:  # `55-BC/LĐLĐ`: the Party's style
        return codes.get(party.group(1), entry(_DATA, "no_type_code_kind"))
    symbol = number.split("/", 1)[1] if "/" in number else ""
    symbol = re.sub(r"^\s*\d{4}\s*/", "", symbol)
    first = re.split(r"\s*-\s*", symbol.strip())[0]
    if "-" in symbol and first in codes:
        return codes[first]
    if first in codes and "-" not in symbol and re.fullmatch(r"[A-ZĐ][A-Za-zĐđ]*", first) and first in ("CV",):
        return codes[first]
    return entry(_DATA, "no_type_code_kind")


def _org_line(cell: str) -> str | None:
    """The organization a header cell names (`LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH`), or None."""
    s = cell.strip().strip("*_").strip()
    for prefix in entry(_DATA, "committee_prefixes"):
        if s.upper().startswith(prefix + " ") and HEAD_RE.match(s[len(prefix) + 1:].strip()):
            s = s[len(prefix) + 1:].strip()
            break
    if not s or len(s.split()) > 16 or not HEAD_RE.match(s):
        return None
    letters = [c for c in s if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.6 * len(letters):
        return None  # a header line is in capitals; a sentence that starts with a name is not
    return s  # a header cell is the name whole (`LĐLĐ TX. AN NHƠN`: no grammar needed)


def _head_cut(cell: str) -> bool:
    """A header cell that ends inside a union's head word (`LIÊN ĐOÀN LAO` / `ĐỘNG HUYỆN LƯƠNG TÀI`: a cell the
    copy wrapped in the middle of `LAO ĐỘNG`): the next line's cell goes on with it."""
    words = cell.strip().upper().split()
    return any(len(words) < len(head.split()) and head.upper().split()[:len(words)] == words
               for head in entry("organizations.yaml", "union_heads")) and len(words) >= 2


def _complete_issuer(issuer: str, superior: str | None) -> str:
    """`CÔNG ĐOÀN GIÁO DỤC TỈNH` under `LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NAM` → `… TỈNH QUẢNG NAM`:
    an issuer whose name ends with an administrative word takes the place its superior names."""
    words = issuer.split()
    if not superior or not words:
        return issuer
    upper = expand_org_abbreviations(issuer).upper()  # `CÔNG ĐOÀN CÁC KCN` is a sector head too
    places = entry(_DATA, "place_words")
    zone = next((h for h in entry(_DATA, "zone_heads") if upper.startswith(h + " ")), None)
    rest = upper[len(zone):].split() if zone else []
    if zone and rest and rest[0] not in places and " ".join(rest[:2]) not in places:
        return issuer  # `CĐ KKT MỞ CHU LAI`: a zone named by its own name needs no province
    if any(upper.startswith(h + " ") or upper == h for h in entry(_DATA, "sector_heads")) \
            and not any(f" {p} " in f" {upper} " for p in places):
        sup = superior.split()
        at = next((k for k, w in enumerate(sup) if w.upper() in places), None)
        if at is None:
            return issuer
        place = " ".join(sup[at + 1:])
        if place and upper.endswith(" " + place.upper()):  # `CÔNG ĐOÀN GIÁO DỤC BẮC GIANG`: its word before its place
            return issuer[:len(issuer) - len(place)] + sup[at] + " " + issuer[len(issuer) - len(place):]
        return issuer + " " + " ".join(sup[at:])
    last = words[-1].lower()
    sup = superior.split()
    low = [w.lower() for w in sup]
    admin = {w for words in entry("organizations.yaml", "admin_levels") for w in words.split()}
    if last in low and low.index(last) < len(sup) - 1 and last in admin:
        return issuer + " " + " ".join(sup[low.index(last) + 1:])
    return issuer


def _state_body_beside_federation(org: str, cell: str) -> bool:
    """A federation named by its head alone (`LIÊN ĐOÀN LAO ĐỘNG`) beside a state body's cell in a joint header
    (`PHÒNG LAO ĐỘNG - THƯƠNG BINH`): that cell is the other column's, the federation's place comes below."""
    head = entry("organizations.yaml", "territorial_union")["means"].upper()
    return expand_org_abbreviations(org).upper() == head \
        and cell.upper().startswith(tuple(h.upper() + " " for h in entry("organizations.yaml", "non_union_heads")))


def _own_congress_below(lines: list[str], k: int) -> bool:
    """Line k stands over a congress line that names no body (`ĐẠI HỘI ĐẠI BIỂU LẦN THỨ VIII`) in a numbered
    document (`Số: 01/NQ-ĐH`): the issuer of its congress's resolution, not the host over a speech."""
    cells = [c for ln in lines[k + 1:k + 6] for c in _header_cells(ln) if c not in (MOTTO_MARK, MOTTO_CUT) and c.strip()]
    nxt = cells[0] if cells else ""
    numbered = any(_patterns()["number"].match(c) for ln in lines for c in _header_cells(ln))
    own = re.match(entry(_DATA, "own_congress_line"), nxt, re.I)
    if own is not None and own.group("bare") and not (own.group("count") or own.group("term")):
        # `ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ` / `LẦN THỨ VII, …`, not `… CƠ SỞ` / `CÔNG TY TNHH X LẦN THỨ III` (a name goes on)
        return numbered and len(cells) > 1 and re.match(entry(_DATA, "congress_goes_on"), cells[1], re.I) is not None
    return numbered and own is not None


def _placed_by_date_line(issuer: str, place: str) -> str:
    """A federation named by its level alone (`LIÊN ĐOÀN LAO ĐỘNG TỈNH`) whose place-and-date line names a
    place at that level (`Lào Cai, ngày …`): the federation of that place."""
    canonical = canonical_organization(issuer) or ""
    head = entry("organizations.yaml", "territorial_union")["means"]
    m = re.fullmatch(rf"{re.escape(head)} ({'|'.join(entry('organizations.yaml', 'admin_levels'))})", canonical)
    if m is None:
        return issuer
    body = place_body(place, m.group(1))
    return f"{issuer} {place.upper()}" if body is not None and body.lower() == f"{canonical} {place}".lower() else issuer


def _open_ended(org: str) -> bool:
    """A header name cut by its line's end (`LIÊN ĐOÀN LAO ĐỘNG TỈNH` / `QUẢNG TRỊ`, `CĐCS CÔNG TY CP` /
    `CHÈ HÙNG LĨNH`): it ends with an administrative word or a word a proper name must follow
    (organizations.yaml `name_openers`, company-type abbreviations), or is nothing but a body's head."""
    words = org.lower().split()
    m = HEAD_RE.match(org)
    if not words:
        return False
    expanded = expand_org_abbreviations(org).lower()
    openers = [o.lower() for o in entry("organizations.yaml", "name_openers")]
    # a whole administrative word at the end (`… HUYỆN`, `… THÀNH PHỐ`), not a place's syllable (`YÊN THÀNH`)
    admin_end = any(f" {expanded}".endswith(f" {a.lower()}") for a in entry("organizations.yaml", "admin_levels"))
    return admin_end or (m is not None and m.end() >= len(org.rstrip())) \
        or any(expanded.endswith(" " + o) for o in openers) \
        or words[-1].upper() in entry(_DATA, "company_type_codes")


def _bare_level(org: str) -> bool:
    """A union level with no name yet (`CÔNG ĐOÀN CƠ SỞ`, `CĐ NGÀNH`): after its head, lowercase words only."""
    canonical = canonical_organization(org) or ""
    heads: dict[str, int] = entry("organizations.yaml", "union_heads")
    head = next((h for h in sorted(heads, key=len, reverse=True) if canonical.lower().startswith(h)), None)
    return head is not None and all(w[:1].islower() for w in canonical.split()[heads[head]:])


def _place_date_after(cell: str) -> tuple[re.Match[str], int] | None:
    """A place-and-date line that the line before ran into (`Bính Ngọ năm 2026 Vĩnh Long, ngày 12
    tháng 11 năm 2025`: a wrapped `V/v` beside it, the columns' spaces gone), with where it starts:
    the place is the shortest run of capitalized words before `, ngày` that names a province or
    district, else the longest such run (at most four words)."""
    at = _patterns()["place_date_joint"].search(cell)
    if at is None:
        return None
    words = list(re.finditer(r"\S+", cell[:at.start()]))
    # a place is written in mixed case: a name in capitals before it is a header cell's (`HẢI SẢN CÀ NÁ Cà Ná, ngày`)
    mixed = any(not w.group(0).isupper() for w in words[-4:])
    runs = [k for k in range(len(words) - 1, max(-1, len(words) - 5), -1)
            if all(w.group(0)[:1].isupper() and not (mixed and w.group(0).isupper() and len(w.group(0)) > 1
                                                      and not w.group(0).endswith("."))
                   for w in words[k:])]
    known = [k for k in runs if place_body(cell[words[k].start():at.start()]) is not None]
    for k in known[:1] or runs[-1:]:
        if (m := _PLACE_DATE.match(cell[words[k].start():])) is not None:
            return m, words[k].start()
    return None


def _run_into(place: str) -> bool:
    """A place of more than two words that is no known place (`Xuân Bính Ngọ Hà Nội`): a line ran into it."""
    words = place.split()
    shorts = set(entry("organizations.yaml", "dotted_abbreviations"))  # `TP Vinh, ngày …` is a place
    capitals = [k for k, w in enumerate(words) if len(w) > 1 and w.isupper() and w.isalpha() and w not in shorts]
    if capitals and any(w[:1].isupper() and not w.isupper() for w in words[capitals[-1] + 1:]):
        return True  # `TP. PHỔ YÊN Phổ Yên, ngày …`: a header cell in capitals ran into the place-and-date line
    first = words[0].rstrip(".").lower()
    admin = {w for words in entry("organizations.yaml", "admin_levels") for w in words.split()}
    if first in admin or first in {a.lower() for a in entry("organizations.yaml", "dotted_abbreviations")}:
        return False  # "TP. Hồ Chí Minh", "Thành phố Huế"
    return len(place.split()) > 2 and place_body(place) is None


def _name_tail(cell: str) -> bool:
    """A short line of capitalized words alone under a body's header line (`CĐCS CÔNG TY TNHH MAY XUẤT
    KHẨU` / `PHÚ HÒA`): the rest of its name (a header holds nothing else of that shape there)."""
    words = cell.split()
    committee = cell.upper().startswith(tuple(p + " " for p in entry(_DATA, "committee_prefixes")))
    return 1 <= len(words) <= 4 and all(w.rstrip(".").isalpha() and w.isupper() for w in words) \
        and not _KIND_LINE.match(cell.strip()) and not committee and not HEAD_RE.search(cell)


def _phrase_cut(org: str, cell: str) -> bool:
    """A name whose line ended inside an official phrase (`CÔNG ĐOÀN CÁC KHU CÔNG` / `NGHIỆP`) or
    inside a place's name (`LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO` / `BẰNG`: provinces.yaml, districts.tsv)."""
    tail, head = org.lower().split(), cell.lower().split()
    syllables = {w for words in entry("organizations.yaml", "admin_levels") for w in words.split()}
    admin = [k for k, w in enumerate(tail) if w in syllables]
    if admin and len(head) <= 4:
        place = " ".join(tail[admin[-1] + 1:] + head)
        if place_body(place) is not None:
            return True
    for phrase in entry("organizations.yaml", "official_case"):
        words = phrase.lower().split()
        for k in range(1, len(words)):
            if tail[-k:] == words[:k] and head[:len(words) - k] == words[k:]:
                return True
    return False


def _issuer_and_superior(orgs: list[str]) -> tuple[str | None, str | None]:
    """The header's issuer (its last body) and superior (the one above). In a joint document
    (`LIÊN ĐOÀN LAO ĐỘNG TỈNH SÓC TRĂNG` / `SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI …`) the issuer is the
    union body and the other a partner, not its superior."""
    if not orgs:
        return None, None
    heads = tuple(entry("organizations.yaml", "union_heads"))
    union = [k for k, o in enumerate(orgs) if canonical_union(o, heads)]
    if union and union[-1] != len(orgs) - 1:
        k = union[-1]
        return orgs[k], orgs[k - 1] if k >= 1 and canonical_union(orgs[k - 1], heads) else None
    return orgs[-1], orgs[-2] if len(orgs) >= 2 else None


def canonical_union(name: str, heads: tuple[str, ...]) -> bool:
    canonical = canonical_organization(name) or ""
    return canonical.lower().startswith(heads)


def _first_lines(text: str, count: int) -> list[str]:
    """The lines of `text` up to its `count`-th line with words: a Word copy's blank lines between paragraphs
    do not use up the header's zone."""
    lines = text.split("\n")
    seen = 0
    for k, line in enumerate(lines):
        seen += bool(line.strip())
        if seen == count:
            return lines[:k + 1]
    return lines


def read_header(body: str) -> Header:
    """The header of a document whose text is `body` (empty Header when it has none)."""
    pats = _patterns()
    # `Số:` at a line's end, its number on the next (a header cell a PDF wrapped)
    lines = _first_lines(re.sub(r"(S[ốỐ]\s*:)\s*\n+\s*(?=\d)", r"\1 ", body[:3000]), entry(_DATA, "header_lines"))
    orgs: list[str] = []
    loose: list[str] = []  # names in mixed case, each a line of its own: the header when it has no other
    units: list[str] = []  # a unit's name (`CÔNG TY …`, `TRƯỜNG …`) in a header that names its union bare
    last_unit_line = -9
    number = kind = place = date = subject = None
    joining = False
    motto_cut = False
    last_was_subject = False
    above: list[int] = []  # the bodies the line above named, column by column (a joint header's columns)
    cut: str | None = None  # a cell that ended inside a union's head word, for the next line's to go on
    for k, line in enumerate(lines):
        if _KIND_LINE.match(line.strip()):
            break  # the kind word (`KẾ HOẠCH`): the title follows, the header is over
        if (hosts_event(lines, k) and not _own_congress_below(lines, k)) or over_breadcrumb(lines, k):
            continue  # the host over an event's name (`… ĐÀ NẴNG` / `HỘI NGHỊ TỔNG KẾT …`); a site's banner
        here: list[int] = []
        cells = _header_cells(line)
        columns = len([c for c in cells if c not in (MOTTO_MARK, MOTTO_CUT)]) >= 2  # two bodies' columns go on
        for cell in cells:
            if cell in (MOTTO_MARK, MOTTO_CUT):
                motto_cut = cell == MOTTO_CUT
                continue
            if motto_cut and cell.upper() in entry(_DATA, "motto_tail"):
                motto_cut = False
                continue
            if pats["rule_line"].match(cell):
                continue
            if cut is not None and _org_line(joined := f"{cut} {cell}") is not None:
                cell = joined  # `LIÊN ĐOÀN LAO` / `ĐỘNG HUYỆN LƯƠNG TÀI`
            cut = None
            if _head_cut(cell) and _org_line(cell) is None:
                cut = cell
                continue
            if number is None and (m := pats["number"].match(cell)):
                number = re.sub(r"\s+", "", m.group("number"))
                kind = _kind_of_code(number)
                cell = cell[m.end():].strip()  # "Số: 41/KH-LĐLĐ Gio Linh, ngày …" on one line
                if not cell:
                    continue
            found = (_PLACE_DATE.match(cell), 0) if date is None else (None, 0)
            if date is None and (found[0] is None or _run_into(found[0].group("place"))):
                found = _place_date_after(cell) or found
            if (m := found[0]) is not None:
                place, date = m.group("place").strip(), iso_date(m.group("d"), m.group("m"), m.group("y"))
                lead = cell[:found[1]].strip()
                if lead and subject is not None and last_was_subject:
                    subject = f"{subject} {lead}"  # "V/v … Tết Nguyên đán" / "Bính Ngọ năm 2026   Vĩnh Long, ngày …"
                elif lead and orgs and joining and lead.isupper() and _name_tail(lead):
                    orgs[-1] = f"{orgs[-1]} {lead}"  # "… CHẾ BIẾN" / "HẢI SẢN CÀ NÁ Cà Ná, ngày …": the name's tail
                continue
            if subject is None and (m := pats["subject"].match(cell)):
                subject = m.group("subject").strip()
                last_was_subject = True
                continue
            last_was_subject = False
            if "(" in cell and cell.split("(")[0].strip().isupper() and orgs and joining:
                cell = cell.split("(")[0].strip() or cell  # `JIAHE VIỆT NAM (JIAHE VIETNAM FURNITURE CO., LTD`
            # `ỦY BAN NHÂN DÂN | LIÊN ĐOÀN LAO ĐỘNG` over `HUYỆN CHÂU THÀNH | HUYỆN CHÂU THÀNH`: each column its own
            t = above[len(here)] if columns and len(above) > 1 and len(here) < len(above) else len(orgs) - 1
            if orgs and joining and _state_body_beside_federation(orgs[t], cell):
                continue  # the joint header's other column (`PHÒNG LAO ĐỘNG - …`): the federation's place comes below
            bare = bool(orgs) and _bare_level(orgs[t])
            if orgs and joining and cell.isupper() and (bare or not HEAD_RE.match(cell)) \
                    and (bare or cell.split()[0] in entry(_DATA, "continuation_openers") or _open_ended(orgs[t])
                         or _phrase_cut(orgs[t], cell) or _name_tail(cell)):
                # a level with no name yet (`CÔNG ĐOÀN CƠ SỞ` / `SỞ GIÁO DỤC VÀ ĐÀO TẠO`) takes the next line whole
                orgs[t] = f"{orgs[t]} {cell}"
                here.append(t)
                continue
            if (org := _org_line(cell)) is not None:
                orgs.append(org)
                here.append(len(orgs) - 1)
                joining = True
                continue
            if not orgs and (org := line_organization(cell)) is not None:
                loose.append(org)  # a header copied from a web page, in mixed case (`Liên đoàn Lao động thị xã Bỉm Sơn`)
            if cell.isupper() and cell.startswith(_UNIT_HEADS):
                units.append(cell)
                last_unit_line = k  # `CÔNG TY CỔ PHẦN CHẾ BIẾN GỖ` over its union's `CÔNG ĐOÀN CƠ SỞ`
                joining = False
                continue
            if units and not orgs and cell.isupper() and _name_tail(cell) and 0 < k - last_unit_line <= 2:
                units[-1] = f"{units[-1]} {cell}"
                continue
            joining = False
        above = here or above
    if not orgs and (number is not None or date is not None):
        orgs = loose
    issuer, superior = _issuer_and_superior(orgs)
    if issuer is not None and units and _bare_level(issuer) and not _state_body_beside_federation(issuer, units[-1]):
        issuer = f"{issuer} {units[-1]}"  # the unit named above its union's bare level
    if issuer is not None:
        issuer = _complete_issuer(issuer, superior)
    if issuer is not None and place:
        issuer = _placed_by_date_line(issuer, place)
    if issuer is None and number is None and date is None:
        return Header()
    return Header(issuer=issuer, superior=superior, number=number, kind=kind if number else None,
                  place=place, date=date, subject=subject)


def read_month_line(body: str, zone: int = 1500) -> tuple[int, int] | None:
    """(year, month) of a place-and-month line with no day (`Đà Nẵng, tháng 01 năm 2025`): no date, but
    the document's year and month, or None."""
    m = _PLACE_MONTH.search(body[:zone])
    if m is None or not 1 <= int(m.group("m")) <= 12:
        return None
    return int(m.group("y")), int(m.group("m"))


_PLACE_MONTH = compile_pattern(_DATA, "place_month", entry(_DATA, "place_month"))


def read_byline_date(body: str, zone: int = 1200) -> str | None:
    """The date of a news item's byline or dateline (`Thứ Hai, 15/01/2024 10:30`), or None."""
    head = body[:zone]
    for name in entry(_DATA, "bylines"):
        for m in _patterns()[f"byline:{name}"].finditer(head):
            if (d := iso_date(m.group("d"), m.group("m"), m.group("y"))):
                return d
    return None


def has_news_lead(body: str, zone: int = 1500) -> bool:
    """A lead opened by an agency tag (`(LĐ) - Ngày 15/1, …`) or a byline near the top."""
    head = body[:zone]
    if any(_patterns()["news_lead"].match(line) for line in head.split("\n")):
        return True
    return read_byline_date(body, zone) is not None


def without_bylines(body: str, lines: int = 8) -> str:
    """`body` with the byline lines of its top blanked (`Thứ Hai, 15/01/2024 10:30`): a news item's
    title is the first line that is not one."""
    out = body.split("\n")
    for k, line in enumerate(out[:lines]):
        if len(line.split()) <= 12 and read_byline_date(line) is not None:
            out[k] = ""
    return "\n".join(out)
