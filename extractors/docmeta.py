"""A document's title, organization and date, read from its own text.

Organization names are found with a small grammar: an organization head (`Liên đoàn Lao
động`, `Công đoàn`, an abbreviation such as `LĐLĐTP`) followed by capitalized words,
abbreviations and a few lower-case words that occur inside names (`tỉnh`, `thành phố`,
`ngành`). Language data: `extractors/lang/vi/segment.yaml`.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.lang import compile_pattern, entry, load
from extractors.orgnames import canonical_organization, place_body

_DATA = load("segment.yaml")
ORG_HEADS = sorted(_DATA["org_heads"], key=len, reverse=True)
ORG_ABBR = dict(sorted(_DATA["org_abbreviations"].items(), key=lambda kv: -len(kv[0])))
INNER = set(_DATA["org_inner_words"])
INNER_PHRASES = {p.lower() for p in _DATA["org_inner_phrases"]}
STOP = set(_DATA["org_stop_words"])
STOP_VERBS = set(_DATA["org_stop_verbs"])
NEVER_OPENS = set(_DATA["name_never_opens"])
TITLE_SKIP = tuple(_DATA["title_skip_prefixes"])
_COMMON_NOUN_HEADS = {h.lower() for h in _DATA["common_noun_heads"]}
_HEAD_ABBR_NOTE = re.compile(r"\s*\([A-ZĐ]{2,8}\)")
_ADMIN_WORDS = {w.lower() for w in entry("organizations.yaml", "admin_levels")}
_NUMBERED_PLACES = {w.lower() for w in entry("organizations.yaml", "numbered_place_words")}
_ORDINAL_OPENERS = {p.lower() for p in _DATA["name_ends_before"]}
# two-word names whose second word is lowercase (`Giáo dục`, `Y tế`): a name may end with them
_OFFICIAL_PHRASES = {p.lower() for p in entry("organizations.yaml", "official_case") if len(p.split()) >= 2}
_OFFICIAL_WORDS = sorted((tuple(p.split()) for p in _OFFICIAL_PHRASES), key=len, reverse=True)

_DOTTED = frozenset(entry("organizations.yaml", "dotted_abbreviations"))
_TOKEN = re.compile(r"[\wÀ-ỹ]+(?:[-'][\wÀ-ỹ]+)*|&|-")
HEAD_RE = _HEAD_RE = re.compile(
    r"(?<![\wÀ-ỹ])(?:{})(?![\wÀ-ỹ])".format("|".join(
        [re.escape(h) for h in ORG_HEADS] + [re.escape(a) for a in ORG_ABBR])), re.I)
_DATE_WORDS = compile_pattern("time.yaml", "date_words", entry("time.yaml", "date_words"))
# "Hà Nội, ngày 12 tháng 9 năm 2024" at the start of a line (not "02-NQ/TW, ngày 12/6/2021")
_PLACE_DATE = re.compile(_DATA["place_before_date"] + _DATE_WORDS.pattern)  # case matters: a capitalized place
_ATTACHED = re.compile(_DATA["attached_before_date"] + _DATE_WORDS.pattern, re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s*$")


def _is_capitalized(tok: str) -> bool:
    return tok[:1].isupper()


def _expand(head: str) -> str:
    for abbr, full in ORG_ABBR.items():
        if head.lower() == abbr.lower():
            return full
    return head


def _names_a_body_at(text: str, pos: int) -> bool:
    """Whether a named body starts at `pos` (`LĐLĐ huyện Châu Thành A`), not a bare level (`CĐCS trực thuộc`)."""
    from extractors.org_mentions import is_named  # org_mentions reads names with this module
    hm = _HEAD_RE.match(text, pos)
    org = organization_at(text, hm) if hm is not None else None
    return org is not None and is_named(canonical_organization(org) or "")


def organization_at(text: str, m: re.Match[str]) -> str | None:
    """The organization name that starts with the head matched by `m`, or None."""
    head = m.group(0)
    if head[:1].islower() and head.lower() in _COMMON_NOUN_HEADS:
        return None  # `tại Hội trường UBND huyện …`: a room, not a school
    if _expand(head).endswith("Việt Nam"):
        return _expand(head)  # "TLĐ giao LĐLĐ tỉnh …": the national federation's name is whole
    tokens: list[re.Match[str]] = []
    pos = m.end()  # where the text between the last word kept and the next one starts
    for t in _TOKEN.finditer(text, m.end(), min(len(text), m.end() + 160)):
        if t.start() < pos:
            continue
        gap = text[pos:t.start()]
        if (note := _HEAD_ABBR_NOTE.match(text, pos)) is not None and tokens:
            pos = note.end()  # `Công đoàn cơ sở (CĐCS) Công ty …`: an abbreviation in brackets is no end of the name
            continue
        dotted = tokens and gap.strip() == "." and tokens[-1].group(0) in _DOTTED  # "LĐLĐ TP. Bảo Lộc"
        if not dotted and any(c in gap for c in ",.;:()“”\"\n!?<>›»|"):  # a breadcrumb's ">" ends a name too
            break
        tokens.append(t)
        pos = t.end()
    kept: list[str] = []
    # a dotted abbreviation keeps its dot (`Q. Long Biên`: a bare `Q` is no abbreviation)
    words = [t.group(0) + ("." if k + 1 < len(tokens) and text[t.end():tokens[k + 1].start()].strip() == "." else "")
             for k, t in enumerate(tokens)]
    k = 0
    while k < len(tokens):
        w = words[k]
        nxt = words[k + 1] if k + 1 < len(tokens) else ""
        if (more := _official_completion(_expand(head).split() + kept, words[k:])):
            kept.extend(words[k:k + more])  # "… Nông nghiệp và Phát" + "triển nông thôn"
            k += more
            continue
        if kept and w.lower() in ("và", "&") and k + 1 < len(tokens) and _names_a_body_at(text, tokens[k + 1].start()):
            break  # `LĐLĐ TP. Ngã Bảy và LĐLĐ huyện Châu Thành A`: two bodies, not one name
        if kept and f"{w} {nxt}".lower() in INNER_PHRASES:
            kept.extend([w, nxt])  # `… NHCSXH chi nhánh tỉnh Lai Châu`
            k += 2
            continue
        k += 1
        if not kept and w.lower() in NEVER_OPENS:
            break  # `CÔNG ĐOÀN CHO CÔNG NHÂN – …`: a title's words after `công đoàn`, no body's name
        if w.isdigit() and len(w) <= 2 and kept and kept[-1].lower() in _NUMBERED_PLACES:
            kept.append(w)  # `LĐLĐ Quận 12`: a district named by its number
            break
        if kept and f"{w} {nxt}".lower() in _ORDINAL_OPENERS:
            break  # `… HUYỆN QUỲNH LƯU LẦN THỨ XIII`, `… tỉnh Cà Mau trực thuộc …`: in capitals too
        if _is_capitalized(w) or w == "&":
            if w.lower() in STOP and not w.isupper() and kept:
                if (whole := _official_from(words[k - 1:]) or (2 if place_body(f"{w} {nxt}") else 0)):
                    kept.extend(words[k - 1:k - 1 + whole])  # `… ngành Giao thông vận tải`, `… THPT Giao Thủy`: a
                    k += whole - 1  # phrase or a place that a stop word opens
                    continue
                break
            kept.append(w)
        elif w.lower() in INNER or (nxt and _is_capitalized(nxt) and w.lower() not in STOP | STOP_VERBS):
            kept.append(w)
        elif _LEGAL_FORMS & set(kept) and not _lowercase_after_form(kept) \
                and (run := _business_line(words, k - 1)):
            kept.extend(words[k - 1:k - 1 + run])  # `Công ty TNHH Kỹ thuật điện Hải Hà Vina`: a company's lowercase
            k += run - 1  # words (`Cơ khí chính xác Tiên Du`: three of them)
        else:
            break
    kept = kept[:len(kept) - _person_after(text, m, tokens, kept)]
    whole = _expand(head).split()
    popped = ""
    while kept and not (_is_capitalized(kept[-1]) or kept[-1].isupper() or _numbered(kept)) \
            and not any(" ".join((whole + kept)[-n:]).lower() in _OFFICIAL_PHRASES
                        for n in range(2, len(_OFFICIAL_WORDS[0]) + 1)):
        popped = kept.pop()  # a name ends with a capitalized word, or a phrase like "Giáo dục", "Khu công nghiệp"
    if kept and popped and f"{kept[-1]} {popped}".lower() in _ADMIN_WORDS:
        kept.pop()  # `LĐLĐ Thành phố tổ chức …`: an administrative word, capitalized, with no place after it
    if not kept:
        return None
    name = _expand(head) + " " + " ".join(kept)
    return re.sub(r"\s+", " ", name).strip()


_LEGAL_FORMS = frozenset(_DATA["company_legal_forms"])
_PERSON_TITLE = compile_pattern("segment.yaml", "person_titles_before", _DATA["person_titles_before"])
_FAMILY_NAMES = frozenset(_DATA["family_names"])
_MIDDLE_NAMES = frozenset(_DATA["middle_names"])
_HIGHLAND_FAMILY_NAMES = frozenset(_DATA["highland_family_names"])
_PERSON_SAID = compile_pattern("segment.yaml", "person_said_after", _DATA["person_said_after"])


def _business_line(words: list[str], k: int) -> int:
    """How many lowercase words from `words[k]` run on to a capitalized one (at most three, none a stop word or
    verb): a company's business line inside its name; 0 when they do not."""
    for n in (2, 3):
        run = words[k:k + n]
        if len(run) == n and k + n < len(words) and _is_capitalized(words[k + n]) \
                and not ({w.lower() for w in run} - {"và"}) & (STOP | STOP_VERBS) \
                and all(not _is_capitalized(w) for w in run[1:]):
            return n
    return 0


