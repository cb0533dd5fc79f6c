"""Figures and references as spans on a spaCy Doc from underthesea tokens; `chiso show` HTML."""

import spacy

from extractors.figures import extract_figures
from extractors.records import Document, DocumentExtract
from extractors.spacy_doc import TOKENIZER_NAME, annotate, make_nlp
from pipeline.show_html import render_file

TEXT = ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động (chiếm 98,37%).\n\n"
        "Phấn đấu tỷ lệ đoàn viên đạt từ 95% trở lên.")  # seed 000, seed 002


def test_tokenizer_is_registered_by_name_and_keeps_the_text():
    assert spacy.registry.tokenizers.get(TOKENIZER_NAME)
    nlp = make_nlp()
    doc = nlp(TEXT)
    assert doc.text == TEXT
    assert "doanh nghiệp" in [t.text for t in doc]  # underthesea's multi-syllable words


def test_figures_are_spans_with_their_records():
    figs = extract_figures(TEXT)
    doc = annotate(make_nlp(), TEXT, figs)
    spans = doc.spans["figures"]
    assert [s._.figure.value for s in spans] == [6107, 87038, 98.37, 95]
    assert all(s.label_ == "FIGURE" for s in doc.ents)


def test_show_escapes_document_text():
    text = "Có 45 đoàn viên <script>alert(1)</script> và <img src=x onerror=alert(1)>."
    doc = Document(source="x.txt", doc_index=0, kind="tin", title="<b>t</b>", organization=None, date=None,
                   text=text, start=0, end=len(text))
    page = render_file("x.txt", (DocumentExtract(doc, tuple(extract_figures(text))),))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert 'class="fig' in page and "value=45" in page
