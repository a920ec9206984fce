# Gaps the learner corpus found: lists of tensors, generator=, missing Module/Tensor methods,
# and the cheap common ops from the refusal list.

# %% tensor-from-list-of-tensors
import torch
print(torch.tensor([torch.tensor(1.), torch.tensor(2.)]))
print(torch.tensor([torch.tensor([1.]), torch.tensor([2.])]))
print(torch.tensor([torch.tensor(1), 2.5]), torch.tensor([torch.tensor(1), torch.tensor(2)]))
print(torch.tensor([[torch.tensor(1.), 2.], [3., 4.]]))

# %% tensor-from-list-of-tensors-requires-grad
import torch
print(torch.tensor([torch.tensor(1., requires_grad=True), torch.tensor(2.)]))

# %% tensor-from-list-of-multi-element-tensors
import torch
torch.tensor([torch.ones(2), torch.ones(2)])

# %% tensor-from-list-of-empty-tensor
import torch
torch.tensor([torch.ones(0)])

# %% generator-draws
import torch
g = torch.Generator().manual_seed(7)
draws = lambda: (torch.rand(3, generator=g), torch.randn(2, 2, generator=g),
                 torch.randint(0, 5, (4,), generator=g), torch.randint(5, (4,), generator=g),
                 torch.randperm(6, generator=g), torch.rand_like(torch.ones(2), generator=g),
                 torch.randn_like(torch.ones(2), generator=g),
                 torch.empty(3).uniform_(-1, 1, generator=g),
                 torch.empty(3).normal_(2, 0.5, generator=g))
first = draws()
g.manual_seed(7)
print(all(torch.equal(a, b) for a, b in zip(first, draws())))
print([(t.shape, t.dtype) for t in first])
print(first[-2].abs().max() <= 1, first[2].min() >= 0, first[2].max() < 5)

# %% generator-independent-of-global
import torch
torch.manual_seed(0)
a = torch.rand(2)
torch.manual_seed(0)
torch.rand(3, generator=torch.Generator().manual_seed(1))
print(torch.equal(a, torch.rand(2)))

# %% init-with-generator
import torch
import torch.nn as nn
w = nn.init.uniform_(torch.empty(4), -2, 2, generator=torch.Generator().manual_seed(3))
v = nn.init.uniform_(torch.empty(4), -2, 2, generator=torch.Generator().manual_seed(3))
print(torch.equal(w, v), w.abs().max() <= 2)
a = nn.init.kaiming_normal_(torch.empty(3, 2), generator=torch.Generator().manual_seed(1))
b = nn.init.kaiming_normal_(torch.empty(3, 2), generator=torch.Generator().manual_seed(1))
print(torch.equal(a, b))

# %% module-unknown-attribute
import torch.nn as nn
nn.Linear(2, 1).wieght

# %% module-hasattr-unknown
import torch.nn as nn
print(hasattr(nn.Linear(2, 1), "wieght"), hasattr(nn.Linear(2, 1), "weight"))

# %% tensor-unknown-attribute
import torch
torch.ones(2).sizee()

# %% tensor-hasattr-unknown
import torch
print(hasattr(torch.ones(2), "sizee"), getattr(torch.ones(2), "shapee", None))

# %% constants
import torch
print(torch.pi, torch.e, torch.inf, torch.nan, type(torch.pi))
print(torch.sin(torch.tensor([torch.pi / 2])), torch.tensor([torch.inf, -torch.inf]))

# %% isnan-isinf-isfinite
import torch
x = torch.tensor([1., float("nan"), float("inf"), -float("inf")])
print(torch.isnan(x), x.isinf(), torch.isfinite(x))
print(torch.tensor([1, 2]).isnan(), torch.tensor([1, 2]).isfinite())

# %% triu-tril
import torch
x = torch.arange(1., 13.).reshape(3, 4).requires_grad_()
print(x.triu(), torch.tril(x, -1), x.triu(diagonal=1), torch.tril(x, diagonal=2))
(x.triu(1) * torch.arange(12.).reshape(3, 4)).sum().backward()
print(x.grad)
print(torch.ones(2, 2, 2).tril())
print(torch.tril(torch.ones(3, 3, dtype=torch.bool)))

# %% triu-one-dimensional
import torch
torch.ones(3).triu()

# %% tril-one-dimensional
import torch
torch.tril(torch.ones(3))

# %% trace
import torch
x = torch.arange(1., 7.).reshape(2, 3).requires_grad_()
t = x.trace()
print(t, torch.trace(torch.tensor([[1, 2], [3, 4]])))
t.backward()
print(x.grad)

# %% trace-vector
import torch
torch.ones(3).trace()

# %% outer
import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4., 5.], requires_grad=True)
o = torch.outer(a, b)
print(o, a.outer(b).shape, torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])))
o.sum().backward()
print(a.grad, b.grad)

