# The mistakes learners make when they leave one-input linear regression.

# %% linear-wrong-in-features
import torch
import torch.nn as nn
m = nn.Linear(3, 1)
# mistake
m(torch.zeros(4, 2))

# %% linear-1d-input-works
import torch
import torch.nn as nn
m = nn.Linear(3, 2)
print(m(torch.zeros(3)).shape)

# %% linear-int-input-mistake
import torch
import torch.nn as nn
# mistake
nn.Linear(2, 1)(torch.tensor([[1, 2]]))

# %% linear-double-input-mistake
import torch
import torch.nn as nn
# mistake
nn.Linear(2, 1)(torch.zeros(1, 2, dtype=torch.float64))

# %% model-double-fixes-it
import torch
import torch.nn as nn
m = nn.Linear(2, 1).double()
print(m(torch.zeros(1, 2, dtype=torch.float64)).dtype)

# %% matmul-shape-mistake
import torch
# mistake
torch.ones(2, 3) @ torch.ones(2, 3)

# %% mm-shape-mistake
import torch
# mistake
torch.mm(torch.ones(4, 3), torch.ones(4, 3))

# %% add-shape-mistake
import torch
# mistake
torch.ones(3) + torch.ones(4)

# %% view-non-contiguous-mistake
import torch
x = torch.arange(6).reshape(2, 3).t()
# mistake
x.view(-1)

# %% view-after-contiguous
import torch
x = torch.arange(6).reshape(2, 3).t()
print(x.is_contiguous(), x.contiguous().view(-1), x.reshape(-1))

# %% reshape-wrong-numel-mistake
import torch
# mistake
torch.arange(10).reshape(3, 3)

# %% forgot-zero-grad-accumulates
import torch
w = torch.tensor(1.0, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for step in range(3):
    loss = (w * 2) ** 2
    loss.backward()
    print(step, w.grad.item())
    opt.step()

# %% forgot-zero-grad-diverges-vs-correct
import torch
def train(zero):
    w = torch.tensor(0.0, requires_grad=True)
    for _ in range(5):
        if zero and w.grad is not None:
            w.grad.zero_()
        ((w - 1) ** 2).backward()
        with torch.no_grad():
            w -= 0.3 * w.grad
    return round(w.item(), 4)
print(train(True), train(False))

# %% grad-none-before-backward
import torch
w = torch.ones(2, requires_grad=True)
print(w.grad)
# mistake
w.grad.zero_()

# %% loss-item-in-graph
import torch
w = torch.tensor(2.0, requires_grad=True)
total = 0
for _ in range(3):
    loss = w ** 2
    total += loss.item()
print(total, type(total).__name__)

# %% loss-accumulate-without-item
import torch
w = torch.tensor(2.0, requires_grad=True)
total = 0
for _ in range(2):
    total = total + w ** 2
print(total)

# %% cross-entropy-with-softmax-twice
import torch
import torch.nn as nn
logits = torch.tensor([[5.0, 0.0]])
target = torch.tensor([0])
ce = nn.CrossEntropyLoss()
print(round(ce(logits, target).item(), 4), round(ce(logits.softmax(1), target).item(), 4))

# %% cross-entropy-float-target-class
import torch
import torch.nn.functional as F
# mistake
F.cross_entropy(torch.zeros(2, 3), torch.tensor([0.0, 2.0]))

# %% cross-entropy-int-logits
import torch
import torch.nn.functional as F
# mistake
F.cross_entropy(torch.tensor([[1, 2]]), torch.tensor([0]))

# %% cross-entropy-batch-mismatch
import torch
import torch.nn as nn
# mistake
nn.CrossEntropyLoss()(torch.zeros(3, 4), torch.tensor([0, 1]))

# %% mse-int-target
import torch
import torch.nn.functional as F
print(F.mse_loss(torch.zeros(3), torch.tensor([1, 2, 3])))

# %% mse-shape-broadcast-silent
import torch
import torch.nn.functional as F
pred = torch.tensor([[1.0], [2.0], [3.0]])
y = torch.tensor([1.0, 2.0, 3.0])
print(F.mse_loss(pred, y), F.mse_loss(pred.squeeze(1), y))

# %% step-before-backward
import torch
w = torch.nn.Parameter(torch.tensor([1.0]))
opt = torch.optim.SGD([w], lr=0.1)
opt.step()
print(w.data)

# %% requires-grad-after-ops
import torch
x = torch.ones(2) * 3
x.requires_grad = True
(x ** 2).sum().backward()
print(x.grad, x.is_leaf)

# %% requires-grad-non-leaf-mistake
import torch
a = torch.ones(2, requires_grad=True)
b = a * 2
# mistake
b.requires_grad = False

# %% tensor-of-tensors-mistake
import torch
# mistake
torch.tensor([torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])])

