"""Import the old portal's article pages: `invoke import-legacy SOURCE…`.

Not a Pelican plugin (nothing registers): the tooling that turns saved pages
of the legacy CMS portal into article folders, the way news_editor's
helpers do for new articles.

- sources.py: which files in SOURCE are pages (a saved page and its
  `_files/` folder, a wget or HTTrack mirror), each page's old address, and
  where a photo's URL was saved locally.
- decode.py: bytes to text by the declared charset (UTF-8, Windows-1258, …),
  then NFC.
- page.py: the article in the portal's page: title, meta line
  (`Ngày đăng 21/03/2024 | 10:31 | Lượt xem: 347`), category, tags, the
  body container; navigation, share buttons, scripts and tracking dropped.
- blocks.py / markdown.py: the body as blocks (paragraphs, headings, lists,
  tables, photos with their captions, the closing gallery) and as Markdown.
- write.py: one article folder per page, written all at once or not at all;
  re-importing changes nothing, and an article edited since its import is
  kept unless --force (`legacy_hash` holds the hash of the imported text).
- run.py: the command: parse every page, check the categories against
  NEWS_CATEGORIES and the --category-map file, write, report.

The build side (a redirect from each `legacy_url` to the new address) is in
news_publish/redirects.py.
"""
