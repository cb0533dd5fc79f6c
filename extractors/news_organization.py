"""The organization a news item reports on: the subject of its lead (after the site's tag), else the body its
title names; a union the lead names by its unit's word after naming the unit whole. Language data:
`extractors/lang/vi/segment.yaml`, `organizations.yaml`.
"""

from __future__ import annotations

import re

from extractors.docmeta import (
    BARE_PROVINCE_BODY,
    HEAD_RE,
    find_organization,
    organization_at,
    organizations_in,
)
from extractors.lang import entry, load
from extractors.org_mentions import is_named
from extractors.orgnames import canonical_organization

_DATA = load("segment.yaml")
_ORG_GRASSROOTS = entry("organizations.yaml", "grassroots_head")


def _lead(body: str, title: str | None) -> tuple[int, str]:
    """The lead of a news item: the first long line after its title (offset, text)."""
    pos = 0
    if title:
        at = body.find(title.split("\n")[0][:60])
        pos = at + len(title) if at >= 0 else 0
    for m in re.finditer(r"[^\n]+", body[pos:pos + 4000]):
        line = m.group(0)
        if len(line.split()) >= 15:
            return pos + m.start(), line
    return pos, ""


_BARE_UNIT_UNION = re.compile(_DATA["bare_unit_union"])
_BARE_GRASSROOTS = re.compile(_DATA["bare_grassroots_union"])
_LEAD_UNIT_HEADS = re.compile(_DATA["lead_unit_heads"])


def unit_union_of_lead(body: str, title: str | None) -> str | None:
    """`Công ty TNHH Thủy sản Mỹ Xuyên (…) là … Công đoàn công ty được …` in a news item's lead: the grassroots
    union of the unit the lead named whole before it (`Công đoàn cơ sở Công ty TNHH Thủy sản Mỹ Xuyên`)."""
    _, lead = _lead(body, title)
    m = next((m for m in _BARE_UNIT_UNION.finditer(lead) if not lead[m.end():].lstrip()[:1].isupper()), None)
    if m is None:
        return None
    word = m.group("unit")
    named = [u for u in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(word[:1].upper() + word[1:])} (?=[A-ZĐÀ-Ỹ])", lead[:m.start()])]
    for u in reversed(named):
        found = organizations_in(f"{_ORG_GRASSROOTS} {lead[u.start():m.start()]}")
        if found and len(found[0].split()) > len(_ORG_GRASSROOTS.split()) + 2:
            return found[0]
    return None


_FOLLOWING = 900  # characters after a lead's start where the story names its body whole
_LEAD_TAG = re.compile(r"^\s*\([^()\n]{1,40}\)\s*[-–—]\s*")


def news_organization(body: str, title: str | None, fallback: bool = True) -> str | None:
    """The organization a news item reports on: the subject of its lead (`(LĐTĐ) Chiều 10/9 LĐLĐTP
    Hà Nội đã tổ chức …`), else the first one its title names, else the first one of its lead."""
    _, lead = _lead(body, title)
    # the site's tag that opens the lead (`(LĐLĐ Quảng Ngãi) - Sáng 27/5, …`) names the site, not the item's body
    lead = _LEAD_TAG.sub(lambda t: " " * len(t.group(0)), lead)
    # a union named by its level alone (`Sau buổi đối thoại với Công đoàn cơ sở, Ban Giám đốc Công ty …`) is no body
    in_lead = [(m.start(), o) for m in HEAD_RE.finditer(lead) if (o := organization_at(lead, m))
               and is_named(canonical_organization(o) or "")]
    national = entry("organizations.yaml", "national_federation")
    if len(in_lead) >= 2 and in_lead[0][1] == national:
        in_lead = in_lead[1:]  # `Tổng Liên đoàn … phối hợp với LĐLĐ tỉnh An Giang tổ chức …`: the local body's item
    bare = BARE_PROVINCE_BODY.search(lead)
    if not fallback and bare and (not in_lead or bare.start() < in_lead[0][0]):
        # `Liên đoàn Lao động tỉnh tổ chức …` first: the site's federation, named bare (segment), unless the
        # title names a province's (`Công đoàn Hải Dương 6 tháng kết nạp …`): the bare one is that
        head = entry("organizations.yaml", "territorial_union")["means"]
        in_title = [o for n in organizations_in(title or "") if (o := canonical_organization(n))
                    and o.startswith(tuple(f"{head} {w} " for w in (entry("organizations.yaml", "province_word"),
                                                                    entry("organizations.yaml", "city_word"))))]
        return in_title[0] if len(in_title) == 1 else None
    if in_lead and in_lead[0][0] <= 120:
        return in_lead[0][1]
    in_title = organizations_in(title or "")
    if in_title:
        return in_title[0]
    if in_lead:
        return in_lead[0][1]
    return find_organization(body, None) if fallback else None


def named_in_story(body: str, title: str | None) -> str | None:
    """A lead that names the union by its level alone (`Sau buổi đối thoại với Công đoàn cơ sở, …`): the first body
    the story's next lines name whole (`Ngày 7-10, Công đoàn cơ sở Công ty TNHH … Tân Tạo phối hợp …`), or None."""
    start, _ = _lead(body, title)
    following = body[start:start + _FOLLOWING]
    for m in HEAD_RE.finditer(following):
        if (o := organization_at(following, m)) and is_named(canonical_organization(o) or ""):
            return o
    return None


def lead_unit_union(body: str, title: str | None) -> str | None:
    """A lead that names the grassroots union bare and one unit whole (`Sau buổi đối thoại giữa Ban Giám đốc và Công
    đoàn cơ sở, hơn 2.300 công nhân Công ty TNHH May mặc Bàu Bàng …`): that unit's union, or None."""
    _, lead = _lead(body, title)
    if not _BARE_GRASSROOTS.search(lead):
        return None
    units = {found[0] for u in _LEAD_UNIT_HEADS.finditer(lead)
             if (found := organizations_in(f"{_ORG_GRASSROOTS} {lead[u.start():u.start() + 120]}"))
             and len(found[0].split()) > len(_ORG_GRASSROOTS.split()) + 2}
    return units.pop() if len(units) == 1 else None
