"""The editor's mistake behind a YAML error in the front matter, worded with
its own fix: a missing space after a field's colon, an indented line, an
unclosed quote. Looked for only once YAML parsing has failed (frontmatter)."""

from __future__ import annotations

import re

_LINE = re.compile(r"(?P<indent>[ \t]*)(?P<key>[\w-]+):(?P<gap>[ \t]*)(?P<value>.*)")
_TOP_FIELD = re.compile(r"[\w-]+:(?:\s|$)")
_QUOTE_NAMES = {'"': "dấu ngoặc kép", "'": "dấu ngoặc đơn"}


def report(source: str, last: int | None, problems, known: tuple[str, ...], only_last=False) -> bool:
    """Record the mistake on or before line index `last` (None: any line) that
    made the YAML fail, worded with its own fix. False if none is recognised,
    leaving the parser's own message to the caller."""
    lines = source.split("\n")
    found = _mistake(lines, len(lines) if last is None else min(last + 1, len(lines)), known, only_last)
    if found is None:
        return False
    index, key, problem, fix = found
    problems.error(index + 2, key, problem, fix)
    return True


def _mistake(lines: list[str], end: int, known: tuple[str, ...], only_last: bool):
    """(line index, key, problem, fix) for the first recognised mistake, or None.
    Lines inside a quoted value or below a field without a value (a list, a |
    block) are content, not fields."""
    block = False  # the last field opened a list or a block: indented lines belong to it
    opened = None  # (line index, quote) of a quoted value continued on the next lines
    for index in range(end - 1 if only_last else 0, end):
        line = lines[index]
        if opened:
            if _closing(line, opened[1]) >= 0:
                opened = None
            continue
        found = _LINE.fullmatch(line)
        if not found:
            continue
        key, gap, value = found["key"], found["gap"], found["value"]
        if found["indent"]:
            if not block:
                return index, key, *_indented(found["indent"], line.lstrip(" \t"))
            continue
        # Only a known field counts as missing its space: nguon:http://… may be a value.
        if value and not gap and key.lower() in known:
            return index, key, *_missing_space(key, value)
        block = not value.strip() or value.lstrip()[:1] in ("#", "|", ">")
        quote = value[:1] if gap else ""
        if quote in _QUOTE_NAMES:
            close = _closing(value[1:], quote)
            if close < 0 and _next_is_field(lines, index):
                return index, key, *_unclosed(key, value, quote)
            if close < 0:
                opened = (index, quote)
    if opened and not only_last:
        index = opened[0]
        found = _LINE.fullmatch(lines[index])
        return index, found["key"], *_unclosed(found["key"], found["value"], opened[1])
    return None


def _closing(text: str, quote: str) -> int:
    """Index in `text` of the quote that ends a value opened before it, or -1.
    Inside "…" a backslash escapes; inside '…' a quote is doubled ('')."""
    index = 0
    while index < len(text):
        if quote == '"' and text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _next_is_field(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1 :] if line.strip()), None)
    return following is None or bool(_TOP_FIELD.match(following))


def _indented(indent: str, text: str) -> tuple[str, str]:
    what = "các dấu cách" if "\t" not in indent else "dấu Tab" if not indent.strip("\t") else "các dấu cách và dấu Tab"
    return "dòng này thụt vào đầu dòng", f'Xóa {what} ở đầu dòng {_shown(text)}.'


def _missing_space(key: str, value: str) -> tuple[str, str]:
    written = f"{key}:{value}"
    if value[:1] not in _QUOTE_NAMES and (": " in value or " #" in value):
        # the space alone would make the next mistake: quoted as frontmatter.yaml_text would
        value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"thiếu dấu cách sau dấu hai chấm ở {_shown(written)}", f"Viết {_shown(f'{key}: {value}')}."


def _unclosed(key: str, value: str, quote: str) -> tuple[str, str]:
    name = _QUOTE_NAMES[quote]
    return f"{name} mở ở đây chưa được đóng", f"Thêm {quote} ở cuối dòng: {_shown(f'{key}: {value.rstrip()}{quote}')}."


def _shown(text: str, limit: int = 50) -> str:
    """`text` cut at a space after about `limit` characters (a link stays whole),
    in quotes unless it has some."""
    cut = text.rfind(" ", text.find(": ") + 2, limit) if len(text) > limit else -1
    if cut > 0:
        text = text[:cut] + "…"
    return text if '"' in text else f'"{text}"'
