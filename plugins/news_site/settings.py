"""The agency behind the site, its links and list sizes, from pelicanconf.py
(NEWS_SUBTITLE_EN: the site's subtitle on /en/, default "News")."""

from __future__ import annotations

import os
from dataclasses import dataclass

from news_core.settings import SettingsError as CoreSettingsError

from .chrome import Languages
from .chrome import build as build_chrome


class SettingsError(CoreSettingsError):
    """pelicanconf.py holds a value news_site cannot use."""


AGENCY_FIELDS = {
    # key: (required, what it is) - shown in the header, footer, about page and /en/
    "name": (True, "tên cơ quan, như 'Ủy ban nhân dân quận Đống Đa'"),
    "name_en": (True, "the agency's name in English, for /en/"),
    "address": (True, "địa chỉ trụ sở"),
    "address_en": (False, "the address written for English readers"),
    "phone": (True, "số điện thoại"),
    "email": (True, "thư điện tử"),
    "responsible": (True, "người chịu trách nhiệm chính (họ tên hoặc chức danh)"),
    "responsible_en": (False, "the person responsible for content, in English"),
    "licence": (False, "giấy phép hoặc văn bản thành lập trang"),
    "about": (False, "một đoạn giới thiệu cơ quan"),
    "about_en": (False, "a paragraph about the agency in English"),
    "notice": (False, "thông báo hiện trên mọi trang (ví dụ: trang lưu trữ)"),
    "notice_en": (False, "the notice in English, for /en/ (left out there when empty)"),
}


@dataclass(frozen=True)
class Link:
    name: str
    url: str


@dataclass(frozen=True)
class SiteConfig:
    agency: dict
    links: tuple[Link, ...]
    emblem: str
    emblem_type: str  # the favicon's media type
    public_url: str
    related_count: int
    most_viewed_count: int
    latest_count: int
    block_count: int
    chrome: Languages | None = None  # the header, menu and footer words in vi and en


PLACEHOLDER = "CHƯA ĐIỀN"  # what `trangtin new-site` writes where the office must fill in a value


def unfilled(cfg: "SiteConfig") -> list[str]:
    """The NEWS_AGENCY fields that still hold the new site's placeholder."""
    return [k for k in AGENCY_FIELDS if PLACEHOLDER in str(cfg.agency.get(k) or "")]


COUNTS = {"related_count": 5, "most_viewed_count": 5, "latest_count": 6, "block_count": 4}  # defaults


def load(settings: dict) -> SiteConfig:
    agency = settings.get("NEWS_AGENCY")
    if not isinstance(agency, dict):
        raise SettingsError("NEWS_AGENCY phải là một dict (cặp ngoặc {}) có " + ", ".join(
            k for k, (required, _) in AGENCY_FIELDS.items() if required))
    unknown = sorted(set(agency) - set(AGENCY_FIELDS))
    if unknown:
        raise SettingsError(f"NEWS_AGENCY có khóa lạ {unknown}; các khóa dùng được: {sorted(AGENCY_FIELDS)}")
    missing = [f"{k} ({what})" for k, (required, what) in AGENCY_FIELDS.items()
               if required and not str(agency.get(k) or "").strip()]
    if missing:
        raise SettingsError("NEWS_AGENCY thiếu " + "; ".join(missing))
    links = []
    for entry in settings.get("NEWS_LINKS", ()):
        try:
            name, url = entry
        except (TypeError, ValueError):
            raise SettingsError(f"mỗi liên kết trong NEWS_LINKS phải là một cặp (tên, địa chỉ), không phải {entry!r}") from None
        if not str(url).startswith(("https://", "http://")):
            raise SettingsError(f"NEWS_LINKS: {name!r} cần địa chỉ đầy đủ bắt đầu bằng https://, không phải {url!r}")
        links.append(Link(str(name), str(url)))
    counts = {}
    for key, default in COUNTS.items():
        value = settings.get(f"NEWS_{key.upper()}", default)
        if not isinstance(value, int) or value < 0:
            raise SettingsError(f"NEWS_{key.upper()} phải là một số nguyên không âm")
        counts[key] = value
    agency = {k: agency.get(k) or "" for k in AGENCY_FIELDS}
    agency["phone_href"] = phone_href(agency["phone"])
    public = str(settings.get("SITEURL") or settings.get("NEWS_PUBLIC_URL") or "")
    if not public.startswith(("https://", "http://")):
        raise SettingsError("NEWS_PUBLIC_URL phải là địa chỉ công khai của trang, như "
                            "https://dongda.hanoi.gov.vn: nút chia sẻ và bản in dùng địa chỉ này")
    plugins = [getattr(p, "__name__", p) for p in settings.get("PLUGINS", [])]
    if {"news_meta", "news_site"} <= set(plugins) and plugins.index("news_meta") > plugins.index("news_site"):
        raise SettingsError("PLUGINS phải ghi news_meta trước news_site (news_site dùng các bài news_meta đã đọc)")
    return SiteConfig(
        agency=agency,
        links=tuple(links),
        emblem=(emblem := check_emblem(settings)),
        emblem_type=EMBLEM_TYPES[os.path.splitext(emblem)[1].lower()],
        public_url=public.rstrip("/"),
        **counts,
        chrome=build_chrome(agency, settings),
    )


THEME_EMBLEM = "theme/img/emblem.svg"
EMBLEM_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp", ".jpg": "image/jpeg",
                ".jpeg": "image/jpeg"}


def check_emblem(settings: dict) -> str:
    """NEWS_EMBLEM: the theme's placeholder, or a file of the content folder that
    STATIC_PATHS publishes, named by its path there (img/bieu-trung.svg)."""
    emblem = str(settings.get("NEWS_EMBLEM") or THEME_EMBLEM)
    if emblem == THEME_EMBLEM:
        return emblem
    example = 'STATIC_PATHS = ["img"] và NEWS_EMBLEM = "img/bieu-trung.svg" (tệp content/img/bieu-trung.svg)'
    if os.path.splitext(emblem)[1].lower() not in EMBLEM_TYPES:
        raise SettingsError(f'NEWS_EMBLEM "{emblem}": biểu trưng phải là tệp .svg, .png, .webp hoặc .jpg')
    if emblem.startswith(("/", "content/")) or "\\" in emblem or ".." in emblem.split("/"):
        raise SettingsError(f'NEWS_EMBLEM "{emblem}": ghi đường dẫn trong thư mục content, không có "/" '
                            f'hay "content/" ở đầu, ví dụ {example}')
    path = settings.get("PATH") or "content"
    if not os.path.isfile(os.path.join(path, *emblem.split("/"))):
        raise SettingsError(f'NEWS_EMBLEM "{emblem}": không có tệp này trong thư mục content. Ví dụ: {example}')
    statics = [str(p).strip("/") for p in settings.get("STATIC_PATHS") or ()]
    if not any(emblem == p or emblem.startswith(p + "/") for p in statics):
        raise SettingsError(f'NEWS_EMBLEM "{emblem}": thêm thư mục của tệp vào STATIC_PATHS để tệp được đăng. '
                            f"Ví dụ: {example}")
    return emblem


def phone_href(phone: str) -> str:
    """'024 3851 3474' -> 'tel:+842438513474' (Vietnamese numbers lose the leading 0)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+"):
        return "tel:+" + digits
    return "tel:+84" + digits[1:] if digits.startswith("0") else "tel:" + digits
