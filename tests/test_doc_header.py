"""Document metadata read as Vietnamese administrative documents are written (Decree 30/2020/NĐ-CP)
and news bylines (extractors/lang/vi/document_header.yaml): a row per form."""

import pytest

from extractors.doc_header import read_byline_date, read_header, without_bylines
from extractors.normalize import normalize_text

HEADER_ROWS = [
    # two-line header, motto beside it as text extraction joins the columns (one space left)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
     "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH Độc lập - Tự do - Hạnh phúc\n\n"
     "Số: 41/KH-LĐLĐ Gio Linh, ngày 20 tháng 4 năm 2024\n\nKẾ HOẠCH\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH", superior="LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ",
          number="41/KH-LĐLĐ", kind="kế hoạch", place="Gio Linh", date="2024-04-20")),
    # motto on lines of its own between the header lines; abbreviations; TX.
    ("LĐLĐ TỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ TX. AN NHƠN\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 03/BC-LĐLĐ\nAn Nhơn, ngày 10 tháng 01 năm 2024\n",
     dict(issuer="LĐLĐ TX. AN NHƠN", superior="LĐLĐ TỈNH BÌNH ĐỊNH", number="03/BC-LĐLĐ", kind="báo cáo",
          place="An Nhơn", date="2024-01-10")),
    # a sector union named without its place takes its superior's
    ("LĐLĐ TỈNH NAM ĐỊNH\nCĐ NGÀNH Y TẾ\nSố: 01/NQ-ĐH\nNam Định, ngày 14 tháng 7 năm 2023\n",
     dict(issuer="CĐ NGÀNH Y TẾ TỈNH NAM ĐỊNH", superior="LĐLĐ TỈNH NAM ĐỊNH", number="01/NQ-ĐH",
          kind="nghị quyết")),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NAM\nCÔNG ĐOÀN GIÁO DỤC TỈNH\nSố: 58/BC-CĐGD\n",
     dict(issuer="CÔNG ĐOÀN GIÁO DỤC TỈNH QUẢNG NAM", kind="báo cáo")),
    # … also when its head is abbreviated (corpus/keys_blind2: the figures were of no province)
    ("LĐLĐ TỈNH VĨNH PHÚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN CÁC KCN Độc lập - Tự do - Hạnh phúc\n"
     "Số: 52/BC-CĐKCN Vĩnh Yên, ngày 05 tháng 7 năm 2024\n",
     dict(issuer="CÔNG ĐOÀN CÁC KCN TỈNH VĨNH PHÚC", superior="LĐLĐ TỈNH VĨNH PHÚC", kind="báo cáo")),
    # a name a PDF's header cell wrapped inside an official phrase (corpus/keys_blind3 as PDF)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH\nQUẢNG NGÃI\n\nCÔNG ĐOÀN CÁC KHU CÔNG\nNGHIỆP\n\nSố: 58/BC-CĐKCN\n",
     dict(issuer="CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG NGÃI", superior="LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI",
          kind="báo cáo")),
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\n\nLIÊN ĐOÀN LAO ĐỘNG TỈNH CAO\nBẰNG\n\nSố: 12/QĐ-LĐLĐ\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG", superior="TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", kind="quyết định")),
    # a wrapped V/v ran into the place-and-date line once the columns' spaces were gone (corpus/keys_blind4)
    ("TỔNG LĐLĐ VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nLĐLĐ TỈNH VĨNH LONG Độc lập - Tự do - Hạnh phúc\n\n"
     "Số: 318/LĐLĐ-CSPL\n\nV/v đẩy mạnh phát triển đoàn viên và chuẩn bị chăm lo Tết Nguyên đán\n\n"
     "Bính Ngọ năm 2026 Vĩnh Long, ngày 12 tháng 11 năm 2025\n\nKính gửi:\n",
     dict(issuer="LĐLĐ TỈNH VĨNH LONG", kind="công văn", place="Vĩnh Long", date="2025-11-12",
          subject="đẩy mạnh phát triển đoàn viên và chuẩn bị chăm lo Tết Nguyên đán Bính Ngọ năm 2026")),
    # the place is a known place's name, not the words a wrapped V/v left before it (review, session 9)
    ("LĐLĐ TP. HÀ NỘI\nSố: 1/LĐLĐ\nV/v chăm lo Tết\nXuân Bính Ngọ Hà Nội, ngày 12 tháng 11 năm 2025\n",
     dict(place="Hà Nội", date="2025-11-12", subject="chăm lo Tết Xuân Bính Ngọ")),
    ("LĐLĐ TP. HỒ CHÍ MINH\nSố: 2/LĐLĐ\nTP. Hồ Chí Minh, ngày 20 tháng 4 năm 2024\n",
     dict(place="TP. Hồ Chí Minh", date="2024-04-20")),
    # a grassroots union's name wrapped after its company-type code (corpus/keys_blind6)
    ("LĐLĐ HUYỆN THANH BA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐCS CÔNG TY CP              Độc lập - Tự do - "
     "Hạnh phúc\nCHÈ HÙNG LĨNH\nSố: 21/BC-CĐ                 Thanh Ba, ngày 20/12/2024\n",
     dict(issuer="CĐCS CÔNG TY CP CHÈ HÙNG LĨNH", superior="LĐLĐ HUYỆN THANH BA", kind="báo cáo")),
    # a name's last words on a short line of their own under the motto (corpus/keys_blind7)
    ("CÔNG ĐOÀN CÁC KCN TỈNH AN GIANG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐCS CÔNG TY TNHH MAY XUẤT KHẨU"
     "            Độc lập - Tự do - Hạnh phúc\nPHÚ HÒA\nSố: 21/BC-CĐCS                    An Giang, ngày 18 tháng "
     "12 năm 2025\n\nBÁO CÁO\n", dict(issuer="CĐCS CÔNG TY TNHH MAY XUẤT KHẨU PHÚ HÒA", kind="báo cáo",
                                      superior="CÔNG ĐOÀN CÁC KCN TỈNH AN GIANG")),
    # both names on one line, a dash between them (session 10's own cases)
    ("LĐLĐ TỈNH QUẢNG NGÃI - LĐLĐ HUYỆN BÌNH SƠN\nSố: 30/CV-LĐLĐ\nBình Sơn, ngày 5 tháng 12 năm 2023\n",
     dict(issuer="LĐLĐ HUYỆN BÌNH SƠN", superior="LĐLĐ TỈNH QUẢNG NGÃI")),
    # … but a dash inside a name does not split it
    ("LĐLĐ HUYỆN BÌNH SƠN\nCĐCS CÔNG TY CP DƯỢC - TRANG THIẾT BỊ Y TẾ\nSố: 30/BC-CĐ\n",
     dict(issuer="CĐCS CÔNG TY CP DƯỢC - TRANG THIẾT BỊ Y TẾ", superior="LĐLĐ HUYỆN BÌNH SƠN")),
    # a standing committee's title before the issuer, its line joined to the superior's as a wrapped title
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM BAN THƯỜNG VỤ LĐLĐ TỈNH PHÚ YÊN\nSố: 102/KL-LĐLĐ\n",
     dict(issuer="LĐLĐ TỈNH PHÚ YÊN", superior="TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", kind="kết luận")),
    # a grassroots level with no name yet takes the next line whole, though it opens with a head (`SỞ`)
    ("CÔNG ĐOÀN VIÊN CHỨC TỈNH ĐẮK LẮK        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN CƠ SỞ            "
     "Độc lập - Tự do - Hạnh phúc\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 14/BC-CĐCS     Buôn Ma Thuột, ngày 20 tháng 12 năm 2024\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ SỞ GIÁO DỤC VÀ ĐÀO TẠO", superior="CÔNG ĐOÀN VIÊN CHỨC TỈNH ĐẮK LẮK")),
    ("LĐLĐ HUYỆN KRÔNG PẮC\nCÔNG ĐOÀN\nTRƯỜNG THPT PHAN ĐĂNG LƯU\nSố: 4/BC-CĐ\n",
     dict(issuer="CÔNG ĐOÀN TRƯỜNG THPT PHAN ĐĂNG LƯU", superior="LĐLĐ HUYỆN KRÔNG PẮC")),
    # … but a named body's next line that opens with a head is a body of its own
    ("CÔNG ĐOÀN KHU CÔNG NGHIỆP PHỐ NỐI A\nCÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HƯNG LONG\nSố: 14/BC-CĐCS\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HƯNG LONG", superior="CÔNG ĐOÀN KHU CÔNG NGHIỆP PHỐ NỐI A")),
    # a header copied from a web page in mixed case (corpus/keys_blind8: the superior came out as the issuer)
    ("Liên đoàn Lao động tỉnh Thanh Hóa\nLiên đoàn Lao động thị xã Bỉm Sơn\nSố: 46/TTr-LĐLĐ\nCộng hòa xã hội chủ nghĩa "
     "Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBỉm Sơn, ngày 15 tháng 8 năm 2023\n\nTỜ TRÌNH\n",
     dict(issuer="Liên đoàn Lao động thị xã Bỉm Sơn", superior="Liên đoàn Lao động tỉnh Thanh Hóa", kind="tờ trình",
          date="2023-08-15")),
    # … but a speech's mixed-case speaker line, with no number or date, makes no header
    ("Liên đoàn Lao động tỉnh Bắc Giang\nHội nghị tổng kết năm 2024\n\nTHAM LUẬN\nĐổi mới phương thức\n",
     dict(issuer=None)),
    # a place whose last syllable is an administrative word's (`YÊN THÀNH`) does not leave the name open; a
    # committee's title (`BCH`) opens a body of its own, not the rest of the one above (session 10)
    ("CÔNG ĐOÀN GIÁO DỤC HUYỆN YÊN THÀNH\nBCH CÔNG ĐOÀN CƠ SỞ\nTRƯỜNG TIỂU HỌC HOA THÀNH\nSố: 05/BC-CĐ\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC HOA THÀNH", superior="CÔNG ĐOÀN GIÁO DỤC HUYỆN YÊN THÀNH")),
    ("CÔNG ĐOÀN GIÁO DỤC HUYỆN YÊN THÀNH BCH CÔNG ĐOÀN CƠ SỞ\nTRƯỜNG TIỂU HỌC HOA THÀNH\nSố: 05/BC-CĐ\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC HOA THÀNH", superior="CÔNG ĐOÀN GIÁO DỤC HUYỆN YÊN THÀNH")),
    # a PDF wrapped the motto inside `CHỦ / NGHĨA` and the number after `Số:` (corpus/keys_blind10_renderings/pdf)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ\n\nNGHĨA VIỆT NAM\n\nCÔNG ĐOÀN KHU KINH TẾ TỈNH Số:\n\n"
     "86/CĐKKT Hà Tĩnh, ngày 12 tháng 9 năm 2025\n",
     dict(issuer="CÔNG ĐOÀN KHU KINH TẾ TỈNH HÀ TĨNH", superior="LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH", number="86/CĐKKT",
          kind="công văn", date="2025-09-12")),
    # the province federation over a congress's name is its host; the congress issues for its town's federation
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ\n\nNGHĨA VIỆT NAM\n\nĐẠI HỘI ĐẠI BIỂU CÔNG ĐOÀN Độc lập - "
     "Tự do - Hạnh phúc\n\nTHỊ XÃ NGHI SƠN LẦN THỨ XV\n\nSố: 01/NQ-ĐH Nghi Sơn, ngày 14 tháng 7 năm 2023\n",
     dict(issuer=None, number="01/NQ-ĐH", kind="nghị quyết")),
    ("LĐLĐ TỈNH BẮC NINH/LĐLĐ HUYỆN QUẾ VÕ\nSố: 18/BC-LĐLĐ\n", dict(issuer="LĐLĐ HUYỆN QUẾ VÕ", superior="LĐLĐ TỈNH BẮC NINH")),
    # a sector union named with its province but not the word (corpus/keys_blind12)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC GIANG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN GIÁO DỤC BẮC GIANG\t\t\tĐộc lập - "
     "Tự do - Hạnh phúc\nSố: 142/CĐGD\n", dict(issuer="CÔNG ĐOÀN GIÁO DỤC TỈNH BẮC GIANG")),
    # a joint header: each column's place line under its own body, the columns' spaces gone (corpus/keys_blind13)
    ("ỦY BAN NHÂN DÂN LIÊN ĐOÀN LAO ĐỘNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHUYỆN CHÂU THÀNH HUYỆN CHÂU THÀNH Độc "
     "lập - Tự do - Hạnh phúc\n\nSố: 02/CTrPH-UBND-LĐLĐ Châu Thành, ngày 15 tháng 3 năm 2024\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN CHÂU THÀNH", place="Châu Thành")),
    # a name's last line ran into the place-and-date line: the place is in mixed case
    ("LĐLĐ TỈNH KHÁNH HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN CƠ SỞ Độc lập - Tự do - Hạnh phúc\nCÔNG TY CỔ "
     "PHẦN CHẾ BIẾN\nHẢI SẢN CÀ NÁ Cà Ná, ngày 10 tháng 7 năm 2025\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN CHẾ BIẾN HẢI SẢN CÀ NÁ", place="Cà Ná", date="2025-07-10")),
    # corpus/keys_blind14/15 first runs: a company over its union's bare level; the motto's second line whole;
    # a name's tail before its English translation in brackets
    ("CÔNG TY CỔ PHẦN CHẾ BIẾN GỖ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTRIỆU PHONG Độc lập - Tự do - Hạnh phúc\n\n"
     "CÔNG ĐOÀN CƠ SỞ\n\nSố: 02/KH-CĐCS Triệu Phong, ngày 06 tháng 01 năm 2025\n",
     dict(issuer="CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN CHẾ BIẾN GỖ TRIỆU PHONG", kind="kế hoạch")),
    ("CÔNG ĐOÀN CÁC KCN ĐỒNG NAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCĐCS CÔNG TY TNHH NỘI THẤT Độc lập - Tự do - Hạnh "
     "phúc\n\nJIAHE VIỆT NAM (JIAHE VIETNAM FURNITURE CO., LTD\n\nTRADE UNION)\n\nSố: 14/BC-CĐCS Đồng Nai, ngày 08 tháng 7 "
     "năm 2025\n", dict(issuer="CĐCS CÔNG TY TNHH NỘI THẤT JIAHE VIỆT NAM", superior="CÔNG ĐOÀN CÁC KCN ĐỒNG NAI")),
    # a zone's union named by the zone's own name takes no province; by its kind alone it does (corpus/keys_blind16)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NAM\nCĐ KKT MỞ CHU LAI\nSố: 03/BC-CĐKKT\n", dict(issuer="CĐ KKT MỞ CHU LAI")),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH\nCÔNG ĐOÀN KHU KINH TẾ TỈNH\nSố: 86/CĐKKT\n",
     dict(issuer="CÔNG ĐOÀN KHU KINH TẾ TỈNH HÀ TĨNH")),
    # two header cells a Word copy ran together with no space (corpus/keys_blind18)
    ("LIÊN ĐOÀN LAO ĐỘNG TP. HỒ CHÍ MINHLIÊN ĐOÀN LAO ĐỘNG HUYỆN HÓC MÔN\nSố: 05/BC-LĐLĐ\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN HÓC MÔN", superior="LIÊN ĐOÀN LAO ĐỘNG TP. HỒ CHÍ MINH")),
    # a number with no type code is a công văn; its title is the V/v line
    ("LĐLĐ TỈNH THÁI BÌNH\nSố: 342/LĐLĐ\nV/v đẩy mạnh phát triển đoàn viên năm 2024\n"
     "Thái Bình, ngày 5 tháng 3 năm 2024\n",
     dict(issuer="LĐLĐ TỈNH THÁI BÌNH", superior=None, number="342/LĐLĐ", kind="công văn",
          subject="đẩy mạnh phát triển đoàn viên năm 2024", date="2024-03-05")),
    # a committee's title before the issuer
    ("BAN CHẤP HÀNH CÔNG ĐOÀN GIÁO DỤC VIỆT NAM\nSố: 12/CTr-CĐN\n", dict(issuer="CÔNG ĐOÀN GIÁO DỤC VIỆT NAM",
                                                                        kind="chương trình")),
    ("Số: 7/TTr-LĐLĐ\n", dict(number="7/TTr-LĐLĐ", kind="tờ trình")),
    ("Số: 9/HD-LĐLĐ\n", dict(kind="hướng dẫn")),
    ("Số: 9/QĐ-LĐLĐ\n", dict(kind="quyết định")),
    ("Số: 9/TB-LĐLĐ\n", dict(kind="thông báo")),
    ("Số: 9/KL-LĐLĐ\n", dict(kind="kết luận")),
    ("Số: 9/CT-LĐLĐ\n", dict(kind="chỉ thị")),
    ("Số: 9/QC-LĐLĐ\n", dict(kind="quy chế")),
    ("Số: 9/ĐA-LĐLĐ\n", dict(kind="đề án")),
    # corpus/keys_blind19 DOCX rendering: an e-office metadata block on top and a blank line between every
    # paragraph; the header's zone counts lines with words, so the number and the date are still in it
    ("Cơ quan ban hành: LĐLĐ thị xã Buôn Hồ\n\nSố ký hiệu: 58/LĐLĐ-TC\n\nNgày ban hành: 06/05/2024\n\n"
     "Trích yếu: V/v đẩy mạnh phát triển đoàn viên năm 2024\n\nTệp đính kèm: 58-LDLD-TC.pdf\n\n"
     + "-" * 40 + "\n\nLĐLĐ TỈNH ĐẮK LẮK CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
     "LĐLĐ THỊ XÃ BUÔN HỒ Độc lập - Tự do - Hạnh phúc\n\nSố: 58/LĐLĐ-TC\n\nV/v đẩy mạnh phát triển\n\n"
     "đoàn viên năm 2024 Buôn Hồ, ngày 06 tháng 5 năm 2024\n\nKính gửi: Các công đoàn cơ sở trực thuộc.\n",
     dict(number="58/LĐLĐ-TC", kind="công văn", place="Buôn Hồ", date="2024-05-06")),
    # session 11: a place's own `TP` is no tail of the issuer's name (`TP` ran into `CĐCS BỆNH VIỆN ĐK TP VINH`)
    ("CĐ NGÀNH Y TẾ NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCĐCS BỆNH VIỆN ĐK TP VINH Độc lập - Tự do - Hạnh "
     "phúc\n\nSố: 25/TB-CĐCS TP Vinh, ngày 02 tháng 8 năm 2024\n\nTHÔNG BÁO\n",
     dict(issuer="CĐCS BỆNH VIỆN ĐK TP VINH", superior="CĐ NGÀNH Y TẾ NGHỆ AN", number="25/TB-CĐCS",
          kind="thông báo", place="TP Vinh", date="2024-08-02")),
    # session 11: a federation named by its level alone whose place-and-date line names its place; a number in
    # the Party's style (the type code before the slash)
    ("ĐẢNG BỘ TỈNH LÀO CAI\nLIÊN ĐOÀN LAO ĐỘNG TỈNH\n*\nSố 55-BC/LĐLĐ\nLào Cai, ngày 10 tháng 12 năm 2024\nBÁO CÁO\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI", number="55-BC/LĐLĐ", kind="báo cáo", date="2024-12-10")),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI\nLIÊN ĐOÀN LAO ĐỘNG HUYỆN\nSố: 55/BC-LĐLĐ\nBảo Yên, ngày 10 tháng 12 năm 2024\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN BẢO YÊN", superior="LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI")),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH\nSố: 55/BC-LĐLĐ\nHà Nội, ngày 10 tháng 12 năm 2024\n",  # Hà Nội is a city: no tỉnh
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH")),
    ("Số 12-KH/LĐLĐ\n", dict(number="12-KH/LĐLĐ", kind="kế hoạch")),
    # corpus/keys_blind21 (first run): a congress line naming no body under the issuer of a numbered resolution is
    # the issuer's own congress; the issuer is no host over a speech's event
    ("LĐLĐ TỈNH NGHỆ AN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐ NGÀNH GTVT                      "
     "Độc lập - Tự do - Hạnh phúc\nĐẠI HỘI ĐẠI BIỂU LẦN THỨ VIII\nSố: 01/NQ-ĐH                   Vinh, ngày 18 tháng 8 "
     "năm 2023\n\nNGHỊ QUYẾT\n", dict(issuer="CĐ NGÀNH GTVT TỈNH NGHỆ AN", superior="LĐLĐ TỈNH NGHỆ AN")),
    # corpus/keys_blind65 (first run): the congress line names a bare level (`ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ`), the unit
    # written with a school's initials (`TH`)
    ("LĐLĐ QUẬN TÂN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐCS TRƯỜNG TH TRẦN QUỐC TOẢN Độc lập - Tự do - Hạnh "
     "phúc\nĐẠI HỘI CÔNG ĐOÀN CƠ SỞ\nLẦN THỨ VII, NHIỆM KỲ 2023 - 2028\nSố: 01/NQ-ĐH Tân Bình, ngày 15 tháng 4 năm "
     "2023\n\nNGHỊ QUYẾT\n", dict(issuer="CĐCS TRƯỜNG TH TRẦN QUỐC TOẢN", superior="LĐLĐ QUẬN TÂN BÌNH")),
    # … with blank lines between (as normalized text has them)
    ("LĐLĐ QUẬN TÂN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCĐCS TRƯỜNG TH TRẦN QUỐC TOẢN Độc lập - Tự do - Hạnh "
     "phúc\n\nĐẠI HỘI CÔNG ĐOÀN CƠ SỞ\n\nLẦN THỨ VII, NHIỆM KỲ 2023 - 2028\n\nSố: 01/NQ-ĐH Tân Bình, ngày 15 tháng 4 "
     "năm 2023\n\nNGHỊ QUYẾT\n", dict(issuer="CĐCS TRƯỜNG TH TRẦN QUỐC TOẢN", superior="LĐLĐ QUẬN TÂN BÌNH")),
    # … on one line with its number and term; a bare level whose next line goes on with a name is a host's (review)
    ("LĐLĐ QUẬN TÂN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐCS TRƯỜNG TH TRẦN QUỐC TOẢN Độc lập - Tự do - Hạnh "
     "phúc\nĐẠI HỘI CÔNG ĐOÀN CƠ SỞ LẦN THỨ VII, NHIỆM KỲ 2023 - 2028\nSố: 01/NQ-ĐH Tân Bình, ngày 15 tháng 4 năm "
     "2023\n\nNGHỊ QUYẾT\n", dict(issuer="CĐCS TRƯỜNG TH TRẦN QUỐC TOẢN", superior="LĐLĐ QUẬN TÂN BÌNH")),
    # a place's `PHÒNG` is no state office's head (session 11: `… THÀNH PHỐ HẢI` / `PHÒNG`)
    ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG\nSố: 12/LĐLĐ-TC\n", dict(issuer="LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG")),
    # a speech: no header at all
    ("THAM LUẬN\nĐổi mới phương thức tập hợp đoàn viên\nLiên đoàn Lao động huyện Yên Thế\n", dict(issuer=None)),
    # corpus/keys_blind38 (first run): a header cell wrapped inside `LAO ĐỘNG`, the motto beside its first half
    ("LĐLĐ TỈNH BẮC NINH                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLIÊN ĐOÀN LAO                       "
     "       Độc lập - Tự do - Hạnh phúc\nĐỘNG HUYỆN LƯƠNG TÀI\nSố: 52/BC-LĐLĐ                       Lương Tài, ngày 28 "
     "tháng 6 năm 2024\n\nBÁO CÁO\n",
     dict(issuer="LIÊN ĐOÀN LAO ĐỘNG HUYỆN LƯƠNG TÀI", superior="LĐLĐ TỈNH BẮC NINH", date="2024-06-28")),
    ("CÔNG ĐOÀN CƠ\nSỞ TRƯỜNG THPT HÒN ĐẤT\nSố: 01/NQ-CĐCS\n", dict(issuer="CÔNG ĐOÀN CƠ SỞ TRƯỜNG THPT HÒN ĐẤT")),
    # corpus/keys_blind54 (first run): a bare level whose place ran into the place-and-date line; a one-letter
    # syllable opening the place (`Ý Yên`); a mixed-case place is no two cells (`Gò Vấp`)
    ("LIÊN ĐOÀN LAO ĐỘNG                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH THÁI NGUYÊN                      "
     "Độc lập - Tự do - Hạnh phúc\nLIÊN ĐOÀN LAO ĐỘNG\nTP. PHỔ YÊN                           Phổ Yên, ngày 12 tháng 12 "
     "năm 2023\nSố: 187/LĐLĐ\n", dict(issuer="LIÊN ĐOÀN LAO ĐỘNG TP. PHỔ YÊN", place="Phổ Yên", date="2023-12-12")),
    ("CĐ NGÀNH Y TẾ NAM ĐỊNH\nCĐCS BỆNH VIỆN ĐA KHOA\nHUYỆN Ý YÊN\nSố: 01/NQ-ĐH Ý Yên, ngày 14 tháng 4 năm 2023\n",
     dict(issuer="CĐCS BỆNH VIỆN ĐA KHOA HUYỆN Ý YÊN", place="Ý Yên", date="2023-04-14")),
    ("LĐLĐ TP. HỒ CHÍ MINH\nLĐLĐ QUẬN GÒ VẤP\nSố: 01/NQ-ĐH Gò Vấp, ngày 14 tháng 7 năm 2023\n",
     dict(issuer="LĐLĐ QUẬN GÒ VẤP", place="Gò Vấp")),
    # the kind word a type code names, or a kind before more words in capitals, ends the header (keys_blind8/30 as
    # DOCX once the place-and-date line above them was read right)
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nVIỆT NAM Độc lập - Tự do - Hạnh phúc\n\nCÔNG ĐOÀN Y "
     "TẾ VIỆT NAM\n\nSố: 21/KL-CĐYT Hà Nội, ngày 14 tháng 10 năm 2024\n\nKẾT LUẬN\n",
     dict(issuer="CÔNG ĐOÀN Y TẾ VIỆT NAM", place="Hà Nội")),
    ("CĐVC TỈNH HÀ NAM\nCĐCS BẢO HIỂM XÃ HỘI TỈNH HÀ NAM\nSố: 05/CTr-CĐCS Phủ Lý, ngày 10 tháng 1 năm 2024\n"
     "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024\n", dict(issuer="CĐCS BẢO HIỂM XÃ HỘI TỈNH HÀ NAM", place="Phủ Lý")),
]


