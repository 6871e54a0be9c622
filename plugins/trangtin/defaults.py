"""What every site shares: the content model, URLs, plugins, theme and photos.

A site's pelicanconf.py starts with `from trangtin.defaults import *` and then
says only who it is: SITENAME, NEWS_PUBLIC_URL, NEWS_AGENCY, NEWS_CATEGORIES,
NEWS_LINKS, NEWS_EMBLEM. Any value here may be set again below that line.
Its publishconf.py is `globals().update(production(__file__))`.

Relative paths (PATH, OUTPUT_PATH, CACHE_PATH) are taken from the folder of the
settings file by Pelican, so a site builds the same from any working folder.
"""

import locale as _locale
import os as _os
import runpy as _runpy

import news_theme as _theme

__all__ = [name for name in dir() if name.isupper()]  # filled in at the end of the module

SITEURL = ""
RELATIVE_URLS = False
NEWS_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]
# The emblem in the header: a neutral placeholder from the theme. A site's own
# is a file in content/ listed in STATIC_PATHS and named here by its path.
NEWS_EMBLEM = "theme/img/emblem.svg"

PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = "cache"  # photo derivatives and the content cache (keep it in CI's cache)
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "README.md", "README.txt", "_*"]
READERS = {"html": None, "htm": None, "rst": None}

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
# Never the computer's locale: dates and numbers come from Babel (news_core.vi).
# Pelican's default ("", the environment's LC_ALL or LANG) warns, and so stops a
# publish, when that locale is not installed. Where there is no C.UTF-8 (some
# macOS, Windows), the locale the process already has: setting it cannot fail,
# and unlike "C" it keeps the text encoding.
LOCALE = ("C.UTF-8", _locale.setlocale(_locale.LC_ALL))
WITH_FUTURE_DATES = True  # news_meta decides, from SOURCE_DATE_EPOCH or the clock

THEME = _theme.PATH
NEWS_FONT_FILE = "inter/InterVariable-vi.woff2"  # preloaded; declared in site.css
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

PLUGINS = ["news_meta", "news_gallery", "news_images", "news_site", "news_publish", "news_incremental", "news_admin"]

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

# A ward's usual sections; a site names its own in NEWS_CATEGORIES: name as
# shown, slug in the URL, description, and optionally a short name for the menu.
NEWS_CATEGORIES = [
    {
        "name": "Tin tức - Sự kiện",
        "slug": "tin-tuc-su-kien",
        "description": "Tin tức, sự kiện nổi bật trên địa bàn.",
    },
    {
        "name": "Hoạt động của Đảng ủy - HĐND - Ủy ban MTTQ và các đoàn thể",
        "slug": "dang-uy-hdnd-mttq-doan-the",
        "short": "Đảng ủy - HĐND - MTTQ",
        "description": "Hoạt động của Đảng ủy, Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc "
        "và các đoàn thể, tổ chức chính trị - xã hội.",
    },
    {
        "name": "Hoạt động của UBND",
        "slug": "ubnd",
        "short": "UBND",
        "description": "Chỉ đạo, điều hành và hoạt động của Ủy ban nhân dân.",
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

# The browser editor at /quan-tri/ (news_admin): where it saves, and whether
# publish puts it on the public site. Empty: editors save into this folder from
# the preview (trangtin serve); see docs/bien-tap-tren-trinh-duyet.md.
NEWS_ADMIN = {}
NEWS_ADMIN_PUBLISH = False
NEWS_PRODUCTION = False

# What publishconf.py changes: strict, no drafts, absolute URLs, minified, compressed.
PRODUCTION = {
    "RELATIVE_URLS": False,
    "NEWS_SHOW_DRAFTS": False,
    "DELETE_OUTPUT_DIRECTORY": True,
    "NEWS_MINIFY": True,  # HTML, CSS and JS minified
    "NEWS_COMPRESS": True,  # .gz and .br beside every text file
    "NEWS_PRODUCTION": True,  # news_admin leaves the editor out unless NEWS_ADMIN_PUBLISH
}


def production(settings_file: str, base: str = "pelicanconf.py") -> dict:
    """The production settings of the site whose publishconf.py is `settings_file`:
    its `base` settings (read afresh, never a cached module of another site),
    PRODUCTION over them, and SITEURL from the environment or NEWS_PUBLIC_URL."""
    folder = _os.path.dirname(_os.path.abspath(settings_file))
    values = {k: v for k, v in _runpy.run_path(_os.path.join(folder, base)).items() if k.isupper()}
    values.update(PRODUCTION)
    values["SITEURL"] = _os.environ.get("SITEURL", values.get("NEWS_PUBLIC_URL", ""))
    return values


__all__ = [name for name in dir() if name.isupper() and name != "PRODUCTION"]
