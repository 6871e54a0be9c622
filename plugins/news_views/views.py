"""`invoke sync-views`: copy page view counts from an analytics export into
the articles' `views:` field.

Reads a CSV export of Matomo (Pages report, often UTF-16 LE with a BOM, comma
or tab separated) or Google Analytics 4 (Pages and screens, "#" comment lines
before the header), or any table named with --path-column/--count-column.

Rows are matched to articles by URL path. The map of URLs is made the way the
build makes it, without running a build: every article file Pelican would read
(ARTICLE_PATHS, ARTICLE_EXCLUDES, IGNORE_FILES) is parsed with the build's own
front-matter splitter and validator (news_core), and ARTICLE_URL is filled with the
category slug and slug they give. A build would also render Markdown and
photos, which takes seconds to minutes and changes nothing in the URLs.

Only the `views:` line of a matched file changes (or one is inserted after
`date:`); every other byte, the line endings and a BOM stay as they were.
Counts never go down. Files are replaced atomically; --dry-run writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from fnmatch import fnmatch
from urllib.parse import unquote, urlsplit

from news_core.errors import Problems
from news_core.fields import read_views, validate, views_count
from news_core.files import write_atomic
from news_core.frontmatter import INVALID, SOURCE_EXTENSIONS, split
from news_core.guard import Refused, readable
from news_core.paths import relative_or_given
from news_core.paths import shown as _shown
from news_core.settings import SettingsError, load
from news_core.slugs import heading_key

# Column names as exports write them, compared case-, accent- and
# space-insensitively; earlier names are preferred.
PATH_COLUMNS = (
    # Matomo: the page's full URL (metadata) before its label, which in the
    # Pages report is a folder path such as "/tin-tuc-su-kien/bai-viet/index".
    "url", "metadata_url", "page url", "url cua trang",
    # GA4 (English and Vietnamese interface)
    "page path and screen class", "page path + query string", "page path",
    "page location", "landing page + query string", "landing page",
    "duong dan trang va lop man hinh", "duong dan trang + chuoi truy van",
    "duong dan trang", "trang dich + chuoi truy van", "trang dich",
    # Matomo label, generic names
    "label", "nhan", "page", "path", "trang",
)
COUNT_COLUMNS = (
    # total page views first
    "pageviews", "nb_hits", "views", "screen page views", "screenpageviews",
    "total pageviews", "so luot xem trang", "tong so luot xem trang", "so luot xem",
    "luot xem", "hits",
    # unique page views only when there are no totals
    "unique pageviews", "nb_visits", "cac luot xem trang duy nhat", "luot xem trang duy nhat",
)
DELIMITERS = (",", "\t", ";")
_COUNT = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*|\d+")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_VIEWS_LINE = re.compile(
    r"^(?P<head>[ \t]*views[ \t]*:[ \t]*)(?P<value>.*?)(?P<tail>[ \t]+#.*)?$", re.IGNORECASE
)
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")
_INDEX = ("index.html", "index.htm", "index")  # legacy and Matomo ("…/index") page names
UNMATCHED_SHOWN = 100
# The largest count `views:` takes in either style (news_core.fields: at most 15
# characters, so 999.999.999.999 with dots); a larger one is a broken export.
MAX_VIEWS = 999_999_999_999
OPTIONS = (
    "Chỉ rõ tên cột bằng --path-column TÊN_CỘT (cột đường dẫn trang) và "
    "--count-column TÊN_CỘT (cột số lượt xem), ví dụ "
    '--path-column "Page path" --count-column "Views".'
)


class UnusableInput(Exception):
    """The export or the settings cannot be used at all (exit 1)."""


# --- the export ---------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    line: int  # physical line in the export, 1-based
    path: str  # as written
    count: int


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass
class Export:
    path_column: str
    count_column: str
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    name: str = ""


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError:
                break
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
    raise UnusableInput(
        f'{name}: không đọc được mã hóa của tệp. Xuất lại tệp CSV từ Matomo hoặc Google '
        "Analytics, hoặc mở bằng Excel rồi lưu dạng CSV UTF-8 (Comma delimited)."
    )


def parse_count(text: str) -> int | None:
    """'1,234', '1.234', '1 234' and '1234' -> 1234; anything else -> None."""
    raw = _SPACES.sub("", text)
    if _COUNT.fullmatch(raw):
        return int(raw.replace(".", "").replace(",", ""))
    return None


def _delimiter(line: str) -> str:
    counts = {d: _outside_quotes(line).count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _outside_quotes(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


def _is_comment(line: str) -> bool:
    stripped = line.strip().lstrip("\ufeff")
    return not stripped or stripped.startswith("#")


def _pick(header: list[str], wanted: str | None, known: tuple[str, ...]) -> int | None:
    keys = [heading_key(h) for h in header]
    if wanted:
        key = heading_key(wanted)
        return keys.index(key) if key in keys else None
    for name in known:
        if name in keys:
            return keys.index(name)
    return None


def read_export(data: bytes, name: str, path_column: str = "", count_column: str = "") -> Export:
    """Find the table with a path and a count column; collect its rows."""
    text, encoding = decode(data, name)
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    first = next((line for line in lines if not _is_comment(line)), None)
    if first is None:
        raise UnusableInput(f"{name}: tệp không có dòng dữ liệu nào. Kiểm tra lại tệp xuất từ công cụ thống kê.")
    delimiter = _delimiter(first)
    # Comment and blank lines become empty rows, so line_num stays the file's line.
    reader = csv.reader(("\n" if _is_comment(line) else line for line in lines), delimiter=delimiter)
    headers: list[list[str]] = []
    export = None
    columns = None
    at_start = True  # a table's header follows the start, a blank line or comments
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                at_start = True
                continue
            if columns is None:
                if not at_start:
                    continue  # a row of a table we do not use
                at_start = False
                path_i = _pick(cells, path_column, PATH_COLUMNS)
                count_i = _pick(cells, count_column, COUNT_COLUMNS)
                if path_i is None or count_i is None or path_i == count_i:
                    headers.append([c.strip() for c in cells])  # another table, or no header
                    continue
                columns = (path_i, count_i)
                export = Export(cells[path_i].strip(), cells[count_i].strip(), encoding=encoding,
                                delimiter=delimiter, name=name)
                fallback = _pick(cells, None, ("label", "nhan")) if not path_column else None
                continue
            _add_row(export, reader.line_num, cells, columns, fallback)
    except csv.Error as exc:
        raise UnusableInput(
            f"{name}: dòng {reader.line_num}: tệp CSV bị hỏng ({exc}). Xuất lại tệp từ công cụ thống kê."
        ) from None
    if export is None:
        found = "; ".join(", ".join(f'"{c}"' for c in h if c) for h in headers[:3]) or "(không có)"
        wanted = []
        if path_column:
            wanted.append(f'không có cột "{path_column}" (--path-column)')
        if count_column:
            wanted.append(f'không có cột "{count_column}" (--count-column)')
        problem = "; ".join(wanted) or "không nhận ra cột đường dẫn trang và cột số lượt xem"
        raise UnusableInput(f"{name}: {problem}. Các cột tìm thấy: {found}. {OPTIONS}")
    return export


def _add_row(export: Export, line: int, cells: list[str], columns: tuple[int, int], fallback: int | None) -> None:
    path_i, count_i = columns
    path = cells[path_i].strip() if path_i < len(cells) else ""
    if not path and fallback is not None and fallback < len(cells):
        path = cells[fallback].strip()
    raw = cells[count_i].strip() if count_i < len(cells) else ""
    if not path:
        export.skipped.append(Skipped(line, f'ô "{export.path_column}" để trống nên không biết là trang nào'))
        return
    count = parse_count(raw)
    if count is None:
        shown = f'"{raw}"' if raw else "ô trống"
        export.skipped.append(Skipped(
            line, f'{path}: số lượt xem {shown} ở cột "{export.count_column}" không phải là số. '
            "Sửa thành một số nguyên, ví dụ 1234 hoặc 1.234",
        ))
        return
    if count > MAX_VIEWS:
        export.skipped.append(Skipped(
            line, f'{path}: số lượt xem "{raw}" ở cột "{export.count_column}" quá lớn '
            f"(nhiều nhất {format_views(MAX_VIEWS, True)}), có lẽ tệp thống kê bị lỗi. "
            "Kiểm tra lại dòng này hoặc xuất lại tệp từ công cụ thống kê",
        ))
        return
    export.rows.append(Row(line, path, count))


# --- URLs ---------------------------------------------------------------------


def url_key(value: str, prefixes: tuple[str, ...] = ()) -> str:
    """A comparable form of a page address: no host, query, fragment, percent
    escapes, leading or trailing slash, or index.html; 'a/b'."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") or value.startswith("//"):
        path = parts.path
    else:
        path = urlsplit(value if value.startswith("/") else "/" + value).path
    path = unquote(path)
    path = "/" + "/".join(p for p in path.split("/") if p)
    for prefix in prefixes:
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix):] or "/"
            break
    segments = [p for p in path.split("/") if p]
    if segments and segments[-1].lower() in _INDEX:
        segments.pop()
    return "/".join(segments)