def _lowercase_after_form(kept: list[str]) -> bool:
    """Whether a lowercase word already follows the legal form in the name read so far (a company's business
    line has one run of them: `Thủy lợi Nam Đàn` then `duy trì Quỹ …` is the sentence going on)."""
    at = max(i for i, w in enumerate(kept) if w in _LEGAL_FORMS)
    return any(w[:1].islower() for w in kept[at + 1:])


def _person_after(text: str, m: re.Match[str], tokens: list[re.Match[str]], kept: list[str]) -> int:
    """How many of the name's last words are the name of the person its title before it named (`Chủ tịch
    Công đoàn Công ty Trần Văn Hậu, …`): 0 when none."""
    if len(kept) < 2 or not _PERSON_TITLE.search(text, max(0, m.start() - 40), m.start()):
        return 0
    if not _PERSON_SAID.match(text, tokens[len(kept) - 1].end()):
        return 0
    for n in (4, 3, 2):
        tail = kept[-n:]
        family = _FAMILY_NAMES if n > 2 else _HIGHLAND_FAMILY_NAMES  # `Ksor H'Nhung`: a Jrai name of two words
        if len(kept) >= n and tail[0] in family and all(w[:1].isupper() and not w.isupper() for w in tail) \
                and (n != 4 or tail[1] in _MIDDLE_NAMES) and place_body(" ".join(tail)) is None:
            return n  # (not a place named like a person: `LĐLĐ Trần Văn Thời`, a district of Cà Mau)
    return 0


