# Learner experiments with mini-batches and torch.utils.data.

# %% tensordataset-len-getitem
import torch
from torch.utils.data import TensorDataset
x = torch.arange(10.).reshape(5, 2)
y = torch.arange(5.)
ds = TensorDataset(x, y)
print(len(ds))
print(ds[2])

# %% tensordataset-slice
import torch
from torch.utils.data import TensorDataset
ds = TensorDataset(torch.arange(6.).unsqueeze(1), torch.arange(6))
xs, ys = ds[1:4]
print(xs.shape, ys)

# %% tensordataset-mismatched-sizes
import torch
from torch.utils.data import TensorDataset
# mistake
ds = TensorDataset(torch.zeros(4, 2), torch.zeros(3))

# %% dataloader-batches-no-shuffle
import torch
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.arange(10.).view(-1, 1), torch.arange(10.))
for xb, yb in DataLoader(ds, batch_size=4):
    print(xb.shape, yb)

# %% dataloader-len
import torch
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.zeros(10, 3))
print(len(DataLoader(ds, batch_size=3)))
print(len(DataLoader(ds, batch_size=3, drop_last=True)))

# %% dataloader-drop-last-shapes
import torch
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.ones(7, 2), torch.zeros(7))
print([xb.shape[0] for xb, _ in DataLoader(ds, batch_size=3, drop_last=True)])

# %% dataloader-shuffle-covers-all
import torch
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
ds = TensorDataset(torch.arange(8))
seen = torch.cat([b[0] for b in DataLoader(ds, batch_size=3, shuffle=True)])
print(seen.sort().values)

# %% dataloader-shuffle-same-seed-same-order
import torch
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.arange(12))
def order():
    torch.manual_seed(3)
    return torch.cat([b[0] for b in DataLoader(ds, batch_size=5, shuffle=True)])
print(torch.equal(order(), order()))

# %% custom-dataset-class
import torch
from torch.utils.data import Dataset, DataLoader
class Squares(Dataset):
    def __len__(self):
        return 5
    def __getitem__(self, i):
        return torch.tensor([float(i)]), torch.tensor([float(i * i)])
for x, y in DataLoader(Squares(), batch_size=2):
    print(x.view(-1), y.view(-1))

# %% custom-dataset-returns-dict
import torch
from torch.utils.data import Dataset, DataLoader
class D(Dataset):
    def __len__(self):
        return 4
    def __getitem__(self, i):
        return {"x": torch.full((2,), float(i)), "y": i}
batch = next(iter(DataLoader(D(), batch_size=4)))
print(batch["x"].shape, batch["y"])

# %% dataloader-collates-ints
import torch
from torch.utils.data import DataLoader
data = [(torch.tensor([1.0, 2.0]), 0), (torch.tensor([3.0, 4.0]), 1)]
x, y = next(iter(DataLoader(data, batch_size=2)))
print(x, y, y.dtype)

# %% dataloader-over-plain-list
import torch
from torch.utils.data import DataLoader
for b in DataLoader([1, 2, 3, 4, 5], batch_size=2):
    print(b)

# %% dataloader-batch-size-none
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(3.))
print([b for b in DataLoader(ds, batch_size=None)])

# %% random-split-lengths
import torch
from torch.utils.data import TensorDataset, random_split
ds = TensorDataset(torch.arange(10.))
train, val = random_split(ds, [8, 2])
print(len(train), len(val), type(train).__name__)

# %% random-split-fractions
import torch
from torch.utils.data import TensorDataset, random_split
ds = TensorDataset(torch.arange(10.))
a, b = random_split(ds, [0.7, 0.3])
print(len(a), len(b))

# %% random-split-generator-deterministic
import torch
from torch.utils.data import TensorDataset, random_split
ds = TensorDataset(torch.arange(20))
a1, _ = random_split(ds, [15, 5], generator=torch.Generator().manual_seed(1))
a2, _ = random_split(ds, [15, 5], generator=torch.Generator().manual_seed(1))
print(a1.indices == a2.indices)

# %% random-split-disjoint
import torch
from torch.utils.data import TensorDataset, random_split
torch.manual_seed(0)
ds = TensorDataset(torch.arange(10))
a, b = random_split(ds, [6, 4])
print(sorted(a.indices + b.indices) == list(range(10)))

# %% random-split-wrong-total
import torch
from torch.utils.data import TensorDataset, random_split
ds = TensorDataset(torch.arange(10.))
# mistake
random_split(ds, [5, 3])

# %% subset-indexing
import torch
from torch.utils.data import TensorDataset, Subset
ds = TensorDataset(torch.arange(10.) * 2)
sub = Subset(ds, [1, 3, 5])
print(len(sub), sub[1])

# %% manual-minibatch-loop
import torch
x = torch.arange(10.).view(-1, 1)
y = 2 * x + 1
for i in range(0, len(x), 4):
    xb, yb = x[i:i + 4], y[i:i + 4]
    print(xb.shape, yb.sum().item())

# %% manual-minibatch-randperm
import torch
torch.manual_seed(0)
perm = torch.randperm(6)
print(perm.sort().values, perm.dtype)
x = torch.arange(6.) * 10
print(x[perm].sum())

# %% minibatch-training-loss-decreases
import torch
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
x = torch.linspace(-1, 1, 32).unsqueeze(1)
y = 3 * x - 1
model = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(x, y), batch_size=8, shuffle=True)
first = torch.nn.functional.mse_loss(model(x), y).item()
for epoch in range(20):
    for xb, yb in loader:
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(xb), yb).backward()
        opt.step()
print(torch.nn.functional.mse_loss(model(x), y).item() < first / 10)

# %% dataloader-iter-next-stop
import torch
from torch.utils.data import TensorDataset, DataLoader
it = iter(DataLoader(TensorDataset(torch.arange(2.)), batch_size=2))
print(next(it))
print(next(it, "done"))

# %% dataset-concat
import torch
from torch.utils.data import TensorDataset, ConcatDataset
a = TensorDataset(torch.zeros(3))
b = TensorDataset(torch.ones(2))
c = ConcatDataset([a, b])
print(len(c), c[4])

# %% dataset-add-operator
import torch
from torch.utils.data import TensorDataset
c = TensorDataset(torch.zeros(3)) + TensorDataset(torch.ones(2))
print(len(c), type(c).__name__)

# %% dataloader-tensors-attribute
import torch
from torch.utils.data import TensorDataset
ds = TensorDataset(torch.zeros(3, 2), torch.ones(3))
print(len(ds.tensors), ds.tensors[1])

# %% dataloader-dataset-attribute
import torch
from torch.utils.data import TensorDataset, DataLoader
ds = TensorDataset(torch.zeros(3))
dl = DataLoader(ds, batch_size=2)
print(dl.dataset is ds, dl.batch_size)

# %% enumerate-dataloader
import torch
from torch.utils.data import TensorDataset, DataLoader
dl = DataLoader(TensorDataset(torch.arange(5.), torch.arange(5.) ** 2), batch_size=2)
for i, (xb, yb) in enumerate(dl):
    print(i, yb.tolist())
