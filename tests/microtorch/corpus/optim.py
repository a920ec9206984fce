# Learner experiments with optimizers beyond plain SGD.

# %% adamw-one-step
import torch
w = torch.nn.Parameter(torch.tensor([1.0, -1.0]))
opt = torch.optim.AdamW([w], lr=0.1)
(w ** 2).sum().backward()
opt.step()
print(w.data)

# %% adamw-weight-decay-zero-grad
import torch
w = torch.nn.Parameter(torch.tensor([2.0]))
opt = torch.optim.AdamW([w], lr=0.1, weight_decay=0.5)
w.grad = torch.zeros(1)
opt.step()
print(w.data)

# %% adamw-repr
import torch
opt = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=1e-3)
print(opt)

# %% adam-vs-adamw-differ
import torch
def run(cls):
    w = torch.nn.Parameter(torch.tensor([3.0]))
    opt = cls([w], lr=0.1, weight_decay=0.1)
    for _ in range(3):
        opt.zero_grad()
        (w * 2).sum().backward()
        opt.step()
    return round(w.item(), 5)
print(run(torch.optim.Adam), run(torch.optim.AdamW))

# %% rmsprop-steps
import torch
w = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
opt = torch.optim.RMSprop([w], lr=0.01)
for _ in range(3):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print(w.data)

# %% rmsprop-momentum
import torch
w = torch.nn.Parameter(torch.tensor([1.0]))
opt = torch.optim.RMSprop([w], lr=0.01, momentum=0.9, alpha=0.9)
for _ in range(2):
    opt.zero_grad()
    (3 * w).sum().backward()
    opt.step()
print(round(w.item(), 6))

# %% adagrad-steps
import torch
w = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
opt = torch.optim.Adagrad([w], lr=0.5)
for _ in range(2):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print(w.data)

# %% adagrad-state-keys
import torch
w = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.Adagrad([w], lr=0.1)
w.grad = torch.ones(2)
opt.step()
print(sorted(opt.state[w].keys()))

# %% sgd-momentum-nesterov
import torch
w = torch.nn.Parameter(torch.tensor([1.0]))
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)
for _ in range(3):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print(round(w.item(), 6))

# %% sgd-weight-decay
import torch
w = torch.nn.Parameter(torch.tensor([1.0]))
opt = torch.optim.SGD([w], lr=0.1, weight_decay=0.1)
w.grad = torch.tensor([0.0])
opt.step()
print(w.data)

# %% param-groups-different-lr
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
opt = torch.optim.SGD([
    {"params": m[0].parameters(), "lr": 0.01},
    {"params": m[1].parameters()},
], lr=0.1)
print([g["lr"] for g in opt.param_groups], len(opt.param_groups[0]["params"]))

# %% param-groups-change-lr
import torch
w = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([w], lr=0.1)
for g in opt.param_groups:
    g["lr"] = 0.5
w.grad = torch.ones(1)
opt.step()
print(w.data, opt.param_groups[0]["lr"])

# %% param-groups-keys
import torch
opt = torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))], lr=0.01)
print(sorted(opt.param_groups[0].keys()))

# %% add-param-group
import torch
a = torch.nn.Parameter(torch.zeros(1))
b = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([a], lr=0.1)
opt.add_param_group({"params": [b], "lr": 0.01})
print(len(opt.param_groups), opt.param_groups[1]["lr"])

# %% optimizer-state-dict-keys
import torch
w = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.Adam([w], lr=0.1)
w.grad = torch.ones(2)
opt.step()
sd = opt.state_dict()
print(list(sd.keys()), list(sd["state"].keys()), sorted(sd["state"][0].keys()))
print(sd["param_groups"][0]["params"])

# %% optimizer-load-state-dict
import torch
w = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
w.grad = torch.ones(2)
opt.step()
opt2 = torch.optim.SGD([w], lr=0.5, momentum=0.9)
opt2.load_state_dict(opt.state_dict())
print(opt2.param_groups[0]["lr"], opt2.state[w]["momentum_buffer"])

# %% zero-grad-set-to-none
import torch
w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=0.1)
w.sum().backward()
opt.zero_grad()
print(w.grad)
w.sum().backward()
opt.zero_grad(set_to_none=False)
print(w.grad)

# %% optimizer-empty-params
import torch
# mistake
torch.optim.SGD([], lr=0.1)

# %% optimizer-negative-lr
import torch
# mistake
torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))], lr=-1)

# %% optimizer-tensor-not-list
import torch
w = torch.nn.Parameter(torch.zeros(2))
# mistake
torch.optim.SGD(w, lr=0.1)

# %% adam-betas-amsgrad
import torch
w = torch.nn.Parameter(torch.tensor([1.0]))
opt = torch.optim.Adam([w], lr=0.1, betas=(0.8, 0.9), amsgrad=True)
for _ in range(2):
    opt.zero_grad()
    (w ** 3).sum().backward()
    opt.step()
print(round(w.item(), 6))

# %% optim-step-closure
import torch
w = torch.nn.Parameter(torch.tensor([2.0]))
opt = torch.optim.SGD([w], lr=0.1)
def closure():
    opt.zero_grad()
    loss = (w ** 2).sum()
    loss.backward()
    return loss
print(opt.step(closure), w.data)

# %% adam-fits-line
import torch
torch.manual_seed(0)
x = torch.linspace(0, 1, 20).unsqueeze(1)
y = 4 * x + 2
model = torch.nn.Linear(1, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.1)
for _ in range(300):
    opt.zero_grad()
    torch.nn.functional.mse_loss(model(x), y).backward()
    opt.step()
print(round(model.weight.item(), 1), round(model.bias.item(), 1))
