"""PyTorch computes inf and nan silently; microtorch's NumPy must not print RuntimeWarnings into
a cell where PyTorch prints nothing. The learner's own NumPy code keeps NumPy's warnings."""
import microtorch
from tests.support.course import cells
from tests.microtorch import snippet_runner


def overflow_and_nan():
    """The catalogue's snippet (its golden output is PyTorch's): ops, backward, an optimizer and
    in-place ops on inf and nan, then one line of the learner's own NumPy."""
    [snippet] = [s for s in snippet_runner.load_catalogue() if s.id == "arithmetic/overflow-and-nan-are-silent"]
    return snippet.code


def narrow_valley_cell():
    found = [c for c in cells("learning-rate-and-optimizers") if "steps_needed" in c.code]
    assert found, "lesson 5's narrow-valley cell (the one defining steps_needed) is gone"
    return "import torch\n" + found[0].code   # the page imported torch in an earlier cell


def run(code):
    return snippet_runner.run(snippet_runner.Snippet("warnings", code), microtorch)


def test_the_narrow_valley_cell_diverges_without_a_warning():
    outcome = run(narrow_valley_cell())
    assert outcome["error"] is None
    assert "never" in outcome["stdout"]     # SGD at lr=0.011 overflows to inf and nan ...
    assert outcome["warnings"] == []        # ... and, as in PyTorch, says nothing about it


def test_only_the_learners_own_numpy_warns_about_overflow():
    outcome = run(overflow_and_nan())
    assert outcome["error"] is None and "inf" in outcome["stdout"] and "nan" in outcome["stdout"]
    # microtorch's ops, backward and Adam stay silent; the last line, plain NumPy, still warns.
    assert outcome["warnings"] == ["RuntimeWarning: overflow encountered in scalar multiply"]
