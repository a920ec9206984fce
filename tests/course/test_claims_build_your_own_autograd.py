"""Lesson 14, Build your own autograd: what its cells print is what its prose says; the
scalar `Value` engine it builds (run from the page's own cells) gets the gradients autograd
gets, and the bugs its quiz and challenge describe do what they say; the broadcasting and
matrix-product rules; a custom `torch.autograd.Function` and `gradcheck` as the lesson
describes them. Each claim about PyTorch runs under microtorch and PyTorch."""

from __future__ import annotations

import importlib
import inspect
import warnings

import numpy as np
import pytest

from tests.support.course import cells, printed_by

SLUG = "build-your-own-autograd"


def printed(torch, title):
    return printed_by(SLUG, torch, title)


def engine(*titles):
    """A namespace holding the page's scalar engine: the `Value` cell and the cells named."""
    scope: dict = {}
    for title in ("Value: a number and the slopes to its inputs", *titles):
        exec(next(cell.code for cell in cells(SLUG) if cell.title == title), scope)
    return scope


def solved_engine():
    return engine("topological_order, solved", "backward, solved")


def float64(torch, rows):
    return torch.tensor(rows, dtype=torch.float64, requires_grad=True)


def matmul_function(torch, rule):
    """The lesson's MatMul, with the backward rule `rule(g, x, w)`."""
    class MatMul(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x, w):
            ctx.save_for_backward(x, w)
            return x @ w

        @staticmethod
        def backward(ctx, g):
            return rule(g, *ctx.saved_tensors)
    return MatMul


def right_rule(g, x, w):
    return g @ w.T, x.T @ g


X = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.0, 1.0, 3.0], [-2.0, 0.5, 1.0]]
W = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
SQUARE = [[1.0, -0.5, 0.0], [0.25, 2.0, 1.0], [-1.5, 0.75, 0.5]]


# --- the scalar engine ----------------------------------------------------------------------------

def test_the_worked_example_and_the_graph_are_what_the_prose_says(torch, lesson_text):
    out = printed(torch, "Value: a number and the slopes to its inputs")
    assert out.splitlines() == ["Value(-4, grad=0)", "[(-6.0, 1.0), (2.0, 1.0)]"]
    assert printed(torch, "The chain rule by hand, along the recorded slopes").splitlines() == ["df/da = -2.0", "df/db = 2.0"]
    assert printed(torch, "Every Value in the graph, each once").strip() == "4 values: [-6.0, -4.0, -3.0, 2.0]"
    said = lesson_text(SLUG)
    assert "so $\\partial f/\\partial a = -3 + 1 = -2$" in said and "$\\partial f/\\partial b = 1 \\times 2 = 2$" in said


def test_the_solved_engine_gets_autograds_gradients_and_the_checks_pass(torch):
    scope = solved_engine()
    Value, tanh, backward = scope["Value"], scope["tanh"], scope["backward"]
    a, b = Value(2.0), Value(-3.0)
    f = a * b + a
    backward(f)
    ta, tb = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (2.0, -3.0))
    (ta * tb + ta).backward()
    assert (a.grad, b.grad) == (ta.grad.item(), tb.grad.item()) == (-2.0, 2.0)
    x = Value(0.7)
    y = tanh(x * x) * 3 + x
    backward(y)
    tx = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
    (torch.tanh(tx * tx) * 3 + tx).backward()
    assert x.grad == pytest.approx(tx.grad.item(), rel=1e-12)
    out = printed(torch, "Check backward against autograd")
    assert out.splitlines()[0] == "d loss/d a: yours 2.5025, autograd's 2.5025"
    assert "6 values" in printed(torch, "Check topological_order")


