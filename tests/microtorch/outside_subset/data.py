# torch.utils.data beyond the subset: worker processes, samplers, other datasets and modules.

# %% loader-num-workers
import torch
from torch.utils.data import DataLoader, TensorDataset
print(len(DataLoader(TensorDataset(torch.ones(4)), num_workers=2)))

# %% loader-sampler
import torch
from torch.utils.data import DataLoader, TensorDataset
print(len(DataLoader(TensorDataset(torch.ones(4)), sampler=[3, 2, 1, 0])))

# %% loader-pin-memory
import torch
from torch.utils.data import DataLoader, TensorDataset
print(len(DataLoader(TensorDataset(torch.ones(4)), pin_memory=True)))

# %% loader-batch-size-none
import torch
from torch.utils.data import DataLoader, TensorDataset
print(next(iter(DataLoader(TensorDataset(torch.ones(4)), batch_size=None))))

# %% weighted-random-sampler
from torch.utils.data import WeightedRandomSampler
print(len(WeightedRandomSampler([0.5, 0.5], 4)))

# %% import-torch-utils-checkpoint
import torch.utils.checkpoint

# %% torch-utils-hooks-attribute
import torch.utils
print(torch.utils.hooks.RemovableHandle)

# %% generator-get-state
import torch
print(torch.Generator().get_state().shape)

# %% load-mmap
import os
import tempfile
import torch
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "t.pt")
    torch.save(torch.ones(2), path)
    print(torch.load(path, mmap=True))

# %% serialization-safe-globals
import torch
torch.serialization.add_safe_globals([])
