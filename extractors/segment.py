"""Segmentation: one file's normalized text → its documents (kind, title, organization, date).

A file may hold several documents (seed 000 holds two speeches, each opened by a
`THAM LUẬN` heading). A document opens at a heading line that starts with a kind word
written in capitals (`THAM LUẬN`, `KẾ HOẠCH`, …) or, for the first document, as a
Markdown-style heading (`Chương trình 3`). Language data: `extractors/lang/vi/segment.yaml`.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections import Counter
from dataclasses import dataclass

from extractors.doc_header import (
    Header,
    has_news_lead,
    read_byline_date,
    read_header,
    read_month_line,
    without_bylines,
)
from extractors.docmeta import (
    BARE_PROVINCE_BODY,
    EVENT_LINE,
    event_host,
    find_date,
    find_organization,
    find_title,
    organizations_in,
    signature_organization,
)
from extractors.lang import compile_pattern, entry
from extractors.lang import load as load_yaml
from extractors.news_organization import (
    lead_unit_union,
    named_in_story,
    news_organization,
    unit_union_of_lead,
)
from extractors.org_compare import abbreviates, same_body, short_name_of
from extractors.org_mentions import is_named, org_mentions
from extractors.orgnames import (
    canonical_organization,
    is_national_sector_union,
    level_of,
    place_body,
    province_named_in,
    province_of,
)
from extractors.province_offices import with_its_province
from extractors.records import Document, NormalizedText
from extractors.settings import SETTINGS
from extractors.time_mentions import document_year

logger = logging.getLogger(__name__)

_DATA = load_yaml("segment.yaml")
# longest first, so `chương trình hành động` wins over `chương trình`
KIND_WORDS: list[tuple[str, str]] = sorted(_DATA["kinds"].items(), key=lambda kv: -len(kv[0]))
REPEATABLE = set(_DATA["repeatable_kinds"])
SPEECH_NOTE_RE = re.compile(_DATA["speech_note"], re.I | re.M)
SPEECH_KINDS = set(_DATA["speech_kinds"])
NEWS_TAG_RE = re.compile(r"^\((?:{})\)".format("|".join(map(re.escape, _DATA["news_agency_tags"]))), re.M)
_POST_TIME = re.compile(_DATA["social_post_time"], re.M)
_ISSUED_ANNEX = re.compile(_DATA["issued_annex"])
_MAIL_SUBJECT = re.compile(_DATA["mail_subject"].format(
    kinds="|".join(re.escape(k) for k, _ in KIND_WORDS)), re.I | re.M)


def social_post_page(text: str) -> str | None:
    """The page a social-media post was copied from, named on the line over its time line (`Công đoàn Cty
    TNHH … Đồng Văn` / `16 tháng 8 lúc 20:15 · 🌏`), when that line names a union body; else None."""
    lines = [line for line in text[:600].split("\n") if line.strip()][:4]  # a page's lines may stand apart
    for k in range(1, len(lines)):
        if _POST_TIME.match(lines[k]):
            found = organizations_in(lines[k - 1])
            return found[0] if found and len(lines[k - 1].split()) <= 16 else None
    return None



@dataclass(frozen=True)
class Heading:
    start: int  # offset of the heading line in the text
    end: int
    kind: str
    line: str
    capitals: bool


def _kind_of_line(line: str) -> tuple[str, bool] | None:
    """The kind a heading line announces, and whether it is written in capitals (or announces whose it
    is, as a web page's title does: `Tham luận của CĐGD Gia Lai: Chăm lo …`)."""
    s = line.strip().lstrip("#").strip().strip("*").strip()
    low = s.lower()
    for word, kind in KIND_WORDS:
        if low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalpha()):
            head = s[: len(word)]
            return kind, head.isupper() or (kind in SPEECH_KINDS and low[len(word):].startswith(" của "))
    return None


def find_headings(text: str) -> list[Heading]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if len(line.strip()) > 200:
            continue
        k = _kind_of_line(line)
        # a heading in mixed case counts only when short ("Chương trình 3"): otherwise it
        # is a sentence that starts with a kind word ("Chương trình phối hợp … giữa …:")
        if k and (k[1] or len(line.split()) <= 4):
            lead = len(line) - len(line.lstrip())
            out.append(Heading(m.start() + lead, m.end(), k[0], line.strip(), k[1]))
    return out


