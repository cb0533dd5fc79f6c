"""Segmentation: documents, kinds, titles, organizations and dates (seeds and forms of our own)."""

from pathlib import Path

import pytest

from extractors.extract import extract_file
from extractors.normalize import normalize_text
from extractors.segment import segment_documents

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"

SEED_DOCS = [
    ("000_bf79206f8d7a586e.txt", 0, "tham luận", "Liên đoàn Lao động thành phố Vinh"),
    ("000_bf79206f8d7a586e.txt", 1, "tham luận", "Công đoàn ngành Giáo dục Nghệ An"),
    ("001_2dd21463e6f50625.txt", 0, "chương trình", "Công đoàn Giáo dục Việt Nam"),
    ("002_8a56ceed1e768dfa.txt", 0, "kế hoạch", "Công đoàn Giáo dục tỉnh Lâm Đồng"),
    ("003_b8eaf98e5b645ede.txt", 0, "tham luận", "Công đoàn CSTV Trung tâm CTXH & QUỸ BTTE"),
    ("004_9008d95002dd26b8.txt", 0, "tin", "Liên đoàn Lao động thành phố Hà Nội"),
]


@pytest.mark.parametrize("name,index,kind,org", SEED_DOCS)
def test_seed_documents(name, index, kind, org):
    docs = [ex.document for ex in extract_file(SEEDS / name).documents]
    assert len(docs) == (2 if name.startswith("000") else 1)
    d = docs[index]
    assert d.kind == kind
    assert d.organization and d.organization.lower() == org.lower()


def test_dates():
    d = extract_file(SEEDS / "001_2dd21463e6f50625.txt").documents[0].document
    assert d.date == "2024-09-12"  # "ngày 12 tháng 9 năm 2024" of the decision it is issued with


def seg(text):
    return segment_documents(normalize_text(text), source="x.txt")