def _host_key(value: str) -> str | None:
    """'dongda.hanoi.gov.vn/a/b' (a host without a scheme) -> 'a/b'; else None."""
    head, _, rest = value.strip().lstrip("/").partition("/")
    if "." in head and rest and re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?", head):
        return rest
    return None


# --- the articles -------------------------------------------------------------


@dataclass
class Article:
    path: str  # absolute
    shown: str  # as an editor would type it
    url: str


@dataclass
class Site:
    articles: dict[str, list[Article]]  # url_key -> articles claiming it
    unreadable: list[tuple[str, str]]  # (shown path, why)
    prefixes: tuple[str, ...]


def load_settings(settings_file: str, content: str) -> dict:
    from pelican.settings import read_settings

    if not os.path.isfile(settings_file):
        raise UnusableInput(f'không tìm thấy tệp cấu hình "{settings_file}". Kiểm tra lại đường dẫn sau --settings.')
    if not os.path.isdir(content):
        raise UnusableInput(f'không tìm thấy thư mục nội dung (content) "{content}". Kiểm tra lại đường dẫn sau --content.')
    return read_settings(settings_file, override={"PATH": content})


def article_files(settings: dict) -> list[str]:
    """The files Pelican's article generator would read, sorted."""
    root = settings["PATH"]
    ignores = settings.get("IGNORE_FILES", [])
    extensions = set(SOURCE_EXTENSIONS)
    excluded = defaultdict(set)
    for name in settings.get("ARTICLE_EXCLUDES", []):
        parent, sub = os.path.split(os.path.join(root, name))
        excluded[parent].add(sub)
    found = set()
    for base in settings.get("ARTICLE_PATHS", [""]):
        start = os.path.join(root, base) if base else root
        for folder, dirs, files in os.walk(start, followlinks=True):
            dirs[:] = sorted(d for d in dirs if d not in excluded.get(folder, ()) and not any(fnmatch(d, i) for i in ignores))
            for name in files:
                if any(fnmatch(name, i) for i in ignores):
                    continue
                if os.path.splitext(name)[1][1:] in extensions:
                    found.add(os.path.join(folder, name))
    return sorted(found)


