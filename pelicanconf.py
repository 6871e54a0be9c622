"""The sample site: Quận Đống Đa's activity news, kept as an archive since the
district level ended on 1 July 2025. A site says who it is; everything else
comes from trangtin.defaults (see docs/ for what each setting does).

publishconf.py builds on this file for production.
"""

from trangtin.defaults import *  # noqa: F403 - the content model, URLs, plugins, theme, photos

SITENAME = "Quận Đống Đa"
SITESUBTITLE = "Tin hoạt động"
NEWS_SUBTITLE_EN = "Activity news"  # the subtitle in the header of /en/
SITE_AGENCY = "Ủy ban nhân dân quận Đống Đa, thành phố Hà Nội"
# The public address: share links and printouts use it while SITEURL is empty
# (the preview); publishconf.py sets SITEURL to it.
NEWS_PUBLIC_URL = "https://dongda.hanoi.gov.vn"

# The agency, shown in the header, the footer, /gioi-thieu/ and /en/.
# SAMPLE VALUES: an office deploying this site replaces them with its own.
NEWS_AGENCY = {
    "name": "Ủy ban nhân dân quận Đống Đa",
    "name_en": "People's Committee of Dong Da District, Hanoi",
    "address": "Số 99 phố Tôn Đức Thắng, quận Đống Đa, thành phố Hà Nội",
    "address_en": "99 Ton Duc Thang Street, Dong Da District, Hanoi, Vietnam",
    "phone": "024 3851 3474",
    "email": "vanphong@dongda.hanoi.gov.vn",
    "responsible": "Chánh Văn phòng HĐND và UBND quận Đống Đa",
    "responsible_en": "Chief of the Office of the District People's Council and People's Committee",
    "about": "Trang tin hoạt động của quận Đống Đa đăng tin tức, sự kiện và hoạt động "
    "của Quận ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc, "
    "các đoàn thể và các phường trên địa bàn quận.",
    "about_en": "This site publishes the news of Dong Da District, Hanoi: the activities "
    "of the District Party Committee, People's Council, People's Committee, the "
    "Fatherland Front, mass organisations and the wards of the district. Since "
    "1 July 2025, when Vietnam abolished district-level government, it is kept as an "
    "archive. Articles are in Vietnamese.",
    "notice": "Từ ngày 01/07/2025, chính quyền cấp quận kết thúc hoạt động. "
    "Trang này lưu giữ tin hoạt động của quận Đống Đa.",
    "notice_en": "District-level government in Vietnam ended on 1 July 2025. "
    "This site keeps the news of Dong Da District as an archive.",
}
# Related agencies, linked from every page's footer.
NEWS_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Thông tin điện tử thành phố Hà Nội", "https://hanoi.gov.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng Dịch vụ công thành phố Hà Nội", "https://dichvucong.hanoi.gov.vn"),
]
# The district's news sections: name as shown, slug in the URL, description,
# and optionally a short name for the menu.
NEWS_CATEGORIES = [
    {
        "name": "Tin tức - Sự kiện",
        "slug": "tin-tuc-su-kien",
        "description": "Tin tức, sự kiện nổi bật trên địa bàn quận.",
    },
    {
        "name": "Hoạt động của Quận ủy - HĐND - Ủy ban MTTQ và các đoàn thể, CTXH",
        "slug": "quan-uy-hdnd-mttq-doan-the",
        "short": "Quận ủy - HĐND - MTTQ",
        "description": "Hoạt động của Quận ủy, Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc "
        "và các đoàn thể, tổ chức chính trị - xã hội quận.",
    },
    {
        "name": "Hoạt động của UBND quận",
        "slug": "ubnd-quan",
        "short": "UBND quận",
        "description": "Chỉ đạo, điều hành và hoạt động của Ủy ban nhân dân quận.",
    },
    {
        "name": "Hoạt động của các phường",
        "slug": "cac-phuong",
        "short": "Các phường",
        "description": "Tin hoạt động của các phường trên địa bàn quận.",
    },
    {
        "name": "Kinh tế - Đô thị",
        "slug": "kinh-te-do-thi",
        "description": "Phát triển kinh tế, quản lý đô thị, đất đai và môi trường.",
    },
    {
        "name": "Văn hóa - Xã hội",
        "slug": "van-hoa-xa-hoi",
        "description": "Văn hóa, giáo dục, y tế, an sinh xã hội.",
    },
]
