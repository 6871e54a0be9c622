"""Archives by year and month, in Vietnamese, built in one pass.

Pelican's own period archives label months in English and test each article
against each period's list (quadratic in the archive's size), so the settings
leave YEAR_ARCHIVE_SAVE_AS and MONTH_ARCHIVE_SAVE_AS empty and this module
fills `generator.period_archives` in the same shape Pelican writes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from news_core import vi

YEAR_URL = "luu-tru/{year}/"
MONTH_URL = "luu-tru/{year}/{month:02d}/"


@dataclass
class Period:
    """One archive page: a year, or a month of a year."""

    year: int
    month: int | None
    url: str
    articles: list = field(default_factory=list)
    months: list = field(default_factory=list)  # a year's months, newest first
    parent: Period | None = None  # a month's year

    def __iter__(self):
        """(year,) or (year, month), like Pelican's `period`, for themes that join it."""
        return iter((self.year,) if self.month is None else (self.year, self.month))

    @property
    def label(self) -> str:
        return vi.month(self.year, self.month) if self.month else f"Năm {self.year}"

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def count_text(self) -> str:
        return f"{vi.number(self.count)} bài"


def build(articles: list) -> list[Period]:
    """Years newest first, each with its months; articles are already newest first."""
    years: dict[int, Period] = {}
    months: dict[tuple[int, int], Period] = {}
    for article in articles:
        year, month = article.date.year, article.date.month
        if year not in years:
            years[year] = Period(year, None, YEAR_URL.format(year=year))
        if (year, month) not in months:
            months[year, month] = Period(year, month, MONTH_URL.format(year=year, month=month), parent=years[year])
            years[year].months.append(months[year, month])
        years[year].articles.append(article)
        months[year, month].articles.append(article)
    return list(years.values())  # articles come newest first, and so do the years


def pelican_shape(years: list[Period]) -> dict:
    """The dict ArticlesGenerator.generate_period_archives writes from."""
    def entry(period: Period) -> dict:
        num = (period.year,) if period.month is None else (period.year, period.month)
        return {"period": period, "period_num": num, "articles": period.articles,
                "dates": period.articles, "url": period.url, "save_as": period.url + "index.html"}

    return {
        "year": [entry(y) for y in years],
        "month": [entry(m) for y in years for m in y.months],
    }
