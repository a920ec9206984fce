# torch.optim: update rules, zero_grad, param_groups, state, and whole training loops.

# %% sgd-plain-step
import torch
w = torch.tensor([1., 2.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w ** 2).sum().backward()
opt.step()
print(w)

# %% sgd-momentum
import torch
from torch import optim
w = torch.tensor([1., -1.], requires_grad=True)
opt = optim.SGD([w], lr=0.1, momentum=0.9)
for _ in range(3):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
    print(w.tolist())

# %% sgd-nesterov-dampening
import torch
a = torch.tensor([1.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)
opt_a = torch.optim.SGD([a], lr=0.1, momentum=0.5, nesterov=True)
opt_b = torch.optim.SGD([b], lr=0.1, momentum=0.5, dampening=0.5)
for _ in range(3):
    for p, opt in [(a, opt_a), (b, opt_b)]:
        opt.zero_grad()
        (p ** 2).sum().backward()
        opt.step()
print(a, b)

# %% sgd-weight-decay
import torch
w = torch.tensor([2.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, weight_decay=0.5)
(w * 0).sum().backward()
opt.step()
print(w)

# %% adam-steps
import torch
w = torch.tensor([1., -2., 3.], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for _ in range(3):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
print(w)

# %% adam-options
import torch
w = torch.tensor([1., -2.], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
for _ in range(5):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print([round(v, 6) for v in w.tolist()])

# %% adamw-steps
import torch
w = torch.tensor([1., -2.], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1)
print(opt.param_groups[0]["weight_decay"])
for _ in range(3):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print([round(v, 6) for v in w.tolist()])

# %% zero-grad-set-to-none
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w * 3).sum().backward()
opt.zero_grad(set_to_none=False)
print(w.grad)
opt.zero_grad()
print(w.grad)

# %% step-skips-none-grads
import torch
used = torch.tensor([1.], requires_grad=True)
unused = torch.tensor([5.], requires_grad=True)
opt = torch.optim.SGD([used, unused], lr=0.5, momentum=0.9, weight_decay=0.1)
(used * 2).sum().backward()
opt.step()
print(used, unused, unused.grad)

# %% param-groups-lr
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
group = opt.param_groups[0]
print(len(opt.param_groups), group["lr"], group["momentum"], len(group["params"]))
for g in opt.param_groups:
    g["lr"] = 0.01
print(opt.param_groups[0]["lr"])

# %% lr-change-takes-effect
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
opt.param_groups[0]["lr"] = 0.25
w.sum().backward()
opt.step()
print(w)

# %% state-dict-keys
import torch
w = torch.tensor([1., 2.], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
(w ** 2).sum().backward()
opt.step()
sd = opt.state_dict()
print(list(sd.keys()))
print(sorted(sd["state"][0].keys()), sd["state"][0]["exp_avg"])
print(sd["param_groups"][0]["params"], sd["param_groups"][0]["lr"])

# %% optimizer-empty-params
import torch
import torch.nn as nn

class Empty(nn.Module):
    pass

torch.optim.SGD(Empty().parameters(), lr=0.1)

# %% training-loop-linear-regression
import torch
import torch.nn as nn
x = torch.linspace(-1, 1, 8).reshape(-1, 1)
y = 3 * x + 1
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(0.0)
    model.bias.fill_(0.0)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
for epoch in range(60):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        print(epoch, f"{loss.item():.4f}")
print(f"w={model.weight.item():.3f} b={model.bias.item():.3f}")

# %% training-loop-classifier-adam
import torch
import torch.nn as nn
x = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
labels = torch.tensor([0, 1, 1, 0])
model = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 2))
with torch.no_grad():
    model[0].weight.zero_().add_(torch.tensor([[1., -1.], [-1., 1.]]))
    model[0].bias.zero_().add_(torch.tensor([-0.5, -0.5]))
    model[2].weight.zero_().add_(torch.tensor([[0.5, 0.5], [-0.5, -0.5]]))
    model[2].bias.zero_()
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(30):
    opt.zero_grad()
    loss = nn.CrossEntropyLoss()(model(x), labels)
    loss.backward()
    opt.step()
print(f"{loss.item():.3f}")
print(model(x).argmax(dim=1))

# %% step-without-backward
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
opt.step()
print(w, opt.state_dict()["state"])

# %% sgd-default-lr
import torch
w = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([w])
print(opt.param_groups[0]["lr"])
w.sum().backward()
opt.step()
print(w.item())

# %% per-group-options
import torch
a = torch.tensor([1.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)
opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=0.1)
(a + b).sum().backward()
opt.step()
print(a, b, [g["lr"] for g in opt.param_groups])

# %% optimizer-state-contents
import torch
w = torch.tensor([1., 2.], requires_grad=True)
sgd = torch.optim.SGD([w], lr=0.1, momentum=0.9)
adam = torch.optim.Adam([w], lr=0.1)
(w ** 2).sum().backward()
sgd.step()
adam.step()
adam.step()
print(sgd.state_dict()["state"][0]["momentum_buffer"])
print(adam.state_dict()["state"][0]["step"])
print(adam.param_groups[0]["betas"], adam.param_groups[0]["eps"], adam.param_groups[0]["weight_decay"])
