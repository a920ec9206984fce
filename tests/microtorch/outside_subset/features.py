# Features outside microtorch's teaching subset that learners may still type.

# %% higher-order-gradient
import torch
x = torch.tensor(2., requires_grad=True)
(g,) = torch.autograd.grad(x ** 3, x, create_graph=True)
g.backward()
print(x.grad)

# %% conv-layer
import torch.nn as nn
print(nn.Conv2d(1, 4, kernel_size=3))

# %% label-smoothing
import torch
import torch.nn.functional as F
print(F.cross_entropy(torch.zeros(1, 3), torch.tensor([0]), label_smoothing=0.1))

# %% unknown-module-function
import torch
print(torch.fft.fft(torch.ones(4)))

# %% one-cycle-lr
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
print(torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=10).get_last_lr())

# %% scheduler-step-with-epoch
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
opt.step()
scheduler.step(3)
print(scheduler.get_last_lr())

# %% optimizer-foreach
import torch
w = torch.tensor([1.], requires_grad=True)
print(torch.optim.Adam([w], foreach=True))

# %% optimizer-step-hook
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
opt.register_step_post_hook(lambda optimizer, args, kwargs: print("stepped"))


# %% neg-method
import torch
print(torch.tensor([1., 2.]).neg(), torch.neg(torch.tensor(3.)))

# %% import-torch-cuda-amp
import torch.cuda.amp