@pytest.mark.parametrize("text,want", HEADER_ROWS)
def test_header(text, want):
    header = read_header(text)
    for field, value in want.items():
        assert getattr(header, field) == value, field


# Headers as the text reaches them, after normalization (column gaps collapsed, lines joined or kept apart)
NORMALIZED_HEADER_ROWS = [
    # corpus/keys_blind22 (first run): a joint header's rows of two columns each a line (not a wrapped title), the
    # federation named by its head beside the state body's cell, its place on the row below; a joint type code
    ("LĐLĐ TỈNH BÀ RỊA - VŨNG TÀU            UBND THÀNH PHỐ BÀ RỊA\nLIÊN ĐOÀN LAO ĐỘNG                  PHÒNG LAO "
     "ĐỘNG - THƯƠNG BINH\nTHÀNH PHỐ BÀ RỊA                           VÀ XÃ HỘI\nSố: 02/KHLT-LĐLĐ-PLĐTBXH\n"
     "Bà Rịa, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH LIÊN TỊCH\n",
     dict(superior="LĐLĐ TỈNH BÀ RỊA - VŨNG TÀU", number="02/KHLT-LĐLĐ-PLĐTBXH", kind="kế hoạch")),
    # a kind line with its qualifier (`BÁO CÁO CHUYÊN ĐỀ`) ends the header: no tail of the issuer's name
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n      CÔNG ĐOÀN CÁC KHU              "
     "Độc lập - Tự do - Hạnh phúc\n   CÔNG NGHIỆP BÌNH PHƯỚC\n     Số: 37/BC-CĐKCN        Chơn Thành, ngày 18 tháng 11 "
     "năm 2024\n\n                  BÁO CÁO CHUYÊN ĐỀ\n     Kết quả thương lượng\n",
     dict(issuer="CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH PHƯỚC", kind="báo cáo", place="Chơn Thành")),
]


