# Learner experiments with saving, dtypes, printing, sizes and Python interplay.

# %% save-load-path
import os
import tempfile
import torch
path = os.path.join(tempfile.mkdtemp(), "t.pt")
torch.save(torch.tensor([1.0, 2.0]), path)
print(torch.load(path))

# %% save-load-bytesio
import io
import torch
buf = io.BytesIO()
torch.save({"w": torch.arange(3), "step": 7}, buf)
buf.seek(0)
print(torch.load(buf))

# %% save-load-state-dict-model
import io
import torch
import torch.nn as nn
torch.manual_seed(0)
a = nn.Linear(3, 2)
buf = io.BytesIO()
torch.save(a.state_dict(), buf)
buf.seek(0)
b = nn.Linear(3, 2)
b.load_state_dict(torch.load(buf))
print(torch.equal(a.weight, b.weight), torch.equal(a.bias, b.bias))

# %% save-load-checkpoint-dict
import io
import torch
m = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
buf = io.BytesIO()
torch.save({"epoch": 3, "model": m.state_dict(), "optim": opt.state_dict()}, buf)
buf.seek(0)
ck = torch.load(buf)
print(ck["epoch"], list(ck["model"].keys()), ck["optim"]["param_groups"][0]["lr"])

# %% save-load-whole-list
import io
import torch
buf = io.BytesIO()
torch.save([torch.ones(2), torch.zeros(1, dtype=torch.int64)], buf)
buf.seek(0)
xs = torch.load(buf, weights_only=True)
print(xs, [x.dtype for x in xs])

# %% load-state-dict-missing-key
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
# mistake
m.load_state_dict({"weight": torch.zeros(1, 2)})

# %% load-state-dict-non-strict
import torch
import torch.nn as nn
m = nn.Linear(2, 1)
print(m.load_state_dict({"weight": torch.zeros(1, 2)}, strict=False))

# %% load-state-dict-wrong-shape
import torch
import torch.nn as nn
# mistake
nn.Linear(2, 1).load_state_dict({"weight": torch.zeros(2, 2), "bias": torch.zeros(1)})

# %% set-default-dtype-float64
import torch
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.0]).dtype, torch.zeros(2).dtype, torch.get_default_dtype())
torch.set_default_dtype(torch.float32)
print(torch.tensor(1.5).dtype)

# %% float16-tensor
import torch
x = torch.tensor([1.0, 2.5, 1000.0], dtype=torch.float16)
print(x, x.dtype, x.element_size())
print(x.half().dtype, x.float().dtype)

# %% float16-overflow
import torch
print(torch.tensor([70000.0]).half())

# %% bfloat16
import torch
print(torch.tensor([1.0, 3.14159]).to(torch.bfloat16))

# %% set-printoptions-precision
import torch
torch.set_printoptions(precision=2)
print(torch.tensor([1.23456, 2.0]))
torch.set_printoptions(precision=4)
print(torch.tensor([1.23456, 2.0]))

# %% set-printoptions-sci-mode
import torch
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-5, 1.0]))
torch.set_printoptions(sci_mode=None)
print(torch.tensor([1e-5, 1.0]))

# %% printing-large-tensor-summarized
import torch
print(torch.arange(2000))

# %% size-slicing
import torch
s = torch.zeros(2, 3, 4).shape
print(s[1:], type(s[1:]).__name__, s[-1])

# %% size-tuple-ops
import torch
s = torch.zeros(2, 3).size()
print(s == (2, 3), list(s), s + (5,), s.numel())

# %% size-unpack
import torch
batch, features = torch.zeros(8, 5).shape
print(batch, features, torch.zeros(8, 5).size(1), torch.zeros(8, 5).size(-2))

# %% torch-size-construct
import torch
print(torch.Size([2, 3]), torch.zeros(torch.Size([1, 2])).shape)

# %% dtype-python-float
import torch
print(torch.zeros(2, dtype=float).dtype, torch.ones(1, dtype=int).dtype, torch.tensor([1], dtype=bool))

# %% astype-to-double
import torch
x = torch.tensor([1, 2])
print(x.to(float).dtype, x.double().dtype, x.to(dtype=torch.float32))

# %% numpy-scalar-left-multiply
import numpy as np
import torch
t = torch.tensor([1.0, 2.0])
r = np.float64(2.0) * t
print(type(r).__name__, r)

# %% numpy-scalar-left-add
import numpy as np
import torch
t = torch.tensor([1.0, 2.0])
r = np.float32(0.5) + t
print(type(r).__name__, r.dtype)

# %% numpy-roundtrip
import numpy as np
import torch
a = np.array([[1, 2], [3, 4]], dtype=np.float32)
t = torch.from_numpy(a)
a[0, 0] = 100
print(t, t.numpy().dtype)

