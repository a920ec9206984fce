# The operations learners reach for after the first lessons: values, dtypes and grad_fn names.

# %% clone-keeps-graph
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x.clone()
print(y, y.grad_fn.name())
(y * 3).sum().backward()
print(x.grad)

# %% masked-fill
import torch
x = torch.tensor([[1., -2., 3.], [-4., 5., -6.]], requires_grad=True)
y = x.masked_fill(x < 0, 0.)
print(y)
y.sum().backward()
print(x.grad)
print(torch.tensor([1, 2]).masked_fill(torch.tensor([True, False]), 2.7))
print(torch.zeros(3).masked_fill(torch.tensor([[True], [False]]), 1.).shape)

# %% masked-fill-tensor-value
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
v = torch.tensor(9., requires_grad=True)
y = x.masked_fill(torch.tensor([True, False, True]), v)
print(y)
(y * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad, v.grad)

# %% masked-fill-in-place
import torch
scores = torch.tensor([[0.5, 1.5], [2.5, -1.0]])
out = scores.masked_fill_(torch.tensor([[False, True], [False, False]]), float("-inf"))
print(scores, out is scores)
print(scores.softmax(dim=1))

# %% gather
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
y = x.gather(1, torch.tensor([[2, 0], [1, 1]]))
print(y)
y.sum().backward()
print(x.grad)
print(torch.gather(x, 0, torch.tensor([[1, 0, 1]], dtype=torch.int32)))

# %% gather-picks-log-probabilities
import torch
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], requires_grad=True)
targets = torch.tensor([0, 2])
picked = logits.log_softmax(dim=1).gather(1, targets.unsqueeze(1)).squeeze(1)
print(picked)
(-picked.mean()).backward()
print(logits.grad)

# %% scatter
import torch
z = torch.zeros(2, 3)
src = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = z.scatter(1, torch.tensor([[2, 0], [1, 2]]), src)
print(y)
(y * torch.arange(6.).reshape(2, 3)).sum().backward()
print(src.grad)
print(torch.zeros(2, 4, dtype=torch.long).scatter(1, torch.tensor([[1], [3]]), 7))

# %% scatter-value-grad
import torch
x = torch.ones(2, 3, requires_grad=True)
y = x.scatter(1, torch.tensor([[0], [2]]), 5.)
print(y)
y.sum().backward()
print(x.grad)

# %% scatter-in-place
import torch
z = torch.zeros(3, 4)
z.scatter_(1, torch.tensor([[0], [3], [1]]), 1.)
print(z)
z.scatter_(0, torch.tensor([[2, 2, 2, 2]]), torch.full((1, 4), 9.))
print(z)

# %% topk
import torch
x = torch.tensor([[3., 1., 4., 1.], [5., 9., 2., 6.]], requires_grad=True)
top = x.topk(2)
print(top)
print(top.values.shape, top.indices.dtype)
top.values.sum().backward()
print(x.grad)
print(torch.tensor([3., 1., 4., 2., 5.]).topk(2, largest=False))
print(torch.tensor([1., 3., 2., 1.]).topk(2), torch.tensor(7.).topk(1))
print(x.topk(1, dim=0).indices)

# %% sort
import torch
x = torch.tensor([[2., 1., 3.], [0., 5., 4.]], requires_grad=True)
values, indices = x.sort()
print(values, indices)
(values * torch.tensor([1., 10., 100.])).sum().backward()
print(x.grad)
print(torch.sort(torch.tensor([1., 3., 3., 1.]), descending=True))
print(x.sort(dim=0, descending=True).indices)
print(torch.tensor([2, 1, 2, 1]).sort(stable=True))

# %% sort-ties-stable
import torch
x = torch.tensor([2, 0, 1] * 10)
print(x.sort(stable=True).indices)
print(x.sort(descending=True, stable=True).indices, x.argsort(stable=True)[:5])
print(torch.tensor([5., 1., 3., 4.] * 4).sort().indices)

