"""Parsed articles kept between builds, keyed by what they were made from.

Reading is most of a build's time (YAML, Markdown, the sanitizer, photo
headers), and an article that did not change reads the same. The key is a
hash of the file's bytes, its path in the content folder, the settings that
shape what the reader makes, and the source code of the plugins that read it;
never a file time, so a fresh clone or a `touch` changes nothing and an edit
always shows. The photos and documents an article uses are checked by size
and modification time on every hit: a replaced photo means reading again.

An entry keeps the article's warnings, which are printed again on every
build, so a strict build fails on an unchanged article as it did the first
time. Articles with errors are never kept.

Entries are one pickle each (uncompressed: reading a thousand is a tenth of a
no-change rebuild, and zlib would add a third to it), under
<NEWS_CONTENT_CACHE_PATH>/<2 hex>/<key>; entries unused for 30 days are
removed at the end of a build, at most once a day.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pickle
import secrets
import time
from dataclasses import dataclass, field

PRUNE_AFTER = 30 * 24 * 3600
PRUNE_EVERY = 24 * 3600
READER_PLUGINS = ("news_meta", "news_gallery", "news_images")
SETTINGS = ("NEWS_CATEGORIES", "NEWS_SLUG_MAX_LENGTH", "NEWS_EMBED_HOSTS", "TIMEZONE", "MARKDOWN",
            "PAGE_PATHS", "ARTICLE_PATHS", "PATH", "NEWS_IMAGES_MAX_PIXELS")


@dataclass
class Entry:
    meta: object
    html: str
    photos: list
    files: list
    roles: dict
    cover: object
    warnings: list
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    info: object = None  # the article's NewsInfo (display dates): made again only if it fell due

    def fresh(self) -> bool:
        for path, stamp in self.stamps.items():
            try:
                stat = os.stat(path)
            except OSError:
                return False
            if (stat.st_size, stat.st_mtime_ns) != tuple(stamp):
                return False
        return True


def stamps(paths) -> dict[str, tuple[int, int]]:
    found = {}
    for path in paths:
        stat = os.stat(path)
        found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


_CODE: str | None = None


def code_version() -> str:
    """A hash of the reading plugins' source: a code change is a cache miss."""
    global _CODE
    if _CODE is None:
        plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        digest = hashlib.blake2b(digest_size=16)
        for name in READER_PLUGINS:
            for path in sorted(glob.glob(os.path.join(plugins, name, "*.py"))):
                with open(path, "rb") as handle:
                    digest.update(path.encode("utf-8", "replace") + handle.read())
        _CODE = digest.hexdigest()
    return _CODE


# Values this process read, by folder and key: `invoke serve` rebuilds in one process,
# and its next build then unpickles nothing. Values are never changed once made (the
# reader copies what it adjusts), and the text they hold is what the articles hold.
_WARM: dict[tuple[str, str], object] = {}


class PickleStore:
    """Values pickled one per file, <folder>/<2 hex>/<key>: written through a temporary
    file and a rename, kept warm in memory once read, pruned at most once a day of
    the files no build used for PRUNE_AFTER. The content cache and news_images'
    memo of rewritten HTML are two of them."""

    def __init__(self, path: str):
        self.path = path
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def _file(self, key: str) -> str:
        return os.path.join(self.path, key[:2], key)

    def exists(self, key: str) -> bool:
        return os.path.exists(self._file(key))

    def load(self, key: str, valid) -> object | None:
        """The value under `key` if valid(value), else None (counted as a miss)."""
        self.used.add(key)
        value = _WARM.get((self.path, key))
        if value is None:
            try:
                with open(self._file(key), "rb") as handle:
                    value = pickle.loads(handle.read())
            except (OSError, ValueError, EOFError, pickle.PickleError, AttributeError, ImportError):
                value = None
        if value is None or not valid(value):
            self.misses += 1
            return None
        self.hits += 1
        _WARM[(self.path, key)] = value
        return value

    def put(self, key: str, value) -> None:
        self.used.add(key)
        target = self._file(key)
        temporary = f"{target}.{secrets.token_hex(4)}.tmp"
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, target)
        except OSError:  # a read-only or full disk only costs speed
            try:
                os.unlink(temporary)
            except OSError:
                pass

    def prune(self) -> int:
        """Forget the warm values this build did not use; once a day, remove the files
        this build did not use and nobody wrote for PRUNE_AFTER."""
        for warm in [w for w in _WARM if w[0] == self.path and w[1] not in self.used]:
            del _WARM[warm]
        stamp = os.path.join(self.path, "pruned")
        try:  # once a day is enough: listing thousands of entries is a tenth of a rebuild
            if time.time() - os.stat(stamp).st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        try:
            os.makedirs(self.path, exist_ok=True)
            with open(stamp, "w", encoding="utf-8"):
                pass
        except OSError:
            return 0
        removed, limit = 0, time.time() - PRUNE_AFTER
        for path in glob.glob(os.path.join(self.path, "??", "*")):
            try:
                if os.path.basename(path) not in self.used and os.stat(path).st_mtime < limit:
                    os.unlink(path)
                    removed += 1
            except OSError:
                continue
        return removed


class ContentCache(PickleStore):
    def __init__(self, path: str, settings: dict):
        super().__init__(path)
        described = repr([(name, settings.get(name)) for name in SETTINGS]) + code_version()
        self.fingerprint = hashlib.blake2b(described.encode("utf-8", "replace"), digest_size=16).digest()

    def key(self, data: bytes, relative: str) -> str:
        digest = hashlib.blake2b(self.fingerprint, digest_size=20)
        digest.update(relative.encode("utf-8", "replace") + b"\0" + data)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        return self.load(key, lambda entry: isinstance(entry, Entry) and entry.fresh())
