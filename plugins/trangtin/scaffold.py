"""`trangtin new-site`: a new ward or commune site that builds at once.

The site is a folder with its own words only: pelicanconf.py (who it is),
publishconf.py and tasks.py (a line each, from this package), content/ with a
first article, a README in Vietnamese for the office's IT, a .gitignore and a
requirements.txt naming this package. Nothing of ours is copied: the theme,
plugins and commands come from the installed package.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from trangtin import __version__

CODE = re.compile(r"[0-9]{5}")
LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
DOMAIN = re.compile(rf"{LABEL}(\.{LABEL})+")
KINDS = ("Phường", "Xã", "Đặc khu")  # the units below the province since 1 July 2025
# The 34 provinces and cities since 1 July 2025 (Resolution 202/2025/QH15): the six cities first.
CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
PROVINCES = CITIES + (
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
    "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
    "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)
PROVINCE_PREFIX = re.compile(r"(tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)
from news_site.settings import PLACEHOLDER  # news_site warns while a NEWS_AGENCY value still holds it
KINDS_EN = {"Phường": "Ward", "Xã": "Commune", "Đặc khu": "Special Zone"}


class ScaffoldError(ValueError):
    """What is wrong with the request, in Vietnamese, with the fix."""


@dataclass(frozen=True)
class Made:
    folder: str
    name: str
    files: tuple[str, ...]
    unfilled: tuple[str, ...] = ()  # what the office still fills in, in words

    def summary(self) -> str:
        shown = os.path.relpath(self.folder) if not os.path.relpath(self.folder).startswith("..") else self.folder
        shown = shlex.quote(shown) if os.name != "nt" else f'"{shown}"' if " " in shown else shown
        lines = [f"Đã tạo trang tin {self.name} trong {shown}:"]
        lines += [f"  {name}" for name in self.files]
        lines += [
            "",
            "Bước tiếp theo:",
            f"  cd {shown}",
            "  trangtin build        (dựng bản xem trước vào output/)",
            "  trangtin serve        (xem trước trong trình duyệt)",
        ]
        if self.unfilled:
            lines.append(f"Điền {', '.join(self.unfilled)} trong pelicanconf.py (NEWS_AGENCY) trước khi "
                         "xuất bản (trangtin publish). Xem README.md.")
        return "\n".join(lines)


def fold(text: str) -> str:
    """'Quốc Tử Giám' -> 'Quoc Tu Giam' (for the English name)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def check(name: str, code: str, domain: str, province: str) -> tuple[str, str, str, str]:
    """The cleaned values, or ScaffoldError naming the option and the fix."""
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    province = " ".join(unicodedata.normalize("NFC", province or "").split())
    if not name:
        raise ScaffoldError('thiếu tên đơn vị. Thêm --name "Phường Văn Miếu - Quốc Tử Giám".')
    if not any(name.startswith(kind + " ") for kind in KINDS):
        raise ScaffoldError(f'tên "{name}" cần bắt đầu bằng Phường, Xã hoặc Đặc khu, '
                            'ví dụ --name "Phường Văn Miếu - Quốc Tử Giám".')
    if any(ch in name for ch in '"\\\n') or any(ch in province for ch in '"\\\n'):
        raise ScaffoldError("tên không được chứa dấu nháy kép hay dấu \\. Bỏ các dấu đó rồi chạy lại.")
    code = (code or "").strip()
    if not CODE.fullmatch(code):
        raise ScaffoldError(f'mã đơn vị hành chính "{code}" phải gồm đúng 5 chữ số, ví dụ --code 00190 '
                            "(tra mã trong danh mục đơn vị hành chính của Tổng cục Thống kê).")
    domain = (domain or "").strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not DOMAIN.fullmatch(domain):
        raise ScaffoldError(f'tên miền "{domain}" không hợp lệ. Ghi tên miền không kèm đường dẫn, '
                            "ví dụ --domain vanmieuquoctugiam.hanoi.gov.vn.")
    province = PROVINCE_PREFIX.sub("", province, count=1) if PROVINCE_PREFIX.match(province) else province
    known = {fold(p).lower().replace(" ", ""): p for p in PROVINCES}
    province = known.get(fold(province).lower().replace(" ", ""), "")  # "ha noi", "Thanh Hoá" too
    if not province:
        raise ScaffoldError("tỉnh, thành phố không có trong 34 đơn vị cấp tỉnh từ ngày 01/07/2025. Ghi một trong: "
                            + ", ".join(PROVINCES) + ', ví dụ --province "Hà Nội".')
    return name, code, domain, province


