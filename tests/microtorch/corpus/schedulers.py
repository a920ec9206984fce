# Learner experiments with torch.optim.lr_scheduler.

# %% steplr-sequence
import torch
w = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([w], lr=1.0)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
lrs = []
for _ in range(6):
    opt.step()
    sched.step()
    lrs.append(opt.param_groups[0]["lr"])
print(lrs)

# %% steplr-get-last-lr
import torch
from torch.optim.lr_scheduler import StepLR
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1)
s = StepLR(opt, step_size=1, gamma=0.1)
opt.step()
s.step()
print(s.get_last_lr())

# %% exponentiallr
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
for _ in range(3):
    opt.step()
    s.step()
print(round(opt.param_groups[0]["lr"], 6))

# %% multisteplr
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.1)
out = []
for _ in range(5):
    opt.step()
    s.step()
    out.append(round(s.get_last_lr()[0], 6))
print(out)

# %% lambdalr
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.5)
s = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 1 / (epoch + 1))
for _ in range(3):
    opt.step()
    s.step()
print(s.get_last_lr())

# %% cosine-annealing
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4)
lrs = []
for _ in range(4):
    opt.step()
    s.step()
    lrs.append(round(opt.param_groups[0]["lr"], 4))
print(lrs)

# %% reduce-on-plateau
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=1, factor=0.5)
for loss in [1.0, 1.0, 1.0, 1.0, 1.0]:
    s.step(loss)
print(opt.param_groups[0]["lr"])

# %% scheduler-before-optimizer-warning
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
s.step()
print(opt.param_groups[0]["lr"])

# %% scheduler-state-dict
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)
opt.step()
s.step()
sd = s.state_dict()
print(sd["last_epoch"], sd["step_size"], sd["gamma"])

# %% linearlr-warmup
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
s = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.25, total_iters=3)
lrs = [opt.param_groups[0]["lr"]]
for _ in range(4):
    opt.step()
    s.step()
    lrs.append(round(opt.param_groups[0]["lr"], 4))
print(lrs)

# %% initial-lr-in-group
import torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.3)
torch.optim.lr_scheduler.StepLR(opt, step_size=1)
print(opt.param_groups[0]["initial_lr"])
