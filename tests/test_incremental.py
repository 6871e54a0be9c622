"""Rebuilds render and write only what changed (news_incremental), and the
result is always byte for byte what a clean build makes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, article

SAMPLE = ROOT / "content"


INDEX = "tim-kiem/chi-muc/"


def tree(output: Path) -> dict[str, bytes]:
    """Every file but the search index: a rebuild writes its changes as a delta (compared by `searchable`)."""
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and not str(p.relative_to(output)).startswith(INDEX)}


def searchable(output: Path) -> tuple[dict, dict]:
    """What the search page can find, base and delta merged as search.js does:
    for each term the articles that have it, and each article's title, date, category, excerpt."""
    import json

    folder = output / INDEX
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    delta = json.loads((folder / "delta.json").read_text(encoding="utf-8"))
    base_docs = [d for n in range(0, meta["docs"], meta["chunk"])
                 for d in json.loads((folder / f"d-{n // meta['chunk']}.json").read_text(encoding="utf-8"))]
    hidden = set(delta["hide"])
    docs = {n: d for n, d in enumerate(base_docs) if n not in hidden}
    docs.update({meta["docs"] + n: d for n, d in enumerate(delta["docs"])})
    terms: dict[str, set] = {}
    shards = [json.loads(p.read_text(encoding="utf-8")) for pattern in ("t-*.json", "p-*.json")
              for p in folder.glob(pattern)] + [delta["terms"]]
    for shard in shards:
        for term, postings in shard.items():
            found = {docs[n][0] for n in postings[::2] if n in docs}
            if found:
                terms.setdefault(term, set()).update(found)
    return terms, {d[0]: d[1:] for d in docs.values()}


def times(output: Path) -> dict[str, int]:
    return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*.html")}


def test_every_rebuild_equals_a_clean_build(tmp_path, build_site):
    content, output = sample_site(tmp_path)
    edits = [
        ("nothing", lambda: None),
        ("a title that appears in other pages' lists", lambda: _replace(
            content / "2024/mttq-trao-qua-tet-giap-thin/index.md", "trao 350 suất quà Tết", "trao 360 suất quà Tết")),
        ("views that reorder the most-viewed lists", lambda: _replace(
            content / "2023/van-chuong-tuyen-pho-xanh/index.md", "views: ", "views: 9")),
        ("a new article", lambda: _write(content / "2025/bai-moi/index.md", article(
            title="Bài mới về công tác dân vận", date="05/05/2025 09:00", category="Tin tức - Sự kiện",
            body="Nội dung bài mới.", tags="[dân vận]"))),
        ("an article deleted", lambda: shutil.rmtree(content / "2024/chinh-trang-vuon-hoa-kim-lien")),
        ("a body edited", lambda: _replace(content / "2025/bai-moi/index.md", "Nội dung bài mới.", "Nội dung đã sửa.")),
    ]
    for number, (what, edit) in enumerate(edits):
        edit()
        incremental = build_site({}, content=content, output=output)
        clean = build_site({}, content=content, output=tmp_path / f"clean{number}", NEWS_CONTENT_CACHE_PATH=False)
        assert incremental.result.ok and clean.result.ok, what
        assert tree(incremental.output) == tree(clean.output), what
        assert searchable(incremental.output) == searchable(clean.output), what


def test_an_unchanged_page_is_neither_rendered_nor_rewritten(tmp_path, build_site):
    content, output = sample_site(tmp_path)
    build_site({}, content=content, output=output)
    before = times(output)
    _replace(content / "2024/hoi-nghi-bieu-duong-thi-dua-2023/index.md", "Sáng 21/3,", "Sáng ngày 21/3,")
    build_site({}, content=content, output=output)
    after = times(output)
    changed = sorted(name for name in after if after[name] != before.get(name))
    # The edited article's page, and the pages always made afresh (home, archives, search…),
    # whose bytes did not change: only the article is written.
    assert changed == ["quan-uy-hdnd-mttq-doan-the/quan-dong-da-to-chuc-hoi-nghi-bieu-duong-ket-qua-phong-trao-thi-dua-nam-2023/index.html"]


def test_a_failed_publish_never_leaves_pages_behind(tmp_path, build_site):
    """A strict build that stops publishes nothing; the next build in place still knows what is there."""
    content, output = sample_site(tmp_path)
    build_site({}, content=content, output=output)
    path = content / "2025/lap-lai-trat-tu-via-he/index.md"
    _replace(path, "title: ", "foo: 1\ntitle: Tiêu đề mới, ")  # a new address, and a warning: strict stops
    assert not build_site({}, content=content, output=output, strict=True).result.ok
    build_site({}, content=content, output=output)
    clean = build_site({}, content=content, output=tmp_path / "clean")
    assert tree(output) == tree(clean.output)
    assert searchable(output) == searchable(clean.output)


