"""Read a photo's header: size after orientation, or why it cannot be used.

Nothing here decodes pixels, so a decompression bomb is refused unopened.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from dataclasses import dataclass

from news_core.files import write_atomic
from news_core.photos import PhotoProblem
from PIL import Image, UnidentifiedImageError

ORIENTATION = 0x0112
SWAPS_AXES = {5, 6, 7, 8}
FIX_REPLACE = "Chép lại ảnh gốc từ máy ảnh hoặc điện thoại, hoặc xóa dòng này."


@dataclass(frozen=True)
class Probe:
    width: int  # as the reader sees it, orientation applied
    height: int
    digest: str  # of the source bytes


def register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - listed in requirements
        return
    register_heif_opener()


def probe(path: str, max_pixels: int, digests: DigestMemo) -> Probe:
    size = os.path.getsize(path)
    if size == 0:
        raise PhotoProblem("tệp ảnh rỗng (0 byte)", FIX_REPLACE)
    known = digests.known(path)  # this very file (size, time) was read before: not again
    if known and len(known) >= 5:
        _, _, digest, width, height = known[:5]
        if width * height > max_pixels:
            raise _bomb(width, height, max_pixels)
        return Probe(width, height, digest)
    limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels  # Pillow refuses at twice this; we check below
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise _bomb(width, height, max_pixels)
                orientation = _orientation(image)
    except PhotoProblem:
        raise
    except Image.DecompressionBombError:
        raise _bomb(0, 0, max_pixels) from None
    except UnidentifiedImageError:
        raise PhotoProblem("tệp không phải là ảnh hoặc có định dạng không hỗ trợ", "Dùng ảnh JPEG, PNG, WebP hoặc HEIC.") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoProblem(f"tệp ảnh bị hỏng ({exc})", FIX_REPLACE) from None
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    if orientation in SWAPS_AXES:
        width, height = height, width
    found = Probe(width, height, digests.digest(path))
    known = digests.known(path)
    if known:  # its size too, so that the next build need not open it
        digests.learn(path, known[:2], found.digest, width, height)
    return found


def _bomb(width: int, height: int, limit: int) -> PhotoProblem:
    size = f"ảnh {width}×{height} ({width * height / 1e6:.1f} MP)" if width else "ảnh"
    return PhotoProblem(
        f"{size} vượt giới hạn {limit / 1e6:.1f} MP điểm ảnh (có thể là tệp độc hại, decompression bomb)",
        "Thu nhỏ ảnh, hoặc tăng NEWS_IMAGES_MAX_PIXELS trong pelicanconf.py nếu ảnh đúng là ảnh thật.",
    )


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(ORIENTATION, 1))
    except Exception:  # a broken EXIF block must not hide a good photo
        return 1


class DigestMemo:
    """Content hashes of source photos, remembered by (size, mtime) between builds,
    with their size in pixels (orientation applied) once a header was read.

    The hash, not the file time, keys every derivative: a fresh clone (new file
    times) re-hashes its photos once and then reuses the cached derivatives.
    """

    def __init__(self, path: str):
        self.path = path
        self.entries: dict[str, list] = {}
        self.changed = False
        try:
            with open(path, encoding="utf-8") as handle:
                self.entries = json.load(handle)
        except (OSError, ValueError):
            self.entries = {}

    def known(self, source: str) -> list | None:
        """[size, mtime, hash, width?, height?] remembered for this very file, or None."""
        stat = os.stat(source)
        entry = self.entries.get(source)
        return entry if entry and entry[:2] == [stat.st_size, stat.st_mtime_ns] else None

    def digest(self, source: str) -> str:
        known = self.known(source)
        if known:
            return known[2]
        stat = os.stat(source)
        hasher = hashlib.blake2b(digest_size=16)
        with open(source, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                hasher.update(block)
        value = hasher.hexdigest()
        self.entries[source] = [stat.st_size, stat.st_mtime_ns, value]
        self.changed = True
        return value

    def learn(self, source: str, stamp, digest: str, width: int, height: int) -> None:
        """What a reading found (here, or in a read pool's worker, which keeps
        nothing): the photo's hash and size, for the file as it was then (`stamp`)."""
        if not stamp or not digest:
            return
        entry = [*stamp, digest, width, height]
        if self.entries.get(source) != entry:
            self.entries[source] = entry
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        write_atomic(self.path, json.dumps(self.entries, sort_keys=True).encode("utf-8"))
        self.changed = False