def test_the_exercise_cells_as_shipped_fail_their_checks():
    """A reader who runs a check before writing the function sees it fail, with a message."""
    shipped = engine("Exercise: topological_order", "Exercise: backward")
    check = next(cell.code for cell in cells(SLUG) if cell.title == "Check topological_order")
    with pytest.raises(AssertionError, match="the root should come last"):
        exec(check, shipped)
    solved_order = engine("topological_order, solved", "Exercise: backward")
    a = solved_order["Value"](2.0)
    solved_order["backward"](a * a)
    assert a.grad == 0.0, "the shipped backward should leave the gradients at 0"


def test_assigning_instead_of_adding_keeps_one_share(torch):
    scope = solved_engine()
    Value = scope["Value"]

    def assigning_backward(root):
        order = scope["topological_order"](root)
        root.grad = 1.0
        for v in reversed(order):
            for inp, slope in v.inputs:
                inp.grad = slope * v.grad
    x = Value(3.0)
    assigning_backward(x * x)
    t = torch.tensor(3.0, requires_grad=True)
    (t * t).backward()
    assert (x.grad, t.grad.item()) == (3.0, 6.0)


def test_passing_on_at_the_first_share_loses_the_later_ones():
    """The challenge's Conceptual problem: h = x * 2, f = h * h + h, eager depth-first."""
    scope = solved_engine()
    Value = scope["Value"]
    x = Value(1.5)
    h = x * 2
    f = h * h + h
    passed = set()

    def eager(v, share):
        v.grad += share
        if v not in passed:
            passed.add(v)
            for inp, slope in v.inputs:
                eager(inp, slope * v.grad)
    eager(f, 1.0)
    right = 2 * (2 * 3.0 + 1)   # df/dh = 2h + 1 at h = 3, times dh/dx = 2
    assert x.grad < right
    scope["backward"](f)
    assert x.grad == right


# --- arrays: broadcasting and matrix products -----------------------------------------------------

def test_the_broadcast_cells_print_what_the_prose_says(torch):
    out = printed(torch, "A bias row added to every row")
    assert "tensor([3., 4.]) is the sum over rows: tensor([3., 4.])" in out
    assert "gradient of shape (2, 1), as autograd's" in printed(torch, "Check sum_to against autograd")


def test_sum_to_size_is_the_lessons_sum_to(torch):
    sum_to = engine("sum_to, solved")["sum_to"]
    g = torch.arange(24.0).reshape(4, 2, 3)
    for shape in [(2, 3), (1, 3), (2, 1), (3,), (1, 1, 1), (4, 1, 3), ()]:
        assert torch.equal(sum_to(g, torch.Size(shape)), g.sum_to_size(shape)), shape


def test_the_jacobian_of_a_product_is_what_the_prose_counts(torch):
    functional = importlib.import_module(f"{torch.__name__}.autograd.functional")
    jac = functional.jacobian(lambda x: x @ torch.ones(4, 2), torch.ones(3, 4))
    assert tuple(jac.shape) == (3, 2, 3, 4)   # (outputs) x (inputs): for (100, 100) @ (100, 100), 10^4 x 10^4
    assert int((jac != 0).sum()) == 3 * 2 * 4   # each output depends on one row of x


def test_the_matrix_rules_and_the_quizs_wrong_ones(torch):
    x, w = torch.ones(8, 5, requires_grad=True), torch.ones(5, 2, requires_grad=True)
    g = torch.arange(16.0).reshape(8, 2)
    (x @ w).backward(g)
    assert torch.equal(w.grad, x.detach().T @ g) and torch.equal(x.grad, g @ w.detach().T)
    assert tuple((g.T @ x.detach()).shape) == (2, 5)
    with pytest.raises(RuntimeError):
        x.detach() @ g.T


# --- a custom Function ----------------------------------------------------------------------------

def test_the_custom_function_cells_print_what_the_prose_says(torch):
    out = printed(torch, "matmul_backward as a custom Function")
    assert out.splitlines() == ["MatMulBackward", "same gradient as the built-in @: True"]


