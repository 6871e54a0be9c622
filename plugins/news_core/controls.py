"""Invisible control characters: never in a published page, feed or index.

A backspace pasted from Word, an ESC from a terminal, a NUL from a damaged file
or a YAML escape such as "\\a" is invisible in an editor and makes XML (the
Atom feeds, the sitemaps) malformed. Tab, line feed and carriage return stay;
C0 and C1 controls, DEL and the non-characters U+FFFE and U+FFFF go.
"""

from __future__ import annotations

import re

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
FIX = "Xóa ký tự ẩn này (thường do dán từ Word hoặc từ trang web khác); trang sẽ không hiện nó."


def strip(text: str) -> str:
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text


def found(text: str) -> list[tuple[int, str]]:
    """(1-based line, "U+0008, U+001B") for each line of `text` holding control characters."""
    if not CONTROLS.search(text):
        return []
    lines = []
    for number, line in enumerate(text.split("\n"), 1):
        if CONTROLS.search(line):
            lines.append((number, codes(line)))
    return lines


def codes(text: str) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in sorted(set(CONTROLS.findall(text))))


def problem(codes: str) -> str:
    return f"có ký tự điều khiển ẩn ({codes}) đã bị bỏ"
