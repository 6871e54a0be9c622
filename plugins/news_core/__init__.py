"""news_core: the vocabulary every plugin and command shares, without Pelican.

Each concept lives in one small module here, and the packages around it
(the Pelican plugins news_meta, news_gallery, news_images, news_site,
news_publish, news_incremental; the commands news_build, news_preview,
news_check, news_views, news_editor, news_legacy) are glue on top. A plugin
imports news_core and its own package, never another plugin; what one
plugin hands another during a build goes through `build.Build`.

The content model:
- errors: ContentError(path, line, field, problem, fix) and Problems.
- frontmatter: YAML front matter split into fields with their lines, and
  scalars written back (yaml_text).
- fields: front-matter fields validated into Meta (categories, views, slug…).
- settings: news_meta's settings (NEWS_CATEGORIES, …) loaded into Config.
- dates, slugs (slugs, tone-mark folding), vi (Vietnamese display strings),
  controls (invisible control characters).
- photos: references to photos and attached files, resolved beside the article.
- gallery: the `::: gallery` block, read and written.
- placeholders: the texts `invoke new` leaves for the editor to replace, which
  a publish build refuses.

Files and folders:
- guard: what may be read (inside the content folder) and written.
- files: atomic writes, through a temporary file and a rename.
- output: the marker of an output folder we made, and emptying one.
- paths: paths shown to an editor.

A build:
- build: the one per-build object the plugins share (Build), and the
  caches' folder.

Nothing here imports Pelican or Markdown; nothing runs at import.
"""
