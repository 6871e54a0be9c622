"""Validate front-matter fields into clean values; every rule names its fix."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from .dates import DateProblem, parse_date
from .errors import Problems
from .frontmatter import INVALID, KNOWN_FIELDS, Field
from .settings import CategoryDef, Config
from .slugs import fold, slugify

STATUSES = ("published", "draft")
VIEWS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")  # 1234 or 1.234
VIEWS_MAX_CHARS = 15  # 999.999.999.999
# focus: where the cover's crops are centred, x then y in % from the top-left: "30% 20%",
# "30 20", "30%, 20%", "33,5% 20%". FOCUS reads what the build accepts (0-100 each);
# FOCUS_LOOSE any two numbers, to say "out of range" rather than "unreadable".
_PERCENT = r"(?:100(?:[.,]0+)?|\d{1,2}(?:[.,]\d+)?)"
FOCUS = re.compile(rf"^\s*({_PERCENT})\s*%?\s*(?:[,;]\s*|\s+)({_PERCENT})\s*%?\s*$")
_FOCUS_LOOSE = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*%?\s*(?:[,;]\s*|\s+)-?\d+(?:[.,]\d+)?\s*%?\s*$")
FOCUS_FIX = (
    "Viết hai số phần trăm, từ 0% đến 100%: vị trí ngang (tính từ mép trái) rồi vị trí dọc "
    "(tính từ mép trên) của chỗ cần giữ trong ảnh thu nhỏ, ví dụ focus: 30% 20% (gần góc trên "
    "bên trái); 50% 50% là chính giữa ảnh. Xóa dòng này để trang tự tìm chỗ đó."
)
DATE_FIX = (
    "Viết ngày trước, tháng sau, ví dụ 21/03/2024 10:31, 21/03/2024, "
    "2024-03-21 10:31 hoặc 2024-03-21T10:31:00+07:00."
)


@dataclass
class Meta:
    """Clean front-matter values, ready for Pelican and the templates."""

    title: str = ""
    date: dt.datetime | None = None
    modified: dt.datetime | None = None
    views: int = 0
    category: CategoryDef | None = None
    summary: str | None = None
    cover: str | None = None
    focus: tuple[float, float] | None = None  # (x %, y %) of the cover's subject, from the top-left
    tags: list[str] = field(default_factory=list)
    slug: str = ""
    draft: bool = False
    legacy_url: str | None = None  # the old portal's address, redirected to this article
    lines: dict[str, int] = field(default_factory=dict)


def validate(fields: dict[str, Field], cfg: Config, problems: Problems, page=False) -> Meta:
    """Articles need title, date and category; pages (about, contact) only a title."""
    meta = Meta(lines={name: f.line for name, f in fields.items()})
    problems.reported_fields.update(n for n, f in fields.items() if f.value is INVALID)
    fields = {n: f for n, f in fields.items() if f.value is not INVALID}
    for name, f in fields.items():
        if name not in KNOWN_FIELDS:
            _unknown(f, problems)
    meta.title = _text(fields, "title", problems, required=True)
    meta.date = _date(fields, "date", cfg, problems, required=not page)
    meta.modified = _date(fields, "modified", cfg, problems, required=False)
    if meta.modified and meta.date and meta.modified < meta.date:
        problems.warn(meta.lines["modified"], "modified", "ngày sửa (modified) sớm hơn ngày đăng (date)", "Kiểm tra lại hai ngày này.")
    meta.views = read_views(fields.get("views"), problems)
    meta.category = None if page else _category(fields.get("category"), cfg, problems)
    meta.summary = _text(fields, "summary", problems) or None
    meta.cover = _text(fields, "cover", problems) or None
    meta.focus = _focus(fields.get("focus"), problems)
    meta.tags = _tags(fields.get("tags"), problems)
    meta.slug = _slug(fields.get("slug"), meta.title, cfg, problems)
    meta.draft = _status(fields.get("status"), problems) == "draft"
    meta.legacy_url = _legacy_url(fields.get("legacy_url"), problems)
    _text(fields, "legacy_hash", problems)
    return meta


def focus_point(text: str) -> tuple[float, float] | None:
    """'30% 20%' -> (30.0, 20.0), to one decimal; None when `text` is not a focus."""
    found = FOCUS.match(text)
    if not found:
        return None
    return tuple(round(float(n.replace(",", ".")), 1) for n in found.groups())


def _focus(f: Field | None, problems) -> tuple[float, float] | None:
    """The editor's focus for the cover's crops (thumbnails, social card), or None."""
    if f is None or f.value is None or f.value == "" or f.value == []:
        return None
    text = " ".join(f.value) if isinstance(f.value, list) else f.value  # [30%, 20%]
    point = focus_point(text)
    if point is not None:
        return point
    shown = " ".join(text.split())
    problem = (f'vị trí "{shown}" nằm ngoài ảnh' if _FOCUS_LOOSE.match(text)
               else f'"{shown}" không phải là vị trí trong ảnh')
    problems.error(f.line, f.key, problem, FOCUS_FIX)
    return None


def _legacy_url(f: Field | None, problems) -> str | None:
    """An absolute http(s) address or a path from the site root, as the old portal served it."""
    if f is None or f.value is None:
        return None
    value = str(f.value).strip()
    found = legacy_url_problem(value)
    if found is None:
        return value
    problems.error(f.line, f.key, *found)
    return None


# Once %-decoded, the path names the redirect page's folders and a line of the nginx map.
_LEGACY_PATH_CHARACTERS = {'"': "dấu nháy kép", "'": "dấu nháy đơn", "\\": "dấu gạch chéo ngược",
                           "<": "dấu <", ">": "dấu >"}


def legacy_url_problem(value: str) -> tuple[str, str] | None:
    """(problem, fix) when `value` cannot be a legacy_url, in Vietnamese; None when it can.

    Shared with news_publish.redirects and the importer (news_legacy), which must
    never write a folder or a map line from an address this refuses."""
    shown = _shown_url(value)
    if not re.match(r"^(https?://[^/\s]+)?/[^\s]*$", value, re.IGNORECASE) or "/../" in value + "/":
        return (f'"{shown}" không phải địa chỉ trang trên cổng cũ',
                "Viết địa chỉ đầy đủ, ví dụ https://dongda.hanoi.gov.vn/tin-tuc/bai-viet.html, "
                "hoặc đường dẫn bắt đầu bằng /, hoặc xóa dòng này.")
    fix = ("Chép lại đúng địa chỉ cũ của bài (như trên thanh địa chỉ của trình duyệt), bỏ ký tự đó, "
           "hoặc xóa dòng này.")
    path = unquote(urlsplit(value).path)
    control = next((ch for ch in value + path if _control(ch)), None)  # raw in the query too: the map keeps it
    if control:
        return (f'"{shown}" có ký tự điều khiển {quote(control)} (không in ra được, như dấu xuống dòng %0A '
                "hay tab %09) trong đường dẫn, không dùng được làm địa chỉ chuyển hướng", fix)
    for ch in path:
        if ch in _LEGACY_PATH_CHARACTERS:
            return (f'"{shown}" có {_LEGACY_PATH_CHARACTERS[ch]} ({quote(ch, safe="")}) trong đường dẫn, '
                    "không dùng được làm địa chỉ chuyển hướng", fix)
    dots = next((s for s in path.split("/") if s in (".", "..")), None)
    if dots:
        meaning = "thư mục cha" if dots == ".." else "thư mục hiện tại"
        return (f'"{shown}" có đoạn "{dots}" ({"%2e" * len(dots)}: {meaning}) trong đường dẫn, '
                "không dùng được làm địa chỉ chuyển hướng", fix)
    return None


def _shown_url(value: str) -> str:
    """`value` for a message: a raw control character as its %-code, never a line break."""
    return "".join(quote(ch) if _control(ch) else ch for ch in value)


def _control(ch: str) -> bool:
    """Below U+0020, U+007F, the C1 controls, and the Unicode line and paragraph separators."""
    return unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def _unknown(f: Field, problems: Problems) -> None:
    close = difflib.get_close_matches(f.key.lower(), KNOWN_FIELDS, n=1, cutoff=0.6)
    fix = (
        f'Có phải ý bạn là "{close[0]}"? Sửa tên trường cho đúng.'
        if close
        else "Các trường dùng được: " + ", ".join(KNOWN_FIELDS) + "."
    )
    problems.warn(f.line, f.key, "trường (field) không được hỗ trợ và sẽ bị bỏ qua", fix)


def _missing(name: str, problems: Problems, example: str) -> None:
    if name in problems.reported_fields:
        return
    problems.error(1, name, "thiếu trường bắt buộc (required field)", f"Thêm dòng {example} vào phần khai báo.")


def _text(fields, name, problems, required=False) -> str:
    f = fields.get(name)
    if f is None or f.value is None or (isinstance(f.value, str) and not f.value.strip()):
        if required and f is None:
            _missing(name, problems, f"{name}: …")
        elif required:
            problems.error(f.line, f.key, "không được để trống", f"Viết nội dung sau {f.key}:")
        return ""
    if not isinstance(f.value, str):
        problems.error(f.line, f.key, "phải là một dòng chữ, không phải danh sách", 'Bỏ dấu [ ] hoặc dấu "-" đầu dòng.')
        return ""
    return " ".join(f.value.split())


def _date(fields, name, cfg: Config, problems, required) -> dt.datetime | None:
    f = fields.get(name)
    if f is None or f.value is None:
        if required:
            _missing(name, problems, "date: 21/03/2024 10:31")
        return None
    if not isinstance(f.value, str):
        problems.error(f.line, f.key, "phải là một ngày, không phải danh sách", DATE_FIX)
        return None
    try:
        return parse_date(f.value, cfg.timezone)
    except DateProblem as exc:
        problems.error(f.line, f.key, str(exc), DATE_FIX)
        return None


def views_count(text: str) -> int | None:
    """'1.234' or '1234' -> 1234; None when `text` is not a view count."""
    if VIEWS.fullmatch(text) and len(text) <= VIEWS_MAX_CHARS:
        return int(text.replace(".", ""))
    return None


def read_views(f: Field | None, problems) -> int:
    """The `views:` field's count: 0 when absent or empty, else a problem when not a count."""
    if f is None or f.value is None or f.value == "":
        return 0
    raw = f.value.strip() if isinstance(f.value, str) else ""
    count = views_count(raw)
    if count is not None:
        return count
    problem = (
        "lượt xem không thể là số âm" if raw.startswith("-")
        else f'"{raw or f.value}" không phải là số lượt xem hợp lệ'
    )
    problems.error(f.line, f.key, problem, "Viết một số nguyên không âm, ví dụ 1234 hoặc 1.234.")
    return 0


