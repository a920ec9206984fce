"""Printing, errors, refusals, viz, nn and optim: checked against fixed expectations. Short
programs compared with PyTorch's output live in the snippet catalogue (catalogue/tour_*.py)."""
import math
import warnings

import numpy as np
import pytest

import microtorch
import microtorch as torch
from microtorch import nn, optim, viz


# --- printing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("make, expected", [
    (lambda: torch.tensor(14.), "tensor(14.)"),
    (lambda: torch.tensor([1., 2.], requires_grad=True), "tensor([1., 2.], requires_grad=True)"),
    (lambda: torch.tensor(5., requires_grad=True) + 7, "tensor(12., grad_fn=<AddBackward0>)"),
    (lambda: torch.tensor([[1., 2.], [3., 4.]]), "tensor([[1., 2.],\n        [3., 4.]])"),
    (lambda: torch.tensor([0.1, 2.5]), "tensor([0.1000, 2.5000])"),
    (lambda: torch.tensor([1e-5, 1.]), "tensor([1.0000e-05, 1.0000e+00])"),
    (lambda: torch.tensor([-1, 10]), "tensor([-1, 10])"),
    (lambda: torch.tensor([True, False]), "tensor([ True, False])"),
    (lambda: torch.tensor([1., 2.], dtype=torch.float64), "tensor([1., 2.], dtype=torch.float64)"),
    (lambda: torch.zeros(0, 3), "tensor([], size=(0, 3))"),
    (lambda: torch.tensor(float("nan")), "tensor(nan)"),
    (lambda: torch.tensor([2.]) .mean(), "tensor(2.)"),
    (lambda: nn.Linear(1, 1), "Linear(in_features=1, out_features=1, bias=True)"),
    (lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU()),
     "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)"),
    (lambda: nn.Parameter(torch.ones(2)), "Parameter containing:\ntensor([1., 1.], requires_grad=True)"),
    (lambda: torch.ones(2, 3).shape, "torch.Size([2, 3])"),
    (lambda: torch.float32, "torch.float32"),
])
def test_repr_matches_pytorch(make, expected):
    assert repr(make()) == expected


def test_long_rows_wrap_and_big_tensors_are_summarised():
    text = repr(torch.arange(2000.))
    assert text == ("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
                    "        1.9990e+03])")
    wide = repr(torch.ones(30) / 3)
    assert wide.count("\n") == 3 and all(len(line) <= 80 for line in wide.split("\n"))


# --- errors and warnings --------------------------------------------------------------------
def _raises(code):
    with pytest.raises(Exception) as info:
        exec(code, {"torch": torch, "nn": nn, "F": nn.functional})
    return type(info.value), str(info.value).split("\n")[0]


@pytest.mark.parametrize("code, kind, first_line", [
    ("torch.tensor(3.).backward()", RuntimeError,
     "element 0 of tensors does not require grad and does not have a grad_fn"),
    ("torch.ones(2, requires_grad=True).mul(2).backward()", RuntimeError,
     "grad can be implicitly created only for scalar outputs"),
    ("x = torch.ones(2, requires_grad=True); x.add_(1)", RuntimeError,
     "a leaf Variable that requires grad is being used in an in-place operation."),
    ("w = torch.ones(2, 3, requires_grad=True); w[0].fill_(1)", RuntimeError,
     "a view of a leaf Variable that requires grad is being used in an in-place operation."),
    ("w = torch.ones(2, 3, requires_grad=True); w[0] = 1", RuntimeError,
     "a view of a leaf Variable that requires grad is being used in an in-place operation."),
    ("a = torch.ones(2, requires_grad=True); y = a.exp(); y.mul_(2); y.sum().backward()",
     RuntimeError, "one of the variables needed for gradient computation has been modified by an "
     "inplace operation: [torch.FloatTensor [2]], which is output 0 of Exp, is at version 1; "
     "expected version 0 instead. Hint: enable anomaly detection to find the operation that "
     "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, "
     "check_nan=False)."),
    ("torch.ones(2, 3) @ torch.ones(2, 3)", RuntimeError,
     "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)"),
    ("torch.ones(3) + torch.ones(4)", RuntimeError,
     "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0"),
    ("torch.ones(2, 3).view(4)", RuntimeError, "shape '[4]' is invalid for input of size 6"),
    ("torch.ones(2, requires_grad=True).numpy()", RuntimeError,
     "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."),
    ("torch.ones(2).item()", RuntimeError, "a Tensor with 2 elements cannot be converted to Scalar"),
    ("torch.ones(2)[5]", IndexError, "index 5 is out of bounds for dimension 0 with size 2"),
    ("nn.Linear(2, 3)(torch.ones(4, 3))", RuntimeError,
     "mat1 and mat2 shapes cannot be multiplied (4x3 and 2x3)"),
    ("F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3]))", IndexError, "Target 3 is out of bounds."),
])
def test_errors_match_pytorch(code, kind, first_line):
    assert _raises(code) == (kind, first_line)


