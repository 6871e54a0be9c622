"""news_images: every photo an article uses, served at the size the screen needs.

Signals:
- initialized: load NEWS_IMAGES_* settings; give news_meta's reader an
  inspector (the build's Build.inspect_photo) that reads each photo's header
  (size after orientation, content hash) and refuses empty, corrupt,
  non-image and oversized files with the article's file and line.
- content_object_init: turn the markers news_gallery leaves into <picture>s
  with WebP and JPEG srcsets, width/height, lazy loading but for the first
  photo; gallery links point at the large photo for the lightbox; set
  `social_image` (1200×630 card from the cover) and `card_image` (the
  cover's 3:2 thumbnails for article lists) and `news_photo_urls` (every
  photo's largest JPEG, for the image sitemap). Thumbnails and the social
  card are cropped around the photo's subject (focus.py, found where the
  pixels are rendered), or around the point the article's `focus:` gives for
  its cover.
- article_writer_finalized / page_writer_finalized: render the derivatives the
  cache lacks, on every core, and copy them beside the written pages; copy
  attached documents; record each file placed in Build.outputs (news_incremental
  then removes what a later build no longer places). Originals are never published.
- finalized: remember content hashes for the next build; prune the memo of
  rewritten HTML (memo.py: the <picture> markup of an unchanged article is
  not worked out again).

Settings (settings.py): NEWS_IMAGES_WIDTHS, _FORMATS, _QUALITY, _THUMB_WIDTHS,
_THUMB_ASPECT, _SOCIAL_SIZE, _MAX_PIXELS, _CACHE_PATH, _WORKERS, _SIZES,
_THUMB_SIZES. The cache is keyed by the source bytes' hash, the settings that
change pixels and PIPELINE_VERSION, never by file times.
"""

import os

from pelican import signals

KEY = "NEWS_IMAGES_STATE"


def initialized(pelican):
    from news_core.build import ensure

    from .inspect import Inspector
    from .settings import load

    inspector = Inspector(load(pelican.settings))
    pelican.settings[KEY] = inspector
    build = ensure(pelican.settings)
    build.inspect_photo = inspector
    inspector.memo = None
    if build.caching:  # NEWS_CONTENT_CACHE_PATH = False turns the content cache and this memo off
        from news_core.build import cache_root

        from .memo import RewriteMemo

        inspector.memo = RewriteMemo(os.path.join(cache_root(pelican.settings), "rewrite"))


def content_object_init(content):
    from .html import Urls, card_image, photo_urls, rewrite, social_image

    inspector = content.settings.get(KEY)
    if inspector is None or not getattr(content, "_content", None):
        return
    urls = Urls(content, inspector.cfg)
    if not (getattr(content, "photos", None) or getattr(content, "files", None)):
        content.social_image, content.card_image, content.news_photo_urls = None, None, []
        return
    memo = getattr(inspector, "memo", None)
    key = memo.key(content._content, urls) if memo is not None else None
    done = memo.get(key) if key else None
    if done is None:
        done = (rewrite(content._content, urls), social_image(content, urls), card_image(content, urls),
                photo_urls(content, urls))
        if key:
            memo.put(key, done)
    content._content, content.social_image, content.card_image, content.news_photo_urls = done


def writer_finalized(generator, writer):
    from news_core.build import ensure

    from .copy import publish_files
    from .pipeline import publish

    inspector = generator.settings.get(KEY)
    outputs = ensure(generator.settings).outputs
    contents = list(getattr(generator, "articles", [])) + list(getattr(generator, "pages", []))
    if inspector is not None and contents:
        publish(contents, generator.output_path, inspector.cfg, outputs)
    publish_files(contents, generator.output_path, outputs)


def finalized(pelican):
    inspector = pelican.settings.get(KEY)
    if inspector is not None:
        inspector.digests.save()
        if getattr(inspector, "memo", None) is not None:
            inspector.memo.prune()


def register():
    signals.initialized.connect(initialized)
    signals.content_object_init.connect(content_object_init)
    signals.article_writer_finalized.connect(writer_finalized)
    signals.page_writer_finalized.connect(writer_finalized)
    signals.finalized.connect(finalized)
