"""Production output: minified HTML, CSS and JS; .gz and .br beside every text file.

CSS and JS go through minify-html (a maintained Rust minifier); vendored
files that are already minified are left alone. HTML only loses indentation
and blank lines: minify-html also drops the space between inline elements in a
block (`<div><b>Nguồn:</b> <a>Báo</a></div>` would read "Nguồn:Báo"), and the
few extra per cent it saves after gzip are not worth changing what readers see.
Compressed copies are deterministic: gzip without a timestamp or file name.

Minifying and compressing are nearly all of a publish's own cost (Brotli at
quality 11 is about 20 ms for a 25 KB page), so each is done once per distinct
file: its result is kept in cache/minify/ or cache/compress/ under a hash of
the bytes it was made from, and a publish works only on the files whose bytes
no earlier publish saw, compressing on every core (zlib and Brotli release the
GIL, so threads suffice). Each cache keeps what the last publish used and
nothing else; an entry's name carries its length, so one cut short is made again,
and an intact one is hard-linked into place.

The search index (`fast`) is rewritten whole whenever any article changes (its
weights depend on every article's length), and a reader fetches a few of its
files, a few KB each: it gets Brotli 7 and gzip 6. Measured on the 1,000-article
corpus's 270 index files (6.3 MB): Brotli 11 took 6.7 s of CPU for 1,140 KB,
Brotli 7 0.27 s for 1,380 KB; pages keep Brotli 11 (1.8 % smaller than 10).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import brotli
from news_core.files import replacing, write_atomic

TEXT = (".html", ".css", ".js", ".mjs", ".xml", ".txt", ".json", ".svg", ".webmanifest")
MINIFY = (".html", ".css", ".js")
SKIP_MINIFY = (".min.js", ".min.css")


def text_files(output: str, suffixes=TEXT):
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(suffixes):
                yield os.path.join(folder, name)


def minify(path: str, kept: Kept | None = None) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    key = _digest(data) + os.path.splitext(path)[1]
    if kept and kept.place(key, path):
        return
    result = minified(data.decode("utf-8"), path).encode("utf-8")
    if len(result) < len(data):  # else the file stays as it is, and nothing is kept
        write_atomic(path, result)  # a new file: never through a hard link
        if kept:
            kept.put(key, result)


def minified(source: str, path: str) -> str:
    import minify_html  # imported here: only a publish minifies

    if path.endswith(".html"):
        return collapse_whitespace(source)
    if path.endswith(".css"):
        return _inner(minify_html.minify(f"<style>{source}</style>", minify_css=True), "</style>")
    # our scripts are ES modules
    return _inner(minify_html.minify(f"<script type=module>{source}</script>", minify_js=True), "</script>")


VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
LINE_BREAK = re.compile(r"[ \t]*\n\s*")
SPACES = re.compile(r"[ \t]{2,}")


def collapse_whitespace(html: str) -> str:
    """Each run of whitespace becomes one line break (if it held one) or one space,
    outside <pre>, <textarea>, <script> and <style>: browsers render a run of
    whitespace as one space anyway, so readers see the same page."""
    parts = VERBATIM.split(html)  # text, block, tag name, text, block, tag name, …, text
    out = []
    for index in range(0, len(parts), 3):
        out.append(SPACES.sub(" ", LINE_BREAK.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def _inner(html: str, closing: str) -> str:
    """The text inside the one element minify-html was given."""
    return html[html.index(">") + 1: -len(closing)]




def minify_tree(output: str, cache: str | None = None, workers: int | None = None) -> int:
    kept = Kept(cache) if cache else None
    # the search index is written after this step; vendored files come minified
    paths = [path for path in text_files(output, MINIFY) if not path.endswith(SKIP_MINIFY)]
    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:  # reading, hashing, writing free the GIL
        for _ in pool.map(lambda path: minify(path, kept), paths):
            pass
    if kept:
        kept.prune()
    return len(paths)


@dataclass(frozen=True)
class Compressed:
    files: int  # text files given a .gz and a .br
    made: int  # of them, compressed in this run (the rest came from the cache)


def compress_tree(output: str, cache: str | None = None, workers: int | None = None,
                  fast: tuple[str, ...] = ()) -> Compressed:
    """Write path.gz and path.br beside every text file of `output`; the files under
    the folders `fast` (relative, with /) get the quicker levels.

    With a `cache` folder, a file whose bytes an earlier run compressed gets
    that run's results; the cache is left holding exactly this run's."""
    kept = Kept(cache) if cache else None
    prefixes = tuple(os.path.join(output, *folder.strip("/").split("/")) + os.sep for folder in fast)
    paths = list(text_files(output))
    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        made = sum(pool.map(lambda path: _compress_one(path, kept, path.startswith(prefixes)), paths))
    if kept:
        kept.prune()
    return Compressed(len(paths), made)


def _compress_one(path: str, kept: Kept | None, fast: bool) -> bool:
    """Write path.gz and path.br, made now or taken from `kept`; whether anything was compressed."""
    with open(path, "rb") as handle:
        data = handle.read()
    digest = _digest(data)
    levels = {".gz": 6, ".br": 7} if fast else {".gz": 9, ".br": 11}
    made = False
    for suffix, level in levels.items():
        key = f"{digest}{suffix}{level}"
        if kept and kept.place(key, path + suffix):
            continue
        body = gzip.compress(data, level, mtime=0) if suffix == ".gz" else brotli.compress(data, quality=level)
        made = True
        with open(path + suffix, "wb") as handle:
            handle.write(body)
        if kept:
            kept.put(key, body)
    return made


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Kept:
    """Results kept between publishes in `folder`, each file named by a key (what it
    was made from) and its length: a file cut short (a full disk, a copy stopped half
    way) is made again, never published. A kept result is placed by a hard link (a
    copy across disks), as news_images places photos: nothing is read or written again."""

    def __init__(self, folder: str):
        self.folder = folder
        self.used: set[str] = set()  # keys this run asked for or made (set.add is atomic: threads share it)
        self.names: dict[str, tuple[str, int]] = {}  # key -> (file name, length)
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        for name in names:
            key, _, length = name.rpartition(".")
            if length.isdigit():
                self.names[key] = (name, int(length))

    def place(self, key: str, target: str) -> bool:
        """Put the result kept under `key` at `target`; False when there is none, or it is damaged."""
        self.used.add(key)
        found = self.names.get(key)
        if found is None:
            return False
        source = os.path.join(self.folder, found[0])
        try:
            if os.path.getsize(source) != found[1]:
                return False
            with replacing(target) as temporary:  # never through a hard link the target may be
                try:
                    os.link(source, temporary)
                except OSError:
                    shutil.copyfile(source, temporary)
        except OSError:
            return False
        return True

    def put(self, key: str, body: bytes) -> None:
        self.used.add(key)
        name = f"{key}.{len(body)}"
        try:  # atomic, and the folder made if need be: a publish of another output may read it meanwhile
            write_atomic(os.path.join(self.folder, name), body)
        except OSError:
            return  # a full or read-only disk costs only speed next time
        self.names[key] = (name, len(body))

    def prune(self) -> None:
        """Remove the entries this run did not use: one site's files, not its history."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return
        for name in names:
            if name.rpartition(".")[0] not in self.used:
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(self.folder, name))
