"""Texts the editor tools write for the editor to replace, and where they are left.

`invoke new` writes LEAD as the body's first paragraph, and its guide comment
shows CAPTION as the sample caption. The templates (news_editor) take them
from here, and the reader (news_meta) refuses to publish an article that
still holds one: a single definition, so the two never drift apart.
"""

from __future__ import annotations

LEAD = "Viết đoạn mở đầu (sapo) của bài ở đây, thay cho dòng này."
LEAD_MORE = "Viết tiếp nội dung bên dưới, mỗi đoạn cách nhau một dòng trống."
CAPTION = "Chú thích ảnh"

# (what is searched for, as shown to the editor, the fix)
CHECKS = (
    (LEAD, "Thay dòng này bằng đoạn mở đầu (sapo) của bài: một, hai câu tóm tắt sự việc."),
    (LEAD_MORE, "Thay dòng này bằng nội dung bài, hoặc xóa nó."),
    (f"[{CAPTION}]", "Thay dòng này bằng chú thích thật của ảnh: ai, làm gì, ở đâu."),
)
FIELD_CHECKS = ((LEAD, CHECKS[0][1]), (LEAD_MORE, CHECKS[1][1]), (CAPTION, CHECKS[2][1]))


def problem(text: str) -> str:
    return f'còn câu mẫu "{text}" viết sẵn để bạn thay'


def in_field(value: str) -> tuple[str, str] | None:
    """(placeholder, fix) a front-matter value still holds, or None."""
    squashed = " ".join(value.split())
    for text, fix in FIELD_CHECKS:
        if (text in squashed) if text != CAPTION else squashed == CAPTION:
            return text, fix
    return None


def in_body(lines: list[str]) -> list[tuple[int, str, str]]:
    """(index of the line, placeholder, fix) for each line outside <!-- comments --> still holding one."""
    found, comment = [], False
    for index, line in enumerate(lines):
        visible, rest = "", line
        while rest:  # what of the line lies outside comments
            if comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    comment, rest = False, rest[end + 3:]
            else:
                start = rest.find("<!--")
                if start < 0:
                    visible, rest = visible + rest, ""
                else:
                    visible, comment, rest = visible + rest[:start], True, rest[start + 4:]
        squashed = " ".join(visible.split())
        for text, fix in CHECKS:
            if text in squashed:
                found.append((index, text.strip("[]"), fix))
                break
    return found
