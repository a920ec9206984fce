# Options of the newer tensor operations that microtorch leaves out.

# %% scatter-reduce
import torch
print(torch.zeros(2, 3).scatter(1, torch.tensor([[0]]), 1., reduce="add"))

# %% topk-unsorted
import torch
print(torch.tensor([3., 1., 4., 1., 5.]).topk(3, sorted=False))

# %% einsum-three-operands
import torch
print(torch.einsum('ij,jk,kl->il', torch.ones(2, 2), torch.ones(2, 2), torch.ones(2, 2)))

# %% einsum-ellipsis
import torch
print(torch.einsum('...ij,...jk->...ik', torch.ones(2, 2), torch.ones(2, 2)))

# %% einsum-broadcast-size-one
import torch
print(torch.einsum('i,i->', torch.ones(3), torch.ones(1)))

# %% nuclear-norm
import torch
print(torch.ones(2, 2).norm(p='nuc'))

# %% topk-of-tied-values
import torch
print(torch.tensor([1., 3., 3., 1.]).topk(2))

# %% topk-tie-at-the-cut
import torch
print(torch.tensor([3., 1., 4., 1., 5.]).topk(2, largest=False))

# %% sort-unstable-long-with-ties
import torch
print(torch.tensor([2, 0, 1] * 10).sort())

# %% argsort-unstable-long-with-ties
import torch
print(torch.tensor([2., 0., 1.] * 10).argsort(descending=True))
