"""Lesson 13, In-place operations, freezing and the dynamic graph: what its cells print, checked
against what its prose says (from the course's one run of every cell), and each claim of the
prose, quiz and challenge about PyTorch run under microtorch and PyTorch: the version counter,
the two in-place errors word for word, what freezing leaves in `.grad` and what the optimizer
does with it, parameter groups, and graphs shaped by Python control flow."""

from __future__ import annotations

import importlib

import pytest

from tests.support.course import printed_by

SLUG = "in-place-and-freezing"

# PyTorch 2.13's messages, as the lesson prints and explains them.
SAVED_CHANGED = ("one of the variables needed for gradient computation has been modified by an inplace "
                 "operation: [torch.FloatTensor [3]], which is output 0 of {op}, is at version {now}; "
                 "expected version 0 instead. Hint: enable anomaly detection to find the operation that "
                 "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
LEAF = "a leaf Variable that requires grad is being used in an in-place operation."


@pytest.fixture(params=["microtorch", "torch"])
def torch(request):
    return importlib.import_module(request.param)


def printed(torch, title):
    return printed_by(SLUG, torch, title)


def error_of(action):
    with pytest.raises(Exception) as caught:
        action()
    return type(caught.value).__name__, str(caught.value)


def model(torch):
    nn = torch.nn
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))


def loss_of(torch, net):
    X = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.0, -1.0], [2.0, 1.0]])
    return ((net(X) - torch.tensor([[1.0], [0.0], [-1.0], [2.0]])) ** 2).mean()


# --- the version counter and the saved-tensor error -------------------------------------------

def test_each_in_place_change_counts_and_views_share_the_counter(torch):
    assert printed(torch, "The version counter") == (
        "new tensor: 0\nafter three in-place changes: 3\nafter zeroing the view: 4 4\n")


@pytest.mark.parametrize("op, make", [("Sigmoid", lambda x: x.sigmoid()), ("Exp", lambda x: x.exp())])
@pytest.mark.parametrize("changes", [1, 2])
def test_changing_a_saved_output_is_refused_in_pytorchs_words(torch, op, make, changes):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    saved = make(x)
    for _ in range(changes):
        saved.mul_(2)
    assert error_of(lambda: saved.sum().backward()) == ("RuntimeError", SAVED_CHANGED.format(op=op, now=changes))


def test_the_lesson_prints_that_message_and_the_fix_gives_the_sigmoids_gradient(torch):
    assert printed(torch, "Modify a saved tensor, then call backward()") == SAVED_CHANGED.format(op="Sigmoid", now=1) + "\n"
    x = torch.tensor([1.0, 2.0, 3.0])
    s = x.sigmoid()
    expected = "tensor([" + ", ".join(f"{v:.4f}" for v in (2 * s * (1 - s)).tolist()) + "])\n"
    assert printed(torch, "The fix: an out-of-place operation") == expected


