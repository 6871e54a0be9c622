"""news_meta: YAML front matter, validation, Vietnamese display values, drafts.

Signals:
- initialized: load the settings into a State kept at settings["NEWS_META_STATE"].
- readers_init: read `.md` files with NewsReader (front matter + Markdown body).
- article_generator_pretaxonomy: drop drafts and future articles from a
  production build; reject articles that would share one output file;
  order articles newest first, ties by source path, for byte-identical output.
- article_generator_finalized: list categories in the configured order.
- all_generators_finalized: reject any other output path claimed twice.

Settings (see settings.py): NEWS_CATEGORIES, NEWS_SHOW_DRAFTS,
NEWS_SLUG_MAX_LENGTH; TIMEZONE.
"""

from functools import partial

from pelican import signals


def initialized(pelican):
    from . import settings, state

    current = state.State(settings.load(pelican.settings))
    pelican.settings[state.KEY] = current
    state.install_filter(current)


def readers_init(readers):
    from .reader import NewsReader
    from .state import of

    for ext in NewsReader.file_extensions:
        readers.reader_classes[ext] = partial(NewsReader, state=of(readers.settings))


def pretaxonomy(generator):
    from .publish import drop_unpublished, order_articles, reject_article_collisions

    drop_unpublished(generator)
    reject_article_collisions(generator)
    order_articles(generator)


def article_generator_finalized(generator):
    from .publish import order_categories

    order_categories(generator)


def generators_finalized(generators):
    from .publish import report_output_collisions

    report_output_collisions(generators)


def register():
    signals.initialized.connect(initialized)
    signals.readers_init.connect(readers_init)
    signals.article_generator_pretaxonomy.connect(pretaxonomy)
    signals.article_generator_finalized.connect(article_generator_finalized)
    signals.all_generators_finalized.connect(generators_finalized)
