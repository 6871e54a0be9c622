"""Atomic writes: a file is replaced whole, through a temporary file and a rename.

A reader of the folder (the live preview's browser, a web server, the next
build) sees the old file or the new one, never half of one. A file that
was hard-linked elsewhere (a photo derivative in the cache) is replaced,
not written through the link. The temporary file sits beside the target,
hidden (".name.<random>.tmp"), and is removed when writing fails.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager


def temporary_name(path: str) -> str:
    """A name beside `path` for the file that will replace it."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")


@contextmanager
def replacing(path: str, keep_mode: bool = False) -> Iterator[str]:
    """Yield a temporary path to write; on success it replaces `path` (with
    `path`'s permissions when keep_mode), on any error it is removed."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    temporary = temporary_name(path)
    try:
        yield temporary
        if keep_mode:
            try:
                os.chmod(temporary, os.stat(path).st_mode & 0o7777)
            except OSError:
                pass  # a new file: the default permissions
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_atomic(path: str, data: bytes, keep_mode: bool = False, sync: bool = False) -> None:
    """Replace `path` with `data`. `sync`: on the disk before the rename (an
    editor's own file, which a power cut must not leave empty)."""
    with replacing(path, keep_mode) as temporary:
        with open(temporary, "xb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())


def write_if_changed(path: str, data: bytes) -> bool:
    """write_atomic unless `path` already holds `data` (its time then stays); whether it wrote."""
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return False
    except OSError:
        pass
    write_atomic(path, data)
    return True
