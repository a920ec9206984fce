"""Every catalogue snippet must print, raise and warn under microtorch exactly what it does under
PyTorch. The reference is golden.json (written by scripts/make_golden.py); where PyTorch is
installed the golden file is also checked against a live run, so it cannot go stale.
PyTorch code outside microtorch's teaching subset must be refused with NotImplementedError."""

from __future__ import annotations

import json

import pytest

import microtorch
from tests.microtorch import snippet_runner

SNIPPETS = snippet_runner.load_catalogue()
OUTSIDE = snippet_runner.load_catalogue(snippet_runner.OUTSIDE_SUBSET)
REFUSAL = "NotImplementedError: microtorch implements a teaching subset of PyTorch; "
GOLDEN = json.loads(snippet_runner.GOLDEN.read_text())["snippets"]
REGENERATE = "run `.venv/bin/python scripts/make_golden.py`"


def _expected(snippet):
    entry = GOLDEN.get(snippet.id)
    if entry is None:
        pytest.fail(f"{snippet.id}: no golden output; {REGENERATE}")
    if entry["digest"] != snippet.digest:
        pytest.fail(f"{snippet.id}: snippet changed since its golden output was written; {REGENERATE}")
    return {key: value for key, value in entry.items() if key != "digest"}


def _explain(snippet, expected, actual, under):
    lines = [f"snippet {snippet.id} differs under {under}:", snippet.code]
    for key in expected:
        if expected[key] != actual[key]:
            lines += [f"--- {key}: PyTorch (golden)", str(expected[key]), f"+++ {key}: {under}", str(actual[key])]
    return "\n".join(lines)


def test_catalogue_is_large_and_golden_has_no_orphans():
    assert len(SNIPPETS) >= 100
    assert sorted(GOLDEN) == sorted(s.id for s in SNIPPETS), REGENERATE


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.id)
def test_microtorch_matches_pytorch(snippet):
    expected = _expected(snippet)
    actual = snippet_runner.run(snippet, microtorch)
    assert actual == expected, _explain(snippet, expected, actual, "microtorch")


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.id)
def test_golden_matches_live_pytorch(snippet):
    torch = pytest.importorskip("torch")
    expected = _expected(snippet)
    actual = snippet_runner.run(snippet, torch)
    assert actual == expected, _explain(snippet, expected, actual, f"live torch {torch.__version__}")


@pytest.mark.parametrize("snippet", OUTSIDE, ids=lambda s: s.id)
def test_outside_subset_is_refused_not_answered(snippet):
    outcome = snippet_runner.run(snippet, microtorch)
    assert (outcome["error"] or "").startswith(REFUSAL), f"{snippet.id}: {outcome}"


@pytest.mark.parametrize("snippet", OUTSIDE, ids=lambda s: s.id)
def test_outside_subset_snippets_are_real_pytorch(snippet):
    torch = pytest.importorskip("torch")
    outcome = snippet_runner.run(snippet, torch)
    assert outcome["error"] is None, f"{snippet.id} fails under PyTorch too: {outcome['error']}"
