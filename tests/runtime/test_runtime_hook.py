"""scripts/hooks/runtime.py and frontend.py on the real sources: the one wheel (microtorch and the
cell runner), the site's lock file that lists it, and what a built site hands the page and the
worker: two hashed URLs in the page config, and a manifest that is all the worker reads."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.site import ROOT

def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def official_lock() -> Path:
    vendor = _load("vendor_for_wheel_tests", ROOT / "scripts" / "vendor_pyodide.py")
    lock = vendor.cache_dir() / vendor.LOCK
    if not lock.exists():
        pytest.skip("the runtime cache is cold: run `make runtime`")
    return lock


@pytest.fixture
def hook(tmp_path, monkeypatch, official_lock):
    monkeypatch.setenv("GRADLAB_CACHE", str(tmp_path))  # a cold wheel cache
    return _load("runtime_hook_under_test", ROOT / "scripts" / "hooks" / "runtime.py")


def modules(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {re.sub(r"(__pycache__/)?(\w+)(\.cpython-312)?\.pyc?$", r"\2", name) for name in archive.namelist() if re.search(r"\.pyc?$", name)}


def pyc_flags(archive: zipfile.ZipFile, name: str) -> int:
    return int.from_bytes(archive.read(name)[4:8], "little")  # PEP 552: 1 = hash-based, unchecked


@pytest.mark.parametrize("kind", ["plain", "sourceless", "pycache"])
def test_one_wheel_holds_microtorch_and_the_runner_and_the_lock_lists_it(hook, official_lock, monkeypatch, kind):
    wheel, lock_file = hook.build_wheel(official_lock, kind)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        sources = {name for name in names if name.endswith(".py")}
        cached = {name for name in names if name.endswith(".pyc")}
        assert "gradlab_data/digits.gz" in names  # lesson 11's data travels with its loader
        if kind == "pycache":  # every module twice: its source, and bytecode that needs no timestamp
            assert {re.sub(r"__pycache__/(\w+)\.cpython-312\.pyc$", r"\1.py", name) for name in cached} == sources
            assert {pyc_flags(archive, name) for name in cached} == {1}
    assert wheel.name == ("microtorch-0.1.0-cp312-none-any.whl" if kind == "sourceless" else "microtorch-0.1.0-py3-none-any.whl")
    assert (not sources, not cached) == {"plain": (False, True), "sourceless": (True, False), "pycache": (False, False)}[kind]
    # Found by setuptools' discovery: every subpackage, and the runner beside microtorch.
    assert {"microtorch/__init__", "microtorch/nn/__init__", "microtorch/nn/modules/__init__",
            "microtorch/optim/__init__", "gradlab_runner/__init__"} <= modules(wheel)
    lock, official = json.loads(lock_file.read_text()), json.loads(official_lock.read_text())
    entry = lock["packages"].pop("microtorch")
    assert entry["file_name"] == wheel.name and entry["sha256"] == sha(wheel)
    assert entry["depends"] == ["numpy"] and set(entry["imports"]) == {"microtorch", "gradlab_runner", "gradlab_data"}
    assert lock == official  # the rest is Pyodide's lock, untouched
    # Same sources: the cached wheel comes back without running a tool again.
    monkeypatch.setattr(hook.subprocess, "run", lambda *a, **k: pytest.fail("rebuilt unchanged sources"))
    assert hook.build_wheel(official_lock, kind) == (wheel, lock_file)


def test_changed_sources_or_kind_change_the_fingerprint(hook, monkeypatch):
    before = hook.fingerprint()
    assert len({hook.fingerprint(kind) for kind in hook.KINDS}) == len(hook.KINDS)
    original = hook.sources
    monkeypatch.setattr(hook, "sources", lambda: original()[:-1])
    assert hook.fingerprint() != before


# --- a built site ----------------------------------------------------------------------------------


def page_config(html: str) -> dict:
    return json.loads(re.search(r'<script id="gradlab-config" type="application/json">(.*?)</script>', html, re.S)[1])


def test_the_page_names_the_worker_and_the_manifest_and_the_manifest_the_rest(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    config = page_config(html)
    assert "wheel" not in config and ".whl" not in html
    assert re.fullmatch(r"assets/runtime/worker-[0-9a-f]{12}\.js", config["worker"])
    manifest_file = site_dir / config["manifest"]
    manifest = json.loads(manifest_file.read_text())
    assert set(manifest) == {"indexURL", "integrity", "lockFileURL", "packages", "runner", "stdLibURL", "moreStdlib"}
    index = manifest_file.parent / manifest["indexURL"]
    lock = json.loads((manifest_file.parent / manifest["lockFileURL"]).read_text())
    [package] = manifest["packages"]
    wheel = (index / lock["packages"][package]["file_name"]).resolve()
    assert wheel.is_relative_to(site_dir.resolve()) and sha(wheel) == lock["packages"][package]["sha256"]
    assert manifest["runner"] + "/__init__" in modules(wheel)  # imported from the wheel...
    assert not list(site_dir.rglob("runner.py"))  # ...not fetched as text
    assert not (site_dir / "assets" / "runtime" / "worker.js").exists()  # only the hashed copy


def _hash_in(url: str) -> str | None:
    parts = urlsplit(url)
    found = re.search(r"v=([0-9a-f]{12})$", parts.query) or re.search(r"-([0-9a-f]{12})\.js$", parts.path)
    return found and found[1]


def test_every_script_url_carries_a_hash_of_its_content(site_dir):
    pages = [path for path in site_dir.rglob("*.html") if "assets" not in path.relative_to(site_dir).parts]
    assert len(pages) >= 3
    base = "http://site.test/"
    seen = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        here = urljoin(base, page.relative_to(site_dir).as_posix())
        urls = re.findall(r'<script\b[^>]*\ssrc="([^"]+)"', html) + [urljoin(base, page_config(html)["worker"])]
        for url in urls:
            absolute = urljoin(here, url)
            path = site_dir / urlsplit(absolute).path.removeprefix("/")
            if urlsplit(absolute).path.startswith("/assets/javascripts/"):
                assert re.search(r"\.[0-9a-f]{8}\.min\.js$", path.name), absolute  # Material hashes its own
            else:
                assert _hash_in(absolute) == sha(path)[:12], f"{page.relative_to(site_dir)}: {url}"
            seen.add(urlsplit(absolute).path.rsplit("/", 1)[-1].split("-")[0].split(".")[0])
    assert {"coi", "gradlab", "worker", "bundle"} <= seen
    # The entry is renamed after esbuild wrote it, which is safe only if no chunk imports it.
    entry = next((site_dir / "assets" / "gradlab").glob("gradlab-*.js")).name
    for chunk in (site_dir / "assets" / "gradlab" / "chunks").glob("*.js"):
        assert "gradlab.js" not in chunk.read_text() and entry not in chunk.read_text(), chunk.name


def test_pyodides_own_wheels_are_served_compiled_and_the_lock_names_them(site_dir):
    manifest_file = site_dir / page_config((site_dir / "index.html").read_text(encoding="utf-8"))["manifest"]
    manifest = json.loads(manifest_file.read_text())
    lock = json.loads((manifest_file.parent / manifest["lockFileURL"]).read_text())
    served = {"numpy", "matplotlib", "micropip", "packaging"}
    for package in served | {dep for name in served for dep in lock["packages"][name]["depends"]}:
        entry = lock["packages"][package]
        wheel = (manifest_file.parent / manifest["indexURL"] / entry["file_name"]).resolve()
        assert wheel.parent.name.startswith("compiled-") and sha(wheel) == entry["sha256"], package
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
        assert any(name.endswith(".pyc") for name in names) and not any(name.endswith(".py") for name in names), package
    assert not list((site_dir / "assets" / "pyodide").glob("*.whl"))  # the sources-only wheels stay out


def test_the_standard_library_is_served_in_two_parts_and_the_start_is_bytecode(site_dir):
    """Every file of Pyodide's stdlib zip is in one part: AT_START's modules as bytecode in the zip
    Pyodide loads, the rest as sources in the zip the runner fetches on a first import."""
    hook = _load("runtime_hook_for_stdlib", ROOT / "scripts" / "hooks" / "runtime.py")
    manifest_file = site_dir / page_config((site_dir / "index.html").read_text(encoding="utf-8"))["manifest"]
    manifest = json.loads(manifest_file.read_text())
    start_file = manifest_file.parent / manifest["stdLibURL"]
    more, more_file = manifest["moreStdlib"], manifest_file.parent / manifest["moreStdlib"]["url"]
    for path in (start_file, more_file):
        assert re.search(r"-([0-9a-f]{12})\.zip$", path.name)[1] == sha(path)[:12]  # named by content
    assert sha(more_file) == more["sha256"]
    assert not (site_dir / "assets" / "pyodide" / "python_stdlib.zip").exists()  # only the two parts
    with zipfile.ZipFile(hook.vendor.Cache(hook.vendor.cache_dir()).path("python_stdlib.zip")) as official, \
         zipfile.ZipFile(start_file) as start, zipfile.ZipFile(more_file) as rest:
        originals = set(official.namelist())
        started, moved = set(start.namelist()), set(rest.namelist())
        assert not any(name.endswith(".py") for name in started)  # sourceless: nothing compiles at start
        assert start.read("json/decoder.pyc")[:4] == b"\xcb\r\r\n"  # Python 3.12's bytecode, as Pyodide's
        assert {name[:-1] if name.endswith(".pyc") else name for name in started} | moved == originals
        assert not {name + "c" for name in moved} & started
    named = {hook.module_of(name) for name in moved}
    assert set(more["modules"]) == named and not named & hook.AT_START
    assert {"xml", "unittest", "http", "argparse", "encodings.cp1252"} <= named          # none of the course's
    assert {"json", "asyncio", "encodings.utf_8", "statistics"} <= {hook.module_of(n.removesuffix("c")) for n in started}
    assert hook.module_of("encodings/__init__.py") == "encodings" and hook.module_of("email/mime/text.py") == "email"


def test_the_lock_lists_only_what_the_site_serves_and_wheels_carry_nothing_unused(site_dir):
    # Both are fetched before a reader's first output: Pyodide's whole lock was 106 KB of JSON,
    # NumPy's headers, stubs, static libraries and f2py 0.5 MB of its 3.6 MB wheel.
    manifest_file = site_dir / page_config((site_dir / "index.html").read_text(encoding="utf-8"))["manifest"]
    manifest = json.loads(manifest_file.read_text())
    lock_file = manifest_file.parent / manifest["lockFileURL"]
    lock = json.loads(lock_file.read_text())
    wheels = {package: (manifest_file.parent / manifest["indexURL"] / entry["file_name"]).resolve() for package, entry in lock["packages"].items()}
    assert {package for package, wheel in wheels.items() if not wheel.is_file()} == set()
    assert {dep for entry in lock["packages"].values() for dep in entry["depends"]} <= set(lock["packages"])
    assert {"microtorch", "numpy", "matplotlib"} <= set(lock["packages"]) and lock_file.stat().st_size < 10_000
    unused = re.compile(r"\.(h|c|a|pc|pxd|pyi)$|/include/|^numpy/f2py/")
    for package, wheel in wheels.items():
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
            [record] = [name for name in names if name.endswith(".dist-info/RECORD")]
            recorded = {line.split(",", 1)[0] for line in archive.read(record).decode().splitlines()}
        assert not {name for name in names | recorded if unused.search(name)}, package  # RECORD too
    with zipfile.ZipFile(wheels["numpy"]) as archive:  # what `import numpy` needs stays
        assert {"numpy/_core/_multiarray_tests.cpython-312-wasm32-emscripten.so", "numpy/testing/__init__.pyc"} <= set(archive.namelist())
