# Learner experiments with tensor ops a training course reaches for.

# %% clone-is-independent
import torch
a = torch.tensor([1.0, 2.0])
b = a.clone()
b[0] = 9
print(a, b)

# %% clone-keeps-grad-path
import torch
x = torch.tensor(3.0, requires_grad=True)
y = x.clone()
(y * 2).backward()
print(y.grad_fn.name(), x.grad)

# %% masked-fill-negative
import torch
x = torch.tensor([[1.0, -2.0], [-3.0, 4.0]])
print(x.masked_fill(x < 0, 0.0))
print(x.masked_fill(x > 2, float('-inf')))

# %% masked-fill-inplace-causal
import torch
scores = torch.ones(3, 3)
mask = torch.triu(torch.ones(3, 3), diagonal=1).bool()
scores.masked_fill_(mask, float('-inf'))
print(scores.softmax(dim=-1))

# %% gather-pick-class-scores
import torch
logp = torch.tensor([[0.1, 0.2, 0.7], [0.5, 0.4, 0.1]])
idx = torch.tensor([[2], [0]])
print(torch.gather(logp, 1, idx))
print(logp.gather(1, idx).squeeze(1))

# %% gather-grad
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
x.gather(1, torch.tensor([[1], [1]])).sum().backward()
print(x.grad)

# %% scatter-one-hot
import torch
labels = torch.tensor([0, 2, 1])
oh = torch.zeros(3, 3).scatter_(1, labels.unsqueeze(1), 1.0)
print(oh)

# %% scatter-add
import torch
src = torch.ones(5)
idx = torch.tensor([0, 1, 0, 2, 0])
print(torch.zeros(3).scatter_add_(0, idx, src))

# %% index-add
import torch
print(torch.zeros(3).index_add_(0, torch.tensor([0, 2, 0]), torch.tensor([1.0, 2.0, 3.0])))

# %% topk-values-indices
import torch
x = torch.tensor([3.0, 1.0, 4.0, 1.5, 9.0])
v, i = torch.topk(x, 2)
print(v, i)
print(x.topk(3, largest=False))

# %% topk-2d-dim
import torch
x = torch.tensor([[1.0, 5.0, 3.0], [7.0, 2.0, 6.0]])
print(x.topk(2, dim=1).indices)

# %% sort-descending
import torch
x = torch.tensor([2.0, -1.0, 3.0, 0.5])
print(torch.sort(x, descending=True))
print(x.sort().indices)

# %% argsort-2d
import torch
x = torch.tensor([[3, 1, 2], [0, 5, 4]])
print(x.argsort(dim=1), torch.argsort(x, dim=0, descending=True))

# %% cumsum-and-cumprod
import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(torch.cumsum(x, dim=0), x.cumprod(0))

# %% cumsum-2d-grad
import torch
x = torch.ones(2, 3, requires_grad=True)
x.cumsum(dim=1).sum().backward()
print(x.grad)

# %% norm-default-and-p1
import torch
x = torch.tensor([3.0, -4.0])
print(x.norm(), torch.norm(x, p=1), x.norm(p=float('inf')))

# %% linalg-norm-dim
import torch
x = torch.tensor([[3.0, 4.0], [6.0, 8.0]])
print(torch.linalg.norm(x, dim=1), x.norm(dim=0, keepdim=True))

# %% var-std-unbiased
import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(x.var(), x.std(), x.var(unbiased=False))
print(torch.std(x, correction=0))

# %% var-dim-keepdim
import torch
x = torch.tensor([[1.0, 3.0], [2.0, 6.0]])
print(x.var(dim=0), x.std(dim=1, keepdim=True))

# %% std-single-element
import torch
print(torch.tensor([5.0]).std())

# %% bmm-shapes
import torch
a = torch.ones(4, 2, 3)
b = torch.ones(4, 3, 5)
print(torch.bmm(a, b).shape, torch.bmm(a, b)[0, 0, 0])

# %% bmm-wrong-dims
import torch
# mistake
torch.bmm(torch.ones(2, 3), torch.ones(3, 2))

# %% matmul-batched-broadcast
import torch
print((torch.ones(5, 2, 3) @ torch.ones(3, 4)).shape)

# %% einsum-matmul
import torch
a = torch.arange(6.).reshape(2, 3)
b = torch.arange(6.).reshape(3, 2)
print(torch.einsum('ij,jk->ik', a, b))
print(torch.equal(torch.einsum('ij,jk->ik', a, b), a @ b))

# %% einsum-trace-outer
import torch
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.einsum('ii', m), torch.einsum('i,j->ij', torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])))

# %% einsum-batch
import torch
q = torch.ones(2, 3, 4)
k = torch.ones(2, 5, 4)
print(torch.einsum('bqd,bkd->bqk', q, k).shape)

# %% one-hot-default
import torch
import torch.nn.functional as F
print(F.one_hot(torch.tensor([0, 2, 1])))
print(F.one_hot(torch.tensor([1]), num_classes=4).dtype)

# %% one-hot-float-input-mistake
import torch
import torch.nn.functional as F
# mistake
F.one_hot(torch.tensor([0.0, 1.0]))

# %% repeat-vs-expand
import torch
x = torch.tensor([[1, 2]])
print(x.repeat(3, 1))
print(x.expand(3, 2))
print(x.repeat(2, 2).shape)