OWN = [
    # corpus/keys_blind59/61 (first runs): a speaker who introduces themselves; a federation named bare in the
    # sentence after the one that names its place
    ("ĐẠI HỘI ĐẠI BIỂU CÔNG ĐOÀN TỈNH ĐẮK NÔNG\nLẦN THỨ IV, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nXÂY DỰNG QUAN HỆ LAO ĐỘNG "
     "HÀI HÒA Ở DOANH NGHIỆP NÔNG NGHIỆP\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nTôi là Y Thuận Niê, Chủ tịch công đoàn "
     "Công ty cổ phần Cà phê Đắk Song, đơn vị trực thuộc LĐLĐ huyện Đắk Song.", "tham luận",
     "Công đoàn cơ sở Công ty cổ phần Cà phê Đắk Song", None),
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH CÀ MAU LẦN THỨ X, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nPHÁT TRIỂN ĐOÀN VIÊN Ở VÙNG NÔNG "
     "THÔN VEN BIỂN\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nThới Bình là huyện thuần nông ở phía Bắc tỉnh Cà Mau, trên "
     "địa bàn chỉ có 58 doanh nghiệp. Được sự đồng ý của Đoàn Chủ tịch, thay mặt Ban Thường vụ LĐLĐ huyện, tôi xin "
     "trình bày.\n\nCĐCS Công ty TNHH Chế biến Thủy sản Trí Phải là đơn vị điển hình.", "tham luận",
     "Liên đoàn Lao động huyện Thới Bình", None),
    # corpus/keys_blind10: a congress line that goes on with a name on the next line is the issuer's event
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐẠI HỘI ĐẠI BIỂU CÔNG ĐOÀN\tĐộc lập - Tự "
     "do - Hạnh phúc\nTHỊ XÃ NGHI SƠN LẦN THỨ XV\nSố: 01/NQ-ĐH\tNghi Sơn, ngày 14 tháng 7 năm 2023\n\nNGHỊ QUYẾT\n"
     "Đại hội đại biểu Công đoàn thị xã Nghi Sơn lần thứ XV, nhiệm kỳ 2023 - 2028\n\nĐại hội đại biểu Công đoàn thị xã "
     "Nghi Sơn lần thứ XV họp trong hai ngày 13 và 14/7/2023, với 196 đại biểu chính thức.", "nghị quyết",
     "Liên đoàn Lao động thị xã Nghi Sơn", "2023-07-14"),
    # corpus/keys_blind64 (first run): a congress speech with no kind word, addressed to the presidium
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH THỪA THIÊN HUẾ LẦN THỨ XV, NHIỆM KỲ 2023 - 2028\n\nBỮA ĂN CA VÀ CHỖ Ở CỦA CÔNG NHÂN\n\n"
     "Trình bày: Đ/c Lê Thị Mỹ Hạnh - UV BCH LĐLĐ tỉnh, Chủ tịch LĐLĐ TX. Hương Trà\n\nKính thưa Đoàn Chủ tịch Đại "
     "hội!\n\nHương Trà có Khu công nghiệp Tứ Hạ với 23 doanh nghiệp đang hoạt động.", "tham luận",
     "Liên đoàn Lao động thị xã Hương Trà", None),
    # corpus/keys_blind61 (first run): a page under its site's `Trang chủ / …` with a bare date under its headline
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH KIÊN GIANG\nTrang chủ / Tin tức - Sự kiện / Hoạt động công đoàn\n\nTổng kết năm 2023: "
     "Công đoàn Kiên Giang kết nạp hơn 6.200 đoàn viên\n18/01/2024\n\nSáng 17/1, Ban Chấp hành LĐLĐ tỉnh tổ chức hội "
     "nghị tổng kết công tác công đoàn năm 2023, triển khai nhiệm vụ năm 2024.", "tin",
     "Liên đoàn Lao động tỉnh Kiên Giang", "2024-01-18"),
    # corpus/keys_blind56 (first run): a lead that names the union bare and its company whole
    ("Trang chủ > Công đoàn > Chăm lo người lao động\n\nCông nhân May mặc Bàu Bàng được tăng 60.000 đồng tiền ăn ca\n\n"
     "Thứ Năm, 21/08/2025 08:45 (GMT+7)\n\nNLĐO - Sau buổi đối thoại giữa Ban Giám đốc và Công đoàn cơ sở, hơn 2.300 "
     "công nhân Công ty TNHH May mặc Bàu Bàng (xã Bàu Bàng, TP HCM) được nâng tiền ăn ca từ tháng 9.\n\nTheo ông Lê Văn "
     "Tín, Chủ tịch CĐCS công ty, hiện doanh nghiệp có 2.364 lao động.", "tin",
     "Công đoàn cơ sở Công ty TNHH May mặc Bàu Bàng", "2025-08-21"),
    # corpus/keys_blind45: a resolution whose header's second line is its own congress is that union's
    ("LĐLĐ TP. HỒ CHÍ MINH\nĐẠI HỘI CÔNG ĐOÀN QUẬN GÒ VẤP\nLẦN THỨ XI, NHIỆM KỲ 2023 - 2028\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
     "VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 01/NQ-ĐH\nGò Vấp, ngày 14 tháng 7 năm 2023\n\nNGHỊ QUYẾT\n"
     "ĐẠI HỘI ĐẠI BIỂU CÔNG ĐOÀN QUẬN GÒ VẤP LẦN THỨ XI, NHIỆM KỲ 2023 - 2028\n\nĐại hội đại biểu Công đoàn quận Gò Vấp "
     "lần thứ XI diễn ra trong hai ngày 13 và 14/7/2023, với 186 đại biểu chính thức.",
     "nghị quyết", "Liên đoàn Lao động quận Gò Vấp", "2023-07-14"),
    # corpus/keys_blind50/52/53 (first runs): a congress speech whose body is named only in its first sentences,
    # under the host's congress line: `Thay mặt đoàn đại biểu …`, `Thay mặt cán bộ, đoàn viên công đoàn thị xã …`
    # (a title about `CÔNG ĐOÀN CƠ SỞ … Ở HUYỆN MIỀN NÚI` names no body), a host in `(Tại Đại hội …)`
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH LẠNG SƠN LẦN THỨ XVII, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nNÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG "
     "CÔNG ĐOÀN CƠ SỞ KHU VỰC NGOÀI NHÀ NƯỚC Ở HUYỆN MIỀN NÚI\n\nKính thưa Đoàn Chủ tịch Đại hội!\nThay mặt đoàn đại "
     "biểu Công đoàn huyện Hữu Lũng, tôi xin trình bày tham luận.\nTrên địa bàn huyện hiện có 112 doanh nghiệp.",
     "tham luận", "Liên đoàn Lao động huyện Hữu Lũng", None),
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH TÂY NINH LẦN THỨ XI, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nPhát triển đoàn viên ở doanh nghiệp "
     "ngoài nhà nước\n\nKính thưa Đoàn Chủ tịch Đại hội!\nThay mặt cán bộ, đoàn viên công đoàn thị xã Hòa Thành, tôi "
     "xin trình bày tham luận.\nHòa Thành hiện có hơn 380 doanh nghiệp; Công đoàn cơ sở Công ty TNHH Trường Hòa là "
     "đơn vị đông đoàn viên nhất.", "tham luận", "Liên đoàn Lao động thị xã Hòa Thành", None),
    ("THAM LUẬN\nCHĂM LO ĐỜI SỐNG CÔNG NHÂN CAO SU VÙNG BIÊN GIỚI\n(Tại Đại hội đại biểu Công đoàn tỉnh Gia Lai lần thứ "
     "XV, nhiệm kỳ 2023 - 2028)\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nCông đoàn cơ sở Công ty TNHH MTV Cao su Chư "
     "Prông là đơn vị sản xuất trên địa bàn ba xã biên giới, hiện có 1.846 đoàn viên.", "tham luận",
     "Công đoàn cơ sở Công ty TNHH MTV Cao su Chư Prông", None),
    # corpus/keys_blind47 (first run): an economic zone's union under its province federation
    ("LĐLĐ TỈNH NGHỆ AN\nCÔNG ĐOÀN KKT ĐÔNG NAM\nSố: 187/CĐKKT\nV/v chuẩn bị chăm lo Tết Bính Ngọ\nCỘNG HÒA XÃ HỘI CHỦ "
     "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNghệ An, ngày 20 tháng 10 năm 2025\n\nKính gửi: các CĐCS.\n\nHiện nay, "
     "trong Khu kinh tế Đông Nam có 214 doanh nghiệp.", "công văn", "Công đoàn Khu kinh tế Đông Nam Nghệ An", "2025-10-20"),
    # corpus/keys_blind49 (first run): the event's host under its name wrapped over two lines; the speaker line
    ("HỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2023\nVÀ TRIỂN KHAI NHIỆM VỤ NĂM 2024\nLIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG\n\n"
     "THAM LUẬN\nChăm lo đoàn viên ở địa bàn có đông lao động làm việc xa quê\n\nNgười trình bày: Đ/c Lâm Thị Ngọc Hân "
     "- Phó Chủ tịch Thường trực LĐLĐ TX. Tân Châu\n\nKính thưa Đoàn Chủ tịch hội nghị!\n\nToàn thị xã hiện có 58 CĐCS.",
     "tham luận", "Liên đoàn Lao động thị xã Tân Châu", None),
    # corpus/keys_blind45 (first run): a lead that names the union by its level alone; the next line names it whole
    ("Trang chủ > Công đoàn > Hoạt động công đoàn\nNgười Lao Động Online\n08/10/2024 15:42\nCông nhân Công ty Tân Tạo "
     "được nâng tiền ăn giữa ca lên 30.000 đồng\nNAM DƯƠNG\n(NLĐO) - Sau buổi đối thoại với Công đoàn cơ sở, Ban Giám "
     "đốc Công ty TNHH Thực phẩm Xuất khẩu Tân Tạo đồng ý nâng tiền ăn giữa ca cho toàn bộ công nhân.\nNgày 7-10, Công "
     "đoàn cơ sở Công ty TNHH Thực phẩm Xuất khẩu Tân Tạo (KCN Tân Tạo, quận Bình Tân, TP HCM) phối hợp Ban Giám đốc "
     "tổ chức đối thoại định kỳ quý III với hơn 120 công nhân.", "tin",
     "Công đoàn cơ sở Công ty TNHH Thực phẩm Xuất khẩu Tân Tạo", "2024-10-08"),
    # corpus/keys_blind38 (first run): the body named only in a speech's topic title, the topic after it; the
    # speaker line's short `Công đoàn Công ty` is the same body
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH QUẢNG NINH LẦN THỨ XIV, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nCÔNG ĐOÀN CÔNG TY CP GỐM SỨ "
     "ĐÔNG TRIỀU CHĂM LO VIỆC LÀM, ĐỜI SỐNG\nVÀ PHÁT TRIỂN ĐOÀN VIÊN\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nCông ty "
     "hiện có 1.240 lao động.\n\nNgười trình bày: Đặng Thị Thu Hà, Chủ tịch Công đoàn Công ty",
     "tham luận", "Công đoàn cơ sở Công ty cổ phần Gốm sứ Đông Triều", None),
    # corpus/keys_blind40 (first run): a site's masthead in title case over the breadcrumb is no title
    ("Người Lao Động Online\nTrang chủ › Công đoàn › Chăm lo đoàn viên\nThứ Ba, 09/09/2025 15:20 (GMT+7)\n\n"
     "Công đoàn Công ty Thực phẩm An Lạc: 8 tháng chi hơn 1,3 tỉ đồng chăm lo công nhân\nNGỌC HÂN\n\n(NLĐO) - Chiều "
     "8-9, Công đoàn cơ sở Công ty TNHH Thực phẩm An Lạc (phường An Lạc, TP HCM) tổ chức sơ kết hoạt động 8 tháng đầu "
     "năm 2025.", "tin", "Công đoàn cơ sở Công ty TNHH Thực phẩm An Lạc", "2025-09-09"),
    # a department's union under its province's public-employee union: the department takes the province
    ("CÔNG ĐOÀN VIÊN CHỨC TỈNH HÒA BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN SỞ Y TẾ\tĐộc lập - Tự do - "
     "Hạnh phúc\nSố: 12/BC-CĐ\tHòa Bình, ngày 10 tháng 12 năm 2024\n\nBÁO CÁO\nKết quả hoạt động công đoàn năm 2024"
     "\n\nNăm 2024, Công đoàn Sở có 86 đoàn viên.", "báo cáo", "Công đoàn cơ sở Sở Y tế tỉnh Hòa Bình", "2024-12-10"),
    # a letterhead over a report, a place-and-date line (a common official layout)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN\nHà Nội, ngày 05 tháng 3 năm 2023\n\nBÁO CÁO\nTổng kết công tác năm 2022\n\n"
     "Năm 2022, toàn tỉnh có 1.200 công đoàn cơ sở.", "báo cáo", "Liên đoàn Lao động tỉnh Nghệ An", "2023-03-05"),
    # a resolution with the issuing body in the text
    ("NGHỊ QUYẾT\nVề công tác phát triển đoàn viên\n\nBan Chấp hành Công đoàn ngành Y tế tỉnh Thanh Hóa ban hành "
     "Nghị quyết này.", "nghị quyết", "Công đoàn ngành Y tế tỉnh Thanh Hóa", None),
    # a speech whose speaker is in parentheses under its title, with a dotted TP. (corpus/keys_blind4)
    ("THAM LUẬN\nĐỔI MỚI CÁCH LÀM TRONG PHÁT TRIỂN ĐOÀN VIÊN\n(Tham luận của LĐLĐ TP. Bảo Lộc tại Đại hội Công "
     "đoàn tỉnh Lâm Đồng lần thứ X, nhiệm kỳ 2023 - 2028)\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nThành phố có "
     "1.800 doanh nghiệp.", "tham luận", "Liên đoàn Lao động thành phố Bảo Lộc", None),
    # a speaker named on a line of its own ("Tham luận của …"), or by the presenter's office
    ("THAM LUẬN\nĐỔI MỚI CÁCH LÀM TRONG PHÁT TRIỂN ĐOÀN VIÊN\nTham luận của LĐLĐ huyện Tân Kỳ tại Đại hội Công "
     "đoàn tỉnh Nghệ An\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nHuyện có 1.800 doanh nghiệp.", "tham luận",
     "Liên đoàn Lao động huyện Tân Kỳ", None),
    ("THAM LUẬN\nĐỔI MỚI CÁCH LÀM TRONG PHÁT TRIỂN ĐOÀN VIÊN\nNgười trình bày: đồng chí Lê Văn A, Chủ tịch LĐLĐ "
     "huyện Quỳ Hợp\n\nKính thưa Đoàn Chủ tịch Đại hội!\n\nHuyện có 900 doanh nghiệp.", "tham luận",
     "Liên đoàn Lao động huyện Quỳ Hợp", None),
    # a congress line over the kind word; the speaker's company in parentheses, lowercase words and all
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH BÌNH ĐỊNH LẦN THỨ XIV, NHIỆM KỲ 2023 - 2028\nTHAM LUẬN\nPHÁT HUY VAI TRÒ CÔNG ĐOÀN "
     "TRONG ĐỐI THOẠI\n(Công đoàn cơ sở Công ty Cổ phần Dược - Trang thiết bị y tế Bình Định)\n\nNăm 2022, Công ty "
     "có 925 lao động.", "tham luận", "Công đoàn cơ sở Công ty Cổ phần Dược - Trang thiết bị y tế Bình Định", None),
    # … but a line in parentheses that is a sentence names no speaker
    ("THAM LUẬN\nPHÁT HUY VAI TRÒ CÔNG ĐOÀN\n(Công đoàn cơ sở đã tổ chức 4 cuộc đối thoại tại Công ty Long Hải)\n\n"
     "Năm 2022, công ty có 925 lao động.", "tham luận", None, None),
    # a news lead that names the hall before the body: `Hội trường` is a room, not a school (session 10)
    ("Trang chủ » Tin tức\nDiễn Châu: Ra mắt 3 công đoàn cơ sở mới\n12/03/2024 14:20\nSáng 11/3, tại Hội trường UBND "
     "huyện Diễn Châu, Liên đoàn Lao động huyện Diễn Châu tổ chức lễ ra mắt 3 CĐCS với 186 đoàn viên.", "tin",
     "Liên đoàn Lao động huyện Diễn Châu", "2024-03-12"),
    # a news title opened by its place, a lead that names the federation without it (session 10)
    ("Trang chủ > Tin tức\nDiễn Châu: Ra mắt 3 công đoàn cơ sở mới\n12/03/2024 14:20\nNgày 11/3, LĐLĐ huyện tổ chức lễ ra "
     "mắt 3 CĐCS tại các doanh nghiệp trên địa bàn với 186 đoàn viên.", "tin", "Liên đoàn Lao động huyện Diễn Châu",
     "2024-03-12"),
    # a news item's subject named without its place, on the site of the body that gives it (its banner), which
    # is no issuer (session 10)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN\nTrang chủ > Tin tức\nCông đoàn Viên chức tỉnh tổ chức Hội thao năm 2024\n"
     "Cập nhật: 12/05/2024\nSáng 11/5, Công đoàn Viên chức tỉnh tổ chức Hội thao chào mừng Tháng Công nhân với 650 đoàn "
     "viên tham gia.", "tin", "Công đoàn Viên chức tỉnh Nghệ An", "2024-05-12"),
    # the title names whose report it is (with a committee's title; `Chương trình … của LĐLĐ tỉnh` is cited, seed 002)
    ("BÁO CÁO\nKết quả hoạt động 6 tháng đầu năm 2024\ncủa Ban Chấp hành Công đoàn cơ sở Công ty TNHH Giày Ngọc Hà\n\n"
     "Công ty có 2.150 lao động.\nNgọc Hà, ngày 28 tháng 6 năm 2024", "báo cáo", "Công đoàn cơ sở Công ty TNHH Giày Ngọc Hà",
     "2024-06-28"),
    # a speech under the congress's name: its speaker line, not the congress's host (`… LẦN THỨ XIII` ends that name)
    ("THAM LUẬN\nTẠI ĐẠI HỘI CÔNG ĐOÀN HUYỆN QUỲNH LƯU LẦN THỨ XIII, NHIỆM KỲ 2023 - 2028\nCông đoàn cơ sở xã Quỳnh "
     "Thạch\n\nKính thưa Đại hội!\nCông đoàn cơ sở xã Quỳnh Thạch có 42 đoàn viên.", "tham luận",
     "Công đoàn cơ sở xã Quỳnh Thạch", None),
    # corpus/keys_blind10/11 first runs:
    # a newspaper's banner names the province of a federation its item names bare
    ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH QUẢNG TRỊ\nXã hội › Lao động - Việc làm\nCông đoàn tỉnh: 9 tháng kết nạp hơn 3.600 "
     "đoàn viên\nThứ Năm, 16/10/2025 - 14:20\n(QTO) - Chiều 15/10, Liên đoàn Lao động tỉnh tổ chức hội nghị sơ kết. Trước "
     "đó, LĐLĐ tỉnh Quảng Bình (cũ) kết nạp 1.286 đoàn viên.", "tin", "Liên đoàn Lao động tỉnh Quảng Trị", "2025-10-16"),
    # a speech whose body is named only in its closing formula
    ("THAM LUẬN\nNÂNG CAO HIỆU QUẢ PHÁT TRIỂN ĐOÀN VIÊN\n\nKính thưa Đại hội!\nCông đoàn cơ sở Công ty TNHH Bao bì Tân Mỹ "
     "kết nạp 300 đoàn viên.\n\nTrên đây là tham luận của LĐLĐ huyện Đức Hòa. Kính chúc Đại hội thành công tốt đẹp!",
     "tham luận", "Liên đoàn Lao động huyện Đức Hòa", None),
    # … or in its signature under the host's name over the event
    ("HỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2024\nCÔNG ĐOÀN NGÀNH Y TẾ TỈNH SƠN LA\n\nTHAM LUẬN\nCông đoàn đồng hành\n\n"
     "Kính thưa các đồng chí lãnh đạo Công đoàn ngành Y tế tỉnh!\nNăm 2024 Công đoàn thăm hỏi 52 lượt đoàn viên.\n"
     "Xin trân trọng cảm ơn!\n\nCÔNG ĐOÀN CƠ SỞ BỆNH VIỆN ĐA KHOA THUẬN CHÂU", "tham luận",
     "Công đoàn cơ sở Bệnh viện Đa khoa Thuận Châu", None),
    # a web page's title `Tham luận của …:` is a speech, dated by the page
    ("Trang chủ » Tin tức » Công đoàn ngành\nTham luận của CĐGD Gia Lai: Chăm lo thiết thực cho nữ nhà giáo\n12/06/2025 "
     "08:45\n\nKính thưa các đồng chí lãnh đạo!\nHiện nay, Công đoàn ngành quản lý 598 CĐCS.", "tham luận",
     "Công đoàn Giáo dục tỉnh Gia Lai", "2025-06-12"),
    # a header's short form the body spells out; a unit the body names with its place
    ("LĐLĐ HUYỆN PHONG THỔ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBCH CĐCS TRƯỜNG THCS TT PHONG THỔ\tĐộc lập - Tự do - "
     "Hạnh phúc\nSố: 09/KH-CĐCS\tPhong Thổ, ngày 08 tháng 10 năm 2024\n\nKẾ HOẠCH\nHoạt động năm học\n\nHiện nay, "
     "Trường THCS Thị trấn Phong Thổ có 48 cán bộ, giáo viên.", "kế hoạch",
     "Công đoàn cơ sở Trường THCS Thị trấn Phong Thổ", "2024-10-08"),
    ("LĐLĐ TỈNH CÀ MAU\nCĐCS BỆNH VIỆN SẢN - NHI\nSố: 12/TTr-CĐCS\nCà Mau, ngày 24 tháng 11 năm 2025\n\nTỜ TRÌNH\n"
     "Về việc hỗ trợ\n\nCông đoàn cơ sở Bệnh viện Sản - Nhi tỉnh Cà Mau trực thuộc Liên đoàn Lao động tỉnh có 410 đoàn "
     "viên.", "tờ trình",
     "Công đoàn cơ sở Bệnh viện Sản - Nhi tỉnh Cà Mau", "2025-11-24"),
    # a speaker line that names its unit bare (`Chủ tịch Công đoàn Trường`) under a title naming the unit
    ("CÔNG ĐOÀN GIÁO DỤC VIỆT NAM\nHỘI NGHỊ CÔNG TÁC CÔNG ĐOÀN CÁC TRƯỜNG ĐẠI HỌC, CAO ĐẲNG\n\nTHAM LUẬN\nKINH NGHIỆM "
     "CHĂM LO ĐỜI SỐNG VIÊN CHỨC\nỞ TRƯỜNG ĐẠI HỌC ĐỒNG THÁP\n(ThS. Lê Thị Bích Ngọc, Chủ tịch Công đoàn Trường)\nKính "
     "thưa Hội nghị!\n\nCông đoàn Trường hiện có 486 đoàn viên.", "tham luận",
     "Công đoàn cơ sở Trường Đại học Đồng Tháp", None),
    # a capital's newspaper over a bare `LĐLĐ Thành phố`
    ("LAO ĐỘNG THỦ ĐÔ\nTrang chủ » Công đoàn\n\nCông đoàn Thủ đô: 9 tháng phát triển hơn 41.000 đoàn viên\n\n15/10/2025 - "
     "09:30 (GMT+07:00)\n\n(LĐTĐ) Chiều 14/10, Ban Thường vụ LĐLĐ Thành phố tổ chức hội nghị đánh giá kết quả công tác.",
     "tin", "Liên đoàn Lao động thành phố Hà Nội", "2025-10-15"),
    # a sector union a speech names without its place, at a province's congress (corpus/keys_blind15)
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH BẾN TRE LẦN THỨ XI, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nGIỮ CHÂN NGƯỜI LAO ĐỘNG\nTrình bày: "
     "Đ/c Võ Thị Kim Loan - Chủ tịch CĐN NN&PTNT\n\nKính thưa Đoàn Chủ tịch Đại hội!\nNgành có 42 CĐCS.", "tham luận",
     "Công đoàn ngành Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre", None),
    # a news lead that names the national federation as co-organizer first: the local body's item
    ("Trang chủ / Công đoàn\nAn Giang: Sớm trao hơn 1.200 phần quà Tết\nCập nhật: 15:30 | 20/12/2025\n(LĐCĐ) - Sáng "
     "20/12, tại phường Rạch Giá, Tổng Liên đoàn Lao động Việt Nam phối hợp với LĐLĐ tỉnh An Giang tổ chức Chương trình "
     "Tết Sum vầy.", "tin", "Liên đoàn Lao động tỉnh An Giang", "2025-12-20"),
    # a district named by its number
    ("Trang chủ / Tin tức\nQuận 12: Trao 800 suất quà Tết\n20/01/2024 08:00\n(NLĐO) - Sáng 19/1, LĐLĐ Quận 12 tổ chức "
     "chương trình Tết Sum vầy cho công nhân.", "tin", "Liên đoàn Lao động quận 12", "2024-01-20"),
    # the place-and-date line at the end, its place's capital with a tone mark (`Mường Ảng`)
    ("LĐLĐ TỈNH ĐIỆN BIÊN\nLĐLĐ HUYỆN MƯỜNG ẢNG\n\nTHAM LUẬN\nĐổi mới cách làm\n\nKính thưa các đồng chí!\nHuyện có 48 "
     "doanh nghiệp.\nXin trân trọng cảm ơn các đồng chí!\n\nMường Ảng, ngày 09 tháng 7 năm 2024", "tham luận",
     "Liên đoàn Lao động huyện Mường Ảng", "2024-07-09"),
    # corpus/keys_blind17: a header that writes `LIÊN ĐOÀN LĐ`; a speech a web page carries, its editor's note
    # naming the speaker under the site's banner
    ("LIÊN ĐOÀN LĐ TỈNH ĐẮK NÔNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLIÊN ĐOÀN LĐ HUYỆN ĐẮK MIL      Độc lập - Tự "
     "do - Hạnh phúc\nSố: 05/KH-LĐLĐ         Đắk Mil, ngày 25 tháng 01 năm 2024\n\nKẾ HOẠCH\nPhát triển đoàn viên năm 2024",
     "kế hoạch", "Liên đoàn Lao động huyện Đắk Mil", "2024-01-25"),
    ("CÔNG ĐOÀN CAO SU VIỆT NAM\nTrang chủ › Hoạt động công đoàn › Diễn đàn\n\nChăm lo công nhân cao su\nThứ Năm, "
     "16/01/2025 - 15:20\n\n(Tham luận của Công đoàn Công ty TNHH MTV Cao su Chư Păh tại Hội nghị tổng kết công tác công "
     "đoàn năm 2024 của Công đoàn Cao su Việt Nam)\n\nCông ty quản lý hơn 7.400 ha cao su.", "tham luận",
     "Công đoàn cơ sở Công ty TNHH MTV Cao su Chư Păh", "2025-01-16"),
    # a speech's footnote names its speaker, the host's name under the event's (corpus/keys_blind16)
    ("HỘI NGHỊ TỔNG KẾT NĂM HỌC 2023 - 2024\nCÔNG ĐOÀN GIÁO DỤC TỈNH PHÚ YÊN\n\nTHAM LUẬN(*)\nĐổi mới hoạt động\n\nKính "
     "thưa Hội nghị!\nCông đoàn có 86 đoàn viên.\nXin trân trọng cảm ơn!\n_______________\n(*) Tham luận của Công đoàn "
     "Trường THPT Nguyễn Trường Tộ (thị xã Sông Cầu) trình bày tại Hội nghị.", "tham luận",
     "Công đoàn cơ sở Trường THPT Nguyễn Trường Tộ", None),
    # a speech whose federation is named bare in a sentence that names its place (corpus/keys_blind18)
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH NGHỆ AN LẦN THỨ XIX, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\nCHĂM LO ĐOÀN VIÊN Ở HUYỆN MIỀN NÚI\n\n"
     "Kính thưa Đại hội!\n\nThanh Chương là huyện miền núi phía tây Nghệ An, nơi LĐLĐ huyện hiện quản lý 94 CĐCS. CĐCS Công ty "
     "cổ phần Chè Hạnh Lâm có 320 đoàn viên.", "tham luận", "Liên đoàn Lao động huyện Thanh Chương", None),
    # a speaker line `Đồng chí … - Chủ tịch <ORG>` under the title
    ("THAM LUẬN\n“Nâng cao hiệu quả đối thoại”\nĐồng chí Trần Văn Bình - Chủ tịch Công đoàn Tổng Công ty Cao su Đồng "
     "Nai\n\nKính thưa Đại hội!\nTổng Công ty hiện có 14.200 lao động.", "tham luận",
     "Công đoàn Tổng Công ty Cao su Đồng Nai", None),
    # the body over an event's name is its host; the speaker is the body the speech first names as a subject,
    # though a body before `tổ chức` is named later (corpus/keys_blind9: the host came out as the speaker)
    ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG\nHỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2024\nĐà Nẵng, tháng 01 năm 2025\n\n"
     "THAM LUẬN\nNâng cao chất lượng Hội nghị cán bộ, công chức, viên chức\n\nKính thưa Hội nghị!\nNăm qua, Công đoàn "
     "Viên chức thành phố Đà Nẵng quản lý 152 CĐCS. Tiêu biểu, CĐCS Sở Tư pháp tổ chức 02 buổi đối thoại.", "tham luận",
     "Công đoàn Viên chức thành phố Đà Nẵng", None),
    # … and with no body named at all, the host
    ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG\nHỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2024\n\nTHAM LUẬN\nChăm lo "
     "đoàn viên\n\nKính thưa Hội nghị!\nNăm qua, toàn thành phố kết nạp 3.000 đoàn viên.", "tham luận",
     "Liên đoàn Lao động thành phố Đà Nẵng", None),
    # a speech whose body is named only in its first sentence
    ("THAM LUẬN\nCÔNG TÁC CHĂM LO ĐỜI SỐNG ĐOÀN VIÊN\n\nKính thưa Đoàn Chủ tịch!\nCông đoàn Giáo dục huyện Krông Pắc "
     "hiện có 52 công đoàn cơ sở với 1.860 đoàn viên.", "tham luận", "Công đoàn Giáo dục huyện Krông Pắc", None),
    # a speech's labels under its title, each a line of its own; `Ý KIẾN THAM LUẬN` (session 11)
    ("Ý KIẾN THAM LUẬN\nĐơn vị: Công đoàn Viên chức tỉnh Bạc Liêu\nNgười trình bày: Nguyễn Thị Lan, Phó Chủ tịch\n\n"
     "Năm qua, Công đoàn Viên chức tỉnh có 86 CĐCS với 7.420 đoàn viên.", "tham luận",
     "Công đoàn Viên chức tỉnh Bạc Liêu", None),
    # a web page carrying a speech: its title opens with the kind, its lead names the speaker (keys_blind22)
    ("BÁO TÂY NINH ĐIỆN TỬ\nTrang chủ › Chính trị › Đại hội Công đoàn tỉnh\nThứ Sáu, 20/10/2023 - 07:45\n\n"
     "Tham luận tại Đại hội: Phát triển đoàn viên trong doanh nghiệp có vốn đầu tư nước ngoài\n\n(BTNO) - Tại Đại hội "
     "đại biểu Công đoàn tỉnh Tây Ninh lần thứ XI, đồng chí Lê Thị Mỹ Dung, Chủ tịch LĐLĐ thị xã Trảng Bàng trình bày "
     "tham luận về công tác phát triển đoàn viên.\n\nThị xã hiện có 152 CĐCS với 68.930 đoàn viên.", "tham luận",
     "Liên đoàn Lao động thị xã Trảng Bàng", "2023-10-20"),
    # keys_blind23 (first run): a news item's union named by its unit's word after the lead named the unit whole; a
    # newspaper's banner over its breadcrumb is no headline; a booklet's running footer names the speaker
    ("BÁO CẦN THƠ\nTrang chủ › Xã hội › Lao động - Việc làm\n\nKhi công nhân thủy sản có \"điểm tựa\"\n"
     "Cập nhật: 08:45, 15/09/2025\n\n(CT) - Với gần 1.900 lao động, Công ty TNHH Thủy sản Mỹ Xuyên (xã Mỹ Xuyên) là "
     "một trong những doanh nghiệp chế biến lớn của khu vực Sóc Trăng cũ. Công đoàn công ty được công nhân gọi vui là "
     "nhà chung.", "tin", "Công đoàn cơ sở Công ty TNHH Thủy sản Mỹ Xuyên", "2025-09-15"),
    ("NGƯỜI LAO ĐỘNG\nCông đoàn › Chăm lo người lao động\n\nThừa Thiên - Huế dành hơn 12 tỉ đồng chăm lo Tết\n"
     "11-12-2024 - 16:20 | Tin, ảnh: Quang Nhật\n\n(NLĐO) - Ngày 11-12, LĐLĐ tỉnh Thừa Thiên - Huế cho biết đã ban "
     "hành kế hoạch chăm lo Tết cho khoảng 18.000 đoàn viên, người lao động. LĐLĐ TP Đà Nẵng trao 1.000 suất quà.",
     "tin", "Liên đoàn Lao động tỉnh Thừa Thiên Huế", "2024-12-11"),
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH NINH BÌNH LẦN THỨ XIII, NHIỆM KỲ 2023 - 2028\n\nPHÁT TRIỂN ĐOÀN VIÊN Ở VÙNG BIỂN KIM SƠN\n\n"
     "Kính thưa Đoàn Chủ tịch Đại hội!\n\nHuyện chúng tôi hiện có 2 cụm công nghiệp với hơn 11.000 lao động.\n\n"
     "Kỷ yếu Đại hội - Tham luận của LĐLĐ huyện Kim Sơn                  Trang 37\n\n"
     "Công tác chăm lo được quan tâm: trong nhiệm kỳ xây mới 26 nhà.", "tham luận", "Liên đoàn Lao động huyện Kim Sơn",
     None),
    # keys_blind24 (first run): a social-media post (the page's name over its time line); a news item whose lead names
    # the federation bare, its title names it with its province
    ("Công đoàn Cty TNHH Linh kiện Điện tử Đồng Văn\n16 tháng 8 lúc 20:15 · 🌏\n\n💬 ĐỐI THOẠI ĐỊNH KỲ NĂM 2025\n\n"
     "Chiều 15/8, Công đoàn Công ty phối hợp với Ban Giám đốc tổ chức hội nghị đối thoại với 85 đại diện.", "tin",
     "Công đoàn cơ sở Công ty TNHH Linh kiện Điện tử Đồng Văn", None),
    ("Trang chủ > Chính trị > Công đoàn\n\nThứ Sáu, 12/07/2024 09:45 (GMT+7)\n\nCông đoàn Hải Dương 6 tháng kết nạp "
     "gần 6.900 đoàn viên\n\n(BHD) - Sáng 11/7, Liên đoàn Lao động tỉnh tổ chức hội nghị sơ kết công tác công đoàn 6 "
     "tháng đầu năm 2024. Đồng chí Nguyễn Thị Hằng, Chủ tịch LĐLĐ tỉnh chủ trì hội nghị.", "tin",
     "Liên đoàn Lao động tỉnh Hải Dương", "2024-07-12"),
    # keys_blind25 (first run): a decision that issues the plan it carries is the plan, under the decision's header
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH THUẬN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG TP. PHAN RANG - THÁP "
     "CHÀM\tĐộc lập - Tự do - Hạnh phúc\nSố: 18/QĐ-LĐLĐ\tPhan Rang - Tháp Chàm, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n"
     "Về việc ban hành Kế hoạch phát triển đoàn viên năm 2024\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phát "
     "triển đoàn viên năm 2024.\n\nKẾ HOẠCH\nPhát triển đoàn viên năm 2024\n(Kèm theo Quyết định số 18/QĐ-LĐLĐ ngày "
     "05/3/2024 của Ban Thường vụ)\n\nI. TÌNH HÌNH\nNăm 2023, toàn thành phố kết nạp 684 đoàn viên.", "kế hoạch",
     "Liên đoàn Lao động thành phố Phan Rang - Tháp Chàm", "2024-03-05"),
    ("QUYẾT ĐỊNH\nVề việc khen thưởng năm 2024\n\nĐiều 1. Khen thưởng 12 tập thể.", "quyết định", None, None),
    # a report on its own congress's resolution (session 11)
    ("BÁO CÁO TÓM TẮT\nKết quả thực hiện Nghị quyết Đại hội Công đoàn huyện Đức Phổ nhiệm kỳ 2018 - 2023\n\n"
     "Nhiệm kỳ qua, LĐLĐ huyện kết nạp 2.840 đoàn viên, đạt 113% chỉ tiêu.", "báo cáo",
     "Liên đoàn Lao động huyện Đức Phổ", None),
    # a report whose header the copy lost: its title names the body whole after the work it reports (session 11)
    ("BÁO CÁO\nKết quả hoạt động Công đoàn Khối các cơ quan tỉnh Tuyên Quang năm 2023\n\nNăm 2023, Công đoàn "
     "Khối có 96 CĐCS trực thuộc với 5.820 đoàn viên.", "báo cáo", "Công đoàn Khối các cơ quan tỉnh Tuyên Quang", None),
    ("BÁO CÁO\nTổng kết công tác Liên đoàn Lao động huyện Mường Tè năm 2023\n\nNăm 2023 kết nạp 120 "
     "đoàn viên.", "báo cáo", "Liên đoàn Lao động huyện Mường Tè", None),
    # guidance
    ("HƯỚNG DẪN\nThực hiện công tác thi đua năm 2024\n\nCông đoàn Viên chức Việt Nam hướng dẫn như sau.",
     "hướng dẫn", None, None),
]


