"""Production output: minified HTML, CSS and JS; .gz and .br beside every text file.

CSS and JS go through minify-html (a maintained Rust minifier); vendored
files that are already minified are left alone. HTML only loses indentation
and blank lines: minify-html also drops the space between inline elements in a
block (`<div><b>Nguồn:</b> <a>Báo</a></div>` would read "Nguồn:Báo"), and the
few extra per cent it saves after gzip are not worth changing what readers see.
Compressed copies are deterministic: gzip without a timestamp or file name.

Compressing is nearly all of a publish's own cost (Brotli at quality 11 is
about 30 ms for a 50 KB page), so it is done once per distinct file: each
file's .gz and .br are kept in cache/compress/ under a hash of its bytes, and a
publish compresses only the files whose bytes no earlier publish saw, on every
core (zlib and Brotli release the GIL, so threads suffice). The cache keeps
what the last publish used and nothing else.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import re
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import brotli
from news_core.files import write_atomic

TEXT = (".html", ".css", ".js", ".mjs", ".xml", ".txt", ".json", ".svg", ".webmanifest")
MINIFY = (".html", ".css", ".js")
SKIP_MINIFY = (".min.js", ".min.css")


def text_files(output: str, suffixes=TEXT):
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(suffixes):
                yield os.path.join(folder, name)


def minify(path: str) -> None:
    with open(path, "rb") as handle:
        source = handle.read().decode("utf-8")
    import minify_html  # imported here: only a publish minifies

    if path.endswith(".html"):
        result = collapse_whitespace(source)
    elif path.endswith(".css"):
        result = _inner(minify_html.minify(f"<style>{source}</style>", minify_css=True), "</style>")
    else:  # our scripts are ES modules
        result = _inner(minify_html.minify(f"<script type=module>{source}</script>", minify_js=True), "</script>")
    if len(result) < len(source):
        write_atomic(path, result.encode("utf-8"))  # a new file: never through a hard link


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




def minify_tree(output: str) -> int:
    count = 0
    for path in text_files(output, MINIFY):
        if not path.endswith(SKIP_MINIFY):  # the search index is written after this step
            minify(path)
            count += 1
    return count


@dataclass(frozen=True)
class Compressed:
    files: int  # text files given a .gz and a .br
    made: int  # of them, compressed in this run (the rest came from the cache)


def compress_tree(output: str, cache: str | None = None, workers: int | None = None) -> Compressed:
    """Write path.gz and path.br beside every text file of `output`.

    With a `cache` folder, a file whose bytes an earlier run compressed gets
    copies of that run's results; the cache is left holding exactly this run's."""
    paths = list(text_files(output))
    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        done = list(pool.map(lambda path: _compress_one(path, cache), paths))
    if cache is not None:
        _prune(cache, {key for key, _ in done})
    return Compressed(len(paths), sum(made for _, made in done))


def _compress_one(path: str, cache: str | None) -> tuple[str, bool]:
    """Compress one file, or copy its cached results: (its cache key, whether it was compressed)."""
    with open(path, "rb") as handle:
        data = handle.read()
    key = hashlib.blake2b(data, digest_size=16).hexdigest()
    kept = os.path.join(cache, key) if cache is not None else None
    reused = _cached(kept, data) if kept else None
    if reused:
        for suffix, body in reused.items():
            with open(path + suffix, "wb") as handle:
                handle.write(body)
        return key, False
    packed = {".gz": gzip.compress(data, 9, mtime=0), ".br": brotli.compress(data, quality=11)}
    for suffix, body in packed.items():
        with open(path + suffix, "wb") as handle:
            handle.write(body)
        if kept:
            os.makedirs(cache, exist_ok=True)
            write_atomic(kept + suffix, body)  # a publish of another output folder may read it meanwhile
    return key, True


def _cached(kept: str, data: bytes) -> dict[str, bytes] | None:
    """The cached .gz and .br of `data`, when both are there and unpack to it
    (unpacking costs a small fraction of packing; a damaged entry is redone)."""
    try:
        with open(kept + ".gz", "rb") as gz, open(kept + ".br", "rb") as br:
            packed = {".gz": gz.read(), ".br": br.read()}
        if gzip.decompress(packed[".gz"]) == data and brotli.decompress(packed[".br"]) == data:
            return packed
    except (OSError, EOFError, zlib.error, brotli.error):
        pass
    return None


def _prune(cache: str, used: set[str]) -> None:
    """Remove the entries this run did not use: the cache holds one site's files, not its history."""
    try:
        names = os.listdir(cache)
    except FileNotFoundError:
        return
    for name in names:
        if name.split(".", 1)[0] not in used:
            with contextlib.suppress(OSError):
                os.remove(os.path.join(cache, name))
