# torch.nn.utils: gradient clipping and parameters as one flat vector.

# %% clip-grad-norm
import torch
from torch.nn.utils import clip_grad_norm_
a = torch.tensor([3., 4.], requires_grad=True)
b = torch.tensor([[12.]], requires_grad=True)
a.grad, b.grad = torch.tensor([3., 4.]), torch.tensor([[12.]])
total = clip_grad_norm_([a, b], max_norm=1.0)
print(total, a.grad, b.grad)
print(torch.sqrt(a.grad.pow(2).sum() + b.grad.pow(2).sum()))

# %% clip-grad-norm-below-max-changes-nothing
import torch
import torch.nn as nn
a = torch.tensor([3., 4.], requires_grad=True)
a.grad = torch.tensor([3., 4.])
print(nn.utils.clip_grad_norm_(a, 100.0), a.grad)

# %% clip-grad-norm-types
import torch
import torch.nn as nn
a = torch.tensor([3., 4.], requires_grad=True)
b = torch.tensor([[12.]], requires_grad=True)
for norm_type in [1, 2.0, float("inf"), "inf", 0, -1]:
    a.grad, b.grad = torch.tensor([3., 4.]), torch.tensor([[-12.]])
    print(norm_type, nn.utils.clip_grad_norm_([a, b], 1.0, norm_type=norm_type), a.grad, b.grad)

# %% clip-grad-norm-model
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
with torch.no_grad():
    for p in model.parameters():
        p.fill_(1.0)
loss = model(torch.tensor([[10., 20.]])).sum()
loss.backward()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
print(total)
after = torch.cat([p.grad.reshape(-1) for p in model.parameters()])
print(after.pow(2).sum().sqrt())

# %% clip-grad-norm-skips-missing-grads
import torch
import torch.nn as nn
w = torch.ones(2, requires_grad=True)
print(nn.utils.clip_grad_norm_([w], 1.0), w.grad)
print(nn.utils.clip_grad_norm_([], 1.0))

# %% clip-grad-norm-nonfinite
import torch
import torch.nn as nn
w = torch.ones(2, requires_grad=True)
w.grad = torch.tensor([float("nan"), 1.])
print(nn.utils.clip_grad_norm_([w], 1.0), w.grad)
w.grad = torch.tensor([float("inf"), 1.])
nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)

# %% clip-grad-norm-nonfinite-inf-order
import torch
import torch.nn as nn
w = torch.ones(2, requires_grad=True)
w.grad = torch.tensor([float("inf"), 1.])
nn.utils.clip_grad_norm_([w], 1.0, norm_type="inf", error_if_nonfinite=True)

# %% clip-grad-value
import torch
import torch.nn as nn
a = torch.tensor([3., 4.], requires_grad=True)
b = torch.tensor([[-12.]], requires_grad=True)
a.grad, b.grad = torch.tensor([3., 4.]), torch.tensor([[-12.]])
print(nn.utils.clip_grad_value_([a, b], clip_value=3.5))
print(a.grad, b.grad)
nn.utils.clip_grad_value_(a, 1)
print(a.grad)

# %% clip-then-step
import torch
import torch.nn as nn
w = nn.Parameter(torch.tensor([1., 1.]))
opt = torch.optim.SGD([w], lr=1.0)
(100 * w).sum().backward()
nn.utils.clip_grad_norm_([w], max_norm=1.0)
opt.step()
print(w)

# %% parameters-to-vector
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters
model = nn.Linear(2, 3)
v = parameters_to_vector(model.parameters())
print(v.shape, v.dtype, v.grad_fn.name())
vector_to_parameters(torch.arange(9.), model.parameters())
print(model.weight, model.bias)
print(parameters_to_vector(model.parameters()))

# %% parameters-to-vector-backward
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
v = nn.utils.parameters_to_vector(model.parameters())
(v * torch.tensor([1., 2., 3.])).sum().backward()
print(model.weight.grad, model.bias.grad)

# %% vector-to-parameters-too-short
import torch
import torch.nn as nn
nn.utils.vector_to_parameters(torch.arange(5.), nn.Linear(2, 3).parameters())

# %% vector-to-parameters-not-a-tensor
import torch.nn as nn
nn.utils.vector_to_parameters([1., 2.], nn.Linear(1, 1).parameters())

# %% vector-to-parameters-integer-vector
import torch
import torch.nn as nn
model = nn.Linear(2, 1)
nn.utils.vector_to_parameters(torch.arange(3), model.parameters())

# %% parameters-to-vector-empty
import torch.nn as nn
nn.utils.parameters_to_vector([])
