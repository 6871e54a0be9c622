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


def test_the_search_index_gets_the_quick_levels_and_still_unpacks_to_itself(tmp_path):
    index = {f"tim-kiem/chi-muc/t-{n}.json": '{"hoi nghi": [1, 2, 3], "phuong": [%d]}' % n * 30 for n in range(5)}
    out = site(tmp_path / "a", dict(PAGES, **index))
    compress_tree(str(out), str(tmp_path / "cache"), fast=("tim-kiem/chi-muc",))
    for name, text in index.items():
        assert unpacked(out / name) == (text.encode(), text.encode())
        assert (out / f"{name}.br").read_bytes() == brotli.compress(text.encode(), quality=7)
    page = out / "bai-1/index.html"
    assert (out / "bai-1/index.html.br").read_bytes() == brotli.compress(page.read_bytes(), quality=11)


def test_minifying_reuses_what_an_earlier_publish_made_and_redoes_a_damaged_entry(tmp_path):
    from news_publish.compress import minify_tree, minified

    page = "<html>\n  <body>\n    <p>Hội   nghị</p>\n  </body>\n</html>\n"
    pages = {f"bai-{n}/index.html": page.replace("nghị", f"nghị {n}") for n in range(20)}
    cache = tmp_path / "minify"
    assert minify_tree(str(site(tmp_path / "a", pages)), str(cache)) == 20
    for name in os.listdir(cache):  # damage every entry: each must be made again, not published
        (cache / name).write_bytes(b"\0" * 20 + b"<p>hong</p>")
    out = site(tmp_path / "b", pages)
    minify_tree(str(out), str(cache))
    for name, text in pages.items():
        assert (out / name).read_text(encoding="utf-8") == minified(text, name) != text
    again = site(tmp_path / "c", pages)  # and now from the repaired cache
    minify_tree(str(again), str(cache))
    assert all((again / n).read_bytes() == (out / n).read_bytes() for n in pages)