def _free(folder: str) -> None:
    if os.path.islink(folder):
        raise ScaffoldError(f'"{folder}" là một liên kết tắt (symlink). Chọn một thư mục mới.')
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ScaffoldError(f'"{folder}" là một tệp đã có. Chọn một thư mục mới.')
    if os.path.isdir(folder) and os.listdir(folder):
        raise ScaffoldError(f'thư mục "{folder}" đã có tệp, nên không tạo trang tin vào đó '
                            "(để không ghi đè). Chọn một thư mục mới hoặc thư mục trống.")


def files(name: str, code: str, domain: str, province: str, now: dt.datetime,
          contact: dict | None = None) -> dict[str, str]:
    """Each file of the new site, by its path inside the site's folder."""
    contact = contact or {}
    kind = next(k for k in KINDS if name.startswith(k + " "))
    place = name[len(kind) + 1:]
    agency = f"Ủy ban nhân dân {kind.lower()} {place}"
    city = "thành phố" if province in CITIES else "tỉnh"
    name_en = f"People's Committee of {fold(place)} {KINDS_EN[kind]}, {fold(province)}"
    return {
        "pelicanconf.py": f'''"""{name}: who the site is. Everything else (the content model, URLs,
plugins, theme, photos) comes from trangtin.defaults; any of it may be set
again below. publishconf.py builds on this file for production.
"""

from trangtin.defaults import *  # noqa: F403

SITENAME = "{name}"
SITESUBTITLE = "Tin hoạt động"
NEWS_UNIT_CODE = "{code}"  # mã đơn vị hành chính cấp xã
# The public address: share links and printouts use it; publishconf.py sets SITEURL to it.
NEWS_PUBLIC_URL = "https://{domain}"

# Shown in the header, the footer, /gioi-thieu/ and /en/. Replace each
# "{PLACEHOLDER}": the preview warns, and publishing stops, until you do.
NEWS_AGENCY = {{
    "name": "{agency}",
    "name_en": "{name_en}",
    "address": "{contact.get("address") or PLACEHOLDER}",
    "phone": "{contact.get("phone") or PLACEHOLDER}",
    "email": "{contact.get("email") or PLACEHOLDER}",
    "responsible": "{contact.get("responsible") or PLACEHOLDER}",
    "about": "Trang tin hoạt động của {agency}, {city} {province}.",
}}
# Related agencies, linked from every page's footer (add the province's own).
NEWS_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]
# The sections: trangtin.defaults has a ward's usual five. To name your own,
# list each as below (name, slug in the URL, description):
# NEWS_CATEGORIES = [
#     {{"name": "Tin tức - Sự kiện", "slug": "tin-tuc-su-kien",
#      "description": "Tin tức, sự kiện nổi bật trên địa bàn."}},
# ]
# The emblem in the header: put the file in content/img/ and uncomment:
# STATIC_PATHS = ["img"]
# NEWS_EMBLEM = "img/bieu-trung.svg"
''',
        "publishconf.py": '''"""Production settings: pelicanconf.py, strict, without drafts, minified and
compressed, SITEURL from the environment or NEWS_PUBLIC_URL."""

from trangtin.defaults import production

globals().update(production(__file__))
''',
        "tasks.py": '''"""The site's commands: `invoke --list` (or `trangtin --list`)."""

from trangtin.tasks import collection

ns = collection(__file__)
''',
        "requirements.txt": ("# The site's one dependency. Where the package index your office uses does not\n"
                             "# carry trangtin, point pip at the folder of its .whl file:\n"
                             "#   pip install --find-links THU-MUC-CHUA-TEP-WHL -r requirements.txt\n"
                             f"trangtin[check]=={__version__}\n"),
        ".gitignore": "output/\n.output-*/\ncache/\n.venv/\n__pycache__/\n",
        ".gitlab-ci.yml": GITLAB_CI,
        f"content/{now:%Y}/ra-mat-trang-tin/index.md": f'''---
title: Ra mắt trang tin hoạt động {name}
date: {now:%d/%m/%Y %H:%M}
category: Tin tức - Sự kiện
summary: Trang tin hoạt động của {agency} chính thức đi vào hoạt động.
---

Trang tin hoạt động của {agency} đăng tin tức, sự kiện và hoạt động
của chính quyền, Mặt trận Tổ quốc và các đoàn thể trên địa bàn {kind.lower()}.
''',
        "README.md": f'''# Trang tin {name}

Trang tin tĩnh dựng bằng [trangtin](https://pypi.org/project/trangtin/) {__version__}
(Pelican). Mã đơn vị hành chính: {code}. Địa chỉ: https://{domain}

## Bắt đầu (máy Linux, Python 3.11 trở lên)

```
python3 -m venv .venv && .venv/bin/pip install --find-links THU-MUC-CHUA-TEP-WHL -r requirements.txt
source .venv/bin/activate && trangtin build
```

Lệnh đầu cài đặt (thư mục `THU-MUC-CHUA-TEP-WHL` chứa tệp
`trangtin-{__version__}-py3-none-any.whl` do bộ phận CNTT giữ); lệnh sau bật môi
trường `.venv` và dựng trang vào `output/`. Mỗi lần mở cửa sổ lệnh mới, chạy lại
`source .venv/bin/activate` trước các lệnh `trangtin`. `trangtin serve` mở bản
xem trước trong trình duyệt và tự dựng lại khi lưu bài. Trên Windows: `py -m venv .venv`, rồi
`.venv\\Scripts\\pip install --find-links THU-MUC-CHUA-TEP-WHL -r requirements.txt`,
`.venv\\Scripts\\activate` và `trangtin build`.

## Biên tập trên trình duyệt

`trangtin serve`, rồi mở http://localhost:8000/quan-tri/ bằng Chrome hoặc Edge,
bấm “Làm việc với kho mã nguồn cục bộ” và chọn thư mục này (thư mục có tệp
`pelicanconf.py`). Bài lưu từ trình biên tập nằm ngay trong `content/`; bản xem
trước tự dựng lại. Cách dùng GitLab để duyệt bài trước khi đăng (tệp
`.gitlab-ci.yml` đã có sẵn): xem hướng dẫn “Biên tập trên trình duyệt” của trangtin.

## Việc thường làm

- `trangtin new "Tiêu đề bài"`: tạo bài mới (bản nháp) trong `content/`.
- `trangtin photos THU-MUC-ANH content/NAM/ten-bai`: thêm thư viện ảnh vào bài.
- `trangtin publish`: dựng bản chính thức vào `output/`; dừng lại nếu có lỗi.
- `trangtin check`: kiểm tra liên kết, HTML, ảnh của bản đã dựng.
- `trangtin --list`: mọi lệnh.

Lệnh `pelican content -s pelicanconf.py` cũng dựng được bản xem trước. Bản
đưa lên mạng thì luôn dựng bằng `trangtin publish`: chỉ lệnh này dừng lại khi
còn lỗi.
`trangtin check` kiểm tra HTML bằng Nu Html Checker, cần Java
(`sudo apt-get install default-jre-headless`); `trangtin check --no-html` bỏ qua bước đó.

## Trước khi xuất bản

Điền địa chỉ, điện thoại, thư điện tử và người chịu trách nhiệm trong
`pelicanconf.py` (mục `NEWS_AGENCY`); thay danh sách chuyên mục nếu cần
(`NEWS_CATEGORIES`).
''',
    }


