"""Old portal addresses keep working: a redirect from each article's legacy_url.

Written three ways, since hosts differ in what they can do:
- a small HTML page at the old path (when it ends in .html, .htm, / or has
  no extension): `<meta http-equiv=refresh>`, `rel=canonical`, and a link;
- `_redirects` (Netlify, Cloudflare Pages): `old-path new-url 301`;
- nginx maps: `_legacy_redirects.map` keyed by the decoded path ($uri) and
  `_legacy_redirects_query.map` keyed by path and query as sent
  ($request_uri), for addresses such as `/chi-tiet.aspx?id=4127`.
  docs/deploy.md shows the lines that include them.

The front matter check (news_core.fields.legacy_url_problem) refuses an address
whose decoded path holds a line break, a quote or a `..`; plan() asks it again,
so no such path ever names a folder or a map line, however the article got here.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from news_core.fields import legacy_url_problem

PAGE_EXTENSIONS = ("", ".html", ".htm")


@dataclass(frozen=True)
class Redirect:
    old_path: str  # path as written in legacy_url, percent-encoding kept
    query: str
    target: str  # the new address
    title: str
    source: str  # the article's file, for messages


def plan(articles, siteurl: str) -> tuple[list[Redirect], list[str]]:
    """One redirect per legacy_url, and a warning for each address claimed twice or unsafe."""
    redirects, warnings, seen = [], [], {}
    for article in sorted(articles, key=lambda a: a.source_path):
        url = getattr(article, "legacy_url", None)
        if not url:
            continue
        source = article.news.source if hasattr(article, "news") else article.source_path
        problem = legacy_url_problem(str(url))
        if problem:
            warnings.append(f"{source}: legacy_url: {problem[0]}, nên không tạo chuyển hướng. {problem[1]}")
            continue
        parts = urlsplit(url)
        key = (parts.path or "/", parts.query)
        if key in seen:
            warnings.append(f"{source}: legacy_url {url} trùng với bài {seen[key]}; chỉ bài đó được chuyển hướng. "
                            "Sửa legacy_url của một trong hai bài.")
            continue
        seen[key] = source
        target = f"{siteurl.rstrip('/')}/{article.url}" if siteurl else f"/{article.url}"
        redirects.append(Redirect(parts.path or "/", parts.query, target, article.title, source))
    return redirects, warnings


def page_file(redirect: Redirect) -> str | None:
    """The output file for an HTML redirect page, relative, or None when a page cannot serve it."""
    if redirect.query:
        return None
    path = unquote(redirect.old_path)
    segments = [s for s in path.split("/") if s]
    if any(s in (".", "..") or "\\" in s or "\x00" in s for s in segments):
        return None
    if path.endswith("/") or not segments:
        return "/".join([*segments, "index.html"])
    ext = os.path.splitext(segments[-1])[1].lower()
    if ext not in PAGE_EXTENSIONS:
        return None  # .aspx, .php: a static host would offer them as downloads; the maps serve them
    return "/".join(segments if ext else [*segments, "index.html"])


def page(redirect: Redirect, csp: str) -> str:
    target, title = html.escape(redirect.target), html.escape(redirect.title)
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{html.escape(csp)}\">\n"
        f"<title>Bài viết đã chuyển: {title}</title>\n"
        f"<link rel=\"canonical\" href=\"{target}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n"
        f"<p>Bài viết đã chuyển sang địa chỉ mới: <a href=\"{target}\">{title}</a>.</p>\n</body>\n</html>\n"
    )


def taken(output: str, redirect: Redirect) -> str | None:
    """The new site's own file at the old address, if any: the home page for "/"."""
    if redirect.query:
        return None
    path = unquote(redirect.old_path)
    segments = [s for s in path.split("/") if s]
    candidates = ["/".join([*segments, "index.html"])]
    if segments and not path.endswith("/"):
        candidates.insert(0, "/".join(segments))
    for relative in candidates:
        if os.path.exists(os.path.join(output, *relative.split("/"))):
            return relative
    return None


def write(output: str, redirects: list[Redirect], csp: str) -> tuple[int, list[str]]:
    """Write the pages and the maps; (pages written, warnings).

    An old address the new site itself serves (its home page, a category) is
    left alone, in the pages and in the maps, with a warning."""
    warnings, written, kept = [], 0, []
    for redirect in redirects:
        own = taken(output, redirect)
        if own:
            warnings.append(f"{redirect.source}: legacy_url {redirect.old_path} là địa chỉ của một trang của trang mới "
                            f"({own}), nên không chuyển hướng. Sửa legacy_url thành địa chỉ cũ của riêng bài này.")
            continue
        kept.append(redirect)
        relative = page_file(redirect)
        if relative is None:
            continue
        path = os.path.join(output, *relative.split("/"))
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(page(redirect, csp))
        except OSError as exc:  # /robots.txt/a.html, or /x.html beside /x.html/
            warnings.append(f"{redirect.source}: không tạo được trang chuyển hướng cho legacy_url "
                            f"{redirect.old_path} ({exc.strerror or exc}): địa chỉ này trùng một tệp hay thư mục "
                            "khác của bản dựng. Kiểm tra lại legacy_url.")
            continue
        written += 1
    _write_maps(output, kept)
    return written, warnings


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_maps(output: str, redirects: list[Redirect]) -> None:
    plain = [r for r in redirects if not r.query]
    query = [r for r in redirects if r.query]
    files = {
        "_redirects": "".join(f"{r.old_path} {r.target} 301\n" for r in plain),
        "_legacy_redirects.map": "".join(f"{_quoted(unquote(r.old_path))} {_quoted(r.target)};\n" for r in plain),
        "_legacy_redirects_query.map": "".join(
            f"{_quoted(r.old_path + '?' + r.query)} {_quoted(r.target)};\n" for r in query),
    }
    for name, text in files.items():
        if text:
            with open(os.path.join(output, name), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
