# torch.optim beyond SGD and Adam: RMSprop, Adagrad, AdamW's options, parameter groups,
# state_dict and load_state_dict.

# %% rmsprop-defaults-steps
import torch
w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
opt = torch.optim.RMSprop([w])
for _ in range(4):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
    print(w)

# %% rmsprop-momentum-centered
import torch
w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.01, alpha=0.9, momentum=0.9, centered=True, weight_decay=0.1)
for step in range(6):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
    print(step, w.tolist())

# %% rmsprop-eps-maximize
import torch
w = torch.tensor([0.5, -2.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.1, eps=0.5, maximize=True)
for _ in range(3):
    opt.zero_grad()
    (-(w ** 2)).sum().backward()
    opt.step()
print(w)

# %% rmsprop-repr-and-state
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.05, momentum=0.5, centered=True)
print(opt)
(w ** 2).sum().backward()
opt.step()
print(opt.state_dict())

# %% rmsprop-invalid-alpha
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.RMSprop([w], alpha=-0.5)

# %% adagrad-steps
import torch
w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.5)
for _ in range(4):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
    print(w)

# %% adagrad-options
import torch
w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.3, lr_decay=0.1, weight_decay=0.05,
                          initial_accumulator_value=0.2, eps=1e-6)
for step in range(6):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
    print(step, [round(v, 5) for v in w.tolist()])

# %% adagrad-state-exists-before-step
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.Adagrad([w], initial_accumulator_value=0.1)
print(opt.state_dict())
print(opt)

# %% adagrad-maximize
import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.1, maximize=True)
for _ in range(3):
    opt.zero_grad()
    (-(w - 3) ** 2).sum().backward()
    opt.step()
print(w, opt.state[w]["sum"])

# %% adagrad-invalid-lr-decay
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.Adagrad([w], lr_decay=-1)

# %% adagrad-invalid-initial-accumulator
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.Adagrad([w], initial_accumulator_value=-0.1)

# %% adamw-amsgrad-steps
import torch
w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1, weight_decay=0.1, amsgrad=True)
for step in range(5):
    opt.zero_grad()
    ((w - 1) ** 4).sum().backward()
    opt.step()
    print(step, w)
print(sorted(opt.state[w]))

# %% adamw-repr
import torch
w = torch.tensor([1.0], requires_grad=True)
print(torch.optim.AdamW([w]))

# %% adamw-invalid-beta
import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.AdamW([w], betas=(0.9, 1.0))

# %% adam-maximize-amsgrad-state-dict
import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1, amsgrad=True, maximize=True)
for _ in range(2):
    opt.zero_grad()
    (-(w ** 2)).sum().backward()
    opt.step()
print(opt.state_dict())

# %% default-flags-accepted
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([w], foreach=False, fused=False, capturable=False, differentiable=False)
print(opt.param_groups[0]["foreach"], opt.param_groups[0]["fused"])

# %% training-loop-rmsprop-adagrad
import torch
import torch.nn as nn
x = torch.linspace(-1, 1, 10).reshape(-1, 1)
y = 2 * x - 0.5
for make in (lambda p: torch.optim.RMSprop(p, lr=0.05), lambda p: torch.optim.Adagrad(p, lr=0.5)):
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(0.0)
        model.bias.fill_(0.0)
    opt = make(model.parameters())
    for epoch in range(40):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
    print(type(opt).__name__, f"{loss.item():.4f}", f"{model.weight.item():.3f}", f"{model.bias.item():.3f}")

# %% step-with-closure
import torch
w = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.1)

def closure():
    opt.zero_grad()
    loss = (w ** 2).sum()
    loss.backward()
    return loss

print(opt.step(closure), w)

# %% param-group-defaults-filled
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.1)
print(opt.param_groups[0].keys())
print({k: v for k, v in opt.param_groups[0].items() if k != "params"})

# %% param-group-own-keys-first
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([2.0], requires_grad=True)
group = {"params": [b], "momentum": 0.9, "note": "head"}
opt = torch.optim.SGD([{"params": [a]}, group], lr=0.1)
print(list(opt.param_groups[1]))
print(group is opt.param_groups[1], opt.param_groups[1]["note"])

# %% param-groups-per-layer-lr
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
opt = torch.optim.Adam([{"params": model[0].parameters()},
                        {"params": model[2].parameters(), "lr": 0.1, "betas": (0.5, 0.9)}], lr=0.01)