def _numbered(kept: list[str]) -> bool:
    return len(kept) >= 2 and kept[-1].isdigit() and kept[-2].lower() in _NUMBERED_PLACES


def _official_from(rest: list[str]) -> int:
    """How many of `rest` make a whole official phrase from its first word (`Giao thông vận tải`), 0 when none."""
    low = [w.lower() for w in rest]
    return next((len(p) for p in _OFFICIAL_WORDS if len(p) >= 2 and low[:len(p)] == list(p)), 0)


def _official_completion(kept: list[str], rest: list[str]) -> int:
    """How many of `rest` complete an official phrase begun at the end of `kept` (`Nông nghiệp và
    Phát` + `triển nông thôn`), 0 when none does: a name may hold lowercase words of such a phrase."""
    if not kept or not rest or rest[0][:1].isupper():
        return 0
    low_kept = [w.lower() for w in kept]
    for phrase in _OFFICIAL_WORDS:
        for j in range(1, min(len(phrase), len(kept) + 1)):
            need = len(phrase) - j
            if low_kept[-j:] == list(phrase[:j]) and [w.lower() for w in rest[:need]] == list(phrase[j:]):
                return need
    return 0


def organizations_in(text: str) -> list[str]:
    return [o for m in _HEAD_RE.finditer(text) if (o := organization_at(text, m))]


