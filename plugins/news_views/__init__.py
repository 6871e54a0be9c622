"""news_views: `invoke sync-views` (views.py), page view counts copied from an
analytics export (Matomo, Google Analytics 4) into the articles' `views:` field.

Not a Pelican plugin: it reads the articles with news_core's front-matter
parser and validator, and changes only the `views:` line of each.
"""
