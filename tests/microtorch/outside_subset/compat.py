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

# %% float16-times-inexact-float
import torch
print(torch.tensor([1., 2.], dtype=torch.float16) * 0.1)

# %% float16-mean
import torch
print(torch.tensor([0.1, 0.2, 0.3], dtype=torch.float16).mean())

# %% float16-sigmoid
import torch
print(torch.tensor([2.], dtype=torch.float16).sigmoid())

# %% float16-softmax
import torch
print(torch.tensor([2., 1.], dtype=torch.float16).softmax(0))

# %% numpy-boolean-function-on-tensor
import numpy as np
import torch
print(np.isnan(torch.tensor([1., 2.])))

# %% zero-dim-numpy-array-operand
import numpy as np
import torch
print(torch.tensor([1.]) * np.array(2.))

# %% numpy-unsigned-scalars
import numpy as np
import torch
print(torch.tensor([np.uint8(5)]))

# %% module-half
import torch
print(torch.nn.Linear(2, 1).half())
