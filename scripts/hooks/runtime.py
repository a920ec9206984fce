"""MkDocs hook: the Python runtime of code cells, everything between the page and `import torch`.

It puts into the built site:

    assets/pyodide/                         Pyodide's verified core files and package wheels
                                            (self-hosted mode; `make runtime` caches them)
    assets/wheels/<key>/microtorch-….whl    ONE wheel: microtorch, the cell runner
                                            (gradlab_runner) and the data sets (gradlab_data),
                                            packed by pyproject.toml
    assets/pyodide/gradlab-lock-<hash>.json Pyodide's lock file plus that wheel, so the worker
                                            loads it by name and Pyodide checks its sha256
    assets/pyodide/python_stdlib-<hash>.zip     the standard library a start needs, bytecode
    assets/pyodide/python_stdlib_more-<hash>.zip  the rest of it, fetched on first import
    assets/pyodide/gradlab-runtime-<hash>.json  the manifest: all the worker reads
    assets/runtime/worker-<hash>.js         the worker

and gives the page the worker's and the manifest's URLs in the page config (extra.gradlab →
<script id="gradlab-config">). Every name carries a hash of what it holds (<key>: of the
wheel's sources), so a deploy never leaves a reader on a stale copy. The manifest:

    {
      "indexURL": "./",                 # Pyodide's core files, relative to the manifest
      "integrity": {"pyodide.js": "sha256-<base64>"},   # the one file the worker fetches itself
      "lockFileURL": "gradlab-lock-<hash>.json",        # relative to the manifest
      "packages": ["microtorch"],       # loaded at start (NumPy comes as its dependency)
      "runner": "gradlab_runner",       # the module that runs cells, imported from the wheel
      "stdLibURL": "python_stdlib-<hash>.zip",          # self-hosted only, as the next field
      "moreStdlib": {"url": "python_stdlib_more-<hash>.zip", "sha256": "<hex>",
                     "modules": ["argparse", "encodings.cp1252", ...]}   # what it holds
    }

mkdocs.yml's `extra.gradlab.runtime` picks where Pyodide comes from: `self-hosted` (default) or
`cdn`: indexURL is then Pyodide's CDN (the worker checks pyodide.js against its integrity either
way), and the lock names the wheel by its absolute URL under site_url, since Pyodide resolves
every file name in a lock against indexURL.

The wheel: `python -m build` makes it, with sources, and pyodide-build (the tool venv
.venv-pyodide, Python 3.12 like Pyodide, created by make) adds it to Pyodide's lock
(`pyodide lockfile add-wheels`); only that entry joins Pyodide's own lock. KIND says how the
wheel carries its Python; scripts/bench_runtime.py --wheels times each in the browser:
- "plain": sources only, compiled by Pyodide at every start;
- "sourceless": `pyodide py-compile`, bytecode only, so `inspect.getsource` fails (lesson 6
  prints microtorch's own code with it);
- "pycache": sources, and beside them the bytecode in __pycache__ as unchecked-hash .pyc files
  (PEP 552: used without comparing timestamps, which unpacking a wheel does not keep).
All this runs only when the sources change: results are cached under ~/.cache/gradlab/wheels/<key>/.

Pyodide's own wheels (NumPy, matplotlib and what they need) hold sources only, so every page load
compiled NumPy before the first cell and matplotlib's ~180 modules before the first plot. In
self-hosted mode the site serves them bytecode-compiled (`pyodide py-compile`, once per runtime,
cached under ~/.cache/gradlab/wheels/compiled-<key>/) from assets/wheels/compiled-<key>/, a folder
named by what it holds so no browser keeps a stale copy, and the site's lock names them with their
new sha256. Measured in Node, medians of alternating runs on a loaded 2-core machine: importing
NumPy 382 → 274 ms, matplotlib.pyplot 6.3-6.7 s → 1.4-3.6 s, for +0.5 MB (NumPy) and +2 MB
(matplotlib and its dependencies) to download. The cdn mode keeps the CDN's wheels.

Those compiled wheels also leave out what only a compiler or a type checker reads (UNUSED: C
headers and sources, static libraries, Cython declarations, type stubs, and NumPy's Fortran
wrapper generator f2py, which needs a compiler the browser lacks): 0.5 MB of NumPy's 3.6 MB, which
every first Run downloads. In self-hosted mode the site's lock lists only the packages the site
serves (Pyodide's lists ~250, 106 KB of JSON fetched before the first Run), so importing any other
is Python's plain ModuleNotFoundError, not a failed download.

Pyodide's python_stdlib.zip, too, holds sources only (2.4 MB), and every start compiled the ~160
modules that starting Python, NumPy and microtorch import. In self-hosted mode the site serves it
in two parts (split_stdlib): the modules of AT_START, bytecode only (`pyodide py-compile`; zipimport
reads .pyc files without sources), which Pyodide loads as its standard library; and the rest, as
sources, which gradlab_runner.more_stdlib fetches on the first import of one of its modules, so
every module still imports. Measured in Node with the course's runner: Python's start 3.1-3.5 s
-> 1.2 s; 2.36 MB -> 2.04 MB before the first output (the rest: 1.24 MB, when asked for).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
MODES = ("self-hosted", "cdn")
PACKAGES = ("microtorch", "gradlab_runner", "gradlab_data")  # what the wheel holds (pyproject.toml finds them)
RUNNER = "gradlab_runner"
WHEEL = "microtorch"  # the wheel's package name in the lock
KINDS = ("plain", "sourceless", "pycache")
KIND = "pycache"  # faster than plain, and unlike sourceless it keeps inspect.getsource working
TOOLS = ROOT / ".venv-pyodide" / "bin"
PYODIDE_CLI = TOOLS / "pyodide"
TOOL_PINS = ROOT / "requirements-pyodide.txt"
WORKER = ROOT / "overrides" / "assets" / "runtime" / "worker.js"
TARGET = "assets/pyodide"
# Files in Pyodide's wheels that nothing reads at run time (NumPy imports f2py only when asked).
UNUSED = re.compile(r"\.(h|c|a|pc|pxd|pyi)$|/include/|^numpy/f2py/")
STDLIB = "python_stdlib.zip"
# What the course imports from the standard library, by top-level name (scripts/stdlib_imports.py
# runs every cell and challenge in Pyodide and lists them; tests/browser/test_lessons.py fails if
# a lesson needs the rest), and three small modules a learner reaches for: statistics, fractions
# (which statistics imports) and timeit. Of encodings, only the codecs the course uses: the others
# are imported by name when a codec is looked up, and so come from the rest like any module.
AT_START = frozenset("""
    __future__ _compat_pickle _compression _pyodide _weakrefset ast asyncio base64 bisect bz2
    calendar collections concurrent contextlib contextvars copy copyreg csv ctypes dataclasses
    datetime decimal dis email encodings enum fnmatch fractions functools gzip hashlib heapq hmac
    html importlib inspect ipaddress json keyword linecache locale logging numbers opcode operator
    pathlib pickle pkgutil platform pprint pyodide quopri random re reprlib secrets selectors
    shlex shutil signal socket statistics string struct subprocess tarfile tempfile textwrap
    threading timeit token tokenize traceback types typing urllib uuid warnings weakref zipfile
    encodings.aliases encodings.cp437 encodings.utf_8
