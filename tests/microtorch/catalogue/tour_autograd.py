# Short programs through backward() and autograd.grad: gradients, hooks, retained graphs.

# %% mul-1
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = (x * x).sum()
y.backward()
print(x.grad)

# %% mul-2
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([[1.0], [2.0]], requires_grad=True)
y = (x * b).sum()
y.backward()
print(x.grad, b.grad)

# %% mul-add-1
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x * x
z = y + y
z.backward()
print(x.grad)

# %% index-1
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x[[0, 0, 2]].sum()
y.backward()
print(x.grad)

# %% relu
import torch
x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
x.relu().sum().backward()
print(x.grad)

# %% mul-retain-grad-1
import torch
x = torch.ones(3, requires_grad=True)
y = x * 2
y.retain_grad()
y.sum().backward()
print(y.grad, x.grad)

# %% max-1
import torch
x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
m = x.max(dim=1)
print(m)
m.values.sum().backward()
print(x.grad)

# %% max-2
import torch
x = torch.tensor([1.0, 3.0, 3.0], requires_grad=True)
x.max().backward()
print(x.grad)

# %% softmax-mul
import torch
x = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
s = x.softmax(dim=1)
print(s)
(s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)

# %% log-softmax-index
import torch
x = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
s = x.log_softmax(dim=1)
print(s)
s[0, 1].backward()
print(x.grad)

# %% cat-stack-add-mul
import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.cat([a, b])
s = torch.stack([a, b])
(c.sum() + (s * s).sum()).backward()
print(c, s, a.grad, b.grad)

# %% where-mul
import torch
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = torch.where(x > 0, x, x * 0.1)
y.sum().backward()
print(y, x.grad)

# %% pow-sqrt
import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
(x ** 0).sum().backward()
print(x.grad)
y = torch.tensor([0.0, 4.0], requires_grad=True)
print(torch.sqrt(y))

# %% cross-entropy-1
import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]], requires_grad=True)
t = torch.tensor([0, 2])
l = F.cross_entropy(x, t)
l.backward()
print(l, x.grad)

# %% binary-cross-entropy
import torch
import torch.nn.functional as F
p = torch.tensor([0.2, 0.9], requires_grad=True)
t = torch.tensor([0.0, 1.0])
l = F.binary_cross_entropy(p, t)
l.backward()
print(l, p.grad)

# %% binary-cross-entropy-with-logits
import torch
import torch.nn.functional as F
p = torch.tensor([0.2, -0.9], requires_grad=True)
t = torch.tensor([0.0, 1.0])
l = F.binary_cross_entropy_with_logits(p, t)
l.backward()
print(l, p.grad)

# %% l1-loss
import torch
import torch.nn.functional as F
p = torch.tensor([0.2, -0.9], requires_grad=True)
t = torch.tensor([0.0, 1.0])
l = F.l1_loss(p, t)
l.backward()
print(l, p.grad)

# %% adam-zero-grad-pow-sub-1
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for i in range(5):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
print(w.tolist())

# %% adamw-zero-grad-pow-sub
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1, weight_decay=0.1)
for i in range(5):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
print(w.tolist())

# %% adam-zero-grad-pow-sub-2
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1, weight_decay=0.1, amsgrad=True)
for i in range(5):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
print(w.tolist())

# %% sgd-zero-grad-pow-sub-1
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
for i in range(5):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
print(w.tolist())

# %% sgd-zero-grad-pow-sub-2
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5)
for i in range(5):
    opt.zero_grad()
    ((w - 3) ** 2).sum().backward()
    opt.step()
print(w.tolist(), opt.state_dict()['state'])

# %% add
import torch
x = torch.tensor(1.0, requires_grad=True)
y = x + 2
y.backward()
y.backward()
print(x.grad)

# %% register-hook-mul
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x.register_hook(lambda g: g * 2)
(x * x).sum().backward()
print(x.grad)

