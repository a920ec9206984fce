# Where microtorch used to differ silently from PyTorch: sizes, Python types as dtypes, NumPy
# scalars on the left, built-ins, NumPy-style aliases, what PyTorch rejects, CUDA on a CPU build.

# %% size-slice-is-size
import torch
s = torch.zeros(2, 3, 4).shape
print(s[1:], type(s[1:]).__name__, s[::2], s[-1])

# %% size-arithmetic
import torch
s = torch.zeros(2, 3).shape
print(s + (4,), s * 2, (1,) + s, s == (2, 3), s == [2, 3], s.numel(), torch.Size([5, 6]))
print(type(s + (4,)).__name__, type((1,) + s).__name__, type(s * 2).__name__)

# %% size-from-size
import torch
print(torch.Size(), torch.Size((2,)), len(torch.Size([1, 2, 3])), torch.Size([2, 3]).count(3))

# %% python-float-dtype
import torch
print(torch.zeros(2, dtype=float), torch.ones(2, dtype=int), torch.tensor([1, 0], dtype=bool))
print(torch.tensor([1, 2], dtype=float).dtype, torch.full((2,), 3, dtype=float))

# %% python-types-in-to-and-type
import torch
x = torch.tensor([1.5, 2.5])
print(x.to(int), x.to(float).dtype, x.type(int).dtype, x.to(bool))

# %% python-types-in-sum-dtype
import torch
x = torch.tensor([1, 2, 3])
print(x.sum(dtype=float), x.mean(dtype=float), torch.arange(3, dtype=float))

# %% python-types-in-like
import torch
x = torch.ones(2)
print(torch.zeros_like(x, dtype=int), torch.ones_like(x, dtype=bool), torch.eye(2, dtype=int))

# %% numpy-float64-on-the-left
import numpy as np
import torch
t = torch.tensor([1., 2.])
r = np.float64(2) * t
print(type(r).__name__, r)

# %% numpy-scalars-on-the-left
import numpy as np
import torch
t = torch.tensor([1, 2])
f = torch.tensor([1., 2.])
for r in (np.int64(3) + t, np.float32(1) - f, np.float64(1) / f, np.int32(2) * t, np.float64(2) + t,
          np.float64(2) ** f, np.bool_(True) + t):
    print(type(r).__name__, r)

# %% numpy-scalar-comparisons
import numpy as np
import torch
t = torch.tensor([1., 2., 3.])
for r in (np.float64(2) < t, np.float64(2) == t, np.int64(2) >= t):
    print(type(r).__name__, r)

# %% numpy-scalar-on-the-right
import numpy as np
import torch
t = torch.tensor([1., 2.])
print(t * np.float64(2), t + np.int64(1), torch.tensor([1, 2]) * np.float64(0.5), t > np.float32(1))

# %% numpy-scalar-keeps-graph
import numpy as np
import torch
w = torch.tensor([1., 2.], requires_grad=True)
y = (np.float64(3) * w).sum()
y.backward()
print(y, w.grad)

# %% builtin-abs
import torch
t = torch.tensor([-1.25, 2.5, -3.5, 0.4], requires_grad=True)
print(abs(t), abs(torch.tensor([-3, 2])))

# %% builtin-round-is-not-defined
import torch
round(torch.tensor([2.5, 3.5]))

# %% round-method
import torch
t = torch.tensor([-1.25, 2.5, -3.5, 0.45, 123.456], requires_grad=True)
print(t.round(), t.round(decimals=1), torch.round(t, decimals=2), t.round(decimals=-1))
t.round(decimals=1).sum().backward()
print(t.grad, torch.tensor([1, 2]).round())

# %% round-integer-decimals
import torch
torch.tensor([1, 2]).round(decimals=1)

# %% builtin-round-scalar
import torch
print(round(torch.tensor(2.567), 2), round(torch.tensor(2.5)))

