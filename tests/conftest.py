"""Fixtures: build a tiny site in tmp_path and look at it as a reader would."""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
DEV = str(ROOT / "pelicanconf.py")
PROD = str(ROOT / "publishconf.py")


def article(title="Hội nghị thi đua", date="21/03/2024 10:31", category="Tin tức - Sự kiện",
            body="Đoạn mở đầu của bài.", **fields) -> str:
    """Markdown source with front matter; None drops a field."""
    values = {"title": title, "date": date, "category": category, **fields}
    lines = [f"{k}: {v}" for k, v in values.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + textwrap.dedent(body).strip() + "\n"


def make_photo(path: Path, size=(640, 480), color=(200, 40, 40)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, "JPEG")


@dataclass
class Site:
    content: Path
    output: Path
    result: object

    def page(self, url: str) -> BeautifulSoup:
        return soup(self.output / url.strip("/") / "index.html")

    def files(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.output)).replace(os.sep, "/")
            for p in self.output.rglob("*") if p.is_file()
        )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def build_site(tmp_path, monkeypatch):
    """build_site({"2024/a/index.md": text, "2024/a/x.jpg": None}, strict=False)."""
    from news_build.runner import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # 2025-11-24
    counter = {"n": 0}

    def _build(files: dict, strict=False, output=None, content=None, **overrides) -> Site:
        counter["n"] += 1
        content = content or tmp_path / f"content{counter['n']}"
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if text is None:
                make_photo(path)
            elif isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        output = output or tmp_path / f"output{counter['n']}"
        overrides.setdefault("NEWS_IMAGES_CACHE_PATH", str(tmp_path / "cache"))
        result = build(PROD if strict else DEV, str(content), str(output), strict=strict,
                       overrides=overrides)
        return Site(content, output, result)

    return _build


@pytest.fixture(scope="module")
def cfg():
    """news_core's Config from pelicanconf.py (categories, time zone), as the editor tools load it."""
    from news_editor.editor import load_config

    return load_config(DEV)


@pytest.fixture
def content(tmp_path):
    """An empty content folder."""
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Browser tests skip on a developer's machine without Chromium; in CI (CI=true) they must run.
needs_chromium = pytest.mark.skipif(not shutil.which(CHROMIUM) and not os.environ.get("CI"),
                                    reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()
