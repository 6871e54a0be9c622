"""Issue 17, case 5: a YAML mistake is reported at the line the editor got wrong,
with the fix for that mistake first."""

import pytest
from conftest import article

from news_core import frontmatter
from news_core.errors import Problems
from news_core.frontmatter import split

REST = "date: 21/03/2024\ncategory: Tin tức - Sự kiện\n"


def read(front: str):
    problems = Problems("a/index.md")
    document = split(f"---\n{front}---\n\nThân bài.\n", problems)
    return document, [str(p) for p in problems.items]


@pytest.mark.parametrize("front, message", [
    # a known field and its value with no space after the colon
    ("title:Phường Văn Miếu tổ chức hội nghị\n" + REST,
     'a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở "title:Phường Văn Miếu tổ chức hội nghị". '
     'Viết "title: Phường Văn Miếu tổ chức hội nghị".'),
    ("title: Hội nghị\n" + REST + "views:0\n",  # on the last line
     'a/index.md:5: views: thiếu dấu cách sau dấu hai chấm ở "views:0". Viết "views: 0".'),
    ("title:Phường Văn Miếu\n",  # the only line: YAML reads it as one string
     'a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở "title:Phường Văn Miếu". Viết "title: Phường Văn Miếu".'),
    ("title: Hội nghị\nlegacy_url:http://phuongvanmieu.gov.vn/tin?id=12\n" + REST,  # the colon in http: is not it
     'a/index.md:3: legacy_url: thiếu dấu cách sau dấu hai chấm ở "legacy_url:http://phuongvanmieu.gov.vn/tin?id=12". '
     'Viết "legacy_url: http://phuongvanmieu.gov.vn/tin?id=12".'),
    ("title:Hội nghị: kết quả năm 2023\n" + REST,  # valid YAML: the key would be "title:Hội nghị"
     'a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở "title:Hội nghị: kết quả năm 2023". '
     'Viết title: "Hội nghị: kết quả năm 2023".'),
    ('title:"Hội nghị tổng kết"\n' + REST,
     'a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở title:"Hội nghị tổng kết". Viết title: "Hội nghị tổng kết".'),
    # an indented field
    ("title: Hội nghị\n" + REST + "  views: 0\n",
     'a/index.md:5: views: dòng này thụt vào đầu dòng. Xóa các dấu cách ở đầu dòng "views: 0".'),
    ("title: Hội nghị\n" + REST + "\tviews: 0\n",
     'a/index.md:5: views: dòng này thụt vào đầu dòng. Xóa dấu Tab ở đầu dòng "views: 0".'),
    ("  title: Hội nghị\n" + REST,  # the first line
     'a/index.md:2: title: dòng này thụt vào đầu dòng. Xóa các dấu cách ở đầu dòng "title: Hội nghị".'),
    ("title: Hội nghị\ntags:\n  - thi đua\n  - khen thưởng\n" + REST.replace("category", "  category"),
     'a/index.md:7: category: dòng này thụt vào đầu dòng. Xóa các dấu cách ở đầu dòng "category: Tin tức - Sự kiện".'),
    # a quote opened and not closed
    ('title: "Hội nghị tổng kết\n' + REST + "views: 0\n",
     'a/index.md:2: title: dấu ngoặc kép mở ở đây chưa được đóng. Thêm " ở cuối dòng: title: "Hội nghị tổng kết".'),
    ("title: 'Hội nghị tổng kết\n" + REST,
     "a/index.md:2: title: dấu ngoặc đơn mở ở đây chưa được đóng. "
     "Thêm ' ở cuối dòng: \"title: 'Hội nghị tổng kết'\"."),
    ("title: Hội nghị\n" + REST + 'summary: "Tóm tắt\n',  # on the last line
     'a/index.md:5: summary: dấu ngoặc kép mở ở đây chưa được đóng. Thêm " ở cuối dòng: summary: "Tóm tắt".'),
    ('title: "Hội nghị \\"Đổi mới\\" năm 2024\n' + REST,  # escaped quotes do not close it
     'a/index.md:2: title: dấu ngoặc kép mở ở đây chưa được đóng. '
     'Thêm " ở cuối dòng: title: "Hội nghị \\"Đổi mới\\" năm 2024".'),
    ('summary: "Dòng một\n  dòng hai"\ntitle: "Hội nghị\n' + REST,  # after a quoted value on two lines
     'a/index.md:4: title: dấu ngoặc kép mở ở đây chưa được đóng. Thêm " ở cuối dòng: title: "Hội nghị".'),
], ids=["no-space", "no-space-last-line", "no-space-only-line", "no-space-url", "no-space-colon-in-value",
        "no-space-quoted", "indent", "indent-tab", "indent-first-line", "indent-after-list", "unclosed-double",
        "unclosed-single", "unclosed-last-line", "unclosed-escaped-quotes", "unclosed-after-two-line-value"])