""".split())
SPLIT_PACKAGES = ("encodings",)  # split module by module; every other package stays whole
log = logging.getLogger("mkdocs.hooks.runtime")


def _load_vendor():
    spec = importlib.util.spec_from_file_location("vendor_pyodide", ROOT / "scripts" / "vendor_pyodide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vendor = _load_vendor()


def cache_root() -> Path:
    return Path(os.environ.get("GRADLAB_CACHE") or Path.home() / ".cache" / "gradlab") / "wheels"


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def sri(sha256_hex: str) -> str:
    return "sha256-" + base64.b64encode(bytes.fromhex(sha256_hex)).decode()


# --- the wheel and its lock file -------------------------------------------------------------------


def sources() -> list[Path]:
    # The data files too (gradlab_data's *.gz): a new data set must make a new wheel.
    files = [ROOT / "pyproject.toml", *(path for package in PACKAGES for pattern in ("*.py", "*.gz") for path in sorted((ROOT / package).rglob(pattern)))]
    return [path for path in files if path.is_file() and "__pycache__" not in path.parts]


def fingerprint(kind: str = KIND) -> str:
    """A hash of everything the wheel and its lock file are made from, this hook included."""
    made_by = TOOL_PINS.read_bytes() + Path(__file__).read_bytes()
    digest = hashlib.sha256(f"{kind}\0{vendor.CORE[vendor.LOCK]}\0".encode() + made_by)
    for path in sources():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel(official_lock: Path, kind: str = KIND) -> tuple[Path, Path]:
    """(the wheel, Pyodide's lock with the wheel added), from the cache or built now."""
    target = cache_root() / fingerprint(kind)
    lock = target / "pyodide-lock.json"
    found = sorted(target.glob(f"{WHEEL}-*.whl"))
    if found and lock.is_file():
        return found[0], lock
    _need_tools()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        wheel = _setuptools_wheel(Path(scratch), out)
        if kind == "pycache":
            _add_pycache(wheel, Path(scratch))
        _run([str(PYODIDE_CLI), "lockfile", "add-wheels", wheel.name, "--input", str(official_lock), "--output", lock.name], out)
        if kind == "sourceless":  # replaces the wheel in `out` and its entry in the lock file beside it
            _run([str(PYODIDE_CLI), "py-compile", "--silent", "."], out)
        wheel = next(out.glob(f"{WHEEL}-*.whl"))
        # Only the wheel's entry is taken from the tool: pyodide-lock 0.2 writes a newer schema
        # (it drops info.version, which Pyodide 0.27.7 checks), so every other byte of the lock
        # stays Pyodide's own.
        merged = json.loads(official_lock.read_text())
        merged["packages"][WHEEL] = json.loads((out / lock.name).read_text())["packages"][WHEEL]
        _publish(target, {wheel.name: wheel, lock.name: (json.dumps(merged, separators=(",", ":")) + "\n").encode()})
    return target / wheel.name, lock


def compiled_wheels(cache, wheels: dict[str, str]) -> tuple[Path, dict[str, dict]]:
    """Pyodide's `wheels` ({file name: sha256}, verified in `cache`) as bytecode: (the folder that
    holds them, {package: its entry for the lock}), from the cache or compiled now."""
    target = _cache_entry("compiled", UNUSED.pattern.encode() + json.dumps(wheels, sort_keys=True).encode())
    entries_file = target / "entries.json"
    if entries_file.is_file():
        return target, json.loads(entries_file.read_text())
    _need_tools()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name in wheels:
            shutil.copy2(cache.path(name), work / name)
        official = json.loads(cache.path(vendor.LOCK).read_text())
        mine = {package: entry for package, entry in official["packages"].items() if entry["file_name"] in wheels}
        # py-compile rewrites the names and checksums of a pyodide-lock.json beside the wheels.
        (work / "pyodide-lock.json").write_text(json.dumps({**official, "packages": mine}))
        _run([str(PYODIDE_CLI), "py-compile", "--silent", "."], work)
        entries = json.loads((work / "pyodide-lock.json").read_text())["packages"]
        for entry in entries.values():
            entry["sha256"] = _strip_unused(work / entry["file_name"])
        files = {entry["file_name"]: work / entry["file_name"] for entry in entries.values()}
        _publish(target, {**files, entries_file.name: json.dumps(entries, indent=1).encode()})
    return target, json.loads(entries_file.read_text())


def _strip_unused(wheel: Path) -> str:
    """Rewrite `wheel` without its UNUSED files (and their RECORD lines); returns its new sha256."""
    stripped = wheel.with_suffix(".stripped")
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if UNUSED.search(item.filename):
                continue
            data = source.read(item)
            if item.filename.endswith(".dist-info/RECORD"):
                lines = data.decode().splitlines(keepends=True)
                data = "".join(line for line in lines if not UNUSED.search(line.split(",", 1)[0])).encode()
            target.writestr(item, data)
    os.replace(stripped, wheel)
    return hashlib.sha256(wheel.read_bytes()).hexdigest()


# --- the standard library ----------------------------------------------------------------------

def module_of(entry: str) -> str:
    """The module a file of the stdlib zip belongs to, named as in AT_START: its top-level module
    or package, or in a SPLIT_PACKAGES package its submodule ('encodings/cp1252.py' -> 'encodings.cp1252')."""
    parts = entry.rstrip("/").split("/")
    top = parts[0].removesuffix(".py")
    if top in SPLIT_PACKAGES and len(parts) == 2 and parts[1] != "__init__.py":
        return f"{top}.{parts[1].removesuffix('.py')}"
    return top


def split_stdlib(cache) -> tuple[Path, dict]:
    """Pyodide's verified stdlib zip in two parts: (the folder that holds them, {"start": the file
    Pyodide loads, "more": {"file", "sha256", "modules": the importable names it holds}}), from the
    cache or made now. What is not an importable name (site-packages/README.txt) stays at start."""
    target = _cache_entry("stdlib", json.dumps([vendor.CORE[STDLIB], sorted(AT_START), SPLIT_PACKAGES]).encode())
    parts_file = target / "parts.json"
    if parts_file.is_file():
        return target, json.loads(parts_file.read_text())
    _need_tools()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        moved = set()
        with zipfile.ZipFile(cache.path(STDLIB)) as source, \
             zipfile.ZipFile(work / "start.zip", "w", zipfile.ZIP_DEFLATED) as start, \
             zipfile.ZipFile(work / "more.zip", "w", zipfile.ZIP_DEFLATED) as more:
            for item in source.infolist():
                module = module_of(item.filename)
                importable = all(part.isidentifier() for part in module.split("."))
                part = more if importable and module not in AT_START else start
                if part is more:
                    moved.add(module)
                # A new entry, not `item` itself: writing one ZipInfo into a zip sets its offset there.
                part.writestr(zipfile.ZipInfo(item.filename, item.date_time), source.read(item), zipfile.ZIP_DEFLATED)
        _run([str(PYODIDE_CLI), "py-compile", "--silent", "start.zip"], work)  # rewrites it in place
        start_name = f"python_stdlib-{short_hash((work / 'start.zip').read_bytes())}.zip"
        more_bytes = (work / "more.zip").read_bytes()
        more_name = f"python_stdlib_more-{short_hash(more_bytes)}.zip"
        parts = {"start": start_name, "more": {"file": more_name, "sha256": hashlib.sha256(more_bytes).hexdigest(), "modules": sorted(moved)}}
        _publish(target, {start_name: work / "start.zip", more_name: more_bytes, parts_file.name: json.dumps(parts, indent=1).encode()})
    return target, json.loads(parts_file.read_text())


def _setuptools_wheel(scratch: Path, out: Path) -> Path:
    # Built from a copy holding only the packages: setuptools writes build/ and *.egg-info/ next
    # to the sources.
    work = scratch / "src"
    for package in PACKAGES:
        shutil.copytree(ROOT / package, work / package, ignore=shutil.ignore_patterns("__pycache__"))
    for extra in ["pyproject.toml", *(p.name for p in ROOT.glob("README*")), *(p.name for p in ROOT.glob("LICENSE*"))]:
        shutil.copy2(ROOT / extra, work / extra)
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(work)], scratch)
    wheel = next(out.glob(f"{WHEEL}-*-py3-none-any.whl"), None)
    if wheel is None:
        raise PluginError(f"gradlab: the build made no pure-Python {WHEEL} wheel: {sorted(p.name for p in out.iterdir())}")
    return wheel


