"""Figures and references as spans on a spaCy `Doc` built from underthesea's words.

The tokenizer is registered by name (`chiso.underthesea_tokenizer.v1`) on a blank
multi-language pipeline (`spacy.blank("xx")`): no pyvi, no downloaded model. The `Doc`
reproduces the text exactly; figures are in `doc.spans["figures"]` and, with references,
in `doc.ents` (labels FIGURE and REFERENCE); each figure span carries its record in
`span._.figure`.
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from extractors.records import Figure, Reference

TOKENIZER_NAME = "chiso.underthesea_tokenizer.v1"

if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)
if not Span.has_extension("reference"):
    Span.set_extension("reference", default=None)


class UndertheseaTokenizer:
    """Words from underthesea's `word_tokenize`, aligned back to the text (spaces kept)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from underthesea import word_tokenize

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for line_start, line in _lines(text):
            for tok in word_tokenize(line) if line.strip() else []:
                at = text.find(tok, pos, line_start + len(line))
                if at < 0:  # underthesea changed the token: fall back to the raw characters
                    continue
                if at > pos:
                    _add_gap(text[pos:at], words, spaces)
                words.append(tok)
                spaces.append(False)
                pos = at + len(tok)
        if pos < len(text):
            _add_gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Whitespace (and any skipped characters) between words, as spaCy expects it."""
    if gap == " " and words:
        spaces[-1] = True
        return
    if words and gap.startswith(" ") and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_underthesea_tokenizer():  # noqa: ANN201 - spaCy's factory signature
    def make(nlp: spacy.Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make


def make_nlp() -> spacy.Language:
    """A blank Vietnamese-capable pipeline with the underthesea tokenizer."""
    return spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


def annotate(nlp: spacy.Language, text: str, figures: Iterable[Figure],
             references: Iterable[Reference] = ()) -> Doc:
    """The text as a Doc with its figures and references as spans."""
    doc = nlp(text)
    fig_spans = _spans(doc, figures, "FIGURE", "figure")
    ref_spans = _spans(doc, references, "REFERENCE", "reference")
    doc.spans["figures"] = fig_spans
    doc.spans["references"] = ref_spans
    doc.ents = filter_spans(fig_spans + ref_spans)
    return doc


def _spans(doc: Doc, records: Iterable[Figure] | Iterable[Reference], label: str, extension: str) -> list[Span]:
    """A span for each record (widened to whole tokens), carrying the record as `span._.<extension>`."""
    spans = []
    for record in records:
        span = doc.char_span(record.char_start, record.char_end, label=label, alignment_mode="expand")
        if span is not None:
            span._.set(extension, record)
            spans.append(span)
    return spans
