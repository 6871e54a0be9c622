"""Production output: minified HTML, CSS and JS; .gz and .br beside every text file.

minify-html (a maintained Rust minifier for HTML with its inline CSS and JS)
does the minifying; vendored files that are already minified are left alone.
Compressed copies are deterministic: gzip without a timestamp or file name.
"""

from __future__ import annotations

import gzip
import os

import brotli
import minify_html

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
    if path.endswith(".html"):
        result = minify_html.minify(source, minify_css=True, minify_js=True, keep_closing_tags=True,
                                    keep_html_and_head_opening_tags=True, keep_comments=False)
    elif path.endswith(".css"):
        result = _inner(minify_html.minify(f"<style>{source}</style>", minify_css=True), "</style>")
    else:  # our scripts are ES modules
        result = _inner(minify_html.minify(f"<script type=module>{source}</script>", minify_js=True), "</script>")
    if len(result) < len(source):
        _replace(path, result.encode("utf-8"))


def _inner(html: str, closing: str) -> str:
    """The text inside the one element minify-html was given."""
    return html[html.index(">") + 1: -len(closing)]


def _replace(path: str, data: bytes) -> None:
    """Write a new file in place of a possibly hard-linked one, never through the link."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def minify_tree(output: str) -> int:
    count = 0
    for path in text_files(output, MINIFY):
        if not path.endswith(SKIP_MINIFY) and os.sep + "pagefind" + os.sep not in path:
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
