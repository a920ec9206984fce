"""scripts/hooks/cells.py: the microtorch wheel is built once per version of the sources."""

from __future__ import annotations

import importlib.util
import zipfile

import pytest

from tests.support.site import ROOT


@pytest.fixture
def hook(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADLAB_CACHE", str(tmp_path))
    spec = importlib.util.spec_from_file_location("cells_hook_under_test", ROOT / "scripts/hooks/cells.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_wheel_is_built_once_and_holds_microtorch(hook, monkeypatch):
    wheel = hook.build_wheel()
    assert wheel.name.startswith("microtorch-") and wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "microtorch/__init__.py" in names and "microtorch/nn/__init__.py" in names
    # Same sources: the cached wheel comes back without running the build again.
    monkeypatch.setattr(hook.subprocess, "run", lambda *a, **k: pytest.fail("rebuilt unchanged sources"))
    assert hook.build_wheel() == wheel
    assert hook.site_path(wheel) == f"assets/wheels/{hook.fingerprint()}/{wheel.name}"


def test_changed_sources_change_the_fingerprint(hook, monkeypatch):
    before = hook.fingerprint()
    original = hook.sources
    monkeypatch.setattr(hook, "sources", lambda: original()[:-1])
    assert hook.fingerprint() != before
