"""The autograd semantics small autograds often get wrong, one test (or a few) per rule.

These run without PyTorch: expected values are worked out by hand in each test.
"""
import gc
import sys
import warnings
import weakref

import numpy as np
import pytest

import microtorch as torch
from microtorch import nn, optim


# --- gradients are summed back to each input's exact shape --------------------------------------
@pytest.mark.parametrize("shape_a, shape_b", [
    ((3, 1), (1, 4)),
    ((2, 3), (3,)),
    ((), (2, 3)),
    ((1,), (2, 3)),
    ((2, 1, 3), (4, 1)),
    ((1, 1), ()),
])
def test_broadcast_gradients_have_the_input_shape(shape_a, shape_b):
    a = torch.ones(shape_a, requires_grad=True)
    b = torch.full(shape_b, 2.0, requires_grad=True)
    out = a * b
    out.sum().backward()
    assert a.grad.shape == a.shape and b.grad.shape == b.shape
    # each element of a met every element of b it was broadcast against
    n_out = out.numel()
    assert np.allclose(a.grad.numpy(), 2.0 * n_out / a.numel())
    assert np.allclose(b.grad.numpy(), 1.0 * n_out / b.numel())
    assert a.grad.dtype == torch.float32


def test_zero_dim_tensor_gets_a_zero_dim_gradient():
    s = torch.tensor(3.0, requires_grad=True)
    (s * torch.ones(2, 2)).mean().backward()
    assert s.grad.shape == torch.Size([]) and s.grad.item() == pytest.approx(1.0)


# --- accumulation ---------------------------------------------------------------------------
def test_leaf_used_several_times_accumulates():
    x = torch.tensor(3.0, requires_grad=True)
    (x * x + x).backward()           # d/dx (x^2 + x) = 2x + 1
    assert x.grad.item() == 7.0


def test_reused_intermediate_accumulates():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3                        # y = 6
    (y * y + y).backward()           # dz/dy = 2y + 1 = 13, dy/dx = 3
    assert x.grad.item() == 39.0


def test_repeated_fancy_index_accumulates():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x[[0, 0, 2, 0]].sum().backward()
    assert x.grad.tolist() == [3.0, 0.0, 1.0]


def test_grad_kept_until_cleared_and_zero_grad_sets_none():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * x).sum().backward()
    (x * x).sum().backward()
    assert x.grad.tolist() == [4.0, 8.0]   # 2x, twice
    model = nn.Linear(2, 1)
    model(torch.ones(1, 2)).sum().backward()
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())
    opt = optim.SGD([x], lr=0.1)
    opt.zero_grad()
    assert x.grad is None
    opt.zero_grad(set_to_none=False)   # nothing to zero: stays None


def test_step_skips_parameters_without_grad():
    used = torch.tensor([1.0], requires_grad=True)
    unused = torch.tensor([5.0], requires_grad=True)
    for opt in (optim.SGD([used, unused], lr=0.1, momentum=0.9, weight_decay=0.1),
                optim.Adam([used, unused], lr=0.1, weight_decay=0.1)):
        opt.zero_grad()
        (used * 2).sum().backward()
        opt.step()
        assert unused.item() == 5.0 and unused not in opt.state
        assert used in opt.state


def test_grad_is_not_aliased_between_leaves():
    a = torch.tensor([1.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    (a + b).sum().backward()        # both receive the very same upstream gradient
    a.grad.zero_()
    assert b.grad.tolist() == [1.0]


# --- non-leaf .grad ----------------------------------------------------------------------------
def test_non_leaf_grad_is_none_with_a_warning_unless_retained():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    z = x * 3
    z.retain_grad()
    (y + z).sum().backward()
    with pytest.warns(UserWarning, match="not a leaf Tensor is being accessed"):
        assert y.grad is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert z.grad.tolist() == [1.0, 1.0]
    assert z.retains_grad and not y.retains_grad


# --- freeing saved values --------------------------------------------------------------------
def test_second_backward_fails_only_where_saved_values_were_freed():
    x = torch.tensor(2.0, requires_grad=True)
    y = x + 1                        # AddBackward0 saves nothing
    y.backward()
    y.backward()
    assert x.grad.item() == 2.0
    z = x * x                        # MulBackward0 saves x
    z.backward()
    with pytest.raises(RuntimeError, match="^Trying to backward through the graph a second time"):
        z.backward()


def test_retain_graph_keeps_saved_values():
    x = torch.tensor(2.0, requires_grad=True)
    z = x.exp() * x
    z.backward(retain_graph=True)
    first = x.grad.item()
    z.backward()
    assert x.grad.item() == pytest.approx(2 * first)


def test_backward_frees_what_the_graph_saved():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()                      # ExpBackward0 saves its output
    saved = weakref.ref(y._data)
    loss = (y * 3).sum()
    del y
    loss.backward(retain_graph=True)
    assert saved() is not None       # kept while the graph may run again
    loss.backward()
    assert saved() is None           # freed, though loss and its graph are still alive
    assert loss.grad_fn.next_functions[0][0].name() == "MulBackward0"


def test_in_place_change_of_a_saved_tensor_is_detected():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([3.0, 4.0])
    loss = (w * c).sum()             # saves c to compute w's gradient
    c.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation: "
                                           r"\[torch.FloatTensor \[2\]\] is at version 1"):
        loss.backward()


# --- relu at zero ------------------------------------------------------------------------------
def test_relu_derivative_at_zero_is_zero():
    x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
    x.relu().sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 1.0]
    x.grad = None
    nn.ReLU()(x).sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 1.0]


