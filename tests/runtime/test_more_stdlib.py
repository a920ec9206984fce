"""gradlab_runner.more_stdlib in CPython: the finder that fetches the rest of the standard library
on a first import, with a fake download instead of the worker's. The zip here stands in for the
site's second part: a top-level package, a module, and a submodule of a package split module by
module (as encodings is, whose start part here is a package made in the test)."""

from __future__ import annotations

import hashlib
import importlib
import io
import sys
import zipfile

import pytest

from gradlab_runner import more_stdlib

FILES = {
    "zzpkg/__init__.py": "NAME = 'package'\n",
    "zzpkg/inner.py": "from . import NAME\nVALUE = NAME + ' inner'\n",
    "zzmodule.py": "import zzpkg.inner\nVALUE = zzpkg.inner.VALUE\n",
    "zzsplit/extra.py": "VALUE = 'from the rest'\n",
}
MODULES = ["zzpkg", "zzmodule", "zzsplit.extra"]


def archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zip_file:
        for name, text in FILES.items():
            zip_file.writestr(name, text)
    return buffer.getvalue()


@pytest.fixture
def finder(tmp_path, monkeypatch):
    """The finder installed with a counting fake download; the split package's start part is a
    folder on sys.path. Everything it imported and put on sys.meta_path is taken away after."""
    start = tmp_path / "start"
    (start / "zzsplit").mkdir(parents=True)
    (start / "zzsplit" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(start))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    data = archive()
    asked = []

    def fetch(url):
        asked.append(url)
        return data

    found = more_stdlib.install("https://site.test/more.zip", hashlib.sha256(data).hexdigest(), MODULES, fetch, tmp_path / "more.zip")
    found.asked = asked
    yield found
    for name in [name for name in sys.modules if name.split(".")[0] in {"zzpkg", "zzmodule", "zzsplit", "zzmissing"}]:
        del sys.modules[name]
    importlib.invalidate_caches()


def test_the_first_import_of_a_module_of_the_rest_fetches_it_once(finder):
    assert finder.asked == []  # installing downloads nothing
    module = importlib.import_module("zzmodule")  # which imports a package and its submodule
    assert module.VALUE == "package inner"
    assert importlib.import_module("zzsplit.extra").VALUE == "from the rest"
    assert finder.asked == ["https://site.test/more.zip"]
    assert sys.meta_path[-1] is finder


def test_a_name_it_does_not_hold_is_not_found_and_downloads_nothing(finder):
    with pytest.raises(ModuleNotFoundError, match="zzmissing"):
        importlib.import_module("zzmissing")
    assert finder.asked == []


def test_a_damaged_or_missing_download_is_an_import_error_that_says_so(finder):
    finder.sha256 = "0" * 64
    with pytest.raises(ImportError, match=r"arrived damaged \(https://site.test/more.zip: wrong sha256\)"):
        importlib.import_module("zzpkg")

    def offline(url):
        raise OSError("the server answered 404")

    finder.fetch = offline
    with pytest.raises(ImportError, match=r"could not be downloaded \(https://site.test/more.zip\): the server answered 404"):
        importlib.import_module("zzpkg")
    assert "zzpkg" not in sys.modules


def test_installing_again_replaces_the_finder(finder, tmp_path):
    again = more_stdlib.install("https://site.test/other.zip", "0" * 64, [], finder.fetch, tmp_path / "other.zip")
    assert [f for f in sys.meta_path if isinstance(f, more_stdlib.MoreStdlib)] == [again]