def _category(f: Field | None, cfg: Config, problems) -> CategoryDef | None:
    known = "; ".join(c.name for c in cfg.categories)
    if f is None:
        _missing("category", problems, "category: " + cfg.categories[0].name)
        return None
    if not isinstance(f.value, str) or not f.value.strip():
        problem = "chỉ được chọn một chuyên mục" if isinstance(f.value, list) else "không được để trống"
        problems.error(f.line, f.key, problem, f"Chọn một trong: {known}.")
        return None
    found = cfg.find_category(f.value)
    if found:
        return found
    close = closest_category(f.value, cfg)
    hint = f'Có phải ý bạn là "{close}"? ' if close else ""
    problems.error(
        f.line, f.key, f'chuyên mục "{f.value}" không có trong danh sách',
        f"{hint}Các chuyên mục hiện có: {known}.",
    )
    return None


def closest_category(text: str, cfg: Config) -> str | None:
    """A name that starts with or contains what was typed, else the most similar."""
    typed = fold(text)
    for cat in cfg.categories:
        if fold(cat.name).startswith(typed) or typed in fold(cat.name):
            return cat.name
    names = {fold(c.name): c.name for c in cfg.categories}
    close = difflib.get_close_matches(typed, list(names), n=1, cutoff=0.4)
    return names[close[0]] if close else None


