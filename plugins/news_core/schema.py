"""The article form: every front-matter field as an editor fills it in a form.

fields.validate() is the rule; this module is its description for a form
(the browser editor, news_admin), so the form asks for what the build will
accept and says, in the same words, what it will refuse. Tests check the two
agree: every KNOWN_FIELDS name is here, the date pattern accepts exactly the
day-first dates parse_date() accepts, the views pattern is fields.VIEWS.

Patterns are written for both Python's re and JavaScript's RegExp (ASCII
classes only, no named groups, no look-behind)."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import FOCUS, STATUSES, VIEWS
from .frontmatter import KNOWN_FIELDS
from .gallery import DEFAULT_TITLE
from .settings import Config


EDITOR_FOLDER = "quan-tri"  # the browser editor's address, /quan-tri/ (news_admin writes it, news_preview serves it)


@dataclass(frozen=True)
class FormField:
    name: str  # the front-matter key; "body" for the Markdown below it
    label: str
    widget: str  # string, text, select, image, list, markdown, hidden
    hint: str = ""
    required: bool = False
    pattern: tuple[str, str] | None = None  # (regex a value must match, message when it does not)
    options: tuple[tuple[str, str], ...] = ()  # select: (value written, label shown)
    default: str | None = None
    fields: tuple[FormField, ...] = ()  # list of objects: the fields of one item


# Every form parse_date() reads, and only days that exist in years 1900-2100 (29/02
# in leap years: 2000 is one, 1900 and 2100 are not): day first (21/03/2024, 21-3-2024,
# 21.03.2024, then 10:31, 10h31 or 10g31, seconds optional) or ISO 8601
# (2024-03-21, 2024-03-21 10:31, 2025-01-15T09:30:00+07:00). Python's and the
# browser's regular expressions read it alike.
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_LEAP = r"(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[48]|[2468][048]|[13579][26])|2000)"
_DAY_MONTH = (
    r"(?:(?:0?[1-9]|1\d|2[0-8])[/.-](?:0?[1-9]|1[0-2])"
    r"|(?:29|30)[/.-](?:0?[13-9]|1[0-2])"
    r"|31[/.-](?:0?[13578]|1[02]))"
)
_MONTH_DAY = (
    r"(?:(?:0?[1-9]|1[0-2])-(?:0?[1-9]|1\d|2[0-8])"
    r"|(?:0?[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0?[13578]|1[02])-31)"
)
_HOUR = r"(?:[01]?\d|2[0-3])"
_CLOCK_DAY_FIRST = rf"(?:[ T,]+{_HOUR}[:hg][0-5]\d(?::[0-5]\d)?)?"
_CLOCK_ISO = rf"(?:[ T]+{_HOUR}:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{{2}}:?\d{{2}})?"
DATE_PATTERN = (rf"^\s*(?:(?:{_DAY_MONTH}[/.-]{_YEAR}|29[/.-]0?2[/.-]{_LEAP}){_CLOCK_DAY_FIRST}"
                rf"|(?:{_YEAR}-{_MONTH_DAY}|{_LEAP}-0?2-29){_CLOCK_ISO})\s*$")
DATE_MESSAGE = (
    "Ngày giờ sai dạng hoặc không có thật (ví dụ 31/02). "
    "Viết ngày trước, tháng sau, rồi giờ: 21/03/2024 10:31."
)
VIEWS_PATTERN = rf"^(?:{VIEWS.pattern})$"
VIEWS_MESSAGE = "Lượt xem là một số nguyên không âm, ví dụ 1234 hoặc 1.234."
FOCUS_PATTERN = FOCUS.pattern
FOCUS_MESSAGE = "Hai số phần trăm từ 0% đến 100%, ngang rồi dọc, ví dụ 30% 20%."
NOT_BLANK = (r"\S", "Không được để trống.")
STATUS_LABELS = {"draft": "Bản nháp (chưa đăng)", "published": "Đăng lên trang"}
CAPTION_HINT = "Mỗi ảnh cần một chú thích: ai, làm gì, ở đâu."
CAPTION_MISSING = "Ảnh này chưa có chú thích. Viết chú thích: ai, làm gì, ở đâu."


def article_form(cfg: Config) -> tuple[FormField, ...]:
    """The fields of an article, in the order the sample and imported articles write
    them (the form writes them in this order, so saving an old article moves nothing)."""
    return (
        FormField("title", "Tiêu đề", "string", required=True, pattern=NOT_BLANK,
                  hint="Tiêu đề bài như người đọc thấy, viết hoa đầu câu."),
        FormField("date", "Ngày giờ đăng", "string", required=True, pattern=(DATE_PATTERN, DATE_MESSAGE),
                  hint="Ngày trước, tháng sau: 21/03/2024 10:31. Ngày trong tương lai: "
                       "bài tự lên trang vào ngày đó (hẹn giờ đăng)."),
        FormField("views", "Lượt xem", "string", pattern=(VIEWS_PATTERN, VIEWS_MESSAGE),
                  hint="Chỉ dùng cho bài chuyển từ cổng cũ; bài mới để trống."),
        FormField("category", "Chuyên mục", "select", required=True,
                  options=tuple((c.name, c.name) for c in cfg.categories)),
        FormField("summary", "Tóm tắt (sa pô)", "text",
                  hint="Một đến hai câu in đậm dưới tiêu đề; để trống thì lấy đoạn đầu của bài."),
        FormField("cover", "Ảnh đại diện", "image",
                  hint="Ảnh trên trang chủ và khi chia sẻ; để trống thì lấy ảnh đầu tiên của bài."),
        FormField("focus", "Chỗ cần giữ khi cắt ảnh đại diện", "string", pattern=(FOCUS_PATTERN, FOCUS_MESSAGE),
                  hint="Thường để trống: trang tự tìm người, vật chính trong ảnh. Nếu ảnh thu nhỏ bị cắt mất "
                       "mặt người, viết vị trí cần giữ, ngang rồi dọc, tính từ góc trên bên trái: 30% 20%."),
        FormField("tags", "Từ khóa", "list", hint="Mỗi ô một từ khóa; bấm “Thêm” để thêm ô."),
        # Not required and no default, as the build reads it: no status is published,
        # so opening an archived article and saving it never turns it into a draft.
        FormField("status", "Trạng thái", "select",
                  options=tuple((s, STATUS_LABELS[s]) for s in STATUSES),
                  hint="Để trống hoặc “Đăng lên trang”: bài lên trang. “Bản nháp”: chỉ hiện khi xem trước "
                       "trên máy."),
        FormField("body", "Nội dung", "markdown", required=True,
                  hint="Chèn ảnh: đặt con trỏ ở chỗ muốn chèn, bấm nút “Chèn”, "
                       "chọn “Ảnh có chú thích” hoặc “Thư viện ảnh”."),
        # Kept as read, never shown: the folder names the slug; the importer writes the rest.
        FormField("slug", "Địa chỉ bài", "hidden"),
        FormField("modified", "Ngày sửa", "hidden"),
        FormField("legacy_url", "Địa chỉ trên cổng cũ", "hidden"),
        FormField("legacy_hash", "Mã bài trên cổng cũ", "hidden"),
    )


# Empty defaults: a photo added to a gallery has both keys at once, so the form
# checks them even when the editor never touched them.
PHOTO = FormField("photo", "Ảnh", "image", required=True, default="")
CAPTION = FormField("caption", "Chú thích", "string", required=True, pattern=NOT_BLANK, hint=CAPTION_HINT, default="")
FIGURE_FORM = (PHOTO, CAPTION)
GALLERY_FORM = (
    FormField("title", "Tiêu đề thư viện ảnh", "string", default=DEFAULT_TITLE),
    FormField("photos", "Ảnh", "list", required=True, fields=FIGURE_FORM,
              hint="Thêm từng ảnh với chú thích của nó; kéo để đổi thứ tự."),
)


def missing_fields(cfg: Config) -> set[str]:
    """Front-matter fields the form leaves out (a test keeps this empty)."""
    return set(KNOWN_FIELDS) - {f.name for f in article_form(cfg)}
