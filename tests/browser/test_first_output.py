"""What a reader downloads before the first output of a cell: the Python runtime once, and nothing
that output does not need (no plotting package, no file twice). scripts/bench_runtime.py
--throttled measures the bytes and the time on a slow connection."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# The runtime's files, their content hashes taken out so the test names what, not which build.
RUNTIME = re.compile(r"/assets/(pyodide|wheels|runtime)/")
UNHASHED = ((re.compile(r"-[0-9a-f]{12}\.(js|json)$"), r".\1"), (re.compile(r"^(\w+)-[^/]*\.whl$"), r"\1 wheel"))
NEEDED = {"worker.js", "gradlab-runtime.json", "pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
          "gradlab-lock.json", "microtorch wheel", "numpy wheel"}


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
