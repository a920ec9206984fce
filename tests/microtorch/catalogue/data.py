# torch.utils.data: datasets, DataLoader batches (shapes and dtypes), shuffling, random_split.

# %% import-torch-utils-data
import torch
print(torch.utils.data.random_split.__name__)
import torch.utils.data
import torch.utils.data as data
print(data.DataLoader.__name__, torch.utils.data.TensorDataset.__name__)

# %% tensor-dataset-rows
import torch
from torch.utils.data import TensorDataset
ds = TensorDataset(torch.arange(6.).reshape(3, 2), torch.tensor([0, 1, 0]))
print(len(ds))
print(ds[1])
print(type(ds[1]).__name__, len(ds.tensors))
print(ds[0:2])

# %% tensor-dataset-size-mismatch
import torch
from torch.utils.data import TensorDataset
TensorDataset(torch.ones(3, 2), torch.ones(2))

# %% loader-batches-in-order
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(10.).reshape(5, 2), torch.arange(5))
loader = DataLoader(ds, batch_size=2)
print(len(loader), loader.batch_size, loader.drop_last, loader.num_workers)
for batch in loader:
    print(type(batch).__name__, batch)

# %% loader-default-batch-size-one
import torch
from torch.utils.data import DataLoader, TensorDataset
loader = DataLoader(TensorDataset(torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([7, 8])))
print(len(loader))
for x, y in loader:
    print(x, y, x.shape, y.shape)

# %% loader-drop-last
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.zeros(10, 3))
print(len(DataLoader(ds, batch_size=4)), len(DataLoader(ds, batch_size=4, drop_last=True)))
print([b[0].shape for b in DataLoader(ds, batch_size=4)])
print([b[0].shape for b in DataLoader(ds, batch_size=4, drop_last=True)])

# %% loader-shuffle-is-a-permutation
import torch
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(0)
ds = TensorDataset(torch.arange(20), torch.arange(20) * 10)
loader = DataLoader(ds, batch_size=8, shuffle=True)
batches = list(loader)
print([x.shape for x, _ in batches])
seen = torch.cat([x for x, _ in batches])
print(sorted(seen.tolist()) == list(range(20)))
print(all(torch.equal(x * 10, y) for x, y in batches))

# %% loader-shuffle-seeded-and-new-each-epoch
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(50))
loader = DataLoader(ds, batch_size=50, shuffle=True)
torch.manual_seed(0)
first, second = [next(iter(loader))[0] for _ in range(2)]
torch.manual_seed(0)
again = next(iter(loader))[0]
print(torch.equal(first, again), torch.equal(first, second))
print(torch.equal(first, torch.arange(50)))

# %% loader-generator-argument
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(30))
a = [x for (x,) in DataLoader(ds, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(1))]
b = [x for (x,) in DataLoader(ds, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(1))]
print(all(torch.equal(p, q) for p, q in zip(a, b)), len(a))

# %% loader-iterating-draws-from-the-global-generator
import torch
from torch.utils.data import DataLoader, TensorDataset
loader = DataLoader(TensorDataset(torch.arange(4)), batch_size=2)
torch.manual_seed(0)
plain = torch.rand(3)
torch.manual_seed(0)
batches = list(loader)
print(torch.equal(plain, torch.rand(3)))
g = torch.Generator().manual_seed(0)
torch.manual_seed(0)
batches = list(DataLoader(TensorDataset(torch.arange(4)), shuffle=True, generator=g))
print(torch.equal(plain, torch.rand(3)))

# %% loader-next-iter
import torch
from torch.utils.data import DataLoader, TensorDataset
x = torch.linspace(0, 1, 12).reshape(6, 2)
y = (x.sum(1) > 1).float().unsqueeze(1)
xb, yb = next(iter(DataLoader(TensorDataset(x, y), batch_size=4)))
print(xb)
print(yb, yb.dtype)

# %% loader-batch-keeps-the-graph
import torch
from torch.utils.data import DataLoader, TensorDataset
w = torch.ones(3, requires_grad=True)
loader = DataLoader(TensorDataset(w, w * 2), batch_size=2)
a, b = next(iter(loader))
print(a, b)
(a + b).sum().backward()
print(w.grad)

