# Gradients: backward, accumulation, broadcasting back, grad mode, detach, hooks, the graph.

# %% square-plus-linear
import torch
x = torch.tensor(2., requires_grad=True)
y = x ** 2 + 3 * x
y.backward()
print(y, x.grad)

# %% grad-starts-none
import torch
w = torch.tensor([1., 2.], requires_grad=True)
print(w.grad)
(w * w).sum().backward()
print(w.grad)

# %% accumulation-across-backwards
import torch
x = torch.tensor(1., requires_grad=True)
for _ in range(3):
    (x * 2).backward()
    print(x.grad)
x.grad.zero_()
print(x.grad)

# %% leaf-used-twice
import torch
x = torch.tensor(3., requires_grad=True)
y = x * x + x
y.backward()
print(x.grad)

# %% reused-intermediate
import torch
x = torch.tensor(2., requires_grad=True)
h = x + 1
z = h * h + h
z.backward()
print(x.grad)

# %% repeated-fancy-index
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
x[[0, 0, 2, 0]].sum().backward()
print(x.grad)

# %% slice-gradient
import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
(x[0] * 10 + x[:, 1]).sum().backward()
print(x.grad)

# %% broadcast-grad-sums-back
import torch
x = torch.ones(2, 3)
b = torch.tensor([1., 2., 3.], requires_grad=True)
r = torch.tensor([[1.], [2.]], requires_grad=True)
(x * b + r).sum().backward()
print(b.grad, b.grad.shape)
print(r.grad, r.grad.shape)

# %% sum-to-size
import torch

g = torch.arange(24.).reshape(4, 2, 3)
for size in [(2, 3), (1, 3), (2, 1), (3,), (1, 1, 1), (4, 1, 3), ()]:
    print(size, g.sum_to_size(size).tolist())
print(g.sum_to_size(2, 1).shape, g.sum_to_size(torch.Size([3])).shape)
a = torch.ones(2, 3, requires_grad=True)
x = a * 2
for size in [(3,), (1, 3), (2, 3)]:
    y = x.sum_to_size(*size)
    print(size, y.grad_fn.name(), y is x)
y = x.sum_to_size(3)
y.backward(torch.tensor([1., 2., 3.]))
print(a.grad)
print(torch.ones(2, 3, requires_grad=True).sum_to_size(2, 3).grad_fn)

# %% sum-to-size-not-expandable
import torch

for size in [(4,), (2,), (1, 2, 3), (3, 1)]:
    try:
        torch.ones(2, 3).sum_to_size(size)
    except RuntimeError as e:
        print(e)
torch.ones(2, 3).sum_to_size()

# %% broadcast-grad-size-one-and-0d
import torch
s = torch.tensor(2., requires_grad=True)
k = torch.ones(1, 3, requires_grad=True)
y = (s * k * torch.ones(4, 1, 3)).sum()
y.backward()
print(s.grad, s.grad.shape)
print(k.grad, k.grad.shape)

# %% mean-grad
import torch
x = torch.tensor([1., 2., 3., 4.], requires_grad=True)
x.mean().backward()
print(x.grad)

# %% sum-dim-grad
import torch
x = torch.ones(2, 3, requires_grad=True)
(x.sum(dim=1) * torch.tensor([1., 2.])).sum().backward()
print(x.grad)

# %% matmul-grads
import torch
W = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
x = torch.tensor([[1.], [-1.]], requires_grad=True)
(W @ x).sum().backward()
print(W.grad)
print(x.grad)

# %% vector-matmul-grads
import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
M = torch.ones(3, 2, requires_grad=True)
(a @ M).sum().backward()
print(a.grad)
print(M.grad)

# %% pointwise-grads
import torch
x = torch.tensor([0.5, 1., 2.], requires_grad=True)
(x.exp() + x.log() + x.sqrt()).sum().backward()
print(x.grad)

# %% activation-grads
import torch
x = torch.tensor([-1., 0.5, 2.], requires_grad=True)
(x.sigmoid() + x.tanh()).sum().backward()
print(x.grad)

# %% relu-grad-at-zero
import torch
x = torch.tensor([-1., 0., 1.], requires_grad=True)
x.relu().sum().backward()
print(x.grad)

# %% abs-grad-at-zero
import torch
x = torch.tensor([-2., 0., 3.], requires_grad=True)
x.abs().sum().backward()
print(x.grad)

# %% clamp-grad-boundaries
import torch
x = torch.tensor([-1., 0., 0.5, 1., 2.], requires_grad=True)
x.clamp(0, 1).sum().backward()
print(x.grad)

# %% max-dim-grad
import torch
x = torch.tensor([[1., 5., 2.], [7., 0., 3.]], requires_grad=True)
values, _ = x.max(dim=1)
values.sum().backward()
print(x.grad)

# %% max-all-grad-with-ties
import torch
x = torch.tensor([3., 1., 3.], requires_grad=True)
x.max().backward()
print(x.grad)

