"""Editor helpers behind `invoke new` and `invoke photos`.

- new_article(): make content/<year>/<slug>/index.md with its front matter
  filled in (date now, views 0, a checked category, empty tags, status draft)
  and a short Vietnamese placeholder body (news_core.placeholders, which a
  publish build refuses). Never overwrites anything. The commands it writes
  start with the program the editor ran (command()), so they paste as they are.
- add_photos(): copy a folder of event photos into an article, renamed to short
  ASCII names in shooting order (EXIF date, else file name), and append a
  `::: gallery` block with captions from `captions.txt`. All or nothing: the
  photos are copied under temporary names first, and only when every copy
  succeeded are they renamed and the gallery appended; on any error this
  run's files are removed and index.md is left as it was. Appends only: the
  bytes already in index.md are never changed, its line endings are kept.

Both raise EditorError with a plain Vietnamese message naming the file and the
fix; the command line prints it and exits 1. Everything they report goes through
`say` (print by default), so tests can capture it.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import secrets
import sys
import unicodedata
from dataclasses import dataclass, field

from news_core import gallery, placeholders
from news_core.dates import DateProblem, parse_date
from news_core.errors import Problems
from news_core.fields import closest_category
from news_core.frontmatter import split, yaml_text
from news_core.paths import shown
from news_core.settings import Config, build_time, load
from news_core.slugs import fold, slugify, to_ascii

PHOTO_TYPES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".webp": ".webp",
               ".heic": ".heic", ".heif": ".heif"}
CAPTIONS = "captions.txt"
# Windows hides known extensions, so "captions.txt" typed in Explorer is often
# saved as captions.txt.txt; it is read when captions.txt itself is absent.
CAPTIONS_NAMES = (CAPTIONS, CAPTIONS + ".txt")
JUNK = {".ds_store", "thumbs.db", "desktop.ini", *CAPTIONS_NAMES}
TEMP_PREFIX = ".invoke-photos-"
PREFIX_LENGTH = 24
EXIF_IFD, DATE_TIME_ORIGINAL, SUBSEC_ORIGINAL, DATE_TIME = 0x8769, 36867, 37521, 306
_EXIF_DATE = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_DIGITS = re.compile(r"(\d+)")

BODY = f"""\
{placeholders.LEAD} {placeholders.LEAD_MORE}

<!--
HƯỚNG DẪN (phần này không hiện trên trang, có thể xóa):
- Nội dung bài viết nằm bên dưới dòng --- thứ hai.
- Thêm một ảnh: chép tệp ảnh vào thư mục này, rồi viết một dòng riêng
  ![{placeholders.CAPTION}](ten-anh.jpg)
- Thêm thư viện ảnh: chạy lệnh
  {{photos}}
  hoặc tự viết một dòng mở "::: gallery Tiêu đề", mỗi dòng một ảnh như trên,
  và một dòng đóng chỉ có ba dấu hai chấm.
- Khi bài đã xong, đổi status: draft thành status: published để đăng.
-->
"""


class EditorError(Exception):
    """A problem the editor can fix; str() is the Vietnamese message."""


RUNNERS = ("invoke", "inv", "trangtin")  # the programs that run our tasks


def command(argv0: str | None = None, cwd: str | None = None, windows: bool | None = None) -> str:
    """The program the editor ran, written so that pasting it runs it again:
    `.venv/bin/invoke`, `invoke` (found on PATH), `trangtin`, `.venv\\Scripts\\invoke`.
    Anything else (tests, python -c) gives the project's own `.venv/bin/invoke`."""
    import shutil

    windows = os.name == "nt" if windows is None else windows
    sep = "\\" if windows else "/"
    argv0 = sys.argv[0] if argv0 is None else argv0
    name = re.split(r"[\\/]", argv0)[-1]
    stem = name[:-4] if name.lower().endswith(".exe") else name
    if stem.lower() not in RUNNERS:
        return sep.join((".venv", "Scripts" if windows else "bin", "invoke"))
    found = shutil.which(stem)
    if found and os.path.abspath(found) in (os.path.abspath(argv0), os.path.abspath(argv0) + ".exe"):
        return stem  # on PATH: the editor typed the bare name
    cwd = os.path.abspath(cwd or os.getcwd())
    path = os.path.abspath(argv0)
    try:
        inside = os.path.commonpath([cwd, path]) == cwd
    except ValueError:  # another drive
        inside = False
    shown_path = os.path.relpath(path, cwd) if inside else argv0
    shown_path = shown_path.replace("/", sep).replace("\\", sep)
    if sep not in shown_path:
        shown_path = "." + sep + shown_path
    if shown_path.lower().endswith(".exe"):
        shown_path = shown_path[:-4]
    return quoted(shown_path)


