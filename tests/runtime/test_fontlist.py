"""gradlab_runner/fontlist.py fits the vendored matplotlib: its format is the one that
font_manager.py accepts (any other and matplotlib rebuilds the list at every page load) and it
lists exactly the fonts the wheel holds. When this fails, rerun scripts/make_fontlist.py."""

from __future__ import annotations

import importlib.util
import json
import re
import zipfile

import pytest

from gradlab_runner.fontlist import FONT_LIST
from tests.support.site import ROOT


@pytest.fixture(scope="module")
def matplotlib_wheel() -> zipfile.ZipFile:
    spec = importlib.util.spec_from_file_location("vendor_for_fontlist", ROOT / "scripts" / "vendor_pyodide.py")
    vendor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vendor)
    lock = vendor.cache_dir() / vendor.LOCK
    if not lock.exists():
        pytest.skip("the runtime cache is cold: run `make runtime`")
    name = json.loads(lock.read_text())["packages"]["matplotlib"]["file_name"]
    with zipfile.ZipFile(lock.parent / name) as wheel:
        yield wheel


def test_the_font_list_has_the_format_the_vendored_matplotlib_reads(matplotlib_wheel):
    source = matplotlib_wheel.read("matplotlib/font_manager.py").decode()
    assert FONT_LIST["_version"] == int(re.search(r"^    __version__ = (\d+)$", source, re.M)[1])


def test_the_font_list_names_every_font_of_the_wheel_and_no_other(matplotlib_wheel):
    data = "matplotlib/mpl-data/"
    fonts = {name[len(data):] for name in matplotlib_wheel.namelist()
             if name.startswith(data + "fonts/") and name.endswith((".ttf", ".afm"))}
    listed = [font["fname"] for font in FONT_LIST["ttflist"] + FONT_LIST["afmlist"]]
    assert sorted(listed) == sorted(fonts)