def _document_starts(text: str, headings: list[Heading]) -> list[Heading | None]:
    """Headings that open documents; None stands for a first document with no heading."""
    starts: list[Heading | None] = []
    first = next((h for h in headings if h.start < SETTINGS.head_zone_chars), None)
    starts.append(first)
    last_start = first.start if first else 0
    for h in headings:
        if first is not None and h.start <= first.start:
            continue
        if h.capitals and h.kind in REPEATABLE and h.start - last_start >= SETTINGS.min_document_chars:
            starts.append(h)
            last_start = h.start
    return starts


def _kind_without_heading(text: str, meta_kind: str | None, header: Header, fmt: str | None) -> str:
    if meta_kind:
        return meta_kind
    if header.kind:
        return header.kind
    if (note := SPEECH_NOTE_RE.search(text[:1500])) is not None:
        # `(Tham luận của …)` on a web page, its title `Tham luận tại …:`, a newspaper's `[Tham luận tại …]`
        word = note.group(1) or note.group(2) or note.group(3)
        return dict(KIND_WORDS)[" ".join(word.lower().split())]
    if (mail := _MAIL_SUBJECT.search(text[:1500])) is not None:
        return dict(KIND_WORDS)[" ".join(mail.group("kind").lower().split())]  # `Chủ đề: Báo cáo nhanh …`
    if NEWS_TAG_RE.search(text[:3000]) or has_news_lead(text) or (fmt == "html" and header.issuer is None) \
            or social_post_page(text) or (header.number is None and _HOME_CRUMB.search(text[:600])):
        return "tin"  # … or a page under its site's `Trang chủ / Tin tức - Sự kiện / …` (corpus/keys_blind61)
    if header.number is None and _SPEECH_ADDRESS.search(text[:1500]):
        return "tham luận"  # `Kính thưa Đoàn Chủ tịch Đại hội!` under a topic title (corpus/keys_blind64)
    return "văn bản"


_HOME_CRUMB = compile_pattern("segment.yaml", "home_crumb", entry("segment.yaml", "home_crumb"))
_SPEECH_ADDRESS = compile_pattern("segment.yaml", "speech_address", entry("segment.yaml", "speech_address"))
SHEET_FORMATS = ("xlsx", "xls", "ods")


def sheet_starts(norm: NormalizedText) -> list[int]:
    """Where each sheet of a workbook starts in the normalized text (its blocks' page is the sheet)."""
    out: list[int] = []
    previous: object = object()
    for raw_start, page in zip(norm.block_starts, norm.block_pages, strict=True):
        if page != previous:
            out.append(bisect.bisect_left(norm.origins, raw_start) if norm.origins else raw_start)
            previous = page
    return out


def _first_heading(text: str, a: int, b: int) -> Heading | None:
    """The kind heading near the top of text[a:b] (`BIỂU THỐNG KÊ …`), in the text's offsets."""
    for h in find_headings(text[a:b]):
        if h.start < SETTINGS.head_zone_chars:
            return dataclasses.replace(h, start=h.start + a, end=h.end + a)
    return None


