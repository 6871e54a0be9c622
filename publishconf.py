"""Production settings: pelicanconf.py, strict, without drafts, with absolute
URLs (SITEURL from the environment, else NEWS_PUBLIC_URL), minified and
compressed. Used by `invoke publish` and CI; any content error or warning
fails the build.
"""

from trangtin.defaults import production

globals().update(production(__file__))
