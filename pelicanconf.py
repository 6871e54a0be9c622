"""Development settings: the site's identity, content model and theme.

publishconf.py builds on this file for production.
"""

SITENAME = "Quận Đống Đa"
SITESUBTITLE = "Tin hoạt động"
SITE_AGENCY = "Ủy ban nhân dân quận Đống Đa, thành phố Hà Nội"
SITEURL = ""
RELATIVE_URLS = False

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
WITH_FUTURE_DATES = True  # news_meta decides, from SOURCE_DATE_EPOCH or the clock

THEME = "theme"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

import os  # noqa: E402

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_meta", "news_gallery", "news_images"]

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

# The district's news sections: name as shown, slug in the URL, description.
NEWS_CATEGORIES = [
    {
        "name": "Tin tức - Sự kiện",
        "slug": "tin-tuc-su-kien",
        "description": "Tin tức, sự kiện nổi bật trên địa bàn quận.",
    },
    {
        "name": "Hoạt động của Quận ủy - HĐND - Ủy ban MTTQ và các đoàn thể, CTXH",
        "slug": "quan-uy-hdnd-mttq-doan-the",
        "description": "Hoạt động của Quận ủy, Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc "
        "và các đoàn thể, tổ chức chính trị - xã hội quận.",
    },
    {
        "name": "Hoạt động của UBND quận",
        "slug": "ubnd-quan",
        "description": "Chỉ đạo, điều hành và hoạt động của Ủy ban nhân dân quận.",
    },
    {
        "name": "Hoạt động của các phường",
        "slug": "cac-phuong",
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
ARCHIVES_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index"]

DEFAULT_PAGINATION = 10
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
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".news-build"]  # news_build deletes only folders that hold it
