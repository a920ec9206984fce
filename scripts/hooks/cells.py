"""MkDocs hook: the Python side of code cells, served by the site: the microtorch wheel that the
worker installs, and the cell runner (overrides/assets/runtime/runner.py; MkDocs copies no .py
files from the theme, so this hook does).

`python -m build --wheel --no-isolation` runs only when microtorch's sources change: wheels are
cached under ~/.cache/gradlab/wheels/<hash of the sources>/. The page learns the wheel's URL
from `extra.gradlab.wheel` (the JSON in <script id="gradlab-config">), so no extra request is
needed to find it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("GRADLAB_CACHE", Path.home() / ".cache" / "gradlab")) / "wheels"
SITE_PATH = "assets/wheels"
RUNNER = ROOT / "overrides" / "assets" / "runtime" / "runner.py"


def sources() -> list[Path]:
    files = [ROOT / "pyproject.toml", *sorted((ROOT / "microtorch").rglob("*.py"))]
    return [path for path in files if path.is_file() and "__pycache__" not in path.parts]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sources():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel() -> Path:
    """Return the cached wheel for the current sources, building it if needed."""
    if not (ROOT / "pyproject.toml").is_file():
        raise SystemExit("gradlab: pyproject.toml is missing, so the microtorch wheel cannot be built.")
    target = CACHE / fingerprint()
    found = sorted(target.glob("microtorch-*.whl"))
    if found:
        return found[0]
    with tempfile.TemporaryDirectory() as scratch:
        # Build from a copy holding only the package: setuptools writes build/ and *.egg-info/
        # next to the sources, and would see the repo's other folders as packages.
        work = Path(scratch) / "src"
        shutil.copytree(ROOT / "microtorch", work / "microtorch", ignore=shutil.ignore_patterns("__pycache__"))
        for extra in ["pyproject.toml", *(p.name for p in ROOT.glob("README*")), *(p.name for p in ROOT.glob("LICENSE*"))]:
            shutil.copy2(ROOT / extra, work / extra)
        out = Path(scratch) / "dist"
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(work)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"gradlab: building the microtorch wheel failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        wheel = next(out.glob("microtorch-*-py3-none-any.whl"), None)
        if wheel is None:
            raise SystemExit(f"gradlab: the build made no pure-Python microtorch wheel: {sorted(p.name for p in out.iterdir())}")
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(wheel, target / wheel.name)
    return target / wheel.name


_wheel: Path | None = None


def on_config(config, **_):
    global _wheel
    _wheel = build_wheel()
    config["extra"].setdefault("gradlab", {})["wheel"] = site_path(_wheel)
    return config


def site_path(wheel: Path) -> str:
    # The sources' hash is in the URL, so no browser keeps an old wheel after microtorch changes
    # (the file name must stay a valid wheel name, so the version can't carry it).
    return f"{SITE_PATH}/{wheel.parent.name}/{wheel.name}"


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    target = site / site_path(_wheel)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(_wheel, target)
    shutil.copy2(RUNNER, site / "assets" / "runtime" / RUNNER.name)
