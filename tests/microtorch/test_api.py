"""Printing, errors, refusals, viz, nn and optim: checked against fixed expectations, and (when
PyTorch is installed) against PyTorch itself on a list of short programs."""
import contextlib
import io
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
    ("a = torch.ones(2, requires_grad=True); y = a.exp(); z = y.sum(); y.mul_(1)", NotImplementedError,
     "microtorch implements a teaching subset of PyTorch; in-place operations on tensors that are "
     "part of a graph (use the out-of-place op, e.g. y = y + 1) is not part of it"),
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
    ("torch.ones(3).cumsum(0)", "Tensor.cumsum"),
    ("nn.Conv2d", "torch.nn.Conv2d"),
    ("optim.RMSprop", "torch.optim.RMSprop"),
    ("nn.functional.gelu", "torch.nn.functional.gelu"),
    ("torch.ones(2, device='cuda')", "device 'cuda'"),
    ("x = torch.ones(1, requires_grad=True); (x * x).sum().backward(create_graph=True)",
     "create_graph=True"),
    ("x = torch.ones(2, requires_grad=True) * 2; x.add_(1)", "in-place operations on tensors"),
    ("torch.ones(2, 2).max(torch.ones(2, 2))", "torch.max(input, other)"),
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


# --- live comparison with PyTorch -------------------------------------------------------------
PROGRAMS = [
    'x=torch.tensor([[1.,2.],[3.,4.]], requires_grad=True); y=(x*x).sum(); y.backward(); print(x.grad)',
    'x=torch.tensor([1.,2.,3.], requires_grad=True); b=torch.tensor([[1.],[2.]], requires_grad=True); y=(x*b).sum(); y.backward(); print(x.grad, b.grad)',
    'x=torch.tensor(2., requires_grad=True); y=x*x; z=y+y; z.backward(); print(x.grad)',
    'x=torch.tensor([1.,2.,3.], requires_grad=True); y=x[[0,0,2]].sum(); y.backward(); print(x.grad)',
    'x=torch.tensor([-1.,0.,1.], requires_grad=True); x.relu().sum().backward(); print(x.grad)',
    'x=torch.tensor([1.,2.]); d=x.detach(); d[0]=5; print(x); v=x.view(2,1); v[1,0]=7; print(x)',
    'print(torch.tensor([1,2]).dtype); torch.tensor([1,2]).requires_grad_()',
    'x=torch.ones(3, requires_grad=True); y=x*2; y.retain_grad(); y.sum().backward(); print(y.grad, x.grad)',
    'x=torch.ones(2,3, requires_grad=True); print(x.sum(dim=1, keepdim=True)); print(x.mean(0))',
    'x=torch.tensor([[1.,5.],[3.,2.]], requires_grad=True); m=x.max(dim=1); print(m); m.values.sum().backward(); print(x.grad)',
    'x=torch.tensor([1.,3.,3.], requires_grad=True); x.max().backward(); print(x.grad)',
    'x=torch.tensor([[1.,2.,3.]], requires_grad=True); s=x.softmax(dim=1); print(s); (s*torch.tensor([1.,2.,3.])).sum().backward(); print(x.grad)',
    'x=torch.tensor([[1.,2.,3.]], requires_grad=True); s=x.log_softmax(dim=1); print(s); s[0,1].backward(); print(x.grad)',
    'x=torch.arange(6.).reshape(2,3); print(x, x.T, x.permute(1,0), x.unsqueeze(0).shape, x.flatten(), x[:,1], x[1], x[..., -1])',
    'a=torch.tensor([1.,2.], requires_grad=True); b=torch.tensor([3.,4.], requires_grad=True); c=torch.cat([a,b]); s=torch.stack([a,b]); (c.sum()+ (s*s).sum()).backward(); print(c, s, a.grad, b.grad)',
    'x=torch.tensor([1.,-2.,3.], requires_grad=True); y=torch.where(x>0, x, x*0.1); y.sum().backward(); print(y, x.grad)',
    'print(torch.tensor([1,2])/2, torch.tensor([1,2])*1.5, torch.tensor([1,2])+torch.tensor([1.,2.]), torch.tensor([True])+1)',
    'print(torch.arange(5), torch.arange(0,1,0.25), torch.linspace(0,1,5), torch.zeros(2,2), torch.ones(3,dtype=torch.int64), torch.full((2,),3.), torch.full((2,),3))',
    'x=torch.tensor([1.,2.],requires_grad=True); print(x.exp(), x.log(), x.sqrt(), x.abs(), x.clamp(1.5), x.sigmoid(), x.tanh(), x**2, 2**x, x**x, 1-x, 2/x, x/3)',
    'x=torch.tensor([0.,1.],requires_grad=True); (x**0).sum().backward(); print(x.grad); y=torch.tensor([0.,4.],requires_grad=True); print(torch.sqrt(y))',
    'import torch.nn as nn; torch.manual_seed(0); l=nn.Linear(3,2); print([p.shape for p in l.parameters()], list(dict(l.named_parameters()).keys()), l.weight.abs().max().item() <= 3**-0.5)',
    'import torch.nn as nn; m=nn.Sequential(nn.Linear(2,3), nn.ReLU()); print(m.state_dict().keys()); print(m[0]); print(len(m)); print(list(m.children()))',
    'import torch.nn.functional as F; x=torch.tensor([[1.,2.,0.5],[0.1,0.2,3.]], requires_grad=True); t=torch.tensor([0,2]); l=F.cross_entropy(x,t); l.backward(); print(l, x.grad)',
    'import torch.nn.functional as F; p=torch.tensor([0.2,0.9], requires_grad=True); t=torch.tensor([0.,1.]); l=F.binary_cross_entropy(p,t); l.backward(); print(l, p.grad)',
    'import torch.nn.functional as F; p=torch.tensor([0.2,-0.9], requires_grad=True); t=torch.tensor([0.,1.]); l=F.binary_cross_entropy_with_logits(p,t); l.backward(); print(l, p.grad)',
    'import torch.nn.functional as F; p=torch.tensor([0.2,-0.9], requires_grad=True); t=torch.tensor([0.,1.]); l=F.l1_loss(p,t); l.backward(); print(l, p.grad)',
    'w=torch.tensor([1.,2.], requires_grad=True); opt=torch.optim.Adam([w], lr=0.1); \nfor i in range(5):\n  opt.zero_grad(); ((w-3)**2).sum().backward(); opt.step()\nprint(w.tolist())',
    'w=torch.tensor([1.,2.], requires_grad=True); opt=torch.optim.AdamW([w], lr=0.1, weight_decay=0.1); \nfor i in range(5):\n  opt.zero_grad(); ((w-3)**2).sum().backward(); opt.step()\nprint(w.tolist())',
    'w=torch.tensor([1.,2.], requires_grad=True); opt=torch.optim.Adam([w], lr=0.1, weight_decay=0.1, amsgrad=True); \nfor i in range(5):\n  opt.zero_grad(); ((w-3)**2).sum().backward(); opt.step()\nprint(w.tolist())',
    'w=torch.tensor([1.,2.], requires_grad=True); opt=torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01); \nfor i in range(5):\n  opt.zero_grad(); ((w-3)**2).sum().backward(); opt.step()\nprint(w.tolist())',
    "w=torch.tensor([1.,2.], requires_grad=True); opt=torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5); \nfor i in range(5):\n  opt.zero_grad(); ((w-3)**2).sum().backward(); opt.step()\nprint(w.tolist(), opt.state_dict()['state'])",
    'x=torch.tensor(1., requires_grad=True); y=x*2; y.backward(); y.backward()',
    'x=torch.tensor(1., requires_grad=True); y=x+2; y.backward(); y.backward(); print(x.grad)',
    'x=torch.tensor([1.,2.], requires_grad=True); print(x.sum().item(), x.tolist(), x.detach().numpy(), x.shape, x.size(), x.size(0), x.ndim, x.dtype, x.is_leaf, (x*2).is_leaf)',
    'x=torch.ones(2,3); y=torch.ones(3,2); print((x@y).shape); torch.ones(2)@torch.ones(2,3)',
    'print(torch.tensor([[1e-5, 1.],[100., 1e3]]), torch.tensor([1.5e10]), torch.tensor([123456789.]), torch.tensor([0.001, 0.01]), torch.tensor([[-1, 10],[100, -1000]]))',
    'print(torch.randn(2,3,4).shape, torch.rand(2).dtype, torch.randint(0,5,(3,)).dtype, torch.zeros(3).tolist())',
    'x = torch.tensor([1.,2.,3.], requires_grad=True); h = x.register_hook(lambda g: g*2); (x*x).sum().backward(); print(x.grad)',
    'x = torch.tensor([1.,2.,3.], requires_grad=True); g = torch.autograd.grad((x*x).sum(), x); print(g, x.grad)',
    'x = torch.tensor([1.,2.,3.], requires_grad=True)\nwith torch.no_grad():\n  y = x*2\nprint(y, y.requires_grad, torch.is_grad_enabled())',
    'x = torch.ones(2,3); print(x.squeeze(), torch.ones(1,3).squeeze(0), x.transpose(0,1).shape, x.t().is_contiguous(), x.reshape(-1, 2))',
    'x = torch.arange(12.).reshape(3,4); print(x[1:, ::2], x[x>5], x[[0,2]], x[:, [1,3]], x[0, None])',
    'x=torch.tensor([[1.,2.],[3.,4.]]); print(x.argmax(), x.argmax(dim=1), x.min(), x.max(0), (x>2).sum(), x.sum(0).dtype, (x>2).sum().dtype)',
    'x = torch.tensor([3.], requires_grad=True); y = x * 2; print(y.grad)',
    'torch.tensor(3.).backward()',
    'torch.ones(2,3, requires_grad=True).sum(0).backward()',
    'x=torch.ones(2, requires_grad=True); x.add_(1)',
    'x=torch.ones(2, requires_grad=True); x[0]=2',
    'torch.ones(2,3)@torch.ones(2,3)',
    'torch.ones(3)+torch.ones(4)',
    'torch.ones(2,3)+torch.ones(3,2)',
    'torch.tensor([1,2], requires_grad=True)',
    'torch.ones(2,3).view(4)',
    'torch.ones(2,3).T.view(6)',
    'torch.ones(2, requires_grad=True).numpy()',
    'torch.ones(2).item()',
    'bool(torch.ones(2))',
    'x=torch.ones(2, requires_grad=True); (x*2).requires_grad_(False)',
    'x=torch.ones(2, requires_grad=True); x.sum().backward(torch.ones(2))',
    'a=torch.ones(3, requires_grad=True); c=torch.ones(3); y=(a*c).sum(); c.add_(1); y.backward()',
    'a=torch.ones(3, requires_grad=True); y=a.exp(); z=y.sum()\nwith torch.no_grad():\n  y.add_(1)\nz.backward()',
    'a=torch.ones(3, requires_grad=True); c=torch.ones(3); y=(a*c).sum(); a.data.add_(1); y.backward(); print(a.grad)',
    'torch.ones(2)[5]',
    'torch.ones(2,3).sum(dim=2)',
    'torch.tensor([1,2]).mean()',
    'torch.cat([torch.ones(2,3), torch.ones(3,2)])',
    'torch.stack([torch.ones(2), torch.ones(3)])',
    'torch.ones(2,3).reshape(4,2)',
    'import torch.nn.functional as F; F.mse_loss(torch.ones(3,1), torch.ones(3))',
    'import torch.nn.functional as F; F.cross_entropy(torch.ones(2,3), torch.tensor([0,3]))',
    'import torch.nn.functional as F; F.cross_entropy(torch.ones(2,3), torch.tensor([0.,1.]))',
    'import torch.nn.functional as F; F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.ones(2))',
    'import torch.nn.functional as F; F.binary_cross_entropy(torch.tensor([0.5]), torch.ones(1,1))',
    'import torch.nn.functional as F; F.binary_cross_entropy_with_logits(torch.tensor([0.5]), torch.ones(1,1))',
    'import torch.nn as nn; nn.Linear(2,3)(torch.ones(4,3))',
    "import torch.nn as nn; m=nn.Linear(2,3); m.load_state_dict({'weight': torch.ones(3,2)})",
    "import torch.nn as nn; m=nn.Linear(2,3); print(m.load_state_dict({'weight': torch.ones(3,2), 'bias': torch.zeros(3)})); print(m.bias)",
    "import torch.nn as nn; m=nn.Linear(2,3); m.load_state_dict({'weight': torch.ones(2,2), 'bias': torch.zeros(3)})",
    'torch.optim.SGD([], lr=0.1)',
    'x=(torch.ones(2, requires_grad=True)*2); torch.optim.SGD([x], lr=0.1)',
    'print(torch.tensor([[1.,2.],[3.,4.]], requires_grad=True)*2)',
    'print(torch.arange(2000.).reshape(40,50))',
    'print(torch.zeros(3, dtype=torch.float64), torch.tensor([], dtype=torch.int64), torch.zeros(2,0), torch.tensor([[True,False]]))',
    "print(torch.tensor([1.,float('nan'), float('inf')]), torch.tensor([1.5, float('-inf')]), torch.tensor([0.,0.]))",
    'print(torch.linspace(-1,1,7), torch.arange(10).reshape(2,5)*1000000)',
    'import torch.nn as nn\nclass Net(nn.Module):\n  def __init__(self):\n    super().__init__(); self.fc=nn.Linear(2,4); self.act=nn.Sigmoid(); self.out=nn.Sequential(nn.Linear(4,1), nn.Tanh())\n  def forward(self,x): return self.out(self.act(self.fc(x)))\nn=Net(); print(n); print([k for k,_ in n.named_parameters()]); print(n(torch.ones(1,2)).shape); print(n.training, n.eval().training, n.fc.training)',
    "print(torch.nn.CrossEntropyLoss(), torch.nn.BCELoss(), torch.nn.L1Loss(), torch.nn.MSELoss(reduction='sum'))",
    'x=torch.tensor([1.,2.], requires_grad=True); y=x*3; print(y.grad_fn.next_functions[0][0].variable is x)',
    'x = torch.tensor(5); print(x, x.item(), x+1, x*1.0, x/2, -x, x**2)',
    'print(torch.tensor(3.14159), torch.tensor(-0.5), torch.tensor(1e-8), torch.tensor(100.), torch.tensor([100.5, 2.]))',
    'x=torch.tensor([1.,2.,3.]); x+=1; x*=2; x-=1; x/=2; print(x); x.zero_(); print(x); x.fill_(3); print(x)',
    'x=torch.tensor([1.,2.], requires_grad=True)\nwith torch.no_grad():\n  x -= 0.1*torch.ones(2)\nprint(x)',
    'x=torch.tensor([1.,2.], requires_grad=True); x.grad=None; (x*x).sum().backward(); (x*x).sum().backward(); print(x.grad); x.grad.zero_(); print(x.grad)',
    'print(torch.Size([2,3]), torch.ones(2,3).shape == (2,3), torch.ones(2,3).size(-1), torch.ones(2,3).numel())',
    'print(torch.float32, torch.int64, torch.bool, torch.float64, torch.ones(1).dtype == torch.float, torch.tensor([1]).dtype == torch.long)',
    'x=torch.tensor([1.,2.], dtype=torch.float64, requires_grad=True); y=x*torch.tensor([1.,1.]); print(y); y.sum().backward(); print(x.grad)',
    'x=torch.tensor([[1.,2.],[3.,4.]]); print(torch.exp(x), torch.sum(x), torch.mean(x, dim=0), torch.max(x), torch.relu(x-2), torch.sigmoid(x), torch.softmax(x, dim=0))',
    'import torch.nn.functional as F; x=torch.tensor([[1.,2.]]); print(F.softmax(x, dim=1), F.relu(x), F.log_softmax(x, dim=-1))',
    'import torch.nn.functional as F; print(F.softmax(torch.tensor([[1.,2.]])))',
    'x=torch.tensor([1.,2.], requires_grad=True); y=x.clone(); print(y, x.float() is x, x.double())',
    'print(torch.tensor([1,2,3]) == torch.tensor([1,5,3]), torch.tensor([1.,2.]) > 1, (torch.tensor([1.,2.]) > 1).float())',
    'print(torch.ones(2,2).tolist(), torch.tensor(2.5).tolist(), len(torch.ones(4,2)), [t for t in torch.arange(3)])',
    "x = torch.tensor([2.], requires_grad=True); print(f'{x.item():.3f}', f'{(x*2).sum():.2f}')",
    'print(torch.zeros_like(torch.ones(2,2)), torch.ones_like(torch.tensor([1,2])), torch.randn(2,2).shape)',
    'w=torch.tensor([1.,2.], requires_grad=True)\nfor i in range(3):\n  loss=((w*3-1)**2).sum(); loss.backward()\n  with torch.no_grad():\n    w -= 0.01*w.grad\n  w.grad.zero_()\nprint(w, loss)',
    'w=torch.tensor([1.,2.], requires_grad=True)\nloss=(w**2).sum(); loss.backward()\nw.data -= 0.1*w.grad.data\nprint(w, w.grad)',
    'import numpy as np; a=np.array([1,2]); b=np.array([1.,2.]); print(torch.tensor(a), torch.tensor(b), torch.from_numpy(b), torch.tensor(np.float32(2.5)))',
    'x=torch.tensor([[True,False],[True,True]]); print(x.sum(), x.sum(0), x.float().mean(), x.any(), x.all())',
    'x=torch.arange(24.).reshape(2,3,4); print(x.mean(dim=(0,2)), x.sum((1,2), keepdim=True).shape, x.view(-1).shape, x.max(dim=-1).indices)',
    'torch.ones(2,3).squeeze(3)',
    'torch.ones(2,3).sum(-3)',
    'print(torch.tensor([3,1,2]).max(), torch.tensor([-3,1,2]).clamp(min=0), torch.tensor([-3,1,2]).abs(), torch.tensor([1,2]).float())',
    'x=torch.tensor([1.,2.,3.], requires_grad=True); y=x*2\nwith torch.no_grad():\n  y += 1\nprint(y)',
    'x=torch.tensor([-2.,-0.5,0.,0.5,2.], requires_grad=True); y=x.clamp(-1,1); y.sum().backward(); print(y, x.grad)',
    'x=torch.tensor([-2.,0.,3.], requires_grad=True); y=x.abs(); y.sum().backward(); print(x.grad)',
    'x=torch.tensor([[1.,2.],[3.,4.]], requires_grad=True); y=x.T@x; y.sum().backward(); print(y, x.grad)',
    'x=torch.ones(2,3,4, requires_grad=True); w=torch.ones(4,5, requires_grad=True); y=x@w; y.sum().backward(); print(y.shape, x.grad.shape, w.grad[0], y.grad_fn.name())',
    'v=torch.tensor([1.,2.], requires_grad=True); m=torch.tensor([[1.,2.,3.],[4.,5.,6.]], requires_grad=True); y=v@m; y.sum().backward(); print(y, v.grad, m.grad)',
    'm=torch.tensor([[1.,2.],[4.,5.]], requires_grad=True); v=torch.tensor([1.,2.], requires_grad=True); y=m@v; y.sum().backward(); print(y, v.grad, m.grad); print(v@v)',
    'x=torch.tensor([1.,2.,3.,4.], requires_grad=True); y=x.view(2,2).t().reshape(4); y[0].backward(); print(y, x.grad)',
    'x=torch.tensor([[1.,2.],[3.,4.]], requires_grad=True); y=x[:,0]*x[1]; y.sum().backward(); print(y, x.grad)',
    'x=torch.tensor([1.,2.,3.], requires_grad=True); y=x[x>1]; y.sum().backward(); print(y, x.grad)',
    'x=torch.zeros(3); x[1]=5; x[[0,2]]=torch.tensor([1.,2.]); print(x)',
    'import torch.nn as nn; m=nn.Sequential(nn.Linear(2,2), nn.Tanh(), nn.Linear(2,1), nn.Sigmoid()); print(m); print(sum(p.numel() for p in m.parameters()))',
    'import torch.nn as nn; torch.manual_seed(0); m=nn.Linear(3,2,bias=False); print(m, m.bias, len(list(m.parameters())))',
    "import torch.nn as nn; m=nn.Linear(2,2); o=torch.optim.SGD(m.parameters(), lr=0.1); print(o.param_groups[0]['lr'], len(o.param_groups[0]['params'])); o.param_groups[0]['lr']=0.01; print(o.param_groups[0]['lr'])",
    'x=torch.randn(3); print(x.requires_grad, x.is_leaf, x.grad_fn, x.grad)',
    'x=torch.tensor(2., requires_grad=True); y=x**3; g,=torch.autograd.grad(y, x); print(g); y.backward(); print(x.grad)',
    'x=torch.tensor(2., requires_grad=True); y=x**3; g,=torch.autograd.grad(y, x, retain_graph=True); y.backward(); print(g, x.grad)',
    'a=torch.tensor([1.,2.], requires_grad=True); b=a.detach(); print(b.requires_grad, b.is_leaf); b.requires_grad_(); print(b.requires_grad)',
    'print(torch.tensor([1.,2.]).dtype, torch.tensor([1,2.]).dtype, torch.tensor(1).dtype, torch.tensor(True).dtype, torch.tensor([[1.]]).ndim)',
    'x=torch.tensor([1,2,3]); print(x*2, x*2.0, x/1, x+True, x==2, x.sum(), x.float().mean(), x.double())',
    'print(torch.tensor([0.00012345, 123.45]), torch.tensor([-1.5, 22.25, 333.125]), torch.tensor([1e20]), torch.tensor([12345678.]))',
    'print(torch.zeros(2,3,4))',
    'print(torch.ones(3, requires_grad=True).sum(dim=0), torch.ones(2,2).mean(dim=1, keepdim=True))',
    "import torch.nn.functional as F; x=torch.tensor([[2.,1.,0.1]], requires_grad=True); l=F.cross_entropy(x, torch.tensor([0]), reduction='sum'); l.backward(); print(l, x.grad); print(F.cross_entropy(x, torch.tensor([0]), reduction='none'))",
    "import torch.nn.functional as F; print(F.mse_loss(torch.tensor([1.,2.]), torch.tensor([0.,0.]), reduction='none'), F.mse_loss(torch.tensor([1.,2.]), torch.tensor([0.,0.]), reduction='sum'))",
    'import torch.nn.functional as F; x=torch.tensor([[2.,1.,0.1],[0.,0.,1.]], requires_grad=True); l=F.nll_loss(F.log_softmax(x,dim=1), torch.tensor([0,2])); print(l); l.backward(); print(x.grad)',
    'import torch.nn as nn; print(nn.CrossEntropyLoss()(torch.tensor([[1.,2.]]), torch.tensor([1])), nn.BCEWithLogitsLoss()(torch.tensor([0.3]), torch.tensor([1.])), nn.BCELoss()(torch.tensor([0.3]), torch.tensor([1.])), nn.L1Loss()(torch.tensor([0.3]), torch.tensor([1.])))',
    'x=torch.tensor([1.,2.], requires_grad=True); y=torch.stack([x, x*2], dim=1); print(y); z=torch.cat([x, x], dim=0); print(z)',
    'x=torch.tensor([3.,4.], requires_grad=True); n=(x**2).sum().sqrt(); n.backward(); print(n, x.grad)',
    'x=torch.tensor([0.,1.], requires_grad=True); s=torch.sigmoid(x); t=torch.tanh(x); (s+t).sum().backward(); print(s, t, x.grad)',
    'x=torch.tensor([1.,2.], requires_grad=True); print(x.unsqueeze(1), x.unsqueeze(-1).shape, x[None,:].shape, x.reshape(1,2,1).squeeze())',
    'print(torch.randint(5, (2,3)).shape, torch.randint(2, 5, (4,)).dtype, torch.rand(2, 3).dtype, torch.randn(2, dtype=torch.float64).dtype)',
    'print(torch.arange(1, 10, 2), torch.arange(0., 1., 0.3), torch.arange(5, dtype=torch.float32), torch.linspace(0, 10, steps=3))',
    'x=torch.tensor([1.,2.]); print(x.numpy(), type(x.numpy()).__name__, x.tolist(), x[0].item(), type(x[0].item()).__name__)',
    'w = torch.tensor([1.], requires_grad=True); opt = torch.optim.SGD([w], lr=0.1)\nfor i in range(2):\n  loss = (w*2).sum(); loss.backward()\nprint(w.grad); opt.step(); print(w)',
    'x=torch.tensor([1.,2.], requires_grad=True); print([t for t in x]); print(list(torch.ones(2,2)))',
    'x=torch.tensor([[1.,2.],[3.,4.]], requires_grad=True); a,b = x; print(a, b)',
    'x=torch.tensor([1.,2.], requires_grad=True); y=x*2; y.retain_grad(); z=y.sum(); z.backward(); print(y.grad, y.retains_grad, x.retains_grad)',
    'x=torch.tensor([1.,2.], requires_grad=True); print(x.sum(0), x.mean(-1), x.max(0), x.min(dim=0))',
    'print(torch.tensor([[0.5, -1.25], [10., 3.]]).softmax(dim=-1))',
    'x = torch.tensor([1., 2., 3.]); print(x.view(3, 1) - x.view(1, 3))',
    'x = torch.ones(3, 1, requires_grad=True); y = torch.ones(1, 3); z = (x * y).sum(); z.backward(); print(x.grad, y.grad)',
    'import torch.nn as nn; print(nn.Softmax(dim=1), nn.Flatten(), nn.Identity(), nn.LogSoftmax(dim=1), nn.ReLU())',
    'import torch.nn as nn; m = nn.Linear(2,1); print(type(m.weight).__name__, isinstance(m.weight, torch.Tensor), m.weight.is_leaf, m.weight.grad)',
    'import torch.nn as nn; m = nn.Sequential(nn.Linear(2,1)); print(m[0].weight.shape, m[-1].bias.shape, [n for n, _ in m.named_children()])',
    'x = torch.tensor([[1, 2], [3, 4]]); print(x.T, x.t(), x.shape[0], x.size(1), x.flatten(), x.reshape(4, 1).squeeze(1))',
    'x = torch.tensor([1.5, -0.5]); print(x.int(), x.long(), x.bool(), x.float().dtype, x.to(torch.float64), x.type())',
    'print(torch.zeros(2, dtype=torch.int64) + 0.5)',
    'print(torch.tensor(2) ** 3, torch.tensor(2.) ** 3, 2 ** torch.tensor(3), torch.tensor([4.]) ** 0.5)',
    'print(torch.tensor([1., 2., 3.]).mean().item(), torch.tensor([1, 2, 3]).sum().item(), torch.tensor(2.).item() * 3)',
    'x = torch.arange(6).reshape(2, 3); print(x[0, 1], x[-1], x[:, -1], x[1, 1:], x[..., 0])',
    'x = torch.tensor([0.1, 0.2, 0.7]); print(x.argmax().item(), (x > 0.15).nonzero() if False else x.argmin())',
]


def _run_program(module, code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(code.replace("import torch.nn as nn", "nn = torch.nn")
                     .replace("import torch.nn.functional as F", "F = torch.nn.functional"),
                 {"torch": module})
        except Exception as error:   # the type and first line are part of the comparison
            print("raised", type(error).__name__, str(error).split("\n")[0])
    # PyTorch appends where in its C++ sources a warning came from; that part is not compared.
    return out.getvalue() + "".join(
        f"warned {w.category.__name__}: {str(w.message).split(' (Triggered internally')[0]}\n"
        for w in caught)


@pytest.mark.parametrize("code", PROGRAMS)
def test_same_output_as_pytorch(code):
    real = pytest.importorskip("torch")
    assert _run_program(microtorch, code) == _run_program(real, code)
