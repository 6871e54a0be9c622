"""Vietnamese display strings computed in Python, independent of OS locales."""

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi_VN"


def number(value: int) -> str:
    """14995 -> '14.995'."""
    return format_decimal(value, locale=LOCALE, group_separator=True)


def day(value: dt.datetime) -> str:
    """'21/03/2024'."""
    return value.strftime("%d/%m/%Y")


def clock(value: dt.datetime) -> str:
    """'10:31'."""
    return value.strftime("%H:%M")


def weekday(value: dt.datetime) -> str:
    """'Thứ Năm'."""
    return format_date(value, "EEEE", locale=LOCALE).title()


def month(year: int, month_number: int) -> str:
    """'Tháng 3/2024' for archive headings."""
    return f"Tháng {month_number}/{year}"


def long_date(value: dt.datetime) -> str:
    """'Thứ Năm, 21/03/2024'."""
    return f"{weekday(value)}, {day(value)}"
