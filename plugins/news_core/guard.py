"""The two questions every path we touch answers here, and only here.

- May we read this file? Only a regular file inside the root we were given
  (the content folder, or the folder an import reads from) once every link in
  its path is resolved: a symlinked article, photo, document or folder that
  leads elsewhere is refused, whatever kind of file it is.
- May we write there? Only into a folder that is ours to fill: never a file
  the user already has, never a link, never the sources or the project.

Both raise `Refused(problem, fix)`, worded in Vietnamese for the editor.
"""

from __future__ import annotations

import os
import stat


class Refused(ValueError):
    """str() is the problem; `fix` the advice."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.fix = fix


def within(path: str, root: str) -> bool:
    """Whether `path` lies in `root` (or is it) once every link of both is resolved."""
    return _inside(os.path.realpath(path), os.path.realpath(root))


def _inside(real: str, base: str) -> bool:
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:  # Windows: another drive
        return False


def readable(path: str, root: str, what: str = "tệp", real_root: str | None = None) -> str:
    """The resolved path of `path`, a regular file inside `root`; else Refused.
    `real_root`: os.path.realpath(root), when the caller asks for many files."""
    real = os.path.realpath(path)
    if not _inside(real, real_root or os.path.realpath(root)):
        raise Refused(
            f'{what} "{os.path.basename(path)}" trỏ ra ngoài thư mục nội dung '
            f'(qua liên kết tắt hoặc ../), nên không được đọc',
            "Chép chính tệp đó vào thư mục nội dung thay cho liên kết tắt (symlink).",
        )
    try:
        mode = os.stat(real).st_mode
    except OSError:
        raise Refused(f'không tìm thấy {what} "{os.path.basename(path)}"',
                      "Kiểm tra lại tên và vị trí của tệp.") from None
    if not stat.S_ISREG(mode):
        raise Refused(f'"{os.path.basename(path)}" không phải là một tệp thường',
                      "Chỉ dùng tệp thường (không dùng thư mục, thiết bị hay ống dẫn).")
    return real


def folder_link(path: str, base: str) -> str | None:
    """For a folder link `path` under the content folder `base` (links resolved):
    "outside" when it leads out of it, "loop" when it leads to a folder that holds
    the link (walking it would read the same files again and again), else None."""
    target = os.path.realpath(path)
    if not _inside(target, base):
        return "outside"
    if _inside(os.path.realpath(os.path.dirname(path)), target):
        return "loop"
    return None


def writable_folder(target: str, protected: tuple[str, ...] = ()) -> None:
    """Refused unless `target` may become a folder we fill: absent or a folder,
    not a link, and neither inside nor around any `protected` folder."""
    shown = target
    if os.path.islink(target):
        raise Refused(f'"{shown}" là một liên kết tắt (symlink), không phải thư mục',
                      "Chọn một thư mục thật, ví dụ output/.")
    if os.path.exists(target) and not os.path.isdir(target):
        raise Refused(f'"{shown}" là một tệp đã có, không phải thư mục, nên không được ghi đè',
                      "Chọn một thư mục trống hoặc chưa có, ví dụ output/.")
    for folder in protected:
        if within(target, folder) or within(folder, target):
            raise Refused(
                f'thư mục "{shown}" trùng với, nằm trong hoặc chứa thư mục "{folder}"',
                "Chọn thư mục khác, ví dụ output/.",
            )
