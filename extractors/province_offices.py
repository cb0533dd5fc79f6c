"""A union of a province's department (`Công đoàn cơ sở Sở Tài chính`) or economic zone (`Công đoàn Khu kinh tế Đông
Nam`): every province has a Sở Tài chính, so the name alone is no one body's. It takes the province of the body whose document names it, or of that body's
superior (`Công đoàn Viên chức tỉnh Khánh Hòa` → `Công đoàn cơ sở Sở Tài chính tỉnh Khánh Hòa`).

Language data: `province_offices`, `province_zone_unions`, `zone_direction_names` in `extractors/lang/vi/organizations.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from extractors.lang import entry
from extractors.orgnames import level_of, place_body, province_named_in

_ORG = "organizations.yaml"


@cache
def _office_re() -> re.Pattern[str]:
    grassroots = entry(_ORG, "grassroots_head")
    offices = "|".join(re.escape(o) for o in sorted(entry(_ORG, "province_offices"), key=len, reverse=True))
    return re.compile(rf"{re.escape(grassroots)} (?:{offices}) \S")


@cache
def _place_at_end() -> re.Pattern[str]:
    words = "|".join(re.escape(entry(_ORG, k)) for k in ("province_word", "city_word"))
    return re.compile(rf"\b({words}) ([^,()]+)$")


def _province_place(body: str | None) -> str | None:
    """`tỉnh Khánh Hòa` when `body` is named by a province (its last words), else None."""
    m = _place_at_end().search(body or "")
    if m is None:
        return None
    federation = place_body(m.group(2), m.group(1))
    if federation is None or level_of(federation) != "province":
        return None  # `Liên đoàn Lao động thành phố Vinh`: a district's city
    return federation[len(entry(_ORG, "territorial_union")["means"]) + 1:]


def with_its_province(name: str | None, bodies: Iterable[str | None]) -> str | None:
    """`name` with the province of the first of `bodies` that a province names, when `name` is a union of a
    province's department, or of its economic zone, that names no province; else `name` unchanged. A zone's name
    takes the province's name bare (`Công đoàn Khu kinh tế Đông Nam` → `… Đông Nam Nghệ An`: the zone's official
    name, corpus/keys_blind47)."""
    if not name:
        return name
    zone = any(name.lower() == f"{z} {d}".lower() for z in entry(_ORG, "province_zone_unions")
               for d in entry(_ORG, "zone_direction_names"))  # `Khu kinh tế Chu Lai` names its place itself
    if not zone and not _office_re().match(name) or province_named_in(name):
        return name  # (the province's names are looked for last: every figure's organization passes here)
    for body in bodies:
        if (place := _province_place(body)) is not None:
            if zone:  # `tỉnh Nghệ An` → `Nghệ An`
                place = re.sub(rf"^(?:{entry(_ORG, 'province_word')}|{entry(_ORG, 'city_word')}) ", "", place)
            return f"{name} {place}"
    return name