# %% builtin-sum-of-tensors
import torch
parts = [torch.tensor([1., 2.]), torch.tensor([3., 4.]), torch.tensor([5., 6.])]
print(sum(parts), sum(p.sum() for p in parts))

# %% builtin-max-of-scalar-tensors
import torch
values = [torch.tensor(1.5), torch.tensor(3.), torch.tensor(2.)]
print(max(values), min(values), sorted(values))

# %% builtin-math-functions
import math
import torch
t = torch.tensor(2.7)
print(math.floor(t), math.ceil(t), math.sqrt(torch.tensor(4.)), float(t), int(t))

# %% builtin-divmod
import torch
print(divmod(torch.tensor([7, -7]), 3))

# %% numpy-style-sum-axis
import torch
x = torch.arange(6.).reshape(2, 3)
print(x.sum(axis=0), x.sum(axis=1, keepdims=True), torch.sum(x, axis=0))

# %% numpy-style-mean-axis
import torch
x = torch.arange(6.).reshape(2, 3)
print(x.mean(axis=1), x.mean(axis=0, keepdims=True), torch.mean(x, axis=1))

# %% numpy-style-max-axis
import torch
x = torch.tensor([[1., 5.], [4., 2.]])
print(x.max(axis=0), x.min(axis=1).values, x.argmax(axis=1))

# %% size-dim-keyword
import torch
x = torch.zeros(2, 3)
print(x.size(dim=1), x.size(-1), x.size(dim=-2))

# %% dim-tuples
import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.sum(dim=(0, 2)), x.mean(dim=(1, 2)), x.sum(dim=[0, 1], keepdim=True).shape)

# %% negative-step-slice
import torch
x = torch.arange(5)
print(x[::-1])

# %% negative-step-slice-2d
import torch
x = torch.arange(6).reshape(2, 3)
print(x[:, ::-2])

# %% format-spec-zero-dim
import torch
print(f"{torch.tensor(3.14159):.2f}", f"{torch.tensor(7):>4}", f"{torch.tensor(1.5, requires_grad=True):.1f}")

# %% format-spec-parameter
import torch
p = torch.nn.Parameter(torch.tensor(2.5))
print(f"{p:.3f}")

# %% format-spec-vector
import torch
print(f"{torch.tensor([1., 2.]):.2f}")

# %% format-no-spec
import torch
print(f"{torch.tensor([1., 2.])}", f"{torch.nn.Parameter(torch.tensor([1.]))}")

# %% int64-overflow
import torch
torch.tensor(2**63)

# %% int64-limits
import torch
print(torch.tensor(2**63 - 1), torch.tensor(-2**63), torch.tensor([2**62, 1]))

# %% int64-overflow-in-list
import torch
torch.tensor([1, 2**64])

# %% float-from-huge-int
import torch
print(torch.tensor(2.0**70), torch.tensor([1.5, 2**63]))

# %% softmax-on-long
import torch
torch.tensor([1, 2, 3]).softmax(0)

# %% log-softmax-on-long
import torch
import torch.nn.functional as F
F.log_softmax(torch.tensor([1, 2, 3]), dim=0)

# %% softmax-long-with-dtype
import torch
import torch.nn.functional as F
print(F.softmax(torch.tensor([1, 2, 3]), dim=0, dtype=torch.float32))

# %% equal-float-and-long
import torch
print(torch.equal(torch.tensor([1., 2.]), torch.tensor([1, 2])))
print(torch.tensor([1., 2.]).equal(torch.tensor([1., 2.])), torch.equal(torch.ones(2), torch.ones(3)))

# %% allclose-float-and-long
import torch
print(torch.allclose(torch.tensor([1., 2.]), torch.tensor([1, 2])))

# %% allclose-float-and-double
import torch
print(torch.allclose(torch.tensor([1., 2.]), torch.tensor([1., 2.], dtype=torch.float64)))

