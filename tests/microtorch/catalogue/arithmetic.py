# Elementwise arithmetic, type promotion, broadcasting, matmul and the pointwise functions.

# %% elementwise-four-ops
import torch
a = torch.tensor([1., 2., 3.])
b = torch.tensor([4., 5., 6.])
print(a + b, a - b)
print(a * b, a / b)

# %% scalar-operands
import torch
x = torch.tensor([1., 2., 4.])
print(x * 2, 2 - x)
print(1 / x, x ** 2, 2 ** x)
print(-x)

# %% int-promotion
import torch
i = torch.tensor([1, 2, 3])
print(i + 0.5)
print(i * 2, (i * 2).dtype)
print((i + torch.tensor([0.5, 0.5, 0.5])).dtype)

# %% float64-wins
import torch
a = torch.tensor([1., 2.])
b = torch.tensor([1., 2.], dtype=torch.float64)
print((a + b).dtype)
print((a + torch.tensor(2, dtype=torch.float64)).dtype)

# %% broadcast-row-and-column
import torch
col = torch.tensor([[1.], [2.], [3.]])
row = torch.tensor([[10., 20., 30., 40.]])
s = col + row
print(s.shape)
print(s)

# %% broadcast-bias-vector
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
b = torch.tensor([0.5, -0.5, 1.])
print(x + b)
print(x * torch.tensor([[2.], [3.]]))

# %% broadcast-0d-tensor
import torch
s = torch.tensor(10.)
v = torch.tensor([1., 2.])
print(s * v, (s * v).shape)
print((torch.ones(2, 1, 3) + torch.ones(4, 1)).shape)

# %% matmul-shapes
import torch
A = torch.ones(2, 3)
B = torch.ones(3, 4)
v = torch.ones(3)
print((A @ B).shape, (A @ v).shape, (v @ B).shape, (v @ v).shape)
print(torch.matmul(A, B)[0])

# %% matmul-values
import torch
A = torch.tensor([[1., 2.], [3., 4.]])
x = torch.tensor([1., -1.])
print(A @ A)
print(A @ x)
print(x @ x)

# %% exp-log-sqrt-abs
import torch
x = torch.tensor([1., 4., 9.])
print(torch.exp(torch.tensor([0., 1.])))
print(x.log(), x.sqrt())
print(torch.abs(torch.tensor([-2., 0., 3.])))

# %% clamp-forms
import torch
x = torch.tensor([-2., -0.5, 0.5, 2.])
print(x.clamp(-1, 1))
print(torch.clamp(x, min=0))
print(x.clamp(max=0.0))

# %% activations
import torch
x = torch.tensor([-1., 0., 2.])
print(torch.relu(x), x.relu())
print(torch.sigmoid(x))
print(torch.tanh(x))

# %% softmax-and-log-softmax
import torch
z = torch.tensor([[1., 2., 3.], [1., 1., 1.]])
print(torch.softmax(z, dim=1))
print(z.softmax(dim=0))
print(torch.log_softmax(z, dim=1))

# %% comparisons
import torch
a = torch.tensor([1., 2., 3.])
print(a > 2, a <= 2, a == 2)
print(a != torch.tensor([1., 0., 3.]))
print((a > 1).dtype)

# %% argmax
import torch
x = torch.tensor([[1., 5., 2.], [7., 0., 3.]])
print(x.argmax(), x.argmax(dim=1), torch.argmax(x, dim=0))

# %% where
import torch
x = torch.tensor([-2., 1., -3., 4.])
print(torch.where(x > 0, x, torch.zeros_like(x)))
print(torch.where(x > 0, x, 0.0))

# %% fractional-power
import torch
x = torch.tensor([4., 9.])
print(x ** 0.5, x ** -1)
print(torch.tensor(2.) ** torch.tensor([1., 2., 3.]))

# %% mixed-python-scalar-stays-float32
import torch
x = torch.tensor([1., 2.])
y = x * 3.141592653589793
print(y.dtype, y)
print((torch.tensor(5) * 1.5).dtype)

# %% promotion-table
import torch
f = torch.tensor([1.5])
i = torch.tensor([2])
b = torch.tensor([True])
d = torch.tensor([1.0], dtype=torch.float64)
print((i + b).dtype, (b + b).dtype, (i * 2.5).dtype, (f + i).dtype)
print((torch.tensor(2) * f).dtype, (torch.tensor(2.0, dtype=torch.float64) * f).dtype, (d + i).dtype)
print((i / i).dtype, (i ** 2).dtype, (i ** 0.5).dtype, i.exp().dtype)

# %% extremes-without-warnings
import torch
big = torch.tensor([-1000., 0., 1000.])
print(torch.sigmoid(big), torch.tanh(big))
print(torch.softmax(big, dim=0), torch.log_softmax(big, dim=0))
print(torch.exp(torch.tensor([1000.])), torch.tensor([1., -1., 0.]) / 0)
print(torch.tensor([-1.]).sqrt(), torch.tensor([-8.]) ** (1 / 3))

# %% function-forms
import torch
a = torch.tensor([1., 2.])
b = torch.tensor([3., 4.])
print(torch.add(a, b), torch.sub(a, b), torch.mul(a, 2), torch.div(a, b))
print(a.add(b), a.mul(b), a.pow(2), torch.pow(a, 3), a.sub(1), a.div(2))
print(torch.mean(a), torch.sum(b), torch.max(b), torch.min(a, dim=0))
print(torch.exp(a), torch.log(b), torch.sqrt(b), torch.abs(-a), torch.sigmoid(a), torch.tanh(a))
M = torch.tensor([[1., 2.], [3., 4.]])
print(torch.mm(M, M), M.mm(M), M.matmul(a), torch.transpose(M, 0, 1), torch.reshape(a, (2, 1)))

# %% casting-methods
import torch
x = torch.tensor([1.7, -2.2])
print(x.long(), x.int().dtype, x.float().dtype, x.double(), x.bool())
print(x.to(torch.float64).dtype, x.type(torch.int64), torch.tensor([1, 2]).float())

# %% overflow-and-nan-are-silent
import numpy as np
import torch
big = torch.tensor([1e30, -1e30, 0.0], requires_grad=True)
y = big * big * 1e10                       # overflow in multiply
z = (y ** 2).sum() + torch.exp(big * 1e10).sum() + (big / 0.0).sum()   # overflow, divide
w = torch.log(big) + torch.sqrt(big) + (big - big) / (big - big)       # invalid
(z + w.sum()).backward()                   # inf and nan gradients
opt = torch.optim.Adam([big], lr=0.1)
opt.step()
with torch.no_grad():
    big.mul_(1e30).add_(big)
print(y, z.item(), big.grad)
np.float32(1e30) * np.float32(1e30)   # the learner's own NumPy still warns
