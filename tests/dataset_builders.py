"""FileResults built by hand from real seed sentences, for store-level tests that must not
depend on what the extractor finds today."""

from __future__ import annotations

from extractors.records import Document, DocumentExtract, Figure, FileResult, Reference

# seeds/000_bf79206f8d7a586e.txt, lines 27-29 (Liên đoàn Lao động thành phố Vinh)
VINH_SENTENCE = ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động đang "
                 "làm việc, phần lớn là doanh nghiệp siêu nhỏ, nhỏ và vừa (chiếm 98,37%)")
# seeds/002_8a56ceed1e768dfa.txt, lines 145-147 (Công đoàn Giáo dục tỉnh Lâm Đồng, kế hoạch)
LAMDONG_SENTENCE = ("* Đến năm 2023: - Phấn đấu tỷ lệ đoàn viên đạt từ 96% trở lên trong tổng số "
                    "CBNGNLĐ toàn ngành")
# seeds/000_bf79206f8d7a586e.txt, line 41
VINH_REFERENCE = "Nghị định số 98/2014/NĐ-CP ngày 24/10/2014"


def span(sentence: str, surface: str) -> tuple[int, int]:
    start = sentence.index(surface)
    return start, start + len(surface)


def figure(sentence: str, surface: str, value: float, unit: str, **kw: object) -> Figure:
    start, end = span(sentence, surface)
    return Figure(char_start=start, char_end=end, text=surface, value=value, unit=unit,
                  sentence=sentence, **kw)  # type: ignore[arg-type]


def vinh_extract(source: str, doc_index: int = 0) -> DocumentExtract:
    text = VINH_SENTENCE + "\n" + VINH_REFERENCE
    doc = Document(source=source, doc_index=doc_index, kind="tham luận", title="THAM LUẬN",
                   organization="Liên đoàn Lao động thành phố Vinh", date="2023-05-10", text=text,
                   start=0, end=len(text))
    figs = (figure(VINH_SENTENCE, "6.107", 6107, "count", entity="doanh nghiệp", indicator="enterprises"),
            figure(VINH_SENTENCE, "87.038", 87038, "count", entity="lao động", indicator="workers"),
            figure(VINH_SENTENCE, "98,37%", 98.37, "percent", entity="doanh nghiệp"))
    r0 = text.index("98/2014")
    ref = Reference(char_start=r0, char_end=r0 + len("98/2014/NĐ-CP"), text="98/2014/NĐ-CP",
                    number="98/2014/NĐ-CP", kind="Nghị định", date="2014-10-24")
    return DocumentExtract(document=doc, figures=figs, references=(ref,), figure_pages=(1, 1, 2))


def lamdong_extract(source: str, doc_index: int = 0) -> DocumentExtract:
    doc = Document(source=source, doc_index=doc_index, kind="kế hoạch", title="KẾ HOẠCH",
                   organization="Công đoàn Giáo dục tỉnh Lâm Đồng", date="2021-11-02",
                   text=LAMDONG_SENTENCE, start=0, end=len(LAMDONG_SENTENCE))
    fig = figure(LAMDONG_SENTENCE, "từ 96% trở lên", 96, "percent", entity="đoàn viên",
                 indicator="membership_rate", modality="target", comparator=">=", deadline_year=2023)
    return DocumentExtract(document=doc, figures=(fig,), figure_pages=(None,))


def result(source: str, sha256: str, *extracts: DocumentExtract, status: str = "ok",
           error: str | None = None) -> FileResult:
    return FileResult(source=source, sha256=sha256, size=1234, format="txt", status=status, error=error,
                      documents=tuple(extracts))
