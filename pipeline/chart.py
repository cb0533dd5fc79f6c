"""Charts outside the web app: one indicator over the years, a line per organization (or another
`by` column), actuals solid and targets dashed, drawn offline as SVG, PNG or a self-contained HTML page.

The points are those of `Dataset.compare_long` (pipeline/dataset.py): a value some document wrote,
never a blend of unlike figures. One drawing (`Shape`s) is rendered twice: as SVG text by hand and
as a PNG through Pillow (DejaVu Sans, which has every Vietnamese letter); no matplotlib, no CDN.
"""

from __future__ import annotations

import html as htmllib
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

logger = logging.getLogger(__name__)

FORMATS = (".svg", ".png", ".html")
# Colours that stay apart for people with the common colour-vision deficiencies (Okabe-Ito first,
# then Tableau 10's); at most this many lines are drawn, the organizations with most points first.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
           "#4E79A7", "#E15759", "#59A14F", "#B07AA1")
TOP = len(PALETTE)
WIDTH, HEIGHT = 1100, 560
PLOT = (80, 60, 680, 430)  # left, top, right, bottom of the plot area; the legend is on its right
DASH = (8, 6)  # targets: 8 px drawn, 6 px gap
FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")
WORDS = {"vi": {"actual": "thực hiện", "target": "chỉ tiêu", "year": "năm", "value": "giá trị"},
         "en": {"actual": "actual", "target": "target", "year": "year", "value": "value"}}


class ChartError(ValueError):
    """Nothing to draw, or a file type the chart cannot be written as."""


@dataclass(frozen=True)
class Series:
    name: str
    modality: str  # actual | target
    colour: str
    points: tuple[tuple[int, float], ...]  # (year, value), by year


@dataclass(frozen=True)
class Chart:
    """What is drawn. In a notebook it shows itself (`_repr_svg_`); `save(path)` writes it."""

    title: str
    unit: str
    series: tuple[Series, ...]
    notes: tuple[str, ...] = ()
    lang: str = "vi"

    def svg(self) -> str:
        return to_svg(drawing(self))

    def _repr_svg_(self) -> str:
        return self.svg()

    def save(self, path: str | Path) -> Path:
        return write_chart(self, path)


@dataclass(frozen=True)
class Shape:
    kind: str  # line | text | circle | rect
    xy: tuple[float, ...]
    colour: str = "#333333"
    width: float = 1.0
    dashed: bool = False
    text: str = ""
    size: int = 12
    anchor: str = "start"  # start | middle | end
    filled: bool = True
    extra: dict = field(default_factory=dict)


def chart_from_long(long: pd.DataFrame, by: str, title: str, lang: str = "vi", top: int = TOP) -> Chart:
    """A Chart from `compare_long(indicator, [by, "year", "modality"])`: one series of comparable
    figures (the commonest unit, aggregation and period when several), the `top` lines with most points."""
    notes = [n for n in long.attrs.get("notes", []) if "left out" in n]  # the others are the table's
    if long.empty:
        raise ChartError("no figure to draw")
    keys = [c for c in ("unit", "aggregation", "period_years") if c in long.columns]
    if keys:
        common = long.groupby(keys, dropna=False).size().sort_values(ascending=False).index[0]
        common = common if isinstance(common, tuple) else (common,)
        keep = pd.Series(True, index=long.index)
        for key, value in zip(keys, common, strict=True):
            keep &= long[key] == value
        if (~keep).any():
            notes.append(f"{int((~keep).sum())} points of another {' / '.join(keys)} not drawn: "
                         f"only {', '.join(map(str, common))} (compare shows all)")
        long = long[keep]
    undated = long["year"] == "(none)"
    if undated.any():
        notes.append(f"{int(undated.sum())} points without a year not drawn")
    long = long[~undated]
    if long.empty:
        raise ChartError("no figure with a year to draw")
    counts = long.groupby(by).size().sort_values(ascending=False, kind="stable")
    shown = list(counts.index[:top])
    if len(counts) > top:
        notes.append(f"{len(counts) - top} more {by} values not drawn (the {top} with most points are)")
    series = []
    for i, name in enumerate(sorted(shown, key=str)):
        for modality in ("actual", "target"):
            rows = long[(long[by] == name) & (long["modality"] == modality)].sort_values("year")
            if not rows.empty:
                series.append(Series(str(name), modality, PALETTE[i % len(PALETTE)],
                                     tuple((int(y), float(v)) for y, v in zip(rows["year"], rows["value"],
                                                                               strict=True))))
    unit = str(long["unit"].iloc[0]) if "unit" in long.columns else ""
    return Chart(title, unit, tuple(series), tuple(notes), lang)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (steps of 1, 2 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 5, 10) if raw <= m * step)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(int(math.ceil((high - start) / step)) + 1)]