# %% isclose-float-and-long
import torch
print(torch.isclose(torch.tensor([1., 2.]), torch.tensor([1, 3])))

# %% bce-long-target
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.2, 0.9]), torch.tensor([0, 1]))

# %% bce-double-target
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.2, 0.9]), torch.tensor([0., 1.], dtype=torch.float64))

# %% bce-with-logits-long-target
import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.tensor([0.2, 0.9]), torch.tensor([0, 1]))

# %% cross-entropy-int32-target
import torch
import torch.nn.functional as F
F.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 1], dtype=torch.int32))

# %% cross-entropy-float-class-target
import torch
import torch.nn.functional as F
F.cross_entropy(torch.zeros(2, 3), torch.tensor([0., 1.]))

# %% cross-entropy-bool-target
import torch
import torch.nn.functional as F
F.cross_entropy(torch.zeros(2, 3), torch.tensor([True, False]))

# %% nll-int32-target
import torch
import torch.nn.functional as F
F.nll_loss(torch.zeros(2, 3), torch.tensor([0, 1], dtype=torch.int32))

# %% cross-entropy-probabilities-grad-fn
import torch
import torch.nn.functional as F
x = torch.zeros(2, 3, requires_grad=True)
p = torch.tensor([[0.2, 0.3, 0.5], [1., 0., 0.]])
for reduction in ("mean", "sum", "none"):
    print(F.cross_entropy(x, p, reduction=reduction))

# %% cross-entropy-probabilities-1d-grad-fn
import torch
import torch.nn.functional as F
x = torch.zeros(3, requires_grad=True)
p = torch.tensor([0.2, 0.3, 0.5])
for reduction in ("mean", "sum", "none"):
    print(F.cross_entropy(x, p, reduction=reduction))

# %% cross-entropy-probabilities-backward
import torch
import torch.nn.functional as F
x = torch.tensor([[1., 2., 3.], [0., 0., 1.]], requires_grad=True)
p = torch.tensor([[0.2, 0.3, 0.5], [1., 0., 0.]])
F.cross_entropy(x, p).backward()
print(x.grad)

# %% cross-entropy-class-grad-fn
import torch
import torch.nn.functional as F
x = torch.zeros(2, 3, requires_grad=True)
t = torch.tensor([0, 2])
for reduction in ("mean", "sum", "none"):
    print(F.cross_entropy(x, t, reduction=reduction))

# %% inference-tensor-saved-for-backward
import torch
with torch.inference_mode():
    x = torch.ones(2)
w = torch.ones(2, requires_grad=True)
y = (w * x).sum()

# %% inference-tensor-added
import torch
with torch.inference_mode():
    x = torch.ones(2)
w = torch.ones(2, requires_grad=True)
print((w + x).sum())

# %% too-many-indices
import torch
torch.zeros(2, 3)[0, 1, 2]

# %% too-many-indices-1d
import torch
torch.zeros(3)[0, 0]

# %% wrong-size-bool-mask
import torch
x = torch.arange(4)
x[torch.tensor([True, False, True])]

# %% wrong-size-bool-mask-2d
import torch
x = torch.zeros(2, 3)
x[torch.tensor([[True, False], [False, True]])]

# %% permute-wrong-number-of-dims
import torch
torch.zeros(2, 3).permute(1, 0, 2)

# %% permute-repeated-dim
import torch
torch.zeros(2, 3).permute(0, 0)

# %% batched-matmul-mismatch
import torch
torch.zeros(2, 3, 4) @ torch.zeros(2, 5, 6)

# %% batched-matmul-batch-mismatch
import torch
torch.zeros(2, 3, 4) @ torch.zeros(3, 4, 5)

# %% batched-matmul-with-matrix-mismatch
import torch
torch.zeros(2, 3, 4) @ torch.zeros(3, 5)

# %% matrix-with-batched-mismatch
import torch
torch.zeros(3, 4) @ torch.zeros(2, 3, 5)