def _words(s: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(s)]


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _prefer_body_form(name: str, body: str) -> str:
    """A heading in capitals (`CÔNG ĐOÀN TRUNG TÂM …`) → the fuller form the body uses."""
    if not name.isupper():
        return name
    want = _words(name)
    for cand in organizations_in(body):
        if not cand.isupper() and _subsequence(want, _words(cand)) and len(_words(cand)) <= len(want) + 3:
            return cand
    return name


def _line_org(line: str) -> str | None:
    """A line that is nothing but an organization name (as under a speech's title)."""
    s = line.strip().strip("*").strip()
    enclosed = s.startswith("(") and s.endswith(")")
    if enclosed:
        s = s[1:-1].strip()  # "(Công đoàn Viên chức tỉnh Lai Châu)" under a speech's title
    if not s or len(s.split()) > (24 if enclosed else 16) or _SENTENCE_END.search(s) or s.startswith(TITLE_SKIP) or _BREADCRUMB.match(s):
        return None
    m = _HEAD_RE.match(s)
    if not m:
        return None
    org = organization_at(s, m)
    # the name must be (nearly) the whole line
    if org and len(_words(org)) >= len(_words(s)) - 1:
        return org
    if org and enclosed and _name_whole(s[m.end():]):
        return _expand(m.group(0)) + " " + s[m.end():].strip()  # `(CĐCS Công ty CP Dược - Trang thiết bị y tế X)`
    return None


def line_organization(line: str) -> str | None:
    """The organization a line names when it is nothing but that name, or None."""
    return _line_org(line)


def _name_whole(rest: str) -> bool:
    """The rest of a line in parentheses is all name, its lowercase words too (`Công ty Cổ phần Dược -
    Trang thiết bị y tế Bình Định`): no digit, no word that ends a name, a capitalized last word."""
    words = _TOKEN.findall(rest)
    return bool(words) and not any(c.isdigit() for c in rest) and _is_capitalized(words[-1]) \
        and not any(w in STOP | STOP_VERBS for w in words)


