"""Two sources that would be written to the same output file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def find_collisions(items: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Map each output path claimed by more than one source to those sources.

    `items` are (save_as, source) pairs; the result is sorted for stable logs.
    """
    claims: dict[str, list[str]] = defaultdict(list)
    for save_as, source in items:
        if save_as and source not in claims[save_as]:
            claims[save_as].append(source)
    return {
        save_as: sorted(sources)
        for save_as, sources in sorted(claims.items())
        if len(sources) > 1
    }