# %% vector-with-batched-mismatch
import torch
torch.zeros(4) @ torch.zeros(2, 3, 5)

# %% batched-matmul-ok
import torch
print((torch.ones(2, 3, 4) @ torch.ones(4, 5)).shape, (torch.ones(4) @ torch.ones(2, 4, 5)).shape)

# %% grad-wrong-size
import torch
w = torch.zeros(2, 3, requires_grad=True)
w.grad = torch.zeros(3)

# %% grad-wrong-dtype
import torch
w = torch.zeros(2, requires_grad=True)
w.grad = torch.zeros(2, dtype=torch.float64)

# %% grad-not-a-tensor
import torch
w = torch.zeros(2, requires_grad=True)
w.grad = [0., 0.]

# %% grad-assign-ok
import torch
w = torch.zeros(2, requires_grad=True)
w.grad = torch.ones(2)
print(w.grad)
w.grad = None
print(w.grad)

# %% cuda-is-not-available
import torch
print(torch.cuda.is_available(), torch.cuda.device_count())

# %% import-torch-cuda
import torch.cuda
print(torch.cuda.is_available())

# %% tensor-cuda
import torch
torch.ones(2).cuda()

# %% tensor-to-cuda
import torch
torch.ones(2).to("cuda")

# %% tensor-device-cuda
import torch
torch.ones(2, device="cuda")

# %% device-cuda-object
import torch
d = torch.device("cuda")
print(d, repr(d), d.type, torch.device("cuda:0"), torch.device("cpu"), torch.device("cuda", 1))

# %% device-to-cuda-object
import torch
torch.ones(2).to(torch.device("cuda"))

# %% device-pick-idiom
import torch
device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.ones(2).to(device)
print(device, x.device, x.is_cuda)

# %% mps-is-not-available
import torch
print(torch.backends.mps.is_available())

# %% dir-attributes-still-there
import torch
print(torch.float, torch.long, torch.double, torch.int, torch.bool)

# %% bce-double-input-float-target
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.2, 0.9], dtype=torch.float64), torch.tensor([0., 1.]))

# %% bce-with-logits-bool-target
import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.tensor([0.2, 0.9]), torch.tensor([False, True]))

# %% bce-with-logits-long-input
import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.tensor([0, 1]), torch.tensor([0., 1.]))

# %% bce-loss-module-long-target
import torch
torch.nn.BCELoss()(torch.tensor([0.2, 0.9]), torch.tensor([0, 1]))

# %% softmax-long-not-last-dim
import torch
torch.zeros(2, 3, dtype=torch.long).softmax(0)

# %% log-softmax-int32
import torch
torch.zeros(3, dtype=torch.int32).log_softmax(0)

# %% wrong-size-bool-mask-second-dim
import torch
torch.zeros(2, 3)[:, torch.tensor([True, False])]

# %% too-many-indices-with-ellipsis
import torch
torch.zeros(2, 3)[..., 0, 0, 0]

# %% too-many-indices-setitem
import torch
x = torch.zeros(2, 3)
x[0, 1, 2] = 1.

# %% zero-step-slice
import torch
torch.zeros(3)[::0]

# %% index-none-and-ints
import torch
print(torch.arange(6).reshape(2, 3)[0, 0, None], torch.arange(6).reshape(2, 3)[None, 1, ..., 2])

# %% numpy-array-on-the-left
import numpy as np
import torch
np.array([1., 2.]) * torch.tensor([1., 2.])

# %% numpy-zero-dim-array-on-the-left
import numpy as np
import torch
np.array(2.) - torch.tensor([1., 2.])

# %% numpy-bool-scalar-counts-as-float
import numpy as np
import torch
print(torch.tensor([1, 2]) + np.bool_(True), np.bool_(False) * torch.tensor([True]))

