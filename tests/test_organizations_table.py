"""The `organizations` table (issue 17, item 3): one row per organization with its canonical name,
level, province (since 2025) and the spellings seen; `organization_id` on documents and figures."""

from pathlib import Path

import pytest
from dataset_tables import rows

from pipeline.ingest import ingest_paths

KEYS = Path(__file__).resolve().parent.parent / "corpus" / "keys"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("orgs")
    for name in ("ke_hoach_gio_linh_2024.txt", "bao_cao_6_thang_cam_giang_2024.txt", "tin_long_an_tong_ket_2024.txt"):
        (folder / name).write_bytes((KEYS / name).read_bytes())
    path = folder / "x.duckdb"
    ingest_paths([folder], path, quiet=True)
    return path


@pytest.mark.parametrize("name,level,province", [
    ("Liên đoàn Lao động huyện Gio Linh", "district", "Quảng Trị"),  # a district's province: districts.tsv
    ("Liên đoàn Lao động tỉnh Quảng Trị", "province", "Quảng Trị"),
    ("Liên đoàn Lao động huyện Cẩm Giàng", "district", "Hải Phòng"),  # Hải Dương until 2025
    ("Công đoàn cơ sở Công ty TNHH Điện tử Cẩm Điền", "grassroots", "Hải Phòng"),  # its document's province
    ("Liên đoàn Lao động tỉnh Long An", "province", "Tây Ninh"),
    ("Tổng Liên đoàn Lao động Việt Nam", "national", None),
])
def test_each_organization_has_its_level_and_province(db, name, level, province):
    assert rows(db, f"SELECT level, province FROM organizations WHERE name = '{name}'") == [(level, province)]


def test_header_capitals_are_kept_as_an_alias(db):
    (aliases,) = rows(db, "SELECT aliases FROM organizations WHERE name = 'Liên đoàn Lao động huyện Gio Linh'")[0]
    assert set(aliases) == {"LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH", "Liên đoàn Lao động huyện Gio Linh"}


def test_documents_and_figures_carry_the_organization_id(db):
    missing = rows(db, "SELECT count(*) FROM figures f WHERE f.organization IS NOT NULL AND f.organization_id "
                       "NOT IN (SELECT organization_id FROM organizations)")
    assert missing == [(0,)]
    assert rows(db, "SELECT count(*) FROM documents WHERE organization_id IS NULL") == [(0,)]
