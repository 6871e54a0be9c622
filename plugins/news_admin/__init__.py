"""news_admin: the browser editor at /quan-tri/ (Sveltia CMS, vendored).

Ward staff write, add photos with captions, preview and submit articles from a
browser; the office's IT keeps Git, CI and the static host. The editor's
configuration is generated from news_core.schema (the rules the build reads
articles with) and NEWS_ADMIN (where it saves: the office's own folder, or a
GitLab, Gitea/Forgejo or GitHub repository with review as merge requests).

Signals:
- initialized: check NEWS_ADMIN (a settings mistake stops the build at once).
- finalized: write quan-tri/ (index.html, config.yml, thanh-phan.json,
  admin-pre.js, admin.js, admin.css,
  preview.css, sveltia-cms/) into the output, only the files
  whose bytes changed. Development builds and the preview always have it; a
  production build (publish) only when the site sets NEWS_ADMIN_PUBLISH = True.

Settings: NEWS_ADMIN (dict, see settings.py), NEWS_ADMIN_PUBLISH (False).
"""

import os

from pelican import signals

KEY = "NEWS_ADMIN_STATE"
STATIC = os.path.join(os.path.dirname(__file__), "static")


def initialized(pelican):
    from .config import FOLDER
    from .page import csp
    from .settings import load

    admin = pelican.settings[KEY] = load(pelican.settings.get("NEWS_ADMIN"))
    if wanted(pelican.settings):
        # The editor's policy, not the reader pages', in _headers and _nginx.conf (news_publish).
        folders = dict(pelican.settings.get("NEWS_FOLDER_HEADERS") or {})
        folders[FOLDER] = {"Content-Security-Policy": csp(admin)}
        pelican.settings["NEWS_FOLDER_HEADERS"] = folders


def wanted(settings) -> bool:
    return not settings.get("NEWS_PRODUCTION") or bool(settings.get("NEWS_ADMIN_PUBLISH"))


def files(settings) -> dict[str, bytes]:
    """Path under the output folder -> bytes, for the whole editor."""
    from news_core.build import of

    from .config import FOLDER, cms_config, components_json, config_yaml
    from .page import page

    admin = settings[KEY]
    site_name = settings.get("SITENAME", "")
    site_url = settings.get("SITEURL") or settings.get("NEWS_PUBLIC_URL") or ""
    folder_name = os.path.basename(os.path.dirname(os.path.abspath(settings["PATH"]))) or "trang-tin"
    config = cms_config(of(settings).config, admin, site_name, site_url, folder_name,
                        str(settings.get("NEWS_EMBLEM") or ""))
    out = {
        "index.html": page(admin, site_name).encode(),
        "config.yml": config_yaml(config).encode(),
        "thanh-phan.json": components_json().encode(),
    }
    for name in ("admin-pre.js", "admin.js", "admin.css", "preview.css"):
        with open(os.path.join(STATIC, name), "rb") as handle:
            out[name] = handle.read()
    vendored = os.path.join(STATIC, "sveltia-cms")
    for folder, dirs, names in os.walk(vendored):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, STATIC).replace(os.sep, "/")] = handle.read()
    return {f"{FOLDER}/{name}": data for name, data in out.items()}


def finalized(pelican):
    from news_core.files import write_if_changed

    if not wanted(pelican.settings):
        return
    for name, data in files(pelican.settings).items():
        path = os.path.join(pelican.output_path, *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_if_changed(path, data)


def register():
    signals.initialized.connect(initialized)
    signals.finalized.connect(finalized)