# %% collate-python-numbers
from torch.utils.data import DataLoader
print(next(iter(DataLoader([1.5, 2.5, 3.0], batch_size=3))))
print(next(iter(DataLoader([1, 2, 3], batch_size=2))))
print(next(iter(DataLoader([True, False], batch_size=2))))
print(next(iter(DataLoader([1, 2.5], batch_size=2))))

# %% collate-tuples-become-lists
import torch
from torch.utils.data import DataLoader
pairs = [(torch.tensor([1., 2.]), 0), (torch.tensor([3., 4.]), 1), (torch.tensor([5., 6.]), 1)]
for batch in DataLoader(pairs, batch_size=2):
    print(type(batch).__name__, batch)

# %% collate-dicts-and-strings
import torch
from torch.utils.data import DataLoader
samples = [{"x": torch.ones(2), "label": 3, "name": "a"}, {"x": torch.zeros(2), "label": 4, "name": "b"}]
batch = next(iter(DataLoader(samples, batch_size=2)))
print(batch)
print(next(iter(DataLoader([("s", 1), ("t", 2)], batch_size=2))))

# %% collate-lists-and-namedtuples
from collections import namedtuple
from torch.utils.data import DataLoader
print(next(iter(DataLoader([[1, 2], [3, 4]], batch_size=2))))
Point = namedtuple("Point", "x y")
print(next(iter(DataLoader([Point(1, 2.0), Point(3, 4.0)], batch_size=2))))

# %% collate-numpy
import numpy as np
from torch.utils.data import DataLoader
print(next(iter(DataLoader([np.ones(2), np.zeros(2)], batch_size=2))))
print(next(iter(DataLoader([np.float32(1), np.float32(2)], batch_size=2))))
print(next(iter(DataLoader([np.int64(1), np.int64(2)], batch_size=2))))
print(next(iter(DataLoader([np.float64(1), np.float64(2)], batch_size=2))))
print(next(iter(DataLoader([np.str_("a"), np.str_("b")], batch_size=2))))

# %% collate-unequal-lists
from torch.utils.data import DataLoader
next(iter(DataLoader([[1, 2], [3]], batch_size=2)))

# %% collate-unequal-tensors
import torch
from torch.utils.data import DataLoader
next(iter(DataLoader([torch.ones(2), torch.ones(3)], batch_size=2)))

# %% collate-unknown-type
from torch.utils.data import DataLoader
next(iter(DataLoader([object(), object()], batch_size=2)))

# %% collate-default-collate-directly
import torch
from torch.utils.data import default_collate
print(default_collate([(torch.tensor(1.), 2), (torch.tensor(3.), 4)]))

# %% custom-collate-fn
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(6.).reshape(3, 2), torch.arange(3))
loader = DataLoader(ds, batch_size=2, collate_fn=lambda batch: len(batch))
print(list(loader))
loader = DataLoader(ds, batch_size=3, collate_fn=lambda batch: batch)
print(next(iter(loader)))

# %% custom-dataset-class
import torch
from torch.utils.data import DataLoader, Dataset

class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i)]), i * i

loader = DataLoader(Squares(5), batch_size=2)
print(len(loader))
for x, y in loader:
    print(x.shape, x.dtype, y, y.dtype)

# %% custom-dataset-receives-python-ints
import torch
from torch.utils.data import DataLoader, Dataset

