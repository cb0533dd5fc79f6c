"""Read one numeral written in digits (`6.107`, `98,37`, `1.222,689`, `24/10/2014`) by its shape.

Vietnamese convention: `.` groups thousands, `,` is the decimal mark. A form that does not
follow it and that the context cannot settle is read the likeliest way and flagged with one
of the reasons below (documented in docs/numbers.md):

- `comma-thousands`: `100,000,000` or `1,222.5`: English grouping; read as English.
- `comma-three-digits`: `1,234` (1–3 digits, one comma, exactly 3 digits): read as the
  Vietnamese decimal 1.234, but it may be English thousands (1234).
- `dot-decimal`: `1.5`, `2.75` (a dot followed by 1–2 digits is not a thousands group):
  read as the decimal 1.5.
- `irregular-grouping`: anything else with separators (`12.34.567`, `1234.567`): dots are
  dropped, a comma is the decimal mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SHAPE_NUMBER = "number"
SHAPE_DATE = "date"
SHAPE_SLASH = "slash"
SHAPE_VERSION = "version"
SHAPE_CODE = "code"

COMMA_THOUSANDS = "comma-thousands"
COMMA_THREE_DIGITS = "comma-three-digits"
DOT_DECIMAL = "dot-decimal"
IRREGULAR_GROUPING = "irregular-grouping"

_FORMS = {
    "integer": re.compile(r"\d+"),
    "vi_thousands": re.compile(r"\d{1,3}(?:\.\d{3})+"),
    "vi_decimal": re.compile(r"\d+,\d+"),
    "vi_thousands_decimal": re.compile(r"\d{1,3}(?:\.\d{3})+,\d+"),
    "en_thousands": re.compile(r"\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:,\d{3})+\.\d+"),
    "comma_three": re.compile(r"\d{1,3},\d{3}"),
    "dot_short": re.compile(r"\d+\.\d{1,2}"),
    "multi_dot_short": re.compile(r"\d{1,2}(?:\.\d{1,2}){2,}"),
    "date": re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"),
}


@dataclass(frozen=True)
class Numeral:
    """How one digit string reads."""

    value: Decimal
    shape: str = SHAPE_NUMBER
    ambiguous: bool = False
    reason: str | None = None
    leading_zero: bool = False
    parts: tuple[float, ...] = ()


def _is_date(d: str, m: str) -> bool:
    return 1 <= int(d) <= 31 and 1 <= int(m) <= 12


def read_simple(s: str) -> Numeral:
    """Read a numeral with no slash: integer, thousands groups, decimal comma, or a flagged form."""
    lead = len(s) > 1 and s[0] == "0" and s[1].isdigit()
    f = _FORMS
    if f["integer"].fullmatch(s):
        return Numeral(Decimal(s), leading_zero=lead)
    if f["vi_thousands"].fullmatch(s):
        return Numeral(Decimal(s.replace(".", "")), leading_zero=lead)
    if f["vi_thousands_decimal"].fullmatch(s):
        return Numeral(Decimal(s.replace(".", "").replace(",", ".")), leading_zero=lead)
    if f["en_thousands"].fullmatch(s):
        return Numeral(Decimal(s.replace(",", "")), ambiguous=True, reason=COMMA_THOUSANDS)
    if f["comma_three"].fullmatch(s):
        return Numeral(
            Decimal(s.replace(",", ".")),
            ambiguous=True,
            reason=COMMA_THREE_DIGITS,
            leading_zero=lead and not s.startswith("0,"),
        )
    if f["vi_decimal"].fullmatch(s):
        return Numeral(Decimal(s.replace(",", ".")), leading_zero=lead and not s.startswith("0,"))
    if f["dot_short"].fullmatch(s):
        return Numeral(Decimal(s), ambiguous=True, reason=DOT_DECIMAL)
    head, _, tail = s.partition(",")
    digits = head.replace(".", "") + ("." + tail.replace(",", "").replace(".", "") if tail else "")
    return Numeral(Decimal(digits), ambiguous=True, reason=IRREGULAR_GROUPING)


def read_numeral(s: str) -> Numeral:
    """Read a digit string as matched by the scanner (no spaces; may hold `/` or `-` for dates)."""
    m = _FORMS["date"].fullmatch(s)
    if m and _is_date(m.group(1), m.group(2)) and ("/" in s or "-" in s or len(m.group(3)) == 4):
        parts = tuple(float(g) for g in m.groups())
        return Numeral(Decimal(m.group(1)), shape=SHAPE_DATE, parts=parts)
    if "/" in s:
        pieces = [read_simple(p) for p in s.split("/") if p]
        first = pieces[0]
        return Numeral(
            first.value,
            shape=SHAPE_SLASH,
            leading_zero=first.leading_zero,
            parts=tuple(float(p.value) for p in pieces),
        )
    if "-" in s:  # a hyphenated run the date pattern refused: read its first part
        first = read_simple(s.split("-")[0])
        return Numeral(first.value, shape=SHAPE_SLASH, parts=(float(first.value),))
    if _FORMS["multi_dot_short"].fullmatch(s) and not _FORMS["vi_thousands"].fullmatch(s):
        parts = tuple(float(p) for p in s.split("."))
        return Numeral(Decimal(s.split(".")[0]), shape=SHAPE_VERSION, parts=parts)
    return read_simple(s)