def _tags(f: Field | None, problems) -> list[str]:
    if f is None or f.value is None:
        return []
    items = f.value if isinstance(f.value, list) else f.value.split(",")
    tags, seen = [], set()
    for item in items:
        name = " ".join(item.split())
        if name and slugify(name) and slugify(name) not in seen:
            seen.add(slugify(name))
            tags.append(name)
    return tags


def _slug(f: Field | None, title: str, cfg: Config, problems) -> str:
    if f is None or not isinstance(f.value, str) or not f.value.strip():
        slug = slugify(title, cfg.slug_max_length)
        if title and not slug:
            problems.error(1, "slug", "không tạo được đường dẫn (slug) từ tiêu đề", "Thêm dòng slug: ten-bai-viet bằng chữ không dấu.")
        return slug
    slug = slugify(f.value, cfg.slug_max_length)
    if not slug:
        problems.error(f.line, f.key, f'"{f.value}" không dùng được làm đường dẫn (slug)', "Viết chữ thường không dấu, nối bằng dấu gạch ngang, ví dụ hoi-nghi-thi-dua.")
    elif slug != f.value.strip():
        problems.warn(f.line, f.key, f'"{f.value}" đã được đổi thành "{slug}"', f"Viết slug: {slug} để bỏ cảnh báo này.")
    return slug


def _status(f: Field | None, problems) -> str:
    if f is None or f.value is None:
        return "published"
    value = f.value.strip().lower() if isinstance(f.value, str) else ""
    if value in STATUSES:
        return value
    close = difflib.get_close_matches(value, STATUSES, n=1, cutoff=0.5)
    hint = f'Có phải ý bạn là "{close[0]}"? ' if close else ""
    problems.error(f.line, f.key, f'trạng thái "{f.value}" không hợp lệ', f"{hint}Viết status: published hoặc status: draft (bản nháp).")
    return "draft"

