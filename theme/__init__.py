"""The theme (templates/ and static/), installed as the package news_theme.

A site's settings name it with THEME = news_theme.PATH (trangtin.defaults does).
"""

import os

PATH = os.path.dirname(os.path.abspath(__file__))
