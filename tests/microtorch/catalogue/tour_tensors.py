# Short programs through tensor creation, dtypes, indexing, reductions and printing.

# %% detach-setitem-view
import torch
x = torch.tensor([1.0, 2.0])
d = x.detach()
d[0] = 5
print(x)
v = x.view(2, 1)
v[1, 0] = 7
print(x)

# %% mean-1
import torch
x = torch.ones(2, 3, requires_grad=True)
print(x.sum(dim=1, keepdim=True))
print(x.mean(0))

# %% arange-reshape-permute-unsqueeze
import torch
x = torch.arange(6.0).reshape(2, 3)
print(x, x.T, x.permute(1, 0), x.unsqueeze(0).shape, x.flatten(), x[:, 1], x[1], x[..., -1])

# %% div-mul-add
import torch
print(torch.tensor([1, 2]) / 2, torch.tensor([1, 2]) * 1.5, torch.tensor([1, 2]) + torch.tensor([1.0, 2.0]), torch.tensor([True]) + 1)

# %% arange-linspace-full
import torch
print(torch.arange(5), torch.arange(0, 1, 0.25), torch.linspace(0, 1, 5), torch.zeros(2, 2), torch.ones(3, dtype=torch.int64), torch.full((2,), 3.0), torch.full((2,), 3))

# %% exp-log-sqrt-abs
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.exp(), x.log(), x.sqrt(), x.abs(), x.clamp(1.5), x.sigmoid(), x.tanh(), x ** 2, 2 ** x, x ** x, 1 - x, 2 / x, x / 3)

# %% detach-numpy-mul
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.sum().item(), x.tolist(), x.detach().numpy(), x.shape, x.size(), x.size(0), x.ndim, x.dtype, x.is_leaf, (x * 2).is_leaf)

# %% matmul
import torch
x = torch.ones(2, 3)
y = torch.ones(3, 2)
print((x @ y).shape)
torch.ones(2) @ torch.ones(2, 3)

# %% print-tensor-1
import torch
print(torch.tensor([[1e-05, 1.0], [100.0, 1000.0]]), torch.tensor([15000000000.0]), torch.tensor([123456789.0]), torch.tensor([0.001, 0.01]), torch.tensor([[-1, 10], [100, -1000]]))

# %% randn-rand-randint
import torch
print(torch.randn(2, 3, 4).shape, torch.rand(2).dtype, torch.randint(0, 5, (3,)).dtype, torch.zeros(3).tolist())

# %% no-grad-mul-is-grad-enabled
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y, y.requires_grad, torch.is_grad_enabled())

# %% squeeze-transpose-is-contiguous-t
import torch
x = torch.ones(2, 3)
print(x.squeeze(), torch.ones(1, 3).squeeze(0), x.transpose(0, 1).shape, x.t().is_contiguous(), x.reshape(-1, 2))

# %% arange-reshape-index-1
import torch
x = torch.arange(12.0).reshape(3, 4)
print(x[1:, ::2], x[x > 5], x[[0, 2]], x[:, [1, 3]], x[0, None])

# %% argmax-min-max
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.argmax(), x.argmax(dim=1), x.min(), x.max(0), (x > 2).sum(), x.sum(0).dtype, (x > 2).sum().dtype)

# %% mul-1
import torch
x = torch.tensor([3.0], requires_grad=True)
y = x * 2
print(y.grad)

# %% mul-2
import torch
print(torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True) * 2)

# %% arange-reshape
import torch
print(torch.arange(2000.0).reshape(40, 50))

# %% print-zeros-tensor
import torch
print(torch.zeros(3, dtype=torch.float64), torch.tensor([], dtype=torch.int64), torch.zeros(2, 0), torch.tensor([[True, False]]))

# %% print-tensor-float-1
import torch
print(torch.tensor([1.0, float('nan'), float('inf')]), torch.tensor([1.5, float('-inf')]), torch.tensor([0.0, 0.0]))

