"""Lesson 6, Inside autograd: the hook order, the diamond graph, the sigmoid and Cauchy rules
it teaches hold under microtorch and PyTorch; ReLU is defined before softplus leans on it; no
bit-equality with PyTorch is claimed; softplus is practised once, not three times; the
`torch.autograd.Function` example prints what it says under PyTorch."""

from __future__ import annotations

import math
import re

import pytest

from tests.support.course import fences, page, problems, text, widgets

SLUG = "inside-autograd"


def test_a_tensor_used_twice_gets_one_hook_call_with_the_sum(torch):
    x = torch.tensor(1.0, requires_grad=True)
    a = x * 3
    b = a * a
    c = b + a
    seen = []
    for name, t in [("c", c), ("b", b), ("a", a)]:
        t.register_hook(lambda g, name=name: seen.append((name, g.item())))
    c.backward()
    assert seen == [("c", 1.0), ("b", 1.0), ("a", 7.0)]
    assert x.grad.item() == 21.0


def test_the_challenges_diamond_is_a_new_graph(torch):
    x = torch.tensor(1.0, requires_grad=True)
    a = x * 2
    c = (a * a) * a
    c.backward()
    assert x.grad.item() == 24.0
    diamond = next(p for p in problems(SLUG) if p["id"] == "diamond-gradient")
    assert "c = b + a" not in diamond["code"], "the challenge repeats the worked hook example"


def test_sigmoid_rule_needs_only_the_output(torch):
    x = torch.tensor([-2.0, 0.0, 0.7], requires_grad=True)
    y = torch.sigmoid(x)
    y.sum().backward()
    expected = (y * (1 - y)).detach()
    assert all(abs(a - b) < 1e-6 for a, b in zip(x.grad.tolist(), expected.tolist()))


def test_cauchy_gradient_is_two_x_over_one_plus_x_squared(torch):
    points = [-3.0, -1.0, 0.0, 0.25, 2.0]
    x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    (1 + x * x).log().sum().backward()
    assert x.grad.tolist() == pytest.approx([2 * p / (1 + p * p) for p in points])
    debug = next(p for p in problems(SLUG) if p["category"] == "Debug")
    scope: dict = {}
    exec(debug["solution"], scope)
    assert [scope["cauchy_backward"](p, 1.0) for p in points] == pytest.approx(x.grad.tolist())


def test_relu_is_what_the_lesson_defines(torch):
    assert torch.relu(torch.tensor([-1.5, 0.0, 2.0])).tolist() == [0.0, 0.0, 2.0]
    page_text = text(SLUG)
    defined = page_text.find(r"\operatorname{relu}(x) = \max(0, x)")
    assert defined != -1, "the lesson does not define ReLU"
    first_use = min(m.start() for m in re.finditer(r"relu|ReLU", page_text))
    assert page_text.rfind("\n\n", 0, first_use) == page_text.rfind("\n\n", 0, defined), \
        "ReLU is used before the paragraph that defines it"
    softplus = [math.log1p(math.exp(v)) for v in (-20.0, 20.0)]
    assert softplus == pytest.approx([0.0, 20.0], abs=1e-8), "softplus is close to relu far from 0"


def test_no_bit_equality_with_pytorch_is_claimed():
    page_text = text(SLUG)
    assert "matches PyTorch's" not in page_text and "bit-for-bit" not in page_text.lower()


def test_softplus_is_practised_once():
    yaml_texts = [path.read_text(encoding="utf-8") for path in page(SLUG).with_suffix("").glob("*.yml")]
    assert not [t for t in yaml_texts if "softplus" in t.lower()], \
        "softplus is the page's exercise; cards, quiz and challenge must practise something else"


def test_no_distractor_says_pytorch_fixes_a_wrong_rule():
    texts = [o["text"] for quiz in widgets(SLUG)["quiz"] for q in quiz["questions"] for o in q["options"]]
    assert not [t for t in texts if "corrects it automatically" in t]


def test_the_broken_cauchy_rule_agrees_only_where_two_x_is_one():
    """The Debug explanation: leaving out the inner slope 2x goes unnoticed at x = 0.5 alone,
    which is why the check uses several points, none of them 0.5."""
    debug = next(p for p in problems(SLUG) if p["id"] == "cauchy-rule")
    broken, fixed = {}, {}
    exec(debug["code"], broken)
    exec(debug["solution"], fixed)
    assert broken["cauchy_backward"](0.5, 1.0) == pytest.approx(fixed["cauchy_backward"](0.5, 1.0))
    points = [-3.0, -1.0, 0.0, 0.25, 2.0]
    assert f"for x in {points}" in debug["tests"]
    for point in points:
        assert broken["cauchy_backward"](point, 1.0) != pytest.approx(fixed["cauchy_backward"](point, 1.0))


def test_the_autograd_function_example_prints_what_its_comment_says(capsys):
    """The page's `torch.autograd.Function` version of sin is for a real install, so it is not a
    cell; run it under PyTorch and check the output its comment promises."""
    torch = pytest.importorskip("torch")
    block = next(code for info, code in fences(text(SLUG)) if "torch.autograd.Function" in code)
    promised = re.search(r"print\(x\.grad\)\s+# (.+)", block)[1]
    exec(block, {"torch": torch})
    assert capsys.readouterr().out.strip() == promised