"""Render corpus/keys (invented documents in real forms) the way union offices send them, so the
comparison keys are measured beyond plain text (issue 17). Deterministic; committed with its output.

    .venv/bin/python scripts/make_keys_renderings.py     # writes corpus/keys_renderings/
    .venv/bin/python scripts/make_keys_renderings.py keys_blind4   # writes corpus/keys_blind4_renderings/

- docx/<stem>.docx  python-docx; an administrative header (Decree 30/2020) as Word writes it: a
                    borderless two-column table, bodies and number on the left, motto and the
                    place-and-date line on the right; the kind word and title as headings
- pdf/<stem>.pdf    reportlab, the same header table, running header and page numbers
                    (a table the text sets with tabs is a table in both)
- html/<stem>.html  the news items as a union news site page (menu, byline, related news)
- tcvn3/<stem>.txt, vni/<stem>.txt  a few documents in the legacy 8-bit encodings shown as Latin-1
                    text (what copying from an old TCVN3/VNI Word file gives)
"""

from __future__ import annotations

import io
import re
import sys
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from make_fixtures import _docx_document, _fix_zip, _pdf_doc, _register_fonts, _styles  # noqa: E402

from extractors.normalize.legacy import tcvn3_table, vni_table  # noqa: E402

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LEGACY = {"tcvn3": ["ke_hoach_gio_linh_2024", "tham_luan_yen_the_2023"],
          "vni": ["bao_cao_6_thang_cam_giang_2024", "cong_van_thai_binh_2024"]}
_PLACE_DATE = re.compile(r"^[^\d,]{2,40}, ngày \d")


