# torch.nn: modules, their repr, parameters, state dicts, losses and nn.functional.
# Weights are set by hand (or only shapes/bounds are printed): microtorch's RNG is not PyTorch's.

# %% linear-repr
import torch.nn as nn
print(nn.Linear(1, 1))
print(nn.Linear(3, 2, bias=False))

# %% linear-parameter-shapes
import torch
from torch import nn
lin = nn.Linear(4, 3)
print(lin.weight.shape, lin.bias.shape)
print(type(lin.weight).__name__, isinstance(lin.weight, torch.Tensor))
print(lin.weight.requires_grad, lin.weight.is_leaf, lin.weight.grad)

# %% linear-init-bounds
import torch
import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(16, 8)
bound = 1 / 16 ** 0.5
print(lin.weight.abs().max().item() <= bound, lin.bias.abs().max().item() <= bound)
print(lin.weight.abs().max().item() > bound / 2)

# %% parameter-repr
import torch
import torch.nn as nn
p = nn.Parameter(torch.tensor([1., 2.]))
print(p)
print(p.requires_grad, p.is_leaf)

# %% linear-forward-fixed-weights
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
with torch.no_grad():
    lin.weight.fill_(0.5)
    lin.bias.zero_()
x = torch.tensor([[1., 2.], [3., 4.]])
out = lin(x)
print(out)
print(out.shape)

# %% linear-backward
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
with torch.no_grad():
    lin.weight.fill_(1.0)
    lin.bias.fill_(-1.0)
x = torch.tensor([[1., 2.], [3., 4.]])
loss = lin(x).sum()
loss.backward()
print(lin.weight.grad, lin.bias.grad)

# %% sequential-repr
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
print(model)

# %% nested-sequential-repr
from torch import nn
model = nn.Sequential(nn.Sequential(nn.Linear(1, 4), nn.Tanh()), nn.Linear(4, 1))
print(model)
print(model[0][0], model[1])

# %% custom-module-repr
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 5)
        self.act = nn.ReLU()
        self.out = nn.Linear(5, 1)

    def forward(self, x):
        return self.out(self.act(self.hidden(x)))

print(Net())

# %% named-parameters
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
for name, p in model.named_parameters():
    print(name, tuple(p.shape))
print(len(list(model.parameters())))

# %% custom-parameter-registered
import torch
import torch.nn as nn

class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.factor = nn.Parameter(torch.tensor(2.0))
        self.note = torch.tensor(1.0)

    def forward(self, x):
        return x * self.factor

m = Scale()
print([name for name, _ in m.named_parameters()])
print(m(torch.tensor([1., 2.])))

# %% children-and-call
import torch
import torch.nn as nn

class Twice(nn.Module):
    def forward(self, x):
        print("forward called")
        return x * 2

model = nn.Sequential(Twice(), nn.ReLU())
print([type(c).__name__ for c in model.children()])
print(model(torch.tensor([-1., 1.])))

# %% train-eval-flags
import torch.nn as nn
model = nn.Sequential(nn.Linear(1, 1), nn.ReLU())
print(model.training, model[0].training)
model.eval()
print(model.training, model[0].training)
print(model.train() is model, model[1].training)

# %% state-dict-roundtrip
import torch
import torch.nn as nn
a = nn.Linear(2, 1)
b = nn.Linear(2, 1)
with torch.no_grad():
    a.weight.fill_(3.0)
    a.bias.fill_(-1.0)
sd = a.state_dict()
print(list(sd.keys()))
print(sd["weight"].requires_grad)
print(b.load_state_dict(sd))
print(b.weight, b.bias)

# %% module-zero-grad
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
lin(torch.ones(1, 2)).sum().backward()
print(lin.bias.grad)
lin.zero_grad()
print(lin.weight.grad, lin.bias.grad)

# %% activation-modules
import torch
import torch.nn as nn
x = torch.tensor([-1., 0., 1.])
print(nn.ReLU(), nn.Sigmoid(), nn.Tanh())
print(nn.ReLU()(x), nn.Sigmoid()(x), nn.Tanh()(x))

