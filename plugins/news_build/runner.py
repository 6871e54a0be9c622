"""Build the site: development (forgiving) or strict (publish, CI, atomic)."""

from __future__ import annotations

import contextlib
import copy
import io
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass

from news_core.build import reap
from news_core.guard import Refused, writable_folder
from news_core.output import MARKER, mark, ours
from news_core.settings import SettingsError

from . import log, owner


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
    refused: bool = False  # the output folder was not written: the content was only checked


def build(settings_file: str, content: str | None = None, output: str | None = None,
          strict: bool = False, verbose: bool = False, overrides: dict | None = None,
          atomic: bool = False, preview: bool = False) -> Result:
    """Build `content` into `output` with `settings_file`; never raises for content.

    Strict builds, and atomic ones (the live preview, so a reader never meets a
    half-written folder), build beside `output` and swap it in at the end: a
    strict build only when it has no error or warning, an atomic one unless it
    crashed. A `preview` build (the live preview's, in place) claims `output`
    and writes only into a folder a preview made (owner)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    started = time.perf_counter()
    counter, handlers = log.install(verbose)
    target = work = settings = refused = None
    crashed = False
    try:
        try:
            settings = read_settings(settings_file, override=dict(overrides or {}))
        except FileNotFoundError:
            raise UnsafeOutput(f'không tìm thấy tệp cấu hình "{settings_file}": chạy lệnh trong thư mục '
                               "của trang tin (thư mục có pelicanconf.py).") from None
        except Exception as exc:  # the settings file does not run: a typo in Python
            where, what = os.path.basename(settings_file), f"{type(exc).__name__}: {exc}"
            if isinstance(exc, SyntaxError) and exc.filename:  # publishconf.py reads pelicanconf.py
                where, what = f"{os.path.basename(exc.filename)}, dòng {exc.lineno},", exc.msg
            raise UnsafeOutput(f"tệp cấu hình {where} có lỗi, chưa đọc được: {what}. Sửa tệp (thường là "
                               "thiếu dấu phẩy, dấu ngoặc hay dấu nháy) rồi chạy lại.") from None
        content = os.path.realpath(content or settings["PATH"])
        target = os.path.abspath(output or settings["OUTPUT_PATH"])  # as given: a link is refused, not followed
        check_content(content)
        refused = (output_problem(content, target, os.path.dirname(os.path.realpath(settings_file)))
                   or (owner.problem(target) if preview else None))
        if refused:  # still read every article, so one run reports everything; `target` is never touched
            work = tempfile.mkdtemp(prefix=f"news-build-check-{os.getpid()}-")
        else:
            target = os.path.realpath(target)
            sweep(target)
            work = _work_folder(target) if strict or atomic else target
        mark(work)
        if preview and not refused:
            owner.keep(work)
        settings = read_settings(
            settings_file,
            # NEWS_SETTINGS_FILE: the settings file's own bytes key the caches too (news_core.cache)
            override={"NEWS_SETTINGS_FILE": os.path.realpath(settings_file), **(overrides or {}),
                      "PATH": content, "OUTPUT_PATH": work, "NEWS_OUTPUT_TARGET": work if refused else target,
                      # Only a build in place may reuse what the last build of `target` left (news_incremental).
                      "NEWS_INCREMENTAL": work == target},
        )
        if refused:  # a check only: it keeps no content cache (it would write beside cache/images, wherever that is)
            settings["NEWS_CONTENT_CACHE_PATH"] = False
        # Pelican's Markdown reader adds to MARKDOWN in place, and a site's MARKDOWN
        # is trangtin.defaults' one dict: each build gets its own copy.
        settings["MARKDOWN"] = copy.deepcopy(settings.get("MARKDOWN") or {})
        with contextlib.redirect_stdout(sys.stdout if verbose else io.StringIO()):
            Pelican(settings).run()  # its English "Done: …" line is replaced by _summary
        if refused:
            raise UnsafeOutput(refused)
    except UnsafeOutput as exc:
        crashed = True
        log.logging.getLogger("news_build").error("%s", exc)
    except KeyboardInterrupt:
        _interrupted(work, target)
        raise
    except Exception as exc:
        crashed = True  # a crash is reported, never half-published
        if isinstance(exc, SettingsError):  # a plugin cannot use a value of the settings file
            log.logging.getLogger("news_build").error(
                "tệp cấu hình %s có giá trị không dùng được: %s. Sửa giá trị đó rồi chạy lại.",
                os.path.basename(settings_file), exc)
        else:
            log.logging.getLogger("news_build").error(
                "bản dựng bị dừng vì lỗi không lường trước (unexpected error): %s: %s",
                type(exc).__name__, exc, exc_info=verbose,
            )
        if refused:
            log.logging.getLogger("news_build").error("%s", refused)
    finally:
        log.uninstall(handlers)
        reap(settings)  # an index process (news_publish) a failed build left must not write on
    ok = not crashed and counter.errors == 0 and (not strict or counter.warnings == 0)
    errors, messages = counter.errors, list(counter.messages)
    if work and work != target:
        if not refused and (ok or (atomic and not strict and not crashed)):
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
    result = Result(ok, crashed, errors, counter.warnings, time.perf_counter() - started, tuple(messages),
                    refused=bool(refused))
    _summary(result, target, strict)
    return result


def exit_now(code: int) -> None:
    """End a build command at once. Python would otherwise free the build's objects
    one by one on the way out: a tenth of a second at a thousand articles, paid by
    every rebuild an editor waits for. Every file is written and closed by now."""
    sys.stdout.flush()
    sys.stderr.flush()
    log.logging.shutdown()
    os._exit(code)


def check_paths(content: str, output: str, project: str) -> None:
    """Refuse a missing content folder, and an output folder `output_problem` names."""
    check_content(content)
    problem = output_problem(content, output, project)
    if problem:
        raise UnsafeOutput(problem)


def check_content(content: str) -> None:
    if not os.path.isdir(content):
        raise UnsafeOutput(
            f'không tìm thấy thư mục nội dung (content) "{content}". '
            "Kiểm tra lại đường dẫn sau --content."
        )


def output_problem(content: str, output: str, project: str) -> str | None:
    """Why a build must not write `output`, or None: it is a file or a link
    (guard.writable_folder), holds or sits inside the sources, is a running
    preview's (owner), or has files but is not one of our builds. `output` as
    given: a link is refused, not followed. Only looks; writes nothing."""
    try:
        writable_folder(output, protected=(content,))
    except Refused as exc:
        return f"thư mục kết quả (output) không dùng được: {exc}. {exc.fix}"
    output = os.path.realpath(output)
    if _inside(project, output):  # output/ lies in the project, so it cannot be one of `protected`
        return (f'thư mục kết quả (output) "{output}" trùng với hoặc chứa thư mục dự án "{project}", '
                "nên có thể xóa mất mã nguồn. Chọn thư mục khác, ví dụ output/.")
    pid = owner.live_owner(output)
    if pid is not None:
        return (f'bản xem trước (invoke serve, tiến trình {pid}) đang dùng thư mục kết quả (output) "{output}", '
                "nên bản dựng này không ghi vào đó. Dừng bản xem trước (nhấn Ctrl+C trong cửa sổ đang chạy "
                "invoke serve) rồi chạy lại lệnh, hoặc chọn thư mục khác sau --output.")
    if os.path.isdir(output) and os.listdir(output) and not ours(output):
        return (f'thư mục kết quả (output) "{output}" đã có tệp nhưng không phải do lần dựng '
                "trước tạo ra, nên sẽ không bị xóa. Chọn một thư mục trống hoặc chưa có, ví dụ output/.")
    if not os.path.isdir(os.path.dirname(output)) and os.path.exists(os.path.dirname(output)):
        return f'không tạo được thư mục kết quả (output) "{output}".'
    return None


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives on Windows
        return False


def swap(new: str, target: str) -> None:
    """Put `new` in place of `target` with two renames; restore on failure."""
    old = None
    if os.path.exists(target):
        old = tempfile.mkdtemp(prefix=f"{LEFTOVERS[1]}{os.getpid()}-", dir=os.path.dirname(target))
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
    return tempfile.mkdtemp(prefix=f"{LEFTOVERS[0]}{os.getpid()}-", dir=parent)


LEFTOVERS = (".output-new-", ".output-old-")  # + the building process's id + a random part


def sweep(target: str) -> None:
    """Remove the work folders an interrupted or killed build left beside
    `target`: only ours (they hold MARKER), and none of a build still running."""
    parent = os.path.dirname(target)
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return
    removed = []
    for name in names:
        path = os.path.join(parent, name)
        if (not name.startswith(LEFTOVERS) or os.path.islink(path) or not os.path.isdir(path)
                or not os.path.isfile(os.path.join(path, MARKER)) or _running(name)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(name)
    if removed:
        print(f"Đã xóa {len(removed)} thư mục tạm do lần dựng trước bị ngắt giữa chừng để lại cạnh {target}: "
              f"{', '.join(removed)}.", file=sys.stderr)


def _running(name: str) -> bool:
    """Whether the process whose id the folder's name carries is still running."""
    pid = name.split("-")[2]
    return pid.isdigit() and owner.alive(int(pid))  # not a digit: an older build's name, without the id