def split_header(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(left column, right column, body) of a document whose first lines are a header."""
    left: list[str] = []
    right: list[str] = []
    k = 0
    for k, line in enumerate(lines[:10]):
        s = line.strip()
        if s in MOTTO:
            right.append(s)
        elif _PLACE_DATE.match(s):
            right.append(s)
        elif s.startswith("Số") or (s.isupper() and len(s.split()) <= 12 and k < 4):
            left.append(s)
        elif not s:
            continue
        else:
            break
    else:
        k = min(10, len(lines))
    if not right:
        return [], [], lines
    return left, right, lines[k:]


def _is_heading(line: str) -> bool:
    s = line.strip()
    return bool(s) and (s.isupper() or bool(re.match(r"^(?:[IVX]+\.|\d+\.)\s", s))) and len(s.split()) <= 16


def _title_lines(body: list[str]) -> set[int]:
    """Indexes of the kind word (`KẾ HOẠCH`) and the title line under it: centred, as Decree 30
    lays them out."""
    for k, line in enumerate(body[:6]):
        if line.strip().isupper() and len(line.split()) <= 4:
            nxt = next((j for j in range(k + 1, len(body)) if body[j].strip()), None)
            return {k} | ({nxt} if nxt is not None else set())
    return set()


def _tab_row(line: str) -> bool:
    return len([c for c in line.split("\t") if c.strip()]) >= 3


def _segments(body: list[str]) -> list[tuple[int, object]]:
    """The body's lines, and its tab-separated tables (two rows or more) as lists of rows: (index, item)."""
    out: list[tuple[int, object]] = []
    k = 0
    while k < len(body):
        j = k
        while j < len(body) and _tab_row(body[j]):
            j += 1
        if j - k >= 2:
            out.append((k, [r.split("\t") for r in body[k:j]]))
            k = j
        else:
            out.append((k, body[k]))
            k += 1
    return out


def render_docx(text: str) -> bytes:
    d = _docx_document()
    left, right, body = split_header(text.splitlines())
    if right:
        table = d.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
            cell.text = "\n".join(lines)
    for _, line in _segments(body):
        if isinstance(line, list):  # a table set with tabs in the text: a Word table
            table = d.add_table(rows=len(line), cols=max(len(r) for r in line))
            for row, cells in zip(table.rows, line, strict=False):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value.strip()
            continue
        if not line.strip():
            continue
        if _is_heading(line):
            d.add_heading(line.strip(), level=2 if line.strip().isupper() else 3)
        else:
            d.add_paragraph(line.strip())
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip(buf.getvalue())


def render_pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table

    _register_fonts()
    body_style, heading = _styles()
    buf = io.BytesIO()
    doc = _pdf_doc(buf)
    left, right, body = split_header(text.splitlines())
    story: list = []
    if right:
        cell = lambda lines: [Paragraph(escape(s), heading) for s in lines]  # noqa: E731
        story.append(Table([[cell(left), cell(right)]], colWidths=[(A4[0] - 112) / 2] * 2))
    centred = ParagraphStyle("centred", parent=heading, alignment=1)
    title_lines = _title_lines(body)
    for k, s in _segments(body):
        if isinstance(s, list):  # a table set with tabs in the text: a ruled table
            story.append(Table([[Paragraph(escape(c.strip()), body_style) for c in r] for r in s],
                               style=[("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        elif s.strip():
            story.append(Paragraph(escape(s.strip()), centred if k in title_lines else heading if _is_heading(s)
                                   else body_style))

    def number(canvas, d) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8.5)
        canvas.drawCentredString(A4[0] / 2, 30, f"Trang {d.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=number, onLaterPages=number)
    return buf.getvalue()


def render_html(text: str) -> bytes:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    related = ["Công đoàn tỉnh bạn trao 1.200 suất quà Tết", "Hội nghị 150 cán bộ công đoàn cơ sở"]
    body = "\n".join(f"<p>{html_escape(ln)}</p>" for ln in lines[1:])
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html_escape(lines[0])} - Báo Lao Động</title></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/cong-doan">Công đoàn</a></nav></header>
<main><article><h1>{html_escape(lines[0])}</h1>
{body}
</article>
<aside><h3>Tin khác</h3><ul>{"".join(f"<li><a href='#'>{html_escape(r)}</a></li>" for r in related)}</ul></aside></main>
<footer>Cơ quan chủ quản: Tổng Liên đoàn Lao động Việt Nam. Giấy phép số 123/GP-BTTTT.</footer></body></html>
"""
    return page.encode("utf-8")


def encode_legacy(text: str, table: dict[str, str]) -> str:
    """`text` as an old 8-bit file shows it. TCVN3 (ABC) has codes for few capitals: a capital it
    lacks was typed in an upper-case font (.VnTimeH) with the small letter's code, so a copy gives
    the small letter's legacy form (the header `LIÊN ĐOÀN` comes out as `li£n ®oµn`)."""
    back = {u: c for c, u in table.items()}
    out = []
    for ch in text:
        if ch in back:
            out.append(back[ch])
        elif ch.lower() in back and not ch.isascii():
            out.append(back[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")


def main(name: str = "keys") -> None:
    keys = ROOT / "corpus" / name
    out = ROOT / "corpus" / f"{name}_renderings"
    sources = sorted(keys.glob("*.txt"))
    for src in sources:
        text = src.read_text(encoding="utf-8")
        write(out / "docx" / f"{src.stem}.docx", render_docx(text))
        write(out / "pdf" / f"{src.stem}.pdf", render_pdf(text))
        if src.stem.startswith("tin_"):
            write(out / "html" / f"{src.stem}.html", render_html(text))
    # another set: its first four documents with a header in the legacy encodings, two each
    headed = [s.stem for s in sources if not s.stem.startswith(("tin_", "tham_luan_"))]
    legacy = LEGACY if name == "keys" else {"tcvn3": headed[0:2], "vni": headed[2:4]}
    for encoding, stems in legacy.items():
        table = tcvn3_table() if encoding == "tcvn3" else vni_table()
        for stem in stems:
            text = (keys / f"{stem}.txt").read_text(encoding="utf-8")
            write(out / encoding / f"{stem}.txt", encode_legacy(text, table).encode("utf-8"))


if __name__ == "__main__":
    main(*sys.argv[1:2])
