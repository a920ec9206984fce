# The new operations' mistakes, and PyTorch's exact first line for each.

# %% masked-fill-long-mask
import torch
torch.zeros(3).masked_fill(torch.tensor([1, 0, 1]), 0.)

# %% masked-fill-float-mask
import torch
torch.zeros(3).masked_fill(torch.ones(3), 0.)

# %% masked-fill-vector-value
import torch
torch.zeros(3).masked_fill(torch.tensor([True, False, True]), torch.tensor([1.]))

# %% masked-fill-mask-shape
import torch
torch.zeros(2, 3).masked_fill(torch.tensor([True, False]), 0.)

# %% masked-fill-in-place-broadcast
import torch
torch.zeros(3).masked_fill_(torch.ones(2, 3, dtype=torch.bool), 1.)

# %% masked-fill-in-place-leaf
import torch
x = torch.zeros(3, requires_grad=True)
x.masked_fill_(x > 0, 1.)

# %% gather-float-index
import torch
torch.ones(2, 3).gather(1, torch.tensor([[0.], [2.]]))

# %% gather-index-out-of-range
import torch
torch.ones(2, 3).gather(1, torch.tensor([[0], [3]]))

# %% gather-negative-index
import torch
torch.ones(2, 3).gather(1, torch.tensor([[-1], [0]]))

# %% gather-index-rank
import torch
torch.ones(2, 3).gather(1, torch.tensor([0, 2]))

# %% gather-dim-out-of-range
import torch
torch.ones(2, 3).gather(2, torch.tensor([[0], [2]]))

# %% gather-index-too-large
import torch
torch.ones(2, 3).gather(1, torch.tensor([[0], [1], [2]]))

# %% scatter-dtype-mismatch
import torch
torch.zeros(2, 3).scatter(1, torch.tensor([[0], [2]]), torch.ones(2, 1, dtype=torch.float64))

# %% scatter-src-too-small
import torch
torch.zeros(2, 3).scatter(1, torch.tensor([[0, 1], [2, 0]]), torch.ones(2, 1))

# %% scatter-index-out-of-range
import torch
torch.zeros(2, 3).scatter(1, torch.tensor([[3]]), 1.)

# %% scatter-index-rank
import torch
torch.zeros(2, 3).scatter(1, torch.tensor([1]), 1.)

# %% topk-too-many
import torch
torch.ones(2, 3).topk(4)

# %% topk-dim-out-of-range
import torch
torch.ones(2, 3).topk(1, dim=2)

# %% sort-dim-out-of-range
import torch
torch.ones(2, 3).sort(dim=-3)

# %% cumsum-needs-dim
import torch
torch.ones(3).cumsum()

# %% cumsum-dim-out-of-range
import torch
torch.ones(2, 3).cumsum(2)

# %% norm-of-long
import torch
torch.tensor([3, 4]).norm()

# %% vector-norm-of-long
import torch
torch.linalg.vector_norm(torch.tensor([3, 4]))

# %% norm-unknown-order
import torch
torch.ones(2, 2).norm(p="abc")

# %% std-of-long
import torch
torch.tensor([1, 2, 3]).std()

# %% var-of-long
import torch
torch.tensor([1, 2, 3]).var(dim=0)

# %% bmm-of-matrices
import torch
torch.bmm(torch.ones(3, 4), torch.ones(4, 5))

# %% bmm-second-matrix
import torch
torch.bmm(torch.ones(2, 3, 4), torch.ones(4, 5))

# %% bmm-batch-mismatch
import torch
torch.bmm(torch.ones(2, 3, 4), torch.ones(3, 4, 5))

# %% bmm-inner-mismatch
import torch
torch.bmm(torch.ones(2, 3, 4), torch.ones(2, 5, 5))

# %% bmm-dtype-mismatch
import torch
torch.bmm(torch.ones(2, 3, 4, dtype=torch.float64), torch.ones(2, 4, 5))

# %% einsum-size-mismatch
import torch
torch.einsum('ij,jk->ik', torch.ones(2, 3), torch.ones(2, 3))

# %% einsum-too-few-operands
import torch
torch.einsum('ij,jk->ik', torch.ones(2, 3))

# %% einsum-too-many-operands
import torch
torch.einsum('i->i', torch.ones(3), torch.ones(3))

# %% einsum-wrong-rank
import torch
torch.einsum('ij,jk->ik', torch.ones(2, 3), torch.ones(3))

# %% einsum-unknown-output
import torch
torch.einsum('ij,jk->iz', torch.ones(2, 3), torch.ones(3, 2))

# %% einsum-dtype-mismatch
import torch
torch.einsum('i,i->', torch.ones(3), torch.ones(3, dtype=torch.float64))

# %% one-hot-float
import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([0., 2.]))

# %% one-hot-int32
import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([0, 1], dtype=torch.int32))

# %% one-hot-too-few-classes
import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([0, 2]), 2)

# %% one-hot-negative
import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([0, -1]))

