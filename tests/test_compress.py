"""Publish's .gz and .br copies: compressed once per distinct file, on every core,
and always the bytes of the file beside them."""

import gzip
import os

import brotli
from news_publish.compress import compress_tree


def site(root, pages):
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def unpacked(path):
    return gzip.decompress(path.with_name(path.name + ".gz").read_bytes()), \
        brotli.decompress(path.with_name(path.name + ".br").read_bytes())


PAGES = {f"bai-{n}/index.html": f"<p>Bài số {n}: Hội nghị tổng kết công tác năm của phường.</p>" * 40
         for n in range(30)} | {"style.css": "body{color:#222}" * 50, "anh.jpg": "not text"}


def test_a_second_publish_compresses_only_the_files_that_changed(tmp_path):
    cache = tmp_path / "cache"
    first = compress_tree(str(site(tmp_path / "a", PAGES)), str(cache), workers=2)
    assert (first.files, first.made) == (31, 31)
    assert not (tmp_path / "a/anh.jpg.gz").exists()  # photos are not text
    changed = dict(PAGES, **{"bai-7/index.html": "<p>Bài số 7, đã sửa.</p>"})
    out = site(tmp_path / "b", changed)  # the next publish: a fresh folder, one page edited
    second = compress_tree(str(out), str(cache), workers=2)
    assert (second.files, second.made) == (31, 1)
    for name, text in changed.items():
        if name.endswith((".html", ".css")):
            assert unpacked(out / name) == (text.encode(), text.encode()), name
    # byte for byte what compressing afresh gives
    fresh = site(tmp_path / "c", changed)
    compress_tree(str(fresh), None, workers=1)
    for folder, _, files in os.walk(fresh):
        for name in files:
            if name.endswith((".gz", ".br")):
                mine = out / os.path.relpath(os.path.join(folder, name), fresh)
                assert mine.read_bytes() == (fresh / mine.relative_to(out)).read_bytes()


def test_the_cache_keeps_only_what_the_last_publish_used(tmp_path):
    cache = tmp_path / "cache"
    compress_tree(str(site(tmp_path / "a", PAGES)), str(cache))
    assert len(os.listdir(cache)) == 2 * 31
    compress_tree(str(site(tmp_path / "b", {"index.html": "<p>Trang chủ</p>"})), str(cache))
    assert len(os.listdir(cache)) == 2


def test_a_damaged_cache_entry_is_never_published(tmp_path):
    """A cache file cut short (a full disk, a killed copy) is noticed, not served."""
    cache = tmp_path / "cache"
    compress_tree(str(site(tmp_path / "a", PAGES)), str(cache))
    for name in os.listdir(cache):
        (cache / name).write_bytes((cache / name).read_bytes()[:10])
    out = site(tmp_path / "b", PAGES)
    compress_tree(str(out), str(cache))
    for name, text in PAGES.items():
        if name.endswith(".html"):
            assert unpacked(out / name) == (text.encode(), text.encode())
