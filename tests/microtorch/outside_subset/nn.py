# Parts of torch.nn that microtorch refuses by name rather than answer differently.

# %% batchnorm2d
import torch.nn as nn
print(nn.BatchNorm2d(3))

# %% batch-norm-four-dimensional
import torch
import torch.nn.functional as F
print(F.batch_norm(torch.ones(2, 3, 2, 2), torch.zeros(3), torch.ones(3)))

# %% forward-hook-with-kwargs
import torch.nn as nn
nn.Linear(1, 1).register_forward_hook(lambda module, args, kwargs, output: None, with_kwargs=True)

# %% init-trunc-normal
import torch
import torch.nn as nn
print(nn.init.trunc_normal_(torch.empty(2, 2)))

# %% utils-weight-norm
import torch.nn as nn
from torch.nn.utils import weight_norm
print(weight_norm(nn.Linear(2, 2)))
