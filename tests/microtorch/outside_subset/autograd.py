# Parts of torch.autograd microtorch refuses: they need second derivatives (create_graph=True),
# or options it does not implement.

# %% gradgradcheck
import torch
x = torch.tensor([1.], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradgradcheck(lambda t: t ** 3, (x,)))

# %% gradcheck-fast-mode
import torch
x = torch.tensor([1.], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: t ** 3, (x,), fast_mode=True))

# %% jacobian-strict
import torch
print(torch.autograd.functional.jacobian(lambda t: t * 2, torch.ones(2), strict=True))

# %% jacobian-vectorize
import torch
print(torch.autograd.functional.jacobian(lambda t: t * 2, torch.ones(2), vectorize=True))

# %% jacobian-create-graph
import torch
print(torch.autograd.functional.jacobian(lambda t: t * 2, torch.ones(2), create_graph=True))

# %% vjp-create-graph
import torch
print(torch.autograd.functional.vjp(lambda t: t.sum(), torch.ones(3), create_graph=True))

# %% vjp-strict
import torch
print(torch.autograd.functional.vjp(lambda t: t.sum(), torch.ones(3), strict=True))

# %% functional-hessian
import torch
print(torch.autograd.functional.hessian(lambda t: (t ** 3).sum(), torch.ones(2)))

# %% function-mark-dirty
import torch

class AddOneInPlace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad

print(AddOneInPlace.apply(torch.ones(2, requires_grad=True) * 1))
