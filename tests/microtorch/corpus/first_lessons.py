# The first lessons' tools (tensors, broadcasting, autograd) used in new ways.

# %% broadcast-column-row-table
import torch
rows = torch.arange(3).view(-1, 1)
cols = torch.arange(4)
print(rows * 10 + cols)

# %% broadcast-subtract-mean-per-row
import torch
x = torch.tensor([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]])
print(x - x.mean(dim=1, keepdim=True))

# %% broadcast-mean-without-keepdim-mistake
import torch
x = torch.ones(2, 3)
# mistake
x - x.mean(dim=1)

# %% pairwise-distances
import torch
a = torch.tensor([[0.0, 0.0], [3.0, 4.0]])
d = ((a[:, None, :] - a[None, :, :]) ** 2).sum(-1).sqrt()
print(d)

# %% grad-of-mean-vs-sum
import torch
x = torch.ones(4, requires_grad=True)
x.mean().backward()
print(x.grad)
x.grad = None
x.sum().backward()
print(x.grad)

# %% grad-through-max
import torch
x = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
x.max().backward()
print(x.grad)

# %% grad-through-abs-at-zero
import torch
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
x.abs().sum().backward()
print(x.grad)

# %% grad-through-relu-at-zero
import torch
x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
torch.relu(x).sum().backward()
print(x.grad)

# %% grad-through-sqrt-at-zero
import torch
x = torch.tensor([0.0, 4.0], requires_grad=True)
x.sqrt().sum().backward()
print(x.grad)

# %% grad-through-indexing
import torch
x = torch.arange(5.0, requires_grad=True)
(x[1:4] * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)

# %% grad-through-reshape-and-transpose
import torch
x = torch.arange(6.0, requires_grad=True)
y = x.view(2, 3).t() * torch.tensor([[1.0, 2.0]])
y.sum().backward()
print(x.grad)

# %% grad-of-division
import torch
a = torch.tensor(6.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
(a / b).backward()
print(a.grad, b.grad)

# %% grad-of-power-with-tensor-exponent
import torch
base = torch.tensor(2.0, requires_grad=True)
exp = torch.tensor(3.0, requires_grad=True)
(base ** exp).backward()
print(base.grad, round(exp.grad.item(), 4))

# %% grad-rsub-scalar
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
(1 - x).pow(2).sum().backward()
print(x.grad)

# %% reuse-variable-twice
import torch
x = torch.tensor(3.0, requires_grad=True)
y = x * x * x + x
y.backward()
print(x.grad)

# %% chain-rule-sigmoid
import torch
x = torch.tensor(0.0, requires_grad=True)
torch.sigmoid(2 * x).backward()
print(x.grad)

# %% tanh-saturates
import torch
x = torch.tensor([0.0, 10.0], requires_grad=True)
torch.tanh(x).sum().backward()
print(x.grad)

# %% exp-overflow-inf
import torch
print(torch.exp(torch.tensor([100.0])), torch.exp(torch.tensor([100.0], dtype=torch.float64)))

# %% log-of-zero
import torch
print(torch.log(torch.tensor([0.0, 1.0])), torch.log(torch.tensor([-1.0])))

# %% nan-propagation
import torch
x = torch.tensor([1.0, float('nan'), 3.0])
print(x.sum(), x.max(), torch.isnan(x))

# %% integer-overflow-wraps
import torch
print(torch.tensor([2 ** 62], dtype=torch.int64) * 4)

# %% tensor-repr-requires-grad-and-grad-fn
import torch
w = torch.tensor([0.5], requires_grad=True)
print(w, w * 2, (w * 2).detach())

# %% tensor-repr-mixed-scales
import torch
print(torch.tensor([1e-8, 1.0, 1e8]))
print(torch.tensor([0.001, 123.456]))

# %% tensor-repr-int-and-bool
import torch
print(torch.tensor([[1, -20], [300, 4]]), torch.tensor([True, False]))

# %% tensor-repr-double
import torch
print(torch.tensor([1.5, 2.0], dtype=torch.float64), torch.tensor(2, dtype=torch.int32))

# %% scalar-tensor-ops-with-python
import torch
t = torch.tensor(2.0)
print(t + 1, 3 * t, t ** 2, 10 / t, t.item() + 1)

# %% inplace-ops-return-self
import torch
x = torch.zeros(2)
y = x.add_(1)
print(y is x, x.mul_(3), x.zero_())

# %% view-shares-memory
import torch
a = torch.arange(4)
b = a.view(2, 2)
b[0, 0] = 100
print(a)

# %% slice-assignment-broadcast
import torch
x = torch.zeros(3, 3)
x[1] = 5
x[:, 2] = torch.tensor([1.0, 2.0, 3.0])
print(x)

# %% permute-and-contiguous
import torch
x = torch.arange(24).reshape(2, 3, 4)
y = x.permute(2, 0, 1)
print(y.shape, y.is_contiguous(), y.contiguous().is_contiguous())

# %% squeeze-unsqueeze-chain
import torch
x = torch.zeros(3)
print(x.unsqueeze(0).unsqueeze(-1).shape, x[None, :, None].squeeze().shape)

# %% mean-of-bool-mistake
import torch
x = torch.tensor([1.0, -1.0, 2.0])
# mistake
(x > 0).mean()

# %% float-of-bool-mean
import torch
x = torch.tensor([1.0, -1.0, 2.0])
print((x > 0).float().mean(), (x > 0).sum())

# %% comparison-chain
import torch
x = torch.arange(6)
print((x > 1) & (x < 4), (x < 1) | (x > 4), ~(x > 2))

# %% equal-vs-eq
import torch
a = torch.tensor([1, 2])
b = torch.tensor([1, 3])
print(torch.equal(a, b), a.eq(b), (a == b).all().item())
