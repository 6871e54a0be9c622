"""The editor's page, /quan-tri/index.html, and its security policy."""

from __future__ import annotations

import html

from .settings import AdminSettings

# Sveltia's interface sets inline styles and shows photos and previews from blob:
# URLs; nothing comes from another host but the office's own Git server.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' blob: data:",
    "media-src": "'self' blob:",
    "font-src": "'self' data:",
    "connect-src": "'self' blob: data:",
    "frame-src": "'self' blob:",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def csp(admin: AdminSettings) -> str:
    policy = dict(POLICY)
    if admin.origin:
        policy["connect-src"] += " " + admin.origin
        policy["img-src"] += " " + admin.origin
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def page(admin: AdminSettings, site_name: str) -> str:
    title = html.escape(f"Biên tập tin — {site_name}")
    # No Git server configured: only the local-folder button makes sense (admin.css hides the others).
    local = "" if admin.repo else " data-news-local-only"
    return f"""<!doctype html>
<html lang="vi"{local}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp(admin))}">
<title>{title}</title>
<link rel="stylesheet" href="admin.css">
</head>
<body>
<noscript><p>Trình biên tập cần JavaScript. Hãy bật JavaScript, hoặc mở trang này bằng Chrome, Edge hay Firefox mới.</p></noscript>
<script src="admin-pre.js" data-servers="{html.escape(admin.origin)}"></script>
<script src="sveltia-cms/sveltia-cms.js"></script>
<script src="admin.js"></script>
</body>
</html>
"""
