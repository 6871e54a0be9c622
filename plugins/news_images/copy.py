"""Copy published articles' photos into the output folder."""

from __future__ import annotations

import os
import shutil

from .html import photo_path


def publish_photos(articles, output_path: str) -> int:
    """Copy each photo once; return how many files were written."""
    written = set()
    for article in articles:
        for photo in (getattr(article, "photos", None) or []) + (getattr(article, "files", None) or []):
            target = os.path.join(output_path, *photo_path(article, photo).split("/"))
            if target in written:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(photo.source, target)
            written.add(target)
    return len(written)