def _interrupted(work: str | None, target: str | None) -> None:
    """Ctrl+C: drop the half-built work folder and say what state things are in."""
    if work and work == target:  # a development build in place: some pages may be new, some old
        print(f"\nĐã dừng bản dựng (Ctrl+C) giữa chừng: thư mục {target} có thể chưa đủ trang. "
              "Chạy lại lệnh để dựng đủ.", file=sys.stderr)
        return
    if work:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nĐã dừng bản dựng (Ctrl+C): chưa xuất bản gì, thư mục {target or 'kết quả'} giữ nguyên như trước. "
          "Chạy lại lệnh khi sẵn sàng.", file=sys.stderr)


def _summary(result: Result, target: str | None, strict: bool) -> None:
    out = sys.stderr
    if result.refused:  # one of the errors is the output folder's, printed last
        content = (f"có {result.errors - 1} lỗi và {result.warnings} cảnh báo"
                   if result.errors > 1 or result.warnings else "không có lỗi hay cảnh báo nào")
        print(f"Đã đọc hết các bài: nội dung {content}; thư mục kết quả (output) không dùng được "
              "(dòng LỖI cuối cùng ở trên).", file=out)
    elif result.errors or result.warnings:
        print(f"Có {result.errors} lỗi và {result.warnings} cảnh báo trong nội dung.", file=out)
    if strict and not result.ok:
        print(
            "Bản dựng chính thức (publish) DỪNG: chưa xuất bản gì, thư mục "
            f"{target or 'kết quả (output)'} giữ nguyên như trước. Sửa các lỗi, cảnh báo ở trên rồi chạy lại.",
            file=out,
        )
    elif not result.crashed:
        print(f"Đã tạo trang web trong {target} ({result.seconds:.1f} giây).", file=out)
