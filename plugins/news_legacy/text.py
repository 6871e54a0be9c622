"""Whitespace and Markdown escaping for text taken out of old pages."""

from __future__ import annotations

import re
import unicodedata

NBSP = "\u00a0"
# Characters Word and old editors leave in text that readers never see: the soft
# hyphen, zero-width space/joiners, word joiner, byte-order mark.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")
_LINE_START = re.compile(r"^(>|[-+*]\s|(\d+)([.)])\s|:|~~~|\s)")


# A no-break space stays where Vietnamese typesetting wants one: beside a number
# ("14.995 tỷ đồng", "số 3", "3 m"); elsewhere it is a Word habit.
_LOOSE_NBSP = re.compile(r"(?<!\d)\u00a0(?!\d)")


def squash(text: str) -> str:
    """NFC, without invisible characters (soft hyphens, zero-width spaces), runs of white
    space as one; a lone no-break space beside a number is kept."""
    text = _LOOSE_NBSP.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", text or "")))

    def one(match):
        run = match.group(0)
        return NBSP if run == NBSP else " "

    return _RUN.sub(one, text).strip(" " + NBSP)


def escape(text: str) -> str:
    """`text` as Markdown that renders as itself."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    return text.replace("--", "-\\-")


_ESCAPED = re.compile(r"\\([\\`*_\[\]{}#-])")


def unescape(markdown: str) -> str:
    """The text a line written by escape() shows (an editor may have changed the words)."""
    return _ESCAPED.sub(r"\1", markdown).replace("&lt;", "<").replace("&amp;", "&")


def escape_line_start(line: str) -> str:
    """A paragraph must not start a heading, a list, a quote or a gallery fence."""
    match = _LINE_START.match(line)
    if not match:
        return line
    if match.group(2):
        return f"{match.group(2)}\\{match.group(3)}{line[match.end(3):]}"
    if line.startswith(":"):  # a definition list, or a gallery fence
        return "&#58;" + line[1:]
    if line.startswith("~"):  # a fenced code block
        return "&#126;" + line[1:]
    if line[0].isspace():
        return line.lstrip()
    return "\\" + line


def caption_text(text: str) -> str:
    """A caption usable inside ![…](…) and a gallery line: no brackets, no line breaks."""
    return squash(text).replace("[", "(").replace("]", ")")


def escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