# %% mse-and-l1
import torch
import torch.nn as nn
pred = torch.tensor([1., 2., 4.], requires_grad=True)
target = torch.tensor([1., 3., 1.])
mse = nn.MSELoss()(pred, target)
l1 = nn.L1Loss()(pred, target)
print(mse, l1)
print(nn.MSELoss(reduction="sum")(pred, target), nn.L1Loss(reduction="none")(pred, target))
mse.backward()
print(pred.grad)

# %% cross-entropy
import torch
import torch.nn as nn
logits = torch.tensor([[2., 1., 0.1], [0.5, 2.5, 0.2]], requires_grad=True)
labels = torch.tensor([0, 1])
loss = nn.CrossEntropyLoss()(logits, labels)
print(loss)
loss.backward()
print(logits.grad)

# %% bce-and-bce-with-logits
import torch
import torch.nn as nn
p = torch.tensor([0.9, 0.2, 0.6], requires_grad=True)
z = torch.tensor([2., -1., 0.5], requires_grad=True)
y = torch.tensor([1., 0., 1.])
print(nn.BCELoss()(p, y))
print(nn.BCEWithLogitsLoss()(z, y))
nn.BCEWithLogitsLoss()(z, y).backward()
print(z.grad)

# %% loss-reprs
import torch.nn as nn
print(nn.MSELoss(), nn.L1Loss(), nn.CrossEntropyLoss(), nn.BCELoss(), nn.BCEWithLogitsLoss())

# %% functional-api
import torch
import torch.nn.functional as F
x = torch.tensor([[1., -2., 3.]])
print(F.relu(x), F.sigmoid(torch.tensor(0.)))
print(F.softmax(x, dim=1))
print(F.log_softmax(x, dim=-1))
print(F.mse_loss(torch.tensor([1., 2.]), torch.tensor([0., 0.])))
print(F.l1_loss(torch.tensor([1., 2.]), torch.tensor([0., 0.])))
print(F.cross_entropy(x, torch.tensor([2])))

# %% functional-binary-losses
from torch.nn import functional as F
import torch
print(F.binary_cross_entropy(torch.tensor([0.5, 0.8]), torch.tensor([1., 0.])))
print(F.binary_cross_entropy_with_logits(torch.tensor([0., 3.]), torch.tensor([1., 1.])))

# %% mse-target-shape-warning
import torch
import torch.nn as nn
pred = torch.ones(3, 1)
target = torch.tensor([1., 2., 3.])
print(nn.MSELoss()(pred, target))

# %% linear-input-mismatch
import torch
import torch.nn as nn
lin = nn.Linear(3, 2)
lin(torch.ones(4, 2))

# %% loss-grad-fn-names
import torch
import torch.nn.functional as F
x = torch.tensor([[0.2, 0.8]], requires_grad=True)
t = torch.tensor([[0., 1.]])
print(F.mse_loss(x, t).grad_fn.name())
print(F.cross_entropy(x, torch.tensor([1])).grad_fn.name())
print(F.binary_cross_entropy(x, t).grad_fn.name())
print(F.binary_cross_entropy_with_logits(x, t).grad_fn.name())

# %% sequential-indexing-and-len
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
print(len(model), model[-1])
print(isinstance(model, nn.Module), isinstance(model[1], nn.Module))

# %% ce-single-sample-and-reductions
import torch
import torch.nn as nn
logits = torch.tensor([1., 2., 0.5])
print(nn.CrossEntropyLoss()(logits, torch.tensor(1)))
batch = torch.tensor([[1., 2., 0.5], [0., 0., 3.]])
target = torch.tensor([2, 2])
print(nn.CrossEntropyLoss(reduction="sum")(batch, target))
print(nn.CrossEntropyLoss(reduction="none")(batch, target))

# %% bce-log-clamp
import torch
import torch.nn as nn
print(nn.BCELoss()(torch.tensor([0., 1.]), torch.tensor([1., 0.])))

# %% linear-1d-and-3d-input
import torch
import torch.nn as nn
lin = nn.Linear(2, 3)
one = lin(torch.ones(2))
many = lin(torch.ones(4, 5, 2))
print(one.shape, one.grad_fn.name())
print(many.shape, many.grad_fn.name())

