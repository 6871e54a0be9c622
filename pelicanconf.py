"""Development settings: the site's identity, content model and theme.

publishconf.py builds on this file for production.
"""

SITENAME = "Quận Đống Đa"
SITESUBTITLE = "Tin hoạt động"
SITE_AGENCY = "Ủy ban nhân dân quận Đống Đa, thành phố Hà Nội"
SITEURL = ""
RELATIVE_URLS = False
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
}
# Related agencies, linked from every page's footer.
NEWS_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Thông tin điện tử thành phố Hà Nội", "https://hanoi.gov.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng Dịch vụ công thành phố Hà Nội", "https://dichvucong.hanoi.gov.vn"),
]
# The emblem in the header: a neutral placeholder; put the agency's own SVG in
# theme/static/img/ and name it here.
NEWS_EMBLEM = "theme/img/emblem.svg"

PATH = "content"
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "README.md", "README.txt", "_*"]
READERS = {"html": None, "htm": None, "rst": None}

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
# Never the computer's locale: dates and numbers come from Babel (news_meta.vi).
# Pelican's default ("", the environment's LC_ALL or LANG) warns, and so stops a
# publish, when that locale is not installed. Where there is no C.UTF-8 (some
# macOS, Windows), the locale the process already has: setting it cannot fail,
# and unlike "C" it keeps the text encoding.
import locale as _locale  # noqa: E402

LOCALE = ("C.UTF-8", _locale.setlocale(_locale.LC_ALL))
WITH_FUTURE_DATES = True  # news_meta decides, from SOURCE_DATE_EPOCH or the clock

THEME = "theme"
NEWS_FONT_FILE = "inter/InterVariable-vi.woff2"  # preloaded; declared in site.css
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

import os  # noqa: E402

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_meta", "news_gallery", "news_images", "news_site", "news_publish", "news_incremental"]

MARKDOWN = {
    "extensions": ["news_gallery.extension:NewsFigureExtension"],
    "extension_configs": {
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d trong bài"},
        },
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}

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
NEWS_SHOW_DRAFTS = True  # the preview shows drafts and future articles, marked
NEWS_EMBED_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be")  # <iframe> videos articles may embed

# Photos: derivatives are cached by content hash here (keep it in CI's cache).
NEWS_IMAGES_CACHE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cache", "images")
NEWS_IMAGES_WIDTHS = (480, 960, 1600)
NEWS_IMAGES_FORMATS = ("webp", "jpeg")

# Pretty, stable, ASCII URLs: /<category-slug>/<article-slug>/
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = ARTICLE_URL
DRAFT_SAVE_AS = ARTICLE_SAVE_AS
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = "the/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"
# Pages made from the theme alone: home, the archive index, search, 404, about (vi, en).
DIRECT_TEMPLATES = ["index", "archives", "search", "404", "about", "about_en"]
ARCHIVES_URL = "luu-tru/"
ARCHIVES_SAVE_AS = "luu-tru/index.html"
SEARCH_URL = "tim-kiem/"
SEARCH_SAVE_AS = "tim-kiem/index.html"
ABOUT_URL = "gioi-thieu/"
ABOUT_SAVE_AS = "gioi-thieu/index.html"
ABOUT_EN_URL = "en/"
ABOUT_EN_SAVE_AS = "en/index.html"
# Year and month archives (luu-tru/2024/, luu-tru/2024/03/) come from news_site,
# labelled in Vietnamese; Pelican's own would be in English.
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

DEFAULT_PAGINATION = 12
PAGINATED_TEMPLATES = {"category": None, "tag": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

ARTICLE_TRANSLATION_ID = None  # no translations: same slug in two categories is fine
PAGE_TRANSLATION_ID = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Development builds update output/ in place: news_incremental renders and
# writes only what changed and removes pages of deleted articles.
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION = [".news-build"]  # news_build deletes only folders that hold it
