"""news_core.files: every file the build or a command replaces is replaced whole."""

from __future__ import annotations

import os

import pytest
from news_core.files import replacing, write_atomic, write_if_changed


def test_a_file_is_replaced_not_written_through_its_hard_link(tmp_path):
    cached, published = tmp_path / "cache.html", tmp_path / "out" / "page.html"
    cached.write_bytes(b"<p>cache</p>")
    published.parent.mkdir()
    os.link(cached, published)
    write_atomic(str(published), b"<p>minified</p>")
    assert published.read_bytes() == b"<p>minified</p>" and cached.read_bytes() == b"<p>cache</p>"
    assert sorted(p.name for p in published.parent.iterdir()) == ["page.html"]


def test_unchanged_bytes_are_not_written_again(tmp_path):
    path = tmp_path / "a" / "b" / "index.html"
    assert write_if_changed(str(path), b"x") is True
    os.utime(path, ns=(1, 1))
    assert write_if_changed(str(path), b"x") is False and path.stat().st_mtime_ns == 1
    assert write_if_changed(str(path), b"y") is True and path.read_bytes() == b"y"


def test_the_permissions_are_kept_when_asked(tmp_path):
    path = tmp_path / "index.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(str(path), b"new", keep_mode=True, sync=True)
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "index.md"
    path.write_bytes(b"old")
    with pytest.raises(OSError):
        with replacing(str(path)) as temporary:
            with open(temporary, "wb") as handle:
                handle.write(b"half")
            raise OSError(28, "No space left on device")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["index.md"]