@pytest.mark.parametrize("crumb", ["Trang chủ / Tin tức / Công đoàn cấp trên cơ sở",
                                   "Trang chủ > Công đoàn > Hoạt động công đoàn cơ sở", "Home » Tin tức",
                                   "Công đoàn > Chăm lo Tết"])  # corpus/keys_blind3: no "Trang chủ"
def test_a_breadcrumb_is_no_title(crumb):
    # corpus/keys_blind2: a news page saved as text kept its breadcrumb as the title
    (d,) = seg(f"{crumb}\n\nLĐLĐ thị xã Phú Mỹ: Năm 2023 hỗ trợ xây dựng 06 nhà Mái ấm Công đoàn\n\n"
               "Ngày đăng: 12/01/2024 | 15:20\n\nNgày 11/1, Liên đoàn Lao động thị xã Phú Mỹ tổ chức hội nghị "
               "tổng kết công tác công đoàn năm 2023, triển khai nhiệm vụ năm 2024 với nhiều nội dung quan trọng.")
    assert d.kind == "tin" and d.title.startswith("LĐLĐ thị xã Phú Mỹ: Năm 2023")


def test_a_byline_line_under_the_title_dates_the_item():
    # corpus/keys_blind3: "20/01/2025 09:12 GMT+7" was joined to the title and the item had no date
    (d,) = seg("Công đoàn > Chăm lo Tết\n\nBình Thuận: Hơn 25.000 đoàn viên được chăm lo Tết Ất Tỵ\n\n"
               "20/01/2025 09:12 GMT+7\n\n(NLĐO) - Dịp Tết Nguyên đán Ất Tỵ 2025, các cấp công đoàn tỉnh Bình "
               "Thuận dành hơn 16 tỷ đồng chăm lo cho đoàn viên, người lao động.")
    assert (d.kind, d.date) == ("tin", "2025-01-20")
    assert d.title == "Bình Thuận: Hơn 25.000 đoàn viên được chăm lo Tết Ất Tỵ"


