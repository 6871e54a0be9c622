"""What a build publishes: no drafts in production, no two sources per file."""

from __future__ import annotations

import logging

from news_core.build import of
from news_core.errors import ContentError

from .collisions import find_collisions

COLLISION_FIX = "Đổi slug: của một trong các bài, hoặc đổi tiêu đề cho khác nhau."
logger = logging.getLogger("news_meta")


def drop_unpublished(generator) -> None:
    """Production never writes drafts or future articles, not even to drafts/."""
    if not of(generator.settings).config.show_drafts:
        generator.drafts = []
        generator.drafts_translations = []


def drop_unpublished_pages(generator) -> None:
    if not of(generator.settings).config.show_drafts:
        generator.draft_pages = []
        generator.draft_translations = []
        generator.context["draft_pages"] = []


def report_held_back(state) -> None:
    """The problems of articles this build does not publish (drafts, future dates):
    printed as a notice, not logged as errors or warnings, which would stop a strict
    build (news_build counts those) for an article nobody asked to publish yet."""
    import sys

    held = state.held_back
    for path in sorted(held):
        why, items = held[path]
        for item in items:
            kind = "cảnh báo" if item.warning else "lỗi"
            print(f"Bài chưa xuất bản ({why}) có {kind}, không chặn việc xuất bản: {item}",
                  file=sys.stderr)
    if held:
        print(f"{len(held)} bài chưa xuất bản ở trên không chặn các bài đã sẵn sàng. Sửa các dòng đó "
              "trước khi đổi status: draft thành status: published (bài hẹn giờ: trước giờ đăng).",
              file=sys.stderr)


def warn_if_empty(generator) -> None:
    """A site with no article is a mistyped --content, not something to publish."""
    if not generator.articles and not of(generator.settings).rejected:
        logger.warning(
            "%s: không có bài viết nào để xuất bản. Kiểm tra đường dẫn --content và "
            "mỗi bài có tệp index.md với phần khai báo (front matter).",
            generator.path,
        )


def order_articles(generator) -> None:
    """Newest first; same date by source path, whatever order the disk lists files in."""
    generator.articles.sort(key=lambda a: a.source_path)
    generator.articles.sort(key=lambda a: a.date, reverse=True)


def order_categories(generator) -> None:
    """Categories in the order NEWS_CATEGORIES lists them, not alphabetically."""
    order = [c.slug for c in of(generator.settings).config.categories]
    generator.categories.sort(key=lambda pair: order.index(pair[0].slug))


def reject_article_collisions(generator) -> None:
    """Log every pair of articles sharing a URL and publish neither of them."""
    collisions = find_collisions((a.save_as, a.source_path) for a in generator.articles)
    losers = set()
    for save_as, sources in collisions.items():
        _report(save_as, sources)
        losers.update(sources)
    if losers:
        generator.articles = [a for a in generator.articles if a.source_path not in losers]


def reject_output_collisions(generators) -> None:
    """Any output file claimed twice (a page named like a category, …): report
    it and drop the articles and pages involved, before anything is written."""
    items = []
    for generator in generators:
        for content in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            items.append((content.save_as, content.source_path))
        for category, _ in getattr(generator, "categories", []):
            items.append((category.save_as, f"chuyên mục {category.name}"))
        for tag in getattr(generator, "tags", {}):
            items.append((tag.save_as, f"thẻ {tag.name}"))
    settings = generators[0].settings if generators else {}
    for name in settings.get("DIRECT_TEMPLATES", ()):  # home, archives, search, 404, about
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            items.append((save_as, f"trang {name} của giao diện"))
    losers = set()
    for save_as, sources in find_collisions(items).items():
        _report(save_as, sources)
        losers.update(sources)
    if not losers:
        return
    for generator in generators:
        for name in ("articles", "pages"):
            if hasattr(generator, name):
                kept = [c for c in getattr(generator, name) if c.source_path not in losers]
                setattr(generator, name, kept)
                generator.context[name] = kept


def _report(save_as: str, sources: list[str]) -> None:
    from .reader import display_path

    shown = [display_path(s) if "/" in s or "\\" in s else s for s in sources]
    ContentError(
        shown[0], None, None,
        f"trùng đường dẫn (URL) /{save_as} với " + ", ".join(shown[1:]),
        COLLISION_FIX,
    ).log()
