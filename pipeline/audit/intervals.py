"""Reported numbers as intervals given their precision (statcheck's method).

`98,37%` stands for any value in [98.365, 98.375); a count average `533` for [532.5, 533.5)
if the writer rounded, or [533, 534) if they cut the decimals off. A check compares the
interval of what was written with the interval of what it should be, recomputed from the
other figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.audit.model import CONSISTENT, INCONSISTENT, TRUNCATED, AuditFigure

# `~` (gần, khoảng, xấp xỉ) widens a number by this share of its value: writers who say
# "khoảng 500" rarely mean more than ±10 %. Chosen by hand, not tuned on data.
APPROX_SHARE = 0.10
# Closed-interval comparisons allow this slack for float noise (1/3 * 3 != 1).
EPS = 1e-9

# The upper ends are open ([98.365, 98.375)): shrink them by this share of the step.
_OPEN = 1 - 1e-6
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
COUNT_UNITS_EXCLUDED = ("percent", "vnd", "rank")


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi + EPS and other.lo <= self.hi + EPS

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            return Interval(-math.inf, math.inf)
        cands = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        cands = [c for c in cands if not math.isnan(c)]
        return Interval(min(cands), max(cands))

    def scale(self, k: float) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def show(self, digits: int = 4) -> str:
        if self.lo == self.hi:
            return fmt(self.lo, digits)
        return f"[{fmt(self.lo, digits)}, {fmt(self.hi, digits)})"


def fmt(x: float, digits: int = 4) -> str:
    """A number for a message: 29, 5.8, 86.6667, inf."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def exact(x: float) -> Interval:
    return Interval(x, x)


def decimals_of(text: str, value: float) -> int:
    """Digits after the decimal mark as written: `98,37%` → 2, `6.107` → 0, `05` → 0."""
    m = _NUMBER.search(text or "")
    if m:
        token = m.group(0)
        if "," in token:
            return len(token.rsplit(",", 1)[1])
        if "." in token:
            tail = token.rsplit(".", 1)[1]
            return 0 if len(tail) == 3 else len(tail)  # `6.107` groups thousands; `98.37` is a decimal
        return 0
    s = repr(float(value))
    return 0 if s.endswith(".0") else len(s.split(".", 1)[1])


def _token_value(token: str) -> float | None:
    """`3,45` → 3.45, `6.107` → 6107 (the Vietnamese marks; only to find a scale word's factor)."""
    try:
        if "," in token:
            return float(token.replace(".", "").replace(",", "."))
        return float(token.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})+", token) else float(token)
    except ValueError:
        return None


def step_of(text: str, value: float) -> float:
    """The last written digit's worth: `98,37%` → 0.01, `3,45 tỷ đồng` → 0.01 × 10⁹ = 10⁷."""
    step = 10.0 ** -decimals_of(text, value)
    m = _NUMBER.search(text or "")
    tv = _token_value(m.group(0)) if m else None
    if tv and value and tv != value:
        power = math.log10(abs(value / tv))
        if abs(power - round(power)) < 1e-6 and round(power) > 0:  # a scale word: nghìn, triệu, tỷ
            step *= 10.0 ** round(power)
    return step


def is_exact_count(f: AuditFigure) -> bool:
    """Counts of things reported as totals are whole numbers: `29 công đoàn cơ sở` means 29."""
    return (f.unit not in COUNT_UNITS_EXCLUDED and f.aggregation != "average"
            and float(f.value).is_integer() and f.comparator == "=")


def rounded(f: AuditFigure, value: float | None = None) -> Interval:
    """Every true value the writer could have rounded to what is written (comparator applied)."""
    v = f.value if value is None else value
    if is_exact_count(f) and value is None:
        base = exact(v)
    else:
        half = 0.5 * step_of(f.text, v)
        base = Interval(v - half, v + half * _OPEN)
    return _apply_comparator(base, f.comparator, v)


def truncated(f: AuditFigure) -> Interval:
    """Every true value that cutting the decimals off would turn into what is written."""
    step = step_of(f.text, f.value)
    return _apply_comparator(Interval(f.value, f.value + step * _OPEN), f.comparator, f.value)


def _apply_comparator(base: Interval, comparator: str, v: float) -> Interval:
    if comparator in (">=", ">"):
        return Interval(base.lo, math.inf)
    if comparator in ("<=", "<"):
        return Interval(-math.inf, base.hi)
    if comparator == "~":
        return Interval(min(base.lo, v * (1 - APPROX_SHARE)), max(base.hi, v * (1 + APPROX_SHARE)))
    return base


def judge(reported: AuditFigure, expected: Interval) -> str:
    """consistent (rounding explains it), truncated (only cutting off does) or inconsistent."""
    if rounded(reported).overlaps(expected):
        return CONSISTENT
    if truncated(reported).overlaps(expected):
        return TRUNCATED
    return INCONSISTENT


def figure_interval(f: AuditFigure) -> Interval:
    """The interval a figure stands for as an operand (exact counts stay exact)."""
    return rounded(f)
