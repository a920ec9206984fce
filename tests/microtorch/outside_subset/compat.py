# What the compat room leaves out on purpose: PyTorch runs these, microtorch refuses them by name.

# %% float16-requires-grad
import torch
torch.ones(2, dtype=torch.float16, requires_grad=True)

# %% float16-half-of-a-leaf
import torch
w = torch.ones(2, requires_grad=True)
print(w.half())

# %% default-dtype-float16
import torch
torch.set_default_dtype(torch.float16)
torch.set_default_dtype(torch.float32)

# %% bce-with-logits-mixed-float-dtypes
import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.tensor([0.2, 0.9]), torch.tensor([0., 1.], dtype=torch.float64))
