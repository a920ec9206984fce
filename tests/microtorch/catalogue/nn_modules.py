# torch.nn beyond Linear: Dropout, Flatten, Identity, activations, containers, BatchNorm1d, the
# Smooth L1 / Huber / NLL losses, module traversal, hooks and freezing. Random draws (dropout
# masks) are checked by their properties only: microtorch's RNG is not PyTorch's.

# %% dropout-repr
import torch.nn as nn
print(nn.Dropout())
print(nn.Dropout(0.2))
print(nn.Dropout(p=1.0), nn.Dropout(0))

# %% dropout-bad-p
import torch.nn as nn
nn.Dropout(1.5)

# %% dropout-negative-p
import torch.nn as nn
nn.Dropout(p=-0.1)

# %% dropout-functional-bad-p
import torch
import torch.nn.functional as F
F.dropout(torch.ones(3), p=2)

# %% dropout-train-zeroes-and-scales
import torch
import torch.nn as nn
torch.manual_seed(0)
drop = nn.Dropout(0.25)
x = torch.ones(1000)
y = drop(x)
kept = y[y != 0]
print(len(set(kept.tolist())), abs(kept[0].item() - 1 / 0.75) < 1e-6)
print(0.65 < (y != 0).float().mean().item() < 0.85)
print(y.shape, y.dtype)

# %% dropout-eval-is-identity
import torch
import torch.nn as nn
drop = nn.Dropout(0.5)
x = torch.tensor([1., 2., 3.])
drop.eval()
print(drop(x), drop(x) is x, drop.training)
drop.train()
print(drop.training)

# %% dropout-p-zero-and-one
import torch
import torch.nn.functional as F
x = torch.tensor([1., 2., 3.], requires_grad=True)
print(F.dropout(x, p=0.0) is x)
print(F.dropout(x, p=1.0))
print(F.dropout(x, p=0.5, training=False) is x)

# %% dropout-gradient-is-the-mask
import torch
import torch.nn as nn
torch.manual_seed(1)
x = torch.ones(200, requires_grad=True)
y = nn.Dropout(0.5)(x)
y.sum().backward()
print(y.grad_fn.name())
print(torch.equal(x.grad, y.detach()))

# %% dropout-same-seed-same-mask
import torch
import torch.nn as nn
drop = nn.Dropout(0.5)
torch.manual_seed(3)
a = drop(torch.ones(50))
torch.manual_seed(3)
b = drop(torch.ones(50))
print(torch.equal(a, b))

# %% dropout-integer-input
import torch
import torch.nn.functional as F
F.dropout(torch.tensor([1, 2, 3]), 0.5)

# %% dropout-inplace-leaf
import torch
import torch.nn as nn
nn.Dropout(0.5, inplace=True)(torch.ones(3, requires_grad=True))

# %% dropout-in-a-model
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.3), nn.Linear(8, 1))
print(model)
model.eval()
print([m.training for m in model])

# %% flatten
import torch
import torch.nn as nn
x = torch.arange(24.).reshape(2, 3, 4)
print(nn.Flatten())
print(nn.Flatten()(x).shape, nn.Flatten(0)(x).shape, nn.Flatten(0, 1)(x).shape)
print(nn.Flatten(start_dim=-2, end_dim=-1)(x).shape)

# %% flatten-bad-dims
import torch
import torch.nn as nn
nn.Flatten(2, 1)(torch.ones(2, 3, 4))

# %% identity
import torch
import torch.nn as nn
x = torch.tensor([1., -2.])
ident = nn.Identity(54, unused_argument="anything")
print(ident, ident(x) is x, list(ident.parameters()))

# %% leaky-relu
import torch
import torch.nn as nn
x = torch.tensor([-2., -0.5, 0., 3.], requires_grad=True)
act = nn.LeakyReLU(0.1)
print(nn.LeakyReLU(), act)
y = act(x)
print(y)
y.sum().backward()
print(x.grad)

# %% leaky-relu-functional
import torch
import torch.nn.functional as F
print(F.leaky_relu(torch.tensor([-10., 10.])))
print(F.leaky_relu(torch.tensor([-1., 2.]), negative_slope=-0.5))

# %% leaky-relu-integer
import torch
import torch.nn.functional as F
F.leaky_relu(torch.tensor([-2, 3]))

# %% gelu
import torch
import torch.nn as nn
x = torch.tensor([-2., -1., 0., 0.5, 2.], requires_grad=True)
print(nn.GELU(), nn.GELU(approximate="tanh"))
y = nn.GELU()(x)
print(y)
y.sum().backward()
print(x.grad)

