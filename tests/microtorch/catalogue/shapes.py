# Reductions, reshaping, indexing, joining, and views that share storage.

# %% sum-and-mean
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(x.sum(), x.mean())
print(x.sum(dim=0), x.mean(dim=1))
print(x.sum(dim=1, keepdim=True))
print(torch.sum(x, 0).shape, x.mean(-1, keepdim=True).shape)

# %% int-sum-stays-int
import torch
i = torch.tensor([1, 2, 3])
print(i.sum(), i.sum().dtype)

# %% max-min
import torch
x = torch.tensor([[1., 5., 2.], [7., 0., 3.]])
print(x.max(), x.min())
values, indices = x.max(dim=1)
print(values, indices)
low, where = torch.min(x, dim=0)
print(low, where)
print(x.max(dim=1, keepdim=True)[0].shape)

# %% reshape-and-view
import torch
x = torch.arange(6)
print(x.reshape(2, 3))
print(x.view(3, -1))
print(x.reshape(-1, 1).shape, x.view(6).shape)

# %% flatten
import torch
x = torch.zeros(2, 3, 4)
print(x.flatten().shape, x.flatten(1).shape, torch.flatten(x).shape)

# %% squeeze-unsqueeze
import torch
x = torch.zeros(1, 3, 1)
print(x.squeeze().shape, x.squeeze(0).shape, x.squeeze(1).shape)
print(torch.zeros(3).unsqueeze(0).shape, torch.zeros(3).unsqueeze(-1).shape)

# %% transpose-t-permute
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(x.T)
print(x.transpose(0, 1).shape, x.T.shape)
print(torch.zeros(2, 3, 4).permute(2, 0, 1).shape)

# %% basic-indexing
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]])
print(x[0], x[-1])
print(x[:, 1], x[1:, :2])
print(x[0, 1], x[0, 1].shape)
print(x[::2])

# %% fancy-and-mask-indexing
import torch
x = torch.tensor([10., -20., 30., -40.])
print(x[[0, 2]], x[torch.tensor([3, 3, 0])])
print(x[x > 0])

# %% cat-and-stack
import torch
a = torch.tensor([[1., 2.]])
b = torch.tensor([[3., 4.]])
print(torch.cat([a, b]))
print(torch.cat((a, b), dim=1))
print(torch.stack([a, b]).shape, torch.stack([a, b], dim=1).shape)

# %% view-shares-storage
import torch
x = torch.zeros(4)
v = x.view(2, 2)
v.add_(1)
x.mul_(3)
print(x)
print(v)

# %% detach-shares-storage
import torch
w = torch.tensor([1., 2., 3.], requires_grad=True)
d = w.detach()
d.zero_()
print(w)
print(d.requires_grad)

# %% inplace-ops-return-self
import torch
x = torch.ones(3)
y = x.fill_(2.0)
print(y is x, x)
x.sub_(0.5).mul_(2)
print(x)

# %% keepdim-broadcast-normalise
import torch
x = torch.tensor([[1., 2.], [3., 4.]])
centred = x - x.mean(dim=0, keepdim=True)
print(centred)
print(x / x.sum(dim=1, keepdim=True))

# %% setitem
import torch
x = torch.zeros(4)
x[1] = 5.
x[2:] = torch.tensor([1., 2.])
print(x)
y = torch.tensor([-1., 2., -3.])
y[y < 0] = 0
print(y)

# %% iterate-and-convert
import torch
m = torch.tensor([[1., 2.], [3., 4.]])
for row in m:
    print(row)
print(len(m), float(m[0, 1]), int(torch.tensor(7)))

# %% compare-with-scalars
import torch
x = torch.tensor([1, 2, 3])
print(x == 2, x >= 2.5, (x > 1).sum())

# %% reduce-over-several-dims
import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.sum(dim=(0, 2)), x.mean(dim=[1, 2]))
print(x.sum(dim=(0, 1), keepdim=True).shape)

# %% int-and-bool-reductions
import torch
i = torch.tensor([[1, -5], [3, 2]])
print(i.max(), i.argmax(dim=1, keepdim=True), i.abs(), i.clamp(min=0))
print((i > 0).sum(dim=0), torch.tensor([True, True]).sum().dtype)

# %% python-sum-and-max-of-tensors
import torch
losses = [torch.tensor(1.5), torch.tensor(2.5)]
print(sum(losses), max(losses), torch.stack(losses).mean())
print(torch.tensor([0.5, 1.5]).mean(), torch.tensor([1.0, 2.0, 4.0]).tolist())