def find_organization(body: str, head_at: int | None, weak: bool = True) -> str | None:
    """The body a document names as its own: in its heading, on a line of its own near the top, after
    a phrase that introduces it (`thay mặt BCH …`, a speaker line); with `weak`, also a body before
    `tổ chức`/`ban hành`, a signature block, a news lead's subject."""
    lines = body[:2500].split("\n")
    start_line = body[:head_at].count("\n") if head_at is not None else 0
    # 1. the heading itself names the speaker: "THAM LUẬN CÔNG ĐOÀN TRUNG TÂM …"
    if head_at is not None:
        heading = lines[start_line] if start_line < len(lines) else ""
        rest = re.sub(r"^\W*\w+\s+\w+\s*", "", heading.strip())
        m = _HEAD_RE.match(rest)
        if m and (org := organization_at(rest, m)):
            return _prefer_body_form(org, body)
    # 1b. the title under the kind word names whose report it is: `… năm 2024 của Ban Chấp hành CĐCS Công ty X`
    if head_at is not None:
        for line in lines[start_line + 1:start_line + 4]:
            for m in _TITLE_OWNER.finditer(line):
                hm = _HEAD_RE.match(line, m.end())
                if hm and (org := organization_at(line, hm)):
                    return org
    # 1c. … or names a body whole after the work it reports (`Kết quả hoạt động Công đoàn Khối …`)
    if head_at is not None:
        # org_mentions reads names with this module's HEAD_RE: imported here
        from extractors.org_mentions import is_named, names_no_body
        from extractors.orgnames import canonical_organization
        for line in lines[start_line + 1:start_line + 4]:
            for m in _TITLE_OWNER_NAMED.finditer(line):
                hm = _HEAD_RE.match(line, m.end())
                if hm and hm.group(0)[:1].isupper() and (org := organization_at(line, hm)) \
                        and is_named(canonical := canonical_organization(org) or "") \
                        and not names_no_body(canonical):  # not `hoạt động công đoàn cơ sở … Ở HUYỆN MIỀN NÚI`
                    return org
    # 1d. a speech's topic title that opens with its body's name (`CÔNG ĐOÀN CÔNG TY CP GỐM SỨ ĐÔNG TRIỀU CHĂM LO …`)
    if head_at is not None and not weak:
        from extractors.org_mentions import is_named, names_no_body
        from extractors.orgnames import canonical_organization
        for line in lines[start_line + 1:start_line + 3]:
            hm = _HEAD_RE.match(line.strip())
            if hm and line.strip().isupper() and (org := organization_at(line.strip(), hm)) \
                    and is_named(canonical := canonical_organization(org) or "") and not names_no_body(canonical):
                return _prefer_body_form(org, body)
    # 2. a line of its own near the top (under the title, or a letterhead above it); not the host over
    # the event's name (`LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG` / `HỘI NGHỊ TỔNG KẾT …` / `THAM LUẬN`)
    for k, line in enumerate(lines[: start_line + 14]):
        if (org := _line_org(re.split(r"\s{3,}|CỘNG HÒA|CỘNG HOÀ", line.strip())[0])) and not hosts_event(lines, k) \
                and not over_breadcrumb(lines, k):
            return _prefer_body_form(org, body)
    # 3. "(Ban hành kèm theo … của <ORG>)", "<ORG> ban hành", "thay mặt BCH <ORG>"
    for pat in _DATA["org_before_patterns"]:
        for m in re.finditer(pat, body[:3000], re.I | re.M):
            hm = _HEAD_RE.match(body, m.end())
            if hm and (org := organization_at(body, hm)):
                return org
    if not weak:
        return None
    for m in _HEAD_RE.finditer(body[:4000]):
        org = organization_at(body, m)
        if org and re.match(_DATA["org_subject_after"], body[m.start() + len(org) - len(_expand(m.group(0))) + len(m.group(0)):][:40]):
            return org
    # 4. a signature block at the end: "BAN CHẤP HÀNH / CÔNG ĐOÀN GIÁO DỤC VIỆT NAM"
    if (org := signature_organization(body)) is not None:
        return org
    # 5. news: the subject of the lead, "(LĐTĐ) Chiều 10/9 LĐLĐTP Hà Nội đã tổ chức …"
    lead = re.search(r"^\([^)]{2,10}\)\s*(.{0,200})", body, re.M)
    if lead:
        for m in _HEAD_RE.finditer(body, lead.start(1), lead.end(1)):
            if (org := organization_at(body, m)):
                return org
    return None


_SIGNER_TITLE = compile_pattern("segment.yaml", "signer_titles", _DATA["signer_titles"])