# Every merge request (an article sent for review from the browser editor) and
# every push to the main branch gets the strict build; its Vietnamese errors go
# to the job log and, when the project has a TRANGTIN_BOT_TOKEN variable, as a
# comment on the merge request. See docs/bien-tap-tren-trinh-duyet.md.
GITLAB_CI = """# Kiểm tra mỗi bài gửi duyệt (merge request) bằng bản dựng chính thức: bài có lỗi
# không vào được nhánh chính. Lỗi hiện trong nhật ký của job và, nếu dự án có biến
# TRANGTIN_BOT_TOKEN (Project access token, vai trò Reporter, quyền api), thành một
# bình luận trên merge request. Tệp .whl của trangtin để trong thư mục wheels/.
kiem-tra:
  image: python:3.11
  # Ảnh đã thu nhỏ, trang đã rút gọn và nén được giữ giữa các lần chạy: lần sau chỉ
  # xử lý ảnh và trang mới hoặc đã sửa.
  cache:
    key: trangtin
    paths: [cache/]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - python -m venv .venv
    - .venv/bin/pip install --quiet --find-links wheels -r requirements.txt
    - |
      if ! .venv/bin/trangtin publish --output public 2> loi.txt; then
        cat loi.txt
        if [ -n "$TRANGTIN_BOT_TOKEN" ] && [ -n "$CI_MERGE_REQUEST_IID" ]; then
          { echo "Bản dựng chính thức dừng lại, bài chưa thể đăng:"; echo; echo '```'; cat loi.txt; echo '```'; } > binh-luan.md
          curl --fail --silent --show-error --request POST --header "PRIVATE-TOKEN: $TRANGTIN_BOT_TOKEN" \\
            --data-urlencode "body@binh-luan.md" \\
            "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes" > /dev/null
        fi
        exit 1
      fi
  artifacts:
    when: always
    paths: [loi.txt]
"""