# %% outer-matrix
import torch
torch.outer(torch.ones(2, 2), torch.ones(2))

# %% logsumexp
import torch
x = torch.tensor([[1., 2., 3.], [1000., 1000., -1000.]], requires_grad=True)
y = torch.logsumexp(x, dim=1)
print(y, x.logsumexp(0, keepdim=True), x.logsumexp((0, 1)))
y.sum().backward()
print(x.grad)
print(torch.tensor([1, 2]).logsumexp(0))

# %% logsumexp-without-dim
import torch
torch.ones(3).logsumexp()

# %% nonzero
import torch
x = torch.tensor([[0, 1, 0], [2, 0, 3]])
print(x.nonzero(), torch.nonzero(x, as_tuple=True))
print(torch.tensor([0., 0.5]).nonzero(), torch.tensor(0).nonzero(), torch.tensor(3).nonzero())

# %% roll
import torch
x = torch.arange(1., 7.).reshape(2, 3).requires_grad_()
y = torch.roll(x, 1, 1)
print(y, x.roll(1), x.roll((1, -1), (0, 1)), x.roll(shifts=-1, dims=0))
(y * torch.arange(6.).reshape(2, 3)).sum().backward()
print(x.grad)

# %% roll-shifts-and-dims-differ
import torch
torch.ones(2, 3).roll((1, 1), (0,))

# %% atan2
import torch
y = torch.tensor([1., -1., 0.], requires_grad=True)
x = torch.tensor([1., 1., -2.], requires_grad=True)
a = torch.atan2(y, x)
print(a, y.atan2(torch.tensor(2.)), torch.atan2(torch.tensor([1, 2]), torch.tensor([1, 1])))
a.sum().backward()
print(y.grad, x.grad)

# %% logspace
import torch
print(torch.logspace(0, 2, 3), torch.logspace(0, 3, 4, base=2))
print(torch.logspace(-1, 1, 5, dtype=torch.float64), torch.logspace(0, 1, 1))

# %% normal-shapes
import torch
torch.manual_seed(0)
a = torch.normal(0.0, 1.0, size=(3, 4))
b = torch.normal(torch.zeros(5), 1.0)
c = torch.normal(torch.zeros(2, 1), torch.ones(3))
d = torch.normal(2.0, torch.ones(4, dtype=torch.float64))
print(a.shape, a.dtype, b.shape, c.shape, d.dtype)
g = torch.Generator().manual_seed(1)
e = torch.normal(torch.zeros(3), torch.ones(3), generator=g)
print(torch.equal(e, torch.normal(torch.zeros(3), torch.ones(3), generator=g.manual_seed(1))))
print(torch.normal(5.0, 0.0, size=(2,)), torch.normal(torch.tensor([1., 2.]), 0.0))

# %% init-eye
import torch
import torch.nn as nn
print(nn.init.eye_(torch.empty(2, 3)))
w = nn.Parameter(torch.zeros(3, 3))
print(nn.init.eye_(w))

# %% init-eye-vector
import torch
import torch.nn as nn
nn.init.eye_(torch.empty(2))

# %% unique
import torch
x = torch.tensor([3, 1, 3, 2, 1, 3])
print(x.unique(), torch.unique(x, return_counts=True))
print(torch.unique(x, return_inverse=True), x.unique(return_inverse=True, return_counts=True))
print(torch.tensor([[2., 1.], [1., 0.5]]).unique(), torch.tensor([True, False, True]).unique())

# %% bincount
import torch
x = torch.tensor([0, 2, 2, 5])
print(torch.bincount(x), x.bincount(minlength=8))
print(x.bincount(torch.tensor([1., 2., 3., 0.5])), torch.bincount(torch.tensor([], dtype=torch.int64)))
print(x.bincount(weights=torch.tensor([1., 2., 3., 4.], dtype=torch.float64)))

# %% bincount-negative
import torch
torch.bincount(torch.tensor([1, -1]))

# %% bincount-float
import torch
torch.bincount(torch.tensor([1.]))

# %% meshgrid
import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4., 5.])
x, y = torch.meshgrid(a, b, indexing="ij")
print(x, y)
print([t.shape for t in torch.meshgrid(a, b, indexing="xy")], torch.meshgrid([a, b], indexing="xy"))
print([t.shape for t in torch.meshgrid(a, b, torch.ones(4), indexing="xy")])
(x * y).sum().backward()
print(a.grad)

# %% meshgrid-without-indexing
import torch
x, y = torch.meshgrid(torch.tensor([1, 2]), torch.tensor([3, 4, 5]))
print(x, y)

