# torch.optim.lr_scheduler: schedules over epochs, get_last_lr, state_dict, the step-order
# warning, ReduceLROnPlateau and the errors a learner meets.

# %% steplr-over-epochs
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)
for epoch in range(8):
    opt.step()
    scheduler.step()
    print(epoch, scheduler.last_epoch, scheduler.get_last_lr(), opt.param_groups[0]["lr"])

# %% steplr-initial-lr-in-group
import torch
from torch.optim.lr_scheduler import StepLR
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
scheduler = StepLR(opt, step_size=2)
print(opt.param_groups[0].keys())
print(opt.state_dict()["param_groups"])
print(scheduler.base_lrs, scheduler.last_epoch, scheduler.get_last_lr())

# %% steplr-changes-the-update
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.1)
for _ in range(3):
    opt.zero_grad()
    w.sum().backward()
    opt.step()
    scheduler.step()
    print(w.item())

# %% multisteplr-repeated-milestone
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[2, 5, 5], gamma=0.3)
lrs = []
for _ in range(7):
    opt.step()
    scheduler.step()
    lrs.append(scheduler.get_last_lr()[0])
print(lrs)
print(scheduler.state_dict())

# %% exponentiallr-two-groups
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([{"params": [a]}, {"params": [b], "lr": 0.03}], lr=0.1)
scheduler = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
for _ in range(5):
    opt.step()
    scheduler.step()
    print(scheduler.get_last_lr())

# %% cosine-annealing-past-t-max
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=5)
for epoch in range(13):
    opt.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr()[0])

# %% cosine-annealing-eta-min
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.5)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4, eta_min=0.01)
lrs = [scheduler.get_last_lr()[0]]
for _ in range(9):
    opt.step()
    scheduler.step()
    lrs.append(scheduler.get_last_lr()[0])
print(lrs)
print(scheduler.state_dict())

# %% lambdalr-warmup
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.2)
scheduler = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: min(1.0, (epoch + 1) / 4))
print(scheduler.get_last_lr())
for _ in range(5):
    opt.step()
    scheduler.step()
    print(scheduler.get_last_lr())

# %% lambdalr-one-per-group
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([{"params": [a]}, {"params": [b]}], lr=1.0)
scheduler = torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 0.5 ** e, lambda e: 1 / (e + 1)])
for _ in range(3):
    opt.step()
    scheduler.step()
print(scheduler.get_last_lr())
print(scheduler.state_dict())

# %% lambdalr-callable-object-state
import torch

class Decay:
    def __init__(self, rate):
        self.rate = rate

    def __call__(self, epoch):
        return self.rate ** epoch

w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.LambdaLR(opt, Decay(0.5))
opt.step()
scheduler.step()
print(scheduler.state_dict()["lr_lambdas"], scheduler.get_last_lr())

# %% lambdalr-wrong-count
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1.0, lambda e: 0.5])

# %% scheduler-before-optimizer-warns
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
scheduler.step()
opt.step()
scheduler.step()
print(scheduler.get_last_lr())

# %% optimizer-step-before-scheduler-exists-still-warns
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
opt.step()
scheduler = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
scheduler.step()
print(scheduler.get_last_lr())

# %% right-order-no-warning
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
first = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
second = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
opt.step()
first.step()
second.step()
print(first.get_last_lr(), second.get_last_lr(), second.base_lrs)

# %% get-lr-outside-step-warns
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
print(scheduler.get_lr(), scheduler.get_last_lr())

# %% scheduler-state-dict-resume
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for _ in range(3):
    opt.step()
    scheduler.step()
saved, saved_opt = scheduler.state_dict(), opt.state_dict()
print(saved)
w2 = torch.tensor([1.0], requires_grad=True)
opt2 = torch.optim.SGD([w2], lr=1.0)
opt2.load_state_dict(saved_opt)
scheduler2 = torch.optim.lr_scheduler.StepLR(opt2, step_size=2, gamma=0.5)
scheduler2.load_state_dict(saved)
opt2.step()
scheduler2.step()
print(scheduler2.last_epoch, scheduler2.get_last_lr(), opt2.param_groups[0]["lr"])

# %% custom-scheduler-subclass
import torch
from torch.optim.lr_scheduler import LRScheduler

class Halving(LRScheduler):
    def get_lr(self):
        return [base / 2 ** self.last_epoch for base in self.base_lrs]

w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.8)
scheduler = Halving(opt)
for _ in range(3):
    opt.step()
    scheduler.step()
print(scheduler.get_last_lr(), isinstance(scheduler, LRScheduler))

# %% scheduler-needs-an-optimizer
import torch
torch.optim.lr_scheduler.StepLR(torch.tensor([1.0]), step_size=1)

# %% plateau-min-patience
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=2)
for epoch, loss in enumerate([1.0, 0.8, 0.8, 0.8, 0.8, 0.79999, 0.5, 0.6, 0.6, 0.6]):
    scheduler.step(loss)
    print(epoch, scheduler.get_last_lr(), scheduler.num_bad_epochs, scheduler.best)

# %% plateau-max-abs-cooldown-min-lr
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    opt, mode="max", factor=0.5, patience=0, threshold=0.05, threshold_mode="abs",
    cooldown=2, min_lr=0.2)
for accuracy in [0.5, 0.52, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]:
    scheduler.step(torch.tensor(accuracy))
    print(scheduler.get_last_lr(), scheduler.cooldown_counter, scheduler.in_cooldown)
print(scheduler.state_dict())

# %% plateau-min-lrs-per-group-and-eps
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([{"params": [a]}, {"params": [b], "lr": 1e-8}], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=0, min_lr=[0.02, 0.0])
for _ in range(4):
    scheduler.step(1.0)
    print(scheduler.get_last_lr())
print(opt.param_groups[0].keys())

# %% plateau-factor-too-large
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w]), factor=1.5)

# %% plateau-unknown-mode
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w]), mode="lowest")

# %% plateau-unknown-threshold-mode
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w]), threshold_mode="relative")

# %% plateau-min-lr-count
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w]), min_lr=[0.1, 0.2])

# %% plateau-step-needs-metric
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([w])).step()

# %% plateau-group-added-later
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([a], lr=1.0)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=0, min_lr=0.3)
opt.add_param_group({"params": [b], "lr": 0.5})
scheduler.step(1.0)
scheduler.step(1.0)
print(scheduler.get_last_lr(), scheduler.min_lrs)

# %% training-with-scheduler
import torch
import torch.nn as nn
x = torch.linspace(-1, 1, 8).reshape(-1, 1)
y = 3 * x + 1
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(0.0)
    model.bias.fill_(0.0)
opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.5)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=20)
for epoch in range(20):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    scheduler.step()
    if epoch % 5 == 4:
        print(epoch, f"{loss.item():.5f}", f"{scheduler.get_last_lr()[0]:.5f}")

# %% custom-scheduler-old-base-name
import torch
from torch.optim.lr_scheduler import _LRScheduler

class Constant(_LRScheduler):
    def get_lr(self):
        return [base * 0.5 for base in self.base_lrs]

w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
scheduler = Constant(opt)
print(scheduler.get_last_lr(), isinstance(scheduler, torch.optim.lr_scheduler.LRScheduler))