# %% linspace-arange-mul-reshape
import torch
print(torch.linspace(-1, 1, 7), torch.arange(10).reshape(2, 5) * 1000000)

# %% mul-index
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
print(y.grad_fn.next_functions[0][0].variable is x)

# %% add-mul-div-pow
import torch
x = torch.tensor(5)
print(x, x.item(), x + 1, x * 1.0, x / 2, -x, x ** 2)

# %% print-tensor-2
import torch
print(torch.tensor(3.14159), torch.tensor(-0.5), torch.tensor(1e-08), torch.tensor(100.0), torch.tensor([100.5, 2.0]))

# %% inplace-add-inplace-mul-inplace-sub-inplace-div
import torch
x = torch.tensor([1.0, 2.0, 3.0])
x += 1
x *= 2
x -= 1
x /= 2
print(x)
x.zero_()
print(x)
x.fill_(3)
print(x)

# %% no-grad-inplace-sub-mul
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    x -= 0.1 * torch.ones(2)
print(x)

# %% size-numel
import torch
print(torch.Size([2, 3]), torch.ones(2, 3).shape == (2, 3), torch.ones(2, 3).size(-1), torch.ones(2, 3).numel())

# %% print-ones-tensor
import torch
print(torch.float32, torch.int64, torch.bool, torch.float64, torch.ones(1).dtype == torch.float, torch.tensor([1]).dtype == torch.long)

# %% exp-mean-max-relu
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.exp(x), torch.sum(x), torch.mean(x, dim=0), torch.max(x), torch.relu(x - 2), torch.sigmoid(x), torch.softmax(x, dim=0))

# %% clone-double
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.clone()
print(y, x.float() is x, x.double())

# %% print-tensor-float-2
import torch
print(torch.tensor([1, 2, 3]) == torch.tensor([1, 5, 3]), torch.tensor([1.0, 2.0]) > 1, (torch.tensor([1.0, 2.0]) > 1).float())

# %% arange
import torch
print(torch.ones(2, 2).tolist(), torch.tensor(2.5).tolist(), len(torch.ones(4, 2)), [t for t in torch.arange(3)])

# %% mul-3
import torch
x = torch.tensor([2.0], requires_grad=True)
print(f'{x.item():.3f}', f'{(x * 2).sum():.2f}')

# %% zeros-like-ones-like-randn
import torch
print(torch.zeros_like(torch.ones(2, 2)), torch.ones_like(torch.tensor([1, 2])), torch.randn(2, 2).shape)

# %% array-from-numpy-float32
import torch
import numpy as np
a = np.array([1, 2])
b = np.array([1.0, 2.0])
print(torch.tensor(a), torch.tensor(b), torch.from_numpy(b), torch.tensor(np.float32(2.5)))

# %% mean-any-all
import torch
x = torch.tensor([[True, False], [True, True]])
print(x.sum(), x.sum(0), x.float().mean(), x.any(), x.all())

# %% arange-reshape-mean-view
import torch
x = torch.arange(24.0).reshape(2, 3, 4)
print(x.mean(dim=(0, 2)), x.sum((1, 2), keepdim=True).shape, x.view(-1).shape, x.max(dim=-1).indices)

# %% max-clamp-abs
import torch
print(torch.tensor([3, 1, 2]).max(), torch.tensor([-3, 1, 2]).clamp(min=0), torch.tensor([-3, 1, 2]).abs(), torch.tensor([1, 2]).float())

# %% mul-no-grad-inplace-add
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
with torch.no_grad():
    y += 1
print(y)

# %% setitem
import torch
x = torch.zeros(3)
x[1] = 5
x[[0, 2]] = torch.tensor([1.0, 2.0])
print(x)

# %% randn
import torch
x = torch.randn(3)
print(x.requires_grad, x.is_leaf, x.grad_fn, x.grad)

