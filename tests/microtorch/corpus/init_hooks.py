# Learner experiments with nn.init, freezing layers, hooks and gradient clipping.

# %% init-constant-and-ones
import torch
import torch.nn as nn
w = torch.empty(2, 3)
nn.init.constant_(w, 0.3)
print(w)
print(nn.init.ones_(torch.empty(2)))

# %% init-zeros-linear
import torch
import torch.nn as nn
l = nn.Linear(3, 1)
nn.init.zeros_(l.weight)
nn.init.zeros_(l.bias)
print(l(torch.ones(2, 3)))

# %% init-xavier-uniform-bounds
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.xavier_uniform_(torch.empty(20, 30))
bound = (6 / (20 + 30)) ** 0.5
print(w.shape, w.abs().max().item() <= bound)

# %% init-kaiming-normal-shape
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.kaiming_normal_(torch.empty(64, 32), nonlinearity='relu')
print(w.shape, w.dtype, w.requires_grad)

# %% init-uniform-range
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.uniform_(torch.empty(100), a=-0.1, b=0.1)
print(w.min().item() >= -0.1, w.max().item() <= 0.1)

# %% init-normal-same-seed
import torch
import torch.nn as nn
torch.manual_seed(5)
a = nn.init.normal_(torch.empty(4), mean=0.0, std=0.01)
torch.manual_seed(5)
b = nn.init.normal_(torch.empty(4), mean=0.0, std=0.01)
print(torch.equal(a, b))

# %% init-eye
import torch
import torch.nn as nn
print(nn.init.eye_(torch.empty(2, 3)))

# %% init-no-grad-tracking
import torch
import torch.nn as nn
l = nn.Linear(2, 2)
nn.init.constant_(l.weight, 1.0)
print(l.weight.grad_fn, l.weight.requires_grad, l.weight.is_leaf)

# %% freeze-first-layer
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
for p in m[0].parameters():
    p.requires_grad = False
m(torch.ones(1, 2)).sum().backward()
print(m[0].weight.grad, m[1].weight.grad is not None)

# %% freeze-requires-grad-method
import torch.nn as nn
m = nn.Linear(3, 3)
m.requires_grad_(False)
print([p.requires_grad for p in m.parameters()])

# %% optimizer-only-trainable
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
m[0].weight.requires_grad_(False)
params = [p for p in m.parameters() if p.requires_grad]
opt = torch.optim.SGD(params, lr=0.1)
print(len(params), len(opt.param_groups[0]["params"]))

# %% frozen-layer-unchanged-after-step
import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
m[0].requires_grad_(False)
before = m[0].weight.clone()
opt = torch.optim.SGD(m.parameters(), lr=1.0)
m(torch.ones(3, 2)).pow(2).sum().backward()
opt.step()
print(torch.equal(before, m[0].weight))

# %% tensor-register-hook-print
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
y.register_hook(lambda g: print("grad of y:", g))
y.sum().backward()
print(x.grad)

# %% tensor-hook-modifies-grad
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_hook(lambda g: g * 10)
(x ** 2).sum().backward()
print(x.grad)

# %% hook-handle-remove
import torch
x = torch.tensor(1.0, requires_grad=True)
h = x.register_hook(lambda g: g * 0)
h.remove()
(x * 5).backward()
print(x.grad)

# %% forward-hook-captures-activation
import torch
import torch.nn as nn
acts = {}
m = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
m[1].register_forward_hook(lambda mod, inp, out: acts.update(relu=out.shape))
m(torch.zeros(5, 2))
print(acts)

# %% forward-pre-hook
import torch
import torch.nn as nn
l = nn.Linear(2, 2)
l.register_forward_pre_hook(lambda mod, inp: print("input shape", inp[0].shape))
l(torch.ones(4, 2))

# %% full-backward-hook
import torch
import torch.nn as nn
l = nn.Linear(2, 1)
nn.init.ones_(l.weight)
l.register_full_backward_hook(lambda mod, gin, gout: print("grad out", gout[0]))
l(torch.ones(2, 2)).sum().backward()

# %% retain-grad-intermediate
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 2
h.retain_grad()
(h ** 2).sum().backward()
print(h.grad, x.grad)

# %% clip-grad-norm-returns-total
import torch
import torch.nn as nn
p = nn.Parameter(torch.zeros(2))
p.grad = torch.tensor([3.0, 4.0])
total = nn.utils.clip_grad_norm_([p], max_norm=1.0)
print(total)
print(p.grad)

# %% clip-grad-norm-no-change-below
import torch
from torch.nn.utils import clip_grad_norm_
p = torch.nn.Parameter(torch.zeros(2))
p.grad = torch.tensor([0.3, 0.4])
clip_grad_norm_(p, 5.0)
print(p.grad)

# %% clip-grad-norm-model
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
nn.init.ones_(m.weight)
(m(torch.full((1, 2), 100.0)) ** 2).sum().backward()
nn.utils.clip_grad_norm_(m.parameters(), 1.0)
norm = torch.cat([p.grad.flatten() for p in m.parameters()]).norm()
print(round(norm.item(), 4))

# %% clip-grad-value
import torch
import torch.nn as nn
p = nn.Parameter(torch.zeros(3))
p.grad = torch.tensor([-5.0, 0.2, 7.0])
nn.utils.clip_grad_value_([p], clip_value=1.0)
print(p.grad)

# %% parameters-to-vector
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
nn.init.ones_(m.weight)
nn.init.zeros_(m.bias)
print(nn.utils.parameters_to_vector(m.parameters()))
