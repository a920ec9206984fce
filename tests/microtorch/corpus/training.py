# Whole small training experiments a learner writes once linear regression works.

# %% two-feature-regression-closed-form-check
import torch
torch.manual_seed(0)
X = torch.tensor([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0], [4.0, 3.0]])
y = X @ torch.tensor([[2.0], [-1.0]]) + 0.5
model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.02)
for _ in range(3000):
    opt.zero_grad()
    torch.nn.functional.mse_loss(model(X), y).backward()
    opt.step()
print(model.weight.data.round(decimals=2), round(model.bias.item(), 2))

# %% mlp-xor-learns
import torch
import torch.nn as nn
torch.manual_seed(0)
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
opt = torch.optim.Adam(net.parameters(), lr=0.05)
for _ in range(1000):
    opt.zero_grad()
    nn.BCELoss()(net(X), y).backward()
    opt.step()
print((net(X) > 0.5).float().view(-1))

# %% classifier-three-blobs-accuracy
import torch
import torch.nn as nn
centers = torch.tensor([[0.0, 0.0], [5.0, 5.0], [0.0, 5.0]])
X = torch.cat([centers + 0.1 * k for k in range(5)])
y = torch.arange(3).repeat(5)
model = nn.Linear(2, 3)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(500):
    opt.zero_grad()
    nn.CrossEntropyLoss()(model(X), y).backward()
    opt.step()
print((model(X).argmax(1) == y).float().mean().item())

# %% eval-loop-no-grad-accuracy
import torch
import torch.nn as nn
model = nn.Linear(2, 2)
nn.init.eye_(model.weight)
nn.init.zeros_(model.bias)
X = torch.tensor([[2.0, 1.0], [0.0, 3.0], [1.0, 0.5]])
y = torch.tensor([0, 1, 1])
model.eval()
with torch.no_grad():
    pred = model(X).argmax(dim=1)
print(pred, (pred == y).sum().item() / len(y))

# %% train-val-loop-with-dropout
import torch
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Dropout(0.1), nn.Linear(16, 1))
x = torch.linspace(-1, 1, 40).unsqueeze(1)
y = x ** 2
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(200):
    net.train()
    opt.zero_grad()
    nn.functional.mse_loss(net(x), y).backward()
    opt.step()
net.eval()
with torch.no_grad():
    print(nn.functional.mse_loss(net(x), y).item() < 0.05)

# %% early-stopping-counter
import torch
losses = [1.0, 0.8, 0.7, 0.71, 0.72, 0.73, 0.5]
best, patience, bad = float("inf"), 2, 0
for epoch, loss in enumerate(torch.tensor(losses)):
    if loss < best:
        best, bad = loss.item(), 0
    else:
        bad += 1
    if bad > patience:
        print("stop at", epoch)
        break
print(round(best, 2))

# %% loss-history-list-of-floats
import torch
w = torch.tensor(5.0, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.25)
history = []
for _ in range(4):
    opt.zero_grad()
    loss = w ** 2
    loss.backward()
    opt.step()
    history.append(loss.item())
print(history)

# %% gradient-descent-by-hand-two-params
import torch
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([3.0, 5.0, 7.0])
for _ in range(500):
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        b -= 0.05 * b.grad
    w.grad.zero_()
    b.grad.zero_()
print(round(w.item(), 2), round(b.item(), 2))

# %% normalize-features-before-training
import torch
X = torch.tensor([[100.0, 0.1], [200.0, 0.2], [300.0, 0.3]])
Xn = (X - X.mean(dim=0)) / X.std(dim=0)
print(Xn)
print(Xn.mean(dim=0).abs().max().item() < 1e-6)

# %% min-max-scaling
import torch
x = torch.tensor([2.0, 4.0, 6.0, 10.0])
print((x - x.min()) / (x.max() - x.min()))

# %% polynomial-features
import torch
x = torch.tensor([1.0, 2.0, 3.0])
feats = torch.stack([x ** k for k in range(3)], dim=1)
print(feats)

# %% batch-gradient-equals-mean-of-per-sample
import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
((X @ w) ** 2).mean().backward()
full = w.grad.clone()
w.grad = None
per = []
for row in X:
    ((row @ w) ** 2).backward()
    per.append(w.grad.clone())
    w.grad = None
print(torch.allclose(full, torch.stack(per).mean(0)))

# %% gradient-accumulation-two-microbatches
import torch
model = torch.nn.Linear(1, 1, bias=False)
torch.nn.init.ones_(model.weight)
x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
(model(x) ** 2).mean().backward()
big = model.weight.grad.clone()
model.zero_grad()
for chunk in x.split(2):
    ((model(chunk) ** 2).mean() / 2).backward()
print(torch.allclose(big, model.weight.grad))

# %% save-best-state-dict-copy
import copy
import torch
model = torch.nn.Linear(1, 1)
best = copy.deepcopy(model.state_dict())
with torch.no_grad():
    model.weight.fill_(42.0)
model.load_state_dict(best)
print(model.weight.item() != 42.0)

# %% state-dict-shares-storage
import torch
model = torch.nn.Linear(1, 1)
sd = model.state_dict()
with torch.no_grad():
    model.weight.fill_(3.0)
print(sd["weight"])

# %% lr-sweep-final-loss
import torch
def final(lr):
    w = torch.tensor(4.0, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr)
    for _ in range(10):
        opt.zero_grad()
        (w ** 2).backward()
        opt.step()
    return round(w.item(), 4)
print([final(lr) for lr in (0.01, 0.1, 0.5, 1.0, 1.1)])

# %% momentum-vs-plain
import torch
def run(momentum):
    w = torch.tensor([4.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.05, momentum=momentum)
    for _ in range(20):
        opt.zero_grad()
        (w ** 2).sum().backward()
        opt.step()
    return round(w.item(), 4)
print(run(0.0), run(0.9))

# %% softmax-regression-by-hand
import torch
W = torch.zeros(2, 3, requires_grad=True)
X = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
y = torch.tensor([0, 2])
for _ in range(50):
    logp = torch.log_softmax(X @ W, dim=1)
    loss = -logp[torch.arange(2), y].mean()
    loss.backward()
    with torch.no_grad():
        W -= 1.0 * W.grad
        W.grad.zero_()
print(torch.softmax(X @ W, 1).argmax(1), round(loss.item(), 3))

# %% weight-decay-by-hand-l2
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w.sum() - 1) ** 2 + 0.01 * (w ** 2).sum()
loss.backward()
print(loss, w.grad)

# %% count-correct-in-loop
import torch
from torch.utils.data import DataLoader, TensorDataset
X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [0.0, 3.0], [1.0, 1.5]])
y = torch.tensor([0, 1, 0, 1, 1])
correct = 0
for xb, yb in DataLoader(TensorDataset(X, y), batch_size=2):
    correct += (xb.argmax(dim=1) == yb).sum().item()
print(correct, correct / len(X))