# %% expand-minus-one
import torch
x = torch.tensor([[1.0], [2.0]])
print(x.expand(-1, 3))
print(x.expand_as(torch.zeros(2, 4)).shape)

# %% expand-bad-size
import torch
# mistake
torch.tensor([1, 2]).expand(3, 3)

# %% repeat-interleave
import torch
print(torch.tensor([1, 2, 3]).repeat_interleave(2))

# %% chunk-uneven
import torch
x = torch.arange(7)
print(x.chunk(3))
print(torch.chunk(x, 2))

# %% split-sizes
import torch
x = torch.arange(10)
print(x.split(4))
print(torch.split(x, [2, 3, 5]))

# %% split-2d-dim1
import torch
x = torch.arange(12).reshape(3, 4)
a, b = x.split(2, dim=1)
print(a.shape, b)

# %% unbind
import torch
print(torch.tensor([[1, 2], [3, 4]]).unbind(1))

# %% type-as
import torch
a = torch.tensor([1, 2])
b = torch.tensor([0.5])
print(a.type_as(b), a.type_as(b).dtype)

# %% type-string
import torch
x = torch.tensor([1.7, 2.2])
print(x.type(), x.type(torch.int32), x.type('torch.DoubleTensor').dtype)

# %% sin-cos-identity
import torch
x = torch.linspace(0, 3.14159, 5)
print(torch.allclose(x.sin() ** 2 + torch.cos(x) ** 2, torch.ones(5)))
print(torch.sin(torch.tensor([0.0, torch.pi / 2])))

# %% sin-grad-is-cos
import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
torch.sin(x).sum().backward()
print(torch.allclose(x.grad, x.detach().cos()))

# %% tan-atan2
import torch
print(torch.tan(torch.tensor([0.0])), torch.atan2(torch.tensor([1.0]), torch.tensor([1.0])))

# %% dot-vectors
import torch
a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([4.0, 5.0, 6.0])
print(torch.dot(a, b), a.dot(b), a @ b)

# %% dot-2d-mistake
import torch
# mistake
torch.dot(torch.ones(2, 2), torch.ones(2, 2))

# %% dot-dtype-mistake
import torch
# mistake
torch.dot(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))

# %% modulo-operator
import torch
x = torch.tensor([5, -5, 7])
print(x % 3, torch.remainder(x, 3), torch.fmod(x, 3))
print(torch.tensor([5.5, -1.5]) % 2)

# %% floor-divide
import torch
print(torch.tensor([7, -7]) // 2, torch.tensor([7.0]) // 2)

# %% torch-max-two-tensors
import torch
a = torch.tensor([1.0, 5.0, 3.0])
b = torch.tensor([4.0, 2.0, 3.0])
print(torch.max(a, b), torch.min(a, b), torch.maximum(a, b))

# %% torch-max-dim
import torch
x = torch.tensor([[1.0, 9.0], [7.0, 3.0]])
values, idx = torch.max(x, dim=1)
print(values, idx)
print(x.max(0))

# %% python-max-of-tensor
import torch
x = torch.tensor([3.0, 1.0, 2.0])
print(max(x), min(x).item(), sum(x))

# %% clamp-min-max
import torch
x = torch.tensor([-2.0, 0.5, 3.0])
print(x.clamp(min=0), torch.clamp(x, -1, 1), x.clip(max=1))

# %% where-select
import torch
x = torch.tensor([-1.0, 2.0, -3.0])
print(torch.where(x > 0, x, torch.zeros_like(x)))
print(torch.where(x > 0, x, 0.0))
print(torch.where(x > 0))

# %% nonzero-any-all
import torch
x = torch.tensor([0, 3, 0, 5])
print(x.nonzero(), (x > 0).any(), (x > 0).all())

# %% unique-counts
import torch
print(torch.tensor([3, 1, 3, 2, 1, 3]).unique(return_counts=True))

# %% bincount
import torch
print(torch.bincount(torch.tensor([0, 1, 1, 3])))

# %% stack-vs-cat
import torch
a = torch.tensor([1, 2])
b = torch.tensor([3, 4])
print(torch.stack([a, b]), torch.stack([a, b], dim=1), torch.cat([a, b]))

# %% cat-mismatch-mistake
import torch
# mistake
torch.cat([torch.ones(2, 3), torch.ones(2, 4)])

# %% meshgrid-ij
import torch
xs, ys = torch.meshgrid(torch.tensor([1, 2]), torch.tensor([3, 4, 5]), indexing='ij')
print(xs.shape, ys)

# %% log-exp-sigmoid
import torch
x = torch.tensor([0.0, 1.0])
print(torch.log1p(x), torch.expm1(x), torch.sigmoid(x), torch.logsumexp(x, dim=0))

# %% triu-tril
import torch
m = torch.arange(1, 10).reshape(3, 3)
print(m.tril(), torch.triu(m, diagonal=1))

# %% diag-trace
import torch
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.diag(m), m.trace(), torch.diag(torch.tensor([1.0, 2.0])))

# %% outer-product
import torch
print(torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4, 5])))

# %% flip-roll
import torch
x = torch.arange(5)
print(x.flip(0), torch.roll(x, 2))

# %% prod-mean-dims
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.prod(), x.prod(dim=1), x.mean(dim=(0, 1)))

# %% argmax-keepdim
import torch
x = torch.tensor([[1, 5, 2], [8, 0, 3]])
print(x.argmax(), x.argmax(dim=1, keepdim=True))