# %% printoptions-precision
import torch
x = torch.tensor([1.123456, 2.5, 1e-5])
torch.set_printoptions(precision=2)
print(x, torch.tensor([1.123456, 200.5]))
torch.set_printoptions(precision=0)
print(torch.tensor([1.5, 2.25]))
torch.set_printoptions(profile="default")
print(x)

# %% printoptions-sci-mode
import torch
torch.set_printoptions(sci_mode=False)
print(torch.tensor([[1e-5, 1.]]), torch.tensor(1e10), torch.tensor([12345678., 1.5]))
torch.set_printoptions(precision=4)   # every call sets sci_mode: back to automatic
print(torch.tensor([1e-5, 1.]))
torch.set_printoptions(sci_mode=True)
print(torch.tensor([1., 2.]), torch.tensor([1, 2]), torch.tensor([1.5, 200.]))
torch.set_printoptions(profile="default")

# %% printoptions-threshold-edgeitems
import torch
torch.set_printoptions(threshold=5, edgeitems=1)
print(torch.arange(10.), torch.arange(12).reshape(3, 4))
torch.set_printoptions(edgeitems=2)
print(torch.arange(2000.).reshape(2, 1000))
torch.set_printoptions(profile="default")

# %% printoptions-profiles
import torch
torch.set_printoptions(profile="short")
print(torch.arange(2000.), torch.tensor([1.23456]))
torch.set_printoptions(precision=6, profile="short")
print(torch.tensor([1.23456789]))
torch.set_printoptions(profile="full")
print(len(str(torch.arange(1001))))
torch.set_printoptions(profile="default")
print(torch.arange(2000))

# %% printoptions-linewidth
import torch
torch.set_printoptions(linewidth=30)
print(torch.arange(20.))
torch.set_printoptions()
print(torch.arange(20.), torch.ones(3, requires_grad=True) * 2)
torch.set_printoptions(profile="default")
print(torch.arange(20.))

# %% default-dtype-float64
import torch
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.5]), torch.zeros(2), torch.ones(2, dtype=torch.float32))
print(torch.tensor([1, 2]) / 2, torch.tensor([1, 2]) * 1.5, torch.tensor([1, 2]).exp(), torch.arange(3.))
print(torch.linspace(0, 1, 3), torch.full((2,), 1.5), torch.Tensor([1, 2]), torch.eye(2).dtype)
print(torch.rand(2).dtype, torch.randn(2).dtype, torch.tensor([1, 2]).float().dtype)
print(torch.zeros(0), torch.zeros(0, dtype=torch.float32), torch.tensor([1.], dtype=torch.float32) + 2.5)
print(torch.nn.Linear(2, 1).weight.dtype, torch.tensor([1, 2]).mean(dtype=float))
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]), torch.tensor([1.], dtype=torch.float64))

# %% default-dtype-float64-training
import torch
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
model = torch.nn.Linear(3, 1)
x = torch.ones(4, 3)
loss = ((model(x) - 1) ** 2).mean()
loss.backward()
print(loss.dtype, model.weight.grad.dtype, model.bias.grad.shape)
torch.set_default_dtype(torch.float32)

# %% default-dtype-must-be-floating
import torch
torch.set_default_dtype(torch.int64)

# %% default-dtype-python-type
import torch
torch.set_default_dtype(float)

# %% float16-creation-and-printing
import torch
print(torch.tensor([1., 2.2], dtype=torch.float16), torch.half, torch.float16 is torch.half)
print(torch.tensor([0.1, 1000.123], dtype=torch.float16), torch.ones(2).half(), torch.zeros(2, dtype=torch.half))
print(torch.ones(2).half().type(), torch.ones(2, dtype=torch.float16).element_size(), torch.float16.itemsize)

# %% float16-arithmetic-dtypes
import torch
h = torch.tensor([1., 2.5], dtype=torch.float16)
for r in (h * 2, h + 1.5, h + torch.ones(2), h + torch.ones(2, dtype=torch.float64), h * torch.tensor(3.),
          h + torch.tensor([1, 2]), h / 3, h.sum(), h > 1, h.float(), h.exp()):
    print(r)

