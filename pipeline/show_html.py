"""A document rendered as HTML with its figures highlighted (value, unit, modality, … on hover).

Every piece of document text is HTML-escaped: a document that contains markup shows it as text.
"""

from __future__ import annotations

import html

from extractors.records import DocumentExtract
from extractors.spacy_doc import annotate, make_nlp

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.6;color:#222}
.doc{white-space:pre-wrap;border-top:1px solid #ccc;padding-top:1rem}
mark.fig{background:#ffe28a;border-radius:3px;padding:0 2px;cursor:help}
mark.fig.target{background:#bfe3ff}
mark.ref{background:#e5e5e5;border-radius:3px;padding:0 2px}
.meta{color:#555;font-size:.9rem}
"""


def _figure_title(f) -> str:  # noqa: ANN001 - a Figure
    parts = [f"value={f.value:g}" + (f"–{f.value_max:g}" if f.value_max is not None else ""),
             f"unit={f.unit}", f"entity={f.entity or '-'}", f"indicator={f.indicator or '-'}",
             f"modality={f.modality}", f"comparator={f.comparator}", f"aggregation={f.aggregation}"]
    if f.period_years:
        parts.append(f"period_years={f.period_years:g}")
    if f.deadline_year:
        parts.append(f"deadline={f.deadline_year}")
    if f.recurrence:
        parts.append(f"recurrence={f.recurrence}")
    if f.relation != "level":
        parts.append(f"relation={f.relation}" + (f" of {f.denominator:g}" if f.denominator else ""))
    return "; ".join(parts)


def render_document(ex: DocumentExtract, nlp=None) -> str:  # noqa: ANN001
    """One document's text as HTML, figures and references marked on the spaCy Doc's spans."""
    nlp = nlp or make_nlp()
    d = ex.document
    doc = annotate(nlp, d.text, ex.figures, ex.references)
    out, pos = [], 0
    for span in doc.ents:
        out.append(html.escape(d.text[pos:span.start_char]))
        inner = html.escape(span.text)
        if span.label_ == "FIGURE":
            f = span._.figure
            cls = "fig target" if f.modality == "target" else "fig"
            out.append(f'<mark class="{cls}" title="{html.escape(_figure_title(f))}">{inner}</mark>')
        else:
            r = span._.reference
            title = html.escape(f"{r.kind or ''} {r.number} {r.date or ''}".strip())
            out.append(f'<mark class="ref" title="{title}">{inner}</mark>')
        pos = span.end_char
    out.append(html.escape(d.text[pos:]))
    head = (f"<h2>{html.escape(d.title or d.kind)}</h2><p class='meta'>{html.escape(d.kind)} · "
            f"{html.escape(d.organization or '—')} · {html.escape(d.date or '')} · {len(ex.figures)} figures, "
            f"{len(ex.references)} references</p>")
    return head + f"<div class='doc'>{''.join(out)}</div>"


def render_file(source: str, extracts: tuple[DocumentExtract, ...]) -> str:
    nlp = make_nlp()
    body = "\n".join(render_document(ex, nlp) for ex in extracts)
    return (f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>{html.escape(source)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{html.escape(source)}</h1>{body}</body></html>")
