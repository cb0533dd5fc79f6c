"""HTML the pages show: a document with its figures highlighted, audit findings.

Reuses `pipeline.show_html.render_document` and `pipeline.audit.report_html.finding_html`,
which escape every piece of document text; this module only wraps them with the app's CSS
(`data/app.css`, scoped under `.chiso`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from extractors.records import DocumentExtract
from pipeline.audit.model import Finding
from pipeline.audit.report_html import finding_html
from pipeline.show_html import render_document


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("pipeline.web.data").joinpath("app.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """The spaCy pipeline render_document annotates with (loaded once per process)."""
    from extractors.spacy_doc import make_nlp

    return make_nlp()


def wrap(body: str) -> str:
    return f"<style>{stylesheet()}</style><div class='chiso'>{body}</div>"


LEGEND = ("<div class='legend meta'><mark class='fig'>thực hiện / actual</mark>"
          "<mark class='fig target'>chỉ tiêu / target</mark><mark class='ref'>văn bản viện dẫn / reference</mark>"
          "di chuột lên số để xem giá trị, đơn vị, chỉ tiêu, so sánh, thời hạn / hover a figure for its "
          "value, unit, modality, comparator, deadline</div>")


@lru_cache(maxsize=32)
def document_html(ex: DocumentExtract) -> str:
    """A document's text with every figure and reference marked (hover titles), escaped.

    Cached: records are frozen (hashable), and annotating a long document takes a while."""
    return wrap(LEGEND + render_document(ex, _nlp()))


def findings_html(findings: list[Finding]) -> str:
    """Findings with their arithmetic and both sentences, the numbers marked, escaped."""
    return wrap("\n".join(finding_html(f) for f in findings))
