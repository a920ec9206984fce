# Learner experiments with autograd beyond loss.backward().

# %% custom-function-square
import torch
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return 2 * x * grad
x = torch.tensor([1.0, 3.0], requires_grad=True)
y = Square.apply(x)
y.sum().backward()
print(y, x.grad)

# %% custom-function-clamp-grad
import torch
from torch.autograd import Function
class StraightThrough(Function):
    @staticmethod
    def forward(ctx, x):
        return x.round()
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([0.4, 1.6], requires_grad=True)
StraightThrough.apply(x).sum().backward()
print(x.grad)

# %% custom-function-two-inputs
import torch
class Mul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b
    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(5.0, requires_grad=True)
Mul.apply(a, b).backward()
print(a.grad, b.grad)

# %% custom-function-ctx-attribute
import torch
class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        return x * k
    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, None
x = torch.ones(2, requires_grad=True)
Scale.apply(x, 4.0).sum().backward()
print(x.grad)

# %% custom-function-grad-fn-name
import torch
class Id(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.clone()
    @staticmethod
    def backward(ctx, g):
        return g
y = Id.apply(torch.ones(1, requires_grad=True))
print(type(y.grad_fn).__name__, y.requires_grad)

# %% gradcheck-double
import torch
from torch.autograd import gradcheck
x = torch.randn(3, dtype=torch.double, requires_grad=True)
print(gradcheck(lambda t: (t.sin() * t).sum(), (x,)))

# %% gradcheck-custom-function
import torch
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 3 * x ** 2 * g
x = torch.tensor([0.5, -1.5], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(Cube.apply, (x,)))

# %% gradcheck-wrong-backward
import torch
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(Bad.apply, (x,), raise_exception=False))

# %% jacobian-elementwise
import torch
from torch.autograd.functional import jacobian
print(jacobian(lambda x: x ** 2, torch.tensor([1.0, 2.0, 3.0])))

# %% jacobian-linear-map
import torch
A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
J = torch.autograd.functional.jacobian(lambda x: A @ x, torch.zeros(2))
print(J.shape, torch.equal(J, A))

# %% hessian-quadratic
import torch
from torch.autograd.functional import hessian
print(hessian(lambda x: (x ** 2).sum() + x[0] * x[1], torch.tensor([1.0, 2.0])))

# %% vjp-functional
import torch
from torch.autograd.functional import vjp
out, g = vjp(lambda x: x * 3, torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.5]))
print(out, g)

# %% autograd-grad-basic
import torch
x = torch.tensor(3.0, requires_grad=True)
(g,) = torch.autograd.grad(x ** 3, x)
print(g, x.grad)

# %% autograd-grad-create-graph
import torch
x = torch.tensor(2.0, requires_grad=True)
(g,) = torch.autograd.grad(x ** 3, x, create_graph=True)
(g2,) = torch.autograd.grad(g, x)
print(g, g2)

# %% backward-with-gradient-arg
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.backward(torch.tensor([1.0, 0.1, 0.01]))
print(x.grad)

# %% backward-non-scalar-mistake
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
# mistake
(x * 2).backward()

# %% version-counter-error
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.sigmoid()
z = y * 2
y.mul_(2)
# mistake
z.sum().backward()
print(x.grad)

# %% version-counter-exp
import torch
a = torch.tensor([0.0, 1.0], requires_grad=True)
b = a.exp()
b.add_(1)
# mistake
b.sum().backward()

# %% version-attribute
import torch
x = torch.zeros(2)
print(x._version)
x.add_(1)
x[0] = 5
print(x._version)

# %% inplace-on-non-leaf-ok
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.add_(1)
y.sum().backward()
print(y, x.grad)

# %% inplace-relu-non-leaf
import torch
x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = x * 1
y.relu_()
(y * 3).sum().backward()
print(x.grad)

# %% inplace-on-leaf-mistake
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
# mistake
w -= 0.1 * torch.ones(2)

# %% inplace-on-leaf-under-no-grad
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w ** 2).sum().backward()
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.requires_grad, w.grad_fn)

# %% setitem-on-leaf-mistake
import torch
w = torch.zeros(3, requires_grad=True)
# mistake
w[0] = 1.0

# %% detach-stops-gradient
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x * x.detach()
y.backward()
print(x.grad)

# %% no-grad-decorator
import torch
@torch.no_grad()
def predict(x):
    return x * 2
x = torch.ones(2, requires_grad=True)
print(predict(x).requires_grad)

# %% enable-grad-inside-no-grad
import torch
x = torch.ones(1, requires_grad=True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
print(y.requires_grad)

# %% inference-mode
import torch
x = torch.ones(2, requires_grad=True)
with torch.inference_mode():
    y = x + 1
print(y.requires_grad, torch.is_grad_enabled())

# %% set-grad-enabled
import torch
x = torch.ones(1, requires_grad=True)
with torch.set_grad_enabled(False):
    y = x * 3
print(y.requires_grad)

# %% grad-accumulates-twice
import torch
x = torch.tensor(1.0, requires_grad=True)
for _ in range(3):
    (x * 4).backward()
print(x.grad)

# %% backward-twice-mistake
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x.exp()
y.backward()
# mistake
y.backward()

# %% backward-twice-retain-graph
import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
y.backward(retain_graph=True)
y.backward()
print(x.grad)

# %% grad-of-int-tensor-mistake
import torch
# mistake
torch.tensor([1, 2, 3], requires_grad=True)

# %% grad-fn-next-functions
import torch
x = torch.tensor(1.0, requires_grad=True)
y = (x * 2).exp()
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())

# %% requires-grad-propagation
import torch
a = torch.ones(2)
b = torch.ones(2, requires_grad=True)
print((a + 1).requires_grad, (a + b).requires_grad, (a * b).is_leaf)

# %% leaf-grad-warning-non-leaf
import torch
x = torch.tensor(1.0, requires_grad=True)
y = x * 2
y.backward()
print(y.grad)

# %% requires-grad-underscore
import torch
x = torch.ones(2).requires_grad_()
print(x.requires_grad, x.is_leaf)