# %% torch-tensor-from-numpy-float64
import numpy as np
import torch
print(torch.tensor(np.array([0.5, 1.5])).dtype, torch.as_tensor(np.arange(3)).dtype)

# %% numpy-on-requires-grad-mistake
import torch
x = torch.ones(2, requires_grad=True)
# mistake
x.numpy()

# %% abs-builtin
import torch
x = torch.tensor([-1.5, 2.0])
print(abs(x), x.abs(), torch.abs(x))

# %% round-method-half-to-even
import torch
x = torch.tensor([1.4, 2.5, -0.6, 3.5])
print(x.round(), torch.round(x, decimals=0))

# %% round-builtin-on-tensor
import torch
x = torch.tensor([1.4, 2.5, -0.6])
# mistake
print(round(x))

# %% round-builtin-scalar-tensor
import torch
print(round(torch.tensor(2.567).item(), 2), round(torch.tensor(3.7).item()))

# %% round-decimals
import torch
print(torch.tensor([1.23456, 9.87654]).round(decimals=2))

# %% sum-axis-keepdims
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.sum(axis=0), x.sum(axis=1, keepdims=True))

# %% mean-axis
import torch
x = torch.arange(6.).reshape(2, 3)
print(x.mean(axis=1), torch.mean(x, axis=0, keepdim=True))

# %% cuda-checks
import torch
device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.ones(2).to(device)
print(device, x.device, x.is_cuda, torch.cuda.device_count())

# %% torch-device-object
import torch
d = torch.device("cpu")
print(d, d.type, torch.zeros(1, device=d).device == d)

# %% model-to-device
import torch
m = torch.nn.Linear(2, 1).to("cpu")
print(next(m.parameters()).device)

# %% item-on-multi-element-mistake
import torch
# mistake
torch.tensor([1.0, 2.0]).item()

# %% tolist-nested
import torch
print(torch.arange(4).reshape(2, 2).tolist(), torch.tensor(3.5).tolist())

# %% int-float-of-tensor
import torch
print(int(torch.tensor(3.9)), float(torch.tensor([2])), bool(torch.tensor(0)))

# %% bool-of-multi-element-mistake
import torch
x = torch.tensor([1, 2])
# mistake
if x > 0:
    print("positive")

# %% len-and-iterate
import torch
x = torch.tensor([[1, 2], [3, 4], [5, 6]])
print(len(x))
for row in x:
    print(row)

# %% in-operator
import torch
print(2 in torch.tensor([1, 2, 3]), 5 in torch.tensor([1, 2, 3]))

# %% integer-division-true-div
import torch
print(torch.tensor([3, 4]) / 2, torch.tensor([3]) / torch.tensor([2]))

# %% int-plus-float-promotion
import torch
print((torch.tensor([1, 2]) + 0.5).dtype, (torch.tensor([1, 2]) * torch.tensor([1.0])).dtype)

# %% linspace-logspace
import torch
print(torch.linspace(0, 1, steps=5), torch.logspace(0, 2, steps=3))

# %% arange-float-step
import torch
print(torch.arange(0, 1, 0.25), torch.arange(5, dtype=torch.float32))

# %% full-like-zeros-like
import torch
x = torch.tensor([[1, 2], [3, 4]])
print(torch.full_like(x, 7), torch.zeros_like(x, dtype=torch.float32), torch.ones_like(x).dtype)

# %% empty-shape-only
import torch
print(torch.empty(2, 3).shape, torch.empty(0).numel())

# %% eye-and-diag-embed
import torch
print(torch.eye(3), torch.eye(2, 3, dtype=torch.int64))

# %% rand-bounds-same-seed
import torch
torch.manual_seed(42)
a = torch.rand(100)
torch.manual_seed(42)
b = torch.rand(100)
print(torch.equal(a, b), a.min().item() >= 0, a.max().item() < 1, a.dtype)

# %% randint-bounds
import torch
torch.manual_seed(0)
x = torch.randint(3, 7, (50,))
print(x.min().item() >= 3, x.max().item() < 7, x.dtype, x.shape)

# %% randn-like-shape
import torch
x = torch.zeros(3, 2, dtype=torch.float64)
print(torch.randn_like(x).shape, torch.randn_like(x).dtype)

# %% generator-object
import torch
g = torch.Generator().manual_seed(7)
a = torch.rand(3, generator=g)
g.manual_seed(7)
print(torch.equal(a, torch.rand(3, generator=g)))

# %% normal-mean-std-shape
import torch
torch.manual_seed(0)
print(torch.normal(0.0, 1.0, size=(3, 4)).shape, torch.normal(torch.zeros(5), 1.0).shape)

# %% multinomial-bernoulli
import torch
torch.manual_seed(0)
s = torch.multinomial(torch.tensor([0.0, 1.0, 0.0]), 4, replacement=True)
print(s, torch.bernoulli(torch.ones(3)))