def test_mse_warns_about_broadcasting_targets():
    with pytest.warns(UserWarning, match=r"^Using a target size \(torch.Size\(\[3\]\)\) that is "
                                         r"different to the input size \(torch.Size\(\[3, 1\]\)\)"):
        nn.functional.mse_loss(torch.ones(3, 1), torch.ones(3))


def test_inf_and_nan_arrive_silently_as_in_pytorch():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (torch.tensor([1., 0.]) / 0).tolist()[0] == math.inf
        assert math.isnan(torch.tensor([-1.]).sqrt().item())
        assert torch.tensor([1000.]).exp().item() == math.inf
        assert torch.tensor([-1000., 0.]).sigmoid().tolist() == [0.0, 0.5]
        x = torch.tensor([0., 1.], requires_grad=True)
        x.log().sum().backward()
        assert x.grad.tolist() == [math.inf, 1.0]


@pytest.mark.parametrize("code, feature", [
    ("torch.fft", "torch.fft"),
    ("torch.ones(3).logcumsumexp(0)", "Tensor.logcumsumexp"),
    ("nn.Conv2d", "torch.nn.Conv2d"),
    ("optim.LBFGS", "torch.optim.LBFGS"),
    ("nn.functional.conv2d", "torch.nn.functional.conv2d"),
    ("torch.ones(2, device='mps')", "device 'mps'"),
    ("x = torch.ones(1, requires_grad=True); (x * x).sum().backward(create_graph=True)",
     "create_graph=True"),
    ("torch.ones(2, 2).topk(1, sorted=False)", "topk(sorted=False)"),
    ("torch.einsum('ij,jk,kl->il', *[torch.ones(2, 2)] * 3)", "einsum equation 'ij,jk,kl->il'"),
])
def test_outside_the_subset_is_refused_by_name(code, feature):
    with pytest.raises(NotImplementedError) as info:
        exec(code, {"torch": torch, "nn": nn, "optim": optim})
    assert "microtorch implements a teaching subset of PyTorch" in str(info.value)
    assert feature in str(info.value)


def test_private_names_still_raise_attribute_error():
    assert not hasattr(torch, "_no_such_thing") and not hasattr(torch.ones(1), "_nope")


# --- viz ------------------------------------------------------------------------------------
def test_viz_graph_lists_nodes_with_values_and_grads():
    w = torch.tensor([1., 2.], requires_grad=True)
    b = torch.tensor(0.5, requires_grad=True)
    y = (w * torch.tensor([3., 4.])).sum() + b
    y.backward()
    g = viz.graph(y, names={"w": w, "b": b, "y": y})
    by_label = {n["label"]: n for n in g["nodes"]}
    assert set(by_label) == {"y", "Sum", "Mul", "w", "b"}
    assert by_label["y"]["grad_fn"] == "AddBackward0" and by_label["y"]["value"] == 11.5
    assert by_label["w"] == {"id": by_label["w"]["id"], "kind": "leaf", "op": None,
                             "grad_fn": None, "label": "w", "shape": [2], "value": [1., 2.],
                             "grad": [3., 4.]}
    assert by_label["Mul"]["shape"] == [2] and by_label["Mul"]["grad"] == [1., 1.]
    edges = {(e["source"], e["target"]) for e in g["edges"]}
    ids = {k: v["id"] for k, v in by_label.items()}
    assert edges == {(ids["w"], ids["Mul"]), (ids["Mul"], ids["Sum"]), (ids["Sum"], ids["y"]),
                     (ids["b"], ids["y"])}


def test_viz_shows_values_only_of_tensors_at_hand():
    # The graph keeps no values for drawing: an intermediate nobody holds is freed.
    w = torch.tensor([1., 2.], requires_grad=True)
    y = (w * 3).sum()
    y.backward()
    by_label = {n["label"]: n for n in viz.graph(y)["nodes"]}
    assert by_label["Mul"]["value"] is None and by_label["Mul"]["shape"] == [2]
    assert by_label["Mul"]["grad"] == [1., 1.] and by_label["Sum"]["value"] == 9.0


