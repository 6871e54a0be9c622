"""Write an imported article folder all at once, or not at all; never clobber edits.

The front matter keeps `legacy_hash`, a digest of the file as imported
(without that line). Importing again compares it with the file on disk:
- same digest and same new text: nothing to do ("unchanged");
- same digest, new text differs (the source or the importer changed): rewritten;
- digest differs: an editor changed the article; kept unless --force.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from dataclasses import dataclass

from .markdown import PhotoFile

HASH_LINE = re.compile(r"^legacy_hash:.*\n", re.MULTILINE)
_FIELD = re.compile(r"^(legacy_url|legacy_hash|title|slug|date):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
HEAD_BYTES = 65536  # front matter with a long summary still fits
TEMP_PREFIX = ".nhap-tam-"


@dataclass
class Existing:
    folder: str
    legacy_url: str | None
    legacy_hash: str | None


def digest(text: str) -> str:
    """The hash kept in legacy_hash: of the text without that line, LF line ends."""
    body = HASH_LINE.sub("", text.replace("\r\n", "\n"))
    return hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()


def with_hash(text: str) -> str:
    """`text` (front matter ending in legacy_hash: -) with its digest filled in."""
    return text.replace("legacy_hash: -\n", f"legacy_hash: {digest(text)}\n", 1)


def title_key(title: str, date) -> str:
    """Who an article is when the old page gave no address: its title and day."""
    from news_core.slugs import fold

    day = date if isinstance(date, str) else date.strftime("%d/%m/%Y")
    return f"{fold(title)}|{day[:10]}"


def scan(into: str, slug_length: int = 80) -> tuple[dict[str, Existing], set[str]]:
    """Articles already in `into` that came from the old portal, keyed by their old
    address (links.link_key) or, without one, by title and day; every article's slug."""
    import yaml
    from news_core.slugs import slugify

    from .links import link_key

    found: dict[str, Existing] = {}
    slugs: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(into):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if "index.md" not in filenames:
            continue
        path = os.path.join(dirpath, "index.md")
        try:
            with open(path, encoding="utf-8-sig") as handle:  # Notepad adds a BOM
                head = handle.read(HEAD_BYTES).replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            continue
        fields = {}
        for name, raw in _FIELD.findall(head.split("\n---", 1)[0] if head.startswith("---") else ""):
            try:
                value = yaml.safe_load(raw)
            except yaml.YAMLError:
                value = raw
            fields[name] = str(value) if value is not None else None
        slug = slugify(fields.get("slug") or fields.get("title") or "", slug_length)
        if slug:
            slugs.add(slug)
        if fields.get("legacy_url"):
            found.setdefault(link_key(fields["legacy_url"]),
                             Existing(dirpath, fields["legacy_url"], fields.get("legacy_hash")))
        elif fields.get("legacy_hash") and fields.get("title") and fields.get("date"):
            found.setdefault(title_key(fields["title"], fields["date"]), Existing(dirpath, None, fields["legacy_hash"]))
    return found, slugs


def state(folder: str, text: str) -> str:
    """'new', 'unchanged', 'changed' (safe to rewrite) or 'edited' for the folder's index.md."""
    path = os.path.join(folder, "index.md")
    if not os.path.exists(path):
        return "new"
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            current = handle.read()
    except (OSError, UnicodeDecodeError):
        return "edited"
    current = current.removeprefix("\ufeff")
    stored = re.search(r"^legacy_hash:[ \t]*(\S+)", current, re.MULTILINE)
    if not stored or stored.group(1) != digest(current):
        return "edited"
    same_text = current.replace("\r\n", "\n") == text
    return "unchanged" if same_text else "changed"


def photos_present(folder: str, photos: list[PhotoFile]) -> bool:
    return all(os.path.isfile(os.path.join(folder, p.name)) for p in photos)


def write_new(folder: str, text: str, photos: list[PhotoFile]) -> None:
    """Stage the folder beside its final place, then rename it there in one step."""
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    stage = os.path.join(parent, TEMP_PREFIX + secrets.token_hex(4))
    os.makedirs(stage)
    try:
        for photo in photos:
            copy_photo(photo.source, os.path.join(stage, photo.name))
        _write_text(os.path.join(stage, "index.md"), text)
        os.rename(stage, folder)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def write_over(folder: str, text: str, photos: list[PhotoFile]) -> None:
    """Replace index.md and the imported photos; other files in the folder stay."""
    temps = []
    try:
        for photo in photos:
            temp = os.path.join(folder, TEMP_PREFIX + secrets.token_hex(4) + "-" + photo.name)
            temps.append((temp, os.path.join(folder, photo.name)))
            copy_photo(photo.source, temp)
        temp_text = os.path.join(folder, TEMP_PREFIX + secrets.token_hex(4) + "-index.md")
        temps.append((temp_text, os.path.join(folder, "index.md")))
        _write_text(temp_text, text)
        for temp, final in temps:
            os.replace(temp, final)
    except BaseException:
        for temp, _ in temps:
            if os.path.exists(temp):
                os.unlink(temp)
        raise


def copy_photo(source: str, target: str) -> None:
    if target.lower().endswith(".png") and not source.lower().endswith(".png"):
        from PIL import Image

        with Image.open(source) as image:
            image.save(target, format="PNG")
        return
    shutil.copyfile(source, target)


def _write_text(path: str, text: str) -> None:
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
