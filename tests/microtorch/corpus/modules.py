# Learner experiments with nn modules beyond Linear and Sequential.

# %% dropout-eval-is-identity
import torch
import torch.nn as nn
d = nn.Dropout(0.5)
d.eval()
x = torch.ones(2, 3)
print(d(x))

# %% dropout-train-zeros-or-scaled
import torch
import torch.nn as nn
torch.manual_seed(0)
d = nn.Dropout(p=0.5)
out = d(torch.ones(1000))
print(set(out.unique().tolist()) <= {0.0, 2.0})

# %% dropout-repr
import torch.nn as nn
print(nn.Dropout())
print(nn.Dropout(0.2, inplace=True))

# %% dropout-p-one
import torch
import torch.nn as nn
print(nn.Dropout(1.0)(torch.ones(3)))

# %% dropout-bad-p
import torch.nn as nn
# mistake
nn.Dropout(1.5)

# %% functional-dropout-training-false
import torch
import torch.nn.functional as F
print(F.dropout(torch.ones(3), p=0.9, training=False))

# %% batchnorm1d-train-normalizes
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
x = torch.tensor([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0]])
out = bn(x)
print(out.mean(0).abs().max().item() < 1e-6)
print(out.detach().round(decimals=4))

# %% batchnorm1d-running-stats
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
bn(torch.tensor([[1.0, 2.0], [3.0, 6.0]]))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)

# %% batchnorm1d-eval-uses-running
import torch
import torch.nn as nn
bn = nn.BatchNorm1d(1)
bn.eval()
print(bn(torch.tensor([[2.0], [4.0]])))

# %% batchnorm1d-repr-params
import torch.nn as nn
bn = nn.BatchNorm1d(3)
print(bn)
print([n for n, _ in bn.named_parameters()], [n for n, _ in bn.named_buffers()])

# %% batchnorm1d-single-sample-train
import torch
import torch.nn as nn
# mistake
nn.BatchNorm1d(2)(torch.ones(1, 2))

# %% flatten-default
import torch
import torch.nn as nn
print(nn.Flatten()(torch.zeros(2, 3, 4)).shape)
print(nn.Flatten(0)(torch.zeros(2, 3, 4)).shape)
print(nn.Flatten())

# %% torch-flatten-start-dim
import torch
x = torch.arange(24).reshape(2, 3, 4)
print(torch.flatten(x, start_dim=1).shape, x.flatten().shape)

# %% modulelist-loop
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
net = Net()
print(len(list(net.parameters())), net(torch.zeros(4, 2)).shape)

# %% modulelist-append-index
import torch.nn as nn
ml = nn.ModuleList()
ml.append(nn.ReLU())
ml.append(nn.Tanh())
print(len(ml), ml[1], ml[-1])
print(ml)

# %% plain-list-hides-params
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(2, 2), nn.Linear(2, 2)]
print(len(list(Net().parameters())))

# %% moduledict-access
import torch
import torch.nn as nn
md = nn.ModuleDict({"enc": nn.Linear(3, 2), "act": nn.ReLU()})
print(list(md.keys()))
print(md["enc"](torch.zeros(1, 3)).shape)
print(md)

# %% moduledict-in-module-state-dict
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = nn.ModuleDict({"a": nn.Linear(2, 1), "b": nn.Linear(2, 3)})
print(list(Net().state_dict().keys()))

# %% leakyrelu-values
import torch
import torch.nn as nn
x = torch.tensor([-2.0, -0.5, 0.0, 1.5])
print(nn.LeakyReLU()(x))
print(nn.LeakyReLU(0.2)(x))
print(nn.LeakyReLU(0.2))

# %% leakyrelu-grad
import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 2.0], requires_grad=True)
F.leaky_relu(x, 0.1).sum().backward()
print(x.grad)

# %% gelu-values
import torch
import torch.nn as nn
x = torch.tensor([-1.0, 0.0, 1.0, 2.0])
print(nn.GELU()(x))
print(nn.GELU(approximate='tanh')(x))

# %% gelu-grad
import torch
import torch.nn.functional as F
x = torch.tensor([0.0, 1.0], requires_grad=True)
F.gelu(x).sum().backward()
print(x.grad)

# %% softmax-module-rows-sum-to-one
import torch
import torch.nn as nn
x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
p = nn.Softmax(dim=1)(x)
print(p)
print(p.sum(dim=1))

# %% softmax-dim-zero
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.softmax(x, dim=0))
print(x.softmax(-1))

# %% log-softmax-module
import torch
import torch.nn as nn
print(nn.LogSoftmax(dim=1)(torch.tensor([[0.0, 0.0]])))

# %% softmax-no-dim-warning
import torch
import torch.nn.functional as F
print(F.softmax(torch.tensor([1.0, 2.0])))

# %% named-modules-list
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.ReLU(), nn.Linear(3, 1)))
print([name for name, _ in m.named_modules()])

# %% named-children-types
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Dropout())
for name, child in m.named_children():
    print(name, type(child).__name__)

# %% modules-count
import torch.nn as nn
m = nn.Sequential(nn.Linear(1, 2), nn.Tanh(), nn.Linear(2, 1))
print(len(list(m.modules())))

# %% apply-init-weights
import torch
import torch.nn as nn
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
net.apply(init)
print(net(torch.ones(1, 2)))

# %% apply-returns-module
import torch.nn as nn
m = nn.Linear(2, 2)
print(m.apply(lambda mod: None) is m)

# %% train-eval-flags
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.Dropout())
m.eval()
print(m.training, m[1].training)
m.train()
print(m.training, m[1].training)

# %% sequential-ordereddict
from collections import OrderedDict
import torch.nn as nn
m = nn.Sequential(OrderedDict([("fc1", nn.Linear(2, 4)), ("act", nn.ReLU()), ("fc2", nn.Linear(4, 1))]))
print(m.fc1)
print(list(m.state_dict().keys()))

# %% sequential-slice
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
print(m[:2])

# %% module-repr-custom
import torch.nn as nn
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.act = nn.LeakyReLU()
        self.out = nn.Linear(8, 2)
print(MLP())

# %% parameter-count
import torch.nn as nn
m = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1))
print(sum(p.numel() for p in m.parameters()))
print(sum(p.numel() for p in m.parameters() if p.requires_grad))

# %% register-buffer
import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("scale", torch.tensor(2.0))
    def forward(self, x):
        return x * self.scale
m = M()
print(m(torch.ones(2)), list(m.state_dict().keys()), len(list(m.parameters())))

# %% nn-parameter-manual
import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(3))
print([(n, p.shape) for n, p in M().named_parameters()])
print(nn.Parameter(torch.zeros(2)))

# %% identity-module
import torch
import torch.nn as nn
print(nn.Identity()(torch.tensor([1.0, 2.0])))

# %% linear-no-bias
import torch.nn as nn
l = nn.Linear(3, 2, bias=False)
print(l, l.bias)

# %% zero-grad-module
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
m(torch.ones(1, 2)).sum().backward()
m.zero_grad()
print(m.weight.grad)
