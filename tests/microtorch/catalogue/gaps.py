# Gaps the learner corpus found: lists of tensors, generator=, missing Module/Tensor methods,
# and the cheap common ops from the refusal list.

# %% tensor-from-list-of-tensors
import torch
print(torch.tensor([torch.tensor(1.), torch.tensor(2.)]))
print(torch.tensor([torch.tensor([1.]), torch.tensor([2.])]))
print(torch.tensor([torch.tensor(1), 2.5]), torch.tensor([torch.tensor(1), torch.tensor(2)]))
print(torch.tensor([[torch.tensor(1.), 2.], [3., 4.]]))

# %% tensor-from-list-of-tensors-requires-grad
import torch
print(torch.tensor([torch.tensor(1., requires_grad=True), torch.tensor(2.)]))

# %% tensor-from-list-of-multi-element-tensors
import torch
torch.tensor([torch.ones(2), torch.ones(2)])

# %% tensor-from-list-of-empty-tensor
import torch
torch.tensor([torch.ones(0)])

# %% generator-draws
import torch
g = torch.Generator().manual_seed(7)
draws = lambda: (torch.rand(3, generator=g), torch.randn(2, 2, generator=g),
                 torch.randint(0, 5, (4,), generator=g), torch.randint(5, (4,), generator=g),
                 torch.randperm(6, generator=g), torch.rand_like(torch.ones(2), generator=g),
                 torch.randn_like(torch.ones(2), generator=g),
                 torch.empty(3).uniform_(-1, 1, generator=g),
                 torch.empty(3).normal_(2, 0.5, generator=g))
first = draws()
g.manual_seed(7)
print(all(torch.equal(a, b) for a, b in zip(first, draws())))
print([(t.shape, t.dtype) for t in first])
print(first[-2].abs().max() <= 1, first[2].min() >= 0, first[2].max() < 5)

# %% generator-independent-of-global
import torch
torch.manual_seed(0)
a = torch.rand(2)
torch.manual_seed(0)
torch.rand(3, generator=torch.Generator().manual_seed(1))
print(torch.equal(a, torch.rand(2)))

# %% init-with-generator
import torch
import torch.nn as nn
w = nn.init.uniform_(torch.empty(4), -2, 2, generator=torch.Generator().manual_seed(3))
v = nn.init.uniform_(torch.empty(4), -2, 2, generator=torch.Generator().manual_seed(3))
print(torch.equal(w, v), w.abs().max() <= 2)
a = nn.init.kaiming_normal_(torch.empty(3, 2), generator=torch.Generator().manual_seed(1))
b = nn.init.kaiming_normal_(torch.empty(3, 2), generator=torch.Generator().manual_seed(1))
print(torch.equal(a, b))

# %% module-unknown-attribute
import torch.nn as nn
nn.Linear(2, 1).wieght

# %% module-hasattr-unknown
import torch.nn as nn
print(hasattr(nn.Linear(2, 1), "wieght"), hasattr(nn.Linear(2, 1), "weight"))

# %% tensor-unknown-attribute
import torch
torch.ones(2).sizee()

# %% tensor-hasattr-unknown
import torch
print(hasattr(torch.ones(2), "sizee"), getattr(torch.ones(2), "shapee", None))