def segment_documents(norm: NormalizedText, source: str, meta_title: str | None = None,
                      meta_date: str | None = None, meta_kind: str | None = None,
                      fmt: str | None = None) -> list[Document]:
    """Split a file's normalized text into documents and read each one's metadata."""
    text = norm.text
    sheets = sheet_starts(norm) if fmt in SHEET_FORMATS else []
    if len(sheets) > 1:  # a workbook: each sheet is a document (its title rows give its metadata)
        offsets = sheets
        starts = [_first_heading(text, a, b) for a, b in zip(sheets, sheets[1:] + [len(text)], strict=True)]
    else:
        starts = _document_starts(text, find_headings(text))
        offsets = [0] + [h.start for h in starts[1:] if h is not None]
    docs = []
    for i, (h, begin) in enumerate(zip(starts, offsets, strict=True)):
        end = offsets[i + 1] if i + 1 < len(offsets) else len(text)
        # keep the document's own text tidy: no leading/trailing blank lines
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        body = text[begin:end]
        header = read_header(body)
        kind = h.kind if h is not None else _kind_without_heading(body, meta_kind, header, fmt)
        head_at = max(h.start - begin, 0) if h is not None else None
        if kind == "quyết định" and (annex := _ISSUED_ANNEX.search(body)) is not None:
            # a decision issuing the plan it carries: the plan, under the decision's header
            kind = dict(KIND_WORDS)[" ".join(annex.group("kind").lower().split())]
        title = find_title(without_bylines(body) if kind == "tin" else body, head_at, kind) \
            or header.subject or (meta_title if i == 0 else None)
        if kind == "tin":
            organization = social_post_page(body) or news_organization(body, title, fallback=False)
            whole = unit_union_of_lead(body, title)
            if organization and whole and short_name_of(canonical_organization(organization), whole):
                organization = whole  # `Công đoàn Giày Hồng Phúc: …` over `Công ty TNHH Giày Hồng Phúc … Công đoàn công ty`
            if not is_named(canonical_organization(organization) or ""):
                organization = unit_union_of_lead(body, title) or lead_unit_union(body, title) \
                    or _title_place_body(title, body) \
                    or _banner_completed(body, header) or organization \
                    or named_in_story(body, title) or find_organization(body, None)
            date = (meta_date if i == 0 else None) or read_byline_date(body) or find_date(body)
            if header.number is None:  # a site's banner over a news item is no issuer
                header = Header(date=header.date)
        else:
            speech = kind in SPEECH_KINDS  # a speaker names its own body before any other
            found = header.issuer or find_organization(body, head_at, weak=not speech) \
                or (signature_organization(body) if speech else None)  # `Xin trân trọng cảm ơn!` / its body
            organization = _whole_organization(found, body, kind, head_at or 0) \
                or (find_organization(body, head_at) if speech else None) or event_host(body)
            if speech and organization:
                organization = _sector_of_the_congress(organization, body)
            organization = _placed_by_superior(_one_column(organization), header.superior)
            date = header.date or find_date(body) or (meta_date if i == 0 else None) \
                or read_byline_date(body)  # a speech copied from a web page: the page's date line
        docs.append(Document(
            source=source, doc_index=i, kind=kind, title=title,
            organization=canonical_organization(organization), date=date, text=body, start=begin, end=end,
            number=header.number, issuer=canonical_organization(header.issuer),
            superior=canonical_organization(header.superior), place=header.place,
            year=int(date[:4]) if date else _month_line_year(body), organization_as_written=organization))
    if len(sheets) > 1:
        docs = _sheets_of_one_workbook(docs)
    return _with_years(docs)


_TITLE_PLACE = re.compile(r"^\s*([^\W\d_][^:\n]{1,30}?)\s*:\s")


def _title_place_body(title: str | None, body: str) -> str | None:
    """The federation of the place a news title opens with (`Diễn Châu: Ra mắt 3 công đoàn cơ sở mới`), at
    the level the lead names it without its place (`LĐLĐ huyện tổ chức …`), for an item that names
    no body in full."""
    m = _TITLE_PLACE.match(title or "")
    if m is None:
        return None
    level = next((w for w in entry("organizations.yaml", "admin_levels")
                  if re.search(rf"(?:LĐLĐ|Liên đoàn Lao động)\s+{w}(?![\wÀ-ỹ])", body[:2000])), None)
    return place_body(m.group(1), level)


def _banner_completed(body: str, header: Header) -> str | None:
    """A news item's subject named without its place (`Công đoàn Viên chức tỉnh tổ chức …`) on the site of
    a body that gives the place (the banner `LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN`)."""
    site = header.issuer
    if site is None:  # a newspaper's banner that names its province: `BÁO … QUẢNG TRỊ`
        province = province_named_in("\n".join(body.split("\n")[:2]))
        site = place_body(province) if province else None
    if site is None:
        return None
    opening = body[:SETTINGS.head_zone_chars * 4]
    if header.issuer is None and BARE_PROVINCE_BODY.search(body[:SETTINGS.head_zone_chars]):
        return site  # `Công đoàn tỉnh: 9 tháng …`, `Liên đoàn Lao động tỉnh tổ chức …`: the site's province's, named bare
    found = [o for o in org_mentions(opening, (canonical_organization(site),))
             if o.subject and not same_body(o.name, site)]  # not the banner itself
    return found[0].name if found else None



