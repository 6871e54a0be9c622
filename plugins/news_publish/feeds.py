"""Atom feeds: the whole site and each category, written by us for full control.

Stable entry ids (tag: URIs from the public host, the article's date and
slug, so they survive a change of category), dates with the +07:00 offset the
articles carry, the summary, and the cover as an enclosure link.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from .meta import absolute

ATOM = "http://www.w3.org/2005/Atom"
FEED_DIR = "feeds"
SITE_FEED = "feeds/atom.xml"
ENTRIES = 30  # a feed reader wants the latest, not the archive


def category_feed(slug: str) -> str:
    return f"{FEED_DIR}/{slug}.atom.xml"


def entry_id(public_url: str, article) -> str:
    host = urlsplit(public_url).hostname or "localhost"
    return f"tag:{host},{article.date.strftime('%Y-%m-%d')}:{article.slug}"


def _text(parent, tag: str, text: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def feed_xml(title: str, feed_path: str, page_url: str, articles: list, site) -> bytes:
    public = site.public_url
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    _text(root, "title", title)
    _text(root, "id", absolute(public, feed_path))
    _text(root, "link", None, rel="self", type="application/atom+xml", href=absolute(public, feed_path))
    _text(root, "link", None, rel="alternate", type="text/html", href=absolute(public, page_url))
    updated = max((a.news.updated_iso for a in articles), default="2000-01-01T00:00:00+07:00")
    _text(root, "updated", updated)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", site.agency["name"])
    _text(root, "icon", absolute(public, site.emblem))
    for article in articles[:ENTRIES]:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(entry, "title", article.title)
        _text(entry, "id", entry_id(public, article))
        _text(entry, "link", None, rel="alternate", type="text/html", href=absolute(public, article.url))
        _text(entry, "published", article.news.iso)
        _text(entry, "updated", article.news.updated_iso)
        _text(entry, "category", None, term=article.category.slug, label=article.category.name)
        if article.summary:
            _text(entry, "summary", article.summary)
        if getattr(article, "social_image", None):
            _text(entry, "link", None, rel="enclosure", type="image/jpeg",
                  href=absolute(public, article.social_image))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(output: str, articles: list, categories: list, site, sitename: str, subtitle: str) -> list[str]:
    """Write the site feed and one per category; return their paths."""
    written = [(SITE_FEED, feed_xml(f"{sitename} – {subtitle}", SITE_FEED, "", articles, site))]
    for category, items in categories:
        path = category_feed(category.slug)
        written.append((path, feed_xml(f"{category.name} – {sitename}", path, category.url, items, site)))
    for path, data in written:
        target = os.path.join(output, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
    return [path for path, _ in written]