# %% state-dict-print
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
with torch.no_grad():
    lin.weight.fill_(3.0)
    lin.bias.fill_(-1.0)
print(lin.state_dict())

# %% freeze-parameters
import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
for p in lin.parameters():
    p.requires_grad = False
out = lin(torch.ones(1, 2))
print(out.requires_grad, out.grad_fn)
print(lin.requires_grad_(True) is lin, lin.weight.requires_grad)

# %% custom-module-no-children-repr
import torch.nn as nn

class Twice(nn.Module):
    def forward(self, x):
        return x * 2

print(Twice())
print(nn.Sequential(Twice(), nn.Sequential()))

# %% mse-reduction-none
import torch
import torch.nn as nn
print(nn.MSELoss(reduction="none")(torch.tensor([1., 2.]), torch.tensor([0., 4.])))

# %% stable-losses-with-big-logits
import torch
import torch.nn.functional as F
logits = torch.tensor([[1000., 0.]], requires_grad=True)
print(F.cross_entropy(logits, torch.tensor([1])))
z = torch.tensor([800., -800.], requires_grad=True)
loss = F.binary_cross_entropy_with_logits(z, torch.tensor([0., 1.]))
loss.backward()
print(loss, z.grad)

# %% parameter-arithmetic-is-tensor
import torch
import torch.nn as nn
p = nn.Parameter(torch.tensor([1., 2.]))
print(type(p * 2).__name__, type(p.detach()).__name__)
print(p * 2)

# %% nested-parameter-names
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(2, 3), nn.Tanh())
        self.head = nn.Linear(3, 1, bias=False)

    def forward(self, x):
        return self.head(self.body(x))

net = Net()
print([name for name, _ in net.named_parameters()])
print(list(net.state_dict().keys()))
print([type(m).__name__ for m in net.children()])

# %% python-list-of-layers-not-registered
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(1, 1), nn.Linear(1, 1)]

print(len(list(Net().parameters())))
print(Net())

# %% parameter-not-in-repr
import torch
import torch.nn as nn

class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.factor = nn.Parameter(torch.tensor(2.0))

print(Scale())

# %% l1-grad-at-zero
import torch
import torch.nn as nn
pred = torch.tensor([1., 2., 3.], requires_grad=True)
nn.L1Loss()(pred, torch.tensor([1., 0., 5.])).backward()
print(pred.grad)

# %% softmax-without-dim
import torch
import torch.nn.functional as F
print(F.softmax(torch.tensor([1., 2.])))

# %% softmax-module
import torch
import torch.nn as nn
print(nn.Softmax(dim=0)(torch.tensor([1., 2.])))

# %% linear-init-distribution
import torch
import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(1000, 100)
bound = 1 / 1000 ** 0.5
w = lin.weight.detach()
print(round((w.abs().max() / bound).item(), 2), round((w.pow(2).mean().sqrt() / bound).item(), 2))
print(abs(w.mean().item()) < 0.01 * bound * 10, lin.bias.abs().max().item() <= bound)

# %% mse-int-target
import torch
import torch.nn.functional as F
pred = torch.tensor([1., 2.], requires_grad=True)
loss = F.mse_loss(pred, torch.tensor([1, 3]))
print(loss)
loss.backward()
print(pred.grad)

# %% eval-returns-model
import torch.nn as nn
print(nn.Sequential(nn.Linear(1, 1)).eval())

# %% accuracy-idiom
import torch
logits = torch.tensor([[2., 1.], [0., 3.], [1., 0.5], [0.2, 0.1]])
labels = torch.tensor([0, 1, 1, 0])
with torch.no_grad():
    correct = (logits.argmax(dim=1) == labels).float().mean()
print(correct, f"{correct.item():.0%}")
print((logits.argmax(1) == labels).sum().item())

# %% cross-entropy-int32-labels
import torch
import torch.nn.functional as F
logits = torch.zeros(2, 3)
print(F.cross_entropy(logits, torch.tensor([0, 2])))
F.cross_entropy(logits, torch.tensor([0, 2], dtype=torch.int32))

# %% nll-loss-int32-labels
import torch
import torch.nn.functional as F
F.nll_loss(torch.zeros(2, 3).log_softmax(1), torch.tensor([1, 0]).int())
