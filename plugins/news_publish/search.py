"""The search index: Pagefind over the built pages, at the end of every build.

Pagefind indexes only what templates mark with data-pagefind-body (an
article's title, body and captions), ships its own WebAssembly search, and
needs no server. Its ready-made UIs are removed: theme/static/js/search.js is
the Vietnamese search page, with the đ/d folding Pagefind does not do.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import shutil

BUNDLE = "pagefind"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    pass


async def _index(output: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    bundle = os.path.join(output, BUNDLE)
    config = IndexConfig(output_path=bundle, force_language="vi")
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=output)
        await index.write_files(output_path=bundle)
    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
        languages = json.load(handle).get("languages", {})
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def present(output: str) -> bool:
    """Whether an index from an earlier build is in `output`."""
    return os.path.exists(os.path.join(output, BUNDLE, "pagefind-entry.json"))


def build_index(output: str) -> int:
    """Index `output` into output/pagefind/; return the number of articles indexed."""
    shutil.rmtree(os.path.join(output, BUNDLE), ignore_errors=True)
    try:  # in a thread of its own: the caller may already run an event loop (a test's browser)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pages = pool.submit(asyncio.run, _index(output)).result()
    except Exception as exc:  # the service reports its own failures as exceptions
        raise SearchIndexError(f"{type(exc).__name__}: {exc}") from exc
    for name in UNUSED:
        path = os.path.join(output, BUNDLE, name)
        if os.path.exists(path):
            os.remove(path)
    return pages