def test_forward_records_nothing_and_an_instance_cannot_be_called(torch):
    seen = {}

    class Double(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x, k):
            seen["inside"] = (x * k).requires_grad
            return x * k

        @staticmethod
        def backward(ctx, g):
            seen["needs"] = ctx.needs_input_grad
            return g * 2, None

    x = torch.ones(2, requires_grad=True)
    Double.apply(x, 3.0).sum().backward()   # a None for the number is accepted
    assert seen == {"inside": False, "needs": (True, False)} and x.grad.tolist() == [2.0, 2.0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # instantiating is deprecated
        instance = Double()
    with pytest.raises(RuntimeError, match="non-static forward"):
        instance(x)


def test_a_none_for_an_input_that_needs_no_gradient_is_fine(torch):
    def lean(g, x, w):
        return None, x.T @ g
    inputs, w = torch.ones(3, 2), torch.ones(2, 2, requires_grad=True)
    matmul_function(torch, lean).apply(inputs, w).sum().backward()
    assert w.grad.tolist() == [[3.0, 3.0], [3.0, 3.0]]


def test_a_broadcast_gradient_is_summed_and_an_impossible_shape_refused(torch):
    def add_bias(returned):
        class AddBias(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x, b):
                return x + b

            @staticmethod
            def backward(ctx, g):
                return g, returned(g)
        return AddBias
    x, b = torch.ones(2, 3, requires_grad=True), torch.zeros(3, requires_grad=True)
    add_bias(lambda g: g).apply(x, b).sum().backward()
    assert b.grad.tolist() == [2.0, 2.0, 2.0]
    with pytest.raises(RuntimeError, match="invalid gradient at index 1"):
        add_bias(lambda g: torch.ones(2, 2)).apply(x, b).sum().backward()
    forgiven = add_bias(lambda g: g)
    assert torch.autograd.gradcheck(forgiven.apply, (float64(torch, X), float64(torch, [1.0, 2.0, 3.0])))


def test_a_numpy_result_is_a_new_leaf_that_gradients_never_leave(torch):
    """The challenge's Model Choice: `.requires_grad_()` does not connect a NumPy result to x."""
    x = torch.tensor([0.5, 1.0], requires_grad=True)
    with torch.enable_grad():
        y = torch.tensor(np.exp(x.detach().numpy())).requires_grad_()
    assert y.grad_fn is None and y.is_leaf
    y.sum().backward()
    assert x.grad is None


# --- gradcheck ------------------------------------------------------------------------------------

def test_gradchecks_defaults_are_the_lessons(torch):
    defaults = inspect.signature(torch.autograd.gradcheck).parameters
    assert (defaults["eps"].default, defaults["atol"].default, defaults["rtol"].default) == (1e-6, 1e-5, 1e-3)
    assert defaults["raise_exception"].default is True


def test_gradcheck_seeds_backward_with_one_output_number_at_a_time(torch):
    seeds = []

    def recording(g, x, w):
        seeds.append(g.detach().clone())
        return right_rule(g, x, w)
    assert torch.autograd.gradcheck(matmul_function(torch, recording).apply, (float64(torch, X), float64(torch, W)))
    one_hot = {tuple(s.reshape(-1).tolist()) for s in seeds if s.sum().item() == 1 and (s != 0).sum().item() == 1}
    assert len(one_hot) == 8   # each of the 4 x 2 output numbers in turn


def test_the_gradcheck_cells_print_what_the_prose_says(torch):
    assert printed(torch, "gradcheck passes the rule").strip() == "True"
    assert printed(torch, "gradcheck catches a missing transpose").splitlines() == [
        "False", "Jacobian mismatch for output 0 with respect to input 0,"]
    assert printed(torch, "The same correct rule, checked in float32").splitlines() == [
        "False", "warning: Input #0 requires gradient"]


def test_a_missing_transpose_is_a_mismatch_in_x_only(torch):
    gradcheck_module = importlib.import_module(f"{torch.__name__}.autograd.gradcheck")
    forgot = matmul_function(torch, lambda g, x, w: (g @ w, x.T @ g))
    with pytest.raises(gradcheck_module.GradcheckError) as caught:
        torch.autograd.gradcheck(forgot.apply, (float64(torch, X), float64(torch, SQUARE)))
    message = str(caught.value)
    assert isinstance(caught.value, RuntimeError)
    assert message.startswith("Jacobian mismatch for output 0 with respect to input 0,\nnumerical:")
    assert "\nanalytical:" in message
    fixed_x = matmul_function(torch, lambda g, x, w: (g @ w.T, x.T @ g))
    assert torch.autograd.gradcheck(fixed_x.apply, (float64(torch, X), float64(torch, SQUARE)))


def test_raise_exception_false_does_not_swallow_an_impossible_shape(torch):
    wrong_shape = matmul_function(torch, lambda g, x, w: (g @ w.T, g.T @ x))
    with pytest.raises(RuntimeError, match="invalid gradient at index 1"):
        torch.autograd.gradcheck(wrong_shape.apply, (float64(torch, X), float64(torch, W)), raise_exception=False)


@pytest.mark.parametrize("rule", [
    lambda g, x, w: (right_rule(g, x, w)[0] * -1, right_rule(g, x, w)[1] * -1),
    lambda g, x, w: ((g * 0 + 1) @ w.T, x.T @ (g * 0 + 1)),   # as if g were all ones
], ids=["negated", "ignores-g"])
def test_the_quizs_wrong_rules_return_false(torch, rule):
    function = matmul_function(torch, rule)
    assert torch.autograd.gradcheck(function.apply, (float64(torch, X), float64(torch, W)), raise_exception=False) is False


def test_ignoring_g_is_caught_even_for_one_output_number(torch):
    class Square(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return 2 * x
    gradcheck_module = importlib.import_module(f"{torch.__name__}.autograd.gradcheck")
    with pytest.raises(gradcheck_module.GradcheckError, match="backward not multiplied by grad_output"):
        torch.autograd.gradcheck(Square.apply, (torch.tensor(1.5, dtype=torch.float64, requires_grad=True),))


def test_float32_warns_for_every_input_and_fails_a_right_rule(torch):
    x32 = torch.tensor(X, requires_grad=True)
    w32 = torch.tensor(W, requires_grad=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert not torch.autograd.gradcheck(matmul_function(torch, right_rule).apply, (x32, w32), raise_exception=False)
    starts = sorted(str(w.message).split(" and ")[0] for w in caught)
    assert starts == ["Input #0 requires gradient", "Input #1 requires gradient"]
    assert "not a double precision floating point" in str(caught[0].message)
    assert 1e-7 < np.finfo(np.float32).eps < 2e-7   # "about 7 significant digits"


def test_the_hyperparameter_problems_wrong_fixes_do_what_its_explanation_says(torch):
    f = matmul_function(torch, right_rule).apply
    x32, w32 = torch.tensor(X, requires_grad=True), torch.tensor(W, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert not torch.autograd.gradcheck(f, (x32, w32), eps=1e-9, raise_exception=False)   # worse, not better
        assert torch.autograd.gradcheck(f, (x32, w32), atol=0.5, raise_exception=False)
        too_large = matmul_function(torch, lambda g, x, w: (g @ w.T * 1.2, x.T @ g)).apply
        assert torch.autograd.gradcheck(too_large, (x32, w32), atol=0.5, raise_exception=False)   # hides a bug
    assert not torch.autograd.gradcheck(too_large, (float64(torch, X), float64(torch, W)), raise_exception=False)
    assert torch.autograd.gradcheck(f, (float64(torch, X), float64(torch, W)))


def test_microtorch_has_the_unbroadcast_the_lesson_points_to():
    engine_module = importlib.import_module("microtorch.engine")
    assert np.array_equal(engine_module._unbroadcast(np.ones((4, 2, 3)), (2, 1)), np.full((2, 1), 12.0))
