"""The editor's configuration, generated from news_core.schema, never written by
hand: config.yml for Sveltia CMS (Decap-compatible) and thanh-phan.json for
the editor components of admin.js (captioned photo, photo gallery)."""

from __future__ import annotations

import json

import yaml

from news_core import gallery
from news_core.schema import CAPTION_MISSING, EDITOR_FOLDER, FIGURE_FORM, GALLERY_FORM, FormField, article_form
from news_core.settings import Config

from .settings import AdminSettings

FOLDER = EDITOR_FOLDER  # the editor's address: /quan-tri/
MAX_SIDE = 2560  # photos are resized in the browser before upload (longest side, pixels)
MAX_BYTES = 20 * 1024 * 1024


def field(spec: FormField) -> dict:
    """One form field in Sveltia/Decap terms."""
    out: dict = {"name": spec.name, "label": spec.label, "widget": spec.widget}
    if spec.widget == "hidden":
        return out
    if spec.hint:
        out["hint"] = spec.hint
    out["required"] = spec.required
    if spec.pattern:
        out["pattern"] = list(spec.pattern)
    if spec.options:
        out["options"] = [{"label": label, "value": value} for value, label in spec.options]
    if spec.default is not None:
        out["default"] = spec.default
    if spec.fields:
        out["fields"] = [field(sub) for sub in spec.fields]
        out["min"] = 1
        out["add_to_top"] = False
    if spec.widget == "image":
        out["choose_url"] = False  # a photo comes from the computer, never from another host
    if spec.widget == "markdown":
        out["modes"] = ["rich_text", "raw"]
        out["buttons"] = ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"]
        out["editor_components"] = ["anh", "thu-vien-anh"]
    return out


def backend(admin: AdminSettings, folder_name: str) -> dict:
    """Where the editor saves. Without a repository the office works only in its own
    folder (the local-repository button, which asks for the site's folder by name)."""
    out = {"name": admin.backend, "repo": admin.repo or f"van-phong/{folder_name}", "branch": admin.branch}
    if admin.url:
        api = {"gitlab": "/api/v4", "gitea": "/api/v1", "github": "/api/v3"}[admin.backend]
        out["base_url"] = admin.url.rstrip("/")
        out["api_root"] = admin.url.rstrip("/") + api
    if admin.app_id:
        if admin.backend == "gitlab":
            out["auth_type"] = "pkce"
        out["app_id"] = admin.app_id
    return out


def cms_config(cfg: Config, admin: AdminSettings, site_name: str, site_url: str, folder_name: str,
               emblem: str = "") -> dict:
    config: dict = {"backend": backend(admin, folder_name)}
    if admin.repo and admin.review and admin.backend in ("gitlab", "github"):
        config["publish_mode"] = "editorial_workflow"
    if site_url:
        config["site_url"] = site_url
    config.update({
        "app_title": f"Biên tập tin — {site_name}",
        **({"logo": {"src": "../" + emblem.lstrip("/")}} if emblem else {}),  # the site's emblem, not Sveltia's
        "media_folder": "content",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_libraries": {"stock_assets": False, "default": {"config": {
            "max_file_size": MAX_BYTES,
            "slugify_filename": True,
            "transformations": {"raster_image": {"format": "webp", "quality": 88,
                                                 "width": MAX_SIDE, "height": MAX_SIDE}},
        }}},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none"}},
        "collections": [{
            "name": "tin-bai",
            "label": "Tin bài",
            "label_singular": "bài viết",
            "description": "Mỗi bài một thư mục: index.md và các ảnh của bài bên cạnh.",
            "folder": "content",
            "path": "{{year}}/{{slug}}/index",
            "extension": "md",
            "format": "yaml-frontmatter",
            "media_folder": "",
            "public_folder": "",
            "create": True,
            "delete": False,  # an archive keeps its articles: set status to draft instead
            "identifier_field": "title",
            "summary": "{{title}} · {{date}} · {{category}}",
            "view_filters": [{"label": "Bản nháp", "field": "status", "pattern": "draft"}],
            "view_groups": [{"label": "Chuyên mục", "field": "category"}],
            "fields": [field(spec) for spec in article_form(cfg)],
        }],
    })
    return config


def config_yaml(config: dict) -> str:
    header = ("# Made by the build from news_core/schema.py and NEWS_ADMIN (news_admin/config.py):\n"
              "# edit those, not this file.\n")
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def components() -> dict:
    """What admin.js needs to register the photo components: their fields, and how
    the build reads and writes them (news_core.gallery), as JavaScript patterns."""
    return {
        "figure": {"id": "anh", "label": "Ảnh có chú thích", "fields": [field(f) for f in FIGURE_FORM]},
        "gallery": {"id": "thu-vien-anh", "label": "Thư viện ảnh", "fields": [field(f) for f in GALLERY_FORM],
                    "default_title": gallery.DEFAULT_TITLE},
        "image_line": _js(gallery.IMAGE.pattern),
        "caption_missing": CAPTION_MISSING,
        "preview_styles": ["../theme/css/site.css", "preview.css"],
    }


def _js(pattern: str) -> str:
    """A Python pattern as JavaScript reads it (named groups are spelt (?<name>)."""
    return pattern.replace("(?P<", "(?<")


def components_json() -> str:
    return json.dumps(components(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