# %% repeat-interleave
import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
r = x.repeat_interleave(2)
print(r, x.repeat_interleave(2, dim=0), torch.repeat_interleave(x, 3, dim=1))
print(x.repeat_interleave(torch.tensor([1, 2]), dim=0), torch.repeat_interleave(torch.tensor([1, 0, 2])))
(r * torch.arange(8.)).sum().backward()
print(x.grad)
x.grad = None
(x.repeat_interleave(torch.tensor([0, 3]), dim=1) * torch.arange(12.).reshape(2, 6)).sum().backward()
print(x.grad)

# %% repeat-interleave-wrong-repeats
import torch
torch.ones(2, 3).repeat_interleave(torch.tensor([1, 2]), dim=1)

# %% repeat-interleave-negative
import torch
torch.ones(2).repeat_interleave(-1)

# %% scatter-add
import torch
src = torch.tensor([1., 2., 3., 4.], requires_grad=True)
out = torch.zeros(3).scatter_add(0, torch.tensor([0, 1, 0, 2]), src)
print(out)
(out * torch.tensor([1., 10., 100.])).sum().backward()
print(src.grad)
t = torch.zeros(2, 3)
print(t.scatter_add_(1, torch.tensor([[0, 0], [2, 1]]), torch.ones(2, 2)), t)

# %% scatter-add-in-place-graph
import torch
w = torch.ones(3, requires_grad=True)
src = torch.tensor([1., 2.], requires_grad=True)
y = w * 2
y.scatter_add_(0, torch.tensor([0, 0]), src)
print(y)
(y * torch.tensor([1., 2., 3.])).sum().backward()
print(w.grad, src.grad)

# %% scatter-add-index-out-of-bounds
import torch
torch.zeros(3).scatter_add_(0, torch.tensor([0, 5, 1]), torch.ones(3))

# %% scatter-add-float-index
import torch
torch.zeros(3).scatter_add_(0, torch.tensor([0., 1.]), torch.ones(3))

# %% index-add
import torch
src = torch.tensor([[1., 2.], [3., 4.], [5., 6.]], requires_grad=True)
out = torch.zeros(2, 2).index_add(0, torch.tensor([0, 1, 0]), src, alpha=2)
print(out)
(out * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(src.grad)
t = torch.zeros(2, 3)
print(t.index_add_(1, torch.tensor([2, 2]), torch.ones(2, 2)), t)

# %% index-add-in-place-graph
import torch
w = torch.ones(3, requires_grad=True)
src = torch.tensor([1., 2.], requires_grad=True)
y = w * 2
y.index_add_(0, torch.tensor([2, 2]), src)
print(y)
(y * torch.tensor([1., 2., 3.])).sum().backward()
print(w.grad, src.grad)

# %% index-add-wrong-count
import torch
torch.zeros(3).index_add_(0, torch.tensor([0, 1]), torch.ones(3))

# %% index-add-out-of-range
import torch
torch.zeros(3).index_add_(0, torch.tensor([0, 5, 1]), torch.ones(3))

# %% index-add-float-index
import torch
torch.zeros(3).index_add_(0, torch.tensor([0., 1., 1.]), torch.ones(3))

# %% linear-lr
import torch
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
sched = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.25, total_iters=4)
for _ in range(6):
    print(sched.get_last_lr())
    opt.step()
    sched.step()
print(sorted(sched.state_dict()))
opt2 = torch.optim.SGD([w], lr=1.0)
sched2 = torch.optim.lr_scheduler.LinearLR(opt2, start_factor=1.0, end_factor=0.5, total_iters=3)
for _ in range(4):
    opt2.step()
    sched2.step()
    print(opt2.param_groups[0]["lr"])
print(torch.optim.lr_scheduler.LinearLR(torch.optim.SGD([w], lr=0.3)).get_last_lr())

# %% linear-lr-bad-start
import torch
torch.optim.lr_scheduler.LinearLR(torch.optim.SGD([torch.zeros(1, requires_grad=True)]), start_factor=0)

# %% linear-lr-bad-end
import torch
torch.optim.lr_scheduler.LinearLR(torch.optim.SGD([torch.zeros(1, requires_grad=True)]), end_factor=-1)

# %% scatter-add-dtype-mismatch
import torch
torch.zeros(3).scatter_add(0, torch.tensor([0, 1]), torch.ones(2, dtype=torch.float64))

# %% scatter-add-index-larger-than-src
import torch
torch.zeros(3).scatter_add(0, torch.tensor([0, 1, 2]), torch.ones(2))

# %% scatter-add-number-src
import torch
torch.ones(3).scatter_add_(0, torch.tensor([0]), 5.)

# %% index-add-dtype-mismatch
import torch
torch.zeros(3).index_add(0, torch.tensor([0, 1]), torch.ones(2, dtype=torch.float64))

# %% index-add-shape-mismatch
import torch
torch.zeros(3, 2).index_add(0, torch.tensor([0, 1]), torch.ones(2, 3))

# %% index-add-number-source
import torch
torch.zeros(3).index_add_(0, torch.tensor([0]), 1.)

