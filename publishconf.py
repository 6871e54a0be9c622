"""Production settings: strict, no drafts, absolute URLs.

Used by `invoke publish` and CI; any content error or warning fails the build.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", NEWS_PUBLIC_URL)  # noqa: F405
RELATIVE_URLS = False
NEWS_SHOW_DRAFTS = False
DELETE_OUTPUT_DIRECTORY = True
NEWS_MINIFY = True  # HTML, CSS and JS minified
NEWS_COMPRESS = True  # .gz and .br beside every text file
