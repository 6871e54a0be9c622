"""What a build publishes: no drafts in production, no two sources per file."""

from __future__ import annotations

from .collisions import find_collisions
from .errors import ContentError
from .state import of

COLLISION_FIX = "Đổi slug: của một trong các bài, hoặc đổi tiêu đề cho khác nhau."


def drop_unpublished(generator) -> None:
    """Production never writes drafts or future articles, not even to drafts/."""
    if not of(generator.settings).config.show_drafts:
        generator.drafts = []
        generator.drafts_translations = []


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
        _report(save_as, sources, generator.settings)
        losers.update(sources)
    if losers:
        generator.articles = [a for a in generator.articles if a.source_path not in losers]


def report_output_collisions(generators) -> None:
    """Log any output file claimed twice across articles, pages and taxonomies."""
    items = []
    for generator in generators:
        for content in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            items.append((content.save_as, content.source_path))
        for category, _ in getattr(generator, "categories", []):
            items.append((category.save_as, f"chuyên mục {category.name}"))
        for tag in getattr(generator, "tags", {}):
            items.append((tag.save_as, f"thẻ {tag.name}"))
    for save_as, sources in find_collisions(items).items():
        _report(save_as, sources, generators[0].settings)


def _report(save_as: str, sources: list[str], settings) -> None:
    from .reader import display_path

    shown = [display_path(s) if "/" in s or "\\" in s else s for s in sources]
    ContentError(
        shown[0], None, None,
        f"trùng đường dẫn (URL) /{save_as} với " + ", ".join(shown[1:]),
        COLLISION_FIX,
    ).log()
