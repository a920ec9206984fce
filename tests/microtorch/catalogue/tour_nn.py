# Short programs through torch.nn, its functional losses and torch.optim.

# %% manual-seed-parameters-named-parameters-abs
import torch
import torch.nn as nn
torch.manual_seed(0)
l = nn.Linear(3, 2)
print([p.shape for p in l.parameters()], list(dict(l.named_parameters()).keys()), l.weight.abs().max().item() <= 3 ** (-0.5))

# %% sequential-relu-state-dict-index
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
print(m.state_dict().keys())
print(m[0])
print(len(m))
print(list(m.children()))

# %% mse-loss-1
import torch
import torch.nn.functional as F
F.mse_loss(torch.ones(3, 1), torch.ones(3))

# %% load-state-dict
import torch
import torch.nn as nn
m = nn.Linear(2, 3)
print(m.load_state_dict({'weight': torch.ones(3, 2), 'bias': torch.zeros(3)}))
print(m.bias)

# %% init-super-sigmoid-sequential
import torch
import torch.nn as nn

class Net(nn.Module):

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 4)
        self.act = nn.Sigmoid()
        self.out = nn.Sequential(nn.Linear(4, 1), nn.Tanh())

    def forward(self, x):
        return self.out(self.act(self.fc(x)))
n = Net()
print(n)
print([k for k, _ in n.named_parameters()])
print(n(torch.ones(1, 2)).shape)
print(n.training, n.eval().training, n.fc.training)

# %% crossentropyloss-bceloss-l1loss-mseloss
import torch
print(torch.nn.CrossEntropyLoss(), torch.nn.BCELoss(), torch.nn.L1Loss(), torch.nn.MSELoss(reduction='sum'))

# %% softmax-relu-log-softmax
import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0]])
print(F.softmax(x, dim=1), F.relu(x), F.log_softmax(x, dim=-1))

# %% softmax
import torch
import torch.nn.functional as F
print(F.softmax(torch.tensor([[1.0, 2.0]])))

# %% sequential-tanh-sigmoid-numel
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1), nn.Sigmoid())
print(m)
print(sum((p.numel() for p in m.parameters())))

# %% manual-seed-parameters
import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Linear(3, 2, bias=False)
print(m, m.bias, len(list(m.parameters())))

# %% sgd-parameters-index-setitem
import torch
import torch.nn as nn
m = nn.Linear(2, 2)
o = torch.optim.SGD(m.parameters(), lr=0.1)
print(o.param_groups[0]['lr'], len(o.param_groups[0]['params']))
o.param_groups[0]['lr'] = 0.01
print(o.param_groups[0]['lr'])

# %% mse-loss-2
import torch
import torch.nn.functional as F
print(F.mse_loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 0.0]), reduction='none'), F.mse_loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 0.0]), reduction='sum'))

# %% crossentropyloss-bcewithlogitsloss-bceloss-l1loss
import torch
import torch.nn as nn
print(nn.CrossEntropyLoss()(torch.tensor([[1.0, 2.0]]), torch.tensor([1])), nn.BCEWithLogitsLoss()(torch.tensor([0.3]), torch.tensor([1.0])), nn.BCELoss()(torch.tensor([0.3]), torch.tensor([1.0])), nn.L1Loss()(torch.tensor([0.3]), torch.tensor([1.0])))

# %% softmax-flatten-identity-logsoftmax
import torch
import torch.nn as nn
print(nn.Softmax(dim=1), nn.Flatten(), nn.Identity(), nn.LogSoftmax(dim=1), nn.ReLU())

# %% linear-print-type-isinstance
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
print(type(m.weight).__name__, isinstance(m.weight, torch.Tensor), m.weight.is_leaf, m.weight.grad)

# %% sequential-index-named-children
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 1))
print(m[0].weight.shape, m[-1].bias.shape, [n for n, _ in m.named_children()])
