"""Hygiene of the learner corpus (tests/microtorch/corpus), which scripts/corpus_report.py runs
to measure microtorch: large enough, and every program does under real PyTorch what its author
meant. A program may fail under PyTorch only if that failure is the point: a learner mistake,
marked by a `# mistake` line. The pass rate is reported, not asserted."""

from __future__ import annotations

import pytest

from tests.microtorch import snippet_runner

pytestmark = pytest.mark.content

PROGRAMS = snippet_runner.load_catalogue(snippet_runner.CORPUS)


def test_corpus_has_at_least_200_programs_with_unique_ids():
    ids = [program.id for program in PROGRAMS]
    assert len(ids) >= 200
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.id)
def test_program_fails_under_pytorch_exactly_when_marked_a_mistake(program):
    torch = pytest.importorskip("torch")
    marked = "# mistake" in program.code.splitlines()
    error = snippet_runner.run(program, torch)["error"]
    if marked:
        assert error, f"{program.id} is marked `# mistake` but runs clean under PyTorch"
    else:
        assert not error, f"{program.id} fails under PyTorch without a `# mistake` mark: {error}"
