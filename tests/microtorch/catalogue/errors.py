# Mistakes learners make, and the exact error or warning PyTorch answers with.

# %% backward-without-grad-fn
import torch
x = torch.tensor([1., 2.])
loss = (x * 2).sum()
loss.backward()

# %% backward-on-plain-scalar
import torch
torch.tensor(5.).backward()

# %% backward-non-scalar
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.backward()

# %% second-backward-freed-graph
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = (x * x).sum()
y.backward()
print(x.grad)
y.backward()

# %% second-backward-after-exp
import torch
x = torch.tensor(1., requires_grad=True)
y = x.exp()
y.backward()
y.backward()

# %% inplace-on-leaf
import torch
w = torch.ones(2, requires_grad=True)
w.add_(1)

# %% augmented-assign-on-leaf
import torch
w = torch.ones(2, requires_grad=True)
w -= 0.1 * torch.ones(2)

# %% zero-on-leaf-outside-no-grad
import torch
w = torch.ones(2, requires_grad=True)
w.zero_()

# %% matmul-shape-mismatch
import torch
A = torch.ones(2, 3)
B = torch.ones(2, 3)
print(A @ B)

# %% matvec-shape-mismatch
import torch
print(torch.ones(2, 3) @ torch.ones(2))

# %% dot-shape-mismatch
import torch
print(torch.ones(3) @ torch.ones(4))

# %% broadcast-mismatch
import torch
a = torch.ones(2, 3)
b = torch.tensor([1., 2.])
print(a + b)

# %% broadcast-mismatch-leading-dim
import torch
print((torch.ones(4, 3) * torch.ones(2, 3)).shape)

# %% non-leaf-grad-warning
import torch
x = torch.tensor(2., requires_grad=True)
y = x * 3
y.backward()
print(y.grad)
print(x.grad)

# %% int-tensor-requires-grad
import torch
t = torch.tensor([1, 2, 3], requires_grad=True)

# %% int-requires-grad-underscore
import torch
t = torch.arange(3)
t.requires_grad_()

# %% item-of-vector
import torch
print(torch.tensor([1., 2.]).item())

# %% view-wrong-size
import torch
print(torch.arange(6).view(4, 2))

# %% cat-size-mismatch
import torch
print(torch.cat([torch.ones(1, 2), torch.ones(1, 3)]))

# %% numpy-of-requires-grad
import torch
w = torch.ones(2, requires_grad=True)
print(w.numpy())

# %% index-out-of-range
import torch
x = torch.tensor([1., 2., 3.])
print(x[3])

# %% mean-of-int-tensor
import torch
print(torch.tensor([1, 2, 3]).mean())

# %% autograd-grad-unused-input
import torch
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
print(torch.autograd.grad(a * 2, [a, b]))

# %% autograd-grad-non-scalar
import torch
x = torch.tensor([1., 2.], requires_grad=True)
print(torch.autograd.grad(x * 2, x))

# %% backward-gradient-wrong-shape
import torch
x = torch.tensor([1., 2.], requires_grad=True)
(x * 2).backward(torch.ones(3))

# %% hook-on-no-grad-tensor
import torch
t = torch.ones(2)
t.register_hook(lambda g: g)

# %% requires-grad-on-non-leaf
import torch
x = torch.tensor(1., requires_grad=True)
y = x * 2
y.requires_grad = False

# %% setitem-on-leaf
import torch
w = torch.zeros(3, requires_grad=True)
w[0] = 1.0

# %% tensor-of-tensor-warning
import torch
a = torch.tensor([1., 2.])
b = torch.tensor(a)
print(b)

# %% ragged-list
import torch
torch.tensor([[1, 2], [3]])

# %% two-inferred-dims
import torch
torch.zeros(2, 3).reshape(-1, -1)

# %% dim-out-of-range
import torch
torch.zeros(2, 3).sum(dim=2)

# %% stack-size-mismatch
import torch
torch.stack([torch.ones(2), torch.ones(3)])

# %% matmul-int-and-float
import torch
print(torch.tensor([[1, 2]]) @ torch.ones(2, 1))

# %% linear-int-input
import torch
import torch.nn as nn
nn.Linear(2, 1)(torch.tensor([[1, 2]]))

# %% load-state-dict-missing-key
import torch
import torch.nn as nn
nn.Linear(2, 1).load_state_dict({"weight": torch.ones(1, 2)})

# %% module-missing-attribute
import torch.nn as nn
nn.Linear(2, 1).foo

# %% linear-float64-input
import numpy as np
import torch
import torch.nn as nn
nn.Linear(2, 1)(torch.from_numpy(np.ones((3, 2))))

# %% int-parameter
import torch
import torch.nn as nn
nn.Parameter(torch.tensor([1, 2]))

# %% view-of-transposed
import torch
x = torch.arange(6.).reshape(2, 3)
print(x.T.reshape(6))
print(x.T.view(6))

# %% t-on-1d-warns
import torch
v = torch.tensor([1., 2.])
print(v.T)

# %% cat-zero-dim
import torch
torch.cat([torch.tensor(1.), torch.tensor(2.)])

# %% bool-of-tensors
import torch
loss = torch.tensor(0.05)
if loss < 0.1:
    print("converged", bool(torch.tensor([1.])), bool(torch.tensor(0.)))
print(bool(torch.tensor([1., 2.])))

# %% format-specs
import torch
loss = torch.tensor(0.123456, requires_grad=True) * 1
print(f"{loss:.3f} {torch.tensor(5):d} {torch.tensor(2.5):>8}")
print(f"{torch.tensor([1., 2.]):.2f}")

# %% optimizer-non-leaf
import torch
x = torch.tensor([1.], requires_grad=True)
torch.optim.SGD([x * 2], lr=0.1)

# %% optimizer-given-tensor
import torch
w = torch.tensor([1.], requires_grad=True)
torch.optim.SGD(w, lr=0.1)

# %% optimizer-given-method
import torch.nn as nn
import torch
model = nn.Linear(1, 1)
torch.optim.SGD(model.parameters, lr=0.1)

# %% ce-float-targets
import torch
import torch.nn as nn
nn.CrossEntropyLoss()(torch.zeros(2, 3), torch.tensor([0., 2.]))

# %% ce-target-out-of-range
import torch
import torch.nn.functional as F
F.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 5]))

# %% bce-input-out-of-range
import torch
import torch.nn as nn
nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.]))

# %% module-without-forward
import torch
import torch.nn as nn

class Net(nn.Module):
    pass

Net()(torch.ones(1))

# %% module-without-super-init
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)

Net()

# %% backward-of-no-grad-result
import torch
w = torch.tensor(2., requires_grad=True)
with torch.no_grad():
    loss = w * w
loss.backward()

# %% grad-zero-on-none
import torch
w = torch.tensor(1., requires_grad=True)
w.grad.zero_()

# %% forward-hook-lambda-returns-a-handle
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1))
# the lambda returns register_hook's handle, which replaces the Tanh's output
model[1].register_forward_hook(lambda module, args, output: output.register_hook(lambda grad: None))
model(torch.ones(1, 2))
