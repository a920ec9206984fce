# The recorded graph: grad_fn node names and next_functions, as learners inspect them.

# %% arithmetic-node-names
import torch
x = torch.tensor([1., 2.], requires_grad=True)
for y in [x + 1, x - 1, x * 2, x / 2, x ** 2, -x, 1 - x, 2 / x]:
    print(type(y.grad_fn).__name__)

# %% reduction-node-names
import torch
x = torch.ones(2, 3, requires_grad=True)
for y in [x.sum(), x.sum(dim=0), x.mean(), x.mean(dim=1), x.max(), x.max(dim=1)[0]]:
    print(type(y.grad_fn).__name__)

# %% pointwise-node-names
import torch
x = torch.ones(3, requires_grad=True)
for y in [x.exp(), x.log(), x.sqrt(), x.abs(), x.relu(), x.sigmoid(), x.tanh(), x.clamp(0, 1)]:
    print(y.grad_fn.name())

# %% matmul-node-names
import torch
A = torch.ones(2, 3, requires_grad=True)
v = torch.ones(3, requires_grad=True)
print(type((A @ torch.ones(3, 4)).grad_fn).__name__)
print(type((A @ v).grad_fn).__name__)
print(type((v @ v).grad_fn).__name__)

# %% shape-node-names
import torch
x = torch.ones(2, 3, requires_grad=True)
for y in [x.view(6), x.reshape(3, 2), x.transpose(0, 1), x.T, x.permute(1, 0), x.unsqueeze(0), x.flatten(), x[0], x[:, 1:]]:
    print(type(y.grad_fn).__name__)

# %% join-node-names
import torch
x = torch.ones(2, requires_grad=True)
print(torch.cat([x, x]).grad_fn.name(), torch.stack([x, x]).grad_fn.name())
print(torch.softmax(x, 0).grad_fn.name(), torch.log_softmax(x, 0).grad_fn.name())
print(torch.where(x > 0, x, x * 2).grad_fn.name())

# %% next-functions-leaf-and-constant
import torch
x = torch.tensor(2., requires_grad=True)
y = x * torch.tensor(3.)
for fn, index in y.grad_fn.next_functions:
    print(type(fn).__name__ if fn is not None else None, index)

# %% next-functions-chain
import torch
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
loss = ((a * b) + a).exp()
node = loss.grad_fn
print(node.name())
(add,) = [fn for fn, _ in node.next_functions]
print(add.name(), [fn.name() for fn, _ in add.next_functions])
mul = add.next_functions[0][0]
print([fn.name() for fn, _ in mul.next_functions])

# %% accumulate-grad-variable
import torch
w = torch.tensor([1., 2.], requires_grad=True)
y = (w * 2).sum()
acc = y.grad_fn.next_functions[0][0].next_functions[0][0]
print(type(acc).__name__, acc.variable is w)

# %% walk-graph-names
import torch
x = torch.tensor([1., 2.], requires_grad=True)
w = torch.tensor([[0.5, -1.], [2., 0.]], requires_grad=True)
loss = (w @ x).relu().mean()
seen, stack, names = set(), [loss.grad_fn], []
while stack:
    node = stack.pop()
    if node is None or node in seen:
        continue
    seen.add(node)
    names.append(node.name())
    stack.extend(fn for fn, _ in node.next_functions)
print(sorted(names))

# %% no-graph-without-requires-grad
import torch
x = torch.tensor([1., 2.])
y = (x * 2).sum()
print(y.grad_fn, y.requires_grad)

# %% graph-freed-when-dropped
import gc
import weakref
import torch
gc.disable()
x = torch.ones(3, requires_grad=True)
h = x * 2
loss = (h * h).sum()
ref = weakref.ref(h)
loss.backward()
del h, loss
print(ref() is None)
gc.enable()

# %% graph-freed-without-backward
import gc
import weakref
import torch
gc.disable()
w = torch.ones(2, 2, requires_grad=True)
out = (w @ w).relu().sum()
ref = weakref.ref(out)
del out
print(ref() is None)
gc.enable()

# %% print-grad-fn-object-type
import torch
x = torch.tensor(1., requires_grad=True)
y = x.exp()
print(str(y.grad_fn).startswith("<ExpBackward0 object at 0x"))

# %% training-creates-no-cycles
import gc
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x, y = torch.ones(8, 2), torch.zeros(8, 1)
gc.collect()
gc.disable()
for _ in range(5):
    opt.zero_grad()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    opt.step()
del loss
print(gc.collect())

# %% hooks-and-retain-create-no-cycles
import gc
import torch
gc.collect()
gc.disable()
x = torch.tensor([1., 2.], requires_grad=True)
for _ in range(3):
    h = x * 2
    h.retain_grad()
    h.register_hook(lambda g: g * 1)
    (h * h).sum().backward()
del h
print(gc.collect(), x.grad)
