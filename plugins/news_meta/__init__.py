"""news_meta: YAML front matter, validation, Vietnamese display values, drafts.

Signals:
- initialized: load the settings into the build's news_core.build.Build (its
  Config, and the content cache); warn about files such as index.md.txt that
  would be skipped silently;
  refuse folder links that lead outside the content folder or loop (scan.py).
- article_generator_init: read the articles the content cache lacks in a pool
  of processes (prefill.py, NEWS_READ_WORKERS, all cores by default), so
  Pelican's own pass finds them cached.
- readers_init: read `.md` files with NewsReader (front matter + Markdown body,
  text normalised to NFC, raw HTML sanitised with nh3 by sanitize.py).
- article_generator_pretaxonomy: drop drafts and future articles from a
  production build; reject articles that would share one output file;
  order articles newest first, ties by source path, for byte-identical output.
- article_generator_finalized: list categories in the configured order; warn
  when there is no article at all (a mistyped --content must not publish).
- page_generator_finalized: drop draft pages from a production build.
- all_generators_finalized: reject any other output path claimed twice.
- finalized: print the problems of the drafts and future articles a production
  build holds back (held.py: the reader keeps them out of the error count, so an
  unfinished draft never stops the articles that are ready); prune the content cache (cache.py: parsed articles kept between
  builds, keyed by the file's bytes, the reading settings and plugin code).

Settings (news_core/settings.py): NEWS_CATEGORIES, NEWS_SHOW_DRAFTS, NEWS_EMBED_HOSTS,
NEWS_SLUG_MAX_LENGTH; TIMEZONE; NEWS_CONTENT_CACHE_PATH (a `content` folder
beside NEWS_IMAGES_CACHE_PATH by default; False turns the cache off).
"""

import os
from functools import partial

from pelican import signals


def initialized(pelican):
    from news_core.build import ensure

    from .scan import warn_skipped_articles
    from .state import content_cache, install_filter

    current = ensure(pelican.settings)
    if current.content_cache is None:
        current.content_cache = content_cache(pelican.settings)
    install_filter(current)
    current.held_back.clear()  # the preview's state lives across builds
    current.markdown_files = warn_skipped_articles(pelican.settings)


def readers_init(readers):
    from news_core.build import of

    from .reader import NewsReader

    for ext in NewsReader.file_extensions:
        readers.reader_classes[ext] = partial(NewsReader, state=of(readers.settings))


def article_generator_init(generator):
    """Before Pelican reads articles one by one: read the changed ones on every core."""
    import logging
    import time

    from news_core.build import of

    from .prefill import prefill

    started = time.perf_counter()
    workers = generator.settings.get("NEWS_READ_WORKERS") or os.cpu_count() or 1
    count = prefill(generator.settings, of(generator.settings), workers)
    if count:
        logging.getLogger("news_meta").info("[news_meta] đọc trước %d bài trên %d tiến trình: %.2f giây",
                                            count, workers, time.perf_counter() - started)


def pretaxonomy(generator):
    from .publish import drop_unpublished, order_articles, reject_article_collisions

    drop_unpublished(generator)
    reject_article_collisions(generator)
    order_articles(generator)


def article_generator_finalized(generator):
    from .publish import order_categories, warn_if_empty

    order_categories(generator)
    warn_if_empty(generator)


def page_generator_finalized(generator):
    from .publish import drop_unpublished_pages

    drop_unpublished_pages(generator)


def generators_finalized(generators):
    from .publish import reject_output_collisions

    reject_output_collisions(generators)


def finalized(pelican):
    import logging

    from news_core.build import of

    from .publish import report_held_back

    report_held_back(of(pelican.settings))
    cache = of(pelican.settings).content_cache
    if cache is not None:
        removed = cache.prune()
        logging.getLogger("news_meta").info(
            "[news_meta] bộ nhớ đệm nội dung: %d bài đọc lại từ bộ nhớ đệm, %d bài đọc mới, %d mục cũ đã xóa",
            cache.hits, cache.misses, removed)


def register():
    signals.initialized.connect(initialized)
    signals.readers_init.connect(readers_init)
    signals.article_generator_init.connect(article_generator_init)
    signals.article_generator_pretaxonomy.connect(pretaxonomy)
    signals.article_generator_finalized.connect(article_generator_finalized)
    signals.page_generator_finalized.connect(page_generator_finalized)
    signals.all_generators_finalized.connect(generators_finalized)
    signals.finalized.connect(finalized)
