"""Rewrite photo markers in an article's HTML into responsive <picture>s."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from .pipeline import derivatives_of, photo_folder
from .plan import pick
from .settings import FORMATS, Config

MARKER = "data-news-photo"
FILE_MARKER = "data-news-file"



def formatter():
    """HTML5 output that keeps Vietnamese letters as UTF-8 instead of &agrave; etc.
    (bs4 is imported here, not above: a rebuild that rewrites nothing never loads it)."""
    from bs4.dammit import EntitySubstitution
    from bs4.formatter import HTMLFormatter

    return HTMLFormatter(
        entity_substitution=EntitySubstitution.substitute_xml,
        void_element_close_prefix=None,
        empty_attributes_are_booleans=True,
    )


class Urls:
    """URLs of one content object's photos and files."""

    def __init__(self, content, cfg: Config):
        self.content, self.cfg = content, cfg
        self.siteurl = content.settings.get("SITEURL", "")
        self.roles = getattr(content, "photo_roles", {}) or {}
        self.focus = getattr(content, "focus", None)  # the editor's `focus:` for the cover's crops
        self._planned: dict[int, tuple] = {}
        self._own: str | None = None

    def folder(self, photo) -> str:
        """photo_folder, with the content's own folder worked out once (Pelican expands
        save_as from the settings on every access)."""
        if self._own is None and not photo.shared:
            self._own = posixpath.dirname(self.content.save_as)
        return photo_folder(self.content, photo, self._own)

    def url(self, photo, name: str) -> str:
        return f"{self.siteurl}/{quote(self.folder(photo) + '/' + name)}"

    def derivatives(self, index: int):
        """(photo, its derivatives): planned once, though markup, card, social image and sitemap all ask."""
        if index not in self._planned:
            photo = self.content.photos[index]
            self._planned[index] = photo, derivatives_of(photo, self.cfg, self.roles.get(index, ()), self.focus)
        return self._planned[index]

    def file(self, index: int) -> str:
        item = self.content.files[index]
        return self.url(item, item.name)


def srcset(urls: Urls, photo, derivatives) -> str:
    return ", ".join(f"{urls.url(photo, d.name)} {d.width}w" for d in derivatives)


def picture(soup, img, urls: Urls, index: int, role: str, sizes: str, eager: bool):
    """<picture> with one <source> per modern format and a JPEG <img>."""
    photo, derivatives = urls.derivatives(index)
    element = soup.new_tag("picture")
    for fmt in urls.cfg.formats[:-1]:
        element.append(soup.new_tag("source", attrs={
            "type": FORMATS[fmt], "srcset": srcset(urls, photo, pick(derivatives, role, fmt)), "sizes": sizes}))
    fallback = pick(derivatives, role, "jpeg")
    middle = next((d for d in fallback if d.width >= 960), fallback[-1])
    attrs = {
        "src": urls.url(photo, middle.name),
        "srcset": srcset(urls, photo, fallback),
        "sizes": sizes, "alt": img.get("alt", ""),
        "width": str(middle.width), "height": str(middle.height),
    }
    attrs.update({"fetchpriority": "high"} if eager else {"loading": "lazy", "decoding": "async"})
    element.append(soup.new_tag("img", attrs=attrs))
    return element


def rewrite(html: str, urls: Urls) -> str:
    """Markers left by news_gallery become <picture>s, large-photo links, file links."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    first = True
    for element in soup.find_all(attrs={MARKER: True}):
        index = int(element[MARKER])
        del element[MARKER]
        if element.name == "a":  # a gallery link, or a link to a photo: the largest copy, metadata removed
            photo, derivatives = urls.derivatives(index)
            largest = pick(derivatives, "full", "jpeg")[-1]
            element["href"] = urls.url(photo, largest.name)
            if "news-gallery__link" in element.get("class", ()):  # sized for PhotoSwipe
                element["data-pswp-width"], element["data-pswp-height"] = str(largest.width), str(largest.height)
            continue
        in_gallery = element.find_parent("a", class_="news-gallery__link") is not None
        role, sizes = ("thumb", urls.cfg.thumb_sizes) if in_gallery else ("full", urls.cfg.sizes)
        element.replace_with(picture(soup, element, urls, index, role, sizes, eager=first))
        first = False
    for element in soup.find_all(attrs={FILE_MARKER: True}):
        element["href"] = urls.file(int(element[FILE_MARKER]))
        del element[FILE_MARKER]
    return soup.decode(formatter=formatter())


def cover_derivatives(content, urls: Urls):
    """(photo, derivatives) of the content's cover, or None."""
    cover = getattr(content, "cover", None)
    photos = getattr(content, "photos", None) or []
    if cover is None or cover not in photos:
        return None
    return urls.derivatives(photos.index(cover))


def social_image(content, urls: Urls) -> str | None:
    """Absolute or root URL of the 1200×630 card made from the cover."""
    found = cover_derivatives(content, urls)
    card = next((d for d in found[1] if d.role == "social"), None) if found else None
    return urls.url(found[0], card.name) if card else None


def card_image(content, urls: Urls) -> dict | None:
    """The cover's 3:2 thumbnails for article lists: sources per format, a JPEG <img>."""
    found = cover_derivatives(content, urls)
    if not found or not pick(found[1], "thumb", "jpeg"):
        return None
    photo, derivatives = found
    fallback = pick(derivatives, "thumb", "jpeg")
    return {
        "sources": [{"type": FORMATS[fmt], "srcset": srcset(urls, photo, pick(derivatives, "thumb", fmt))}
                    for fmt in urls.cfg.formats[:-1]],
        "src": urls.url(photo, fallback[0].name),
        "srcset": srcset(urls, photo, fallback),
        "width": fallback[0].width, "height": fallback[0].height,
    }


def photo_urls(content, urls: Urls) -> list[str]:
    """The largest JPEG of every photo the content shows, for the image sitemap."""
    found = []
    for index in range(len(getattr(content, "photos", None) or [])):
        photo, derivatives = urls.derivatives(index)
        full = pick(derivatives, "full", "jpeg")
        if full:
            found.append(urls.url(photo, full[-1].name))
    return found