# %% float16-values
import torch
print(torch.tensor([65504., 70000., 1e-8, 0.333333], dtype=torch.float16), torch.tensor([1.001], dtype=torch.float16))

# %% to-another-tensors-dtype
import torch
print(torch.ones(2).to(torch.ones(1, dtype=torch.int32)), torch.ones(2).to("cpu", int))

# %% matmul-with-non-tensor-on-the-left
import numpy as np
import torch
np.float64(2) @ torch.tensor([1., 2.])

# %% matmul-with-list-on-the-left
import torch
[1., 2.] @ torch.tensor([1., 2.])

# %% negate-bool-tensor
import torch
-torch.tensor([True, False])

# %% abs-of-bool-tensor
import torch
abs(torch.tensor([True, False]))

# %% float-of-vector
import torch
float(torch.tensor([1., 2.]))

# %% int-of-vector
import torch
int(torch.tensor([1, 2]))

# %% repeated-dims-in-sum
import torch
torch.ones(2, 3).sum(dim=(0, -2))

# %% index-shapes-do-not-broadcast
import torch
torch.arange(6).reshape(2, 3)[[0, 1], [0, 1, 2]]

# %% full-beyond-int64
import torch
torch.full((2,), 2**63)

# %% arange-beyond-int64
import torch
torch.arange(2**63 - 1, 2**63 + 1)

# %% python-int-overflow-to-float
import torch
print(torch.tensor(2**63, dtype=torch.float64), torch.full((2,), 2**63, dtype=torch.float32))

# %% matmul-dtype-mismatch-dot
import torch
torch.ones(2) @ torch.ones(2, dtype=torch.float64)

# %% matmul-dtype-mismatch-mv
import torch
torch.ones(2, 2) @ torch.ones(2, dtype=torch.int64)

# %% matmul-dtype-mismatch-batched
import torch
torch.ones(2, 2, 2, dtype=torch.float64) @ torch.ones(2, 2, 2)

# %% matmul-dtype-mismatch-batched-with-vector
import torch
torch.ones(2, 2, 2) @ torch.ones(2, dtype=torch.float64)

# %% matmul-dtype-mismatch-half
import torch
torch.ones(2, dtype=torch.float16) @ torch.ones(2)

# %% cuda-memory-and-seeding
import torch
torch.cuda.manual_seed(0)
torch.cuda.manual_seed_all(0)
torch.cuda.empty_cache()
print(torch.cuda.memory_allocated(), torch.cuda.max_memory_allocated(), torch.cuda.is_bf16_supported())

# %% cuda-current-device
import torch
torch.cuda.current_device()

# %% cuda-device-name
import torch
torch.cuda.get_device_name(0)

# %% cudnn-flags
import torch
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.enabled, torch.backends.cudnn.is_available(), torch.backends.mps.is_built())
torch.backends.cudnn.deterministic = False

# %% device-objects
import torch
print(torch.device("mps"), torch.device("cuda", 0) == torch.device("cuda:0"), torch.device("cpu") == torch.device("cpu:0"))
print(torch.device("cpu") == "cpu", torch.ones(2).device == torch.device("cpu"), torch.ones(2).is_cpu)
print(torch.ones(2).to(torch.device("cpu")).device, torch.ones(2).to("cpu:0").device, torch.device(torch.device("cuda:1")))

# %% device-bad-name
import torch
torch.device("gpu")

# %% device-bad-index
import torch
torch.device("cuda:x")