def quoted(text: str) -> str:
    """`text` as one shell word on Linux, macOS and Windows: in double quotes when it needs them."""
    if text and not re.search(r"[\s\"'&|;<>()$`^%!*?]", text):
        return text
    return '"' + text.replace('"', '\\"') + '"'


def load_config(settings_file: str) -> Config:
    """news_meta's Config from pelicanconf.py (categories, time zone, slug length)."""
    from pelican.settings import get_settings_from_file

    return load(get_settings_from_file(settings_file))


# -- invoke new ---------------------------------------------------------------


@dataclass(frozen=True)
class NewArticle:
    path: str
    slug: str
    category: str
    date: dt.datetime


def new_article(title: str, category: str, content: str, cfg: Config, slug: str = "",
                date: str = "", now: dt.datetime | None = None, run: str | None = None) -> NewArticle:
    """Create <content>/<year>/<slug>/index.md; raise EditorError, never overwrite.
    `run` is the program the editor ran (command()), for the commands the article shows."""
    run = run or command()
    title = " ".join(unicodedata.normalize("NFC", title or "").split())
    if not title:
        raise EditorError(
            'chưa có tiêu đề bài viết. Viết tiêu đề trong ngoặc kép, ví dụ: '
            f'{run} new "Hội nghị tổng kết năm 2024" --category "{cfg.categories[0].name if cfg.categories else "…"}"'
        )
    found = find_category(category, cfg)
    when = _when(date, now, cfg.timezone)
    slug_given = bool(slug and slug.strip())
    slug = slugify(slug if slug_given else title, cfg.slug_max_length)
    if not slug:
        raise EditorError(
            f'không tạo được tên thư mục (slug) từ "{(slug if slug_given else title)}". '
            "Thêm --slug ten-bai-viet (chữ thường không dấu, nối bằng dấu gạch ngang)."
        )
    if not os.path.isdir(content):
        raise EditorError(
            f'không tìm thấy thư mục nội dung (content) "{shown(content)}". Kiểm tra lại đường dẫn sau --content.'
        )
    folder = os.path.join(content, f"{when.year:04d}", slug)
    path = os.path.join(folder, "index.md")
    if os.path.exists(folder):
        what = "bài viết" if os.path.exists(path) else "thư mục"
        raise EditorError(
            f'đã có {what} "{shown(path if os.path.exists(path) else folder)}", không ghi đè. '
            f"Nếu đây là một bài khác, chọn tên khác bằng --slug, ví dụ --slug {slug}-2."
        )
    lines = [
        "---",
        f"title: {yaml_text(title)}",
        f"date: {when.strftime('%d/%m/%Y %H:%M')}",
        "views: 0",
        f"category: {yaml_text(found.name)}",
        "tags: []",
    ]
    if slug_given:
        lines.append(f"slug: {slug}")
    lines += ["status: draft", "---", "", ""]
    text = "\n".join(lines) + BODY.format(photos=photos_command(run, folder))
    os.makedirs(folder)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return NewArticle(path, slug, found.name, when)


def photos_command(run: str, folder: str) -> str:
    """`invoke photos` for this article, as the editor can paste it."""
    return f"{run} photos THU-MUC-ANH {quoted(shown(folder))}"