# %% stack-list-of-scalars
import torch
losses = [torch.tensor(0.5), torch.tensor(0.25)]
print(torch.stack(losses).mean())

# %% forgot-call-module-instance
import torch
import torch.nn as nn
out = nn.ReLU(torch.tensor([-1.0, 1.0]))
print(type(out).__name__)
# mistake
print(out)

# %% forgot-super-init
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 1)
# mistake
Net()

# %% forward-not-defined
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)
# mistake
Net()(torch.zeros(1, 2))

# %% unsqueeze-for-linear
import torch
import torch.nn as nn
x = torch.tensor([1.0, 2.0, 3.0])
m = nn.Linear(1, 1)
print(m(x.unsqueeze(1)).shape, m(x.view(-1, 1)).shape)

# %% squeeze-wrong-dim-noop
import torch
x = torch.zeros(3, 1)
print(x.squeeze(0).shape, x.squeeze(1).shape, x.squeeze().shape)

# %% transpose-1d-noop
import torch
x = torch.tensor([1.0, 2.0])
print(x.t().shape, x.t().unsqueeze(0).t().shape)

# %% mean-of-int-mistake
import torch
# mistake
torch.tensor([1, 2, 3]).mean()

# %% argmax-grad-mistake
import torch
x = torch.tensor([1.0, 3.0], requires_grad=True)
print(x.argmax().requires_grad)
# mistake
x.argmax().backward()

# %% backward-on-no-grad-mistake
import torch
x = torch.tensor([1.0, 2.0])
# mistake
x.sum().backward()

# %% backward-inside-no-grad
import torch
w = torch.tensor(1.0, requires_grad=True)
with torch.no_grad():
    loss = w * 2
# mistake
loss.backward()

# %% index-out-of-range
import torch
# mistake
torch.tensor([1, 2, 3])[3]

# %% index-with-float-tensor
import torch
x = torch.arange(5)
# mistake
x[torch.tensor([0.0, 1.0])]

# %% bool-mask-index
import torch
x = torch.tensor([5, -1, 3, -7])
print(x[x > 0], x[torch.tensor([True, False, True, False])])

# %% fancy-index-rows
import torch
x = torch.arange(12).reshape(4, 3)
print(x[[0, 2]], x[torch.tensor([1, 3]), torch.tensor([0, 2])], x[:, -1])

# %% ellipsis-and-none-index
import torch
x = torch.zeros(2, 3, 4)
print(x[..., 0].shape, x[None].shape, x[:, None, :, 1].shape)

# %% compare-float-equality
import torch
a = torch.tensor([0.1 + 0.2])
print(a == 0.3, torch.isclose(a, torch.tensor([0.3])), torch.allclose(a, torch.tensor(0.3)))

# %% leaf-grad-after-to
import torch
w = torch.ones(2, requires_grad=True).to(torch.float64)
(w * 2).sum().backward()
print(w.is_leaf, w.grad)

# %% data-attribute-update
import torch
w = torch.tensor([1.0], requires_grad=True)
(w * 3).backward()
w.data -= 0.1 * w.grad
print(w, w.grad)

# %% zero-grad-inside-loop-order
import torch
model = torch.nn.Linear(1, 1, bias=False)
torch.nn.init.ones_(model.weight)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.tensor([[1.0]])
for _ in range(2):
    loss = (model(x) - 3).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(model.weight.data)