def number(value: float, lang: str = "vi") -> str:
    """A tick label: 750 triệu, 3,2 tỷ (en: 750 M, 3.2 bn), else digits grouped by spaces."""
    big = {"vi": ((1e9, "tỷ"), (1e6, "triệu")), "en": ((1e9, "bn"), (1e6, "M"))}[lang]
    for scale, word in big:
        if abs(value) >= scale:
            shown = f"{value / scale:.3g}"
            return f"{shown.replace('.', ',') if lang == 'vi' else shown} {word}"
    return f"{value:,.10g}".replace(",", " ")


def drawing(chart: Chart) -> list[Shape]:
    """The chart as shapes in a WIDTH × HEIGHT box."""
    words = WORDS[chart.lang]
    left, top, right, bottom = PLOT
    years = sorted({y for s in chart.series for y, _ in s.points})
    values = [v for s in chart.series for _, v in s.points]
    first, last = (years[0] - 1, years[-1] + 1) if len(years) == 1 else (years[0], years[-1])
    ticks = nice_ticks(min(0.0, min(values)), max(values))

    def x(year: float) -> float:
        return left + 20 + (year - first) / (last - first) * (right - left - 40)

    def y(value: float) -> float:
        return bottom - (value - ticks[0]) / (ticks[-1] - ticks[0]) * (bottom - top)

    shapes = [Shape("rect", (0, 0, WIDTH, HEIGHT), colour="#ffffff"),
              Shape("text", (left, 30), text=chart.title, size=17, colour="#111111")]
    for t in ticks:
        shapes += [Shape("line", (left, y(t), right, y(t)), colour="#e3e3e3"),
                   Shape("text", (left - 8, y(t) + 4), text=number(t, chart.lang), size=11, anchor="end")]
    for year in range(first, last + 1):
        if len(years) > 12 and year % 2:
            continue
        shapes.append(Shape("text", (x(year), bottom + 18), text=str(year), size=11, anchor="middle"))
    shapes += [Shape("line", (left, bottom, right, bottom), colour="#888888"),
               Shape("line", (left, top, left, bottom), colour="#888888"),
               Shape("text", ((left + right) / 2, bottom + 40), text=words["year"], size=12, anchor="middle"),
               Shape("text", (left, top - 10), text=f"{words['value']} ({chart.unit})", size=12)]
    for s in chart.series:
        pts = [(x(yr), y(v)) for yr, v in s.points]
        for a, b in zip(pts, pts[1:], strict=False):
            shapes.append(Shape("line", (*a, *b), colour=s.colour, width=2.5, dashed=s.modality == "target"))
        shapes += [Shape("circle", (px, py, 4.5), colour=s.colour, filled=s.modality == "actual") for px, py in pts]
    shapes += _legend(chart, words)
    return shapes


def _legend(chart: Chart, words: dict[str, str]) -> list[Shape]:
    lx, ly = PLOT[2] + 30, PLOT[1] + 4
    shapes: list[Shape] = []
    for name, colour in dict.fromkeys((s.name, s.colour) for s in chart.series):
        shown = name if len(name) <= 56 else name[:55] + "…"
        shapes += [Shape("rect", (lx, ly - 9, 14, 10), colour=colour), Shape("text", (lx + 20, ly), text=shown, size=11)]
        ly += 20
    ly += 10
    for modality in ("actual", "target"):
        shapes += [Shape("line", (lx, ly - 4, lx + 30, ly - 4), colour="#333333", width=2.5,
                         dashed=modality == "target"),
                   Shape("circle", (lx + 15, ly - 4, 4.5), colour="#333333", filled=modality == "actual"),
                   Shape("text", (lx + 38, ly), text=f"{words[modality]} · {modality}", size=11)]
        ly += 20
    for note in chart.notes[:4]:
        shapes.append(Shape("text", (PLOT[0], PLOT[3] + 68 + 14 * chart.notes.index(note)),
                            text="* " + note[:150], size=10, colour="#666666"))
    return shapes


