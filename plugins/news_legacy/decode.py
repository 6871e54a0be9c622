"""A saved page's bytes as text: the declared charset, else UTF-8, else Windows-1258."""

from __future__ import annotations

import codecs
import re
import unicodedata

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# What pages declare, and what Python calls it. Browsers read latin-1 as
# windows-1252; Vietnamese pages that say so are usually Windows-1258.
ALIASES = {
    "utf8": "utf-8", "unicode": "utf-8", "x-cp1258": "cp1258", "windows-1258": "cp1258",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
}
FALLBACK = "cp1258"
# A page that is UTF-8 but for a few broken bytes (a description cut inside a
# character) stays UTF-8: Windows-1258 would garble every letter instead.
FEW_BAD_BYTES = 16


class Decoded(str):
    """The NFC text; .charset is the codec used, .notice says what was guessed."""

    charset: str = "utf-8"
    notice: str = ""


def declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:8192])
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes) -> Decoded:
    """Decode by BOM, then the declared charset, then UTF-8, then Windows-1258."""
    notice = ""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _done(data.decode(codec, "replace"), codec, notice)
    name = declared_charset(data)
    if name:
        codec = ALIASES.get(name, name)
        try:
            codecs.lookup(codec)
        except LookupError:
            notice = f'bảng mã "{name}" khai báo trong trang không được hỗ trợ; đã đọc theo UTF-8 hoặc Windows-1258'
        else:
            try:
                return _done(data.decode(codec), codec, notice)
            except UnicodeDecodeError:
                notice = f'trang khai báo bảng mã "{name}" nhưng có byte không hợp lệ; đã đọc theo bảng mã khác'
    try:
        return _done(data.decode("utf-8"), "utf-8", notice)
    except UnicodeDecodeError:
        pass
    bad = _bad_utf8(data)
    if bad <= FEW_BAD_BYTES and len(data) > 40 * bad:
        notice = f"trang có {bad} chỗ byte không hợp lệ theo UTF-8, đã thay bằng dấu �; kiểm tra lại các chỗ đó"
        return _done(data.decode("utf-8", "replace"), "utf-8", notice)
    return _done(data.decode(FALLBACK, "replace"), FALLBACK, notice)


def _bad_utf8(data: bytes) -> int:
    count, start = 0, 0
    while count <= FEW_BAD_BYTES:
        try:
            data[start:].decode("utf-8")
            return count
        except UnicodeDecodeError as exc:
            count += 1
            start += exc.end
    return count


def _done(text: str, codec: str, notice: str) -> Decoded:
    result = Decoded(unicodedata.normalize("NFC", text))
    result.charset, result.notice = codec, notice
    return result
