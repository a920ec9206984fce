"""MkDocs hook: put the verified Pyodide runtime into the site and tell the page where it is.

mkdocs.yml's `extra.gradlab.runtime` picks where pages load Pyodide from (checked in on_config):
- `self-hosted` (default): the files `make runtime` verified into the cache
  (scripts/vendor_pyodide.py) are copied to site/assets/pyodide/ under their own names;
- `cdn`: nothing is copied; pages load Pyodide's official CDN and check what they get.

Either way the build writes site/assets/pyodide/gradlab-runtime.json, read by the code-cells worker:

    {
      "version": "0.27.7",
      "mode": "self-hosted",             # or "cdn"
      "indexURL": "./",                  # resolve against the manifest's own URL; absolute in cdn mode
      "integrity": {                     # SRI strings for the core files, by file name under indexURL
        "pyodide.mjs": "sha256-<base64>", "pyodide.js": "...", "pyodide.asm.js": "...",
        "pyodide.asm.wasm": "...", "python_stdlib.zip": "...", "pyodide-lock.json": "..."
      },
      "preload": ["numpy", "micropip", "packaging"],   # load when the worker starts
      "onImport": ["matplotlib"]                       # load only when a cell imports it
    }

Wheels need no entry: pyodide-lock.json (covered by "integrity") lists their sha256 and Pyodide
checks every package it loads against it. In self-hosted mode the directory holds exactly the
packages above and their dependencies.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
MODES = ("self-hosted", "cdn")
TARGET = Path("assets") / "pyodide"
MANIFEST = "gradlab-runtime.json"
log = logging.getLogger("mkdocs.hooks.runtime")


def _load_vendor():
    spec = importlib.util.spec_from_file_location("vendor_pyodide", ROOT / "scripts" / "vendor_pyodide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vendor = _load_vendor()


def on_config(config):
    gradlab = config.extra.setdefault("gradlab", {})
    if not isinstance(gradlab, dict):
        raise PluginError(f"mkdocs.yml: extra.gradlab: expected a mapping, got {gradlab!r}")
    mode = gradlab.setdefault("runtime", "self-hosted")
    if mode not in MODES:
        raise PluginError(f"mkdocs.yml: extra.gradlab.runtime: expected one of {', '.join(MODES)}; got {mode!r}")
    return config


def on_post_build(config, **_):
    mode = config.extra["gradlab"]["runtime"]
    target = Path(config.site_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    if mode == "self-hosted":
        copied = copy_runtime(target)
        log.info(f"gradlab: Pyodide {vendor.VERSION} runtime in {TARGET} ({copied / 1e6:.1f} MB)")
    (target / MANIFEST).write_text(json.dumps(manifest(mode), indent=1) + "\n")


def copy_runtime(target: Path) -> int:
    """Copy every verified runtime file from the cache into `target`; returns their total size."""
    cache = vendor.Cache(vendor.cache_dir())
    try:
        files = vendor.cached_runtime(cache)
    except vendor.VendorError as e:
        raise PluginError(f"gradlab: the Pyodide runtime is not in the cache ({e}); run `make runtime`") from None
    total = 0
    for name in files:
        total += _copy(cache.path(name), target / name)
    return total


def _copy(source: Path, dest: Path) -> int:
    """Copy unless `dest` is already this file (same size and mtime, as copy2 leaves it)."""
    src = source.stat()
    try:
        dst = dest.stat()
        same = (dst.st_size, dst.st_mtime_ns) == (src.st_size, src.st_mtime_ns)
    except FileNotFoundError:
        same = False
    if not same:
        shutil.copy2(source, dest)
    return src.st_size


def manifest(mode: str) -> dict:
    return {
        "version": vendor.VERSION,
        "mode": mode,
        "indexURL": vendor.CDN if mode == "cdn" else "./",
        "integrity": {name: sri(sha256) for name, sha256 in vendor.CORE.items()},
        "preload": list(vendor.PRELOAD),
        "onImport": list(vendor.ON_IMPORT),
    }


def sri(sha256_hex: str) -> str:
    return "sha256-" + base64.b64encode(bytes.fromhex(sha256_hex)).decode()
