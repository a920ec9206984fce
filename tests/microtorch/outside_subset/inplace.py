# PyTorch code microtorch deliberately refuses: each must raise NotImplementedError naming the
# teaching subset (never a silently different answer), and must run under real PyTorch.

# %% inplace-on-non-leaf
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.add_(1)
y.sum().backward()
print(x.grad)

# %% inplace-on-saved-tensor
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
z = (y * y).sum()
y.mul_(3)
print(z)