print(opt)
print([len(g["params"]) for g in opt.param_groups])

# %% add-param-group
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([a], lr=0.1, momentum=0.9)
opt.add_param_group({"params": b, "lr": 0.5})
(a + b).sum().backward()
opt.step()
print(a, b)
print(opt)
print(opt.state_dict()["param_groups"])

# %% add-param-group-again
import torch
a = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([a], lr=0.1)
opt.add_param_group({"params": [a]})

# %% param-in-two-groups
import torch
a = torch.tensor([1.0], requires_grad=True)
torch.optim.Adam([{"params": [a]}, {"params": [a], "lr": 0.1}])

# %% duplicate-param-in-group-warns
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([a, a, b], lr=0.1)
print(opt.state_dict()["param_groups"][0]["params"])

# %% params-as-set
import torch
a = torch.tensor([1.0], requires_grad=True)
print(len(torch.optim.SGD({a}, lr=0.1).param_groups[0]["params"]))
torch.optim.SGD([{"params": {a}}], lr=0.1)

# %% params-with-a-number
import torch
a = torch.tensor([1.0], requires_grad=True)
torch.optim.SGD([a, 2.0], lr=0.1)

# %% tensor-after-group
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
torch.optim.SGD([{"params": [a]}, b], lr=0.1)

# %% add-param-group-not-dict
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
torch.optim.SGD([a], lr=0.1).add_param_group([b])

# %% group-without-params
import torch
torch.optim.SGD([{"lr": 0.1}])

# %% non-leaf-with-retain-grad
import torch
x = torch.tensor([1.0], requires_grad=True) * 2
x.retain_grad()
print(torch.optim.SGD([x], lr=0.1).param_groups[0]["params"])

# %% named-parameters
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.named_parameters(), lr=0.1)
print(opt.param_groups[0]["param_names"])
print(opt.state_dict()["param_groups"])

# %% named-and-unnamed-mixed
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
torch.optim.SGD([("weight", model.weight), model.bias], lr=0.1)

# %% named-group-after-unnamed
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
opt = torch.optim.SGD([model.weight], lr=0.1)
opt.add_param_group({"params": [("bias", model.bias)]})

# %% state-dict-after-steps
import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.1)
for _ in range(2):
    opt.zero_grad()
    ((w * b) ** 2).sum().backward()
    opt.step()
print(opt.state_dict())
print(opt.state)

# %% state-dict-order-follows-first-step
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.SGD([a, b], lr=0.1, momentum=0.9)
b.sum().backward()
opt.step()
(a * b).sum().backward()
opt.step()
print(opt.state_dict()["state"])

# %% state-dict-is-live
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
w.sum().backward()
opt.step()
saved = opt.state_dict()
opt.step()
print(saved["state"][0]["step"], saved["state"][0]["exp_avg"])

# %% load-state-dict-continues
import copy
import torch

def train(w, opt, steps):
    for _ in range(steps):
        opt.zero_grad()
        ((w - 1) ** 2 * torch.tensor([1.0, 3.0])).sum().backward()
        opt.step()

for make in (lambda p: torch.optim.Adam(p, lr=0.1), lambda p: torch.optim.RMSprop(p, lr=0.05, momentum=0.5),
             lambda p: torch.optim.Adagrad(p, lr=0.2), lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)):
    w = torch.tensor([2.0, -1.0], requires_grad=True)
    opt = make([w])
    train(w, opt, 3)
    checkpoint = copy.deepcopy(opt.state_dict())
    resumed = torch.tensor(w.tolist(), requires_grad=True)
    train(w, opt, 3)
    opt2 = make([resumed])
    opt2.load_state_dict(checkpoint)
    train(resumed, opt2, 3)
    print(type(opt).__name__, torch.equal(w, resumed), w)

# %% load-state-dict-takes-hyperparameters
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
source = torch.optim.Adam([a], lr=0.5, betas=(0.5, 0.6))
a.sum().backward()
source.step()
target = torch.optim.Adam([b])
saved = source.state_dict()
target.load_state_dict(saved)
print(list(target.param_groups[0]))
print(target.param_groups[0]["lr"], target.param_groups[0]["betas"])
print(target.state[b]["exp_avg"] is saved["state"][0]["exp_avg"], target.param_groups[0] is saved["param_groups"][0])

