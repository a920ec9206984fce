"""Lesson 8, Jacobians and vector-Jacobian products: backward() on several numbers is refused
with one message in both libraries; backward(gradient=v) leaves v^T J, with J built row by
row and by torch.autograd.functional.jacobian (one backward pass per output); forward mode's
columns give the same J, and PyTorch's own forward mode agrees with the lesson's hand-written
tangents; the mean of per-example losses is the product with v = 1/N. Each claim runs under
microtorch and PyTorch."""

from __future__ import annotations

import importlib

import pytest

SLUG = "jacobians-and-vjps"
SCALAR_ONLY = "grad can be implicitly created only for scalar outputs"


def layer(torch):
    """The lesson's y = tanh(W x), its hand-written forward mode, and a point to look at."""
    W = torch.tensor([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]])

    def f(x):
        return torch.tanh(W @ x)

    def f_with_tangent(x, u):
        y = torch.tanh(W @ x)
        return y, (1 - y ** 2) * (W @ u)

    return W, f, f_with_tangent, torch.tensor([0.5, -0.2, 0.1])


def rows(torch, f, x):
    """The Jacobian of f at x, one backward pass with a one-hot start per output."""
    x = x.detach().requires_grad_(True)
    y = f(x)
    found = []
    for i in range(len(y)):
        y.backward(gradient=torch.eye(len(y))[i], retain_graph=True)
        found.append(x.grad.clone())
        x.grad = None
    return torch.stack(found)


def test_backward_on_several_numbers_is_refused_with_pytorchs_words(torch, lesson_text):
    y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True) ** 2
    with pytest.raises(RuntimeError) as refused:
        y.backward()
    assert str(refused.value) == SCALAR_ONLY
    assert SCALAR_ONLY in lesson_text(SLUG)


def test_a_start_of_the_wrong_shape_is_refused(torch):
    y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True) ** 2
    for start, shape in [(torch.ones(2), r"\[2\]"), (torch.tensor(0.25), r"\[\]")]:
        with pytest.raises(RuntimeError, match=rf"Mismatch in shape: grad_output\[0\] has a shape of torch.Size\({shape}\)"):
            y.backward(gradient=start, retain_graph=True)


def test_backward_with_v_is_v_times_the_jacobian(torch):
    W, f, _, x = layer(torch)
    J = rows(torch, f, x)
    assert torch.allclose(J, torch.autograd.functional.jacobian(f, x))
    assert torch.allclose(J, (1 - f(x) ** 2)[:, None] * W)  # the chain rule the lesson checks
    v = torch.tensor([2.0, -1.0])
    x = x.clone().requires_grad_(True)
    f(x).backward(gradient=v)
    assert torch.allclose(x.grad, v @ J)
    weighted = x.grad.clone()
    x.grad = None
    (v * f(x)).sum().backward()  # the gradient of sum_i v_i y_i, v held fixed
    assert torch.allclose(x.grad, weighted)


def test_ones_give_the_sums_gradient_and_a_one_hot_start_one_row(torch):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    (x ** 2).backward(gradient=torch.ones(3))
    assert x.grad.tolist() == [2.0, 4.0, 6.0]
    x.grad = None
    (x ** 2).backward(gradient=torch.tensor([0.0, 1.0, 0.0]))
    assert x.grad.tolist() == [0.0, 4.0, 0.0]


def test_the_worked_example(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    torch.stack([x[0] * x[1], x[0] + x[1]]).backward(gradient=torch.tensor([1.0, 3.0]))
    assert x.grad.tolist() == [5.0, 4.0]


def test_jacobian_takes_one_backward_pass_per_output_and_has_the_outputs_shape_first(torch):
    passes = []

    def counted(x):
        h = x[:2] * x.sum()
        h.register_hook(lambda grad: passes.append(1))
        return h

    J = torch.autograd.functional.jacobian(counted, torch.ones(5))
    assert tuple(J.shape) == (2, 5)
    assert len(passes) == 2


def test_forward_mode_gives_the_columns_of_the_same_jacobian(torch):
    _, f, f_with_tangent, x = layer(torch)
    columns = torch.stack([f_with_tangent(x, u)[1] for u in torch.eye(3)], dim=1)
    assert torch.allclose(columns, torch.autograd.functional.jacobian(f, x))


# Forward mode's first use makes PyTorch script its own decompositions, and it warns about that.
@pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated:DeprecationWarning")
def test_pytorch_has_forward_mode_and_microtorch_refuses_it_by_name(torch):
    _, f, f_with_tangent, x = layer(torch)
    u = torch.tensor([0.3, -1.0, 2.0])
    if torch.__name__ == "microtorch":
        for name in ["func", "autograd.forward_ad"]:
            with pytest.raises(NotImplementedError, match=f"torch.{name}"):
                importlib.import_module(f"microtorch.{name}")
        return
    mine = f_with_tangent(x, u)
    value, tangent = torch.func.jvp(f, (x,), (u,))
    assert torch.allclose(value, mine[0]) and torch.allclose(tangent, mine[1])
    forward_ad = importlib.import_module("torch.autograd.forward_ad")
    with forward_ad.dual_level():
        tangent = forward_ad.unpack_dual(f(forward_ad.make_dual(x, u))).tangent
    assert torch.allclose(tangent, mine[1])


def test_the_means_gradient_is_the_product_with_one_over_n(torch):
    nn = torch.nn
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
    assert sum(p.numel() for p in model.parameters()) == 65
    points = torch.randn(8, 2)
    labels = (points[:, 0] * points[:, 1] > 0).float()

    def losses():
        return nn.functional.binary_cross_entropy_with_logits(model(points).squeeze(1), labels, reduction="none")

    def gradients(backward):
        model.zero_grad()
        backward(losses())
        return [p.grad.clone() for p in model.parameters()]

    mean = gradients(lambda l: l.mean().backward())
    by_vjp = gradients(lambda l: l.backward(gradient=torch.full((8,), 1 / 8)))
    written_out = gradients(lambda l: (l / 8).sum().backward())
    by_ones = gradients(lambda l: l.backward(gradient=torch.ones(8)))
    for m, a, b, s in zip(mean, by_vjp, written_out, by_ones):
        assert torch.allclose(m, a) and torch.allclose(m, b)
        assert torch.allclose(s, 8 * m, atol=1e-6)


def test_rows_read_without_clearing_add_up(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x ** 2
    y.backward(gradient=torch.tensor([1.0, 0.0]), retain_graph=True)
    y.backward(gradient=torch.tensor([0.0, 1.0]))
    assert x.grad.tolist() == [2.0, 4.0]


def test_the_lesson_reports_what_these_tests_check(lesson_text):
    said = lesson_text(SLUG)
    for claim in ["the same word for word under microtorch and under PyTorch 2.13", "Two outputs, two backward passes",
                  "(`torch.func.jvp`, `torch.autograd.forward_ad`); microtorch does not", "65 parameters"]:
        assert claim in said, f"the lesson no longer says {claim!r}: update it and the test together"
