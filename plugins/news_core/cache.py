"""Parsed articles kept between builds, keyed by what they were made from.

Reading is most of a build's time (YAML, Markdown, the sanitizer, photo
headers), and an article that did not change reads the same. The key is a
hash of the file's bytes, its path in the content folder, the site's settings
(settings_digest) and the code that reads it (code_version: our packages, the
libraries that shape what they make, Python); never a file time, so a fresh
clone or a `touch` changes nothing and an edit always shows. The photos and
documents an article uses are checked by size and modification time on every
hit: a replaced photo means reading again.

An entry keeps the article's warnings, which are printed again on every
build, so a strict build fails on an unchanged article as it did the first
time. Articles with errors are never kept.

Entries are one pickle each (uncompressed: reading a thousand is a tenth of a
no-change rebuild, and zlib would add a third to it), under
<NEWS_CONTENT_CACHE_PATH>/<2 hex>/<key>; entries unused for 30 days are
removed at the end of a build, at most once a day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import glob
import hashlib
import importlib.metadata
import os
import pickle
import platform
import re
import secrets
import time
import types
from dataclasses import dataclass, field

PRUNE_AFTER = 30 * 24 * 3600
PRUNE_EVERY = 24 * 3600
# The folder that holds our packages: plugins/ in a checkout, site-packages once installed.
PACKAGES = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The installed libraries whose version shapes what a build makes: Pelican (contents,
# URLs, writing), Markdown (article HTML), PyYAML (front matter), nh3 and beautifulsoup4
# (the sanitizer, lead paragraphs, <picture> markup), Babel (Vietnamese dates and
# numbers), Jinja2 and MarkupSafe (pages and their escaping), Pillow and pillow-heif (a
# photo's size and orientation as read, hence width and height). Not minify-html nor
# brotli: they run over the whole output of every publish, after the caches.
LIBRARIES = ("pelican", "markdown", "pyyaml", "nh3", "babel", "jinja2", "markupsafe",
             "beautifulsoup4", "pillow", "pillow-heif")
# Settings that say where a build reads, writes and keeps its caches, how many
# processes it uses, or that hold the state plugins keep during a build: never
# what it makes. NEWS_SETTINGS_FILE is hashed by its bytes instead.
UNSHAPING = frozenset({
    "OUTPUT_PATH", "NEWS_OUTPUT_TARGET", "NEWS_INCREMENTAL", "DELETE_OUTPUT_DIRECTORY", "OUTPUT_RETENTION",
    "CACHE_PATH", "NEWS_IMAGES_CACHE_PATH", "NEWS_CONTENT_CACHE_PATH", "CACHE_CONTENT", "LOAD_CONTENT_CACHE",
    "NEWS_READ_WORKERS", "NEWS_IMAGES_WORKERS", "NEWS_SETTINGS_FILE",
    "LOCALE",  # dates and numbers come from Babel; its fallback is whatever locale the process has now
    "NEWS_META_STATE", "NEWS_IMAGES_STATE", "NEWS_PUBLISH_STATE",
    "NEWS_INCREMENTAL_WRITER", "NEWS_INCREMENTAL_CONTEXT", "NEWS_INCREMENTAL_PREVIOUS",
})


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


_CODE: dict[str, str] = {}


def code_version(root: str = PACKAGES) -> str:
    """A hash of the code that makes a site from its content and settings: every
    file of our packages in `root` (news_*, trangtin, subpackages included, by
    their path inside `root`), Python's version and each of LIBRARIES' installed
    version. Worked out once a process: it runs the code it imported (the
    preview restarts on a code change)."""
    found = _CODE.get(root)
    if found is None:
        digest = hashlib.blake2b(repr(versions()).encode("utf-8"), digest_size=16)
        for path in package_files(root):
            with open(path, "rb") as handle:
                data = handle.read()
            name = os.path.relpath(path, root).replace(os.sep, "/")
            digest.update(f"{name}\0{len(data)}\0".encode("utf-8", "replace") + data)
        found = _CODE[root] = digest.hexdigest()
    return found


def versions() -> list[tuple[str, str | None]]:
    """Python's version and each of LIBRARIES' installed version (None: not installed)."""
    found = [("python", f"{platform.python_implementation()} {platform.python_version()}")]
    for name in LIBRARIES:
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, None))
    return found


def package_files(root: str) -> list[str]:
    """Every file of our packages in `root`, in a fixed order; not bytecode, hidden files or backups."""
    files = []
    packages = glob.glob(os.path.join(root, "news_*")) + glob.glob(os.path.join(root, "trangtin"))
    for package in sorted(p for p in packages if os.path.isfile(os.path.join(p, "__init__.py"))):
        for folder, subfolders, names in os.walk(package):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and not d.startswith("."))
            files += [os.path.join(folder, n) for n in sorted(names)
                      if not n.startswith(".") and not n.endswith((".pyc", ".pyo", "~"))]
    return files


def settings_digest(settings) -> str:
    """A hash of every setting but UNSHAPING (upper-case keys: a template context
    holds the settings too), each described by canonical(); and of the bytes of
    NEWS_SETTINGS_FILE, the settings file, when the build names it."""
    roots = _roots(settings)
    shown = [(key, canonical(settings[key], roots)) for key in sorted(settings)
             if key.isupper() and key not in UNSHAPING]
    digest = hashlib.blake2b(repr(shown).encode("utf-8", "surrogatepass"), digest_size=16)
    if settings.get("NEWS_SETTINGS_FILE"):
        try:
            with open(settings["NEWS_SETTINGS_FILE"], "rb") as handle:
                digest.update(b"\0file\0" + handle.read())
        except OSError:
            digest.update(b"\0unreadable\0")
    return digest.hexdigest()


def _roots(settings) -> list[tuple[str, str]]:
    """Folders that differ between machines but not what a site shows, longest first."""
    roots = [(PACKAGES, "<code>")]
    for key, label in (("PATH", "<content>"), ("THEME", "<theme>")):
        if isinstance(settings.get(key), str) and os.path.isabs(settings[key]):
            roots.append((os.path.normpath(settings[key]), label))
    return sorted(roots, key=lambda root: -len(root[0]))


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_STABLE_REPR = (dt.date, dt.time, dt.timedelta, dt.tzinfo, decimal.Decimal, enum.Enum, complex)


def canonical(value, roots=(), depth: int = 0):
    """`value` as plain data that is the same on every run and machine for what
    it shapes: no object address, sets sorted, paths inside `roots` relative to
    them, functions by their code (not by name alone), objects by their fields."""
    if isinstance(value, str):
        return _located(value, roots)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if depth > 12:
        return f"<deep {type(value).__qualname__}>"

    def inner(item):
        return canonical(item, roots, depth + 1)

    if isinstance(value, (bytes, bytearray)):
        return ("bytes", hashlib.blake2b(value, digest_size=16).hexdigest())
    if isinstance(value, os.PathLike):
        return ("path", _located(os.fspath(value), roots))
    if isinstance(value, dict):  # insertion order kept: it can matter (Markdown's extension_configs)
        return (type(value).__qualname__, [(inner(k), inner(v)) for k, v in value.items()])
    if isinstance(value, (set, frozenset)):
        return (type(value).__qualname__, sorted((inner(v) for v in value), key=repr))
    if isinstance(value, (list, tuple)):
        return (type(value).__qualname__, [inner(v) for v in value])
    if isinstance(value, _STABLE_REPR):
        return (type(value).__qualname__, repr(value))
    if isinstance(value, re.Pattern):
        return ("pattern", value.pattern, value.flags)
    return _code(value, inner) or _object(value, inner)


def _code(value, inner) -> tuple | None:
    """A function, a class, a module, a method: by what runs (bytecode, for the same
    source and Python the same everywhere) and what it holds, never by its address."""
    if isinstance(value, types.FunctionType):
        cells = [inner(_cell(c)) for c in value.__closure__ or ()]
        return ("function", value.__module__, value.__qualname__, inner(value.__code__),
                inner(value.__defaults__), inner(value.__kwdefaults__), cells)
    if isinstance(value, types.CodeType):
        return ("code", hashlib.blake2b(value.co_code, digest_size=16).hexdigest(),
                inner(value.co_consts), value.co_names)
    if isinstance(value, (type, types.ModuleType, types.BuiltinFunctionType)):
        return (type(value).__qualname__, getattr(value, "__module__", None),
                getattr(value, "__qualname__", None), getattr(value, "__name__", None))
    if isinstance(value, types.MethodType):
        return ("method", inner(value.__func__), inner(value.__self__))
    if isinstance(value, functools.partial):
        return ("partial", inner(value.func), inner(value.args), inner(value.keywords))
    return None


def _object(value, inner) -> tuple:
    """Any other object: its fields (a dataclass's, else its __dict__ and slots), or
    failing those its repr without addresses."""
    kind = (type(value).__module__, type(value).__qualname__)
    if dataclasses.is_dataclass(value):
        return (*kind, [(f.name, inner(getattr(value, f.name, None))) for f in dataclasses.fields(value)])
    fields = dict(getattr(value, "__dict__", None) or {})
    for cls in type(value).__mro__:
        for name in cls.__dict__.get("__slots__", ()):
            if isinstance(name, str) and hasattr(value, name):
                fields[name] = getattr(value, name)
    if fields:
        return (*kind, inner(fields))
    return (*kind, _ADDRESS.sub("", repr(value)))


def _cell(cell):
    try:
        return cell.cell_contents
    except ValueError:  # a closure cell not filled yet
        return None


def _located(text: str, roots) -> str:
    for folder, label in roots:
        if text == folder or text.startswith(folder + os.sep):
            return label + text[len(folder):].replace(os.sep, "/")
    return text


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
        self.settings = settings

    @functools.cached_property
    def fingerprint(self) -> bytes:
        """What every article of this build is read with. Worked out at the first
        article, not when the build starts: Pelican's Markdown reader completes
        MARKDOWN in place when it starts (a site's MARKDOWN from trangtin.defaults is
        then one object for every build of the process, the live preview's too).
        The content folder counts too: an entry holds its photos' absolute paths, and
        another folder with the same article (a copy, a test site) must not take them."""
        root = os.path.realpath(self.settings.get("PATH") or ".")
        made_from = f"{code_version()}\0{settings_digest(self.settings)}\0{root}"
        return hashlib.blake2b(made_from.encode("utf-8"), digest_size=16).digest()

    def key(self, data: bytes, relative: str) -> str:
        digest = hashlib.blake2b(self.fingerprint, digest_size=20)
        digest.update(relative.encode("utf-8", "replace") + b"\0" + data)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        return self.load(key, lambda entry: isinstance(entry, Entry) and entry.fresh())
