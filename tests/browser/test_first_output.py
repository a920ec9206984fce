"""What a reader downloads before the first output of a cell: the Python runtime once, and nothing
that output does not need (no plotting package, no file twice). scripts/bench_runtime.py
--throttled measures the bytes and the time on a slow connection."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_codecells import run, type_code

pytestmark = pytest.mark.browser

# The runtime's files, their content hashes taken out so the test names what, not which build.
RUNTIME = re.compile(r"/assets/(pyodide|wheels|runtime)/")
UNHASHED = ((re.compile(r"-[0-9a-f]{12}\.(js|json|zip)$"), r".\1"), (re.compile(r"^(\w+)-[^/]*\.whl$"), r"\1 wheel"))
NEEDED = {"worker.js", "gradlab-runtime.json", "pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
          "gradlab-lock.json", "microtorch wheel", "numpy wheel"}  # not python_stdlib_more.zip, the rest of the library


def name(url: str) -> str:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    for pattern, replacement in UNHASHED:
        name = pattern.sub(replacement, name)
    return name


def test_the_first_output_fetches_the_runtime_once_and_nothing_else_of_it(warm_page):
    fetched = [url for url in warm_page.first_output if not url.startswith(("blob:", "data:"))]
    runtime = Counter(name(url) for url in fetched if RUNTIME.search(url))
    assert runtime == Counter(NEEDED), f"runtime files before the first output: {sorted(runtime.elements())}"
    twice = [url for url, count in Counter(fetched).items() if count > 1]
    assert not twice, f"fetched twice before the first output: {twice}"


def test_a_module_outside_the_course_is_fetched_on_its_first_import_and_works(warm_page):
    """The standard library a start needs is one part; importing any other module (here xml, and a
    codec that encodings imports by name) fetches the rest once, and the cell runs as in CPython."""
    more = lambda: [url for url in warm_page.fetched if name(url) == "python_stdlib_more.zip"]  # noqa: E731
    assert more() == []
    type_code(warm_page, "Scratch", "import xml.dom.minidom", 'print(xml.dom.minidom.parseString("<a>ok</a>").documentElement.firstChild.data, "é".encode("cp1252"))')
    expect(run(warm_page, "Scratch")).to_have_text("ok b'\\xe9'")
    type_code(warm_page, "Scratch", "import argparse, http.client", "print(argparse.ArgumentParser(prog='p').prog, http.client.OK)")
    expect(run(warm_page, "Scratch")).to_have_text("p 200")
    assert len(more()) == 1, more()
    warm_page.watch.assert_clean()
