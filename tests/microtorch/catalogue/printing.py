# How tensors look when printed: PyTorch's number formatting, rows, grad flags and grad_fn.

# %% whole-floats
import torch
print(torch.tensor([1., 2., 3.]))
print(torch.tensor(14.))

# %% four-decimals
import torch
print(torch.tensor([0.1, 0.25, 1 / 3]))

# %% aligned-widths
import torch
print(torch.tensor([1.5, -2.0, 100.25]))
print(torch.tensor([-1, 2, 30]))

# %% scientific-notation
import torch
print(torch.tensor([1e-5, 1.0]))
print(torch.tensor([123456.0, 1.0]))

# %% multi-row
import torch
print(torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
print(torch.tensor([[0.5], [-1.25]]))

# %% three-dims
import torch
print(torch.arange(12).reshape(2, 2, 3))

# %% inf-and-nan
import torch
print(torch.tensor([0.0, 1.0]).log())
print(torch.tensor([float("nan"), 2.0]))

# %% requires-grad-suffix
import torch
print(torch.tensor([1., 2.], requires_grad=True))
print(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True))

# %% grad-fn-suffix
import torch
x = torch.tensor(3., requires_grad=True)
print(x * 4)
print(x * 4 + 0)

# %% float64-suffix
import torch
print(torch.tensor([1.5, 2.0], dtype=torch.float64))
print(torch.tensor([1.5], dtype=torch.float64, requires_grad=True) * 2)

# %% bool-printing
import torch
print(torch.tensor([1, 5, 3]) > 2)

# %% empty-tensor
import torch
e = torch.tensor([])
print(e, e.shape, e.dtype)

# %% fstring-and-repr
import torch
x = torch.tensor([2., 4.])
print(f"x = {x}")
print(repr(x) == str(x))
print([torch.tensor(1.), torch.tensor(2)])

# %% shape-and-dtype-objects
import torch
x = torch.zeros(2, 3)
print(x.shape, x.size())
print(x.shape == (2, 3), list(x.shape), x.shape[1])
print(torch.float32, torch.int64, torch.bool, torch.float64)

# %% negative-zero-and-small
import torch
print(torch.tensor([-0.0, 0.00001234, 2.0]))

# %% widths-and-modes
import torch
print(torch.tensor([1000., 2.]))
print(torch.tensor([0.001, 1000.]))
print(torch.tensor([0.0001, 1.]))
print(torch.tensor(1e10), torch.tensor(-0.5))
print(torch.tensor([1.123456789, -22.5]))
print(torch.tensor([[1.5, -200.], [3., 4.25]]))
print(torch.tensor([100000, -3]))

# %% large-summarised
import torch
print(torch.arange(2000))
print(torch.zeros(1001).shape)

# %% empty-2d
import torch
print(torch.zeros(0, 3))
print(torch.ones(2, 0))

# %% float64-tiny-values
import torch
print(torch.tensor([5e-324, 1.0], dtype=torch.float64))
print(torch.tensor([1e-300, -2e300], dtype=torch.float64))