# --- shared storage --------------------------------------------------------------------------
def test_detach_and_view_share_storage():
    x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    d = x.detach()
    d[0] = 10.0
    v = x.view(2, 2)
    v[1, 1] = 40.0
    assert x.tolist() == [10.0, 2.0, 3.0, 40.0]
    x.mul_(2)
    assert d.tolist() == [20.0, 4.0, 6.0, 80.0] and v.tolist() == [[20.0, 4.0], [6.0, 80.0]]
    a = np.zeros(2, dtype=np.float32)
    torch.from_numpy(a).add_(1)
    assert a.tolist() == [1.0, 1.0]


def test_views_share_the_version_counter():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([[3.0, 4.0]])
    loss = (w * c.view(2)).sum()
    c.mul_(2)                        # changes what the view saved
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()


# --- integer tensors ---------------------------------------------------------------------------
def test_integer_tensors_are_int64_and_cannot_require_grad():
    t = torch.tensor([1, 2])
    assert t.dtype == torch.int64 and t.numpy().dtype == np.int64
    with pytest.raises(RuntimeError, match="^Only Tensors of floating point and complex dtype "
                                           "can require gradients$"):
        torch.tensor([1, 2], requires_grad=True)
    with pytest.raises(RuntimeError, match="^only Tensors of floating point dtype can require "
                                           "gradients$"):
        t.requires_grad_()
    assert (t / 2).dtype == torch.float32 and (t * 1.5).dtype == torch.float32
    assert (t + 1).dtype == torch.int64 and torch.arange(3).dtype == torch.int64


# --- deep graphs and memory -----------------------------------------------------------------
def test_deep_graph_needs_no_recursion():
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(3 * sys.getrecursionlimit()):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad.item() == 1.0


def test_graph_has_no_reference_cycles():
    gc.collect()
    gc.disable()
    try:
        model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
        opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        x, y = torch.randn(8, 2), torch.randn(8, 1)
        loss = nn.MSELoss()(model(x), y)
        hidden = model[0](x)
        hidden.retain_grad()
        (loss + hidden.sum()).backward()
        opt.step()
        node = weakref.ref(loss.grad_fn)
        tensors = [weakref.ref(loss), weakref.ref(hidden)]
        del loss, hidden
        # freed by reference counting alone: the cyclic collector is off
        assert node() is None and all(t() is None for t in tensors)
    finally:
        gc.enable()


def test_no_grad_records_nothing():
    x = torch.ones(2, requires_grad=True)
    with torch.no_grad():
        y = x * 2
    assert y.grad_fn is None and not y.requires_grad
    with torch.set_grad_enabled(False):
        assert not torch.is_grad_enabled()
        with torch.enable_grad():
            assert (x * 2).requires_grad
    assert torch.is_grad_enabled()

    @torch.no_grad()
    def double(t):
        return t * 2
    assert double(x).grad_fn is None


def test_autograd_grad_returns_without_touching_dot_grad():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    (gx,) = torch.autograd.grad(y.sum(), x)
    assert gx.tolist() == [2.0, 4.0] and x.grad is None
    (gy,) = torch.autograd.grad((y * 3).sum(), [y])
    assert gy.tolist() == [3.0, 3.0]


def test_hooks_see_and_can_replace_gradients():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    y = x * 2
    y.register_hook(lambda g: seen.append(g.tolist()))
    handle = x.register_hook(lambda g: g * 10)
    y.sum().backward()
    assert seen == [[1.0, 1.0]] and x.grad.tolist() == [20.0, 20.0]
    handle.remove()
    x.grad = None
    y = x * 2
    y.sum().backward()
    assert x.grad.tolist() == [2.0, 2.0]


def test_manual_seed_makes_random_draws_repeatable():
    torch.manual_seed(7)
    a = (torch.rand(3).tolist(), torch.randn(2, 2).tolist(), torch.randint(0, 10, (4,)).tolist(),
         nn.Linear(3, 2).weight.tolist())
    torch.manual_seed(7)
    b = (torch.rand(3).tolist(), torch.randn(2, 2).tolist(), torch.randint(0, 10, (4,)).tolist(),
         nn.Linear(3, 2).weight.tolist())
    assert a == b
    torch.manual_seed(8)
    assert torch.rand(3).tolist() != a[0]