@pytest.mark.parametrize("text,kind,org,date", OWN)
def test_own_forms(text, kind, org, date):
    (d,) = seg(text)
    assert d.kind == kind
    if org:
        assert d.organization and d.organization.lower() == org.lower()
    assert d.date == date


def test_a_title_about_the_work_of_grassroots_unions_names_no_body():
    # `hoạt động công đoàn cơ sở` is the work of unions, not a body (corpus/audit 33: the title took the speaker's
    # place from the line under it)
    (d,) = seg("THAM LUẬN\nĐổi mới tổ chức và hoạt động công đoàn cơ sở\nCông đoàn các Khu công nghiệp tỉnh Bắc Ninh\n\n"
               "Năm 2023, Công đoàn các Khu công nghiệp tỉnh có 112 CĐCS với 45.300 đoàn viên.")
    assert not d.organization.lower().startswith("công đoàn cơ sở")


def test_a_title_naming_a_bare_level_names_no_body():
    # a title's `công tác Công đoàn cơ sở` is a level, not the document's body (session 11)
    (d,) = seg("KẾ HOẠCH\nChỉ đạo công tác Công đoàn cơ sở nhiệm kỳ 2023 - 2028\n\nPhấn đấu 100% CĐCS tổ chức Đại hội.")
    assert d.organization is None


