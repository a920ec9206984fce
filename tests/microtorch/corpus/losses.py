# Learner experiments with classification and robust losses.

# %% nllloss-after-log-softmax
import torch
import torch.nn as nn
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])
target = torch.tensor([0, 2])
loss = nn.NLLLoss()(torch.log_softmax(logits, dim=1), target)
print(round(loss.item(), 5))

# %% nllloss-equals-cross-entropy
import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.0, 0.0]])
target = torch.tensor([1, 0, 1])
a = F.nll_loss(F.log_softmax(logits, dim=1), target)
b = F.cross_entropy(logits, target)
print(torch.allclose(a, b))

# %% nllloss-reduction-none
import torch
import torch.nn as nn
logp = torch.log(torch.tensor([[0.5, 0.5], [0.25, 0.75]]))
print(nn.NLLLoss(reduction='none')(logp, torch.tensor([0, 1])))

# %% nllloss-sum
import torch
import torch.nn as nn
logp = torch.tensor([[-1.0, -2.0], [-3.0, -4.0]])
print(nn.NLLLoss(reduction='sum')(logp, torch.tensor([1, 0])))

# %% nllloss-float-target
import torch
import torch.nn as nn
# mistake
nn.NLLLoss()(torch.zeros(2, 3), torch.tensor([0.0, 1.0]))

# %% nllloss-grad
import torch
import torch.nn.functional as F
logp = torch.tensor([[-1.0, -2.0], [-0.5, -0.7]], requires_grad=True)
F.nll_loss(logp, torch.tensor([1, 0])).backward()
print(logp.grad)

# %% cross-entropy-target-out-of-range
import torch
import torch.nn as nn
# mistake
nn.CrossEntropyLoss()(torch.zeros(2, 3), torch.tensor([0, 3]))

# %% cross-entropy-label-smoothing
import torch
import torch.nn as nn
loss = nn.CrossEntropyLoss(label_smoothing=0.1)(torch.tensor([[2.0, 0.0]]), torch.tensor([0]))
print(round(loss.item(), 5))

# %% cross-entropy-probability-targets
import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0, 3.0]])
target = torch.tensor([[0.0, 0.5, 0.5]])
print(round(F.cross_entropy(logits, target).item(), 5))

# %% cross-entropy-weight
import torch
import torch.nn as nn
loss = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 3.0]))
print(round(loss(torch.tensor([[0.0, 1.0], [1.0, 0.0]]), torch.tensor([1, 1])).item(), 5))

# %% cross-entropy-one-hot-mistake
import torch
import torch.nn as nn
logits = torch.zeros(2, 3)
target = torch.tensor([[1, 0, 0], [0, 1, 0]])
# mistake
nn.CrossEntropyLoss()(logits, target)

# %% huber-small-and-large
import torch
import torch.nn as nn
pred = torch.tensor([0.0, 0.0, 0.0])
target = torch.tensor([0.5, 1.0, 3.0])
print(nn.HuberLoss()(pred, target))
print(nn.HuberLoss(reduction='none')(pred, target))

# %% huber-delta
import torch
import torch.nn.functional as F
print(F.huber_loss(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 4.0]), delta=2.0))

# %% huber-grad
import torch
import torch.nn as nn
p = torch.tensor([0.0, 0.0], requires_grad=True)
nn.HuberLoss()(p, torch.tensor([0.5, 5.0])).backward()
print(p.grad)

# %% smooth-l1-loss
import torch
import torch.nn as nn
print(nn.SmoothL1Loss()(torch.tensor([0.0, 2.0]), torch.tensor([0.2, 0.0])))

# %% l1-loss-values
import torch
import torch.nn as nn
print(nn.L1Loss()(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 2.0, 5.0])))

# %% bce-loss
import torch
import torch.nn as nn
p = torch.tensor([0.9, 0.2, 0.6])
y = torch.tensor([1.0, 0.0, 1.0])
print(round(nn.BCELoss()(p, y).item(), 5))

# %% bce-with-logits
import torch
import torch.nn as nn
z = torch.tensor([2.0, -1.0, 0.0])
y = torch.tensor([1.0, 0.0, 1.0])
a = nn.BCEWithLogitsLoss()(z, y)
b = nn.BCELoss()(torch.sigmoid(z), y)
print(torch.allclose(a, b), round(a.item(), 5))

# %% bce-long-target-mistake
import torch
import torch.nn as nn
# mistake
nn.BCEWithLogitsLoss()(torch.zeros(3), torch.tensor([1, 0, 1]))

# %% mse-reduction-sum-vs-mean
import torch
import torch.nn as nn
a = torch.tensor([1.0, 2.0, 3.0, 4.0])
b = torch.zeros(4)
print(nn.MSELoss(reduction='sum')(a, b), nn.MSELoss()(a, b))

# %% mse-broadcast-warning
import torch
import torch.nn as nn
pred = torch.zeros(4, 1)
y = torch.ones(4)
print(nn.MSELoss()(pred, y))

# %% loss-repr
import torch.nn as nn
print(nn.NLLLoss(), nn.HuberLoss(delta=0.5), nn.CrossEntropyLoss())

# %% accuracy-from-logits
import torch
logits = torch.tensor([[0.1, 2.0], [3.0, 0.5], [0.2, 0.1], [0.0, 1.0]])
labels = torch.tensor([1, 0, 1, 1])
pred = logits.argmax(dim=1)
print(pred, (pred == labels).float().mean())