# %% load-state-dict-casts-to-param-dtype
import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
source = torch.optim.RMSprop([a])
(a ** 2).sum().backward()
source.step()
target = torch.optim.RMSprop([b])
target.load_state_dict(source.state_dict())
print(target.state[b])

# %% load-state-dict-wrong-group-count
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
saved = torch.optim.SGD([a], lr=0.1).state_dict()
torch.optim.SGD([{"params": [a]}, {"params": [b]}], lr=0.1).load_state_dict(saved)

# %% load-state-dict-wrong-group-size
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
saved = torch.optim.SGD([a], lr=0.1).state_dict()
torch.optim.SGD([a, b], lr=0.1).load_state_dict(saved)

# %% zero-grad-keeps-zeros
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.Adagrad([w])
(w * 3).sum().backward()
opt.zero_grad(set_to_none=False)
print(w.grad)
opt.step()
print(w, opt.state[w]["step"])

# %% maximize-zero-dim-with-weight-decay
import torch
w = torch.tensor(2.0, requires_grad=True)
optimizers = [torch.optim.SGD([w], lr=0.1, momentum=0.9, weight_decay=0.1, maximize=True),
              torch.optim.Adagrad([w], lr=0.1, weight_decay=0.1, maximize=True),
              torch.optim.RMSprop([w], lr=0.01, weight_decay=0.1, centered=True, maximize=True)]
for opt in optimizers:
    opt.zero_grad()
    (-(w ** 2)).backward()
    opt.step()
    print(type(opt).__name__, w)

# %% adagrad-group-added-later
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([2.0], requires_grad=True)
c = torch.tensor([3.0], requires_grad=True)
opt = torch.optim.Adagrad([a], lr=0.1, initial_accumulator_value=0.3)
opt.add_param_group({"params": [b]})
opt.add_param_group({"params": [c], "initial_accumulator_value": 2.0})
print(opt.state_dict()["state"])
(a * b * c).sum().backward()
opt.step()
print(opt.state_dict()["state"])

# %% given-a-sequential
import torch
import torch.nn as nn
torch.optim.SGD(nn.Sequential(nn.Linear(1, 1)), lr=0.1)

# %% parameter-after-group
import torch
import torch.nn as nn
layer = nn.Linear(1, 1)
torch.optim.SGD([{"params": [layer.bias]}, layer.weight], lr=0.1)

# %% betas-given-as-list
import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.AdamW([{"params": [a], "betas": [0.5, 0.9]}, {"params": [b]}], betas=[0.8, 0.9])
print(opt.param_groups[0]["betas"], opt.param_groups[1]["betas"], opt.defaults["betas"])

# %% custom-optimizer-subclass
import torch

class MySGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.1, momentum=0.0):
        defaults = dict(lr=lr, momentum=momentum)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "buf" not in state:
                    state["buf"] = torch.zeros_like(p)
                state["buf"].mul_(group["momentum"]).add_(p.grad)
                p.add_(state["buf"], alpha=-group["lr"])

w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = MySGD([w], lr=0.1, momentum=0.5)
for _ in range(3):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print(w, opt)
print(opt.state_dict())
s = torch.optim.lr_scheduler.StepLR(opt, 1)
opt.step(); s.step(); print(s.get_last_lr())

# %% custom-optimizer-without-lr
import torch

class Plain(torch.optim.Optimizer):
    def __init__(self, params):
        super().__init__(params, {})

    def step(self, closure=None):
        pass

w = torch.tensor([1.0], requires_grad=True)
opt = Plain([w])
print(opt.param_groups[0].keys())
torch.optim.lr_scheduler.StepLR(opt, 1)

# %% base-optimizer-step
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Optimizer([w], dict(lr=0.1))
print(opt)
opt.step()

# %% repr-with-an-empty-group
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([{"params": []}, {"params": [w]}], lr=0.1)
print(opt, opt.state_dict())

# %% no-decay-for-biases
import torch
import torch.nn as nn
model = nn.Linear(3, 1)
decay = [p for n, p in model.named_parameters() if "bias" not in n]
no_decay = [p for n, p in model.named_parameters() if "bias" in n]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}], lr=0.01)
print([g["weight_decay"] for g in opt.param_groups])