def test_two_speeches_in_one_file():
    body = "Kết quả hoạt động công đoàn năm qua đạt nhiều thành tích. " * 20
    text = (f"THAM LUẬN\n“Công tác phát triển đoàn viên”\nLiên đoàn Lao động huyện Yên Thành\n\n{body}\n\n"
            f"Xin trân trọng cảm ơn!\n\nTHAM LUẬN\n“Chăm lo đời sống”\nCông đoàn ngành Giáo dục Hà Tĩnh\n\n{body}")
    docs = seg(text)
    assert [d.organization for d in docs] == ["Liên đoàn Lao động huyện Yên Thành", "Công đoàn ngành Giáo dục Hà Tĩnh"]
    assert docs[1].text.startswith("THAM LUẬN")


def test_a_speaker_in_parentheses_under_the_title():
    # corpus/keys_blind5: "(Công đoàn Viên chức tỉnh Lai Châu)" on a line of its own; the speech had no organization
    path = SEEDS.parent / "keys_blind5" / "tham_luan_cdvc_lai_chau_2023.txt"
    (ex,) = extract_file(path).documents
    assert (ex.document.kind, ex.document.organization) == ("tham luận", "Công đoàn Viên chức tỉnh Lai Châu")


@pytest.mark.parametrize("found,body,whole", [
    # a header name cut short takes the longer form its body writes
    ("CĐCS Công ty cổ phần", "Năm 2024, CĐCS Công ty cổ phần Chè Hùng Lĩnh kết nạp 26 đoàn viên.",
     "Công đoàn cơ sở Công ty cổ phần Chè Hùng Lĩnh"),
    # no organization found: the body's most frequent subject in its opening (twice at least)
    (None, "Công đoàn ngành Y tế tỉnh Hà Tĩnh có 62 CĐCS. Năm 2023, Công đoàn ngành Y tế tỉnh Hà Tĩnh kết nạp "
           "410 đoàn viên.", "Công đoàn ngành Y tế tỉnh Hà Tĩnh"),
    (None, "Thực hiện Kế hoạch của LĐLĐ tỉnh Hà Tĩnh, kết nạp 410 đoàn viên.", None),  # a cited plan's owner
    # a place that ends like an opener is no cut-short name (`Hải Phòng`, not `Phòng`)
    ("Liên đoàn Lao động thành phố Hải Phòng", "Liên đoàn Lao động thành phố Hải Phòng Độc lập …",
     "Liên đoàn Lao động thành phố Hải Phòng"),
])
def test_the_whole_organization(found, body, whole):
    from extractors.orgnames import canonical_organization
    from extractors.segment import _whole_organization
    assert canonical_organization(_whole_organization(found, body)) == whole