def load_site(settings: dict) -> Site:
    """Each article's URL, computed with the build's own parser and validator."""
    try:
        cfg = load(settings)
    except SettingsError as exc:
        raise UnusableInput(f"cấu hình không dùng được: {exc}.") from None
    articles: dict[str, list[Article]] = defaultdict(list)
    unreadable = []
    real_root = os.path.realpath(settings["PATH"])
    for path in article_files(settings):
        shown = _shown(path)
        try:  # the build refuses an article that leads outside content: never edit one
            readable(path, settings["PATH"], "bài", real_root)
        except Refused as exc:
            unreadable.append((shown, f"{exc}. {exc.fix}"))
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                text = unicodedata.normalize("NFC", handle.read())
        except (OSError, UnicodeDecodeError):
            unreadable.append((shown, "tệp không được lưu bằng mã UTF-8"))
            continue
        problems = Problems(shown)
        document = split(text, problems)
        meta = validate(document.fields, cfg, problems) if document else None
        if not meta or not meta.category or not meta.slug:
            first = problems.errors[0] if problems.errors else None
            unreadable.append((shown, str(first) if first else "không đọc được chuyên mục hoặc tiêu đề"))
            continue
        key = "DRAFT_URL" if meta.draft and not cfg.show_drafts else "ARTICLE_URL"
        values = {
            "slug": meta.slug, "category": meta.category.slug, "title": meta.title,
            "date": meta.date or dt.datetime(1970, 1, 1), "lang": settings.get("DEFAULT_LANG", "en"),
            "author": "", "path": relative_or_given(path, settings["PATH"]).replace(os.sep, "/"),
        }
        try:
            url = settings.get(key, settings.get("ARTICLE_URL", "{slug}.html")).format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise UnusableInput(f"{key} trong tệp cấu hình dùng giá trị không hỗ trợ ({exc}).") from None
        articles[url_key(url)].append(Article(path, shown, url))
    prefixes = tuple(
        sorted({"/" + urlsplit(settings.get(k) or "").path.strip("/") for k in ("SITEURL", "NEWS_PUBLIC_URL")} - {"/"},
               key=len, reverse=True)
    )
    return Site(dict(articles), unreadable, prefixes)


