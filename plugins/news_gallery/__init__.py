"""news_gallery: captioned figures and `::: gallery` blocks in Markdown.

A Markdown extension (no Pelican signals): pelicanconf lists
"news_gallery.extension:NewsFigureExtension" in MARKDOWN["extensions"], and
news_meta's reader hangs a BodyContext on the Markdown instance so that photo
references resolve relative to the article and problems name file and line.

- A standalone image becomes <figure><img><figcaption>; the caption is the
  image's title if given, else its alt text.
- A fenced block `::: gallery Title` … `:::`, one captioned image a line,
  becomes a titled section with a list of figures, each linking to its photo
  (the syntax is read, and written by the editor tools, in news_core.gallery).

Every <img> and gallery link carries data-news-photo="N", the index of the
photo in the article's `photos` metadata, for news_images to publish.
"""


def register():
    """Nothing to connect: the extension is loaded through MARKDOWN settings."""