# %% argsort
import torch
x = torch.tensor([[2., 1., 3.], [0., 5., 4.]])
print(x.argsort(), torch.argsort(x, dim=0, descending=True))
print(torch.tensor([3, 1, 3, 2]).argsort(descending=True, stable=True))

# %% cumsum-cumprod
import torch
x = torch.tensor([[1., 2., 3.], [4., 0., 6.]], requires_grad=True)
y = x.cumsum(1)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
p = x.cumprod(dim=1)
print(p)
p.sum().backward()
print(x.grad)
print(torch.tensor([1, 2, 3]).cumsum(0), torch.tensor([True, True]).cumsum(0))
print(torch.cumsum(torch.tensor([1, 2]), 0, dtype=torch.float32), torch.tensor(2.).cumsum(0))

# %% prod
import torch
x = torch.tensor([[1., 2., 3.], [4., 0., 6.]], requires_grad=True)
print(x.prod(), x.prod(1), x.prod(1, keepdim=True).shape)
x.prod(1).sum().backward()
print(x.grad)
print(torch.tensor([2, 3]).prod(), torch.tensor([True, True]).prod())

# %% norm
import torch
x = torch.tensor([[3., -4.], [1., 2.]], requires_grad=True)
n = x.norm()
print(n, n.grad_fn.name())
n.backward()
print(x.grad)
print(x.norm(dim=1), x.norm(p=1), x.norm(p=float("inf")), x.norm(p="fro", dim=1))
print(x.norm(dim=1, keepdim=True), x.norm(p=3), x.norm(p=0))
print(torch.norm(x), x.norm(dtype=torch.float64))

# %% norm-gradients
import torch
for p in (1, 2, float("inf"), 3):
    x = torch.tensor([-3., 3., 1., 0.], requires_grad=True)
    x.norm(p=p).backward()
    print(p, x.grad)
z = torch.zeros(3, requires_grad=True)
z.norm().backward()
print(z.grad)

# %% vector-norm
import torch
x = torch.tensor([[3., -4.], [1., 2.]], requires_grad=True)
print(torch.linalg.vector_norm(x), torch.linalg.vector_norm(x, ord=1, dim=1))
print(torch.linalg.vector_norm(x, dim=0, keepdim=True))

# %% var-std
import torch
x = torch.tensor([[1., 2., 3., 4.], [2., 4., 6., 9.]], requires_grad=True)
print(x.var(), x.std(), x.var(1), x.std(dim=1, keepdim=True))
print(x.var(unbiased=False), x.var(correction=0), x.std(0, correction=2))
print(x.var(False), x.var(1, False), torch.var(x, (0, 1)), torch.std(x, dim=0))
v = x.var(dim=1)
print(v.grad_fn.name())
v.sum().backward()
print(x.grad)
x.grad = None
x.std().backward()
print(x.grad)

# %% var-degrees-of-freedom
import torch
print(torch.tensor([1.]).var())
print(torch.ones(3, 1).std(1))
print(torch.ones(2, 2).var(correction=4))

# %% bmm
import torch
a = torch.arange(12.).reshape(2, 2, 3).requires_grad_()
b = torch.ones(2, 3, 2, requires_grad=True)
c = torch.bmm(a, b)
print(c, c.grad_fn.name())
c.sum().backward()
print(a.grad)
print(b.grad)
print(a.bmm(b).shape, torch.bmm(torch.ones(2, 1, 2, dtype=torch.long), torch.ones(2, 2, 1, dtype=torch.long)))