# --- editing one file ---------------------------------------------------------


class CannotEdit(Exception):
    """This file's `views:` cannot be changed safely; the message says why and how."""


@dataclass(frozen=True)
class Edit:
    old_text: str | None  # as written; None when there was no views: line
    old: int
    new: int
    data: bytes  # the file with the new value (unchanged when new <= old)


def format_views(value: int, dotted: bool) -> str:
    return f"{value:,}".replace(",", ".") if dotted else str(value)


def edit_views(data: bytes, count: int) -> Edit:
    """Set views: to max(current, count); every other byte stays as it was."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CannotEdit("tệp không được lưu bằng mã UTF-8", "Mở tệp và lưu lại với mã hóa UTF-8") from None
    problems = Problems("")
    document = split(unicodedata.normalize("NFC", text), problems)
    if document is None:
        raise CannotEdit("phần khai báo (front matter) bị lỗi", "Chạy invoke build để xem lỗi và sửa trước")
    # (content, ending) per line, splitting where frontmatter.split does: \r\n, \r, \n.
    lines = [(m.group(1), m.group(2)) for m in _LINE.finditer(text)]
    if lines and lines[-1] == ("", ""):
        lines.pop()
    views = document.fields.get("views")
    if views is not None:
        index = views.line - 1
        content, ending = lines[index]
        match = _VIEWS_LINE.match(content)
        raw = match.group("value") if match else None
        quote = raw[:1] if raw and raw[:1] in "\"'" and raw.endswith(raw[:1]) and len(raw) >= 2 else ""
        inner = raw[1:-1] if quote else raw
        parsed = views.value.strip() if isinstance(views.value, str) else ("" if views.value is None else None)
        if views.value is INVALID:
            raise CannotEdit(
                f"dòng {views.line}: views: có ghi chú (#) hoặc ký tự mà bản dựng không chấp nhận",
                "Xóa phần từ dấu # trở đi rồi chạy lại",
            )
        if match is None or inner is None or parsed is None or inner.strip() != parsed:
            raise CannotEdit(
                f"dòng {views.line}: không sửa tự động được dòng views: này",
                "Viết views: 1234 trên một dòng rồi chạy lại",
            )
        inner_clean = inner.strip()
        if inner_clean and views_count(inner_clean) is None:
            raise CannotEdit(
                f'dòng {views.line}: views: "{inner_clean}" hiện không phải là số lượt xem hợp lệ',
                "Sửa thành một số nguyên, ví dụ 1234 hoặc 1.234, rồi chạy lại",
            )
        old = views_count(inner_clean) if inner_clean else 0
        if count <= old:
            return Edit(inner_clean, old, count, data)
        new_text = format_views(count, "." in inner_clean)
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        value = f"{quote}{lead}{new_text}{trail}{quote}"
        head = match.group("head")
        if not raw and not head.endswith((" ", "\t")):
            head += " "  # "views:" with no value: YAML needs a space after the colon
        lines[index] = (head + value + (match.group("tail") or ""), ending)
        result = Edit(inner_clean, old, count, "".join(c + e for c, e in lines).encode("utf-8"))
    else:
        if count <= 0:
            return Edit(None, 0, count, data)
        at, indent, ending = _insert_point(lines, document)
        lines.insert(at, (f"{indent}views: {count}", ending))
        result = Edit(None, 0, count, "".join(c + e for c, e in lines).encode("utf-8"))
    _check(document, result)
    return result


def _insert_point(lines, document) -> tuple[int, str, str]:
    """Right after the date: line (after its continuation lines, if any)."""
    close = document.body_line - 2  # 0-based index of the closing ---
    ending = lines[0][1] or "\n"
    date = document.fields.get("date")
    if date is None:
        return close, "", ending
    index = date.line - 1
    content, ending = lines[index]
    indent = content[: len(content) - len(content.lstrip(" \t"))].lstrip("\ufeff")
    at = index + 1
    while at < close and lines[at][0][: len(indent) + 1].strip() == "" and lines[at][0].strip():
        at += 1  # an indented continuation of a multi-line date value
    return at, indent, ending


def _check(before, edit: Edit) -> None:
    """Read the edited file back as the build will: views is the new count and
    every other field is what it was."""
    after = split(unicodedata.normalize("NFC", edit.data.decode("utf-8")), Problems(""))
    if (
        after is None
        or read_views(after.fields.get("views"), Problems("")) != edit.new
        or after.body != before.body
        or _values(after) != _values(before)
    ):
        raise CannotEdit("không ghi được số lượt xem mà vẫn giữ nguyên phần còn lại", "Sửa tay dòng views: của bài này")


def _values(document) -> dict:
    return {name: f.value for name, f in document.fields.items() if name != "views"}


# --- the command --------------------------------------------------------------


@dataclass
class Outcome:
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # shown, old, new
    kept_higher: list[tuple[str, int, int]] = field(default_factory=list)  # shown, current, export
    same: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # shown, why + fix
    unmatched: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    matched_rows: int = 0


def sync(export_path: str, content: str, settings_file: str, dry_run: bool = False,
         path_column: str = "", count_column: str = "") -> tuple[Export, Site, Outcome]:
    """Match and (unless dry_run) write; raise UnusableInput for unusable input."""
    name = _shown(export_path)
    try:
        with open(export_path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UnusableInput(f'không tìm thấy tệp thống kê "{name}". Kiểm tra lại tên và đường dẫn tệp.') from None
    except OSError as exc:
        raise UnusableInput(f'không mở được tệp thống kê "{name}" ({exc.strerror}).') from None
    export = read_export(data, name, path_column, count_column)
    site = load_site(load_settings(settings_file, content))
    outcome = Outcome(skipped=list(export.skipped))
    totals: dict[str, int] = defaultdict(int)
    for row in export.rows:
        key = url_key(row.path, site.prefixes)
        if key not in site.articles:
            host_less = _host_key(row.path)
            key = url_key(host_less, site.prefixes) if host_less is not None else key
        claims = site.articles.get(key)
        if not claims:
            outcome.unmatched.append(row)
        elif len(claims) > 1:
            files = ", ".join(a.shown for a in claims)
            outcome.skipped.append(Skipped(row.line, f"{row.path}: nhiều bài cùng địa chỉ này ({files}). Sửa slug để mỗi bài có một địa chỉ riêng"))
        elif totals[claims[0].path] + row.count > MAX_VIEWS:
            outcome.skipped.append(Skipped(row.line, f"{row.path}: cộng với các dòng trước của cùng trang, số lượt "
                                           f"xem vượt quá {format_views(MAX_VIEWS, True)}. Kiểm tra lại tệp thống kê"))
        else:
            totals[claims[0].path] += row.count
            outcome.matched_rows += 1
    shown = {a.path: a.shown for claims in site.articles.values() for a in claims}
    for path in sorted(totals, key=lambda p: shown[p]):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            edit = edit_views(data, totals[path])
        except CannotEdit as exc:
            outcome.failed.append((shown[path], ". ".join(exc.args)))
            continue
        except OSError as exc:
            outcome.failed.append((shown[path], f"không đọc được tệp ({exc.strerror})"))
            continue
        if edit.new < edit.old:
            outcome.kept_higher.append((shown[path], edit.old, edit.new))
        elif edit.data == data:
            outcome.same += 1
        else:
            if not dry_run:
                try:
                    write_atomic(path, edit.data, keep_mode=True, sync=True)
                except OSError as exc:
                    outcome.failed.append((shown[path], f"không ghi được tệp ({exc.strerror}). Đóng tệp trong trình soạn thảo rồi chạy lại"))
                    continue
            old = "(chưa có)" if edit.old_text is None else (edit.old_text or "(trống)")
            dotted = bool(edit.old_text) and "." in edit.old_text
            outcome.changed.append((shown[path], old, format_views(edit.new, dotted)))
    outcome.skipped.sort(key=lambda s: s.line)
    return export, site, outcome


def report(export: Export, site: Site, outcome: Outcome, dry_run: bool, out=None) -> None:
    out = out or sys.stdout

    def say(text=""):
        print(text, file=out)

    separator = {",": "dấu phẩy", "\t": "Tab", ";": "dấu chấm phẩy"}[export.delimiter]
    say(f"Tệp thống kê {export.name} ({export.encoding.upper().replace('-SIG', ' BOM')}, ngăn cách bằng {separator}); "
        f'cột đường dẫn "{export.path_column}", cột lượt xem "{export.count_column}".')
    verb = "Sẽ cập nhật" if dry_run else "Đã cập nhật"
    if outcome.changed:
        say(f"{verb} lượt xem của {len(outcome.changed)} bài:")
        width = max(len(s) for s, _, _ in outcome.changed)
        old_width = max(len(o) for _, o, _ in outcome.changed)
        for shown, old, new in outcome.changed:
            say(f"  {shown.ljust(width)}  {old.rjust(old_width)} → {new}")
    else:
        say("Không có bài nào cần cập nhật lượt xem.")
    if outcome.kept_higher:
        say(f"Giữ nguyên vì số trong tệp thống kê thấp hơn số hiện có ({len(outcome.kept_higher)} bài; lượt xem không bao giờ giảm):")
        for shown, current, new in outcome.kept_higher:
            say(f"  {shown}: đang là {format_views(current, True)}, tệp thống kê ghi {format_views(new, True)}. "
                "Nếu số hiện có sai, sửa tay dòng views: rồi chạy lại.")
    if outcome.failed:
        say(f"Không sửa được ({len(outcome.failed)} bài):")
        for shown, why in outcome.failed:
            say(f"  {shown}: {why}.")
    if outcome.unmatched:
        say(f"Dòng không khớp bài viết nào ({len(outcome.unmatched)} dòng; trang chủ, chuyên mục, bài đã xóa… là bình thường):")
        ranked = sorted(outcome.unmatched, key=lambda r: (-r.count, r.line))
        for row in ranked[:UNMATCHED_SHOWN]:
            say(f"  dòng {row.line}: {row.path}  {format_views(row.count, True)} lượt xem")
        if len(ranked) > UNMATCHED_SHOWN:
            say(f"  … và {len(ranked) - UNMATCHED_SHOWN} dòng khác ít lượt xem hơn.")
    if outcome.skipped:
        say(f"Dòng bị bỏ qua trong {export.name} ({len(outcome.skipped)} dòng):")
        for skip in outcome.skipped:
            say(f"  dòng {skip.line}: {skip.reason}.")
    if site.unreadable:
        say(f"Bài viết không đọc được nên không khớp được ({len(site.unreadable)} bài; chạy invoke build để xem chi tiết):")
        for shown, why in site.unreadable:
            say(f"  {shown}: {why}")
    rows = outcome.matched_rows + len(outcome.unmatched) + len(outcome.skipped)
    summary = (
        f"Tổng kết: {rows} dòng; {outcome.matched_rows} dòng khớp bài viết; "
        f"{len(outcome.changed)} bài {'sẽ được cập nhật' if dry_run else 'đã cập nhật'}, "
        f"{outcome.same} bài không đổi, {len(outcome.kept_higher)} bài giữ số cao hơn, "
        f"{len(outcome.failed)} bài không sửa được; {len(outcome.unmatched)} dòng không khớp, "
        f"{len(outcome.skipped)} dòng bị bỏ qua."
    )
    say(summary)
    if dry_run:
        say("Chạy thử (--dry-run): chưa sửa tệp nào.")


def run(export_path: str, content: str, settings_file: str, dry_run: bool = False,
        path_column: str = "", count_column: str = "", out=None, err=None) -> int:
    """The task's body: 0 after a run (even with reported rows), 1 for unusable input."""
    try:
        export, site, outcome = sync(export_path, content, settings_file, dry_run, path_column, count_column)
    except UnusableInput as exc:
        print(f"LỖI: {exc}", file=err or sys.stderr)
        return 1
    report(export, site, outcome, dry_run, out)
    return 0
