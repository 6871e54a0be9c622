"""Set everything up and build the sample site: `python3 bootstrap.py`.

Creates .venv/ in this folder, installs the pinned dependencies into it, then
runs `invoke build`. Works on Linux, macOS and Windows (`py bootstrap.py`).
"""

import os
import subprocess
import sys
import venv

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
BIN = os.path.join(VENV, "Scripts" if os.name == "nt" else "bin")
PYTHON = os.path.join(BIN, "python.exe" if os.name == "nt" else "python")


def main() -> int:
    if sys.version_info < (3, 11):
        print("Cần Python 3.11 trở lên (Python 3.11+ is required).", file=sys.stderr)
        return 1
    if not os.path.exists(PYTHON):
        print("Tạo môi trường .venv/ …")
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Cài đặt các gói cần thiết …")
    pip = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["-r", os.path.join(ROOT, "requirements-dev.txt")], check=True)
    print("Dựng trang mẫu vào output/ …")
    return subprocess.run([PYTHON, "-m", "invoke", "build"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
