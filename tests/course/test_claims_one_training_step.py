"""What lesson 1 (one-training-step) claims about PyTorch, run; and the old wrong sentences gone."""

from __future__ import annotations

import re
import warnings

import pytest

SLUG = "one-training-step"


def line_fit(torch, order: str, **sgd):
    """Fit w*x + b to y = 2x + 1 for 20 steps with the calls of one step in `order`."""
    x = torch.tensor([0.0, 1.0, 2.0, 3.0])
    y = torch.tensor([1.0, 3.0, 5.0, 7.0])
    w = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=0.05, **sgd)
    trajectory = []
    for _ in range(20):
        for call in order.split():
            if call == "zero_grad":
                optimizer.zero_grad()
            elif call == "backward":
                ((w * x + b - y) ** 2).mean().backward()
            else:
                optimizer.step()
        trajectory.append(w.item())
    return trajectory


def test_backward_fills_grad_only_for_leaves(torch):
    w = torch.tensor(0.5, requires_grad=True)
    pred = w * torch.tensor([0.0, 1.0, 2.0, 3.0])
    ((pred - 1.0) ** 2).mean().backward()
    assert w.is_leaf and not pred.is_leaf
    assert w.grad is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert pred.grad is None
    assert any(issubclass(c.category, UserWarning) and "not a leaf" in str(c.message) for c in caught)


def test_the_pages_first_gradient_and_step(torch):
    x = torch.tensor([0.0, 1.0, 2.0, 3.0])
    y = torch.tensor([1.0, 3.0, 5.0, 7.0])
    w = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    assert w.grad.item() == pytest.approx(-13.5)
    torch.optim.SGD([w, b], lr=0.05).step()
    assert w.item() == pytest.approx(0.5 + 0.675)


def test_backward_adds_into_grad_through_fresh_graphs(torch):
    u = torch.tensor(2.0, requires_grad=True)
    for _ in range(3):
        (3 * u).backward()  # a new graph each time: no "backward through the graph a second time"
    assert u.grad.item() == 9.0


def test_a_second_backward_through_one_graph_that_saved_tensors_fails(torch):
    u = torch.tensor(2.0, requires_grad=True)
    square = u * u
    square.backward()
    with pytest.raises(RuntimeError, match="second time"):
        square.backward()


def test_zero_grad_at_the_end_of_a_step_is_the_same_loop_as_at_the_start(torch):
    at_end = line_fit(torch, "backward step zero_grad")
    at_start = line_fit(torch, "zero_grad backward step")
    assert at_end == at_start
    assert abs(at_end[-1] - 2.0) < abs(0.5 - 2.0)


def test_zero_grad_between_backward_and_step_leaves_plain_sgd_still(torch):
    assert line_fit(torch, "backward zero_grad step") == [0.5] * 20


def test_zero_grad_sets_grad_to_none(torch):
    w = torch.tensor(1.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    (w * w).backward()
    optimizer.zero_grad()
    assert w.grad is None


def test_with_momentum_and_zeroed_tensors_the_weights_do_move(torch):
    """Why the lesson says "plain SGD": kept as zeros, not None, a cleared .grad still lets
    momentum carry w along on its old velocity."""
    x = torch.tensor([1.0, 2.0, 3.0])
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.05, momentum=0.9)
    ((w * x - 2 * x) ** 2).mean().backward()
    optimizer.step()  # one good step builds a velocity
    moved_to = w.item()
    for _ in range(3):
        ((w * x - 2 * x) ** 2).mean().backward()
        optimizer.zero_grad(set_to_none=False)
        optimizer.step()
    assert w.item() != moved_to


# --- what the page says ----------------------------------------------------------------------

def test_backward_is_not_said_to_fill_every_tensor_that_requires_grad(lesson_text):
    said = lesson_text(SLUG)
    assert "for every tensor that has `requires_grad=True`" not in said
    assert "attribute of every tensor that has `requires_grad=True`" not in said
    assert "every **leaf** tensor" in said


def test_the_loop_numbers_its_moves_in_the_order_it_runs_them(lesson_text):
    loop = re.search(r"for step in range\(100\):(.*?)losses\.append", lesson_text(SLUG), re.S)[1]
    assert re.findall(r"# (\d)\.", loop) == ["1", "2", "3", "4", "5"]
    assert "zero_grad()" in loop.split("# 4.")[1], "move 5, zero_grad(), must come after move 4 in the loop"


def test_the_weights_never_moving_is_said_of_plain_sgd_only(lesson_text):
    said = lesson_text(SLUG)
    assert "weights would never move" not in said and "the weights never move" not in said
    assert "nothing would learn" not in said


def test_the_stochastic_in_sgd_is_explained(lesson_text):
    said = lesson_text(SLUG)
    assert "(stochastic gradient descent), subtracts" not in said
    assert "mini-batch" in said and "plain gradient descent" in said


def test_sgd_moves_by_lr_times_the_gradient_not_by_lr(torch):
    """Quiz `grad-sign`: with w.grad = -13.5 and lr = 0.05, w rises by 0.675, not by 0.05."""
    w = torch.tensor(0.5, requires_grad=True)
    (-13.5 * w).backward()
    torch.optim.SGD([w], lr=0.05).step()
    assert w.item() - 0.5 == pytest.approx(0.675, abs=1e-6)
