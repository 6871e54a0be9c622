"""Build the site: development (forgiving) or strict (publish, CI, atomic)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass

from . import log

MARKER = ".news-build"  # in every output folder we made; we delete no folder without it


class UnsafeOutput(ValueError):
    """The content folder is missing, or the output folder would overwrite or
    delete something that is not a previous build."""


@dataclass(frozen=True)
class Result:
    ok: bool
    crashed: bool
    errors: int
    warnings: int
    seconds: float
    messages: tuple[str, ...] = ()  # every error and warning, as printed


def build(settings_file: str, content: str | None = None, output: str | None = None,
          strict: bool = False, verbose: bool = False, overrides: dict | None = None,
          atomic: bool = False) -> Result:
    """Build `content` into `output` with `settings_file`; never raises for content.

    Strict builds, and atomic ones (the live preview, so a reader never meets a
    half-written folder), build beside `output` and swap it in at the end: a
    strict build only when it has no error or warning, an atomic one unless it
    crashed."""
    from pelican import Pelican
    from pelican.settings import read_settings

    started = time.perf_counter()
    counter, handlers = log.install(verbose)
    target = work = None
    crashed = False
    try:
        settings = read_settings(settings_file, override=dict(overrides or {}))
        content = os.path.realpath(content or settings["PATH"])
        target = os.path.realpath(output or settings["OUTPUT_PATH"])
        check_paths(content, target, os.path.dirname(os.path.realpath(settings_file)))
        work = _work_folder(target) if strict or atomic else target
        _mark(work)
        settings = read_settings(
            settings_file,
            override={**(overrides or {}), "PATH": content, "OUTPUT_PATH": work, "NEWS_OUTPUT_TARGET": target,
                      # Only a build in place may reuse what the last build of `target` left (news_incremental).
                      "NEWS_INCREMENTAL": work == target},
        )
        with contextlib.redirect_stdout(sys.stdout if verbose else io.StringIO()):
            Pelican(settings).run()  # its English "Done: …" line is replaced by _summary
    except UnsafeOutput as exc:
        crashed = True
        log.logging.getLogger("news_build").error("%s", exc)
    except Exception as exc:
        crashed = True  # a crash is reported, never half-published
        log.logging.getLogger("news_build").error(
            "bản dựng bị dừng vì lỗi không lường trước (unexpected error): %s: %s",
            type(exc).__name__, exc, exc_info=verbose,
        )
    finally:
        log.uninstall(handlers)
        _reap()
    ok = not crashed and counter.errors == 0 and (not strict or counter.warnings == 0)
    errors, messages = counter.errors, list(counter.messages)
    if work and work != target:
        if ok or (atomic and not strict and not crashed):
            try:
                swap(work, target)
            except OSError as exc:  # Windows: a file in output/ is open (browser, antivirus, OneDrive)
                crashed, ok, errors = True, False, errors + 1
                messages.append(
                    f'LỖI: không thay được thư mục kết quả "{target}" ({exc.strerror or exc}): có thể một tệp '
                    "trong đó đang được mở. Đóng chương trình đang dùng nó rồi lưu bài lại, hoặc chạy lại lệnh.")
                print(messages[-1], file=sys.stderr)
                shutil.rmtree(work, ignore_errors=True)
        else:
            shutil.rmtree(work, ignore_errors=True)
    result = Result(ok, crashed, errors, counter.warnings, time.perf_counter() - started, tuple(messages))
    _summary(result, target, strict)
    return result


def _reap() -> None:
    """Wait for a helper process a failed build may leave (news_publish's search index)."""
    try:
        from news_publish.search import reap
    except ImportError:  # pragma: no cover - the plugin is always there
        return
    reap()


def exit_now(code: int) -> None:
    """End a build command at once. Python would otherwise free the build's objects
    one by one on the way out: a tenth of a second at a thousand articles, paid by
    every rebuild an editor waits for. Every file is written and closed by now."""
    sys.stdout.flush()
    sys.stderr.flush()
    log.logging.shutdown()
    os._exit(code)


def check_paths(content: str, output: str, project: str) -> None:
    """Refuse a missing content folder, and an output folder that holds or sits
    inside the sources, or that has files but is not one of our builds."""
    if not os.path.isdir(content):
        raise UnsafeOutput(
            f'không tìm thấy thư mục nội dung (content) "{content}". '
            "Kiểm tra lại đường dẫn sau --content."
        )
    if _overlaps(content, output) or _inside(project, output):
        raise UnsafeOutput(
            f'thư mục kết quả (output) "{output}" trùng với, nằm trong hoặc chứa '
            f'thư mục nguồn "{content}" hay thư mục dự án. Chọn thư mục khác, ví dụ output/.'
        )
    if os.path.isdir(output) and os.listdir(output) and not os.path.exists(os.path.join(output, MARKER)):
        raise UnsafeOutput(
            f'thư mục kết quả (output) "{output}" đã có tệp nhưng không phải do lần dựng '
            "trước tạo ra, nên sẽ không bị xóa. Chọn một thư mục trống hoặc chưa có, ví dụ output/."
        )
    if not os.path.isdir(os.path.dirname(output)) and os.path.exists(os.path.dirname(output)):
        raise UnsafeOutput(f'không tạo được thư mục kết quả (output) "{output}".')


def _mark(folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
        handle.write("Built by news_build; safe to delete and rebuild.\n")


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives on Windows
        return False


def _overlaps(a: str, b: str) -> bool:
    return _inside(a, b) or _inside(b, a)


def swap(new: str, target: str) -> None:
    """Put `new` in place of `target` with two renames; restore on failure."""
    old = None
    if os.path.exists(target):
        old = tempfile.mkdtemp(prefix=".output-old-", dir=os.path.dirname(target))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old:
            os.replace(old, target)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)


def _work_folder(target: str) -> str:
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    return tempfile.mkdtemp(prefix=".output-new-", dir=parent)


def _summary(result: Result, target: str | None, strict: bool) -> None:
    out = sys.stderr
    if result.errors or result.warnings:
        print(f"Có {result.errors} lỗi và {result.warnings} cảnh báo trong nội dung.", file=out)
    if strict and not result.ok:
        print(
            "Bản dựng chính thức (publish) DỪNG: chưa xuất bản gì, thư mục "
            f"{target} giữ nguyên như trước. Sửa các lỗi, cảnh báo ở trên rồi chạy lại.",
            file=out,
        )
    elif not result.crashed:
        print(f"Đã tạo trang web trong {target} ({result.seconds:.1f} giây).", file=out)