# %% gelu-tanh
import torch
import torch.nn.functional as F
x = torch.tensor([-1.5, 0.25, 1.], requires_grad=True)
y = F.gelu(x, approximate="tanh")
print(y)
y.sum().backward()
print(x.grad)

# %% gelu-float64
import torch
import torch.nn.functional as F
print(F.gelu(torch.tensor([-3., 0.7, 4.], dtype=torch.float64)))

# %% gelu-bad-approximate
import torch
import torch.nn as nn
act = nn.GELU("exact")
print(act)
act(torch.ones(2))

# %% gelu-integer
import torch
import torch.nn.functional as F
F.gelu(torch.tensor([1, 2]))

# %% softmax-modules
import torch
import torch.nn as nn
x = torch.tensor([[1., 2., 3.], [1., 1., 1.]])
print(nn.Softmax(dim=1), nn.LogSoftmax(dim=1), nn.Softmax())
print(nn.Softmax(dim=1)(x))
print(nn.LogSoftmax(dim=0)(x))

# %% softmax-module-implicit-dim
import torch
import torch.nn as nn
print(nn.Softmax()(torch.tensor([[0., 1.]])))

# %% module-list-repr-collapses-repeats
import torch.nn as nn
layers = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])
layers.append(nn.ReLU())
layers.append(nn.Linear(4, 2))
print(layers)
print(nn.ModuleList())

# %% module-list-nested-repeats
import torch.nn as nn
blocks = nn.ModuleList([nn.Sequential(nn.Linear(2, 2), nn.Tanh()) for _ in range(2)])
print(blocks)

# %% module-list-operations
import torch.nn as nn
layers = nn.ModuleList([nn.ReLU()])
layers.append(nn.Tanh())
layers.extend([nn.Sigmoid(), nn.Identity()])
layers.insert(1, nn.Linear(1, 1))
print(len(layers), [type(m).__name__ for m in layers])
print(layers[1], layers[-1])
print(type(layers[1:3]).__name__, len(layers[1:3]))
print(layers[1:3])
layers[0] = nn.LeakyReLU()
del layers[1]
print(layers)
print(type(layers.pop(0)).__name__, len(layers))

# %% module-list-registers-parameters
import torch
import torch.nn as nn

class Stack(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x).tanh()
        return x

net = Stack()
print([name for name, _ in net.named_parameters()])
print(net(torch.zeros(1, 2)).shape)
print(net)

# %% module-list-errors
import torch.nn as nn
layers = nn.ModuleList([nn.ReLU()])
try:
    layers[3]
except IndexError as e:
    print("IndexError:", e)
try:
    layers.extend(3)
except TypeError as e:
    print("TypeError:", e)
layers.append(2)

# %% module-list-has-no-forward
import torch
import torch.nn as nn
nn.ModuleList([nn.ReLU()])(torch.ones(1))

# %% module-dict
import torch.nn as nn
heads = nn.ModuleDict({"classify": nn.Linear(4, 3), "act": nn.ReLU()})
print(heads)
print(list(heads.keys()), len(heads), "act" in heads, "x" in heads)
heads["score"] = nn.Linear(4, 1)
print(type(heads.pop("act")).__name__)
heads.update({"extra": nn.Tanh()})
print([name for name in heads])
print([name for name, _ in heads.named_parameters()])
del heads["extra"]
print(heads)
heads.clear()
print(heads)

# %% module-dict-missing-key
import torch.nn as nn
nn.ModuleDict({"a": nn.ReLU()})["b"]

# %% module-dict-not-a-module
import torch.nn as nn
nn.ModuleDict({"a": 1})

# %% sequential-slicing-and-indexing
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Sigmoid())
print(model[1:3])
print(model[-1], type(model[:2]).__name__, len(model[::2]))
model.add_module("extra", nn.Tanh())
print(model)
model[7]

# %% sequential-index-by-name
import torch.nn as nn
nn.Sequential(nn.ReLU())["0"]

# %% add-module-errors
import torch.nn as nn
m = nn.Sequential()
for name, module in [("a.b", nn.ReLU()), ("", nn.ReLU()), (1, nn.ReLU()), ("training", nn.ReLU())]:
    try:
        m.add_module(name, module)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
m.add_module("x", 3)

# %% batchnorm1d-repr-and-state
import torch.nn as nn
bn = nn.BatchNorm1d(3)
print(bn)
print(nn.BatchNorm1d(4, eps=1e-3, momentum=None, affine=False, track_running_stats=False))
print(list(bn.state_dict().keys()))
print([name for name, _ in bn.named_parameters()], [name for name, _ in bn.named_buffers()])
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(bn.weight, bn.bias)