def _git_init(folder: str) -> None:
    """Make the new site a Git repository where git is installed: the browser editor
    (/quan-tri/) works only on a folder that is one, and the office's IT keeps it in Git."""
    git = shutil.which("git")
    if git:
        subprocess.run([git, "init", "--quiet", folder], capture_output=True, check=False)
        # the branch the guide, the editor's config and the CI name (any git, whatever its default)
        subprocess.run([git, "-C", folder, "symbolic-ref", "HEAD", "refs/heads/main"], capture_output=True,
                       check=False)


def make_site(folder: str, name: str, code: str, domain: str, province: str = "Hà Nội",
              now: dt.datetime | None = None, **contact: str) -> Made:
    """Write a new site into `folder` (absent or empty); ScaffoldError if the
    request or the folder cannot be used. Nothing is written unless all is valid."""
    name, code, domain, province = check(name, code, domain, province)
    contact = {k: " ".join(str(v).split()) for k, v in contact.items() if v}
    unknown = sorted(set(contact) - {"address", "phone", "email", "responsible"})
    if unknown:
        raise TypeError(f"unknown contact fields {unknown}")
    if any(ch in v for v in contact.values() for ch in '"\\'):
        raise ScaffoldError("địa chỉ, điện thoại, thư điện tử không được chứa dấu nháy kép hay dấu \\.")
    folder = os.path.abspath(folder)
    _free(folder)
    now = now or dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(second=0, microsecond=0)
    written = files(name, code, domain, province, now, contact)
    try:
        for path, text in written.items():
            target = os.path.join(folder, *path.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except OSError as exc:
        raise ScaffoldError(f'không ghi được vào "{folder}" ({exc.strerror}). Chọn một thư mục khác, '
                            "có quyền ghi, tên ngắn hơn.") from None
    _git_init(folder)
    words = {"address": "địa chỉ", "phone": "điện thoại", "email": "thư điện tử", "responsible": "người chịu trách nhiệm"}
    return Made(folder, name, tuple(sorted(written)), tuple(w for k, w in words.items() if not contact.get(k)))
