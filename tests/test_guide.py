"""The editors' guide shows what an editor sees: its screenshots come from a
real sample article (scripts/guide_screenshots.py), never from a test's
temporary site, and its example error line is the one in the picture."""

from __future__ import annotations

import re

from conftest import ROOT
from PIL import Image

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"


def test_every_screenshot_shows_a_sample_article():
    text = GUIDE.read_text(encoding="utf-8")
    shots = re.findall(r"!\[[^\]]*\]\((anh/[^)]+\.png)\)", text)
    assert shots
    for shot in shots:
        with Image.open(GUIDE.parent / shot) as image:
            source, change = image.text.get("Source", ""), image.text.get("Change", "")
        assert source.startswith("content/") and (ROOT / source).is_file(), (shot, source)
        assert "pytest" not in source + change and "/tmp" not in source + change, shot


def test_the_example_error_line_is_the_one_in_the_screenshot():
    text = GUIDE.read_text(encoding="utf-8")
    with Image.open(GUIDE.parent / "anh" / "xem-truoc-bao-loi.png") as image:
        source, change = image.text["Source"], image.text["Change"]
    bad = change.split(" -> ")[1].split(": ", 1)[1].split()[0]  # "32/09/2024"
    assert f"LỖI: {source}:3: date: ngày {bad} không tồn tại." in text