@pytest.mark.parametrize("verb", __import__("extractors.lang", fromlist=["load"]).load("segment.yaml")["org_stop_verbs"])
def test_every_stop_verb_ends_a_name_before_a_capitalized_word(verb):
    from extractors.docmeta import organizations_in
    assert organizations_in(f"Liên đoàn Lao động thành phố Hạ Long {verb} Hội nghị Ban Chấp hành") == [
        "Liên đoàn Lao động thành phố Hạ Long"]


def test_a_title_set_on_two_lines_by_a_word_processor():
    # corpus/keys_blind9_renderings/docx: the title's second line (lowercase) is its own paragraph
    (d,) = seg("LĐLĐ TỈNH BÌNH ĐỊNH\nLĐLĐ TP QUY NHƠN\nSố: 31/TB-LĐLĐ\n\nTHÔNG BÁO\n\nKết luận của Thường trực Liên đoàn "
               "Lao động thành phố\n\ntại buổi làm việc với Công đoàn cơ sở Công ty cổ phần Thủy sản Ghềnh Ráng\n\n"
               "Ngày 10/10/2024, Thường trực LĐLĐ thành phố làm việc với CĐCS.")
    assert d.title == ("Kết luận của Thường trực Liên đoàn Lao động thành phố tại buổi làm việc với Công đoàn cơ sở "
                       "Công ty cổ phần Thủy sản Ghềnh Ráng")


