"""Day-first Vietnamese dates: '21/03/2024 10:31', ISO 8601 and friends."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

_DAY_FIRST = re.compile(
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2})[:hg](?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_YEAR_FIRST = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)


class DateProblem(ValueError):
    """The text is not a date we can read; str() is a Vietnamese explanation."""


def parse_date(text: str, zone: str = "Asia/Ho_Chi_Minh") -> dt.datetime:
    """Parse a front-matter date, day first, into an aware datetime.

    Without an offset the time is local to `zone`; without a time it is 00:00.
    """
    text = " ".join(str(text).split())
    match = _DAY_FIRST.fullmatch(text) or _YEAR_FIRST.fullmatch(text)
    if not match:
        raise DateProblem(f'"{text}" không phải là ngày tháng đọc được')
    parts = {k: int(v) for k, v in match.groupdict().items() if v and k != "tz"}
    if not 1900 <= parts["y"] <= 2100:
        raise DateProblem(f'năm {parts["y"]} không hợp lý (phải từ 1900 đến 2100)')
    try:
        day = dt.date(parts["y"], parts["m"], parts["d"])
    except ValueError:
        raise DateProblem(
            f'ngày {parts["d"]:02d}/{parts["m"]:02d}/{parts["y"]} không tồn tại'
        ) from None
    try:
        clock = dt.time(parts.get("H", 0), parts.get("M", 0), parts.get("S", 0))
    except ValueError:
        raise DateProblem(
            f'giờ {parts.get("H", 0):02d}:{parts.get("M", 0):02d} không tồn tại'
        ) from None
    offset = match.groupdict().get("tz")
    tzinfo = _offset(offset) if offset else ZoneInfo(zone)
    return dt.datetime.combine(day, clock, tzinfo=tzinfo)


def _offset(text: str) -> dt.tzinfo:
    if text == "Z":
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise DateProblem(f'múi giờ "{text}" không hợp lệ')
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
