# torch.save and torch.load: round trips through a path or a file object, what comes back, and
# what weights_only=True (the default) refuses.

# %% save-load-tensor-bytesio
import io
import torch
buffer = io.BytesIO()
torch.save(torch.tensor([[1.5, -2.0], [3.25, 4.0]]), buffer)
buffer.seek(0)
t = torch.load(buffer)
print(t, t.dtype, t.shape)

# %% save-load-path
import os
import tempfile
import torch
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "t.pt")
    torch.save(torch.arange(6).reshape(2, 3), path)
    print(torch.load(path))
    print(torch.load(path, map_location="cpu", weights_only=True).dtype)

# %% save-load-open-file
import os
import tempfile
import torch
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "t.pt")
    with open(path, "wb") as f:
        torch.save({"x": torch.ones(2, dtype=torch.float64)}, f)
    with open(path, "rb") as f:
        print(torch.load(f))

# %% save-load-dtypes-and-shapes
import io
import torch
tensors = [torch.tensor(3), torch.tensor(2.5), torch.zeros(2, 0), torch.tensor([True, False]),
           torch.tensor([1, 2], dtype=torch.int32), torch.tensor([0.1], dtype=torch.float64),
           torch.ones(2, 3).t()]
buffer = io.BytesIO()
torch.save(tensors, buffer)
buffer.seek(0)
for before, after in zip(tensors, torch.load(buffer)):
    print(after.dtype, after.shape, torch.equal(before, after), after.is_contiguous())

# %% save-load-requires-grad
import io
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
(x * x).sum().backward()
buffer = io.BytesIO()
torch.save([x, y], buffer)
buffer.seek(0)
a, b = torch.load(buffer)
print(a, a.is_leaf, a.grad)
print(b, b.is_leaf, b.grad_fn)

# %% save-load-parameter
import io
import torch
from torch import nn
buffer = io.BytesIO()
torch.save([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(1), requires_grad=False)], buffer)
buffer.seek(0)
p, q = torch.load(buffer)
print(type(p).__name__, p)
print(type(q).__name__, q)

# %% save-load-same-tensor-twice
import io
import torch
t = torch.ones(3)
buffer = io.BytesIO()
torch.save({"a": t, "b": t}, buffer)
buffer.seek(0)
d = torch.load(buffer)
print(d["a"] is d["b"])

# %% save-load-views-share-memory-again
import io
import torch
t = torch.arange(6)
row = torch.arange(6.).reshape(2, 3)
buffer = io.BytesIO()
torch.save([t, t[2:4], row, row[1], row.t()], buffer)
buffer.seek(0)
a, b, r, r1, rt = torch.load(buffer)
b[0] = 100
r1[0] = -1
print(a, b)
print(r, rt, rt.is_contiguous())

# %% save-load-plain-data
import collections
import io
import torch
data = {"epoch": 3, "lr": 0.01, "name": "mlp", "sizes": [64, 32, 10], "pair": (1, None),
        "flags": {True}, "raw": b"xy", "z": 1 + 2j, "big": 2 ** 70,
        "counts": collections.Counter("aab"), "dtype": torch.float64, "shape": torch.Size([2, 3]),
        "device": torch.device("cpu")}
buffer = io.BytesIO()
torch.save(data, buffer)
buffer.seek(0)
print(torch.load(buffer))

# %% state-dict-round-trip
import io
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
state = torch.load(buffer)
print(type(state).__name__, list(state))
print([(v.shape, v.requires_grad) for v in state.values()])
fresh = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
print(fresh.load_state_dict(state))
x = torch.randn(5, 3)
print(torch.equal(model(x), fresh(x)))

# %% state-dict-file-round-trip-after-training
import os
import tempfile
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for _ in range(3):
    opt.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    opt.step()
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.pt")
    torch.save(model.state_dict(), path)
    copy = nn.Linear(2, 1)
    copy.load_state_dict(torch.load(path))
print(torch.equal(copy.weight, model.weight), torch.equal(copy.bias, model.bias))
print(copy.weight.requires_grad, copy.weight.grad)

