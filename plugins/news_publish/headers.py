"""One security policy, written three ways: a <meta> in every page, a _headers
file (Netlify, Cloudflare Pages) and an nginx snippet, so no copy drifts."""

from __future__ import annotations

import os

# No inline script and no 'unsafe-inline' anywhere. Pagefind's search runs
# WebAssembly ('wasm-unsafe-eval'); rebuilt YouTube embeds use the nocookie host.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
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


def csp(header: bool = False) -> str:
    policy = {**POLICY, **(HEADER_ONLY if header else {})}
    return "; ".join(f"{name} {value}" for name, value in policy.items())


HEADERS = {
    "Content-Security-Policy": csp(header=True),
    "Referrer-Policy": REFERRER,
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def headers_file() -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet() -> str:
    lines = [
        "# Security headers for the news site; include inside its server { } block.",
        "# Made by the build from plugins/news_publish/headers.py: edit there, not here.",
        "gzip_static on;  # serve the .gz files the build wrote",
        "# brotli_static on;  # with the ngx_brotli module, serve the .br files",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in HEADERS.items()]
    lines.append("error_page 404 /404.html;")
    return "\n".join(lines) + "\n"


def write_headers(output: str) -> None:
    for name, text in (("_headers", headers_file()), ("_nginx.conf", nginx_snippet())):
        with open(os.path.join(output, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