# %% normal-negative-std
import torch
torch.normal(0., -1., size=(2,))

# %% normal-negative-std-tensor
import torch
torch.normal(torch.zeros(2), torch.tensor([1., -1.]))

# %% normal-integer-mean
import torch
torch.normal(torch.zeros(2, dtype=torch.int64), 1.)

# %% normal-two-numbers
import torch
torch.normal(0., 1.)

# %% meshgrid-bad-indexing
import torch
torch.meshgrid(torch.ones(2), torch.ones(2), indexing="ji")

# %% roll-several-shifts-no-dims
import torch
torch.ones(2, 3).roll((1, 1))

# %% triu-float-diagonal
import torch
torch.triu(torch.ones(2, 2), 1.5)

# %% atan2-number
import torch
torch.ones(2).atan2(1.)

# %% bincount-negative-minlength
import torch
torch.tensor([1, 2]).bincount(minlength=-1)

# %% trace-bool
import torch
torch.tensor([[True, False], [True, True]]).trace()

# %% unique-dim-of-vector
import torch
print(torch.tensor([3, 1, 3]).unique(dim=0))

# %% logsumexp-edges
import torch
print(torch.tensor([-torch.inf, -torch.inf]).logsumexp(0), torch.tensor([torch.inf, 1.]).logsumexp(0))
print(torch.zeros(0, 3).logsumexp(0), torch.tensor([[1, 2], [3, 4]], dtype=torch.int32).trace())

# %% tensor-from-list-of-tensors-dtype
import torch
d, h, i = torch.float64, torch.float16, torch.int32
print(torch.tensor([torch.tensor(1., dtype=d)]).dtype, torch.tensor([torch.tensor(1., dtype=d), 2.5]).dtype)
print(torch.tensor([torch.tensor(1, dtype=i)]).dtype, torch.tensor([torch.tensor(1, dtype=i), 2]).dtype)
print(torch.tensor([torch.tensor(1, dtype=i), 2.5]).dtype, torch.tensor([[torch.tensor(1., dtype=h)], [3]]))
print(torch.tensor([torch.tensor(True), 3]).dtype, torch.tensor([torch.tensor(2), torch.tensor(1., dtype=h)]))
print(torch.tensor([torch.tensor(True), torch.tensor(False)]), torch.tensor([torch.tensor(1., dtype=h), torch.tensor(1., dtype=d)]).dtype)

# %% bernoulli
import torch
g = torch.Generator().manual_seed(0)
print(torch.bernoulli(torch.tensor([0., 1., 1.])), torch.bernoulli(torch.tensor([0., 1.]), generator=g))
print(torch.bernoulli(torch.tensor([0.5]), p=1.), torch.bernoulli(torch.tensor([2, 3]), p=1.))
print(torch.zeros(3).bernoulli_(1.), torch.zeros(3).bernoulli_(torch.tensor([1., 0., 1.])))
print(torch.tensor([1, 0]).bernoulli_(1.), torch.bernoulli(torch.tensor([0.5], dtype=torch.float64)).dtype)
draws = torch.zeros(1000).bernoulli_(0.5, generator=g)
print(draws.unique(), torch.equal(draws, torch.zeros(1000).bernoulli_(0.5, generator=g.manual_seed(0))))

# %% bernoulli-probability-above-one
import torch
torch.bernoulli(torch.tensor([2.]))

# %% bernoulli-integer
import torch
torch.bernoulli(torch.tensor([1, 0]))

# %% bernoulli-in-place-p-above-one
import torch
torch.zeros(3).bernoulli_(2.)

# %% multinomial
import torch
g = torch.Generator().manual_seed(0)
print(torch.multinomial(torch.tensor([0., 1., 0.]), 4, replacement=True), torch.multinomial(torch.tensor([0., 1., 0.]), 1))
print(torch.multinomial(torch.tensor([[0., 1.], [2., 0.]]), 3, replacement=True))
print(torch.multinomial(torch.tensor([1., 1., 1.]), 3).sort().values)
s = torch.tensor([1., 2.]).multinomial(5, replacement=True, generator=g)
print(s.shape, s.dtype, torch.equal(s, torch.tensor([1., 2.]).multinomial(5, True, generator=g.manual_seed(0))))

# %% multinomial-negative
import torch
torch.multinomial(torch.tensor([-1., 1.]), 1)

# %% multinomial-too-many-without-replacement
import torch
torch.multinomial(torch.tensor([1., 1.]), 3)

# %% multinomial-zero-sum
import torch
torch.multinomial(torch.tensor([0., 0.]), 1)

# %% multinomial-integer
import torch
torch.multinomial(torch.tensor([1, 2]), 1)

# %% multinomial-three-dimensional
import torch
torch.multinomial(torch.ones(2, 2, 2), 1)