# %% batchnorm1d-train-statistics
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(3)
x = torch.tensor([[1., 2., 3.], [4., 6., 8.], [0., 1., -1.]], requires_grad=True)
y = bn(x)
print(y)
print(y.mean(0).abs().max().item() < 1e-6, ((y - y.mean(0)) ** 2).mean(0))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
(y[:, 0] * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)

# %% batchnorm1d-eval-uses-running-stats
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
for batch in (torch.tensor([[1., 2.], [3., 6.]]), torch.tensor([[0., 0.], [2., 4.]])):
    bn(batch)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
x = torch.tensor([[1., 1.]], requires_grad=True)
y = bn(x)
print(y)
y.sum().backward()
print(x.grad)
print(bn.num_batches_tracked)

# %% batchnorm1d-affine-gradients
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([2., -1.]))
    bn.bias.copy_(torch.tensor([0.5, 0.]))
x = torch.tensor([[1., 0.], [2., 5.], [4., 1.]])
out = bn(x)
print(out)
(out ** 2).sum().backward()
print(bn.weight.grad, bn.bias.grad)

# %% batchnorm1d-momentum-none
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(3, momentum=None)
bn(torch.tensor([[1., 2., 3.], [3., 4., 5.]]))
bn(torch.tensor([[0., 0., 0.], [1., 1., 1.]]))
print(bn.running_mean, bn.running_var)

# %% batchnorm1d-three-dimensional
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
x = torch.arange(12.).reshape(2, 2, 3)
print(bn(x))
print(bn.running_mean, bn.running_var)

# %% batchnorm1d-without-running-stats
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2, affine=False, track_running_stats=False)
print(bn.running_mean, bn.weight, list(bn.state_dict()))
bn.eval()
print(bn(torch.tensor([[1., 10.], [3., 30.]])))

# %% batchnorm1d-in-sequential-state-dict
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4), nn.ReLU())
print(list(model.state_dict().keys()))
print(len(list(model.parameters())), len(list(model.buffers())))

# %% batchnorm1d-wrong-dims
import torch
import torch.nn as nn
nn.BatchNorm1d(3)(torch.ones(2, 3, 4, 5))

# %% batchnorm1d-one-dimensional-input
import torch
import torch.nn as nn
nn.BatchNorm1d(3)(torch.ones(3))

# %% batchnorm1d-wrong-channels
import torch
import torch.nn as nn
nn.BatchNorm1d(3)(torch.ones(2, 4))

# %% batchnorm1d-wrong-channels-without-stats
import torch
import torch.nn as nn
nn.BatchNorm1d(3, track_running_stats=False)(torch.ones(2, 4))

# %% batchnorm1d-single-sample-training
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(3)
try:
    bn(torch.ones(1, 3))
except ValueError as e:
    print(e)
print(bn.num_batches_tracked)
print(bn.eval()(torch.ones(1, 3)))

# %% batchnorm1d-integer-input
import torch
import torch.nn as nn
nn.BatchNorm1d(2)(torch.ones(3, 2, dtype=torch.int64))

# %% batchnorm1d-mixed-dtype
import torch
import torch.nn as nn
nn.BatchNorm1d(2)(torch.ones(3, 2, dtype=torch.float64))

# %% batch-norm-functional
import torch
import torch.nn.functional as F
x = torch.tensor([[1., 2.], [3., 5.]])
mean, var = torch.zeros(2), torch.ones(2)
print(F.batch_norm(x, mean, var))
print(F.batch_norm(x, mean, var, training=True, momentum=0.5))
print(mean, var)
print(F.batch_norm(x, None, None, training=True))
F.batch_norm(x, None, None)

# %% smooth-l1-loss
import torch
import torch.nn as nn
pred = torch.tensor([0.2, 1.5, -3.0], requires_grad=True)
target = torch.tensor([0., 0., 0.])
loss = nn.SmoothL1Loss()(pred, target)
print(nn.SmoothL1Loss(beta=2.0), loss)
loss.backward()
print(pred.grad)
print(nn.SmoothL1Loss(reduction="none", beta=2.0)(pred, target))
print(nn.SmoothL1Loss(reduction="sum")(pred, target))

# %% smooth-l1-loss-beta-zero-is-l1
import torch
import torch.nn.functional as F
print(F.smooth_l1_loss(torch.tensor([0.2, -3.0], requires_grad=True), torch.zeros(2), beta=0.0))

