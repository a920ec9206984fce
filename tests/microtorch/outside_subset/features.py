# Features outside microtorch's teaching subset that learners may still type.

# %% higher-order-gradient
import torch
x = torch.tensor(2., requires_grad=True)
(g,) = torch.autograd.grad(x ** 3, x, create_graph=True)
g.backward()
print(x.grad)

# %% floor-division
import torch
print(torch.tensor([7, 8]) // 2)

# %% conv-layer
import torch.nn as nn
print(nn.Conv2d(1, 4, kernel_size=3))

# %% relu-inplace-module
import torch.nn as nn
print(nn.ReLU(inplace=True))

# %% label-smoothing
import torch
import torch.nn.functional as F
print(F.cross_entropy(torch.zeros(1, 3), torch.tensor([0]), label_smoothing=0.1))

# %% unknown-module-function
import torch
print(torch.fft.fft(torch.ones(4)))

# %% lr-scheduler
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
print(torch.optim.lr_scheduler.StepLR(opt, step_size=1).get_last_lr())

# %% where-one-argument
import torch
print(torch.where(torch.tensor([0., 3., 0., 4.]) > 0))

# %% neg-method
import torch
print(torch.tensor([1., 2.]).neg(), torch.neg(torch.tensor(3.)))

# %% import-torch-utils
import torch.utils

# %% import-torch-utils-data
from torch.utils.data import DataLoader
print(DataLoader)

# %% import-torch-cuda-amp
import torch.cuda.amp
