"""The output folder: the marker of a folder we built, and what a build placed there."""

from __future__ import annotations

import os
import shutil

MARKER = ".news-build"  # in every output folder we made; we delete no folder without it
CLAIM = ".news-preview"  # in the folder a running preview builds into: its process id (news_build.owner)


def mark(folder: str) -> None:
    """Make `folder` if need be and put MARKER in it."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
        handle.write("Built by news_build; safe to delete and rebuild.\n")


def ours(folder: str) -> bool:
    """Whether `folder` holds MARKER: one of our builds, which a build may empty."""
    return os.path.exists(os.path.join(folder, MARKER))


def clear(folder: str) -> None:
    """Empty `folder` but for MARKER and a preview's CLAIM (it only ever is one of our builds)."""
    if not os.path.isdir(folder):
        return
    for entry in os.scandir(folder):
        if entry.name in (MARKER, CLAIM):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)


class OutputLog:
    """What a build places in its output folder besides the pages Pelican writes
    (photo derivatives, attached documents), as Build.outputs.

    This one keeps nothing: every file is placed again and nothing is removed.
    news_incremental's writer takes its place for a build in place, and then
    removes what an earlier build placed and this one did not."""

    def produced(self, path: str, tag: str = "") -> None:
        """Record a file placed at `path`; `tag` says what it was made from (for placed_before)."""

    def placed_before(self, folder: str, names, tag: str) -> bool:
        """Whether the last build of this output folder placed every one of `names` in
        `folder` (site-relative) with this same `tag` (what they were made from: the
        photo's hash and the settings that shape its pixels); if so they count as placed
        by this build too, and the caller need not look at them."""
        return False

    @property
    def unchanged(self) -> bool:
        """Whether this build wrote or removed no page at all."""
        return False