# %% detach-requires-grad
import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.detach()
print(b.requires_grad, b.is_leaf)
b.requires_grad_()
print(b.requires_grad)

# %% print-tensor-3
import torch
print(torch.tensor([1.0, 2.0]).dtype, torch.tensor([1, 2.0]).dtype, torch.tensor(1).dtype, torch.tensor(True).dtype, torch.tensor([[1.0]]).ndim)

# %% mul-div-add-mean
import torch
x = torch.tensor([1, 2, 3])
print(x * 2, x * 2.0, x / 1, x + True, x == 2, x.sum(), x.float().mean(), x.double())

# %% print-tensor-4
import torch
print(torch.tensor([0.00012345, 123.45]), torch.tensor([-1.5, 22.25, 333.125]), torch.tensor([1e+20]), torch.tensor([12345678.0]))

# %% print-zeros
import torch
print(torch.zeros(2, 3, 4))

# %% mean-2
import torch
print(torch.ones(3, requires_grad=True).sum(dim=0), torch.ones(2, 2).mean(dim=1, keepdim=True))

# %% stack-mul-cat
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.stack([x, x * 2], dim=1)
print(y)
z = torch.cat([x, x], dim=0)
print(z)

# %% unsqueeze-index-reshape-squeeze
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.unsqueeze(1), x.unsqueeze(-1).shape, x[None, :].shape, x.reshape(1, 2, 1).squeeze())

# %% randint-rand-randn
import torch
print(torch.randint(5, (2, 3)).shape, torch.randint(2, 5, (4,)).dtype, torch.rand(2, 3).dtype, torch.randn(2, dtype=torch.float64).dtype)

# %% arange-linspace
import torch
print(torch.arange(1, 10, 2), torch.arange(0.0, 1.0, 0.3), torch.arange(5, dtype=torch.float32), torch.linspace(0, 10, steps=3))

# %% numpy-index
import torch
x = torch.tensor([1.0, 2.0])
print(x.numpy(), type(x.numpy()).__name__, x.tolist(), x[0].item(), type(x[0].item()).__name__)

# %% tensor-print-list-ones
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print([t for t in x])
print(list(torch.ones(2, 2)))

# %% tensor-print
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
a, b = x
print(a, b)

# %% mean-max-min
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.sum(0), x.mean(-1), x.max(0), x.min(dim=0))

# %% softmax
import torch
print(torch.tensor([[0.5, -1.25], [10.0, 3.0]]).softmax(dim=-1))

# %% sub-view
import torch
x = torch.tensor([1.0, 2.0, 3.0])
print(x.view(3, 1) - x.view(1, 3))

# %% t-index-flatten-reshape
import torch
x = torch.tensor([[1, 2], [3, 4]])
print(x.T, x.t(), x.shape[0], x.size(1), x.flatten(), x.reshape(4, 1).squeeze(1))

# %% int-long-bool-to
import torch
x = torch.tensor([1.5, -0.5])
print(x.int(), x.long(), x.bool(), x.float().dtype, x.to(torch.float64), x.type())

# %% add
import torch
print(torch.zeros(2, dtype=torch.int64) + 0.5)

# %% pow
import torch
print(torch.tensor(2) ** 3, torch.tensor(2.0) ** 3, 2 ** torch.tensor(3), torch.tensor([4.0]) ** 0.5)

# %% mean-mul
import torch
print(torch.tensor([1.0, 2.0, 3.0]).mean().item(), torch.tensor([1, 2, 3]).sum().item(), torch.tensor(2.0).item() * 3)

# %% arange-reshape-index-2
import torch
x = torch.arange(6).reshape(2, 3)
print(x[0, 1], x[-1], x[:, -1], x[1, 1:], x[..., 0])

# %% argmax-nonzero-argmin
import torch
x = torch.tensor([0.1, 0.2, 0.7])
print(x.argmax().item(), (x > 0.15).nonzero() if False else x.argmin())
