"""The words around every page (header, menu, footer) in Vietnamese and in English.

Templates print `ui.skip`, `ui.agency_name`… and never choose a language
themselves: base.html uses NEWS_SITE.chrome.vi, and the English page
(about_en.html, served at /en/) sets `ui` to NEWS_SITE.chrome.en.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContactRow:
    """One line of the agency's contact details; lang is set when the value is not in the page's language."""

    label: str
    value: str
    href: str = ""
    lang: str = ""


@dataclass(frozen=True)
class Chrome:
    lang: str  # the <html lang>, which theme/js/site.js reads to write the date
    locale: str  # og:locale
    site_title: str  # og:site_name
    home_url: str  # where the emblem and name lead
    skip: str
    agency_name: str
    site_name: str
    notice: str
    search_region: str
    search_label: str
    search_placeholder: str
    search_button: str
    search_link: str
    nav_label: str
    menu_toggle: str
    home: str
    switch_label: str  # the link to the other language, in that language
    switch_lang: str
    switch_url: str
    footer_pages: str
    footer_links: str
    contact: tuple[ContactRow, ...]


@dataclass(frozen=True)
class Languages:
    vi: Chrome
    en: Chrome


def build(agency: dict, settings: dict) -> Languages:
    """Both languages' chrome from NEWS_AGENCY, SITENAME/SITESUBTITLE and NEWS_SUBTITLE_EN."""
    subtitle = str(settings.get("SITESUBTITLE") or "")
    subtitle_en = str(settings.get("NEWS_SUBTITLE_EN") or "News")
    name = str(settings.get("SITENAME") or agency["name"])
    vi = Chrome(
        lang="vi", locale="vi_VN", site_title=f"{name} – {subtitle}" if subtitle else name,
        home_url="", skip="Bỏ qua, đến nội dung chính",
        agency_name=agency["name"], site_name=subtitle, notice=agency["notice"],
        search_region="Tìm nhanh", search_label="Tìm kiếm bài viết", search_placeholder="Tìm bài viết",
        search_button="Tìm", search_link="Tìm kiếm",
        nav_label="Chuyên mục", menu_toggle="Chuyên mục", home="Trang chủ",
        switch_label="English", switch_lang="en", switch_url=str(settings.get("ABOUT_EN_URL") or "en/"),
        footer_pages="Về trang này", footer_links="Liên kết",
        contact=_contact_vi(agency),
    )
    en = Chrome(
        lang="en", locale="en_GB", site_title=f"{agency['name_en']} – {subtitle_en}",
        home_url=str(settings.get("ABOUT_EN_URL") or "en/"), skip="Skip to main content",
        agency_name=agency["name_en"], site_name=subtitle_en, notice=agency["notice_en"],
        search_region="Quick search", search_label="Search the articles (in Vietnamese)",
        search_placeholder="Search articles", search_button="Search", search_link="Search",
        nav_label="Site menu", menu_toggle="Menu", home="Home",
        switch_label="Tiếng Việt", switch_lang="vi", switch_url=str(settings.get("ABOUT_URL") or "gioi-thieu/"),
        footer_pages="About this site", footer_links="Related links (in Vietnamese)",
        contact=_contact_en(agency),
    )
    return Languages(vi, en)


def _contact_vi(agency: dict) -> tuple[ContactRow, ...]:
    rows = [
        ContactRow("Địa chỉ", agency["address"]),
        ContactRow("Điện thoại", agency["phone"], agency["phone_href"]),
        ContactRow("Thư điện tử", agency["email"], "mailto:" + agency["email"]),
        ContactRow("Chịu trách nhiệm chính", agency["responsible"]),
    ]
    if agency["licence"]:
        rows.append(ContactRow("Giấy phép", agency["licence"]))
    return tuple(rows)


def _contact_en(agency: dict) -> tuple[ContactRow, ...]:
    """English labels; a value with no English version is shown in Vietnamese, marked lang="vi"."""
    def either(key: str) -> tuple[str, str]:
        return (agency[key + "_en"], "") if agency[key + "_en"] else (agency[key], "vi")

    address, address_lang = either("address")
    responsible, responsible_lang = either("responsible")
    rows = [
        ContactRow("Address", address, lang=address_lang),
        ContactRow("Telephone", agency["phone"], agency["phone_href"]),
        ContactRow("Email", agency["email"], "mailto:" + agency["email"]),
        ContactRow("Responsible for content", responsible, lang=responsible_lang),
    ]
    if agency["licence"]:
        rows.append(ContactRow("Licence", agency["licence"], lang="vi"))
    return tuple(rows)
