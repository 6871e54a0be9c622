"""Which live preview owns an output folder.

`invoke serve` builds in place, again after every save, into a folder of its
own (.output-preview/ beside output/, never the folder publish makes). It
claims that folder with CLAIM, which holds its process id, so that
- another build (publish, build) refuses a folder a running preview claims:
  the two would write into one tree, and the next save would put drafts into
  what publish made (runner.check_paths);
- the preview (runner.build(preview=True)) writes only into a folder that is
  missing, empty, or claimed by a preview before, and so stops rebuilding when
  another build replaced it.
"""

from __future__ import annotations

import os

from news_core.output import CLAIM, MARKER, mark



def owner(folder: str) -> int | None:
    """The process id in `folder`'s CLAIM, or None when there is none."""
    try:
        with open(os.path.join(folder, CLAIM), encoding="utf-8") as handle:
            text = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def live_owner(folder: str) -> int | None:
    """The id of another running process whose preview claims `folder`, or None."""
    pid = owner(folder)
    return pid if pid is not None and pid != os.getpid() and alive(pid) else None


def problem(folder: str) -> str | None:
    """Why the preview must not write `folder`, or None: it has files a preview did
    not make (a production build, say). Another preview running there is
    refused for every build (runner.output_problem)."""
    if owner(folder) is None and os.path.isdir(folder) and set(os.listdir(folder)) - {MARKER}:
        return (f'bản xem trước không ghi vào thư mục "{folder}": thư mục có tệp không phải do bản xem trước '
                "tạo ra (có thể là bản chính thức của invoke publish, để đưa lên mạng). Dừng bản xem trước "
                "(Ctrl+C) nếu nó còn chạy, rồi chạy invoke serve không kèm --output (bản xem trước có thư mục "
                "riêng), hoặc chọn một thư mục trống sau --output.")
    return None


def keep(folder: str) -> None:
    """Claim `folder` for this process (news_core.output.clear keeps the claim when a build empties it)."""
    mark(folder)  # a build accepts only a folder holding the marker (runner.check_paths)
    with open(os.path.join(folder, CLAIM), "w", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n")


def alive(pid: int) -> bool:
    """Whether process `pid` is running."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True
