# Methods of PyTorch's nn.Module and Tensor that microtorch lacks: refused by their names,
# while a misspelt name keeps PyTorch's AttributeError (catalogue/gaps.py).

# %% module-full-backward-hook
import torch.nn as nn
nn.Linear(2, 1).register_full_backward_hook(lambda module, grad_input, grad_output: None)

# %% tensor-post-accumulate-grad-hook
import torch
torch.ones(2, requires_grad=True).register_post_accumulate_grad_hook(print)

# %% unique-unsorted
import torch
print(torch.tensor([3, 1, 3]).unique(sorted=False))

# %% unique-dim-of-matrix
import torch
print(torch.tensor([[1, 2], [1, 2]]).unique(dim=0))

# %% unique-requires-grad
import torch
print(torch.tensor([3., 1.], requires_grad=True).unique())

# %% repeat-interleave-output-size
import torch
print(torch.ones(3).repeat_interleave(2, output_size=6))

# %% normal-mean-requires-grad
import torch
torch.normal(torch.zeros(2, requires_grad=True), 1.)

# %% bernoulli-requires-grad
import torch
torch.bernoulli(torch.tensor([0.5], requires_grad=True))

# %% multinomial-more-than-non-zero
import torch
torch.multinomial(torch.tensor([0., 1., 0.]), 2)