def find_category(text: str, cfg: Config):
    """The configured category named or slugged by `text`, else EditorError."""
    known = category_list(cfg)
    if not text or not text.strip():
        raise EditorError(
            f'chưa chọn chuyên mục. Thêm --category "…" với tên hoặc phần địa chỉ (slug) '
            f"của một trong các chuyên mục:\n{known}"
        )
    found = cfg.find_category(text) or _folded_match(text, cfg)
    if found:
        return found
    close = closest_category(text, cfg)
    hint = f' Có phải ý bạn là "{close}"?' if close else ""
    raise EditorError(
        f'chuyên mục "{text}" không có trong danh sách (NEWS_CATEGORIES trong pelicanconf.py).'
        f"{hint} Các chuyên mục hiện có (tên, hoặc phần địa chỉ gõ sau --category):\n{known}"
    )


def category_list(cfg: Config) -> str:
    """One line per configured category: its name and its slug, both accepted by --category."""
    return "\n".join(f'  - "{c.name}" (--category {c.slug})' for c in cfg.categories)


def _folded_match(text: str, cfg: Config):
    """A name typed without tone marks or with other case: 'van hoa - xa hoi'."""
    key = slugify(text)
    for cat in cfg.categories:
        if key and key == slugify(cat.name):
            return cat
    return None


def _when(date: str, now: dt.datetime | None, zone: str) -> dt.datetime:
    from zoneinfo import ZoneInfo

    if date and date.strip():
        try:
            return parse_date(date, zone)
        except DateProblem as exc:
            raise EditorError(
                f"--date: {exc}. Viết ngày trước, tháng sau, ví dụ --date \"21/03/2024 10:31\"."
            ) from None
    return (now or build_time()).astimezone(ZoneInfo(zone))


# -- invoke photos ------------------------------------------------------------


@dataclass
class Photo:
    source: str  # path as found on disk
    name: str  # NFC file name
    ext: str  # target extension
    taken: tuple | None = None  # (datetime, subsec) from EXIF
    caption: str = ""
    target: str = ""


@dataclass
class PhotosResult:
    copied: list[Photo] = field(default_factory=list)
    order: str = ""
    captions_found: int = 0
    captions_file: str = CAPTIONS  # the name actually read, e.g. captions.txt.txt
    captions_missing: list[Photo] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    gallery_lines: tuple[int, int] = (0, 0)  # file lines of the ::: opening and closing
    index: str = ""


def add_photos(source: str, article: str, say=print) -> PhotosResult:
    """Copy the photos of `source` into `article` and append a gallery block."""
    _register_heif()
    index = _article_index(article)
    folder = os.path.dirname(index)
    if not os.path.isdir(source):
        raise EditorError(
            f'không tìm thấy thư mục ảnh "{shown(source)}". Kiểm tra lại đường dẫn '
            "(nếu tên thư mục có dấu cách, đặt cả đường dẫn trong ngoặc kép)."
        )
    if os.path.realpath(source) == os.path.realpath(folder):
        raise EditorError("thư mục ảnh trùng với thư mục bài viết. Chọn thư mục chứa ảnh gốc của sự kiện.")
    data = _read_article(index)
    title, slug = _title_and_slug(data, folder)
    result = PhotosResult(index=index)
    photos = _find_photos(source, result.notices)
    if not photos:
        raise EditorError(
            f'thư mục "{shown(source)}" không có ảnh nào (JPEG, PNG, WebP hoặc HEIC). '
            "Kiểm tra lại đường dẫn tới thư mục ảnh."
        )
    photos = _skip_already_copied(photos, index, data, result.notices)
    if not photos:
        for notice in result.notices:
            say(f"Lưu ý: {notice}")
        say(f"Không chép ảnh nào: mọi ảnh trong thư mục đã có trong bài {shown(index)}.")
        return result
    result.order = _order(photos)
    _read_captions(source, photos, result)
    prefix = slugify(slug, PREFIX_LENGTH) or "anh"
    _name_targets(photos, prefix, folder)
    result.gallery_lines = _copy_all_then_append(photos, folder, index, data, title)
    result.copied = list(photos)
    result.captions_missing = [p for p in photos if not p.caption]
    _report(result, say)
    return result