# %% mul-3
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
g = torch.autograd.grad((x * x).sum(), x)
print(g, x.grad)

# %% mul-add-2
import torch
a = torch.ones(3, requires_grad=True)
c = torch.ones(3)
y = (a * c).sum()
a.data.add_(1)
y.backward()
print(a.grad)

# %% mul-zero
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.grad = None
(x * x).sum().backward()
(x * x).sum().backward()
print(x.grad)
x.grad.zero_()
print(x.grad)

# %% mul-4
import torch
x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = x * torch.tensor([1.0, 1.0])
print(y)
y.sum().backward()
print(x.grad)

# %% pow-mul-sub-no-grad
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    loss = ((w * 3 - 1) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
    w.grad.zero_()
print(w, loss)

# %% pow-inplace-sub-mul
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
w.data -= 0.1 * w.grad.data
print(w, w.grad)

# %% clamp
import torch
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
y = x.clamp(-1, 1)
y.sum().backward()
print(y, x.grad)

# %% abs
import torch
x = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
y = x.abs()
y.sum().backward()
print(x.grad)

# %% matmul-1
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x.T @ x
y.sum().backward()
print(y, x.grad)

# %% matmul-index-name
import torch
x = torch.ones(2, 3, 4, requires_grad=True)
w = torch.ones(4, 5, requires_grad=True)
y = x @ w
y.sum().backward()
print(y.shape, x.grad.shape, w.grad[0], y.grad_fn.name())

# %% matmul-2
import torch
v = torch.tensor([1.0, 2.0], requires_grad=True)
m = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = v @ m
y.sum().backward()
print(y, v.grad, m.grad)

# %% matmul-3
import torch
m = torch.tensor([[1.0, 2.0], [4.0, 5.0]], requires_grad=True)
v = torch.tensor([1.0, 2.0], requires_grad=True)
y = m @ v
y.sum().backward()
print(y, v.grad, m.grad)
print(v @ v)

# %% reshape-t-view-index
import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x.view(2, 2).t().reshape(4)
y[0].backward()
print(y, x.grad)

# %% index-mul
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x[:, 0] * x[1]
y.sum().backward()
print(y, x.grad)

# %% index-2
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x[x > 1]
y.sum().backward()
print(y, x.grad)

# %% pow
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
g, = torch.autograd.grad(y, x, retain_graph=True)
y.backward()
print(g, x.grad)

# %% cross-entropy-2
import torch
import torch.nn.functional as F
x = torch.tensor([[2.0, 1.0, 0.1]], requires_grad=True)
l = F.cross_entropy(x, torch.tensor([0]), reduction='sum')
l.backward()
print(l, x.grad)
print(F.cross_entropy(x, torch.tensor([0]), reduction='none'))

# %% nll-loss-log-softmax
import torch
import torch.nn.functional as F
x = torch.tensor([[2.0, 1.0, 0.1], [0.0, 0.0, 1.0]], requires_grad=True)
l = F.nll_loss(F.log_softmax(x, dim=1), torch.tensor([0, 2]))
print(l)
l.backward()
print(x.grad)

# %% sqrt-pow
import torch
x = torch.tensor([3.0, 4.0], requires_grad=True)
n = (x ** 2).sum().sqrt()
n.backward()
print(n, x.grad)

# %% sigmoid-tanh-add
import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
s = torch.sigmoid(x)
t = torch.tanh(x)
(s + t).sum().backward()
print(s, t, x.grad)

# %% sgd-mul-step
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for i in range(2):
    loss = (w * 2).sum()
    loss.backward()
print(w.grad)
opt.step()
print(w)

# %% mul-retain-grad-2
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.retain_grad()
z = y.sum()
z.backward()
print(y.grad, y.retains_grad, x.retains_grad)

# %% mul-5
import torch
x = torch.ones(3, 1, requires_grad=True)
y = torch.ones(1, 3)
z = (x * y).sum()
z.backward()
print(x.grad, y.grad)
