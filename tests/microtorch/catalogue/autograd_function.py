# torch.autograd beyond backward: custom Functions, gradcheck, functional.jacobian and vjp,
# inference_mode.

# %% function-cube
import torch

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x ** 2

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = Cube.apply(x)
print(y)
print(type(y.grad_fn).__name__, y.grad_fn.name(), repr(y.grad_fn).split(" object")[0])
print([f.name() for f, _ in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad)

# %% function-ctx-attributes-and-non-tensor-args
import torch

class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k, label):
        ctx.k = k
        ctx.label = label
        print("needs", ctx.needs_input_grad)
        return x * k

    @staticmethod
    def backward(ctx, grad):
        print("backward of", ctx.label)
        return grad * ctx.k, None, None

x = torch.tensor([1., 2.], requires_grad=True)
y = Scale.apply(x, 3.0, "scale")
print(len(y.grad_fn.next_functions))
y.sum().backward()
print(x.grad)

# %% function-two-inputs-needs-input-grad
import torch

class Mul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        print(ctx.needs_input_grad)
        return grad * b if ctx.needs_input_grad[0] else None, grad * a if ctx.needs_input_grad[1] else None

a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.])
Mul.apply(a, b).sum().backward()
print(a.grad, b.grad)
print([f is None for f, _ in Mul.apply(a, b).grad_fn.next_functions])

# %% function-two-outputs
import torch

