"""One security policy, written three ways: a <meta> in every page, a _headers
file (Netlify, Cloudflare Pages) and an nginx snippet, so no copy drifts."""

from __future__ import annotations

import os

# No inline script, no 'unsafe-inline' and no WebAssembly anywhere; rebuilt
# YouTube embeds use the nocookie host.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "https://www.youtube-nocookie.com",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
HEADER_ONLY = {"frame-ancestors": "'self'"}  # ignored in a <meta>, so only in real headers
REFERRER = "strict-origin-when-cross-origin"


def frame_sources(embed_hosts) -> str:
    """frame-src for NEWS_EMBED_HOSTS: YouTube is always rebuilt as the nocookie host."""
    youtube = {"youtube.com", "youtube-nocookie.com", "youtu.be"}
    others = sorted(h for h in embed_hosts if h not in youtube)
    return " ".join([POLICY["frame-src"]] + [f"https://{h} https://*.{h}" for h in others])


def csp(embed_hosts=(), header: bool = False) -> str:
    policy = {**POLICY, "frame-src": frame_sources(embed_hosts), **(HEADER_ONLY if header else {})}
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def headers(embed_hosts=()) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp(embed_hosts, header=True),
        "Referrer-Policy": REFERRER,
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def headers_file(values: dict[str, str], folders: dict | None = None) -> str:
    """Netlify/Cloudflare Pages rules: every path, then each folder with its own
    policy (NEWS_FOLDER_HEADERS: the editor at /quan-tri/), the site's policy detached
    there with "! Content-Security-Policy" as Cloudflare Pages reads it."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in values.items()]
    for folder, own in sorted((folders or {}).items()):
        lines += [f"/{folder.strip('/')}/*"] + [f"  ! {name}" for name in own] + \
                 [f"  {name}: {value}" for name, value in own.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(values: dict[str, str], folders: dict | None = None) -> str:
    lines = [
        "# Security headers for the news site; include inside its server { } block.",
        "# Made by the build from plugins/news_publish/headers.py: edit there, not here.",
        "gzip_static on;  # serve the .gz files the build wrote",
        "# brotli_static on;  # with the ngx_brotli module, serve the .br files",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in values.items()]
    for folder, own in sorted((folders or {}).items()):
        # add_header inside a location replaces the server's: repeat them, with the folder's own values.
        lines.append(f"location /{folder.strip('/')}/ {{")
        lines += [f'    add_header {name} "{value}" always;' for name, value in {**values, **own}.items()]
        lines.append("}")
    lines.append("error_page 404 /404.html;")
    return "\n".join(lines) + "\n"


def write_headers(output: str, embed_hosts=(), folders: dict | None = None) -> None:
    values = headers(embed_hosts)
    for name, text in (("_headers", headers_file(values, folders)), ("_nginx.conf", nginx_snippet(values, folders))):
        with open(os.path.join(output, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