def _sector_of_the_congress(name: str, body: str) -> str:
    """A sector union a speech names without its place (`Chủ tịch CĐN NN&PTNT`) at a province's congress
    (`ĐẠI HỘI CÔNG ĐOÀN TỈNH BẾN TRE …`): that province's sector union; a union named with a bare `tỉnh`
    (`Công đoàn Bưu điện tỉnh`): the congress province's."""
    canonical = canonical_organization(name) or name
    top = "\n".join(body.split("\n")[:3])
    province = province_named_in(top) if re.search(entry("segment.yaml", "event_line"), top, re.I | re.M) else None
    bare = re.search(re.escape(name) + r"\s+(tỉnh|thành phố)(?!\s+[A-ZĐÀ-Ỹ])", body)
    if province and bare and province_of(canonical) is None:
        # `Chủ tịch Công đoàn Bưu điện tỉnh` at the congress of `… TỈNH QUẢNG NAM`: that province's
        return canonical_organization(f"{name} {bare.group(1)} {province}") or name
    sector = entry("organizations.yaml", "sector_union_head")
    if not canonical.startswith(sector + " ") or canonical.endswith("Việt Nam") \
            or any(f" {w} " in f" {canonical} " for w, level in entry("organizations.yaml", "admin_levels").items()
                   if level != "sector"):
        return name
    place = place_body(province) if province else None
    return f"{canonical} {place.split(' ', 4)[-1]}" if place else name


def _month_line_year(body: str) -> int | None:
    found = read_month_line(body)
    return found[0] if found else None


_FORMER = compile_pattern("organizations.yaml", "former_marker", entry("organizations.yaml", "former_marker"))