# %% load-state-dict-wrong-shape
import io
import torch
from torch import nn
buffer = io.BytesIO()
torch.save(nn.Linear(3, 2).state_dict(), buffer)
buffer.seek(0)
nn.Linear(2, 2).load_state_dict(torch.load(buffer))

# %% save-whole-module-weights-only-refuses
import io
import torch
from torch import nn
buffer = io.BytesIO()
torch.save(nn.Linear(2, 1), buffer)
buffer.seek(0)
torch.load(buffer)

# %% save-whole-module-weights-only-false
import io
import torch
from torch import nn
buffer = io.BytesIO()
torch.save(nn.Sequential(nn.Linear(2, 3), nn.Tanh()), buffer)
buffer.seek(0)
model = torch.load(buffer, weights_only=False)
print(model)
print([p.shape for p in model.parameters()])

# %% weights-only-refuses-numpy
import io
import numpy as np
import torch
buffer = io.BytesIO()
torch.save({"w": np.ones(2)}, buffer)
buffer.seek(0)
torch.load(buffer)

# %% weights-only-refuses-other-classes
import fractions
import io
import torch
buffer = io.BytesIO()
torch.save({"third": fractions.Fraction(1, 3)}, buffer)
buffer.seek(0)
torch.load(buffer)

# %% weights-only-refuses-range
import io
import torch
buffer = io.BytesIO()
torch.save(range(3), buffer)
buffer.seek(0)
torch.load(buffer)

# %% weights-only-refuses-frozenset
import io
import torch
buffer = io.BytesIO()
torch.save(frozenset([1]), buffer)
buffer.seek(0)
torch.load(buffer)

# %% weights-only-false-loads-plain-objects
import collections
import io
import torch
buffer = io.BytesIO()
torch.save([range(3), collections.defaultdict(int)], buffer)
buffer.seek(0)
print(torch.load(buffer, weights_only=False))

# %% load-missing-file
import torch
torch.load("no-such-checkpoint.pt")

# %% save-to-missing-folder
import torch
torch.save(torch.ones(1), "no-such-folder/t.pt")

# %% load-empty-file
import io
import torch
torch.load(io.BytesIO())

# %% load-map-location-cuda
import io
import torch
buffer = io.BytesIO()
torch.save(torch.ones(1), buffer)
buffer.seek(0)
torch.load(buffer, map_location="cuda")

# %% load-map-location-device
import io
import torch
buffer = io.BytesIO()
torch.save(torch.ones(1), buffer)
buffer.seek(0)
print(torch.load(buffer, map_location=torch.device("cpu")))

# %% loaded-tensor-is-independent
import io
import torch
t = torch.zeros(3)
buffer = io.BytesIO()
torch.save(t, buffer)
buffer.seek(0)
u = torch.load(buffer)
u[0] = 5
print(t, u)

# %% checkpoint-with-optimizer-state
import io
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x, y = torch.randn(4, 3), torch.randn(4, 1)
nn.functional.mse_loss(model(x), y).backward()
opt.step()
buffer = io.BytesIO()
torch.save({"epoch": 1, "model": model.state_dict(), "optimizer": opt.state_dict()}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer)
print(checkpoint["epoch"], sorted(checkpoint["optimizer"]))
print(checkpoint["optimizer"]["param_groups"])
print({k: sorted(v) for k, v in checkpoint["optimizer"]["state"].items()})
model2 = nn.Linear(3, 1)
opt2 = torch.optim.SGD(model2.parameters(), lr=0.1, momentum=0.9)
model2.load_state_dict(checkpoint["model"])
opt2.load_state_dict(checkpoint["optimizer"])
for o in (opt, opt2):
    o.zero_grad()
nn.functional.mse_loss(model(x), y).backward()
nn.functional.mse_loss(model2(x), y).backward()
opt.step()
opt2.step()
print(torch.equal(model.weight, model2.weight), torch.equal(model.bias, model2.bias))

# %% load-without-rewinding
import io
import torch
buffer = io.BytesIO()
torch.save(torch.ones(2), buffer)
torch.load(buffer)
