"""news_images: publish the photos an article uses, beside the article.

Signals:
- content_object_init: point every `data-news-photo` marker (left by
  news_gallery) at the photo's published URL.
- article_writer_finalized: copy the photos of the articles that were written,
  and only those, so a draft's photos are never published.

This is the foundation's stand-in: the photo pipeline (derivatives, srcset,
metadata stripping) replaces `publish_photos` in the photos issue.
"""

from pelican import signals


def content_object_init(content):
    from .html import link_photos

    link_photos(content)


def article_writer_finalized(generator, writer):
    from .copy import publish_photos

    publish_photos(generator.articles, generator.output_path)


def register():
    signals.content_object_init.connect(content_object_init)
    signals.article_writer_finalized.connect(article_writer_finalized)