@pytest.mark.parametrize("text,want", NORMALIZED_HEADER_ROWS)
def test_header_after_normalization(text, want):
    header = read_header(normalize_text(text).text)
    for field, value in want.items():
        assert getattr(header, field) == value, field


@pytest.mark.parametrize("text,date", [
    ("Thứ Hai, 15/01/2024 10:30\n\nTiêu đề", "2024-01-15"),
    ("Chủ nhật, 3/3/2024 - 08:15", "2024-03-03"),
    ("15/01/2024 - 10:30", "2024-01-15"),
    ("Cập nhật: 17/01/2024", "2024-01-17"),
    ("(LĐ) - Ngày 15/1, Liên đoàn Lao động tỉnh tổ chức hội nghị", None),  # no year: no date
    # corpus/keys_blind8 and 9 (first runs): the time before the date, dashes, a month spelled with a comma
    ("Đăng lúc: 14:32 - 09/03/2024", "2024-03-09"),
    ("14:32 - 09/03/2024", "2024-03-09"),
    ("Cập nhật ngày: 03-07-2025", "2025-07-03"),
    ("Ngày xuất bản: 05.02.2024", "2024-02-05"),
    ("Hoàng Thu Trang · 24 Tháng 10, 2025 · 10:15", "2025-10-24"),
    ("Ngày 24 tháng 10, 2025 họp", None),  # a sentence's date, not a byline
    ("Số: 14/BC-LĐLĐ 12:30", None),
    # session 11: `Ngày` before a byline's date, a weekday with `ngày`, the date spelled before the time
    ("Ngày 20/01/2025 | 09:10", "2025-01-20"),
    ("Thứ Hai, ngày 20/01/2025 - 09:10", "2025-01-20"),
    ("Ngày 20 tháng 01 năm 2025 | 09:10", "2025-01-20"),
    ("Thứ hai, ngày 20 tháng 01 năm 2025 - 09:10", "2025-01-20"),
    ("Ngày 20 tháng 01 năm 2025, Công đoàn tổ chức hội nghị", None),  # a sentence's date, no time
    # corpus/keys_blind21 (first run): an author's name before the date, dashes in the date
    ("Ngọc Hân | 17-01-2024 - 10:42", "2024-01-17"),
    ("17-01-2024 10:42", "2024-01-17"),
])
def test_byline_date(text, date):
    assert read_byline_date(text) == date


def test_byline_lines_are_not_a_title():
    assert without_bylines("Thứ Hai, 15/01/2024 10:30\nTiêu đề tin").split("\n") == ["", "Tiêu đề tin"]
