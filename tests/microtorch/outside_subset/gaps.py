# Methods of PyTorch's nn.Module and Tensor that microtorch lacks: refused by their names,
# while a misspelt name keeps PyTorch's AttributeError (catalogue/gaps.py).

# %% module-full-backward-hook
import torch.nn as nn
nn.Linear(2, 1).register_full_backward_hook(lambda module, grad_input, grad_output: None)

# %% tensor-post-accumulate-grad-hook
import torch
torch.ones(2, requires_grad=True).register_post_accumulate_grad_hook(print)
