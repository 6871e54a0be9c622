"""Production output: minified HTML, CSS and JS; .gz and .br beside every text file.

CSS and JS go through minify-html (a maintained Rust minifier); vendored
files that are already minified are left alone. HTML only loses indentation
and blank lines: minify-html also drops the space between inline elements in a
block (`<div><b>Nguồn:</b> <a>Báo</a></div>` would read "Nguồn:Báo"), and the
few extra per cent it saves after gzip are not worth changing what readers see.
Compressed copies are deterministic: gzip without a timestamp or file name.
"""

from __future__ import annotations

import gzip
import os
import re

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


def compress_tree(output: str) -> int:
    count = 0
    for path in text_files(output):
        with open(path, "rb") as handle:
            data = handle.read()
        with open(path + ".gz", "wb") as handle:
            handle.write(gzip.compress(data, 9, mtime=0))
        with open(path + ".br", "wb") as handle:
            handle.write(brotli.compress(data, quality=11))
        count += 1
    return count