class Show(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        kinds.add(type(i).__name__)
        return i

kinds = set()

torch.manual_seed(0)
print(sorted(torch.cat(list(DataLoader(Show(), batch_size=2, shuffle=True))).tolist()), kinds)

# %% dataset-without-getitem
from torch.utils.data import Dataset
Dataset()[0]

# %% dataset-without-len
from torch.utils.data import DataLoader, Dataset
len(DataLoader(Dataset()))

# %% loader-batch-size-zero
import torch
from torch.utils.data import DataLoader
DataLoader([1, 2], batch_size=0)

# %% loader-drop-last-not-bool
import torch
from torch.utils.data import DataLoader
DataLoader([1, 2], drop_last=1)

# %% loader-list-dataset
from torch.utils.data import DataLoader
print([batch for batch in DataLoader(list(range(7)), batch_size=3)])

# %% random-split-lengths
import torch
from torch.utils.data import TensorDataset, random_split
ds = TensorDataset(torch.arange(10))
train, val = random_split(ds, [8, 2])
print(len(train), len(val), type(train).__name__, train.dataset is ds)
rows = sorted(train.indices + val.indices)
print(rows == list(range(10)))
print(val[0][0].shape, val[0][0].dtype)

# %% random-split-fractions
from torch.utils.data import random_split
print([len(s) for s in random_split(range(10), [0.5, 0.3, 0.2])])
print([len(s) for s in random_split(range(10), [0.33, 0.33, 0.34])])
print([len(s) for s in random_split(range(1797), [0.8, 0.2])])

# %% random-split-empty-split-warns
from torch.utils.data import random_split
print([len(s) for s in random_split(range(3), [0.9, 0.1, 0.0])])

# %% random-split-seeded
import torch
from torch.utils.data import random_split
a = random_split(range(20), [10, 10], generator=torch.Generator().manual_seed(42))
b = random_split(range(20), [10, 10], generator=torch.Generator().manual_seed(42))
print(a[0].indices == b[0].indices, sorted(a[0].indices + a[1].indices) == list(range(20)))
torch.manual_seed(3)
c = random_split(range(20), [10, 10])
torch.manual_seed(3)
d = random_split(range(20), [10, 10])
print(c[1].indices == d[1].indices)

# %% random-split-bad-lengths
from torch.utils.data import random_split
random_split(range(10), [3, 3])

# %% random-split-bad-fraction
from torch.utils.data import random_split
random_split(range(10), [1.5, -0.5])

# %% subset-of-a-dataset
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset
ds = TensorDataset(torch.arange(10.).reshape(5, 2), torch.arange(5))
part = Subset(ds, [4, 0, 2])
print(len(part), part[0], part.indices)
for x, y in DataLoader(part, batch_size=2):
    print(x, y)

# %% concat-datasets
import torch
from torch.utils.data import ConcatDataset, DataLoader, TensorDataset
a = TensorDataset(torch.arange(3.))
b = TensorDataset(torch.arange(10., 12.))
both = a + b
print(type(both).__name__, len(both), both.cumulative_sizes, len(both.datasets))
print(both[0], both[3], both[-1])
print(len(both + a), len((both + a).datasets))
print(next(iter(DataLoader(both, batch_size=5))))
print(len(ConcatDataset([range(3), [7, 8]])), ConcatDataset([range(3), [7, 8]])[4])

# %% concat-datasets-index-past-the-end
import torch
from torch.utils.data import TensorDataset
(TensorDataset(torch.ones(2)) + TensorDataset(torch.ones(3)))[5]

# %% concat-datasets-negative-index-too-far
import torch
from torch.utils.data import TensorDataset
(TensorDataset(torch.ones(2)) + TensorDataset(torch.ones(3)))[-6]

# %% concat-datasets-empty
from torch.utils.data import ConcatDataset
ConcatDataset([])

# %% train-val-loaders-epoch
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
torch.manual_seed(0)
x = torch.randn(100, 4)
y = (x[:, 0] > 0).long()
train, val = random_split(TensorDataset(x, y), [0.8, 0.2])
train_loader = DataLoader(train, batch_size=16, shuffle=True)
val_loader = DataLoader(val, batch_size=64)
model = nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()
steps = 0
for xb, yb in train_loader:
    opt.zero_grad()
    loss = loss_fn(model(xb), yb)
    loss.backward()
    opt.step()
    steps += 1
print(len(train_loader), len(val_loader), steps)
with torch.no_grad():
    shapes = [(xb.shape, yb.shape, yb.dtype) for xb, yb in val_loader]
print(shapes)

# %% generator-object
import torch
g = torch.Generator()
print(g.initial_seed())
print(g.manual_seed(7) is g, g.initial_seed())
print(torch.manual_seed(5) is torch.default_generator, torch.initial_seed())
print(type(torch.seed()).__name__, type(g.seed()).__name__, torch.initial_seed() != 5)
print(torch.equal(torch.randperm(10, generator=torch.Generator().manual_seed(2)),
                  torch.randperm(10, generator=torch.Generator().manual_seed(2))))