# %% smooth-l1-loss-negative-beta
import torch
import torch.nn.functional as F
F.smooth_l1_loss(torch.ones(2), torch.zeros(2), beta=-1.0)

# %% huber-loss
import torch
import torch.nn as nn
pred = torch.tensor([0.2, 1.5, -3.0], requires_grad=True)
target = torch.tensor([0., 1., 0.])
loss = nn.HuberLoss(delta=2.0)(pred, target)
print(nn.HuberLoss(), loss)
loss.backward()
print(pred.grad)
print(nn.HuberLoss(reduction="none")(pred, target))

# %% huber-loss-bad-delta
import torch
import torch.nn.functional as F
F.huber_loss(torch.ones(2), torch.zeros(2), delta=0.0)

# %% robust-losses-bad-reduction
import torch
import torch.nn.functional as F
F.smooth_l1_loss(torch.ones(2), torch.zeros(2), reduction="average")

# %% robust-losses-broadcast-warning
import torch
import torch.nn.functional as F
print(F.huber_loss(torch.tensor([0.5, 2.0]), torch.zeros(3, 2)))
print(F.smooth_l1_loss(torch.tensor([0.5, 2.0]), torch.tensor([0, 1])))

# %% nll-loss-module
import torch
import torch.nn as nn
logp = torch.tensor([[-0.5, -1.0, -2.0], [-3.0, -0.1, -1.5]], requires_grad=True)
target = torch.tensor([0, 2])
loss_fn = nn.NLLLoss()
print(loss_fn, loss_fn(logp, target))
print(nn.NLLLoss(reduction="none")(logp, target), nn.NLLLoss(reduction="sum")(logp, target))
loss_fn(logp, target).backward()
print(logp.grad)

# %% nll-loss-after-log-softmax
import torch
import torch.nn as nn
scores = torch.tensor([[2.0, 0.5, -1.0]])
print(nn.NLLLoss()(nn.LogSoftmax(dim=1)(scores), torch.tensor([0])))
print(nn.CrossEntropyLoss()(scores, torch.tensor([0])))

# %% nll-loss-float-target
import torch
import torch.nn as nn
nn.NLLLoss()(torch.tensor([[-1., -2.]]), torch.tensor([0.]))

# %% nll-loss-target-out-of-bounds
import torch
import torch.nn as nn
nn.NLLLoss()(torch.tensor([[-1., -2.]]), torch.tensor([2]))

# %% nll-loss-batch-mismatch
import torch
import torch.nn as nn
nn.NLLLoss()(torch.tensor([[-1., -2.]]), torch.tensor([0, 1]))

# %% named-modules-and-modules
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
        self.head = nn.Linear(3, 1)

net = Net()
print([name for name, _ in net.named_modules()])
print([type(m).__name__ for m in net.modules()])
print([name for name, _ in net.named_children()], [type(m).__name__ for m in net.children()])
print([name for name, _ in net.named_modules(prefix="net")][:2])
print([name for name, _ in net.named_parameters(recurse=False)], len(list(net.parameters())))

# %% shared-module-listed-once
import torch.nn as nn
shared = nn.Linear(1, 1)
model = nn.Sequential(shared, nn.ReLU(), shared)
print([name for name, _ in model.named_modules()])
print([name for name, _ in model.named_modules(remove_duplicate=False)])
print(len(list(model.parameters())), list(model.state_dict().keys()))
print(model)

# %% apply-initialises-every-linear
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
visited = []

def init(module):
    visited.append(type(module).__name__)
    if isinstance(module, nn.Linear):
        nn.init.constant_(module.weight, 0.5)
        nn.init.zeros_(module.bias)

print(model.apply(init) is model, visited)
print(model(torch.ones(1, 2)))

# %% requires-grad-freezes
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
print(model[0].requires_grad_(False) is model[0])
print([p.requires_grad for p in model.parameters()])
model(torch.ones(1, 2)).sum().backward()
print(model[0].weight.grad, model[1].bias.grad)
model.requires_grad_()
print([p.requires_grad for p in model.parameters()])

# %% zero-grad-set-to-none-false
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
lin(torch.ones(1, 2)).sum().backward()
lin.zero_grad(set_to_none=False)
print(lin.weight.grad, lin.bias.grad)
lin.zero_grad()
print(lin.weight.grad)

# %% forward-hook
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[1., -1.], [2., 0.5]]))
    model[0].bias.zero_()
seen = []

def remember(module, args, output):
    seen.append((type(module).__name__, type(args).__name__, len(args), output.shape))