# %% einsum-patterns
import torch
A = torch.arange(6.).reshape(2, 3).requires_grad_()
B = torch.arange(12.).reshape(3, 4)
v = torch.tensor([1., 2., 3.], requires_grad=True)
print(torch.einsum('ij,jk->ik', A, B))
print(torch.einsum('bij,bjk->bik', A.unsqueeze(0), B.unsqueeze(0)).shape)
print(torch.einsum('i,i->', v, v), torch.einsum('ij,j->i', A, v))
print(torch.einsum('ij->ji', A), torch.einsum('ii->i', torch.eye(3) * 2))
print(torch.einsum('i,j->ij', v, v), torch.einsum('bi,bi->b', A, A))
print(torch.einsum('ij, jk -> ik', A, B).shape, torch.einsum('ij,jk', [A, B]).shape)
print(torch.einsum('mn,nk->mk', A, B).grad_fn.name(), torch.einsum('i,j->ij', v, v).grad_fn.name())

# %% einsum-gradients
import torch
A = torch.arange(6.).reshape(2, 3).requires_grad_()
v = torch.tensor([1., 2., 3.], requires_grad=True)
torch.einsum('ij,j->i', A, v).sum().backward()
print(A.grad, v.grad)
M = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
torch.einsum('ii->i', M).sum().backward()
print(M.grad)
w = torch.tensor([1., -1.], requires_grad=True)
(torch.einsum('i,j->ij', w, w) * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(w.grad)
print(torch.einsum('i,i->', torch.tensor([1, 2]), torch.tensor([3, 4])))

# %% one-hot
import torch
import torch.nn.functional as F
labels = torch.tensor([0, 2, 1, 2])
print(F.one_hot(labels))
print(F.one_hot(labels, num_classes=4).dtype, F.one_hot(torch.tensor([[0], [1]]), 3).shape)
print(F.one_hot(labels, 3).float().sum(0))

# %% repeat
import torch
x = torch.tensor([[1., 2.]], requires_grad=True)
y = x.repeat(2, 3)
print(y, y.grad_fn.name())
(y * torch.arange(12.).reshape(2, 6)).sum().backward()
print(x.grad)
print(torch.tensor([1, 2]).repeat(2), torch.tensor([1, 2]).repeat((2, 1, 2)).shape)

# %% expand
import torch
v = torch.tensor([1., 2., 3.], requires_grad=True)
e = v.expand(2, 3)
print(e, e.grad_fn.name())
e.sum().backward()
print(v.grad)
col = torch.tensor([[1], [2]])
print(col.expand(-1, 4), col.expand(torch.Size([3, 2, 2])).shape)
print(torch.zeros(1, 3).expand_as(torch.ones(2, 3)))

# %% expand-shares-memory
import torch
base = torch.tensor([[1.], [2.]])
e = base.expand(2, 3)
base[0, 0] = 7.
print(e)

# %% chunk-split
import torch
x = torch.arange(10.).reshape(2, 5).requires_grad_()
a, b = x.chunk(2, dim=1)
print(a, b)
print(x.split(2, dim=1))
parts = x.split([1, 4], 1)
print(parts)
(a.sum() + 2 * b.sum() + 10 * parts[0].sum()).backward()
print(x.grad)
print(torch.arange(5).chunk(4), torch.chunk(torch.arange(6), 4))
print(torch.split(torch.arange(5), 2))

# %% type-as-and-conversions
import torch
i = torch.tensor([1, 2])
x = torch.tensor([0.5, 1.5], requires_grad=True)
print(i.type_as(x), x.type_as(i))
d = x.double()
f = d.float()
print(d.grad_fn.name(), f.grad_fn.name(), x.type_as(d).grad_fn.name())
print(x.long(), x.int(), x.long().requires_grad)
f.sum().backward()
print(x.grad)

# %% trigonometry
import torch
x = torch.tensor([0., 0.5, 1., -2.], requires_grad=True)
print(x.sin(), torch.cos(x), x.tan())
print(x.sin().grad_fn.name(), x.cos().grad_fn.name(), x.tan().grad_fn.name())
(x.sin() + x.cos() + x.tan()).sum().backward()
print(x.grad)
print(torch.tensor([1, 2]).sin(), torch.tensor(0.5).cos())

# %% log1p-expm1-square
import torch
x = torch.tensor([0., 1e-8, 0.5, 2.], requires_grad=True)
print(x.log1p(), torch.expm1(x), x.square())
print(x.log1p().grad_fn.name(), x.expm1().grad_fn.name(), x.square().grad_fn.name())
(x.log1p() + x.expm1() + x.square()).sum().backward()
print(x.grad)
print(torch.tensor([-3, 4]).square(), torch.square(torch.tensor(1.5)))

# %% dot
import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([4., 5., 6.])
d = torch.dot(a, b)
print(d, d.grad_fn.name())
d.backward()
print(a.grad, a.dot(b), torch.tensor([1, 2]).dot(torch.tensor([3, 4])))

# %% remainder-floor-divide-ints
import torch
a = torch.tensor([-7, 7, 5])
b = torch.tensor([2, -2, 3])
print(a % b, a % 3, a % 2.5, 7 % b)
print(a // b, a // 2, a // 2.5, 7 // b, 7.0 // b)
print(torch.remainder(a, 3), torch.fmod(a, 3), a.fmod(b), torch.floor_divide(a, 2))
print(torch.tensor([7, 8]) // torch.tensor([2., 3.]), (a % 3).dtype, (a // 2.5).dtype)

# %% remainder-floats
import torch
x = torch.tensor([-7.5, 7.5, 0.25])
print(x % 2, x % -2, torch.fmod(x, 2), x // 2, x // -2)
print(torch.tensor([1., -1., 0.]) // 0, torch.tensor([1., -1.]) % 0)

# %% remainder-gradients
import torch
a = torch.tensor([5., 7.5], requires_grad=True)
b = torch.tensor([2., 3.], requires_grad=True)
r = a % b
print(r, r.grad_fn.name(), (a % 2).grad_fn.name(), a.fmod(2).grad_fn.name(), torch.fmod(a, b).grad_fn.name())
r.sum().backward()
print(a.grad, b.grad)
a.grad = b.grad = None
torch.fmod(-a, b).sum().backward()
print(a.grad, b.grad)

# %% floor-divide-has-no-gradient
import torch
x = torch.tensor([3., 4.], requires_grad=True)
q = x // 2
print(q)
q.sum().backward()

# %% elementwise-max-min
import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([1., 3., 2.], requires_grad=True)
m = torch.max(a, b)
print(m, m.grad_fn.name(), torch.min(a, b), a.max(b))
m.sum().backward()
print(a.grad, b.grad)
print(torch.maximum(a, b).grad_fn.name(), torch.minimum(a, torch.tensor(2.)).grad_fn.name())
print(torch.maximum(torch.tensor([1, 5]), torch.tensor([3, 2])))
print(torch.maximum(torch.tensor([-7, 7, 5]), torch.tensor(1.5)))

# %% clamp-tensor-bounds
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
lo = torch.tensor([2., 2., 2.], requires_grad=True)
hi = torch.tensor([[5.], [4.]], requires_grad=True)
y = x.clamp(min=lo, max=hi)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad, lo.grad, hi.grad)
print(torch.clamp(torch.tensor([1, 5]), torch.tensor([2., 2.])))
print(x.clamp(min=torch.tensor(2.), max=5).grad_fn.name(), torch.zeros(3).clamp(min=torch.zeros(2, 3)).shape)

# %% where-one-argument
import torch
x = torch.tensor([[0., 3., 0.], [4., 5., 0.]])
print(torch.where(x > 2))
print(torch.where(torch.tensor([0, 3, 0, 4])), torch.where(torch.tensor(3)))

# %% detach-in-place
import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
out = y.detach_()
print(y, y.requires_grad, y.grad_fn, y.is_leaf, out is y)

# %% flip
import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
y = x.flip(1)
print(y, torch.flip(x, [0, 1]), x.flip(0, 1).shape)
(y * torch.tensor([1., 10., 100.])).sum().backward()
print(x.grad)

# %% diag
import torch
v = torch.tensor([1., 2.], requires_grad=True)
d = torch.diag(v)
print(d, d.grad_fn.name(), torch.diag(v, 1))
(d * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(v.grad)
M = torch.arange(6.).reshape(2, 3).requires_grad_()
print(torch.diag(M), torch.diag(M, 1), M.diag(-1))
torch.diag(M, 1).sum().backward()
print(M.grad)

# %% signs-of-zero
import torch
f = torch.tensor([-7.5, 7.5, -4., 4., 0.25, -0.])
print(f % 2, f % -2, torch.remainder(f, 0.5))
print(torch.max(f, torch.zeros(6)), torch.minimum(torch.zeros(6), f))
print(torch.clamp(f, min=0.), f.clamp(-0., 0.), f.clamp(min=torch.zeros(6)))

# %% floor-divide-and-remainder-in-place
import torch
a = torch.tensor([[7, -7], [9, 4]])
row = a[0]
a //= 2
print(a, row)
a %= 3
print(a, row)
f = torch.tensor([7.5, -2.5])
f %= 2
print(f)

# %% clamp-in-place
import torch
a = torch.tensor([-3, 0, 5])
a.clamp_(min=-1, max=2)
print(a)
w = torch.tensor([-0.5, 0.25, 3.])
w.clamp_(min=torch.tensor([0., 0., 0.]), max=torch.tensor(1.))
print(w)

# %% var-of-empty
import torch
print(torch.tensor([]).var(), torch.zeros(0, 3).std(dim=0))

# %% sort-stable-backward-name
import torch
x = torch.tensor([3., 1., 2.], requires_grad=True)
print(x.sort().values.grad_fn.name(), x.sort(stable=False).values.grad_fn.name())
print(torch.sort(x, stable=True, descending=True))

# %% split-chunk-empty
import torch
print(torch.ones(2, 0).split(1, dim=1), torch.ones(0).chunk(2), torch.ones(0, 2).chunk(2, 1))
print(torch.ones(0).split(0))

# %% norm-dtype
import torch
print(torch.tensor([3., 4.]).norm(dtype=torch.float64), torch.linalg.vector_norm(torch.ones(2), dtype=torch.float64))

# %% new-ops-composed
import torch
a = torch.tensor([[1., 5.], [3., 2.]], requires_grad=True)
y = a.sort(0).values * a.topk(1, 1).values + a.cumsum(0).cumprod(1)
z = (a.std(0) * a.var(1)).sum() + a.norm(p=1) * a.norm(p=float("inf"))
w = torch.einsum('ii->i', torch.einsum('ij,jk->ik', a, a)).sum() + a.repeat(2, 2).flip(0)[1:3].sum()
(y.sum() + z + w).backward()
print(y, z, w)
print(a.grad)

# %% new-ops-free-their-graph
import torch
a = torch.tensor([[1., 5.], [3., 2.]], requires_grad=True)
y = a.sort().values.sum() + a.cumsum(0).sum()
y.backward(retain_graph=True)
y.backward()
print(a.grad)
n = a.norm()
n.backward()
n.backward()

# %% gradients-at-the-edges
import torch
a = torch.tensor([0., float("nan"), float("nan"), 1., 3.], requires_grad=True)
b = torch.tensor([float("nan"), 1., float("nan"), 1., 2.], requires_grad=True)
(torch.maximum(a, b) + torch.min(a, b)).sum().backward()
print(a.grad, b.grad)
c = torch.ones(2, 3, requires_grad=True)
c.std(1).sum().backward()
print(c.grad)
z = torch.tensor([0., 2., -1.], requires_grad=True)
z.norm(p=1.5).backward()
print(z.grad)

# %% linalg-imports
import torch
import torch.linalg as LA
from torch.linalg import vector_norm
x = torch.tensor([3., 4.])
print(LA.vector_norm(x), vector_norm(x, ord=float("inf")), vector_norm(x, 1, 0, True))