def _copy_all_then_append(photos: list[Photo], folder: str, index: str, data: bytes,
                          title: str) -> tuple[int, int]:
    """Copy every photo to a temporary name, rename them all, append the gallery.

    Any error undoes this run (temporary and renamed files removed, index.md cut
    back to its original bytes) and becomes an EditorError naming the photo.
    """
    temps: list[str] = []  # this run's temporary files still on disk
    finals: list[str] = []  # this run's files already under their final names
    undone = f"Chưa chép ảnh nào vào bài và chưa sửa {shown(index)}."
    try:
        photo = None
        for photo in photos:
            temp = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(4)}-{photo.target}")
            temps.append(temp)  # before copying: a failed copy may leave a truncated file
            _copy(photo.source, temp)
        for photo, temp in zip(photos, list(temps)):
            final = os.path.join(folder, photo.target)
            if os.path.lexists(final):  # os.rename would replace it silently on Linux/macOS
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), final)
            os.rename(temp, final)
            temps.remove(temp)
            finals.append(final)
    except BaseException as exc:
        _remove(temps + finals)
        if not isinstance(exc, OSError):
            raise  # Ctrl+C and bugs: cleaned up, then as they are
        cause, fix = _os_error_text(exc)
        raise EditorError(f'không chép được ảnh "{photo.name}": {cause}. {undone} {fix}') from None
    try:
        return _append_gallery(index, data, title, photos)
    except BaseException as exc:
        try:
            os.truncate(index, len(data))
        except OSError:
            pass
        _remove(finals)
        if not isinstance(exc, OSError):
            raise
        cause, fix = _os_error_text(exc)
        raise EditorError(
            f'không ghi được thư viện ảnh vào "{shown(index)}": {cause}. Đã xóa các ảnh vừa chép; '
            f"tệp bài viết giữ nguyên. {fix}"
        ) from None


