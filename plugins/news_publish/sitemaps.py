"""sitemap.xml (every article, category, page; photos), a Google News sitemap, robots.txt."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET

from .meta import absolute

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = dt.timedelta(days=2)  # Google News reads articles of the last two days


def _url(root, loc: str, lastmod: str | None = None) -> ET.Element:
    url = ET.SubElement(root, f"{{{SITEMAP}}}url")
    ET.SubElement(url, f"{{{SITEMAP}}}loc").text = loc
    if lastmod:
        ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod
    return url


def _xml(root) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def sitemap(public: str, articles: list, categories: list, pages: list, extra: list[str]) -> bytes:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("image", IMAGE)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    newest = max((a.news.updated_iso for a in articles), default=None)
    _url(root, public + "/", newest)
    for category, items in categories:
        _url(root, absolute(public, category.url), max(a.news.updated_iso for a in items))
    for article in articles:
        url = _url(root, absolute(public, article.url), article.news.updated_iso)
        for photo_url in getattr(article, "news_photo_urls", ()):
            image = ET.SubElement(url, f"{{{IMAGE}}}image")
            ET.SubElement(image, f"{{{IMAGE}}}loc").text = absolute(public, photo_url)
    for page in pages:
        _url(root, absolute(public, page.url))
    for path in extra:  # archives index, about, English
        _url(root, absolute(public, path))
    return _xml(root)


def recent(articles: list, now: dt.datetime) -> list:
    """Articles of the last two days before the build's time."""
    return [a for a in articles if now - NEWS_WINDOW <= a.date <= now]


def news_sitemap(public: str, articles: list, publication: str) -> bytes:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("news", NEWS)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for article in articles:
        url = _url(root, absolute(public, article.url))
        news = ET.SubElement(url, f"{{{NEWS}}}news")
        pub = ET.SubElement(news, f"{{{NEWS}}}publication")
        ET.SubElement(pub, f"{{{NEWS}}}name").text = publication
        ET.SubElement(pub, f"{{{NEWS}}}language").text = "vi"
        ET.SubElement(news, f"{{{NEWS}}}publication_date").text = article.news.iso
        ET.SubElement(news, f"{{{NEWS}}}title").text = article.title
    return _xml(root)


def robots(public: str, news: bool) -> bytes:
    lines = ["User-agent: *", "Allow: /", "", f"Sitemap: {public}/sitemap.xml"]
    if news:
        lines.append(f"Sitemap: {public}/sitemap-news.xml")
    return ("\n".join(lines) + "\n").encode()


def write_sitemaps(output: str, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        with open(os.path.join(output, name), "wb") as handle:
            handle.write(data)
