"""Trang tin: the settings, commands and scaffold every site shares.

- trangtin.defaults: `from trangtin.defaults import *` in a site's pelicanconf.py
- trangtin.tasks: the editor and CI commands (invoke), for a site's tasks.py
- trangtin.cli: the `trangtin` command
- trangtin.scaffold: `trangtin new-site`, a new ward or commune site
"""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("trangtin")
except _metadata.PackageNotFoundError:  # run from a checkout without installing
    __version__ = "0"
