"""Which page numbers a pagination bar shows: the ends, and the current one's neighbours."""

from __future__ import annotations


def page_window(number: int, count: int, around: int = 2) -> list[int | None]:
    """[1, None, 8, 9, 10, 11, 12, None, 20] for page 10 of 20; None is a gap (…)."""
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    out: list[int | None] = []
    for value in shown:
        if out and value - out[-1] == 2:
            out.append(value - 1)  # a gap of one page: show it rather than "…"
        elif out and value - out[-1] > 2:
            out.append(None)
        out.append(value)
    return out


def window(page) -> list[int | None]:
    """Jinja filter: `articles_page|page_window`."""
    return page_window(page.number, page.paginator.num_pages)