def test_viz_dot_is_a_digraph_with_every_edge():
    x = torch.tensor(2., requires_grad=True)
    y = x * x + x                  # x feeds two ops: the graph is a DAG, each edge once
    dot = viz.to_dot(y, names={"x": x})
    assert dot.startswith("digraph {") and dot.rstrip().endswith("}")
    assert dot.count("->") == len(viz.graph(y)["edges"]) == 4
    assert 'label="x\\nshape ()' in dot


# --- nn -------------------------------------------------------------------------------------
def test_linear_initialisation_follows_pytorch_bounds():
    torch.manual_seed(0)
    layer = nn.Linear(16, 200)
    bound = 1 / math.sqrt(16)
    for p in (layer.weight, layer.bias):
        values = p.detach().numpy()
        assert values.min() >= -bound and values.max() <= bound
        assert values.max() - values.min() > 1.8 * bound   # spread over the whole range
    assert layer.weight.shape == torch.Size([200, 16]) and layer.weight.requires_grad


def test_module_registration_state_dict_and_modes():
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(2, 3)
            self.out = nn.Sequential(nn.Linear(3, 1), nn.Sigmoid())

        def forward(self, x):
            return self.out(self.hidden(x).relu())

    net = Net()
    names = [n for n, _ in net.named_parameters()]
    assert names == ["hidden.weight", "hidden.bias", "out.0.weight", "out.0.bias"]
    assert [type(c).__name__ for c in net.children()] == ["Linear", "Sequential"]
    state = net.state_dict()
    other = Net()
    assert repr(other.load_state_dict(state)) == "<All keys matched successfully>"
    x = torch.randn(4, 2)
    assert other(x).tolist() == net(x).tolist()
    assert not net.eval().training and not net.out[1].training and net.train().hidden.training
    with pytest.raises(RuntimeError, match='Missing key\\(s\\) in state_dict: "out.0.bias"'):
        del state["out.0.bias"]
        net.load_state_dict(state)


# --- optim: the update rules, checked by hand ---------------------------------------------------
def _run(opt_class, steps=3, **kwargs):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = opt_class([w], **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        (w * w).sum().backward()      # gradient 2w
        opt.step()
    return np.array(w.tolist())


def test_sgd_momentum_dampening_nesterov_weight_decay():
    lr, mu, damp, wd = 0.1, 0.9, 0.1, 0.01
    for nesterov in (False, True):
        w, buf = np.array([1.0, -2.0]), None
        for _ in range(3):
            d = 2 * w + wd * w
            buf = d.copy() if buf is None else mu * buf + (1 - (0 if nesterov else damp)) * d
            w = w - lr * (d + mu * buf if nesterov else buf)
        got = _run(optim.SGD, lr=lr, momentum=mu, dampening=0 if nesterov else damp,
                   weight_decay=wd, nesterov=nesterov)
        assert np.allclose(got, w, rtol=1e-6)


@pytest.mark.parametrize("decoupled", [False, True])
def test_adam_and_adamw(decoupled):
    lr, b1, b2, eps, wd = 0.1, 0.9, 0.999, 1e-8, 0.1
    w, m, v = np.array([1.0, -2.0]), 0.0, 0.0
    for t in range(1, 4):
        g = 2 * w
        if decoupled:
            w = w * (1 - lr * wd)
        else:
            g = g + wd * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr / (1 - b1 ** t) * m / (np.sqrt(v) / np.sqrt(1 - b2 ** t) + eps)
    got = _run(optim.AdamW if decoupled else optim.Adam, lr=lr, weight_decay=wd)
    assert np.allclose(got, w, rtol=1e-5)


def test_optimizer_defaults_and_state_dict():
    w = torch.ones(2, requires_grad=True)
    assert optim.SGD([w]).param_groups[0]["lr"] == 1e-3
    assert optim.AdamW([w]).param_groups[0]["weight_decay"] == 1e-2
    opt = optim.SGD([w], lr=0.5, momentum=0.9)
    (w * w).sum().backward()
    opt.step()
    state = opt.state_dict()
    assert state["param_groups"][0]["params"] == [0]
    assert state["state"][0]["momentum_buffer"].tolist() == [2.0, 2.0]
    fresh = optim.SGD([w], lr=0.1, momentum=0.9)
    fresh.load_state_dict(state)
    assert fresh.param_groups[0]["lr"] == 0.5 and fresh.state[w]["momentum_buffer"].tolist() == [2.0, 2.0]

