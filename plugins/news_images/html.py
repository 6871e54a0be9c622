"""Rewrite photo markers in an article's HTML to published URLs."""

from __future__ import annotations

import posixpath

from urllib.parse import quote

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

# HTML5 output that keeps Vietnamese letters as UTF-8 instead of &agrave; etc.
FORMATTER = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix=None,
    empty_attributes_are_booleans=True,
)

MARKER = "data-news-photo"
FILE_MARKER = "data-news-file"
SHARED_FOLDER = "anh"


def photo_path(content, photo) -> str:
    """Site-relative path of a published photo, e.g. 'dong-da/slug/a.jpg'."""
    if photo.shared:
        return posixpath.join(SHARED_FOLDER, photo.name)
    folder = posixpath.dirname(content.save_as)
    return posixpath.join(folder, photo.name)


def rewrite(html: str, urls: list[str], file_urls: list[str] = ()) -> str:
    """Replace src/href of marked elements with urls[N] (photos) or
    file_urls[N] (attached documents); drop the markers."""
    soup = BeautifulSoup(html, "html.parser")
    for marker, table in ((MARKER, urls), (FILE_MARKER, file_urls)):
        for element in soup.find_all(attrs={marker: True}):
            element["src" if element.name == "img" else "href"] = table[int(element[marker])]
            del element[marker]
    return soup.decode(formatter=FORMATTER)


def link_photos(content) -> None:
    photos = getattr(content, "photos", None) or []
    files = getattr(content, "files", None) or []
    if not (photos or files) or not getattr(content, "_content", None):
        return
    siteurl = content.settings.get("SITEURL", "")
    urls = [f"{siteurl}/{quote(photo_path(content, p))}" for p in photos]
    file_urls = [f"{siteurl}/{quote(photo_path(content, f))}" for f in files]
    content._content = rewrite(content._content, urls, file_urls)
    if getattr(content, "cover", None):
        content.cover_url = urls[photos.index(content.cover)] if content.cover in photos else None