def _add_pycache(wheel: Path, scratch: Path) -> None:
    """Repack `wheel` with Python 3.12 bytecode beside its sources."""
    unpacked = scratch / "unpacked"
    _run([str(TOOLS / "wheel"), "unpack", str(wheel), "-d", str(unpacked)], scratch)
    [tree] = unpacked.iterdir()
    _run([str(TOOLS / "python"), "-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash", str(tree)], scratch)
    _run([str(TOOLS / "wheel"), "pack", str(tree), "-d", str(wheel.parent)], scratch)


def _cache_entry(prefix: str, made_of: bytes) -> Path:
    """The cache folder for what pyodide-build (at its pinned version) makes of `made_of`."""
    return cache_root() / f"{prefix}-{hashlib.sha256(TOOL_PINS.read_bytes() + made_of).hexdigest()[:12]}"


def _publish(target: Path, files: dict[str, Path | bytes]) -> None:
    """Make the cache entry `target` of `files` (a copy of each path, or the bytes). Staged beside
    it and renamed into place: a build running in parallel (the test suite's workers) sees the
    whole entry or none of it, and the first to finish keeps its own."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=target.parent, prefix=".staged-"))
    for name, source in files.items():
        if isinstance(source, bytes):
            (staged / name).write_bytes(source)
        else:
            shutil.copy2(source, staged / name)
    try:
        os.replace(staged, target)
    except OSError:  # another build of the same sources got there first
        shutil.rmtree(staged)


def _need_tools() -> None:
    if not PYODIDE_CLI.exists():
        raise PluginError(f"gradlab: pyodide-build is missing ({PYODIDE_CLI}); run `make build` (it creates .venv-pyodide).")


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"gradlab: `{' '.join(command)}` failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


# --- the build ----------------------------------------------------------------------------------


class Runtime:
    """What one build puts into the site: worked out when the config loads, so that pages can
    name the hashed files, and written once the site is built."""

    def __init__(self, mode: str, site_url: str):
        self.mode = mode
        cache = vendor.Cache(vendor.cache_dir())
        try:
            if mode == "self-hosted":
                self.runtime = vendor.cached_runtime(cache)
            elif cache.holds(vendor.LOCK, vendor.CORE[vendor.LOCK]):
                self.runtime = {}  # cdn mode serves none of Pyodide, but extends its verified lock
            else:
                raise vendor.VendorError(f"{cache.path(vendor.LOCK)} is missing or damaged")
        except vendor.VendorError as e:
            raise PluginError(f"gradlab: the Pyodide runtime is not in the cache ({e}); run `make runtime`") from None
        self.cache = cache
        self.wheel, lock_file = build_wheel(cache.path(vendor.LOCK))
        self.wheel_path = f"assets/wheels/{self.wheel.parent.name}/{self.wheel.name}"
        lock = json.loads(lock_file.read_text())
        lock["packages"][WHEEL]["file_name"] = self._wheel_url(site_url)
        self.compiled, self.compiled_path = None, None
        self.stdlib, self.stdlib_parts = None, None
        if mode == "self-hosted":
            self.stdlib, self.stdlib_parts = split_stdlib(cache)
            wheels = {name: sha for name, sha in self.runtime.items() if name.endswith(".whl")}
            self.compiled, entries = compiled_wheels(cache, wheels)
            self.compiled_path = f"assets/wheels/{self.compiled.name}"
            # Only what the site serves: the compiled wheels and the course's own.
            lock["packages"] = {WHEEL: lock["packages"][WHEEL]} | {
                package: {**entry, "file_name": f"../wheels/{self.compiled.name}/{entry['file_name']}"} for package, entry in entries.items()
            }
        self.lock = (json.dumps(lock, separators=(",", ":")) + "\n").encode()
        self.lock_name = f"gradlab-lock-{short_hash(self.lock)}.json"
        self.manifest = (json.dumps(self._manifest(), indent=1) + "\n").encode()
        self.manifest_path = f"{TARGET}/gradlab-runtime-{short_hash(self.manifest)}.json"
        self.worker_path = f"assets/runtime/worker-{short_hash(WORKER.read_bytes())}.js"

    def _wheel_url(self, site_url: str) -> str:
        """The wheel's file name in the lock, which Pyodide resolves against indexURL."""
        if self.mode == "self-hosted":
            return f"../{self.wheel_path.removeprefix('assets/')}"
        if not site_url:
            raise PluginError("mkdocs.yml: extra.gradlab.runtime: cdn needs site_url, so the lock file can name the wheel by its absolute URL")
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", self.wheel_path)

    def _manifest(self) -> dict:
        manifest = {
            "indexURL": vendor.CDN if self.mode == "cdn" else "./",
            "integrity": {"pyodide.js": sri(vendor.CORE["pyodide.js"])},
            "lockFileURL": self.lock_name,
            "packages": [WHEEL],
            "runner": RUNNER,
        }
        if self.stdlib_parts:
            more = self.stdlib_parts["more"]
            manifest["stdLibURL"] = self.stdlib_parts["start"]
            manifest["moreStdlib"] = {"url": more["file"], "sha256": more["sha256"], "modules": more["modules"]}
        return manifest

    def write(self, site: Path) -> None:
        target = site / TARGET
        target.mkdir(parents=True, exist_ok=True)
        total = 0
        for name in self.runtime:
            # The lock is the site's own, the wheels are compiled and the stdlib is split.
            if name not in (vendor.LOCK, STDLIB) and not name.endswith(".whl"):
                total += _copy(self.cache.path(name), target / name)
        if self.stdlib:
            for part in (self.stdlib_parts["start"], self.stdlib_parts["more"]["file"]):
                total += _copy(self.stdlib / part, target / part)
        if self.compiled:
            (site / self.compiled_path).mkdir(parents=True, exist_ok=True)
            for wheel in self.compiled.glob("*.whl"):
                total += _copy(wheel, site / self.compiled_path / wheel.name)
        if total:
            log.info(f"gradlab: Pyodide {vendor.VERSION} runtime in {TARGET} ({total / 1e6:.1f} MB)")
        (target / self.lock_name).write_bytes(self.lock)
        (site / self.manifest_path).write_bytes(self.manifest)
        (site / self.wheel_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.wheel, site / self.wheel_path)
        (site / self.worker_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(WORKER, site / self.worker_path)


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


_runtime: Runtime | None = None


def on_config(config):
    global _runtime
    gradlab = config.extra.setdefault("gradlab", {})
    if not isinstance(gradlab, dict):
        raise PluginError(f"mkdocs.yml: extra.gradlab: expected a mapping, got {gradlab!r}")
    mode = gradlab.setdefault("runtime", "self-hosted")
    if mode not in MODES:
        raise PluginError(f"mkdocs.yml: extra.gradlab.runtime: expected one of {', '.join(MODES)}; got {mode!r}")
    _runtime = Runtime(mode, config.site_url or "")
    gradlab["worker"] = _runtime.worker_path
    gradlab["manifest"] = _runtime.manifest_path
    return config


def on_files(files, config):
    # Only the hashed copy of the worker is served (MkDocs would also copy the theme's file).
    stale = files.get_file_from_path(WORKER.relative_to(ROOT / "overrides").as_posix())
    if stale is not None:
        files.remove(stale)
    return files


def on_post_build(config, **_):
    _runtime.write(Path(config.site_dir))