def test_an_in_place_change_nothing_saved_is_fine(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    a = x * 3
    a.add_(1)
    a.sum().backward()
    assert x.grad.tolist() == [3.0, 3.0] and a._version == 1


def test_a_detached_tensor_changed_in_place_fails_for_another_reason(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    b = x.exp().detach()
    b.add_(1)
    kind, message = error_of(lambda: b.sum().backward())
    assert kind == "RuntimeError" and "does not require grad" in message and "inplace" not in message


def test_backward_twice_has_its_own_message(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    out = x.sigmoid().sum()
    out.backward()
    kind, message = error_of(out.backward)
    assert kind == "RuntimeError" and "second time" in message and "version" not in message


# --- leaves ---------------------------------------------------------------------------------

def test_a_leaf_refuses_in_place_changes_while_recording_and_allows_them_under_no_grad(torch):
    assert printed(torch, "An in-place update of a leaf, with and without recording") == (
        LEAF + "\ntensor([ 0.4000, -0.8000], requires_grad=True) 1\nstill a leaf: True None\n")
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    assert error_of(lambda: w.mul_(3)) == ("RuntimeError", LEAF)
    with torch.no_grad():
        w.mul_(3)
        w[0] = 0.0
        assert w.requires_grad              # no_grad stops recording; the flag stays
    assert (w.tolist(), w._version, w.is_leaf, w.grad_fn) == ([0.0, 6.0], 2, True, None)


def test_the_graph_built_before_the_update_cannot_be_used_after_it(torch):
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    loss = (w ** 2).sum()
    loss.backward(retain_graph=True)
    with torch.no_grad():
        w -= 0.1 * w.grad
    kind, message = error_of(loss.backward)
    assert kind == "RuntimeError" and "modified by an inplace operation" in message


def test_the_out_of_place_update_makes_a_non_leaf(torch):
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    (w ** 2).sum().backward()
    w = w - 0.1 * w.grad
    assert not w.is_leaf and w.grad_fn is not None


# --- freezing -------------------------------------------------------------------------------

def test_the_lessons_frozen_layer_keeps_no_grad_and_does_not_move(torch):
    assert printed(torch, "Freeze the first layer, train the rest").splitlines()[1:] == [
        "first layer's grad: None", "first layer unchanged: True", "last layer has a grad: True"]
    assert printed(torch, "Frozen too late: an old gradient still moves the layer") == (
        "frozen layer moved: True\nafter zero_grad: None\n4 parameters, 2 trainable\n")


def test_module_requires_grad_sets_every_parameter_and_the_attribute_sets_none(torch):
    net = model(torch)
    net[0].requires_grad = False                   # only a new Python attribute
    assert all(p.requires_grad for p in net.parameters())
    net[0].requires_grad_(False)
    assert [p.requires_grad for p in net.parameters()] == [False, False, True, True]


@pytest.mark.parametrize("make", [
    lambda torch, params: torch.optim.SGD(params, lr=0.1, momentum=0.9, weight_decay=0.01),
    lambda torch, params: torch.optim.AdamW(params, lr=0.1, weight_decay=0.5),
])
def test_the_optimizer_skips_a_none_grad_decay_momentum_and_state_included(torch, make):
    net = model(torch)
    net[0].requires_grad_(False)
    optimizer = make(torch, net.parameters())
    before = [p.clone() for p in net.parameters()]
    for _ in range(3):
        optimizer.zero_grad()
        loss_of(torch, net).backward()
        optimizer.step()
    moved = [not torch.equal(a, b) for a, b in zip(before, net.parameters())]
    assert moved == [False, False, True, True]
    assert net[0].weight.grad is None and net[0].weight not in optimizer.state


def test_freezing_does_not_clear_an_old_grad_and_step_still_uses_it(torch):
    net = model(torch)
    loss_of(torch, net).backward()
    net[0].requires_grad_(False)
    before = net[0].weight.clone()
    old = net[0].weight.grad.clone()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    optimizer.step()
    assert torch.allclose(net[0].weight, before - 0.1 * old)
    optimizer.zero_grad()
    assert net[0].weight.grad is None


def test_backward_works_while_some_parameters_are_frozen_and_fails_when_all_are(torch):
    net = model(torch)
    net[0].requires_grad_(False)
    loss_of(torch, net).backward()
    net.requires_grad_(False)
    kind, message = error_of(lambda: loss_of(torch, net).backward())
    assert (kind, message) == ("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn")


# --- parameter groups -----------------------------------------------------------------------

def test_the_lessons_groups_print_as_the_prose_says(torch):
    assert printed(torch, "Two parameter groups, printed and changed") == (
        "group 0: lr 0.01, momentum 0.9, 2 tensors\ngroup 1: lr 0.1, momentum 0.9, 2 tensors\n"
        "[0.01, 0.05]\nsome parameters appear in more than one parameter group\n")


def test_each_group_steps_with_its_own_lr_read_at_every_step(torch):
    a, b = (torch.tensor([1.0], requires_grad=True) for _ in range(2))
    optimizer = torch.optim.SGD([{"params": [a], "lr": 0.01}, {"params": [b]}], lr=0.1)
    for lr_b in (None, 0.5):
        if lr_b is not None:
            optimizer.param_groups[1]["lr"] = lr_b
        starts = a.item(), b.item()
        optimizer.zero_grad()
        (a + b).sum().backward()                   # both gradients are 1
        optimizer.step()
        assert [starts[0] - a.item(), starts[1] - b.item()] == pytest.approx([0.01, lr_b or 0.1])


def test_neither_defaults_nor_an_lr_attribute_reach_the_groups(torch):
    w = torch.tensor([1.0], requires_grad=True)
    optimizer = torch.optim.SGD([{"params": [torch.zeros(1, requires_grad=True)], "lr": 0.01},
                                 {"params": [w]}], lr=0.1, momentum=0.9)
    optimizer.defaults["lr"] /= 10
    optimizer.lr = 0.001                           # a new attribute that step() never reads
    assert [group["lr"] for group in optimizer.param_groups] == [0.01, 0.1]
    w.sum().backward()
    optimizer.step()
    assert w.item() == pytest.approx(0.9)


# --- the dynamic graph ----------------------------------------------------------------------

def test_two_inputs_give_two_graphs(torch):
    assert printed(torch, "One function, two graphs") == (
        "[1.0, 2.0] doublings: 2 grad: tensor([4., 4.])\n"
        "  graph: SumBackward0 <- ReluBackward0 <- MulBackward0 <- MulBackward0 <- AccumulateGrad\n"
        "[-3.0, -4.0] doublings: 1 grad: tensor([-2., -2.])\n"
        "  graph: SumBackward0 <- NegBackward0 <- MulBackward0 <- AccumulateGrad\n")
    assert printed(torch, "Draw the graph for your own input") == "doublings: 4\n"
