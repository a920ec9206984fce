"""PyTorch computes inf and nan silently; microtorch's NumPy must not print RuntimeWarnings into
a cell where PyTorch prints nothing. The learner's own NumPy code keeps NumPy's warnings."""
import microtorch
from tests.support.course import cells
from tests.microtorch import snippet_runner

OVERFLOW_AND_NAN = """
import numpy as np
import torch
big = torch.tensor([1e30, -1e30, 0.0], requires_grad=True)
y = big * big * 1e10                       # overflow in multiply
z = (y ** 2).sum() + torch.exp(big * 1e10).sum() + (big / 0.0).sum()   # overflow, divide
w = torch.log(big) + torch.sqrt(big) + (big - big) / (big - big)       # invalid
(z + w.sum()).backward()                   # inf and nan gradients
opt = torch.optim.Adam([big], lr=0.1)
opt.step()
with torch.no_grad():
    big.mul_(1e30).add_(big)
print(y, z.item(), big.grad)
"""


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


def test_overflow_and_nan_in_ops_backward_and_optimizers_are_silent():
    outcome = run(OVERFLOW_AND_NAN)
    assert outcome["error"] is None and "inf" in outcome["stdout"] and "nan" in outcome["stdout"]
    assert outcome["warnings"] == []


def test_plain_numpy_in_the_same_program_still_warns():
    outcome = run(OVERFLOW_AND_NAN + "np.float32(1e30) * np.float32(1e30)\n")
    assert outcome["warnings"] == ["RuntimeWarning: overflow encountered in scalar multiply"]
