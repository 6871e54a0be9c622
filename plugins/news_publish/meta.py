"""What search engines and share previews read: canonical URL, OpenGraph, JSON-LD.

Computed per article from the public address (NEWS_SITE.public_url), so a
preview build (SITEURL empty) already carries the URLs the live site will have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class PageMeta:
    canonical: str
    image: str | None  # absolute URL of the 1200×630 card, or None
    jsonld: str  # <script type="application/ld+json"> body: NewsArticle and BreadcrumbList


def absolute(public_url: str, url: str) -> str:
    """'/a/b.jpg' or 'a/b/' or 'https://…' -> an absolute URL on the public site."""
    if url.startswith(("https://", "http://")):
        return url
    return f"{public_url}/{url.lstrip('/')}"


def canonical(public_url: str, output_file: str) -> str:
    """The public URL of a written file: 'a/b/index.html' -> 'https://site/a/b/'."""
    path = output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file
    return absolute(public_url, path)


def script_json(data) -> str:
    """JSON safe inside <script>: no '</' or '<!--' can close or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_meta(article, site) -> PageMeta:
    public = site.public_url
    url = absolute(public, article.url)
    image = absolute(public, article.social_image) if getattr(article, "social_image", None) else None
    publisher = {
        "@type": "GovernmentOrganization",
        "name": site.agency["name"],
        "url": public + "/",
        "logo": {"@type": "ImageObject", "url": absolute(public, site.emblem)},
    }
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary or "",
        "datePublished": article.news.iso,
        "dateModified": article.news.updated_iso,
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "mainEntityOfPage": url,
        "url": url,
        "publisher": publisher,
        "author": {"@type": "GovernmentOrganization", "name": site.agency["name"], "url": public + "/"},
    }
    if image:
        news["image"] = [image]
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": public + "/"},
            {"@type": "ListItem", "position": 2, "name": article.category.name,
             "item": absolute(public, article.category.url)},
            {"@type": "ListItem", "position": 3, "name": article.title, "item": url},
        ],
    }
    return PageMeta(url, image, script_json([news, crumbs]))
