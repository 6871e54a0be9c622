"""`invoke serve`: the live preview an editor keeps open while writing.

Builds the development site into a folder of its own (.output-preview/ by
default, never output/ that publish makes; news_build.owner), serves it on
localhost, watches content/, theme/, plugins/ and the settings, and rebuilds
when a file is saved. Every HTML page it serves gets two small files of ours
(/__live/live.js and live.css, never written to the folder): the page
reloads itself after each rebuild, and while the content has errors or
warnings a panel on the page lists them as the terminal prints them (file,
line, field, the fix), so a typo never leaves the editor looking at a stale
page.

Content and theme changes rebuild in this process (photos come from the
cache, so a rebuild of the sample site takes about a second; a save that
changed only an article's text renders that article's page from the objects
the last build left, warm.py, in hundredths of a second); a change to
plugins/ or the settings ends it with RESTART, and `supervise` (what
`invoke serve` runs) starts a fresh one, since Python code cannot be reloaded
safely and os.execv does not restart in place on Windows.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import webbrowser
from pathlib import Path

from news_build.runner import build
from news_core.schema import EDITOR_FOLDER

from . import warm

LIVE = Path(__file__).with_name("live")  # live.js, live.css
EDITOR = EDITOR_FOLDER  # the browser editor (news_admin): saving there rebuilds the preview, never reloads the editor
PING_SECONDS = 15
RESTART = 3  # exit code: code or settings changed, start a fresh preview
SERVER = secrets.token_hex(4)  # a restarted preview counts builds from 1 again: tell them apart
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_PORT = re.compile(r"(:\d{1,5})?")


class Preview:
    """The latest build's outcome, and a condition to wait for the next one."""

    def __init__(self, settings: str, content: str, output: str):
        self.settings, self.content, self.output = settings, content, output
        self.changed = threading.Condition()
        self.number = 0
        self.refused = False  # the last build did not write the folder (news_build.owner)
        self.status = {"build": 0, "ok": True, "errors": 0, "warnings": 0, "seconds": 0.0, "messages": []}
        warm.listen()
        self.warm = warm.Warm(output)

    @property
    def version(self) -> str:
        return f"{SERVER}-{self.number}"

    def rebuild(self, reason: str = "", paths: list[str] | None = None) -> None:
        if reason:
            print(f"\n{reason}: dựng lại…", flush=True)
        # A save that changed only an article's text: its page from the objects this
        # process holds (warm.py). Anything else, in place: news_incremental renders
        # only what changed and replaces each file with a rename, so the browser never
        # reads half a page. preview: never into a folder another build made.
        result = self.warm.quick(paths) if paths else None
        quick = result is not None
        if result is None:
            self.warm.forget()
            result = build(self.settings, self.content, self.output, preview=True)
            self.warm.after_full_build(result)
        self.refused = result.refused
        with self.changed:
            self.number += 1
            self.status = {
                "build": self.number, "version": self.version, "ok": result.errors == 0 and not result.crashed,
                "errors": result.errors, "warnings": result.warnings,
                "seconds": round(result.seconds, 2), "messages": list(result.messages), "reason": reason,
                "quick": quick,  # only the saved article's page (warm.py), or a build
                "declined": self.warm.declined,  # why not quick, when it was asked
            }
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> dict:
        with self.changed:
            self.changed.wait_for(lambda: self.number != seen, timeout)
            return dict(self.status)


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview  # set by serve()

    def log_message(self, *args):  # the terminal is for content errors, not every request
        pass

    def parse_request(self) -> bool:
        """Answer only requests addressed to this computer. A page on another
        site can point its own name at 127.0.0.1 (DNS rebinding) and would then
        read the drafts and /__live/status.json; its requests carry its name."""
        if not super().parse_request():
            return False
        if local_host(self.headers.get("Host")):
            return True
        self.close_connection = True
        body = ("Bản xem trước không trả lời tên miền này: nó chỉ dành cho chính máy này (localhost). "
                f"Mở http://localhost:{self.server.server_address[1]}/ để xem.\n").encode("utf-8")
        self.send(403, "text/plain; charset=utf-8", body)
        return False

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("/__live/"):
            return self.live(path[len("/__live/"):])
        local = self.translate_path(self.path)
        if os.path.isdir(local):
            if not path.endswith("/"):
                return super().do_GET()  # the standard redirect to the folder's URL
            local = os.path.join(local, "index.html")
        if local.endswith(".html") and os.path.isfile(local) and not path.startswith(f"/{EDITOR}/"):
            return self.page(local, 200)  # the browser editor is never reloaded under the editor's hands
        if not os.path.exists(local) and os.path.isfile(os.path.join(self.directory, "404.html")):
            return self.page(os.path.join(self.directory, "404.html"), 404)
        return super().do_GET()

    def page(self, path: str, status: int) -> None:
        version = self.preview.version  # read before the file: a newer build can only cause a reload
        with open(path, "rb") as handle:
            body = handle.read()
        inject = (f'<link rel="stylesheet" href="/__live/live.css">'
                  f'<script type="module" src="/__live/live.js?v={version}"></script>').encode()
        head = body.find(b"</head>")
        body = body[:head] + inject + body[head:] if head >= 0 else body + inject
        self.send(status, "text/html; charset=utf-8", body)

    def send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def live(self, name: str) -> None:
        if name == "status.json":
            body = json.dumps(self.preview.wait(-1, 0), ensure_ascii=False).encode("utf-8")
            return self.send(200, "application/json; charset=utf-8", body)
        if name == "events":
            return self.events()
        files = {"live.js": "text/javascript; charset=utf-8", "live.css": "text/css; charset=utf-8"}
        if name in files:
            return self.send(200, files[name], (LIVE / name).read_bytes())
        self.send_error(404)

    def events(self) -> None:
        """Server-sent events: the build number after every rebuild."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        status = self.preview.wait(-1, 0)
        try:
            self.wfile.write(f"data: {status['version']}\n\n".encode())
            self.wfile.flush()
            while True:
                latest = self.preview.wait(status["build"], PING_SECONDS)
                if latest["build"] != status["build"]:
                    status = latest
                    self.wfile.write(f"data: {status['version']}\n\n".encode())
                else:
                    self.wfile.write(b": ping\n\n")  # keeps proxies and the browser connected
                self.wfile.flush()
        except ConnectionError:  # the tab was closed or reloaded
            return


def local_host(header: str | None) -> bool:
    """Whether a Host header names this computer: localhost, 127.0.0.1 or [::1], any port, any case."""
    value = (header or "").strip().lower()
    for name in LOCAL_HOSTS:
        if value.startswith(name) and _PORT.fullmatch(value[len(name):]):
            return True
    return False


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = os.name != "nt"  # on Windows it would let a second preview take the port

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a reload cut a transfer short: normal
            super().handle_error(request, client_address)


def watch(preview: Preview, project: Path, restart, ready: threading.Event) -> None:
    """Rebuild on content or theme changes; restart on code or settings changes."""
    from watchfiles import watch as changes_of

    import news_theme

    # The theme wherever it is installed (this checkout's theme/ when editable);
    # plugins/ only exists in a checkout of trangtin itself.
    code = [project / "plugins", project / "pelicanconf.py", project / "publishconf.py"]
    watched = [Path(preview.content), Path(news_theme.PATH), *code]
    for changes in changes_of(*[p for p in watched if p.exists()], debounce=100, step=50,
                              yield_on_timeout=True, rust_timeout=200):
        ready.set()  # the first (empty) yield: the watcher is in place, nothing saved from now on is missed
        if not changes:
            continue
        paths = sorted({Path(p) for _, p in changes})
        if any(p == c or c in p.parents for p in paths for c in code):
            print("\nMã nguồn hoặc cấu hình thay đổi: khởi động lại bản xem trước…", flush=True)
            restart()
            return
        paths = [p for p in paths if not temporary(p.name)]
        if not paths:  # an editor's or a tool's temporary file, made and removed while saving
            continue
        shown = ", ".join(_shown(p, project) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
        try:
            preview.rebuild(f"Đã lưu {shown}", [str(p) for p in paths])
        except Exception as exc:  # never let the watcher die: the editor would see a frozen preview
            print(f"LỖI: không dựng lại được ({type(exc).__name__}: {exc}). Lưu bài lại để thử lại.", flush=True)


# Files editors and tools make while saving, never content: Emacs (.#x, x~), Vim
# (.x.swp, 4913), Office (~$x), LibreOffice (.~lock.x#), GNOME (.goutputstream-*),
# sed -i (sed + 6 letters or digits), *.tmp and our own atomic writes (.x.<hex>.tmp).
TEMPORARY = re.compile(r"\.#.*|.*~|\..*\.sw[a-p]|4913|~\$.*|\.~lock\..*#?|\.goutputstream-.*"
                       r"|sed[A-Za-z0-9]{6}|.*\.tmp")


def temporary(name: str) -> bool:
    """Whether a file of this name is an editor's or a tool's temporary file."""
    return bool(TEMPORARY.fullmatch(name))


def _shown(path: Path, project: Path) -> str:
    try:
        return str(path.relative_to(project))
    except ValueError:
        return str(path)


def serve(settings: str, content: str, output: str, port: int = 8000, open_browser: bool = True,
          project: str | None = None) -> int:
    """Run one preview until Ctrl+C (returns 0) or a code change (returns RESTART)."""
    project_path = Path(project or os.path.dirname(os.path.abspath(settings)))
    preview = Preview(settings, content, output)
    preview.rebuild()
    if preview.refused:  # the folder is not the preview's: the build said why
        raise SystemExit(1)
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    try:
        httpd = Server(("127.0.0.1", port), functools.partial(handler, directory=output))
    except OSError as exc:
        print(f"LỖI: không mở được cổng {port} ({exc.strerror}). Có thể một bản xem trước khác đang chạy: "
              "đóng nó, hoặc chạy với cổng khác, ví dụ: invoke serve --port 8001", file=sys.stderr)
        raise SystemExit(1) from None
    outcome = {"code": 0}

    def restart() -> None:
        outcome["code"] = RESTART
        threading.Thread(target=httpd.shutdown).start()  # not from the watcher: shutdown() waits

    ready = threading.Event()
    threading.Thread(target=watch, args=(preview, project_path, restart, ready), daemon=True).start()
    ready.wait(10)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    print(f"Xem trang tại {url} — trang tự tải lại khi bạn lưu bài. Nhấn Ctrl+C để dừng.", flush=True)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("\nĐã dừng bản xem trước.")
    finally:
        httpd.server_close()
    return outcome["code"]


def supervise(settings: str, content: str, output: str, port: int = 8000, open_browser: bool = True,
              project: str | None = None) -> None:
    """What `invoke serve` runs: a preview in a child process, started again after a code change."""
    if port == 0:  # keep one port across restarts, so the open page reconnects
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    command = [sys.executable, "-m", "news_preview.serve", "--settings", settings, "--content", content,
               "--output", output, "--port", str(port), "--project", project or ""]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                       os.environ.get("PYTHONPATH")]))}
    first, child = True, None

    def stop(signum, frame):  # terminated (CI, a test, a closing terminal): take the preview along
        if child is not None:
            child.terminate()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            child = subprocess.Popen(command + (["--open"] if open_browser and first else []), env=env)
            code = child.wait()
            first = False
            if code != RESTART:
                raise SystemExit(code)
    except KeyboardInterrupt:
        child.wait()  # the child got Ctrl+C too, and says it has stopped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="live preview (one run; invoke serve restarts it)")
    for name in ("settings", "content", "output", "project"):
        parser.add_argument(f"--{name}", required=name != "project")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--open", action="store_true")
    args = parser.parse_args(argv)
    return serve(args.settings, args.content, args.output, args.port, args.open, args.project or None)


if __name__ == "__main__":
    raise SystemExit(main())
