"""Parsed articles are kept between builds (news_core/cache.py): what a rebuild
shows must be exactly what a first build shows, warnings included."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import article, make_photo


def tree(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def entries(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "content").glob("??/*") if p.is_file()]


BODY = "Đoạn mở đầu của bài.\n\n![Quang cảnh hội nghị](anh.jpg)\n"


def test_a_rebuild_from_the_cache_is_byte_identical(tmp_path, build_site):
    files = {"2024/a/index.md": article(body=BODY), "2024/a/anh.jpg": None,
             "2024/b/index.md": article(title="Bài thứ hai", body="Nội dung thứ hai.")}
    first = build_site(files)
    assert len(entries(tmp_path)) == 2  # one entry per article, beside the photo cache
    again = build_site({}, content=first.content)
    assert tree(again.output) == tree(first.output)


def test_warnings_of_an_unchanged_article_are_reported_on_every_build(tmp_path, build_site):
    files = {"2024/a/index.md": article(body="Nội dung.", catgory="x")}
    first = build_site(files)
    again = build_site({}, content=first.content)
    for site in (first, again):
        assert site.result.warnings == 1 and any("index.md:5: catgory" in m for m in site.result.messages)
    strict = build_site({}, content=first.content, strict=True)
    assert not strict.result.ok  # a strict build still fails on the cached article's warning


def test_an_edit_shows_on_the_next_build(build_site):
    first = build_site({"2024/a/index.md": article(body="Nội dung cũ.")})
    (first.content / "2024/a/index.md").write_text(article(body="Nội dung mới."), encoding="utf-8")
    again = build_site({}, content=first.content)
    page = again.page("tin-tuc-su-kien/hoi-nghi-thi-dua")
    assert page.select_one(".article__body p").get_text() == "Nội dung mới."


def test_a_replaced_photo_is_read_again(build_site):
    first = build_site({"2024/a/index.md": article(body=BODY), "2024/a/anh.jpg": None})
    img = first.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure img")
    assert (img["width"], img["height"]) == ("640", "480")
    photo = first.content / "2024/a/anh.jpg"
    make_photo(photo, size=(300, 400))
    os.utime(photo, ns=(1, 1))  # even with an old file time: the size changed
    again = build_site({}, content=first.content)
    img = again.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure img")
    assert (img["width"], img["height"]) == ("300", "400")


def test_a_damaged_cache_entry_is_ignored(tmp_path, build_site):
    first = build_site({"2024/a/index.md": article(body="Nội dung.")})
    for entry in entries(tmp_path):
        entry.write_bytes(b"not a cache entry")
    again = build_site({}, content=first.content)
    assert again.result.ok and tree(again.output) == tree(first.output)


def test_an_article_with_errors_is_never_cached(tmp_path, build_site):
    first = build_site({"2024/a/index.md": article(date="32/13/2024")})
    assert first.result.errors == 1 and entries(tmp_path) == []
    again = build_site({}, content=first.content)
    assert again.result.errors == 1


def test_reading_on_every_core_gives_the_same_site_and_messages(tmp_path, build_site):
    files = {f"2024/bai-{n:02d}/index.md": article(title=f"Bài số {n}", body=f"Nội dung bài số {n}.")
             for n in range(45)}  # enough for the pool to start
    files["2024/canh-bao/index.md"] = article(title="Bài có cảnh báo", body="Nội dung.", catgory="x")
    files["2024/loi/index.md"] = article(title="Bài có lỗi", date="32/13/2024")
    pooled = build_site(files, NEWS_READ_WORKERS=2, NEWS_CONTENT_CACHE_PATH=str(tmp_path / "c1"))
    single = build_site(files, NEWS_READ_WORKERS=1, NEWS_CONTENT_CACHE_PATH=str(tmp_path / "c2"))
    assert len(list((tmp_path / "c1").glob("??/*"))) == 46  # every good article read ahead, the one with errors not
    assert (pooled.result.errors, pooled.result.warnings) == (single.result.errors, single.result.warnings) == (1, 1)
    assert sorted(m.replace(str(pooled.content), "") for m in pooled.result.messages) == \
        sorted(m.replace(str(single.content), "") for m in single.result.messages)
    assert tree(pooled.output) == tree(single.output)


def test_entries_unused_for_a_month_are_pruned_once_a_day(tmp_path, build_site):
    first = build_site({"2024/a/index.md": article(body="Nội dung."),
                        "2024/b/index.md": article(title="Bài thứ hai", body="Nội dung thứ hai.")})
    old = 40 * 24 * 3600
    for entry in entries(tmp_path):
        os.utime(entry, (entry.stat().st_mtime - old, entry.stat().st_mtime - old))
    (first.content / "2024/b/index.md").unlink()  # b's entry is now unused, and written 40 days ago
    stamp = tmp_path / "content" / "pruned"
    os.utime(stamp, (stamp.stat().st_mtime - old, stamp.stat().st_mtime - old))  # the last pruning was long ago
    build_site({}, content=first.content)
    assert len(entries(tmp_path)) == 1  # a's entry, old but used by this build, stays
    build_site({"2024/c/index.md": article(title="Bài thứ ba", body="Ba.")}, content=first.content)
    for entry in entries(tmp_path):
        os.utime(entry, (entry.stat().st_mtime - old, entry.stat().st_mtime - old))
    (first.content / "2024/c/index.md").unlink()
    build_site({}, content=first.content)
    assert len(entries(tmp_path)) == 2  # pruned less than a day ago: c's entry waits for tomorrow


def test_photo_markup_is_kept_and_follows_the_photo_settings(tmp_path, build_site):
    """The <picture> markup of an unchanged article comes from cache/rewrite; it is made
    again when anything it is made from changes (here the widths of the derivatives)."""
    files = {"2024/a/index.md": article(body=BODY), "2024/a/anh.jpg": None}
    first = build_site(files)
    memo = [p for p in (tmp_path / "rewrite").glob("??/*") if p.is_file()]
    assert len(memo) == 1
    again = build_site({}, content=first.content)
    assert tree(again.output) == tree(first.output)
    def widths(site) -> list[str]:
        img = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure img")
        return [w.split()[-1] for w in img["srcset"].split(", ")]

    narrower = build_site({}, content=first.content, NEWS_IMAGES_WIDTHS=[320, 480])
    assert widths(first) != widths(narrower) == ["320w", "480w"]
    assert len([p for p in (tmp_path / "rewrite").glob("??/*") if p.is_file()]) == 2