# %% random-and-like-on-cuda
import torch
for make in (lambda: torch.randn(2, device="cuda"), lambda: torch.rand(2, device="cuda"),
             lambda: torch.zeros_like(torch.ones(2), device="cuda"), lambda: torch.eye(2, device="cuda"),
             lambda: torch.randint(0, 3, (2,), device="cuda"), lambda: torch.ones(2).to("cuda", torch.float64),
             lambda: torch.tensor([1.], device="cuda:0"), lambda: torch.ones(2).to(device="cuda")):
    try:
        make()
    except AssertionError as e:
        print("AssertionError:", e)

# %% random-on-cpu
import torch
print(torch.rand(2, device="cpu").shape, torch.randn(2, device=torch.device("cpu")).dtype, torch.randperm(3, device="cpu").dtype)

# %% loss-integer-inputs
import torch
import torch.nn.functional as F
for f in (lambda: F.nll_loss(torch.zeros(2, 3, dtype=torch.long), torch.tensor([0, 1])),
          lambda: F.nll_loss(torch.zeros(3, dtype=torch.int32), torch.tensor(1)),
          lambda: F.mse_loss(torch.zeros(2, dtype=torch.long), torch.tensor([1, 2])),
          lambda: F.cross_entropy(torch.zeros(2, 3, dtype=torch.long), torch.tensor([0, 1]))):
    try:
        f()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(F.mse_loss(torch.zeros(2, dtype=torch.int32), torch.zeros(2)), F.mse_loss(torch.zeros(2), torch.zeros(2, dtype=torch.float64)))

# %% cross-entropy-integer-probability-target
import torch
import torch.nn.functional as F
F.cross_entropy(torch.zeros(2, 3), torch.tensor([[0, 1, 0], [1, 0, 0]]))

# %% bce-target-out-of-range
import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1.5]))

# %% softmax-dtype-argument
import torch
print(torch.softmax(torch.tensor([1., 2.]), 0, dtype=torch.float64), torch.tensor([1, 2]).softmax(0, dtype=torch.float32))
print(torch.tensor([1., 2.]).log_softmax(dim=0, dtype=float), torch.tensor([1, 2]).softmax(0, dtype=float))

# %% float16-exact-scalars-and-reductions
import torch
h = torch.tensor([0.1, 0.2, 0.3, 1000.], dtype=torch.float16)
print(h * 0.5 + 2, h.sum(), h.max(), h / 3, h ** 2, h.exp(), h.sqrt(), h.tanh(), h @ h, h.relu(), h.abs())

# %% numpy-functions-on-tensors
import warnings
import numpy as np
import torch
# PyTorch 2.13's __array_wrap__ predates NumPy 2's signature and warns about itself; not ours
warnings.filterwarnings("ignore", category=DeprecationWarning)
x = torch.tensor([1.5, 2.5])
for r in (np.exp(x), np.exp(torch.tensor(2.)), np.sqrt(x), np.add(x, 1), np.maximum(x, 2), np.abs(x),
          np.round(x), np.clip(x, 0, 2), np.log(torch.tensor([1, 2])), np.argmax(x)):
    print(type(r).__name__, r)
print(type(np.asarray(x)).__name__, np.concatenate([x, x]), np.where(x > 2, 1, 0))

# %% numpy-function-on-tensor-requiring-grad
import numpy as np
import torch
np.exp(torch.tensor([1.], requires_grad=True))

# %% operators-with-other-types
import torch
t = torch.tensor([1., 2.])
print(t == None, t != None, t == "a", t != "a", t == [1., 2.])
for f in (lambda: t + None, lambda: t < "a", lambda: (1, 2) + t, lambda: t >= [1., 3.]):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

# %% comparisons-with-numpy-arrays
import numpy as np
import torch
t = torch.tensor([1., 2.])
print(t == np.array([1., 3.]), t != np.array([1., 3.]))
t > np.array([1., 3.])

# %% bitwise-operators
import torch
print(torch.tensor([True, False]) ^ torch.tensor([True, True]), torch.tensor([1, 2]) ^ 3, True ^ torch.tensor([True]))
print(3 & torch.tensor([1, 2]), torch.tensor([1, 2]) & True, torch.tensor([1, 2]) | torch.tensor([True, False]))

