"""The `::: gallery` block written by the editor tools reads back as written
(news_core.gallery: one module parses and writes it)."""

from __future__ import annotations

import pytest
from news_core.gallery import DEFAULT_TITLE, block, find_galleries, item_line


@pytest.mark.parametrize("caption, line, read", [
    ("Quang cảnh hội nghị", "![Quang cảnh hội nghị](a.jpg)", "Quang cảnh hội nghị"),
    ("Trao thưởng [tập thể]", '![](a.jpg "Trao thưởng [tập thể]")', "Trao thưởng [tập thể]"),
    ('Khen "xuất sắc" [2024]', '![Khen "xuất sắc" (2024)](a.jpg)', 'Khen "xuất sắc" (2024)'),
    ("Tổ [1", "![Tổ (1](a.jpg)", "Tổ (1"),
])
def test_a_written_photo_line_reads_back_with_its_caption(caption, line, read):
    assert item_line("a.jpg", caption) == line
    galleries, problems = find_galleries(block("Hội nghị", [line]))
    assert problems == []
    assert [(item.src, item.caption) for item in galleries[0].items] == [("a.jpg", read)]


def test_an_empty_caption_is_written_for_the_editor_and_reported_by_the_build():
    assert item_line("a.jpg", "") == "![](a.jpg)"
    _, problems = find_galleries(block("", ["![](a.jpg)"]))
    assert [p.problem for p in problems] == ["ảnh trong thư viện thiếu chú thích (caption)"]


@pytest.mark.parametrize("title, opening, shown", [
    ("Một số hình ảnh hội nghị", "::: gallery Một số hình ảnh hội nghị", "Một số hình ảnh hội nghị"),
    ("", "::: gallery", DEFAULT_TITLE),
])
def test_a_written_block_opens_closes_and_keeps_its_title(title, opening, shown):
    lines = block(title, [item_line("a.jpg", "Ảnh một"), item_line("b.jpg", "Ảnh hai")])
    assert lines[0] == opening and lines[-1] == ":::"
    galleries, problems = find_galleries(["Đoạn mở đầu.", "", *lines, "", "Đoạn cuối."])
    assert problems == []
    assert [(g.title, [i.src for i in g.items], g.start, g.end) for g in galleries] == \
        [(shown, ["a.jpg", "b.jpg"], 2, 5)]