def _one_column(name: str | None) -> str | None:
    """A header name a copy interleaved with the next column's words (`CÔNG ĐOÀN CƠ SỞ CÔNG TY` + the employer's
    `MAY KIM BẢNG` + `CP MAY KIM BẢNG`): the words its end repeats, where they stand first, are the other column's."""
    if not name:
        return name
    words = name.split()
    for n in range(min(5, len(words) // 2), 1, -1):
        tail = words[-n:]
        for k in range(1, len(words) - 2 * n + 1):
            gap = words[k + n:len(words) - n]
            if words[k:k + n] == tail and 1 <= len(gap) <= 2:
                return " ".join(words[:k] + gap + tail)
    return name


def _placed_by_superior(name: str | None, superior: str | None) -> str | None:
    """A sector union its header names without a place (`CÔNG ĐOÀN NGÀNH GIÁO DỤC` under `LĐLĐ THÀNH PHỐ HẢI
    PHÒNG`): the place of the province federation above it; else `name` unchanged."""
    canonical = canonical_organization(name) or ""
    above = canonical_organization(superior) or ""
    head = entry("organizations.yaml", "territorial_union")["means"]
    bare = re.search(r" (tỉnh|thành phố)$", canonical)
    if bare and (place := province_named_in(above)):  # `CĐCS BỆNH VIỆN ĐA KHOA TỈNH` under `… BẮC GIANG`
        return f"{canonical} {place}"
    if (placed := with_its_province(canonical, (above,))) != canonical:
        return placed  # `CÔNG ĐOÀN SỞ Y TẾ` under `CÔNG ĐOÀN VIÊN CHỨC TỈNH HÒA BÌNH`
    if not canonical or level_of(canonical) != "sector" or province_of(canonical) or is_national_sector_union(canonical) \
            or (is_named(canonical) and not canonical.startswith(entry("organizations.yaml", "sector_union_head"))
                and " Khối " not in f" {canonical} ") \
            or level_of(above) != "province" or not above.startswith(head + " "):
        return name
    return f"{canonical} {above[len(head) + 1:]}"


def _whole_organization(found: str | None, body: str, kind: str | None = None, head_at: int = 0) -> str | None:
    """The document's organization, whole: a name its header cut short (`CĐCS Công ty CP`) takes the
    longer form its body writes (`CĐCS Công ty CP Chè Hùng Lĩnh`); with none found, the union body
    that most often stands as a subject in its opening (twice at least; in a speech, once will do:
    a speaker names its own body first, `Năm qua, Công đoàn Viên chức thành phố Đà Nẵng quản lý …`;
    after its heading, not in the banner of the event above it)."""
    zone_text = body[head_at:head_at + SETTINGS.head_zone_chars * 4]
    opening = org_mentions(zone_text)
    # not the host an event line names (`(Tại Đại hội đại biểu Công đoàn tỉnh Gia Lai lần thứ XV, …)`)
    named = [o for o in opening if o.subject and not o.listed and not _on_event_line(zone_text, o.start)]
    if found is None and kind in SPEECH_KINDS and (bare := _bare_federation_placed(body[head_at:head_at + 1200])):
        return bare  # `Thanh Chương là huyện miền núi …, nơi LĐLĐ huyện hiện quản lý …`
    if found is None:
        if not named:
            return None
        counts = Counter(o.name for o in named)
        best = max(counts.values())
        least = 1 if kind in SPEECH_KINDS else 2
        first = next(o.name for o in named if counts[o.name] == best) if best >= least else None
        return _unit_named_whole(first, body) if first else None
    canonical = canonical_organization(found) or ""
    if is_named(canonical) and not _cut_short(canonical):
        return _spelled_out(canonical, body[:SETTINGS.head_zone_chars * 4]) or found
    zone = body[head_at:]
    longer = [o.name for o in opening if o.name.lower().startswith(canonical.lower() + " ")
              and not _FORMER.match(zone, o.end)]  # `… chuyển từ Công đoàn ngành Giáo dục tỉnh Hải Dương (cũ)`
    signed = canonical_organization(signature_organization(body)) or ""
    if not longer and signed.lower().startswith(canonical.lower() + " "):
        return signed  # `CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN` / `CHẾ BIẾN GỖ PHÙ MỸ` signed at the end
    return longer[0] if longer else _unit_named_whole(found, body)


def _on_event_line(text: str, pos: int) -> bool:
    """Whether `pos` stands in a parenthesis that names the event a speech was given at (`(Tại Đại hội đại biểu Công
    đoàn tỉnh Gia Lai …)`); not a resolution's header line that is its own congress (`ĐẠI HỘI CÔNG ĐOÀN QUẬN GÒ VẤP`)."""
    line = text[text.rfind("\n", 0, pos) + 1:pos].lstrip(" *_")
    return line.startswith(("(", "[")) and bool(EVENT_LINE.match(line.lstrip(" ([")))




def _unit_named_whole(name: str, body: str) -> str:
    """`Công đoàn Trường` (a speaker line's `Chủ tịch Công đoàn Trường`) under a title `… Ở TRƯỜNG ĐẠI HỌC
    ĐỒNG THÁP`: the union of the unit the text names whole."""
    canonical = canonical_organization(name) or ""
    words = canonical.split()
    openers = {o.lower() for o in load_yaml("organizations.yaml")["name_openers"]}
    if not words or words[-1].lower() not in openers or not words[-1][:1].isupper():
        return name  # `Công đoàn cơ sở` ends with a level's word, not a unit's (`Trường`)
    if len(words) > 4 and not _cut_short(canonical):
        return name  # `Công đoàn cơ sở Trường`: bare; `… Công ty Hòa Bình`: named already
    unit = words[-1]
    whole = [c for c in organizations_in(body[:SETTINGS.head_zone_chars * 2])
             if c.lower().startswith(unit.lower() + " ") and len(c.split()) >= 3]
    return " ".join(words[:-1] + [canonical_organization(whole[-1]) or whole[-1]]) if whole else name


def _spelled_out(canonical: str, opening: str) -> str | None:
    """A header name with a short form the body spells out (`… Trường THCS TT Phong Thổ`, the body's
    `Trường THCS Thị trấn Phong Thổ`): the name with the body's words, or None."""
    words = canonical.split()
    for cand in organizations_in(opening):
        cw = cand.split()
        if cand.isupper() or len(cw) <= len(words[-2:]):
            continue
        for k in range(len(words)):
            if len(cw) > len(words) - k and (abbreviates(words[k:], cw) or _with_its_place(words[k:], cw)
                                             or _wrapped_in_header(words[k:], cw, opening)):
                return " ".join(words[:k] + cw)
    return None


def _wrapped_in_header(unit: list[str], cand: list[str], opening: str) -> bool:
    """A header cell the copy wrapped (`CĐCS CÔNG TY TNHH GỐM SỨ` / `TÂN PHƯỚC KHÁNH`): the body names the unit
    whole, and its last words stand in capitals on a line of their own in the header."""
    n = len(unit)
    rest = " ".join(cand[n:]).upper()
    return n >= 3 and [w.lower() for w in cand[:n]] == [w.lower() for w in unit] and bool(rest) \
        and any(line.strip().upper() == rest and line.strip().isupper()
                for line in opening[:SETTINGS.head_zone_chars].split("\n"))


def _with_its_place(unit: list[str], cand: list[str]) -> bool:
    """The body names the unit whole with its place: `Bệnh viện Sản - Nhi` / `Bệnh viện Sản - Nhi tỉnh Cà Mau`."""
    n = len(unit)
    rest = " ".join(cand[n:]).lower()
    return n >= 2 and [w.lower() for w in cand[:n]] == [w.lower() for w in unit] \
        and any(rest.startswith(a + " ") for a in entry("organizations.yaml", "admin_levels")) \
        and cand[-1][:1].isupper()


_BARE_FEDERATION = re.compile(r"(?:LĐLĐ|Liên đoàn Lao động) (huyện|thị xã|thành phố|quận)(?! [A-ZĐÀ-Ỹ])")
_PLACE_RUN = re.compile(r"(?<![\wÀ-ỹ])([A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,2})(?![\wÀ-ỹ])")


def _bare_federation_placed(opening: str) -> str | None:
    """A speech's federation named bare (`LĐLĐ huyện`) in a sentence that names its place at that level
    (`Thanh Chương là huyện miền núi phía tây Nghệ An, nơi LĐLĐ huyện …`): that place's federation."""
    m = _BARE_FEDERATION.search(opening)
    if m is None:
        return None
    # its sentence, or the paragraph's sentence before it (`Thới Bình là huyện thuần nông …. Được sự đồng ý …, thay
    # mặt Ban Thường vụ LĐLĐ huyện, …`: corpus/keys_blind61)
    start = opening.rfind("\n", 0, m.start()) + 1
    for run in _PLACE_RUN.finditer(opening, start, m.start()):
        if (body := place_body(run.group(1), m.group(1))) is not None and body.endswith(run.group(1)):
            return body
    return None


def _cut_short(canonical: str) -> bool:
    """A name that ends where a proper name must follow (`… Công ty cổ phần`, `… Trường`)."""
    low = canonical.lower()  # one-word openers (`Phòng`, `Sở`) also end places (`Hải Phòng`): not those
    return any(low.endswith(" " + o.lower()) for o in load_yaml("organizations.yaml")["name_openers"]
               if len(o.split()) >= 2)


def _sheets_of_one_workbook(docs: list[Document]) -> list[Document]:
    """A sheet without a header of its own belongs to the workbook's first sheet: its organization,
    kind and date."""
    first = docs[0]
    out = [first]
    for d in docs[1:]:
        own = d.organization if d.organization and is_named(d.organization) else None
        out.append(dataclasses.replace(d, organization=own or first.organization,
                                       kind=first.kind if d.kind == "văn bản" else d.kind,
                                       issuer=d.issuer or first.issuer, superior=d.superior or first.superior,
                                       date=d.date or first.date, year=d.year or first.year))
    return out


def _with_years(docs: list[Document]) -> list[Document]:
    """Each document's year: its date's, else the latest point in time its text states, else that of
    the other documents of its file (speeches of one conference)."""
    years = [d.year or document_year(d.text, d.kind) for d in docs]
    known = [y for y in years if y is not None]
    fallback = max(known) if known else None
    return [dataclasses.replace(d, year=y if y is not None else fallback) for d, y in zip(docs, years, strict=True)]
