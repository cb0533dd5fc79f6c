"""Write extractors/lang/vi/districts.tsv: every district-level unit of Việt Nam before the 2025
reform (huyện, quận, thị xã, thành phố thuộc tỉnh), with its type and its province.

Source: the administrative divisions list of the General Statistics Office of Việt Nam (GSO,
danhmuchanhchinh.gso.gov.vn) as packaged by `vietnam-provinces` 0.6.0 (its
`data/nested-divisions.json`, the 63 provinces and their 696 districts of late 2024). The
package is not a dependency: fetch it once, then run

    pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vnp
    unzip -o /tmp/vnp/vietnam_provinces-0.6.0-py3-none-any.whl -d /tmp/vnp/x
    python scripts/make_districts.py /tmp/vnp/x/vietnam_provinces/data/nested-divisions.json

Old reports still name these districts (the district level was abolished on 1 July 2025), and
union federations of districts are named after them (`Liên đoàn Lao động huyện Gio Linh`).
Names are written with one tone placement (`Hòa`, not `Hoà`), as the normalizer writes text, and a
hyphen between spaces (`Phan Rang - Tháp Chàm`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.normalize import normalize_text  # noqa: E402

OUT = ROOT / "extractors" / "lang" / "vi" / "districts.tsv"
# Districts merged away before the GSO list was taken, which reports of their time still name.
FORMER = [
    ("Tĩnh Gia", "huyện", "Thanh Hóa"),  # thị xã Nghi Sơn since 2020
    ("Cửa Lò", "thị xã", "Nghệ An"),  # merged into thành phố Vinh
    ("Hoành Bồ", "huyện", "Quảng Ninh"),  # merged into thành phố Hạ Long in 2019
    ("Từ Liêm", "huyện", "Hà Nội"),  # split into quận Bắc Từ Liêm and Nam Từ Liêm in 2013
]
TYPES = ("thành phố", "thị xã", "huyện", "quận")
HEADER = """\
# District-level units before the 2025 reform, read by extractors/orgnames.py (a district's
# province and type: `LĐLĐ Đông Anh` is `Liên đoàn Lao động huyện Đông Anh`, of Hà Nội).
# Made by scripts/make_districts.py from the GSO list (vietnam-provinces 0.6.0); do not edit by hand.
# name	type	province (its name before 2025, as in provinces.yaml)
"""


def _clean(name: str) -> str:
    """One tone placement, and a hyphen between spaces as official names write it (`Phan Rang - Tháp Chàm`)."""
    return re.sub(r"\s*-\s*", " - ", normalize_text(name).text.strip())


def _split(full: str) -> tuple[str, str]:
    low = full.lower()
    for t in TYPES:
        if low.startswith(t + " "):
            return t, _clean(full[len(t) + 1:])
    raise ValueError(f"{full!r}: no district type")


def _province(full: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if full.startswith(prefix):
            return _clean(full[len(prefix):])
    raise ValueError(f"{full!r}: no province type")


def main(source: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    rows = []
    for province in data:
        pname = _province(province["name"])
        pname = "Thừa Thiên Huế" if pname == "Huế" else pname  # its name before 2025 (Huế since 2025)
        for district in province["districts"]:
            kind, name = _split(district["name"])
            rows.append(f"{name}\t{kind}\t{pname}")
    listed = {(r.split("\t")[0], r.split("\t")[2]) for r in rows}
    rows += [f"{n}\t{k}\t{p}" for n, k, p in FORMER if (n, p) not in listed]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} districts of {len(data)} provinces ({len(FORMER)} former)")


if __name__ == "__main__":
    main(sys.argv[1])
