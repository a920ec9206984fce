# Making tensors: literals, factories, dtypes, NumPy interop, seeded randomness (shapes only).

# %% float-list
import torch
x = torch.tensor([1.0, 2.0, 3.0])
print(x)
print(x.dtype, x.shape, x.ndim)

# %% int-list-is-int64
import torch
x = torch.tensor([1, 2, 3])
print(x, x.dtype)

# %% scalar-0d
import torch
t = torch.tensor(3.5)
print(t, t.shape, t.ndim, t.item())

# %% bool-list
import torch
b = torch.tensor([True, False, True])
print(b, b.dtype)

# %% nested-2d
import torch
m = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])
print(m)
print(m.shape, m.size(), m.size(0), m.size(1), m.size(-1))

# %% explicit-dtype
import torch
a = torch.tensor([1, 2], dtype=torch.float64)
b = torch.tensor([1.7, -2.7], dtype=torch.int64)
c = torch.tensor([0, 3], dtype=torch.bool)
print(a)
print(b)
print(c)

# %% zeros-ones-full
import torch
print(torch.zeros(2, 3))
print(torch.ones(3))
print(torch.full((2, 2), 7.0))
print(torch.zeros((2, 1)).shape)

# %% full-int-fill-value
import torch
print(torch.full((3,), 4))
print(torch.full((3,), 4).dtype, torch.full((3,), 4.0).dtype)

# %% arange-variants
import torch
print(torch.arange(5))
print(torch.arange(2, 6))
print(torch.arange(0, 1, 0.25))
print(torch.arange(5.0))

# %% linspace
import torch
print(torch.linspace(0, 1, 5))
print(torch.linspace(-1, 1, 3).dtype)

# %% like-factories
import torch
x = torch.tensor([[1.5, 2.5]])
i = torch.tensor([1, 2, 3])
print(torch.zeros_like(x), torch.ones_like(x))
print(torch.zeros_like(i), torch.ones_like(i).dtype)

# %% from-numpy-shares-memory
import numpy as np
import torch
a = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(a)
a[0] = 10.0
print(t)
print(t.dtype)

# %% numpy-roundtrip
import torch
x = torch.tensor([[1., 2.], [3., 4.]])
n = x.numpy()
print(type(n).__name__, n.dtype, n.shape)
print(n.sum())

# %% tolist
import torch
print(torch.tensor([[1, 2], [3, 4]]).tolist())
print(torch.tensor([0.5, 1.5]).tolist())
print(torch.tensor(2.5).tolist())

# %% item-types
import torch
print(torch.tensor(7).item(), type(torch.tensor(7).item()).__name__)
print(torch.tensor(0.1).item())
print(type(torch.tensor(True).item()).__name__)

# %% rand-seeded-properties
import torch
torch.manual_seed(0)
r = torch.rand(2, 3)
print(r.shape, r.dtype, r.requires_grad)
print(r.min().item() >= 0.0, r.max().item() < 1.0)

# %% randn-seeded-properties
import torch
torch.manual_seed(1)
z = torch.randn(4, 2)
print(z.shape, z.dtype, z.is_leaf)

# %% randint-range
import torch
torch.manual_seed(2)
k = torch.randint(0, 5, (10,))
print(k.shape, k.dtype)
print(k.min().item() >= 0, k.max().item() < 5)

# %% manual-seed-reproducible
import torch
torch.manual_seed(3)
a = torch.randn(5)
torch.manual_seed(3)
b = torch.randn(5)
print((a == b).tolist())

# %% requires-grad-flag
import torch
w = torch.tensor([1., 2.], requires_grad=True)
print(w)
print(w.requires_grad, w.is_leaf, w.grad, w.grad_fn)

# %% ones-requires-grad
import torch
print(torch.ones(2, 2, requires_grad=True))
print(torch.zeros(3, requires_grad=True).requires_grad)

# %% int-division-makes-float
import torch
x = torch.tensor([1, 2, 3])
print(x / 2)
print((x / 2).dtype, (x * 2).dtype)

# %% numpy-float64-becomes-float64
import numpy as np
import torch
x = torch.tensor(np.array([1.0, 2.0]))
i = torch.tensor(np.array([1, 2]))
print(x.dtype, i.dtype, torch.from_numpy(np.zeros(2, dtype=np.float32)).dtype)
print((torch.ones(2) * np.float64(2.0)).dtype)

# %% rng-statistics
import torch
torch.manual_seed(0)
z = torch.randn(100000)
u = torch.rand(100000)
k = torch.randint(3, 7, (100000,))
print(round(z.mean().item(), 1) == 0.0, round(z.pow(2).mean().sqrt().item(), 1))
print(round(u.mean().item(), 1), k.min().item(), k.max().item())
torch.manual_seed(1)
a = torch.randn(5)
torch.manual_seed(2)
print((a == torch.randn(5)).sum().item())

# %% factory-keywords
import torch
print(torch.randn(2, 3, requires_grad=True).requires_grad, torch.zeros(2, dtype=torch.int64))
print(torch.full((2,), True), torch.ones(2, 2, dtype=torch.float64).dtype)
print(len(torch.arange(0, 1, 0.1)), torch.arange(1, 2.5, 0.5), torch.linspace(0, 1, steps=1))
print(type(torch.zeros(2, 3).shape[0]).__name__, torch.Size([2, 3]), torch.zeros(torch.Size([1, 2])).shape)

# %% numpy-conversions
import numpy as np
import torch
x = torch.tensor([1.5, 2.5])
a = np.array(x)
print(a.dtype, a, np.asarray(torch.tensor([1, 2])).dtype)
print(list(torch.tensor([1, 2])), torch.tensor(x.numpy()) * 2)
print(torch.tensor([True, False]).tolist(), torch.tensor([[1, 2]]).numpy().shape)