handle = model[0].register_forward_hook(remember)
print(model(torch.tensor([[1., 2.]])))
handle.remove()
model(torch.ones(1, 2))
handle.remove()
print(seen)

# %% forward-hook-replaces-output
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
lin.register_forward_hook(lambda module, args, output: output * 0 + 1)  # not * 0 alone: the sign of zero would follow the random init
print(lin(torch.ones(3, 2)))

# %% forward-pre-hook
import torch
import torch.nn as nn
model = nn.Identity()
model.register_forward_pre_hook(lambda module, args: print("before", args))
handle = model.register_forward_pre_hook(lambda module, args: (args[0] * 10,))
print(model(torch.tensor([1., 2.])))
handle.remove()
model.register_forward_pre_hook(lambda module, args: args[0] + 1)
print(model(torch.tensor([1., 2.])))

# %% buffers
import torch
import torch.nn as nn

class Counter(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("empty", None)
        self.inner = nn.Linear(1, 1)

    def forward(self, x):
        self.steps += 1
        return x * self.scale

c = Counter()
c(torch.ones(1))
print(list(c.state_dict().keys()))
print([name for name, _ in c.named_buffers()], list(c.buffers()), c.empty)
print(c.state_dict()["steps"], c.state_dict()["steps"].requires_grad)
c.steps = torch.tensor([5.])
print(c.state_dict()["steps"])
print(c)

# %% buffer-errors
import torch
import torch.nn as nn
m = nn.Linear(1, 1)
for name, value in [("weight", torch.ones(1)), ("a.b", torch.ones(1)), ("b", 3)]:
    try:
        m.register_buffer(name, value)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
m.register_buffer("count", torch.zeros(1))
m.count = 2

# %% batchnorm1d-double
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2).double()
print(bn.running_mean.dtype, bn.weight.dtype, bn.num_batches_tracked.dtype)
print(bn(torch.tensor([[1., 2.], [3., 5.]], dtype=torch.float64)))

# %% batchnorm1d-constant-channel
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(3)
print(bn(torch.tensor([[1., 2., 3.], [1., 2., 3.]])))
print(bn.running_mean, bn.running_var)

# %% sequential-edited-like-a-list
from collections import OrderedDict
import torch.nn as nn
model = nn.Sequential(OrderedDict(hidden=nn.Linear(2, 4), act=nn.ReLU(), out=nn.Linear(4, 1)))
model[1] = nn.Tanh()
print(model)
del model[0]
print(model)
model.insert(0, nn.Linear(2, 4))
model.extend([nn.Sigmoid()])
print(type(model.pop(1)).__name__, model)
print(model.insert(-1, nn.Identity()) is model, len(model))
model.insert(9, nn.ReLU())

# %% sequential-insert-not-a-module
import torch.nn as nn
nn.Sequential(nn.ReLU()).insert(0, 3)

# %% zero-dimensional-inputs
import torch
import torch.nn.functional as F
x = torch.tensor(0.5, requires_grad=True)
y = (F.gelu(x) + F.leaky_relu(x) + F.gelu(x, approximate="tanh") + F.dropout(x, 1.0)
     + F.smooth_l1_loss(x, torch.tensor(2.)) + F.huber_loss(x, torch.tensor(0.)))
y.backward()
print(y, x.grad)
torch.manual_seed(0)
print(F.dropout(torch.tensor(2.), 0.5).shape)

# %% buffer-not-persistent
import torch
import torch.nn as nn
m = nn.Linear(1, 1)
m.register_buffer("scratch", torch.zeros(2), persistent=False)
m.register_buffer("kept", torch.ones(1))
print([name for name, _ in m.named_buffers()], list(m.state_dict()))
m.register_buffer("scratch", torch.zeros(2))
print(list(m.state_dict()))
print(nn.Linear(1, 1).load_state_dict(m.state_dict(), strict=False))

# %% huber-loss-weight
import torch
import torch.nn.functional as F
pred = torch.tensor([0.2, 1.5, -3.0], requires_grad=True)
target, weight = torch.zeros(3), torch.tensor([1., 2., 0.5])
loss = F.huber_loss(pred, target, weight=weight)
loss.backward()
print(loss, pred.grad)
print(F.huber_loss(pred, target, reduction="none", weight=weight))
print(F.huber_loss(pred, target, reduction="sum", weight=weight, delta=2.0))
for options in [{"weight": torch.ones(2)}, {"weight": weight, "reduction": "bad"}]:
    try:
        F.huber_loss(pred, target, **options)
    except ValueError as e:
        print(e)
