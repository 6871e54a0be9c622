"""Copy the documents (PDF, DOCX, …) that published articles link to."""

from __future__ import annotations

import os
import shutil

from .pipeline import photo_folder, produced


def publish_files(contents, output_path: str) -> int:
    """Copy each attached file once, beside its article; return how many."""
    written = set()
    for content in contents:
        for item in getattr(content, "files", None) or []:
            folder = photo_folder(content, item)
            target = os.path.join(output_path, *folder.split("/"), *item.name.split("/"))
            if target in written:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(item.source, target)
            produced(target)
            written.add(target)
    return len(written)
