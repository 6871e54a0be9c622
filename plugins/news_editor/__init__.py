"""news_editor: the editors' commands `invoke new` (a new article's folder and
front matter) and `invoke photos` (a folder of photos copied into an article
as a `::: gallery` block), in editor.py.

Not a Pelican plugin: it reads the site's categories and time zone from the
settings file (load_config) and writes only into the content folder.
"""