class SumAndProduct(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a + b, a * b

    @staticmethod
    def backward(ctx, g_sum, g_prod):
        a, b = ctx.saved_tensors
        print("grads in", g_sum, g_prod)
        return g_sum + g_prod * b, g_sum + g_prod * a

a = torch.tensor(2., requires_grad=True)
b = torch.tensor(5., requires_grad=True)
s, p = SumAndProduct.apply(a, b)
print(s, p)
(s + 10 * p).backward()
print(a.grad, b.grad)
s, p = SumAndProduct.apply(a, b)
p.backward()
print(a.grad, b.grad)

# %% function-non-differentiable-output
import torch

class MaxWithIndex(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        i = x.argmax()
        ctx.mark_non_differentiable(i)
        ctx.save_for_backward(i)
        ctx.n = x.shape[0]
        return x.max(), i

    @staticmethod
    def backward(ctx, g, g_index):
        (i,) = ctx.saved_tensors
        print("index grad", g_index)
        grad = torch.zeros(ctx.n)
        grad[i] = g
        return grad

x = torch.tensor([1., 5., 2.], requires_grad=True)
m, i = MaxWithIndex.apply(x)
print(m, i, m.requires_grad, i.requires_grad)
m.backward()
print(x.grad)

# %% function-returns-none-grad
import torch

class StopGradient(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 1

    @staticmethod
    def backward(ctx, grad):
        return None

x = torch.tensor([1., 2.], requires_grad=True)
(StopGradient.apply(x) + x).sum().backward()
print(x.grad)

# %% function-identity-output-is-new
import torch

class Identity(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad * 2

x = torch.tensor([1., 2.], requires_grad=True)
y = Identity.apply(x)
print(y is x, y.grad_fn.name(), x.grad_fn)
y.sum().backward()
print(x.grad)

# %% function-broadcast-gradient-summed
import torch

class SumBack(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.sum()

    @staticmethod
    def backward(ctx, grad):
        return torch.ones(4, 2) * grad

x = torch.tensor([1., 2.], requires_grad=True)
SumBack.apply(x).backward()
print(x.grad)

# %% function-no-grad-and-no-requires-grad
import torch

class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        print("grad enabled in forward:", torch.is_grad_enabled())
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 2

x = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    y = Double.apply(x)
print(y.requires_grad, y.grad_fn)
z = Double.apply(torch.ones(2))
print(z.requires_grad, z.grad_fn)

# %% function-inside-a-model
import torch

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 2 * x * grad

w = torch.tensor([0.5, -1.0], requires_grad=True)
x = torch.tensor([[1., 2.], [3., 4.]])
loss = Square.apply(x @ w - 1).mean()
loss.backward()
print(loss, w.grad)

# %% function-saved-tensors-freed
import torch

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x ** 2

x = torch.tensor([1., 2.], requires_grad=True)
y = Cube.apply(x).sum()
y.backward()
y.grad_fn.next_functions[0][0].saved_tensors

# %% function-second-backward-freed
import torch

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x ** 2

x = torch.tensor([1., 2.], requires_grad=True)
y = Cube.apply(x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
y.backward()

# %% function-saved-tensor-modified
import torch

class Keep(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * x

x = torch.tensor([1., 2.], requires_grad=True)
h = x * 1
out = Keep.apply(h)
h.add_(1)
out.sum().backward()

# %% function-wrong-number-of-grads
import torch

class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad, grad

Bad.apply(torch.ones(2, requires_grad=True)).sum().backward()

# %% function-wrong-grad-shape
import torch

class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.sum()

    @staticmethod
    def backward(ctx, grad):
        return torch.ones(3)

Bad.apply(torch.ones(2, requires_grad=True)).backward()

# %% function-without-backward
import torch

class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

NoBackward.apply(torch.ones(2, requires_grad=True)).sum().backward()

# %% function-legacy-instance-call
import torch

class Legacy(torch.autograd.Function):
    def forward(self, x):
        return x * 2

    def backward(self, grad):
        return grad * 2

Legacy()(torch.ones(2, requires_grad=True))

# %% function-inference-tensor-saved
import torch

class Keep(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, c):
        ctx.save_for_backward(c)
        return x * c

    @staticmethod
    def backward(ctx, grad):
        (c,) = ctx.saved_tensors
        return grad * c, None

with torch.inference_mode():
    c = torch.ones(2)
Keep.apply(torch.ones(2, requires_grad=True), c)

# %% function-checked-by-gradcheck
import torch
from torch.autograd import gradcheck

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x ** 2

x = torch.tensor([0.5, -1.5, 2.0], dtype=torch.float64, requires_grad=True)
print(gradcheck(Cube.apply, (x,)))
print(gradcheck(Cube.apply, x, eps=1e-6, atol=1e-4))

# %% gradcheck-catches-a-wrong-backward
import torch
from torch.autograd import gradcheck
from torch.autograd.gradcheck import GradcheckError

class Wrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 3

x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
print(gradcheck(Wrong.apply, (x,), raise_exception=False))
try:
    gradcheck(Wrong.apply, (x,))
except GradcheckError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
    print(e)

# %% gradcheck-raises-first-line
import torch

class Wrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 3

torch.autograd.gradcheck(Wrong.apply, torch.tensor([1.], dtype=torch.float64, requires_grad=True))

# %% gradcheck-float32-warns-and-fails
import torch
x = torch.tensor([1., 2.], requires_grad=True)
print(torch.autograd.gradcheck(lambda t: t * 2, (x,), raise_exception=False))

# %% gradcheck-two-inputs-and-outputs
import torch
a = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
b = torch.tensor([3., -1.], dtype=torch.float64, requires_grad=True)
c = torch.tensor([1., 1.], dtype=torch.float64)
print(torch.autograd.gradcheck(lambda a, b, c, k: (a * b + c, (a / b).sum() * k), (a, b, c, 2.0)))
print(torch.autograd.gradcheck(lambda a, b: (a @ b).tanh().exp(), (a, b)))

# %% gradcheck-needs-an-input-requiring-grad
import torch
torch.autograd.gradcheck(lambda t: t * 2, (torch.tensor([1.], dtype=torch.float64),))

# %% gradcheck-second-input-mismatch
import torch

class HalfWrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b

    @staticmethod
    def backward(ctx, grad):
        return grad, grad

a = torch.tensor([2.], dtype=torch.float64, requires_grad=True)
b = torch.tensor([1.], dtype=torch.float64, requires_grad=True)
torch.autograd.gradcheck(HalfWrong.apply, (a, b))

# %% jacobian-elementwise
import torch
from torch.autograd.functional import jacobian
x = torch.tensor([1., 2., 3.])
J = jacobian(lambda t: t ** 2, x)
print(J, J.requires_grad, x.requires_grad)

# %% jacobian-shapes
import torch
from torch.autograd.functional import jacobian
print(jacobian(lambda t: t.sum(), torch.ones(3)))
print(jacobian(lambda t: (t * 2).reshape(3, 2, 1), torch.ones(2, 3)).shape)
print(jacobian(lambda t: t.exp(), torch.tensor(1.)))
print(jacobian(lambda t: t @ torch.tensor([[1., 2.], [3., 4.], [5., 6.]]), torch.ones(3)))

# %% jacobian-tuples
import torch
from torch.autograd.functional import jacobian
x = torch.tensor([1., 2., 3.])
y = torch.tensor([1., 1., 2.])
print(jacobian(lambda a, b: a * b, (x, y)))
print(jacobian(lambda a: (a * 2, a.sum()), x))
print(jacobian(lambda a, b: (a * b, a.sum()), (x, y)))

# %% jacobian-unused-and-integer-outputs
import torch
from torch.autograd.functional import jacobian
x = torch.tensor([1., 2.])
print(jacobian(lambda a: torch.ones(3), x))
print(jacobian(lambda a: (a * 3).long(), x))

# %% jacobian-of-a-linear-layer
import torch
import torch.nn as nn
lin = nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
    lin.bias.fill_(0.5)
J = jacobian = torch.autograd.functional.jacobian(lin, torch.ones(3))
print(J, torch.equal(J, lin.weight.detach()))
print(lin.weight.grad)

# %% jacobian-refusals-and-errors
import torch
from torch.autograd.functional import jacobian
x = torch.ones(2)
for call in (lambda: jacobian(lambda t: t, [x]), lambda: jacobian(lambda t: 3, x),
             lambda: jacobian(lambda t: t, 2.0), lambda: jacobian(lambda t: t, (x, 1))):
    try:
        call()
    except TypeError as e:
        print(e)

# %% vjp-basic
import torch
from torch.autograd.functional import vjp
x = torch.tensor([1., 2., 3.])
print(vjp(lambda t: t ** 2, x, torch.ones(3)))
print(vjp(lambda t: t.sum(), x))
out, g = vjp(lambda t: (t * 2).sum(), torch.ones(2, requires_grad=True))
print(out.requires_grad, g.requires_grad)

# %% vjp-tuples
import torch
from torch.autograd.functional import vjp
x = torch.tensor([1., 2., 3.])
print(vjp(lambda a, b: a * b, (x, x * 2), torch.ones(3)))
print(vjp(lambda t: (t * 2, t.sum()), x, (torch.ones(3), torch.tensor(1.))))
print(vjp(lambda a, b: a * 2, (x, x), torch.ones(3)))

# %% vjp-v-required
import torch
torch.autograd.functional.vjp(lambda t: t ** 2, torch.ones(3))

# %% vjp-v-wrong-size
import torch
torch.autograd.functional.vjp(lambda t: t * 2, torch.ones(3), torch.ones(2))

# %% inference-mode-basics
import torch
w = torch.tensor([1., 2.], requires_grad=True)
with torch.inference_mode():
    a = w * 2
    print(a.requires_grad, a.is_inference(), torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    c = torch.ones(2)
print(a.is_inference(), c.is_inference(), w.is_inference(), torch.is_inference_mode_enabled())
print(c.clone().is_inference(), c.detach().is_inference(), c[0].is_inference(), c.view(2, 1).is_inference())

# %% inference-mode-false-inside
import torch
w = torch.tensor([1., 2.], requires_grad=True)
with torch.inference_mode():
    with torch.inference_mode(False):
        b = w * 2
        print(b.requires_grad, b.is_inference(), torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    print(torch.is_grad_enabled())
with torch.no_grad():
    with torch.inference_mode(mode=False):
        print(torch.is_grad_enabled())

# %% inference-mode-decorators
import torch
w = torch.tensor([1., 2.], requires_grad=True)

@torch.inference_mode()
def predict(x):
    return x * 2

@torch.inference_mode
def predict_bare(x):
    return x * 3

@torch.no_grad
def no_grad_bare(x):
    return x * 4

@torch.enable_grad
def with_grad(x):
    return x * 5

print(predict(w).is_inference(), predict_bare(w).is_inference(), predict_bare(w))
print(no_grad_bare(w).requires_grad, predict.__name__, predict_bare.__name__)
with torch.no_grad():
    print(with_grad(w).requires_grad)

# %% inference-tensor-in-a-graph
import torch
w = torch.tensor([1., 2.], requires_grad=True)
with torch.inference_mode():
    c = torch.ones(2)
(w + c).sum().backward()
print(w.grad)
(w * c).sum().backward()

# %% inference-tensor-inplace-outside
import torch
with torch.inference_mode():
    c = torch.ones(2)
    c.add_(1)
print(c)
try:
    c.mul_(2)
except RuntimeError as e:
    print(str(e)[:40])
print(c)
c[0] = 0

# %% inference-tensor-requires-grad-refused
import torch
with torch.inference_mode():
    c = torch.ones(2)
c.requires_grad_()

# %% inference-tensor-has-no-version
import torch
with torch.inference_mode():
    c = torch.ones(2)
print(c.clone().is_inference())
print(c._version)

# %% function-keyword-argument-and-none-saved
import torch
from torch.autograd.function import once_differentiable

class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k=1.0):
        ctx.save_for_backward(x, None)
        ctx.k = k
        return x * k

    @staticmethod
    @once_differentiable
    def backward(ctx, grad):
        x, nothing = ctx.saved_tensors
        print(x, nothing)
        return grad * ctx.k, None

x = torch.ones(2, requires_grad=True)
Scale.apply(x, k=3.0).sum().backward()
print(x.grad)

# %% function-save-a-number-refused
import torch

class SaveNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(3)
        return x * 1

    @staticmethod
    def backward(ctx, grad):
        return grad

SaveNumber.apply(torch.ones(2, requires_grad=True))

# %% function-returns-a-number
import torch

class Number(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return 3.0

    @staticmethod
    def backward(ctx, grad):
        return grad

print(Number.apply(torch.ones(2, requires_grad=True)))

# %% function-setup-context-style
import torch
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(x, k):
        print("fwd grad", torch.is_grad_enabled())
        return x ** 3 * k
    @staticmethod
    def setup_context(ctx, inputs, output):
        x, k = inputs
        print("setup", type(inputs).__name__, output.requires_grad, torch.is_grad_enabled(), ctx.needs_input_grad)
        ctx.save_for_backward(x)
        ctx.k = k
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 3 * x ** 2 * ctx.k, None
x = torch.tensor([1., 2.], requires_grad=True)
y = Cube.apply(x, 2.0); print(y)
y.sum().backward(); print(x.grad)
with torch.no_grad(): print(Cube.apply(x, 1.0))

# %% gradcheck-outputs-without-grad
import torch
from torch.autograd import gradcheck
x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
print(gradcheck(lambda t: torch.ones(2, dtype=torch.float64), (x,)))
print(gradcheck(lambda t: (t * 2, t.argmax()), (x,)), gradcheck(lambda t: [t * 2, t * 3], (x,)))
print(x._version)
gradcheck(lambda t: t.detach() * 2, (x,))

# %% gradcheck-backward-not-linear
import torch

class Offset(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 2 + 1e-3

x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(Offset.apply, (x,), raise_exception=False))
torch.autograd.gradcheck(Offset.apply, (x,))

# %% function-returns-a-non-tensor-gradient
import torch

class Unfinished(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w):
        return x * w

    @staticmethod
    def backward(ctx, grad):
        return ..., grad   # a placeholder left in place of a gradient

x, w = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
Unfinished.apply(x, w).sum().backward()
