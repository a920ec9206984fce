# Short programs that raise: the exception type and first line must be PyTorch's.

# %% only-tensors-of-floating-1
import torch
print(torch.tensor([1, 2]).dtype)
torch.tensor([1, 2]).requires_grad_()

# %% trying-to-backward-through-1
import torch
x = torch.tensor(1.0, requires_grad=True)
y = x * 2
y.backward()
y.backward()

# %% element-0-of-tensors
import torch
torch.tensor(3.0).backward()

# %% grad-can-be-implicitly
import torch
torch.ones(2, 3, requires_grad=True).sum(0).backward()

# %% a-leaf-variable-that
import torch
x = torch.ones(2, requires_grad=True)
x.add_(1)

# %% a-view-of-a
import torch
x = torch.ones(2, requires_grad=True)
x[0] = 2

# %% mat1-and-mat2-shapes-1
import torch
torch.ones(2, 3) @ torch.ones(2, 3)

# %% the-size-of-tensor-1
import torch
torch.ones(3) + torch.ones(4)

# %% the-size-of-tensor-2
import torch
torch.ones(2, 3) + torch.ones(3, 2)

# %% only-tensors-of-floating-2
import torch
torch.tensor([1, 2], requires_grad=True)

# %% shape-4-is-invalid
import torch
torch.ones(2, 3).view(4)

# %% view-size-is-not
import torch
torch.ones(2, 3).T.view(6)

# %% cant-call-numpy-on
import torch
torch.ones(2, requires_grad=True).numpy()

# %% a-tensor-with-2
import torch
torch.ones(2).item()

# %% boolean-value-of-tensor
import torch
bool(torch.ones(2))

# %% you-can-only-change
import torch
x = torch.ones(2, requires_grad=True)
(x * 2).requires_grad_(False)

# %% mismatch-in-shape-grad-output-0
import torch
x = torch.ones(2, requires_grad=True)
x.sum().backward(torch.ones(2))

# %% one-of-the-variables-1
import torch
a = torch.ones(3, requires_grad=True)
c = torch.ones(3)
y = (a * c).sum()
c.add_(1)
y.backward()

# %% one-of-the-variables-2
import torch
a = torch.ones(3, requires_grad=True)
y = a.exp()
z = y.sum()
with torch.no_grad():
    y.add_(1)
z.backward()

# %% index-5-is-out
import torch
torch.ones(2)[5]

# %% dimension-out-of-range-1
import torch
torch.ones(2, 3).sum(dim=2)

# %% mean-could-not-infer
import torch
torch.tensor([1, 2]).mean()

# %% sizes-of-tensors-must
import torch
torch.cat([torch.ones(2, 3), torch.ones(3, 2)])

# %% stack-expects-each-tensor
import torch
torch.stack([torch.ones(2), torch.ones(3)])

# %% shape-4-2-is
import torch
torch.ones(2, 3).reshape(4, 2)

# %% target-3-is-out
import torch
import torch.nn.functional as F
F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3]))

# %% expected-target-dtype-to
import torch
import torch.nn.functional as F
F.cross_entropy(torch.ones(2, 3), torch.tensor([0.0, 1.0]))

# %% all-elements-of-input
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.ones(2))

# %% using-a-target-size
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.5]), torch.ones(1, 1))

# %% target-size-torch-size-1-1
import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.tensor([0.5]), torch.ones(1, 1))

# %% mat1-and-mat2-shapes-2
import torch
import torch.nn as nn
nn.Linear(2, 3)(torch.ones(4, 3))

# %% error-s-in-loading-state-dict-1
import torch
import torch.nn as nn
m = nn.Linear(2, 3)
m.load_state_dict({'weight': torch.ones(3, 2)})

# %% error-s-in-loading-state-dict-2
import torch
import torch.nn as nn
m = nn.Linear(2, 3)
m.load_state_dict({'weight': torch.ones(2, 2), 'bias': torch.zeros(3)})

# %% optimizer-got-an-empty
import torch
torch.optim.SGD([], lr=0.1)

# %% cant-optimize-a-non-leaf
import torch
x = torch.ones(2, requires_grad=True) * 2
torch.optim.SGD([x], lr=0.1)

# %% dimension-out-of-range-2
import torch
torch.ones(2, 3).squeeze(3)

# %% dimension-out-of-range-3
import torch
torch.ones(2, 3).sum(-3)

# %% trying-to-backward-through-2
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
g, = torch.autograd.grad(y, x)
print(g)
y.backward()
print(x.grad)
