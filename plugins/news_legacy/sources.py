"""Which files of SOURCE are pages, each page's old address, and its photos on disk.

Three layouts are read:
- a page saved by a browser ("save page, complete"): `Tên bài.html` beside
  `Tên bài_files/`; Chrome writes the address in a `saved from url=` comment;
- a wget mirror: `dongda.hanoi.gov.vn/tin-tuc/bai-viet.html`, the folder named
  after the host is the site's root (`--restrict-file-names=windows` writes
  `?` as `@`, `--adjust-extension` adds `.html`);
- an HTTrack mirror: the same, plus a `Mirrored from` comment and hts-cache/.

A page may name any path in its `<img src>` (`../../../home/…`), so a photo or
document is read only inside the folders given as SOURCE (for a single page
file, its folder, or its mirror's root), once every link is resolved.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit

from news_core.guard import Refused, readable, within

PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".aspx", ".asp", ".php", ".jsp")
SKIP_DIRS = {"hts-cache", ".git", "__pycache__"}
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$", re.IGNORECASE)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_MIRRORED = re.compile(r"<!--\s*Mirrored from\s+(\S+)\s+by HTTrack", re.IGNORECASE)
_ADDED_EXT = re.compile(r"\.(aspx|asp|php|jsp|cfm|htm)\.html$", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    path: str  # the page file
    root: str | None  # the mirror's root folder (named after the host), if any
    host: str | None
    readable: tuple[str, ...] = ()  # the folders its photos and documents may be read from

    def mirror_url(self) -> str | None:
        """The address a wget/HTTrack mirror's file layout implies."""
        if not self.root:
            return None
        rel = os.path.relpath(self.path, self.root).replace(os.sep, "/")
        rel = _ADDED_EXT.sub(r".\1", rel)
        if "@" in rel and "=" in rel.split("@", 1)[1]:
            rel = rel.replace("@", "?", 1)  # wget --restrict-file-names=windows
        if "?" in rel and rel.endswith(".html"):
            rel = rel[: -len(".html")]  # wget --adjust-extension after a query: "?id=4127.html"
        if rel.endswith("index.html") and "?" not in rel:
            rel = rel[: -len("index.html")]
        path, _, query = rel.partition("?")
        rel = quote(unicodedata.normalize("NFC", path), safe="/%") + (f"?{quote(query, safe='=&%')}" if query else "")
        return f"https://{self.host}/{rel}"


def find_pages(sources: list[str]) -> tuple[list[Page], list[str]]:
    """Every page file under `sources`, in a stable order, and the paths not found."""
    found, missing, seen = [], [], set()
    for source in sources:
        source = os.path.abspath(source)
        if os.path.isfile(source):
            candidates = [source]
        elif os.path.isdir(source):
            candidates = _walk(source)
        else:
            missing.append(source)
            continue
        for path in candidates:
            if path not in seen:
                seen.add(path)
                found.append((path, _mirror_root(path, source)))
    folders = tuple(dict.fromkeys(_source_folder(s) for s in map(os.path.abspath, sources) if os.path.exists(s)))
    pages = [Page(path, root, os.path.basename(root).lower() if root else None, folders) for path, root in found]
    return pages, missing


def _source_folder(source: str) -> str:
    """The folder a SOURCE lets us read: itself, or a page file's folder; its mirror's
    root (where a mirror keeps the photos) only when the page names that host: a page
    saved in a home folder that merely looks like a host name (john.doe) must not
    reach everything under it."""
    if os.path.isdir(source):
        return source
    root = _mirror_root(source, source)
    if root and _names_host(source, os.path.basename(root)):
        return root
    return os.path.dirname(source)


def _names_host(page: str, host: str) -> bool:
    try:
        with open(page, "rb") as handle:
            head = handle.read(262144).lower()
    except OSError:
        return False
    return b"//" + host.lower().encode("ascii", "ignore") in head


def _walk(folder: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        # A saved page's "_files" folder holds its photos, styles and scripts, not articles.
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.endswith("_files"))
        found += [os.path.join(dirpath, f) for f in sorted(filenames)
                  if f.lower().endswith(PAGE_EXTENSIONS) or _ADDED_EXT.search(f)]
    return found


def _mirror_root(path: str, source: str) -> str | None:
    """The nearest folder above the page named like a host name (dongda.hanoi.gov.vn)."""
    folder = os.path.dirname(path)
    while os.path.dirname(folder) != folder:
        if _HOST.match(os.path.basename(folder)):
            return folder
        folder = os.path.dirname(folder)
    return None


def declared_url(text: str) -> str | None:
    """The address written in the page by the browser or HTTrack when it was saved."""
    head = text[:4096]
    match = _SAVED_FROM.search(head)
    if match and match.group(1).lower().startswith(("http://", "https://")):
        return match.group(1)
    match = _MIRRORED.search(text[:4096]) or _MIRRORED.search(text[-4096:])
    if match:
        found = match.group(1)
        return found if "://" in found else "https://" + found
    return None


def local_file(src: str, page: Page, page_url: str | None) -> str | None:
    """Where the photo `src` (as written in the page) was saved, if anywhere.

    Refused when the only file it names lies outside the SOURCE folders."""
    src = (src or "").strip()
    if not src or src.startswith(("data:", "javascript:", "about:")):
        return None
    parts = urlsplit(src)
    candidates = []
    if not parts.scheme and not parts.netloc and not src.startswith("/"):
        base = os.path.dirname(page.path)
        candidates += [os.path.join(base, _local(parts.path)), os.path.join(base, _local(src.split("#")[0]))]
        if parts.query:  # saved with the query in the name, or ? written as @
            candidates.append(os.path.join(base, _local(parts.path) + "@" + parts.query))
    if page.root:
        absolute = urlsplit(urljoin(page_url or f"https://{page.host}/", src))
        hosts = [page.root]
        if absolute.netloc and absolute.netloc.lower() != page.host:
            hosts.insert(0, os.path.join(os.path.dirname(page.root), absolute.netloc.lower()))
        for root in hosts:
            path = _local(absolute.path.lstrip("/"))
            candidates.append(os.path.join(root, path))
            if absolute.query:  # wget keeps the query in the name, or writes ? as @
                candidates += [os.path.join(root, f"{path}?{absolute.query}"), os.path.join(root, f"{path}@{absolute.query}")]
    refused = None
    for candidate in candidates:
        found = _existing(candidate)
        if found:
            try:
                return _inside(found, page.readable)
            except Refused as exc:
                refused = refused or exc
    if refused:
        raise refused
    return None


def _inside(path: str, folders: tuple[str, ...]) -> str:
    """The resolved `path` when it is a file in one of `folders`; else Refused."""
    for folder in folders:
        if within(path, folder):
            return readable(path, folder, "tệp")
    raise Refused(
        f'tệp "{os.path.basename(path)}" nằm ngoài thư mục nguồn đã chỉ ra (qua ../ hoặc liên kết tắt), '
        "nên không được đọc và không được chép",
        "Nếu cần tệp này, chép nó vào thư mục nguồn rồi nhập lại.",
    )


def _local(url_path: str) -> str:
    return unquote(url_path).replace("/", os.sep)


def _existing(path: str) -> str | None:
    """`path` if it is a file, trying both NFC and NFD names (macOS saves NFD)."""
    for form in (path, unicodedata.normalize("NFC", path), unicodedata.normalize("NFD", path)):
        if os.path.isfile(form):
            return form
    return None
