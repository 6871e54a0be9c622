"""news_check: `invoke check`, a built site checked before it goes live (check.py):
links, HTML (Nu Html Checker), XML, scripts and photo metadata.

Not a Pelican plugin: it reads only the output folder (and SITEURL from the settings).
"""