def _remove(paths: list[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:  # already gone, or nothing better to do while undoing
            pass


def _os_error_text(exc: OSError) -> tuple[str, str]:
    """(cause, fix) in Vietnamese for an error while copying or writing."""
    again = "rồi chạy lại lệnh."
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "ổ đĩa đã hết chỗ trống", f"Xóa bớt tệp để giải phóng chỗ trống {again}"
    if isinstance(exc, PermissionError):
        return ("không có quyền đọc hoặc ghi tệp",
                f"Đóng chương trình đang mở ảnh hoặc bài viết, kiểm tra quyền của thư mục {again}")
    if isinstance(exc, FileExistsError):
        return (f'trong thư mục bài viết vừa xuất hiện tệp cùng tên "{os.path.basename(exc.filename or "")}"',
                f"Kiểm tra lại thư mục bài viết {again}")
    if isinstance(exc, FileNotFoundError):
        return "không còn thấy tệp (đã bị xóa, đổi tên hoặc ổ đĩa đã bị rút ra)", f"Kiểm tra lại thư mục ảnh {again}"
    if exc.errno == errno.EIO:
        return ("lỗi đọc hoặc ghi ổ đĩa (tệp hỏng, thẻ nhớ lỗi hoặc ảnh chưa tải về hết)",
                f"Chép ảnh đó sang máy trước hoặc bỏ ảnh đó ra khỏi thư mục {again}")
    return exc.strerror or str(exc) or type(exc).__name__, f"Kiểm tra ảnh đó và ổ đĩa {again}"


def _register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - pillow_heif is a pinned dependency
        return
    register_heif_opener()


def _article_index(article: str) -> str:
    path = os.path.abspath(article or "")
    if os.path.isdir(path):
        if not os.path.isfile(os.path.join(path, "index.md")):
            raise EditorError(
                f'thư mục "{shown(article)}" không có tệp index.md, nên không phải là một bài viết. '
                f'Tạo bài trước bằng {command()} new "Tiêu đề" --category "…", hoặc ghi đúng thư mục bài viết.'
            )
        path = os.path.join(path, "index.md")
    if not article or not os.path.isfile(path) or not path.lower().endswith((".md", ".markdown")):
        raise EditorError(
            f'không tìm thấy bài viết "{shown(article)}". Ghi đường dẫn tới thư mục '
            "bài viết (có tệp index.md) hoặc tới chính tệp index.md, ví dụ content/2024/hoi-nghi."
        )
    return path


def _read_article(index: str) -> bytes:
    with open(index, "rb") as handle:
        data = handle.read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditorError(
            f'tệp "{shown(index)}" không được lưu bằng mã UTF-8, nên không thêm được ảnh. '
            "Mở tệp, lưu lại với mã hóa (encoding) UTF-8 rồi chạy lại lệnh."
        ) from None
    return data


def _title_and_slug(data: bytes, folder: str) -> tuple[str, str]:
    """The article's title and slug from its front matter, else the folder name."""
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    document = split(text, Problems(""))
    fields = document.fields if document else {}

    def value(name):
        f = fields.get(name)
        return " ".join(f.value.split()) if f and isinstance(f.value, str) else ""

    title = value("title")
    return title, value("slug") or slugify(title) or slugify(os.path.basename(folder))


def natural_key(name: str) -> list:
    """'IMG 2.jpg' before 'IMG 10.jpg'; 'Ảnh' among the a's; NFC/NFD and case-insensitive."""
    folded = fold(name)
    parts = _DIGITS.split(to_ascii(folded))
    return [[(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts], folded]


def _find_photos(source: str, notices: list[str]) -> list[Photo]:
    from PIL import Image

    photos = []
    for entry in sorted(os.listdir(source), key=natural_key):
        name = unicodedata.normalize("NFC", entry)
        path = os.path.join(source, entry)
        if name.startswith(".") or name.lower() in JUNK:
            continue  # macOS ._ files, .DS_Store, Thumbs.db, our captions.txt
        if os.path.isdir(path):
            notices.append(f'bỏ qua thư mục con "{name}" (chỉ chép ảnh nằm ngay trong thư mục đã chọn)')
            continue
        ext = os.path.splitext(name)[1].lower()
        if ext not in PHOTO_TYPES:
            notices.append(f'bỏ qua "{name}": không phải ảnh JPEG, PNG, WebP hoặc HEIC')
            continue
        try:
            with Image.open(path) as image:
                taken = _taken(image)
        except Exception:  # noqa: BLE001 - any unreadable file is skipped, named
            notices.append(f'bỏ qua "{name}": không mở được ảnh (tệp hỏng hoặc chưa tải về hết)')
            continue
        photos.append(Photo(path, name, PHOTO_TYPES[ext], taken))
    return photos


def _taken(image) -> tuple | None:
    """(datetime, subseconds) the photo was taken, from EXIF; None without one."""
    exif = image.getexif()
    try:
        sub = exif.get_ifd(EXIF_IFD)
    except Exception:  # noqa: BLE001 - a broken Exif IFD is no date
        sub = {}
    for raw, subsec in ((sub.get(DATE_TIME_ORIGINAL), sub.get(SUBSEC_ORIGINAL)), (exif.get(DATE_TIME), None)):
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        match = _EXIF_DATE.match(str(raw or "").strip())
        if not match:
            continue
        try:
            when = dt.datetime(*(int(g) for g in match.groups()))
        except ValueError:
            continue  # "0000:00:00 00:00:00" from cameras with no clock set
        digits = str(subsec or "").strip().strip("\x00")
        return when, int(digits) / 10 ** len(digits) if digits.isdigit() else 0.0
    return None


def _order(photos: list[Photo]) -> str:
    """Sort in place; return how, in Vietnamese, for the summary."""
    dated = [p for p in photos if p.taken]
    undated = [p for p in photos if not p.taken]
    dated.sort(key=lambda p: (p.taken, natural_key(p.name)))
    undated.sort(key=lambda p: natural_key(p.name))
    photos[:] = dated + undated
    if not undated:
        return "theo giờ chụp (EXIF)"
    if not dated:
        return "theo tên tệp (ảnh không có giờ chụp EXIF)"
    return (f"{len(dated)} ảnh theo giờ chụp (EXIF), rồi {len(undated)} ảnh không có giờ chụp "
            "theo tên tệp")


_IMAGE_REF = re.compile(r"!\[.*?\]\(\s*(<[^>\n]*>|[^)\s]+)")


def _referenced_photos(index: str, data: bytes) -> list[str]:
    """Files the article's image lines `![…](name)` point to in its folder.

    Only these count as "already in the article": a photo merely lying in the
    folder (a copy left by an interrupted run, say) is not shown anywhere.
    """
    from news_core.photos import PhotoProblem, resolve

    folder = os.path.dirname(index)
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    found = []
    for ref in _IMAGE_REF.findall(text):
        ref = ref[1:-1] if ref.startswith("<") else ref
        try:
            path = resolve(ref, index, folder).source
        except (PhotoProblem, ValueError, OSError):
            continue  # a web address, a missing file, outside the folder, not a photo
        if os.path.splitext(path)[1].lower() in PHOTO_TYPES and path not in found:
            found.append(path)
    return found


def _skip_already_copied(photos: list[Photo], index: str, data: bytes, notices: list[str]) -> list[Photo]:
    """Running the task twice must not copy (and list) the same photo twice."""
    have = {}
    for path in _referenced_photos(index, data):
        have.setdefault(os.path.getsize(path), []).append(path)
    kept = []
    for photo in photos:
        size = os.path.getsize(photo.source)
        same = next((p for p in have.get(size, []) if _digest(p) == _digest(photo.source)), None)
        if same:
            notices.append(f'bỏ qua "{photo.name}": ảnh này đã có trong bài với tên {os.path.basename(same)}')
        else:
            kept.append(photo)
    return kept


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _captions_file(source: str, notices: list[str]) -> str | None:
    """captions.txt in any case, else captions.txt.txt (a hidden .txt on Windows)."""
    names = sorted(os.listdir(source))
    for wanted in CAPTIONS_NAMES:
        found = [n for n in names if unicodedata.normalize("NFC", n).lower() == wanted
                 and os.path.isfile(os.path.join(source, n))]
        if found:
            others = [n for n in names if n not in found and n.lower() in CAPTIONS_NAMES]
            for other in others:
                notices.append(f'bỏ qua "{other}": đã dùng chú thích trong "{found[0]}"')
            return os.path.join(source, found[0])
    return None


def _read_captions(source: str, photos: list[Photo], result: PhotosResult) -> None:
    """`file name: caption` lines of captions.txt beside the photos."""
    path = _captions_file(source, result.notices)
    if not path:
        return
    name = result.captions_file = os.path.basename(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise EditorError(
            f'tệp "{shown(path)}" không được lưu bằng mã UTF-8. Mở tệp, lưu lại với mã hóa '
            "(encoding) UTF-8 rồi chạy lại lệnh (chưa chép ảnh nào)."
        ) from None
    by_name = {fold(p.name): p for p in photos}
    by_stem = {}
    for p in photos:
        by_stem.setdefault(fold(os.path.splitext(p.name)[0]), []).append(p)
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = unicodedata.normalize("NFC", raw).strip()
        if not line or line.startswith("#"):
            continue
        # The longest "name:" that is a photo's name, so "a: b.jpg: …" works too.
        cuts = [i for i, ch in enumerate(line) if ch == ":" and fold(line[:i]) in by_name]
        if cuts:
            photo, caption = by_name[fold(line[:cuts[-1]])], line[cuts[-1] + 1:]
        elif ":" in line:
            written, caption = (part.strip() for part in line.split(":", 1))
            matches = by_stem.get(fold(written), [])
            if len(matches) != 1:
                result.notices.append(
                    f'{name} dòng {number}: không có ảnh nào được chép tên "{written}", bỏ qua dòng này'
                )
                continue
            photo = matches[0]
        else:
            result.notices.append(
                f'{name} dòng {number}: thiếu dấu hai chấm. Viết "tên tệp ảnh: chú thích", bỏ qua dòng này'
            )
            continue
        caption = " ".join(caption.split())
        if photo.caption and caption:
            result.notices.append(f'{name} dòng {number}: ảnh "{photo.name}" đã có chú thích ở dòng trước, dùng chú thích mới')
        if caption:
            photo.caption = caption


def _name_targets(photos: list[Photo], prefix: str, folder: str) -> None:
    """prefix-01.jpg, prefix-02.jpg…, after any prefix-NN already in the article."""
    taken = {fold(n) for n in os.listdir(folder)}
    pattern = re.compile(rf"{re.escape(prefix)}-(\d+)\.[a-z0-9]+")
    last = max((int(m[1]) for n in taken if (m := pattern.fullmatch(n))), default=0)
    width = max(2, len(str(last + len(photos))))
    number = last
    for photo in photos:
        while True:
            number += 1
            name = f"{prefix}-{number:0{width}d}{photo.ext}"
            if fold(name) not in taken and not any(fold(n).startswith(f"{prefix}-{number:0{width}d}.") for n in taken):
                break
        taken.add(fold(name))
        photo.target = name


def _copy(source: str, target: str) -> None:
    """Copy bytes; mode 'xb' refuses to replace a file that appeared meanwhile."""
    import shutil

    with open(source, "rb") as src, open(target, "xb") as dst:
        shutil.copyfileobj(src, dst)
    shutil.copystat(source, target)


def _append_gallery(index: str, data: bytes, title: str, photos: list[Photo]) -> tuple[int, int]:
    """Append the block to `index`; the existing bytes stay as they are."""
    eol = b"\r\n" if b"\r\n" in data else b"\r" if b"\r" in data and b"\n" not in data else b"\n"
    if not data.strip():
        lead = b""
    elif data.endswith(eol + eol):
        lead = b""
    elif data.endswith(eol):
        lead = eol
    else:
        lead = eol + eol
    lines = gallery.block(f"{gallery.DEFAULT_TITLE} {title}", [gallery.item_line(p.target, p.caption) for p in photos])
    block = lead + eol.join(line.encode("utf-8") for line in lines) + eol
    first = (data + lead).count(eol) + 1
    with open(index, "ab") as handle:
        handle.write(block)
    return first, first + len(lines) - 1


def _report(result: PhotosResult, say) -> None:
    for notice in result.notices:
        say(f"Lưu ý: {notice}")
    for photo in result.copied:
        caption = f" — {photo.caption}" if photo.caption else " — (chưa có chú thích)"
        say(f"  {photo.name} → {photo.target}{caption}")
    found, missing = len(result.copied) - len(result.captions_missing), len(result.captions_missing)
    first, last = result.gallery_lines
    say(f"Đã chép {len(result.copied)} ảnh vào {shown(os.path.dirname(result.index))}, "
        f"xếp {result.order}.")
    say(f"Chú thích: {found} ảnh có chú thích từ {result.captions_file}, {missing} ảnh chưa có.")
    say(f"Đã thêm thư viện ảnh vào cuối {shown(result.index)} (dòng {first}–{last}).")
    if missing:
        lines = ", ".join(str(first + 1 + result.copied.index(p)) for p in result.captions_missing)
        say(f"CẦN LÀM: viết chú thích vào giữa hai dấu [ ] ở dòng {lines} của {shown(result.index)}, "
            "ví dụ ![Các đại biểu tham dự hội nghị](...). Khi còn ảnh chưa có chú thích, "
            f"lệnh {command()} build (và bản xem trước) báo LỖI ở đúng dòng đó và chưa hiện bài.")
