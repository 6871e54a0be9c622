"""Paths in messages to an editor: relative to the current folder when inside it,
else as given (also when there is no relative path: another drive on Windows)."""

from __future__ import annotations

import os


def relative_or_given(path: str, start: str | None = None) -> str:
    """os.path.relpath(path, start), or `path` as given when there is no
    relative path: on Windows, relpath raises ValueError for another drive
    (content on D:, command run from C:)."""
    try:
        return os.path.relpath(path, start) if start is not None else os.path.relpath(path)
    except ValueError:
        return path


def shown(path: str) -> str:
    """A path as the editor typed it: relative to the current folder when inside it."""
    if not path:
        return ""
    relative = relative_or_given(os.path.abspath(path))
    if os.path.isabs(relative) or relative == ".." or relative.startswith(".." + os.sep):
        relative = path
    return relative.replace(os.sep, "/")
