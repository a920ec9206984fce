# In-place ops: the version counter, the rebased graph of a non-leaf changed in place, and
# PyTorch's refusals.

# %% version-counts-every-inplace-op
import torch
y = torch.zeros(3)
print(y._version)
y.add_(1); y.sub_(1); y.mul_(2); y.div_(2); y.relu_(); y.clamp_(0, 1); y.zero_(); y.fill_(2)
print(y._version)
y.copy_(torch.ones(3)); y[0] = 5; y += 1; y -= 1; y *= 2; y /= 2
print(y._version, y)

# %% views-share-the-version
import torch
y = torch.zeros(2, 3)
row, flat, col = y[0], y.view(6), y.t()
row.add_(1)
print(y._version, row._version, flat._version, col._version)
flat[5] = 7
print(y._version, y)
print(y.detach()._version, y.data._version, y.clone()._version)

# %% inplace-returns-self
import torch
y = torch.ones(2)
print(y.add_(1) is y, y.mul_(2) is y, y.zero_() is y, y.relu_() is y, y.fill_(3) is y)

# %% add-on-non-leaf
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.add_(1)
print(y, y._version)
print([type(f).__name__ for f, _ in y.grad_fn.next_functions if f is not None])
y.sum().backward()
print(x.grad)

# %% mul-then-relu-on-non-leaf
import torch
x = torch.tensor([1., -2., 3.], requires_grad=True)
y = x * 1
y.mul_(2)
print(y.grad_fn.name())
y.relu_()
print(y.grad_fn.name(), y)
(y * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)

# %% augmented-assignment-on-non-leaf
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 3
y += x
print(y.grad_fn.name())
y *= x
y -= 1
y /= 2
print(y.grad_fn.name(), y)
y.sum().backward()
print(x.grad)

# %% mul-by-itself-keeps-the-old-value
import torch
x = torch.tensor([1., -2., 3.], requires_grad=True)
w = x * 1
w.mul_(x)
w.sum().backward()
print(x.grad)

# %% div-sub-alpha-on-non-leaf
import torch
x = torch.tensor([2., 4.], requires_grad=True)
y = x * 1
y.div_(x.detach() + 1)
y.sub_(x, alpha=0.5)
y.add_(x, alpha=2)
print(y.grad_fn.name(), y)
y.sum().backward()
print(x.grad)

# %% clamp-on-non-leaf
import torch
x = torch.tensor([-1., 0.5, 2.], requires_grad=True)
y = x * 1
y.clamp_(0, 1)
print(y.grad_fn.name())
y.mul_(2)
y.sum().backward()
print(x.grad)

# %% zero-fill-copy-on-non-leaf
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
a = x * 2
a.zero_()
b = x * 2
b.fill_(5.)
c = x * 2
c.fill_(x[0])
d = x * 2
d.copy_(x.detach() * 10)
e = x * 2
e.copy_(x[1])
for t in (a, b, c, d, e):
    print(t.grad_fn.name(), [f and f.name() for f, _ in t.grad_fn.next_functions])
(a + b + c + d + e).sum().backward()
print(x.grad)

# %% plain-tensor-joins-the-graph
import torch
x = torch.tensor([1., 2.], requires_grad=True)
a = torch.ones(2)
a.mul_(x)
print(a.requires_grad, a.is_leaf, a.grad_fn.name())
a.sum().backward()
print(x.grad)

