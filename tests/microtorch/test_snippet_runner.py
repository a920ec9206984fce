"""The harness the differential tests stand on: catalogue parsing, the `torch` alias, and what a
run captures."""

from __future__ import annotations

import importlib
import sys

import pytest

from tests.microtorch import snippet_runner
from tests.microtorch.snippet_runner import Snippet


@pytest.fixture
def fake_torch(tmp_path, monkeypatch):
    """A stand-in package with a submodule, importable as `faketorch`."""
    package = tmp_path / "faketorch"
    (package / "nn").mkdir(parents=True)
    (package / "__init__.py").write_text("NAME = 'fake'\n")
    (package / "nn" / "__init__.py").write_text("import warnings\ndef shout():\n    warnings.warn('loud\\nsecond line')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("faketorch")
    for key in [k for k in sys.modules if k.split(".")[0] == "faketorch"]:
        del sys.modules[key]


def test_catalogue_ids_are_topic_and_name(tmp_path):
    (tmp_path / "topic.py").write_text("# header comment\n\n# %% first\nprint(1)\n\n# %% second-one\nprint(2)\n")
    snippets = snippet_runner.load_catalogue(tmp_path)
    assert [(s.id, s.code) for s in snippets] == [("topic/first", "print(1)\n"), ("topic/second-one", "print(2)\n")]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("# %% twice\nprint(1)\n# %% twice\nprint(2)\n", "used twice"),
        ("# %% Not A Slug\nprint(1)\n", "not a lowercase slug"),
        ("# %% empty\n\n# %% full\nprint(1)\n", "is empty"),
    ],
)
def test_catalogue_rejects_bad_snippets(tmp_path, text, problem):
    (tmp_path / "topic.py").write_text(text)
    with pytest.raises(ValueError, match=problem):
        snippet_runner.load_catalogue(tmp_path)


def test_torch_imports_resolve_to_the_package_and_are_restored(fake_torch):
    before = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "torch"}
    code = "import torch\nimport torch.nn as nn\nfrom torch import nn as n2\nprint(torch.NAME, nn is n2, nn.__name__)\n"
    outcome = snippet_runner.run(Snippet("t/alias", code), fake_torch)
    assert outcome == {"stdout": "fake True faketorch.nn\n", "error": None, "warnings": []}
    assert {k: v for k, v in sys.modules.items() if k.split(".")[0] == "torch"} == before


def test_run_captures_error_and_warning_first_lines(fake_torch):
    code = "import torch.nn\nprint('before')\ntorch.nn.shout()\nraise ValueError('bad thing\\nmore detail')\n"
    outcome = snippet_runner.run(Snippet("t/fails", code), fake_torch)
    assert outcome == {"stdout": "before\n", "error": "ValueError: bad thing", "warnings": ["UserWarning: loud"]}


def test_missing_submodule_does_not_fall_back_to_real_torch(fake_torch):
    try:
        importlib.import_module("torch.optim")  # with real torch loaded, a fall back would succeed
    except ImportError:
        pass
    outcome = snippet_runner.run(Snippet("t/missing", "import torch.optim\n"), fake_torch)
    assert outcome["error"].startswith("ModuleNotFoundError")