def test_a_news_banner_is_no_issuer():
    (d,) = seg("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN\nTrang chủ > Tin tức\nCông đoàn Viên chức tỉnh tổ chức Hội thao\n"
               "Cập nhật: 12/05/2024\nSáng 11/5, Công đoàn Viên chức tỉnh tổ chức Hội thao với 650 đoàn viên tham gia.")
    assert (d.kind, d.issuer, d.superior) == ("tin", None, None)
    # corpus/keys_blind69 (first run): the site's name before ` - Cổng thông tin điện tử …` is its masthead
    (d,) = seg("CÔNG ĐOÀN GIA LAI - Cổng thông tin điện tử Liên đoàn Lao động tỉnh Gia Lai\nTrang chủ | Tin tức - Sự kiện"
               " | Hoạt động Công đoàn\n9 tháng, các cấp công đoàn Gia Lai kết nạp hơn 6.500 đoàn viên\nCập nhật: "
               "14/10/2025 | 15:20 | Lượt xem: 286\nChiều 13/10, Ban Thường vụ LĐLĐ tỉnh tổ chức hội nghị sơ kết.")
    assert (d.kind, d.title) == ("tin", "9 tháng, các cấp công đoàn Gia Lai kết nạp hơn 6.500 đoàn viên")


def test_an_event_heading_governs_no_figure():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "tl.txt"
        p.write_text("THAM LUẬN\nTẠI ĐẠI HỘI CÔNG ĐOÀN HUYỆN QUỲNH LƯU LẦN THỨ XIII, NHIỆM KỲ 2023 - 2028\nCông đoàn cơ sở "
                     "xã Quỳnh Thạch\n\nKính thưa Đại hội!\nNhiệm kỳ qua đã kết nạp 15 đoàn viên mới.", encoding="utf-8")
        (ex,) = extract_file(p).documents
    assert [f.organization for f in ex.figures] == ["Công đoàn cơ sở xã Quỳnh Thạch"]


def test_a_level_word_is_no_unit_to_complete():
    # tests/test_spreadsheets.py found it: a bare `CĐCS` cell was completed from a heading
    # `… CÔNG ĐOÀN CƠ SỞ VÀ PHÁT TRIỂN ĐOÀN VIÊN` (`sở` is a level's word, `Sở` a unit's)
    from extractors.segment import _unit_named_whole
    assert _unit_named_whole("CĐCS", "KẾT QUẢ THÀNH LẬP CÔNG ĐOÀN CƠ SỞ VÀ PHÁT TRIỂN ĐOÀN VIÊN") == "CĐCS"
    assert _unit_named_whole("Công đoàn Trường", "KINH NGHIỆM Ở TRƯỜNG ĐẠI HỌC ĐỒNG THÁP") == \
        "Công đoàn Trường Đại học Đồng Tháp"  # official case since `Trường Đại học` is language data (session 11)


def test_a_heads_abbreviation_in_brackets_does_not_end_the_name():
    # corpus/keys_blind19: `Công đoàn cơ sở (CĐCS) Công ty TNHH Giày Kim Hưng Việt Nam (KCN Nhơn Trạch 3)`
    from extractors.docmeta import organizations_in
    assert organizations_in("Với 6.240 công nhân, Công đoàn cơ sở (CĐCS) Công ty TNHH Giày Kim Hưng Việt Nam (KCN Nhơn "
                            "Trạch 3) là một trong những CĐCS lớn") == ["Công đoàn cơ sở Công ty TNHH Giày Kim Hưng Việt Nam"]
    assert organizations_in("Công đoàn cơ sở (xem phụ lục) có 40 đoàn viên") == ["Công đoàn cơ sở"]


@pytest.mark.parametrize("text,names", [
    # corpus/keys_blind21 (first run): a branch is part of a name (`… NHCSXH chi nhánh tỉnh Lai Châu`) ...
    ("Chủ tịch CĐCS NHCSXH chi nhánh tỉnh Lai Châu phát biểu", ["Công đoàn cơ sở NHCSXH chi nhánh tỉnh Lai Châu"]),
    ("Công đoàn Agribank chi nhánh Lai Châu có 80 đoàn viên", ["Công đoàn Agribank chi nhánh Lai Châu"]),
    # `và` before a body's head joins two bodies, not two halves of one name (corpus/keys_blind21, first run)
    ("LĐLĐ TP. Ngã Bảy và LĐLĐ huyện Châu Thành A dẫn đầu", ["Liên đoàn Lao động TP. Ngã Bảy",
                                                            "Liên đoàn Lao động huyện Châu Thành A"]),
    ("Công đoàn Viên chức và Công đoàn Giáo dục tỉnh Cà Mau", ["Công đoàn Viên chức", "Công đoàn Giáo dục tỉnh Cà Mau"]),
    # … but a bare level after it is no second body (`… và CĐCS trực thuộc`: corpus/keys_blind2's list stays one)
    ("Công đoàn Khu kinh tế Hải Phòng và CĐCS trực thuộc phấn đấu", ["Công đoàn Khu kinh tế Hải Phòng và CĐCS"]),
    ("Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam", ["Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam"]),
    ("LĐLĐ huyện Củ Chi có 168 doanh nghiệp", ["Liên đoàn Lao động huyện Củ Chi"]),  # a place's `Chi` (keys_blind9)
    # ... but a body that spends or gives ends its name before what it spends on (segment.yaml org_stop_words)
    ("Năm 2024, Công đoàn cơ sở Công ty Hòa Phát chi Tết cho 50 đoàn viên.", ["Công đoàn cơ sở Công ty Hòa Phát"]),
    ("Công đoàn cơ sở Trường Tiểu học Kim Đồng trao Quỹ Mái ấm 50 triệu.", ["Công đoàn cơ sở Trường Tiểu học Kim Đồng"]),
    # a company's business line of three lowercase words (corpus/keys_blind46, first run); `kết nạp` ends a name
    ("Công đoàn cơ sở Công ty TNHH Cơ khí chính xác Tiên Du tổ chức hội nghị",
     ["Công đoàn cơ sở Công ty TNHH Cơ khí chính xác Tiên Du"]),
    ("CĐCS Công ty cổ phần May Hòa Bình kết nạp thêm Hai đoàn viên", ["Công đoàn cơ sở Công ty cổ phần May Hòa Bình"]),
    # a speech's topic title names its body, the topic after it (corpus/keys_blind38, first run)
    ("CÔNG ĐOÀN CÔNG TY CP GỐM SỨ ĐÔNG TRIỀU CHĂM LO VIỆC LÀM, ĐỜI SỐNG", ["CÔNG ĐOÀN CÔNG TY CP GỐM SỨ ĐÔNG TRIỀU"]),
    # a place whose first word is a stop word (`Giao Thủy`) goes on (corpus/keys_blind67, first run)
    ("Biểu dương CĐCS Trường THPT Giao Thủy đã hỗ trợ 06 đoàn viên", ["Công đoàn cơ sở Trường THPT Giao Thủy"]),
    # no name opens with a function word (segment.yaml name_never_opens; corpus/keys_blind68, first run)
    ("CHĂM LO CHỖ Ở, THIẾT CHẾ CÔNG ĐOÀN CHO CÔNG NHÂN – KINH NGHIỆM TỪ MỘT HUYỆN VEN ĐÔ", []),
    ("thay mặt Liên đoàn Lao động huyện Nghi Lộc, tôi xin trình bày", ["Liên đoàn Lao động huyện Nghi Lộc"]),
] + [(f"CÔNG ĐOÀN {w.upper()} CÔNG NHÂN LAO ĐỘNG", []) for w in
     __import__("extractors.lang", fromlist=["load"]).load("segment.yaml")["name_never_opens"]])
