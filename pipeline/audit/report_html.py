"""The audit as one self-contained HTML page: each finding, its arithmetic, and the
sentences it rests on with the numbers highlighted. All document text is HTML-escaped."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from importlib import resources
from string import Template

from pipeline.audit.model import SEVERITIES, Evidence, Finding


def _sentence_html(evidence: list[Evidence]) -> str:
    """One sentence with every cited figure in it marked."""
    first = evidence[0]
    text, base = first.sentence, first.sentence_start
    spans = sorted({(e.char_start - base, e.char_end - base) for e in evidence})
    parts, pos = [], 0
    for start, end in spans:
        if start < pos or start < 0 or end > len(text):
            continue  # overlapping or outside the sentence: leave unmarked rather than garble
        parts.append(escape(text[pos:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    parts.append(escape(text[pos:]))
    where = f"{first.path or '?'} #{first.doc_index} @{first.char_start}"
    return f'<blockquote>{"".join(parts)}<div class="where">{escape(where)}</div></blockquote>'


def finding_html(f: Finding) -> str:
    by_sentence: dict[tuple[object, ...], list[Evidence]] = defaultdict(list)
    for e in f.evidence:
        by_sentence[(e.path, e.doc_index, e.sentence_start)].append(e)
    sentences = "\n".join(_sentence_html(ev) for ev in by_sentence.values())
    head = " · ".join(escape(x) for x in (f.organization or "", f.indicator or "") if x)
    return (f'<section class="finding {escape(f.severity)}" id="{escape(f.finding_id)}">\n'
            f'<div><span class="badge">{escape(f.severity)}</span><b>{escape(f.rule)}</b> '
            f'({escape(f.outcome)}, {escape(f.confidence)}) {head}</div>\n'
            f'<p class="msg-vi">{escape(f.message_vi)}</p>\n<p class="msg-en">{escape(f.message_en)}</p>\n'
            f'<div class="arith">{escape(f.arithmetic)}</div>\n{sentences}\n</section>')


def _summary(findings: list[Finding]) -> str:
    counts = Counter((f.rule, f.severity) for f in findings)
    rules = sorted({f.rule for f in findings})
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    rows = "".join(f"<tr><td>{escape(r)}</td>" + "".join(f"<td>{counts.get((r, s), 0)}</td>" for s in SEVERITIES)
                   + "</tr>" for r in rules)
    return f'<table class="summary"><tr><th>rule</th>{head}</tr>{rows}</table>'


def render_report(findings: list[Finding], title: str = "Chỉ Số: kiểm tra số liệu / audit of reported numbers") -> str:
    template = Template(resources.files("pipeline.audit.data").joinpath("report.html").read_text("utf-8"))
    body = "\n".join(finding_html(f) for f in findings) or "<p>Không có phát hiện nào. / No findings.</p>"
    return template.substitute(title=escape(title), summary=_summary(findings), body=body)