def test_the_mistake_is_reported_at_its_line_with_its_fix_first(front, message):
    document, found = read(front)
    assert document is None
    assert found == [message]


def test_a_long_line_is_cut_in_the_message():
    document, found = read("title:Phường Văn Miếu tổ chức hội nghị tổng kết công tác Đảng năm 2024\n" + REST)
    assert found == ['a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở "title:Phường Văn Miếu tổ chức hội '
                     'nghị tổng kết…". Viết "title: Phường Văn Miếu tổ chức hội nghị tổng kết…".']


@pytest.mark.parametrize("front", [
    "title: Hội nghị\nlegacy_url: http://phuongvanmieu.gov.vn/tin?id=12\n" + REST,
    "title: Xem tại http://phuongvanmieu.gov.vn\n" + REST,
    'title: "Hội nghị: kết quả"\nsummary: "Dòng một\n  dòng hai"\n' + REST,
    "title: 'Hội nghị ''Đổi mới'''\n" + REST,
    "title: Hội nghị\ntags:\n  - thi đua\n  - khen thưởng\n" + REST,
    "title: Hội nghị\nsummary: |\n  Lưu_ý: mang theo giấy mời\n" + REST,
    "title: Hội nghị\nsummary: Dòng một\n  dòng hai\n" + REST,
], ids=["url", "url-in-title", "quoted-two-lines", "single-quoted", "list", "block", "plain-two-lines"])
def test_valid_front_matter_is_read_as_before(front, monkeypatch):
    monkeypatch.setattr(frontmatter, "_mistake", None, raising=False)  # the happy path never diagnoses
    document, found = read(front)
    assert found == [] and document is not None
    assert document.fields["date"].line == front.split("\n").index("date: 21/03/2024") + 2


def test_an_error_not_recognised_keeps_the_parser_message():
    document, found = read("title: Hội nghị: kết quả năm 2023\n" + REST)
    assert len(found) == 1 and found[0].startswith(
        "a/index.md:2: title: khai báo YAML không hợp lệ: giá trị có dấu hai chấm (:) mà không nằm trong ngoặc kép")


def test_an_unknown_key_with_a_url_is_not_called_a_missing_space():
    document, found = read("nguon:http://phuongvanmieu.gov.vn\n" + REST)
    assert len(found) == 1 and "thiếu dấu cách" not in found[0]


def test_the_build_log_names_the_line_and_skips_the_article(build_site, caplog):
    text = "---\ntitle:Phường Văn Miếu tổ chức hội nghị\ndate: 21/03/2024\ncategory: Tin tức - Sự kiện\n---\nBài.\n"
    site = build_site({"a/index.md": text, "b/index.md": article("Bài tốt")})
    assert ('a/index.md:2: title: thiếu dấu cách sau dấu hai chấm ở "title:Phường Văn Miếu tổ chức hội nghị". '
            'Viết "title: Phường Văn Miếu tổ chức hội nghị".') in caplog.text
    assert "a/index.md:3" not in caplog.text
    assert site.result.errors == 1
    assert not any("phuong-van-mieu" in f for f in site.files())
