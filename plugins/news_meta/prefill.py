"""Read changed articles on every core before Pelican reads them one by one.

Pelican reads articles in one process, in order. Before it starts, prefill()
finds the Markdown files the content cache (cache.py) does not know, reads
them in a pool of worker processes — each reading fills the cache as usual —
so that Pelican's own pass only meets cache hits. Errors and warnings are
reported by that pass, as ever: an article with errors is not cached and is
read (and reported) again there.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from .reader import NewsReader
from .scan import content_files

MINIMUM = 40  # below this, starting processes costs more than it saves
_WORKER = None


def prefill(settings, state, workers: int) -> int:
    """Read the articles the cache lacks in `workers` processes; return how many."""
    cache = state.content_cache
    if cache is None or workers < 2:
        return 0
    todo = []
    found = state.markdown_files  # scan.py's walk when the build started
    for path in content_files(settings["PATH"])[0] if found is None else found:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        relative = os.path.relpath(os.path.abspath(path), settings["PATH"])
        key = state.known_keys[path] = cache.key(data, relative)  # the reader need not hash it again
        if not cache.exists(key):
            todo.append(path)
    if len(todo) < MINIMUM:
        return 0
    import multiprocessing

    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    if context is None:
        return 0  # Windows: spawning a worker re-imports Pelican; the sequential pass is faster
    global _WORKER
    _WORKER = NewsReader(settings, state)
    _WORKER.prepare()  # once here, not once in each worker: they start as copies of this process
    chunk = max(1, len(todo) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet) as pool:
        list(pool.map(_read, todo, chunksize=chunk))
    _WORKER = None
    return len(todo)


def _quiet() -> None:
    import logging

    logging.disable(logging.CRITICAL)  # the main process reports every problem


def _read(path: str) -> None:
    try:
        _WORKER.read(path)
    except Exception:  # noqa: BLE001, S110 - reported by Pelican's own pass
        pass
