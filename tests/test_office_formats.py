"""Legacy and OpenDocument office files (issue 19): .doc, .rtf and .odt are converted by LibreOffice
headless and read as DOCX; the format is detected from the content; without LibreOffice, or when it
cannot convert a file, one clear error names the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractors.extract import extract_file
from extractors.readers import read
from extractors.readers.detect import detect_format
from extractors.readers.office import LibreOfficeMissing
from extractors.records import CorruptFile, TooLarge, UnsupportedFormat

ROOT = Path(__file__).resolve().parent.parent
OFFICE = ROOT / "tests" / "fixtures" / "office"  # made by scripts/make_format_fixtures.py
SEED_DOCX = ROOT / "corpus" / "fixtures" / "001_2dd21463e6f50625.docx"
CONVERTED = sorted(OFFICE.glob("001_*"))
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed: apt-get install "
                                          "libreoffice-writer-nogui libreoffice-calc-nogui")


@pytest.mark.parametrize("path, fmt", [
    (OFFICE / "001_2dd21463e6f50625.doc", "doc"),
    (OFFICE / "001_2dd21463e6f50625.rtf", "rtf"),
    (OFFICE / "001_2dd21463e6f50625.odt", "odt"),
    (ROOT / "tests" / "fixtures" / "sheets" / "thong_ke_doan_vien.xls", "xls"),
    (ROOT / "tests" / "fixtures" / "sheets" / "thong_ke_doan_vien.ods", "ods"),
    (ROOT / "tests" / "fixtures" / "sheets" / "thong_ke_doan_vien.xlsx", "xlsx"),
], ids=lambda v: v if isinstance(v, str) else v.name)
def test_office_format_detected_from_content_not_name(path, fmt):
    assert detect_format(path.read_bytes(), "renamed.bin") == fmt


@needs_soffice
@pytest.mark.parametrize("path", CONVERTED, ids=lambda p: p.suffix)
def test_converted_file_reads_like_its_docx(path):
    raw, seed = read(path), read(SEED_DOCX)
    assert raw.format == "docx" and raw.converted_from == path.suffix[1:]
    assert [(b.kind, b.text) for b in raw.blocks] == [(b.kind, b.text) for b in seed.blocks]


@needs_soffice
def test_doc_gives_the_same_documents_and_figures():
    doc, seed = extract_file(OFFICE / "001_2dd21463e6f50625.doc"), extract_file(SEED_DOCX)
    assert doc.status == "ok" and len(doc.documents) == len(seed.documents)
    for a, b in zip(doc.documents, seed.documents, strict=True):
        assert (a.document.kind, a.document.title, a.document.organization, a.document.date) == \
               (b.document.kind, b.document.title, b.document.organization, b.document.date)
        assert [(f.text, f.value, f.unit) for f in a.figures] == [(f.text, f.value, f.unit) for f in b.figures]
        assert [r.number for r in a.references] == [r.number for r in b.references]


def test_without_libreoffice_the_error_names_the_file_and_what_to_do(monkeypatch):
    monkeypatch.setenv("CHISO_SOFFICE", "")  # as if LibreOffice were not installed
    path = OFFICE / "001_2dd21463e6f50625.doc"
    with pytest.raises(LibreOfficeMissing) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: legacy Word 97-2003 file (OLE2)")
    assert "apt-get install libreoffice-writer-nogui" in message
    assert f'convert it with "soffice --headless --convert-to docx {path}"' in message
    result = extract_file(path)  # the batch goes on: one failed result, no traceback
    assert result.status == "failed" and result.error == message


def test_ole2_without_word_or_excel_stream_keeps_the_soffice_hint():
    with pytest.raises(UnsupportedFormat) as info:
        detect_format(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), "old.doc")
    assert 'convert it with "soffice --headless --convert-to docx old.doc"' in str(info.value)


@needs_soffice
def test_damaged_doc_is_one_clear_error(tmp_path):
    data = bytearray((OFFICE / "001_2dd21463e6f50625.doc").read_bytes())
    data[512:len(data) - 4096] = bytes(len(data) - 4096 - 512)  # the streams gone, the directory kept
    path = tmp_path / "hong.doc"
    path.write_bytes(bytes(data))
    result = extract_file(path)
    assert result.status == "failed" and result.error.startswith(f"{path}: ") and "\n" not in result.error


def test_rtf_without_libreoffice_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("CHISO_SOFFICE", "")
    path = tmp_path / "to_trinh.rtf"
    path.write_bytes(rb"{\rtf1\ansi T\u7901? tr\u236?nh}")
    with pytest.raises(LibreOfficeMissing) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: RTF file: reading it needs LibreOffice")


@pytest.mark.parametrize("name, data, error", [
    ("hong.odt", b"PK\x03\x04" + bytes(40), CorruptFile),  # a zip cut short
])
def test_broken_archives_are_named(tmp_path, name, data, error):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: ")


def test_odt_zip_bomb_refused_before_libreoffice(tmp_path):
    import zipfile

    path = tmp_path / "bom.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", b" " * (8 * 1024 * 1024))  # 8 MB of spaces pack about 1000:1
    with pytest.raises(TooLarge) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: content.xml compressed") and "zip bomb" in str(info.value)


@needs_soffice
def test_a_word_97_to_trinh_gives_its_number_date_and_cited_plan():
    """A tờ trình typed in Word 97 with its header in a two-column table (issue 19's check): its number,
    date, organization and the plan it cites are read, and its figures are those of the same text."""
    import json

    path = OFFICE / "to_trinh_mai_am_2024.doc"
    text = ROOT / "corpus" / "keys_blind" / "to_trinh_cdn_nong_nghiep_phu_yen_2024.txt"
    gold = next(row for row in map(json.loads, (ROOT / "corpus" / "gold" / "keys_blind" /
                                                "keys_blind.documents.jsonl").read_text().splitlines())
                if row["source"] == text.name)
    result = extract_file(path)
    assert result.status == "ok", result.error
    [extract] = result.documents
    doc = extract.document
    for field in ("kind", "organization", "date", "number", "issuer", "superior", "place"):
        assert getattr(doc, field) == gold[field], field
    assert gold["title_contains"] in doc.title
    assert any("15/KH-LĐLĐ" in r.text for r in extract.references)

    def keyed(figures):
        return sorted((f.value, f.unit, f.modality, f.organization, f.year, f.indicator) for f in figures)
    assert keyed(extract.figures) == keyed(extract_file(text).documents[0].figures)
