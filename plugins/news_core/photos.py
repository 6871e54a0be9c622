"""Resolve photo references written relative to an article's Markdown file."""

from __future__ import annotations

import difflib
import os
import posixpath
import unicodedata
from dataclasses import dataclass, field
import re
from urllib.parse import unquote

from .guard import Refused, within

MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")  # Markdown's backslash escapes: anh\_1.jpg
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # http:, file:, C:
FILE_EXTENSIONS = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
    ".rtf", ".txt", ".csv", ".zip", ".rar", ".7z", ".mp3", ".mp4", ".m4a",
)
# Files that can carry where they were recorded and that the build cannot clean.
REFUSED_FILES = {
    ".mp4": "video có thể mang vị trí nơi quay (GPS)",
    ".m4a": "tệp ghi âm có thể mang vị trí nơi ghi (GPS)",
    ".rar": "tệp nén .rar không kiểm tra được bên trong",
    ".7z": "tệp nén .7z không kiểm tra được bên trong",
}
REFUSED_FIX = ("Đăng video lên YouTube rồi nhúng vào bài; với tệp nén, nén lại bằng .zip "
               "(trang sẽ xóa thông tin tác giả và vị trí của ảnh bên trong).")
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif")


@dataclass(frozen=True)
class PhotoRef:
    """A photo (or attached file) an article uses.

    `name` is relative to the article's folder when `shared` is False, else
    relative to the content root (a photo outside the article's folder).
    width, height (orientation applied) and digest (of the source bytes) are
    filled in by news_images' inspector; article, line and ref say where the
    photo was used first, for error messages.
    """

    source: str
    name: str
    shared: bool = False
    width: int = 0
    height: int = 0
    digest: str = ""
    article: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)
    ref: str = field(default="", compare=False)

    @property
    def stem(self) -> str:
        """ASCII base for derivative names: 'Quang cảnh (1).JPG' -> 'quang-canh-1'."""
        from .slugs import slugify

        return slugify(posixpath.splitext(posixpath.basename(self.name))[0], 40) or "anh"


class PhotoProblem(Refused):
    """str() is the problem; `fix` the advice."""


def is_local_file(ref: str) -> bool:
    """A link to a document beside the article (not a page, not a web address)."""
    ref = ref.strip().replace("\\", "/")
    if not ref or _SCHEME.match(ref) or ref.startswith(("/", "#", "?")):
        return False
    return ref.lower().rsplit("?", 1)[0].endswith(FILE_EXTENSIONS + PHOTO_EXTENSIONS)


def is_photo(ref: str) -> bool:
    """A local file reference whose name says it is a photo."""
    return is_local_file(ref) and ref.strip().lower().rsplit("?", 1)[0].endswith(PHOTO_EXTENSIONS)


def resolve(ref: str, md_path: str, content_root: str, kind: str = "ảnh") -> PhotoRef:
    """Map `ref` (as written in Markdown) to the photo (or, with kind="tệp",
    the attached document) it names."""
    ref = ref.strip().replace("\\", "/")  # Windows editors type hinh\\anh.jpg
    fix = f"Chép {kind} vào cùng thư mục với tệp bài viết và chỉ ghi tên tệp."
    if _SCHEME.match(ref) or ref.startswith("/"):
        raise PhotoProblem(f'{kind} "{ref}" không nằm trong thư mục bài viết', fix)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(md_path)))
    root = os.path.realpath(content_root)
    # A file name is taken literally first ("ảnh #1.jpg"), then URL-decoded ("a%20b.jpg").
    source = os.path.normpath(os.path.join(folder, ref))
    if not os.path.exists(source):
        source = os.path.normpath(os.path.join(folder, unquote(ref)))
    source = _same_name_other_normalisation(source)
    if not within(source, root):  # ../ or a symlink out
        raise PhotoProblem(f'{kind} "{ref}" nằm ngoài thư mục nội dung (content)', fix)
    if not os.path.isfile(source):
        raise PhotoProblem(f'không tìm thấy {kind} "{ref}"', _missing_fix(source))
    refused = REFUSED_FILES.get(os.path.splitext(source)[1].lower())
    if kind != "ảnh" and refused:
        raise PhotoProblem(f'không đăng tệp "{ref}": {refused}', REFUSED_FIX)
    if kind == "ảnh" and not source.lower().endswith(PHOTO_EXTENSIONS):
        raise PhotoProblem(
            f'"{ref}" không phải là tệp ảnh',
            "Dùng ảnh JPEG, PNG, WebP hoặc HEIC.",
        )
    inside = os.path.commonpath([folder, source]) == folder
    base = folder if inside else root
    name = posixpath.join(*os.path.relpath(source, base).split(os.sep))
    return PhotoRef(source, name, shared=not inside)


def _same_name_other_normalisation(source: str) -> str:
    """'ảnh.jpg' typed in NFC finds a file saved with an NFD name (macOS), and back."""
    if os.path.isfile(source):
        return source
    folder, wanted = os.path.split(source)
    key = unicodedata.normalize("NFC", wanted)
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return source
    match = next((n for n in names if unicodedata.normalize("NFC", n) == key), None)
    return os.path.join(folder, match) if match else source


def _missing_fix(source: str) -> str:
    folder, wanted = os.path.split(source)
    try:
        names = [n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n))]
    except OSError:
        return "Kiểm tra lại đường dẫn: thư mục chứa ảnh không tồn tại."
    by_lower = {unicodedata.normalize("NFC", n).lower(): n for n in sorted(names)}
    close = difflib.get_close_matches(unicodedata.normalize("NFC", wanted).lower(), list(by_lower), n=1, cutoff=0.5)
    if close:
        return f'Có phải ý bạn là "{by_lower[close[0]]}"? Tên tệp phải viết đúng cả chữ hoa, chữ thường.'
    return "Kiểm tra tên tệp và chép ảnh vào cùng thư mục với tệp bài viết."
