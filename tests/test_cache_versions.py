"""Caches that cannot go stale (issue 14): what made a parsed article or a page
is part of its key. A new version of a library, a changed setting (a function
included) or settings file, an edit anywhere in our packages: the content cache
misses and every page is rendered again. The same site built again, from
another folder, process or machine, hits them."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DEV, ROOT, article

ARTICLES = 3


def shorten(limit):
    """A Jinja filter as a settings file defines it; each call makes a new function object."""
    return lambda text: text[:limit]


def lengthen():
    return lambda text: text + "…"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, dict]:
    """One small site built in place again and again with the same caches; for each
    build, what it read from the content cache and what it rendered."""
    from news_build.runner import build
    from news_incremental.writer import IncrementalWriter
    from news_core import cache

    root = tmp_path_factory.mktemp("site")
    content, output = root / "content", root / "output"
    for n in range(ARTICLES):
        path = content / f"2024/bai-{n}/index.md"
        path.parent.mkdir(parents=True)
        path.write_text(article(title=f"Bài số {n}", body=f"Nội dung bài số {n}."), encoding="utf-8")
    settings_file = root / "pelicanconf.py"
    settings_file.write_text(Path(DEV).read_text(encoding="utf-8"), encoding="utf-8")
    found, seen = {}, {}
    real_version = importlib.metadata.version

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764000000")
        patch.setattr(cache.ContentCache, "prune", _spy(cache.ContentCache.prune, seen, "hits", "misses"))
        patch.setattr(IncrementalWriter, "finish", _spy(IncrementalWriter.finish, seen, "rendered", "skipped"))

        def run(name: str, markdown: str | None = None, jinja_filter=shorten(40)) -> None:
            patch.setattr(cache, "_CODE", {})  # versions are read once a process: as a new process would
            patch.setattr(importlib.metadata, "version",
                          lambda dist: markdown if markdown and dist.lower() == "markdown" else real_version(dist))
            result = build(DEV, str(content), str(output), overrides={
                "NEWS_IMAGES_CACHE_PATH": str(root / "cache" / "images"),
                "NEWS_SETTINGS_FILE": str(settings_file),
                "JINJA_FILTERS": {"rut_gon": jinja_filter},
            })
            assert result.ok, (name, result.messages)
            found[name] = dict(seen)

        run("first")
        run("nothing")  # a new function object with the same code: nothing changed
        run("markdown", markdown="99.0")
        run("markdown again", markdown="99.0")
        run("filter", jinja_filter=lengthen())
        with settings_file.open("a", encoding="utf-8") as handle:
            handle.write("\n# a comment: the bytes changed\n")
        run("settings file", jinja_filter=lengthen())
    return found


def _spy(method, seen: dict, *counts: str):
    def spied(self, *args, **kwargs):
        seen.update({name: getattr(self, name) for name in counts})
        return method(self, *args, **kwargs)

    return spied


def test_an_unchanged_site_reads_and_renders_nothing_again(builds):
    assert builds["first"]["misses"] == ARTICLES
    assert (builds["nothing"]["hits"], builds["nothing"]["misses"]) == (ARTICLES, 0)
    assert builds["nothing"]["skipped"] == builds["first"]["rendered"] - builds["nothing"]["rendered"] > ARTICLES


@pytest.mark.parametrize("change", ["markdown", "filter", "settings file"])
def test_a_new_library_version_setting_or_settings_file_reads_and_renders_everything(builds, change):
    assert (builds[change]["hits"], builds[change]["misses"]) == (0, ARTICLES)
    assert builds[change]["skipped"] == 0
    assert builds[change]["rendered"] == builds["first"]["rendered"]


def test_after_a_new_version_the_caches_serve_again(builds):
    assert (builds["markdown again"]["hits"], builds["markdown again"]["misses"]) == (ARTICLES, 0)
    assert builds["markdown again"]["skipped"] == builds["nothing"]["skipped"]


# -- the keys themselves ----------------------------------------------------------

class Holder:
    def __init__(self, value):
        self.value = value


def at(*parts: str) -> str:
    """An absolute path on this system."""
    return os.path.join(os.path.abspath(os.sep), *parts)


def settings(**changes) -> dict:
    base = {
        "PATH": at("srv", "site", "content"),
        "SITENAME": "Phường Văn Miếu",
        "NEWS_EMBED_HOSTS": {"youtube.com", "youtu.be", "vimeo.com"},
        "JINJA_FILTERS": {"rut_gon": shorten(40)},
        "NEWS_EMBLEM": at("srv", "site", "content", "img", "emblem.svg"),
        "NEWS_THING": Holder(3),
        "OUTPUT_PATH": at("srv", "site", "output"),
        "NEWS_META_STATE": object(),
    }
    return {**base, **changes}


@pytest.mark.parametrize(("what", "changes"), [
    ("a function made again from the same code", {"JINJA_FILTERS": {"rut_gon": shorten(40)}}),
    ("an object made again with the same fields", {"NEWS_THING": Holder(3)}),
    ("the site in another folder", {"PATH": at("home", "ubnd", "content"),
                                    "NEWS_EMBLEM": at("home", "ubnd", "content", "img", "emblem.svg")}),
    ("another output folder", {"OUTPUT_PATH": at("tmp", "work-123")}),
    ("the build's state", {"NEWS_META_STATE": object()}),
])
def test_what_does_not_shape_the_site_keeps_the_key(what, changes):
    from news_core.cache import settings_digest

    assert settings_digest(settings(**changes)) == settings_digest(settings()), what


@pytest.mark.parametrize(("what", "changes"), [
    ("a plain value", {"SITENAME": "Phường Hoàn Kiếm"}),
    ("a host added to a set", {"NEWS_EMBED_HOSTS": {"youtube.com", "youtu.be", "vimeo.com", "x.com"}}),
    ("a function's code", {"JINJA_FILTERS": {"rut_gon": lengthen()}}),
    ("a value a function holds", {"JINJA_FILTERS": {"rut_gon": shorten(60)}}),
    ("an object's field", {"NEWS_THING": Holder(4)}),
    ("a path inside the content folder", {"NEWS_EMBLEM": at("srv", "site", "content", "img", "emblem-2.svg")}),
])
def test_what_shapes_the_site_changes_the_key(what, changes):
    from news_core.cache import settings_digest

    assert settings_digest(settings(**changes)) != settings_digest(settings()), what


def test_the_key_is_the_same_in_every_process():
    """Sets and string hashes differ between processes (PYTHONHASHSEED): the key does not."""
    script = textwrap.dedent("""
        import sys
        sys.path[:0] = [sys.argv[1], sys.argv[2]]
        from test_cache_versions import settings
        from news_core.cache import settings_digest
        print(settings_digest(settings()))
    """)
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(ROOT / "plugins"), str(ROOT / "tests")],
                              env=env, capture_output=True, text=True, check=True)
        digests.add(done.stdout.strip())
    from news_core.cache import settings_digest

    assert digests == {settings_digest(settings())}


def test_the_settings_file_is_hashed_by_its_bytes(tmp_path):
    from news_core.cache import settings_digest

    path = tmp_path / "pelicanconf.py"
    path.write_text('SITENAME = "Phường Văn Miếu"\n', encoding="utf-8")
    named = settings(NEWS_SETTINGS_FILE=str(path))
    before = settings_digest(named)
    assert before != settings_digest(settings())
    path.write_text('SITENAME = "Phường Văn Miếu"  # sửa\n', encoding="utf-8")
    assert settings_digest(named) != before


def write_packages(root: Path) -> None:
    for name, text in {
        "news_core/__init__.py": "",
        "news_core/slugs/__init__.py": "",
        "news_core/slugs/vi.py": "MAX = 80\n",
        "trangtin/__init__.py": "",
        "trangtin/defaults.py": "PATH = 'content'\n",
        "news_core/__pycache__/vi.cpython-311.pyc": "bytecode",
        "elsewhere/__init__.py": "not ours",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("edited", "shapes"), [
    ("news_core/slugs/vi.py", True),  # a subpackage of the core the reader uses
    ("trangtin/defaults.py", True),  # what `from trangtin.defaults import *` brings
    ("news_core/__pycache__/vi.cpython-311.pyc", False),
    ("elsewhere/__init__.py", False),  # not one of our packages (site-packages holds many)
])
def test_code_version_covers_every_file_of_our_packages(tmp_path, monkeypatch, edited, shapes):
    from news_core import cache

    monkeypatch.setattr(cache, "_CODE", {})
    write_packages(tmp_path / "a")
    write_packages(tmp_path / "b")
    assert cache.code_version(str(tmp_path / "a")) == cache.code_version(str(tmp_path / "b"))  # wherever installed
    (tmp_path / "b" / edited).write_text("changed", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", {})
    assert (cache.code_version(str(tmp_path / "a")) != cache.code_version(str(tmp_path / "b"))) is shapes


def test_code_version_holds_python_and_every_library(tmp_path, monkeypatch):
    from news_core import cache

    write_packages(tmp_path)
    monkeypatch.setattr(cache, "_CODE", {})
    before = cache.code_version(str(tmp_path))
    real = importlib.metadata.version
    for name in ("pelican", "markdown", "pyyaml", "nh3", "babel", "jinja2", "beautifulsoup4", "pillow"):
        assert name in cache.LIBRARIES
        monkeypatch.setattr(importlib.metadata, "version",
                            lambda dist, name=name: "0.0" if dist == name else real(dist))
        monkeypatch.setattr(cache, "_CODE", {})
        assert cache.code_version(str(tmp_path)) != before, name
    assert any(name == "python" for name, _ in cache.versions())


def test_a_new_pillow_makes_the_photos_again(monkeypatch):
    """Photo derivatives are cached by pixel_key: a new Pillow may encode other bytes."""
    import importlib.metadata

    from news_images import settings as images

    before = images.load({}).pixel_key
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == "pillow" else real(name))
    assert images.load({}).pixel_key != before