def test_where_a_name_goes_on_and_where_it_ends(text, names):
    from extractors.docmeta import organizations_in
    assert organizations_in(text)[:len(names)] == names  # (the unit inside a union's name is listed after it)


def test_a_speech_a_newspaper_printed_under_a_label_in_square_brackets():
    # corpus/keys_blind26 (first run): `[Tham luận tại Đại hội …]` over the headline, the speaker's name and title under it
    from extractors.extract import extract_file
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    (d,) = [x.document for x in extract_file(str(root / "corpus/keys_blind26/tham_luan_dinh_lap_2023.txt")).documents]
    assert (d.kind, d.organization, d.date) == ("tham luận", "Liên đoàn Lao động huyện Đình Lập", "2023-09-14")


def test_a_header_cell_the_copy_wrapped_is_read_whole():
    # corpus/keys_blind27 (first run): `CĐCS CÔNG TY TNHH GỐM SỨ` / `    TÂN PHƯỚC KHÁNH` beside the motto
    from extractors.extract import extract_file
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    path = root / "corpus/keys_blind27/nghi_quyet_dai_hoi_cdcs_gom_su_tan_phuoc_khanh_2023.txt"
    (d,) = [x.document for x in extract_file(str(path)).documents]
    assert d.organization == "Công đoàn cơ sở Công ty TNHH Gốm sứ Tân Phước Khánh"


@pytest.mark.parametrize("path,organization", [
    # corpus/keys_blind28/29 (first runs):
    # the issuer only in the signature block, its name wrapped over two lines
    ("keys_blind29/chuong_trinh_cdcs_go_phu_my_2025.txt", "Công đoàn cơ sở Công ty cổ phần Chế Biến Gỗ Phù Mỹ"),
    # the site's tag that opens the lead names the site, not the item's union
    ("keys_blind29/tin_cdcs_thpt_tran_quoc_tuan_2024.txt", "Công đoàn cơ sở Trường THPT Trần Quốc Tuấn"),
    # a sector union its header names without a place: the superior's; not the merged-away `(cũ)` one its body names
    ("keys_blind28/cong_van_cdn_giao_duc_hai_phong_2025.txt", "Công đoàn ngành Giáo dục thành phố Hải Phòng"),
    # a company's lowercase words after its legal form
    ("keys_blind28/tin_cdcs_hai_ha_vina_2025.txt", "Công đoàn cơ sở Công ty TNHH Kỹ thuật điện Hải Hà Vina"),
    # keys_blind30/31 (first runs): a `Khối` union without its place under its province federation; lowercase words
    # of a private school's name
    ("keys_blind31/bao_cao_cd_khoi_dcd_ha_giang_2023.txt", "Công đoàn Khối Dân chính Đảng tỉnh Hà Giang"),
    ("keys_blind30/tin_cdcs_tieu_hoc_van_xuan_2024.txt", "Công đoàn cơ sở Trường Tiểu học tư thục Vạn Xuân"),
    # keys_blind32/33 (first runs): a post office's union named with a bare `tỉnh` at a province's congress; a news
    # title's short name over a lead that names the company whole; a speaker line in emphasis markers whose sector
    # begins with a word that also ends names (`Giao`)
    ("keys_blind32/tham_luan_buu_dien_quang_nam_2023.txt", "Công đoàn cơ sở Bưu điện tỉnh Quảng Nam"),
    ("keys_blind33/tin_cdcs_giay_hong_phuc_yen_dinh_2024.txt", "Công đoàn cơ sở Công ty TNHH Giày Hồng Phúc"),
    ("keys_blind33/tham_luan_cdn_gtvt_binh_dinh_2023.txt", "Công đoàn ngành Giao thông vận tải tỉnh Bình Định"),
    # keys_blind35 (first run): a hospital's union named with a bare `TỈNH` under its sector union's line
    ("keys_blind35/nghi_quyet_cdcs_bvdk_bac_giang_2024.txt", "Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Bắc Giang"),
    # keys_blind33: a joint header whose second column's words a copy ran into the union's name
    ("keys_blind33/ke_hoach_lien_tich_may_kim_bang_2025.txt", "Công đoàn cơ sở Công ty cổ phần May Kim Bảng"),
    ("keys_blind32/tin_cdcs_khach_san_sam_son_2025.txt",
     "Công đoàn cơ sở Công ty cổ phần Du lịch và Khách sạn Sầm Sơn"),
])
def test_an_issuer_read_whole(path, organization):
    from extractors.extract import extract_file
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    (d,) = [x.document for x in extract_file(str(root / "corpus" / path)).documents]
    assert d.organization == organization


def test_a_report_sent_by_e_mail_takes_its_kind_from_the_subject_line():
    # corpus/keys_blind30 (first run): `Chủ đề: Báo cáo nhanh kết quả chăm lo Tết …` over the report
    from extractors.extract import extract_file
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    (d,) = [x.document for x in extract_file(str(root / "corpus/keys_blind30/bao_cao_nhanh_quynh_luu_2025.txt")).documents]
    assert (d.kind, d.organization) == ("báo cáo", "Liên đoàn Lao động huyện Quỳnh Lưu")


@pytest.mark.parametrize("name,whole", [
    ("CÔNG ĐOÀN CƠ SỞ CÔNG TY MAY KIM BẢNG CP MAY KIM BẢNG", "CÔNG ĐOÀN CƠ SỞ CÔNG TY CP MAY KIM BẢNG"),
    ("Công đoàn cơ sở Công ty TNHH May Hòa Bình", "Công đoàn cơ sở Công ty TNHH May Hòa Bình"),  # nothing repeated
])
def test_a_header_name_interleaved_with_the_next_column(name, whole):
    from extractors.segment import _one_column
    assert _one_column(name) == whole
