"""NEWS_ADMIN: where the browser editor saves (a GitLab, Gitea/Forgejo or GitHub
repository, or only the office's own folder), checked into an AdminSettings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from news_core.settings import SettingsError

BACKENDS = ("gitlab", "gitea", "github")
KEYS = ("backend", "repo", "url", "app_id", "branch", "review")
EXAMPLE = ('NEWS_ADMIN = {"backend": "gitlab", "repo": "ubnd-phuong/trang-tin", '
           '"url": "https://git.phuong.gov.vn", "app_id": "…", "branch": "main", "review": True}')
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
_BRANCH = re.compile(r"^[A-Za-z0-9_./-]+$")


class AdminSettingsError(SettingsError):
    """NEWS_ADMIN cannot be used; the message says what to write."""


@dataclass(frozen=True)
class AdminSettings:
    backend: str = "gitlab"
    repo: str = ""  # empty: the office works only in its own folder (no server)
    url: str = ""  # a self-hosted GitLab/Gitea/Forgejo; empty for gitlab.com/github.com
    app_id: str = ""  # the OAuth application's id (sign-in with PKCE, no secret)
    branch: str = "main"
    review: bool = True  # GitLab/GitHub: every article goes through a merge request (Gitea: False)

    @property
    def origin(self) -> str:
        """The server the browser talks to, for the page's security policy."""
        if self.url:
            parts = urlsplit(self.url)
            return f"{parts.scheme}://{parts.netloc}"
        if not self.repo:
            return ""
        return {"gitlab": "https://gitlab.com", "github": "https://api.github.com",
                "gitea": "https://gitea.com"}[self.backend]


def load(value) -> AdminSettings:
    if value is None or value == {}:
        return AdminSettings()
    if not isinstance(value, dict):
        raise AdminSettingsError(f"NEWS_ADMIN phải là một dict, ví dụ {EXAMPLE}")
    unknown = sorted(set(value) - set(KEYS))
    if unknown:
        raise AdminSettingsError(
            f"NEWS_ADMIN có khóa không dùng được: {', '.join(map(repr, unknown))}. "
            f"Các khóa dùng được: {', '.join(KEYS)}")
    values = dict(value)
    if isinstance(values.get("backend"), str):  # "GitLab" as the office writes it
        values["backend"] = values["backend"].strip().lower()
    if values.get("backend") == "gitea" and "review" not in values:
        values["review"] = False  # the editor saves straight to the branch on Gitea and Forgejo
    settings = AdminSettings(**values)
    for key in ("backend", "repo", "url", "app_id", "branch"):
        if not isinstance(getattr(settings, key), str):
            raise AdminSettingsError(f'NEWS_ADMIN["{key}"] phải là một chuỗi chữ trong dấu ngoặc kép')
    if not isinstance(settings.review, bool):
        raise AdminSettingsError('NEWS_ADMIN["review"] là True hoặc False')
    if settings.backend not in BACKENDS:
        raise AdminSettingsError(
            f'NEWS_ADMIN["backend"] = {settings.backend!r} không được hỗ trợ. Dùng một trong: {", ".join(BACKENDS)}')
    if settings.backend == "gitea" and settings.review:
        raise AdminSettingsError(
            'NEWS_ADMIN["review"] = True nhưng trình biên tập chưa duyệt bài được qua Gitea/Forgejo: bài sẽ '
            'lưu thẳng vào nhánh. Đặt "review": False (ai được ghi vào kho thì đăng được bài), hoặc dùng GitLab '
            "để mỗi bài đi qua một merge request trước khi đăng")
    if settings.repo and not _REPO.match(settings.repo):
        raise AdminSettingsError(
            f'NEWS_ADMIN["repo"] = {settings.repo!r} không phải tên kho. Viết nhóm/tên-kho như trên địa chỉ '
            'của kho, ví dụ "ubnd-phuong/trang-tin"')
    if settings.url:
        parts = urlsplit(settings.url)
        if parts.scheme != "https" or not parts.netloc or parts.path not in ("", "/"):
            raise AdminSettingsError(
                f'NEWS_ADMIN["url"] = {settings.url!r} phải là địa chỉ https của máy chủ, không có đường dẫn, '
                'ví dụ "https://git.phuong.gov.vn"')
    if not _BRANCH.match(settings.branch) or ".." in settings.branch:
        raise AdminSettingsError(f'NEWS_ADMIN["branch"] = {settings.branch!r} không phải tên nhánh, ví dụ "main"')
    if settings.repo and settings.backend in ("gitlab", "gitea") and not settings.app_id:
        raise AdminSettingsError(
            f'NEWS_ADMIN["app_id"] còn trống: tạo một ứng dụng OAuth trên {settings.backend} '
            "(xem docs/bien-tap-tren-trinh-duyet.md) rồi chép Application ID vào đây")
    return settings