# %% setitem-on-non-leaf
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
y[0] = 0
print(y.grad_fn.name(), type(y.grad_fn).__name__)
print([f.name() if f is not None else None for f, _ in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad)

# %% setitem-with-a-tensor-that-requires-grad
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
y[1:] = x[0]
print([f.name() for f, _ in y.grad_fn.next_functions])
(y * torch.tensor([1., 10., 100.])).sum().backward()
print(x.grad)

# %% setitem-advanced-index-on-non-leaf
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
y[torch.tensor([0, 2])] = x[:2]
print(y.grad_fn.name(), y)
y.sum().backward()
print(x.grad)
z = x * 1
z[z > 1] = 0.
print(z.grad_fn.name(), z)

# %% inplace-on-view-of-non-leaf
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
v = x * 2
u = v[1:]
u.mul_(3)
print(v.grad_fn.name(), u.grad_fn.name(), v._version, v)
print([f.name() for f, _ in u.grad_fn.next_functions])
v.sum().backward()
print(x.grad)

# %% inplace-on-transposed-view
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.ones(2, 3) * x
t = y.t()
t[0].mul_(10)
print(y)
(y * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(x.grad)

# %% other-views-follow-their-base
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
a, b = y[:2], y[1:]
a.mul_(2)
print(b.grad_fn.name(), b)
b.sum().backward()
print(x.grad)

# %% base-changed-view-follows
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
u = y[1:]
y.mul_(5)
print(u.grad_fn.name(), u)
u.sum().backward()
print(x.grad)

# %% relu-inplace-module
import torch
import torch.nn as nn
act = nn.ReLU(inplace=True)
print(act, nn.ReLU())
x = torch.tensor([-1., 2.], requires_grad=True)
h = x * 3
out = act(h)
print(out is h, out, h._version)
out.sum().backward()
print(x.grad)

# %% saved-value-changed-exp
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x.exp()
y.add_(1)
y.sum().backward()

# %% saved-input-changed-names-its-new-node
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
z = y * y
y[0] = 5
z.sum().backward()

# %% saved-output-changed-twice
import torch
x = torch.tensor([1., -2.], requires_grad=True)
y = x * 2
y.relu_()
y.mul_(2)
y.sum().backward()

# %% saved-input-changed-under-no-grad
import torch
w = torch.tensor([1., 2.], requires_grad=True)
x = torch.tensor([3., 4.])
loss = (w * x).sum()
x.mul_(2)
loss.backward()

# %% saved-leaf-changed-under-no-grad
import torch
w = torch.tensor([1., 2.], requires_grad=True)
loss = (w * w).sum()
with torch.no_grad():
    w.sub_(0.1)
loss.backward()

# %% saved-view-base-changed
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x.sigmoid()
y[1:].mul_(2)
y.sum().backward()

# %% unsaved-value-may-change
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
z = y.exp()
y.add_(1)
z.sum().backward()
print(x.grad, y._version)

# %% leaf-inplace-refused
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x.add_(1)

# %% leaf-setitem-refused
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x[0] = 1

# %% leaf-view-inplace-refused
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x[:1].mul_(2)

# %% view-made-under-no-grad-refused
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
with torch.no_grad():
    v = y[:1]
v.mul_(2)

# %% leaf-inplace-under-no-grad
import torch
x = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    x.add_(1)
    x[0] = 0
    x[1:].mul_(3)
print(x, x.is_leaf, x._version)

# %% inplace-result-type-error
import torch
y = torch.tensor([1, 2])
y.add_(1.5)

# %% inplace-div-on-integers-error
import torch
y = torch.tensor([1, 2])
y /= 2

# %% fill-needs-zero-dim-value
import torch
torch.zeros(3).fill_(torch.ones(2))

# %% inplace-float64-into-float32
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.add_(torch.tensor([0.5, 0.25], dtype=torch.float64))
print(y.dtype, y)
y.sum().backward()
print(x.grad)

# %% retain-grad-and-hooks-follow-inplace
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.retain_grad()
y.register_hook(lambda g: print("hook before", g))
y.mul_(3)
y.register_hook(lambda g: print("hook after", g))
y.sum().backward()
print(y.grad, y.retains_grad, x.grad)

# %% rows-changed-one-by-one
import torch
x = torch.tensor([1., 2.], requires_grad=True)
w = torch.ones(2, 2) * x
w[0].mul_(2)
w[1].add_(x)
print(w, w.grad_fn.name())
w.sum().backward()
print(x.grad)
m = (x * 1).reshape(2, 1)
m.add_(1)
print(m.grad_fn.name())

# %% unbind-view-inplace-refused
import torch
x = torch.tensor([1., 2.], requires_grad=True)
w = torch.ones(3, 2) * x
a, b, c = w
with torch.no_grad():
    b.mul_(2)
print(w)
first, second = w.unbind(1)
second.add_(1)

# %% unbind-rows-of-plain-tensor
import torch
w = torch.ones(2, 2)
for row in w:
    row.mul_(2)
print(w, w._version)

# %% optimizer-step-bumps-version
import torch
w = torch.tensor([1., 2.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w * w).sum().backward()
opt.step()
print(w._version, torch.nn.Parameter(torch.ones(2))._version, torch.nn.Linear(2, 2).weight._version)

# %% inplace-shape-errors
import torch
for f in (lambda: torch.ones(1).add_(torch.ones(2)), lambda: torch.ones(2, 1).mul_(torch.ones(3)),
          lambda: torch.ones(2).sub_(torch.ones(3)), lambda: torch.ones(2).copy_(torch.ones(2, 2)),
          lambda: torch.ones(2).div_(torch.ones(2, 2))):
    try:
        f()
    except RuntimeError as e:
        print(e)

# %% setitem-shape-errors
import torch
t = torch.zeros(2, 2)
t[0:2] = torch.ones(1, 2)
t[0] = torch.ones(1, 1, 2) * 2
print(t)
try:
    t[torch.tensor([0, 1])] = torch.ones(3, 2)
except RuntimeError as e:
    print(e)
t[0:2] = torch.ones(3)

# %% saved-output-of-view-op-changed
import torch
x = torch.tensor([1., -2., 3.], requires_grad=True)
v = x * 2
u = v[1:]
u.relu_()
print(v)
u.mul_(-1)
v.sum().backward()

# %% setitem-index-errors
import torch
t = torch.zeros(2)
try:
    t[5] = 1
except IndexError as e:
    print(e)
t[0:2] = [1., 2.]

# %% pointwise-inplace-ops
import torch
x = torch.tensor([0.5, 2.], requires_grad=True)
for name in ("exp_", "log_", "sqrt_", "abs_", "neg_", "sigmoid_", "tanh_", "reciprocal_", "relu_"):
    y = x * 1
    getattr(y, name)()
    print(name, y.grad_fn.name(), y)
y = x * 1
y.pow_(2)
y **= x
print(y.grad_fn.name(), y)
y.sum().backward()
print(x.grad)
t = torch.tensor([1., 4.])
print(t.sqrt_(), t.neg_().abs_(), t._version)

# %% pointwise-inplace-on-integers
import torch
t = torch.tensor([-1, 2])
print(t.abs_(), t.neg_(), t.pow_(2))
t.exp_()

# %% augmented-assignment-through-indexing
import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * 1
y[0] += 1
y[:, 1] *= x[:, 0]
y[1, 1] -= y[0, 0]
print(y, y.grad_fn.name(), y._version)
(y * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(x.grad)

# %% leaky-relu-in-place
import torch
import torch.nn as nn
import torch.nn.functional as F
print(nn.LeakyReLU(0.1, inplace=True))
x = torch.tensor([-1., 2.], requires_grad=True)
y = x * 1
z = F.leaky_relu(y, 0.1, inplace=True)
print(z, z is y)
z.sum().backward()
print(x.grad)
y = x * 1
print(F.relu(y, inplace=True), y)

# %% op-in-place-forms
import torch
x = torch.zeros(3)
try:
    x.masked_fill_(torch.ones(2, 3, dtype=torch.bool), 1.0)
except RuntimeError as e:
    print(e)
print(torch.tensor([1, 2]).masked_fill_(torch.tensor([True, False]), 0.5))
t = torch.tensor([5, 7])
t %= 2
t //= 1
print(t, t._version)
print(torch.zeros(2).scatter_(0, torch.tensor([1]), 3.0))
try:
    torch.tensor([1, 2]).clamp_(0.5)
except RuntimeError as e:
    print(e)