def signature_organization(body: str) -> str | None:
    """The body a signature block at the end names: `BAN CHẤP HÀNH / CÔNG ĐOÀN GIÁO DỤC VIỆT NAM`, a
    speech's `Xin trân trọng cảm ơn!` / `CÔNG ĐOÀN CƠ SỞ BỆNH VIỆN ĐA KHOA THUẬN CHÂU`."""
    cut = max(len(body) - 800, len(body) // 2)  # the end of a short text is not its top; whole lines only
    end = body[body.find("\n", cut) + 1:] if body.find("\n", cut) >= 0 else ""
    lines = [line.strip().strip("*").strip() for line in end.split("\n")[-12:]]
    for k in range(len(lines) - 1, -1, -1):
        s = lines[k]
        if s.isupper() and (org := _line_org(s)) and not s.startswith(("BAN ", "TM", "T/M")):
            # a name the block wrapped (`CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN` / `CHẾ BIẾN GỖ PHÙ MỸ`) goes on below
            nxt = next((x for x in lines[k + 1:] if x), "")
            if nxt.isupper() and not _SIGNER_TITLE.match(nxt) and (whole := _line_org(f"{s} {nxt}")):
                return whole
            return org
    tail = body[max(len(body) - 600, len(body) // 2):]
    for m in _CLOSING.finditer(tail):  # `Trên đây là tham luận của LĐLĐ huyện Đức Hòa.`
        if (hm := _HEAD_RE.match(tail, m.end())) and (org := organization_at(tail, hm)):
            return org
    return None


def hosts_event(lines: list[str], k: int) -> bool:
    """Whether line k is an event's host: the line after it names the event (blank lines skipped), or the
    line before it does and it is in capitals (`HỘI NGHỊ TỔNG KẾT …` / `CÔNG ĐOÀN NGÀNH Y TẾ TỈNH SƠN LA`)."""
    nxt = next((ln for ln in lines[k + 1:k + 5] if ln.strip() and not _motto_only(ln)), "")
    if EVENT_LINE.match(nxt.strip()):
        return True
    if not lines[k].isupper():
        return False
    # the event's name above it, wrapped over lines in capitals (`HỘI NGHỊ TỔNG KẾT … NĂM 2023` / `VÀ TRIỂN KHAI
    # NHIỆM VỤ NĂM 2024` / `LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG`: corpus/keys_blind49)
    above = [ln.strip() for ln in reversed(lines[max(0, k - 4):k]) if ln.strip() and not _motto_only(ln)]
    for ln in above[:3]:
        if EVENT_LINE.match(ln):
            return True
        if not ln.isupper():
            return False
    return False


def over_breadcrumb(lines: list[str], k: int) -> bool:
    """A body's name over a web page's breadcrumb is the site's banner (`CÔNG ĐOÀN CAO SU VIỆT NAM` /
    `Trang chủ › Hoạt động công đoàn`), not the speaker of the speech the page carries."""
    nxt = next((ln for ln in lines[k + 1:k + 4] if ln.strip()), "")
    return bool(_BREADCRUMB.match(nxt))


def _motto_only(line: str) -> bool:
    """A line that holds the national motto or a piece of it a PDF wrapped (`NGHĨA VIỆT NAM`)."""
    s = line.strip().upper()
    pieces = [m.upper() for m in entry("document_header.yaml", "motto")] + entry("document_header.yaml", "motto_tail")
    return s in pieces


def event_host(body: str) -> str | None:
    """The body named over an event's name at the top (`LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG` /
    `HỘI NGHỊ TỔNG KẾT …`): a speech given there that names no speaker is the host's."""
    lines = body[:1500].split("\n")
    for k, line in enumerate(lines[:10]):
        if (org := _line_org(line)) and hosts_event(lines, k):
            return org
    return None


def iso_date(d: str, mth: str, y: str) -> str | None:
    day, month, year = int(d), int(mth), int(y)
    if 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_date(body: str) -> str | None:
    """The issue date a document states: `Hà Nội, ngày 12 tháng 9 năm 2024` in its header or
    signature, or the date of the decision it is issued with (`Ban hành kèm theo … ngày …`)."""
    zones = (body[:1500], body[-1500:])
    for zone in zones:
        m = _PLACE_DATE.search(zone)
        if m:
            return iso_date(*m.groups())
    m = _ATTACHED.search(body[:1500])
    if m:
        return iso_date(*m.groups())
    return None


def _deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


_ORG_GRASSROOTS = entry("organizations.yaml", "grassroots_head")
_BREADCRUMB = compile_pattern("segment.yaml", "breadcrumb", _DATA["breadcrumb"])
_NEWS_BANNER = compile_pattern("segment.yaml", "news_banner", _DATA["news_banner"])
EVENT_LINE = compile_pattern("segment.yaml", "event_line", _DATA["event_line"])
_CLOSING = compile_pattern("segment.yaml", "closing_owner_before", _DATA["closing_owner_before"])
# a province's federation named without its place: `Liên đoàn Lao động tỉnh tổ chức …`, `Công đoàn tỉnh: …`
BARE_PROVINCE_BODY = _BARE_PROVINCE_BODY = re.compile(_DATA["bare_province_body"])  # case matters
_TITLE_OWNER = compile_pattern("segment.yaml", "title_owner_before", _DATA["title_owner_before"])
_TITLE_OWNER_NAMED = compile_pattern("segment.yaml", "title_owner_named_before", _DATA["title_owner_named_before"])


def find_title(body: str, head_at: int | None, kind: str) -> str | None:
    raw = body[:3000].split("\n")
    lines = ["" if _BREADCRUMB.match(ln) else ln.strip() for ln in raw]
    i = body[:head_at].count("\n") + 1 if head_at is not None else 0
    if head_at is not None:
        heading = lines[i - 1]
        rest = re.sub(r"^[\W]*", "", heading)
        words = rest.split()
        # "Chương trình 3" / "KẾ HOẠCH" alone: the title is on the following lines
        if len(words) > 4 and not _HEAD_RE.match(" ".join(words[2:])):
            return heading.strip("*# ")
    while i < len(lines) and not lines[i]:
        i += 1
    if kind == "tin" and head_at is None:
        # the site's banner over a news item (`LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH`, `CỔNG THÔNG TIN …`)
        while i < len(lines) and (not lines[i] or _NEWS_BANNER.match(lines[i]) or _line_org(lines[i])
                                  or ((lines[i].isupper() or len(lines[i].split()) <= 6) and over_breadcrumb(raw, i))):
            i += 1  # `NGƯỜI LAO ĐỘNG`, `Người Lao Động Online` (a site's masthead) / `Trang chủ › Công đoàn › …`
    if i >= len(lines):
        return None
    first = lines[i].strip("*# ")
    if head_at is None and first.endswith(":") and i + 1 < len(lines):
        # a news kicker ("Chương trình phối hợp …:") over the headline
        j = i + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if j < len(lines) and len(lines[j].split()) <= 25:
            return lines[j].strip("*# ")
    if first.startswith(("“", '"')):
        # a quoted title may run over several lines
        out = []
        for ln in lines[i:i + 8]:
            if not ln:
                continue
            out.append(ln)
            if ln.rstrip().endswith(("”", '"')) and len(" ".join(out)) > 2:
                break
        return " ".join(out).strip("“”\" ")
    if first.isupper() and not _line_org(first):
        out = [first]
        for ln in lines[i + 1:i + 6]:
            if ln and ln.isupper() and not _line_org(ln):
                out.append(ln)
            elif ln:
                break
        return " ".join(out)
    if first.startswith(TITLE_SKIP) or _line_org(first) or len(first.split()) > 30:
        return None
    if head_at is not None:
        # a title a Word file set on two lines: the second goes on in lowercase (`Kết luận của Thường trực …` /
        # `tại buổi làm việc với Công đoàn cơ sở …`)
        nxt = next((ln for ln in lines[i + 1:i + 3] if ln), "")
        if nxt[:1].islower() and not _SENTENCE_END.search(first) and len(nxt.split()) <= 30:
            return f"{first} {nxt}"
    return first
