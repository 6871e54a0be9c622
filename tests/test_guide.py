"""The editors' guide shows what an editor sees: its screenshots come from a
real sample article (scripts/guide_screenshots.py), never from a test's
temporary site, and its example error line is the one in the picture."""

from __future__ import annotations

import re

from conftest import ROOT
from PIL import Image

import pytest

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
EDITOR_GUIDE = ROOT / "docs" / "bien-tap-tren-trinh-duyet.md"  # scripts/editor_screenshots.py


@pytest.mark.parametrize("guide", [GUIDE, EDITOR_GUIDE], ids=lambda p: p.name)
def test_every_screenshot_shows_the_sample(guide):
    text = guide.read_text(encoding="utf-8")
    shots = re.findall(r"!\[[^\]]*\]\((anh/[^)]+\.png)\)", text)
    assert shots
    for shot in shots:
        with Image.open(guide.parent / shot) as image:
            source, change = image.text.get("Source", ""), image.text.get("Change", "")
        assert source.startswith("content/") and (ROOT / source).exists(), (shot, source)
        assert "pytest" not in source + change and "/tmp" not in source + change, shot


def test_the_editor_guide_shows_the_editor_at_both_widths_and_quotes_its_messages():
    from news_core.schema import CAPTION_MISSING, DATE_MESSAGE

    text = " ".join(EDITOR_GUIDE.read_text(encoding="utf-8").split())
    widths = set()
    for shot in re.findall(r"\((anh/bien-tap-[^)]+\.png)\)", text):
        with Image.open(EDITOR_GUIDE.parent / shot) as image:
            widths.add(image.width)
    assert widths == {390, 1280}
    assert DATE_MESSAGE in text and CAPTION_MISSING in text


def test_the_example_error_line_is_the_one_in_the_screenshot():
    text = GUIDE.read_text(encoding="utf-8")
    with Image.open(GUIDE.parent / "anh" / "xem-truoc-bao-loi.png") as image:
        source, change = image.text["Source"], image.text["Change"]
    bad = change.split(" -> ")[1].split(": ", 1)[1].split()[0]  # "32/09/2024"
    assert f"LỖI: {source}:3: date: ngày {bad} không tồn tại." in text