# %% one-hot-empty
import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([], dtype=torch.long))

# %% repeat-too-few-dims
import torch
torch.ones(2, 3).repeat(2)

# %% expand-wrong-size
import torch
torch.tensor([1., 2., 3.]).expand(2, 4)

# %% expand-too-few-sizes
import torch
torch.ones(2, 3).expand(3)

# %% expand-leading-minus-one
import torch
torch.ones(3).expand(-1, 3)

# %% expand-as-wrong-shape
import torch
torch.ones(3).expand_as(torch.ones(2, 2))

# %% split-sizes-wrong-sum
import torch
torch.ones(2, 3).split([1, 1], dim=1)

# %% split-negative
import torch
torch.arange(4).split(-1)

# %% split-scalar
import torch
torch.tensor(1.).split(1)

# %% chunk-zero
import torch
torch.ones(3).chunk(0)

# %% dot-of-matrices
import torch
torch.dot(torch.ones(2, 2), torch.ones(2, 2))

# %% dot-dtype-mismatch
import torch
torch.dot(torch.ones(2), torch.ones(2, dtype=torch.float64))

# %% dot-long-and-float
import torch
torch.dot(torch.tensor([1, 2]), torch.tensor([1., 2.]))

# %% dot-size-mismatch
import torch
torch.dot(torch.ones(3), torch.ones(2))

# %% remainder-by-zero
import torch
torch.tensor([5, 7]) % 0

# %% floor-divide-by-zero
import torch
torch.tensor([5, 7]) // torch.tensor([1, 0])

# %% fmod-by-zero
import torch
torch.fmod(torch.tensor([1]), 0)

# %% rmod-has-no-gradient
import torch
x = torch.tensor([2., 3.], requires_grad=True)
(7 % x).sum().backward()

# %% maximum-with-number
import torch
torch.maximum(torch.ones(2), 3.)

# %% diag-of-3d
import torch
torch.diag(torch.ones(2, 2, 2))

# %% flip-dim-out-of-range
import torch
torch.ones(2, 3).flip(2)

# %% detach-in-place-view-of-leaf
import torch
x = torch.ones(2, 3, requires_grad=True)
x[0].detach_()

# %% floor-divide-in-place-to-long
import torch
a = torch.tensor([7, 8])
a //= 2.5

# %% clamp-in-place-long-with-float-bound
import torch
torch.tensor([1, 2]).clamp_(min=1.5)

# %% inf-norm-of-empty
import torch
torch.tensor([]).norm(p=float('inf'))

# %% inf-norm-along-empty-dim
import torch
torch.zeros(0, 3).norm(p=-float('inf'), dim=0)

# %% norm-narrowing-dtype
import torch
torch.ones(2, dtype=torch.float64).norm(dtype=torch.float32)

# %% norm-integer-dtype
import torch
torch.tensor([3., 4.]).norm(dtype=torch.long)

# %% norm-of-long-with-float-dtype
import torch
torch.tensor([1, 2, 3]).norm(dtype=torch.float32)

# %% detach-in-place-view-of-non-leaf
import torch
x = torch.ones(3, requires_grad=True)
(x * 2).split(1)[0].detach_()

# %% detach-in-place-expanded
import torch
x = torch.ones(3, requires_grad=True)
(x * 2).expand(2, 3).detach_()

# %% split-negative-size-in-list
import torch
torch.ones(3).split([1, -1, 3])

# %% masked-fill-none-value
import torch
torch.ones(3).masked_fill(torch.tensor([True, False, True]), None)

# %% masked-fill-list-mask
import torch
torch.ones(3).masked_fill([True, False, True], 0.)

# %% flip-without-dims
import torch
torch.ones(3).flip()

# %% flip-repeated-dim
import torch
torch.ones(3).flip(0, 0)

# %% where-long-condition
import torch
torch.where(torch.tensor([1, 0, 1]), torch.ones(3), torch.zeros(3))

# %% einsum-repeated-output
import torch
torch.einsum('ij,jk->ikk', torch.ones(2, 3), torch.ones(3, 2))

# %% einsum-list-operand
import torch
torch.einsum('ij,jk->ik', torch.ones(2, 3), [[1.], [2.], [3.]])

# %% dot-with-list
import torch
torch.dot(torch.ones(3), [1., 2., 3.])

# %% bmm-with-list
import torch
torch.bmm(torch.ones(2, 3, 4), [1.])

# %% repeat-negative
import torch
torch.ones(3).repeat(2, -1)

# %% topk-float-k
import torch
torch.ones(3).topk(1.5)

# %% gather-list-index
import torch
torch.ones(2, 3).gather(1, [[0]])

# %% scatter-list-src
import torch
torch.ones(2, 3).scatter(1, torch.tensor([[0]]), [1.])

# %% prod-of-several-dims
import torch
torch.ones(2, 3).prod(dim=(0, 1))

# %% cumsum-tuple-dim
import torch
torch.ones(3).cumsum((0,))