# %% division-grads
import torch
a = torch.tensor(6., requires_grad=True)
b = torch.tensor(3., requires_grad=True)
(a / b).backward()
print(a.grad, b.grad)

# %% pow-grads
import torch
x = torch.tensor(2., requires_grad=True)
p = torch.tensor(3., requires_grad=True)
(x ** p).backward()
print(x.grad, p.grad)

# %% softmax-grads
import torch
z = torch.tensor([1., 2., 3.], requires_grad=True)
w = torch.tensor([1., 0., 0.])
(torch.softmax(z, dim=0) * w).sum().backward()
print(z.grad)
z.grad = None
torch.log_softmax(z, dim=0)[2].backward()
print(z.grad)

# %% shape-op-grads
import torch
x = torch.arange(6.).requires_grad_()
y = x.view(2, 3).T.reshape(3, 2).unsqueeze(0).squeeze(0)
(y * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(x.grad)

# %% cat-stack-where-grads
import torch
a = torch.tensor([1., -2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
c = torch.cat([a, b]) * torch.tensor([1., 2., 3., 4.])
s = torch.stack([a, b]).sum(dim=0)
w = torch.where(a > 0, a, b)
(c.sum() + s.sum() + w.sum()).backward()
print(a.grad, b.grad)

# %% backward-with-gradient
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * x
y.backward(torch.tensor([1., 0.1, 0.01]))
print(x.grad)

# %% retain-graph-twice
import torch
x = torch.tensor(2., requires_grad=True)
y = x ** 3
y.backward(retain_graph=True)
y.backward()
print(x.grad)

# %% no-saved-values-second-backward-ok
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = (x + 1).sum()
y.backward()
y.backward()
print(x.grad)

# %% no-grad-block
import torch
w = torch.tensor(1., requires_grad=True)
with torch.no_grad():
    y = w * 2
print(y, y.requires_grad, y.grad_fn)
z = w * 2
print(z.requires_grad)

# %% no-grad-decorator
import torch
w = torch.tensor([1., 2.], requires_grad=True)

@torch.no_grad()
def predict(v):
    return v * 10

print(predict(w))

# %% enable-grad-inside-no-grad
import torch
x = torch.tensor(1., requires_grad=True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
    z = x * 2
print(y.requires_grad, z.requires_grad)

# %% set-grad-enabled
import torch
x = torch.tensor(1., requires_grad=True)
with torch.set_grad_enabled(False):
    a = x + 1
with torch.set_grad_enabled(True):
    b = x + 1
print(a.requires_grad, b.requires_grad)

# %% manual-gradient-descent
import torch
w = torch.tensor(0.0, requires_grad=True)
xs = torch.tensor([1., 2., 3.])
ys = 2 * xs
for step in range(4):
    loss = ((w * xs - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
    print(step, round(loss.item(), 4), round(w.item(), 4))

# %% detach-stops-gradient
import torch
x = torch.tensor(3., requires_grad=True)
y = x * x
z = y.detach() * x
z.backward()
print(x.grad, y.detach().requires_grad, y.detach().is_leaf)

# %% requires-grad-underscore
import torch
t = torch.tensor([1., 2.])
print(t.requires_grad_())
print(t.requires_grad, t.is_leaf)
t.requires_grad_(False)
print(t.requires_grad)

# %% leaf-and-non-leaf
import torch
x = torch.tensor(1., requires_grad=True)
c = torch.tensor(1.)
y = x * 2
print(x.is_leaf, c.is_leaf, y.is_leaf, (c * 2).is_leaf)
print(y.requires_grad, (c * 2).requires_grad)

# %% retain-grad
import torch
x = torch.tensor(2., requires_grad=True)
h = x * 3
h.retain_grad()
y = h ** 2
y.backward()
print(h.grad, x.grad)

# %% hook-observes
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 3
y.register_hook(lambda g: print("grad of y:", g))
y.sum().backward()
print(x.grad)

# %% hook-replaces-grad
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x.register_hook(lambda g: g * 100)
(x * 2).sum().backward()
print(x.grad)

# %% autograd-grad-function
import torch
x = torch.tensor(3., requires_grad=True)
y = x ** 2
(g,) = torch.autograd.grad(y, x)
print(g, x.grad)

# %% autograd-grad-two-inputs
import torch
from torch.autograd import grad
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
ga, gb = grad((a * b).sum(), [a, b])
print(ga, gb)

# %% float64-grad
import torch
x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
(x ** 2).sum().backward()
print(x.grad)

# %% deep-chain-no-recursion-limit
import torch
x = torch.tensor(1., requires_grad=True)
y = x
for _ in range(5000):
    y = y * 1.0001
y.backward()
print(round(x.grad.item(), 3))

# %% item-of-loss
import torch
w = torch.tensor([0.5, -0.5], requires_grad=True)
loss = (w ** 2).sum()
print(loss.item(), type(loss.item()).__name__)

# %% data-attribute-update
import torch
w = torch.tensor([1., 2.], requires_grad=True)
(w * w).sum().backward()
w.data -= 0.1 * w.grad.data
print(w, w.is_leaf)

# %% one-element-backward
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = (x * 3).sum(dim=0, keepdim=True)
print(y.shape)
y.backward()
print(x.grad)

# %% hook-remove-and-order
import torch
x = torch.tensor(1., requires_grad=True)
y = x * 2
first = y.register_hook(lambda g: print("first", g))
y.register_hook(lambda g: print("second", g))
first.remove()
y.backward()

# %% retain-grad-accumulates
import torch
x = torch.tensor(1., requires_grad=True)
h = x * 3
h.retain_grad()
(h * 2).backward(retain_graph=True)
(h * 5).backward()
print(h.grad, x.grad)

# %% setitem-under-no-grad
import torch
w = torch.zeros(3, requires_grad=True)
with torch.no_grad():
    w[0] = 1.0
print(w)

# %% grad-at-log-zero
import torch
x = torch.tensor([0., 1.], requires_grad=True)
x.log().sum().backward()
print(x.grad)

# %% backward-on-leaf-itself
import torch
x = torch.tensor(2., requires_grad=True)
x.backward()
print(x.grad)

# %% leaf-in-two-graphs
import torch
w = torch.tensor(2., requires_grad=True)
a = w * 3
b = w ** 2
a.backward()
b.backward()
print(w.grad)

# %% direct-and-broadcast-paths
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
(x * x.sum()).sum().backward()
print(x.grad)

# %% two-list-advanced-index-grad
import torch
x = torch.zeros(2, 3, requires_grad=True)
x[[0, 1, 0], [2, 2, 2]].sum().backward()
print(x.grad)
y = torch.arange(6.).reshape(2, 3).requires_grad_()
y[:, [0, 0]].sum().backward()
print(y.grad)

# %% mask-index-grad
import torch
x = torch.tensor([-1., 2., -3., 4.], requires_grad=True)
x[x > 0].pow(2).sum().backward()
print(x.grad)

# %% negative-index-grad
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
(x[-1] * 5 + x[-3:-1].sum()).backward()
print(x.grad)

# %% autograd-grad-options
import torch
x = torch.tensor([1., 2.], requires_grad=True)
u = torch.tensor(1., requires_grad=True)
y = x ** 2
(g,) = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), retain_graph=True)
print(g)
print(torch.autograd.grad(y.sum(), [x, u], allow_unused=True))

# %% max-dim-ties-and-namedtuple
import torch
x = torch.tensor([[3., 3., 1.], [0., 2., 2.]], requires_grad=True)
out = x.max(dim=1)
print(out.values, out.indices)
out.values.sum().backward()
print(x.grad)
print(torch.max(x.detach(), 1)[1], x.detach().min(dim=0).indices)

# %% min-all-ties-grad
import torch
x = torch.tensor([1., 5., 1., 1.], requires_grad=True)
x.min().backward()
print(x.grad)

# %% grad-mode-restored-after-exception
import torch
x = torch.tensor(1., requires_grad=True)
try:
    with torch.no_grad():
        raise ValueError("boom")
except ValueError:
    pass
print((x * 2).requires_grad)

# %% backward-under-no-grad
import torch
w = torch.tensor(2., requires_grad=True)
loss = w * w
with torch.no_grad():
    loss.backward()
print(w.grad)

# %% clone-is-a-copy-with-grad
import torch
w = torch.tensor([1., 2.], requires_grad=True)
c = w.clone()
print(c)
c.sum().backward()
print(w.grad)
d = w.detach().clone()
d.zero_()
print(w)

# %% inference-tensor-saved-for-backward
import torch
with torch.inference_mode():
    x = torch.ones(2)
print(x.is_inference(), torch.is_inference_mode_enabled())
w = torch.ones(2, requires_grad=True)
print(w + x)   # nothing saved: allowed
(w * x).sum()  # MulBackward0 would save x

# %% inference-mode-results-do-not-require-grad
import torch
w = torch.ones(2, requires_grad=True)
with torch.inference_mode():
    y = w * 2
print(y, y.requires_grad, y.is_inference(), w.is_inference())

# %% inference-tensor-in-place-outside
import torch
with torch.inference_mode():
    x = torch.zeros(3)
x.add_(1)

# %% inference-tensor-requires-grad-outside
import torch
with torch.inference_mode():
    x = torch.zeros(3)
print(x.clone().is_inference())
x.requires_grad_()

# %% inference-mode-decorator
import torch

@torch.inference_mode()
def predict(w):
    return w * 3

w = torch.tensor([1., 2.], requires_grad=True)
out = predict(w)
print(out, out.is_inference(), torch.is_grad_enabled())
