"""Pure functions: day-first dates, ASCII slugs, Vietnamese numbers."""

import datetime as dt
import unicodedata

import pytest
from news_core import vi
from news_core.dates import DateProblem, parse_date
from news_core.slugs import slugify

ICT = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize("text, expected", [
    ("21/03/2024 10:31", dt.datetime(2024, 3, 21, 10, 31, tzinfo=ICT)),
    ("21/03/2024", dt.datetime(2024, 3, 21, 0, 0, tzinfo=ICT)),
    ("2024-03-21 10:31", dt.datetime(2024, 3, 21, 10, 31, tzinfo=ICT)),
    ("2024-03-21", dt.datetime(2024, 3, 21, tzinfo=ICT)),
    ("2024-03-21T10:31:00+07:00", dt.datetime(2024, 3, 21, 10, 31, tzinfo=ICT)),
    ("2024-03-21T03:31:00Z", dt.datetime(2024, 3, 21, 10, 31, tzinfo=ICT)),
    ("2024-03-21T10:31:00+09:00", dt.datetime(2024, 3, 21, 8, 31, tzinfo=ICT)),
    ("03/04/2024", dt.datetime(2024, 4, 3, tzinfo=ICT)),  # 3 April, never 4 March
    ("3/4/2024 8:05", dt.datetime(2024, 4, 3, 8, 5, tzinfo=ICT)),
    ("12/01/2024 23:59", dt.datetime(2024, 1, 12, 23, 59, tzinfo=ICT)),
])
def test_dates_are_read_day_first_in_hanoi_time(text, expected):
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.astimezone(parsed.tzinfo).utcoffset()


def test_dates_without_offset_are_in_hanoi_time():
    assert parse_date("21/03/2024 10:31").isoformat() == "2024-03-21T10:31:00+07:00"


@pytest.mark.parametrize("text, words", [
    ("31/02/2024", "không tồn tại"),
    ("29/02/2023", "không tồn tại"),
    ("13/13/2024", "không tồn tại"),
    ("21/03/2024 24:10", "không tồn tại"),
    ("hôm qua", "không phải là ngày"),
    ("21.03", "không phải là ngày"),
    ("2024/21/03", "không phải là ngày"),
])
def test_impossible_or_unreadable_dates_are_errors(text, words):
    with pytest.raises(DateProblem, match=words):
        parse_date(text)


@pytest.mark.parametrize("text, slug", [
    ("Đống Đa", "dong-da"),
    ("Quận Đống Đa tổ chức Hội nghị", "quan-dong-da-to-chuc-hoi-nghi"),
    ("Phường Ô Chợ Dừa: ra quân “Ngày Chủ nhật xanh”!", "phuong-o-cho-dua-ra-quan-ngay-chu-nhat-xanh"),
    ("  Tiếng Việt   có   dấu  ", "tieng-viet-co-dau"),
    ("Năm 2024", "nam-2024"),
])
def test_slugs_are_ascii(text, slug):
    assert slugify(text) == slug
    assert slugify(unicodedata.normalize("NFD", text)) == slug


def test_long_slugs_are_cut_on_a_word_boundary():
    title = "Quận Đống Đa tổ chức Hội nghị biểu dương kết quả phong trào thi đua năm 2023 và triển khai nhiệm vụ năm 2024"
    slug = slugify(title)
    assert len(slug) <= 80
    assert slug == "quan-dong-da-to-chuc-hoi-nghi-bieu-duong-ket-qua-phong-trao-thi-dua-nam-2023-va"
    assert slugify(title, 30) == "quan-dong-da-to-chuc-hoi-nghi"


@pytest.mark.parametrize("value, text", [(0, "0"), (347, "347"), (1234, "1.234"), (14995, "14.995"), (1234567, "1.234.567")])
def test_numbers_use_dot_thousands(value, text):
    assert vi.number(value) == text


def test_weekdays_are_vietnamese():
    week = [vi.weekday(dt.datetime(2024, 3, 18) + dt.timedelta(days=i)) for i in range(7)]
    assert week == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def test_month_headings_are_vietnamese():
    assert vi.month(2024, 3) == "Tháng 3/2024"
    assert vi.long_date(dt.datetime(2024, 3, 21)) == "Thứ Năm, 21/03/2024"
