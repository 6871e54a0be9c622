"""Attached documents go through the same privacy rule as photos: nothing that
says who made them or where is published, unless the document's own meaning
depends on its exact bytes.

- Word, Excel, PowerPoint (.docx, .xlsx, .pptx) and OpenDocument (.odt, .ods,
  .odp) files are zip archives: their author and last editor are emptied, and
  every JPEG or PNG inside (a phone photo pasted into a report keeps its GPS
  position) loses its EXIF, XMP and text chunks, pixels untouched. A digitally
  signed one is published as it is: changing a byte would break the signature.
- A .zip is rewritten the same way, each member by its type.
- PDF is published as it is: official PDFs are often signed (chữ ký số).
- Formats that can carry a recording place and that we cannot clean (.mp4,
  .m4a video and audio, .rar and .7z archives) are refused when the article is
  read (news_core.photos.REFUSED_FILES).

The result depends only on the source bytes: zip members keep their order,
names, times and compression.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

OFFICE = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
ARCHIVES = OFFICE + (".zip",)
SIGNATURES = ("_xmlsignatures/", "META-INF/documentsignatures.xml")
# <dc:creator>Nguyễn Văn A</dc:creator>, <cp:lastModifiedBy>…, <meta:initial-creator>…
PERSONAL = re.compile(rb"<((?:dc:creator|cp:lastModifiedBy|meta:initial-creator))>[^<]*</\1>")
PERSONAL_PARTS = ("docProps/core.xml", "meta.xml")
JPEG_DROPPED = {0xE1, 0xED, 0xFE}  # APP1 (EXIF, XMP), APP13 (IPTC), COM
PNG_DROPPED = {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"tIME"}


def cleaned(name: str, data: bytes) -> bytes:
    """`data`, the bytes of a file called `name`, without what identifies its author or place."""
    lower = name.lower()
    try:
        if lower.endswith(ARCHIVES):
            return _archive(data)
        if lower.endswith((".jpg", ".jpeg")):
            return _jpeg(data)
        if lower.endswith(".png"):
            return _png(data)
    except (zipfile.BadZipFile, ValueError, struct.error, EOFError):
        return data  # not what its name says: published as it is, like any other document
    return data


def _archive(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    if any(n.startswith(SIGNATURES) for n in names):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename in PERSONAL_PARTS:
                body = PERSONAL.sub(rb"<\1></\1>", body)
            elif not info.is_dir():
                body = cleaned(info.filename, body)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
            target.writestr(copy, body)
    return out.getvalue()


def _jpeg(data: bytes) -> bytes:
    """The JPEG without its APP1, APP13 and comment segments; the image data as it was."""
    if data[:2] != b"\xff\xd8":
        return data
    out, at = [data[:2]], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        if marker not in JPEG_DROPPED:
            out.append(data[at : at + 2 + length])
        at += 2 + length
    out.append(data[at:])
    return b"".join(out)


def _png(data: bytes) -> bytes:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return data
    out, at = [data[:8]], 8
    while at + 12 <= len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        kind = data[at + 4 : at + 8]
        if kind not in PNG_DROPPED:
            out.append(data[at : at + 12 + length])
        at += 12 + length
    out.append(data[at:])
    return b"".join(out)
