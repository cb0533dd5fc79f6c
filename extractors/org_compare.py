"""Whether two spellings name one body: administrative words left out (`Công đoàn ngành Y tế Thừa Thiên Huế` and
`… tỉnh Thừa Thiên Huế`), a union called by its unit's last words or kind (`Công đoàn Hòa Vinh`, `Công đoàn
Trường`), the document's body named without its place, a company's union without its legal form (`Công đoàn Công
ty Thực phẩm An Lạc` for `… Công ty TNHH Thực phẩm An Lạc`), words written by their initials.

Language data: `extractors/lang/vi/organizations.yaml` (`admin_levels`, `grassroots_units`, `legal_forms`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from extractors.lang import entry
from extractors.orgnames import level_of, organization_key, place_body, province_of

_ORG = "organizations.yaml"
_WORD = r"[\wÀ-ỹ]"


@cache
def _admin_words_re() -> re.Pattern[str]:
    admin = sorted(entry(_ORG, "admin_levels"), key=len, reverse=True)
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, admin))})(?!{_WORD})")


@lru_cache(maxsize=8192)
def same_body(a: str | None, b: str | None) -> bool:
    """Two spellings of one body that differ only in administrative words (`Công đoàn ngành Y tế
    Thừa Thiên Huế` and `… tỉnh Thừa Thiên Huế`)."""
    if not a or not b:
        return False
    rx = _admin_words_re()

    def bare(name: str) -> str:
        return " ".join(rx.sub(" ", organization_key(name)).split())

    def words(name: str) -> list[str]:
        return rx.findall(organization_key(name))
    # `thành phố Hà Giang` is not `tỉnh Hà Giang`: only a missing administrative word is forgiven
    wa, wb = Counter(words(a)), Counter(words(b))
    return bare(a) == bare(b) and (not wa - wb or not wb - wa)


def short_name_of(short: str | None, body: str | None) -> bool:
    """`Công đoàn Hòa Vinh` for `Công đoàn cơ sở Công ty TNHH Giày da Hòa Vinh`: a union named by its
    unit's last proper words alone, or the last before a place (`Công đoàn Sao Mai` for `… Sao Mai Thái Nguyên`) (not a place's: `Công đoàn Điện Bàn` is a federation's), or by its unit's
    kind alone (`Công đoàn Trường` for `Công đoàn cơ sở Trường Đại học Vinh`)."""
    if not short or not body:
        return False
    head, grassroots = entry(_ORG, "territorial_union")["head"], entry(_ORG, "grassroots_head")
    if not short.startswith(head + " ") or not body.startswith(grassroots + " "):
        return False
    tail = short[len(head) + 1:].split()
    words = body.split()
    if len(tail) == 1 and tail[0] in entry(_ORG, "grassroots_units"):
        # `Công đoàn Trường` in the university's own union's text: the unit called by its kind's word
        return body.startswith(f"{grassroots} {tail[0]} ")
    proper = 1 <= len(tail) <= 3 and all(w[:1].isupper() for w in tail) or len(tail) <= 8 \
        and tail[0][:1].isupper() and tail[-1][:1].isupper() and sum(w[:1].isupper() for w in tail) >= 3
    return proper and len(words) > len(tail) + 3 and tail[-2:] != ["Việt", "Nam"] \
        and _ends_with(words, tail) and place_body(" ".join(tail)) is None \
        and not entry(_ORG, "national_federation").endswith(" " + " ".join(tail))  # `Công đoàn Việt Nam`


def _ends_with(words: list[str], tail: list[str]) -> bool:
    """The unit's name ends with `tail`, or with `tail` and a place (`… Điện tử Sao Mai Thái Nguyên` for `Sao Mai`)."""
    if words[-len(tail):] == tail:
        return True
    return any(words[-len(tail) - k:-k] == tail and place_body(" ".join(words[-k:])) is not None for k in (1, 2, 3)
               if len(words) > len(tail) + k)


def named_without_its_place(name: str, body: str) -> bool:
    """`Công đoàn Khối Dân chính Đảng` in the text of `… Khối Dân chính Đảng tỉnh Hà Giang`: the document's own
    body named without its place (not a grassroots union's name cut short: `Công đoàn cơ sở Ban Dân tộc`)."""
    return level_of(body) in ("sector", "district", "province") and body.startswith(name + " ") \
        and province_of(body[len(name):]) is not None and province_of(name) is None


def abbreviates(short: list[str], long: list[str]) -> bool:
    """Whether the words `short` are the words `long` with some written by their initials (`THCS Tt
    Phong Thổ` ~ `THCS Thị trấn Phong Thổ`): the same words in order, a short one (2–4 letters) standing
    for as many words of `long` as it has letters, each opening with its letter."""
    i = j = 0
    while i < len(short) and j < len(long):
        a = short[i]
        if a.lower() == long[j].lower():
            i, j = i + 1, j + 1
            continue
        n = len(a)
        if 2 <= n <= 4 and a.isalpha() and j + n <= len(long) \
                and all(w[:1].lower() == c.lower() for w, c in zip(long[j:j + n], a, strict=True)):
            i, j = i + 1, j + n
            continue
        return False
    return i == len(short) and j == len(long)


@cache
def _legal_form_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(f.lower()) for f in sorted(entry(_ORG, "legal_forms"), key=len, reverse=True))
    return re.compile(rf"(?<=\bcông ty )(?:{forms})(?: |$)")


def _without_legal_form(name: str) -> tuple[str, bool]:
    key = organization_key(name)
    bare = _legal_form_re().sub("", key)
    return bare, bare != key


def same_company(short: str | None, whole: str | None) -> bool:
    """Whether `short` names the union of `whole`'s company without the legal form `whole` writes."""
    if not short or not whole or " Công ty " not in f" {whole} ":
        return False
    a, a_form = _without_legal_form(short)
    b, b_form = _without_legal_form(whole)
    return a == b and b_form and not a_form