# %% bitwise-on-floats
import torch
torch.tensor([1., 3.]) & torch.tensor([1., 2.])

# %% bitwise-with-float-scalar
import torch
torch.tensor([True]) ^ 1.5

# %% invert-float
import torch
~torch.tensor([1., 2.])

# %% bool-minus-bool
import torch
torch.tensor([True]) - torch.tensor([True])

# %% bool-minus-number
import torch
torch.tensor([True, False]) - 1

# %% number-minus-bool
import torch
1.5 - torch.tensor([True])

# %% plus-bool
import torch
+torch.tensor([True])

# %% bool-of-empty
import torch
bool(torch.tensor([]))

# %% numpy-arrays-on-the-right
import warnings
import numpy as np
import torch
warnings.filterwarnings("ignore", category=DeprecationWarning)   # PyTorch's own, as above
print(torch.tensor([1., 2.]) * np.array([1., 2.]), torch.tensor([1.]) + np.array([2.], dtype=np.float32))
print(torch.tensor([1, 2]) + np.array([1, 2]), torch.tensor([1, 2], dtype=torch.int32) * np.array([2], dtype=np.int32))

# %% list-times-tensor
import torch
[1, 2] * torch.tensor([1., 2.])

# %% int64-overflow-nested
import torch
torch.tensor([[1], [2**64]])

# %% int64-overflow-negative
import torch
torch.tensor([-2**63 - 1])

# %% size-of-floats
import torch
torch.Size([2.5])

# %% size-plus-list
import torch
torch.zeros(2).shape + [3]

# %% size-from-tensors-and-numpy
import numpy as np
import torch
print(torch.Size([torch.tensor(2), np.int64(3)]), torch.Size([2, 3])[::-1], torch.Size([]).numel())
print(torch.zeros(torch.Size([2, 3])[1:]).shape, torch.zeros(2, 3).size()[1:], 3 * torch.Size([2]))

# %% creation-without-a-kernel
import torch
for make in (lambda: torch.arange(3, dtype=bool), lambda: torch.arange(3., dtype=torch.bool),
             lambda: torch.linspace(0, 1, 3, dtype=bool), lambda: torch.randn(2, dtype=int),
             lambda: torch.randn(2, dtype=torch.int32), lambda: torch.rand(2, dtype=torch.int64),
             lambda: torch.rand(2, dtype=torch.bool), lambda: torch.randperm(3, dtype=torch.bool)):
    try:
        make()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(torch.arange(3, dtype=torch.int32), torch.linspace(0, 4, 3, dtype=int), torch.randperm(3, dtype=float).dtype)

# %% to-copy-and-non-blocking
import torch
x = torch.ones(2, requires_grad=True)
print(x.to(torch.float32, copy=True), x.to(copy=True), x.to("cpu", non_blocking=True), x.to(torch.float64, copy=True))
y = x.to(copy=True)
print(y is x, x.to(torch.float32) is x)

# %% module-cuda
import torch
print(torch.nn.ReLU().cuda())
torch.nn.Linear(1, 1).cuda()

# %% module-to-cuda
import torch
torch.nn.Sequential(torch.nn.Linear(2, 1)).to(torch.device("cuda"))

# %% index-zero-dim-with-int
import torch
torch.tensor(5)[0]

# %% index-zero-dim-too-many
import torch
torch.tensor(5)[0, 0]

# %% index-list-of-lists-is-a-tuple
import torch
x = torch.arange(6).reshape(2, 3)
print(x[[[0, 1], [1, 2]]], x[[0, slice(None)]], torch.arange(4)[[[1, 2]]], x[[None]].shape)

# %% index-list-of-ints-gathers
import torch
print(torch.arange(6).reshape(2, 3)[[1, 0]], torch.arange(4)[[1]])