def test_a_build_in_place_after_a_publish_starts_from_scratch(tmp_path, build_site):
    content, output = sample_site(tmp_path)
    build_site({}, content=content, output=output)
    assert build_site({}, content=content, output=output, strict=True).result.ok  # absolute addresses
    shutil.rmtree(content / "2024/chinh-trang-vuon-hoa-kim-lien")
    build_site({}, content=content, output=output)
    clean = build_site({}, content=content, output=tmp_path / "clean")
    assert tree(output) == tree(clean.output)


def test_search_shows_a_changed_date_and_category_name(tmp_path, build_site):
    content, output = sample_site(tmp_path)
    build_site({}, content=content, output=output)
    _replace(content / "2025/lap-lai-trat-tu-via-he/index.md", "03/03/2025", "05/04/2025")
    build_site({}, content=content, output=output)
    clean = build_site({}, content=content, output=tmp_path / "clean")
    assert searchable(output) == searchable(clean.output)


def sample_site(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the sample content, and the output folder rebuilt in place."""
    content = tmp_path / "site"
    shutil.copytree(SAMPLE, content, ignore=shutil.ignore_patterns("README.md"))
    return content, tmp_path / "out"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def forked_index(tmp_path, monkeypatch):
    """Record in a file whether write_index ran in a forked child, and let the build
    fork although earlier tests left idle threads in this process; with fail=True,
    the child's write_index fails."""
    import threading

    from news_publish import search

    parent, original, marker = os.getpid(), search.write_index, tmp_path / "forked"
    behaviour = {"fail": False}

    def recorded(*args, **kwargs):
        if os.getpid() != parent:
            marker.write_text("the child ran", encoding="utf-8")
            if behaviour["fail"]:
                raise OSError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(search, "write_index", recorded)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    behaviour["marker"] = marker
    return behaviour


def test_the_index_written_beside_the_pages_is_the_one_written_after_them(tmp_path, build_site, forked_index):
    """A first build writes the search index in a forked process while the pages
    render; the files are those the build writes itself when it may not fork."""
    content, _ = sample_site(tmp_path)
    forked = build_site({}, content=content, output=tmp_path / "forked-out")
    assert forked_index["marker"].exists()
    inline = build_site({}, content=content, output=tmp_path / "inline", NEWS_SEARCH_BACKGROUND=False)
    assert forked.result.ok and inline.result.ok
    files = sorted(str(p.relative_to(tmp_path / "forked-out" / INDEX))
                   for p in (tmp_path / "forked-out" / INDEX).rglob("*") if p.is_file())
    assert "meta.json" in files and any(n.startswith("t-") for n in files) and any(n.startswith("x/") for n in files)
    assert {n: (tmp_path / "forked-out" / INDEX / n).read_bytes() for n in files} == \
        {n: (tmp_path / "inline" / INDEX / n).read_bytes() for n in files}
    assert sorted(str(p.relative_to(tmp_path / "inline" / INDEX))
                  for p in (tmp_path / "inline" / INDEX).rglob("*") if p.is_file()) == files


def test_a_failed_background_index_is_written_again_by_the_build(tmp_path, build_site, forked_index):
    content, _ = sample_site(tmp_path)
    forked_index["fail"] = True
    site = build_site({}, content=content, output=tmp_path / "out")
    assert site.result.ok and forked_index["marker"].exists()  # the child failed; the build wrote the index
    terms, docs = searchable(tmp_path / "out")
    assert docs and "dong" in terms


def test_a_build_that_stops_waits_for_its_index_process(tmp_path, build_site, forked_index, monkeypatch):
    """A crash while the pages render leaves no index process writing behind the build."""
    import news_incremental.writer as writer
    import news_publish.search as search

    content, _ = sample_site(tmp_path)
    started, real = [], search.start_in_background
    monkeypatch.setattr(search, "start_in_background", lambda *a, **k: started.append(real(*a, **k)) or started[-1])

    def broken(*args, **kwargs):
        raise RuntimeError("a bug while rendering")

    monkeypatch.setattr(writer.IncrementalWriter, "render", broken)
    site = build_site({}, content=content, output=tmp_path / "out")
    assert site.result.crashed and started and started[0]
    with pytest.raises(ChildProcessError):  # already waited for, by the runner (news_core.build.reap)
        os.waitpid(started[0], os.WNOHANG)


def test_a_first_build_in_place_always_has_its_search_index(tmp_path, build_site, forked_index):
    """The output folder a manifest does not describe is emptied when the build starts,
    never under the index process: a build in place without cache/pages has its index."""
    content, out = sample_site(tmp_path)
    for _ in range(3):
        shutil.rmtree(tmp_path / "pages", ignore_errors=True)  # the manifest, beside the photo cache
        site = build_site({}, content=content, output=out)
        assert site.result.ok and (out / INDEX / "meta.json").exists()
        terms, docs = searchable(out)
        assert docs and "dong" in terms
    assert forked_index["marker"].exists()
