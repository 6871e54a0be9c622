"""Set everything up and build the sample site: `python3 bootstrap.py`.

Creates .venv/ in this folder (or reuses it), installs the pinned dependencies
into it with pip's hash checking (`--require-hashes`: every package, including
the build backend setuptools, must match a sha256 in requirements-dev.txt),
installs this project's own package in editable mode without the network, then
installs the HTML checker (vnu-jar, pinned in package-lock.json) with `npm ci`
when Node.js is there, then runs `invoke build`. Works on Linux, macOS and Windows (`py bootstrap.py`).

requirements.txt and requirements-dev.txt are written by uv; the command that
regenerates each is at its top. The pip that Python 3.11+ puts in a new venv
(22.3 or newer) is recent enough: hash checking needs 8.0, an editable install
from pyproject.toml alone needs 21.3.
"""

import os
import shutil
import subprocess
import sys
import venv

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
BIN = os.path.join(VENV, "Scripts" if os.name == "nt" else "bin")
PYTHON = os.path.join(BIN, "python.exe" if os.name == "nt" else "python")
PIP = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]


def pip(args: list[str]) -> int:
    """Run `pip install` in the venv; on failure say so, and return pip's code."""
    code = subprocess.run(PIP + args, cwd=ROOT).returncode
    if code:
        print(f"Cài đặt không thành công (pip install failed, exit code {code}).", file=sys.stderr)
    return code


def main() -> int:
    if sys.version_info < (3, 11):
        print("Cần Python 3.11 trở lên (Python 3.11+ is required).", file=sys.stderr)
        return 1
    if not os.path.exists(PYTHON):
        print("Tạo môi trường .venv/ …")
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Cài đặt các gói cần thiết …")
    if pip(["--require-hashes", "-r", os.path.join(ROOT, "requirements-dev.txt")]):
        return 1
    # Our own package, editable: the build backend (setuptools) comes from the
    # locked set above, so nothing is downloaded and nothing unpinned runs.
    print("Cài đặt gói trangtin từ thư mục này …")
    if pip(["--no-deps", "--no-build-isolation", "--no-index", "-e", ROOT]):
        return 1
    # The HTML checker of `invoke check` (vnu.jar) comes from npm, pinned with its
    # hash in package-lock.json; its install script (a Java download) never runs.
    npm = shutil.which("npm")
    if npm:
        print("Cài trình kiểm tra HTML (vnu-jar, npm) …")
        if subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=ROOT).returncode:
            print("Cài vnu-jar không thành công (npm ci failed).", file=sys.stderr)
            return 1
    else:
        print("Chưa có Node.js (npm): invoke check sẽ cần nó cho bước kiểm tra HTML "
              "(hoặc chạy invoke check --no-html để bỏ qua bước đó).", file=sys.stderr)
    print("Dựng trang mẫu vào output/ …")
    return subprocess.run([PYTHON, "-m", "invoke", "build"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