def to_svg(shapes: Sequence[Shape]) -> str:
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">']
    for s in shapes:
        if s.kind == "rect":
            out.append(f'<rect x="{s.xy[0]:.1f}" y="{s.xy[1]:.1f}" width="{s.xy[2]:.1f}" height="{s.xy[3]:.1f}" '
                       f'fill="{s.colour}"/>')
        elif s.kind == "line":
            dash = f' stroke-dasharray="{DASH[0]} {DASH[1]}"' if s.dashed else ""
            out.append(f'<line x1="{s.xy[0]:.1f}" y1="{s.xy[1]:.1f}" x2="{s.xy[2]:.1f}" y2="{s.xy[3]:.1f}" '
                       f'stroke="{s.colour}" stroke-width="{s.width}"{dash} stroke-linecap="round"/>')
        elif s.kind == "circle":
            fill = s.colour if s.filled else "#ffffff"
            out.append(f'<circle cx="{s.xy[0]:.1f}" cy="{s.xy[1]:.1f}" r="{s.xy[2]}" fill="{fill}" '
                       f'stroke="{s.colour}" stroke-width="2"/>')
        else:
            out.append(f'<text x="{s.xy[0]:.1f}" y="{s.xy[1]:.1f}" font-size="{s.size}" fill="{s.colour}" '
                       f'text-anchor="{s.anchor}">{htmllib.escape(s.text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _font(size: int):  # -> PIL.ImageFont.FreeTypeFont
    from PIL import ImageFont

    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    raise ChartError("no DejaVu Sans font for the PNG (apt-get install fonts-dejavu-core); write .svg or .html")


def to_png(shapes: Sequence[Shape], path: Path, scale: int = 2) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "#ffffff")
    draw = ImageDraw.Draw(image)
    for s in shapes:
        p = [v * scale for v in s.xy]
        if s.kind == "rect":
            draw.rectangle((p[0], p[1], p[0] + p[2], p[1] + p[3]), fill=s.colour)
        elif s.kind == "line":
            for a, b in _dashes(p, DASH if s.dashed else None, scale):
                draw.line((*a, *b), fill=s.colour, width=max(1, round(s.width * scale)))
        elif s.kind == "circle":
            r = p[2]
            draw.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=s.colour if s.filled else "#ffffff",
                         outline=s.colour, width=2 * scale)
        else:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[s.anchor]
            draw.text((p[0], p[1]), s.text, fill=s.colour, font=_font(s.size * scale), anchor=anchor)
    image.save(path, "PNG")


Segment = tuple[tuple[float, float], tuple[float, float]]


def _dashes(p: list[float], dash: tuple[int, int] | None, scale: int) -> list[Segment]:
    """A line as the segments to draw: itself, or its dashes."""
    (x1, y1, x2, y2) = p
    if dash is None:
        return [((x1, y1), (x2, y2))]
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    on, off = dash[0] * scale, dash[1] * scale
    out: list[Segment] = []
    at = 0.0
    while at < length:
        end = min(at + on, length)
        out.append(((x1 + (x2 - x1) * at / length, y1 + (y2 - y1) * at / length),
                    (x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length)))
        at = end + off
    return out


def to_html(chart: Chart) -> str:
    """A page that needs nothing else: the SVG inline, the notes under it."""
    notes = "".join(f"<li>{htmllib.escape(n)}</li>" for n in chart.notes)
    return ("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{htmllib.escape(chart.title)}</title></head>\n<body style=\"font-family: sans-serif\">\n"
            f"{chart.svg()}<ul>{notes}</ul>\n</body></html>\n")


def write_chart(chart: Chart, path: str | Path) -> Path:
    """Write `chart` as .svg, .png or .html (by the file name)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ChartError(f"{path}: write a chart as {', '.join(FORMATS)}")
    if suffix == ".png":
        to_png(drawing(chart), path)
    else:
        path.write_text(chart.svg() if suffix == ".svg" else to_html(chart), encoding="utf-8")
    return path
