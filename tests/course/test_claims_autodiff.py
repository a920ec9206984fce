"""What lesson 3 (autodiff) claims about PyTorch, run; and the old wrong sentences gone."""

from __future__ import annotations

import re

import yaml

from tests.support.course import DOCS, problems

SLUG = "autodiff"


def quiz_question(question_id: str) -> dict:
    quiz = yaml.safe_load((DOCS / "lessons" / SLUG / "quiz.yml").read_text(encoding="utf-8"))
    return next(q for q in quiz["questions"] if q["id"] == question_id)


def test_the_chain_value_question_is_keyed_to_what_autograd_computes(torch):
    x = torch.tensor(2.0, requires_grad=True)
    u = 3 - 2 * x
    (u ** 2).backward()
    question = quiz_question("chain-value")
    assert "$u = 3 - 2x$" in question["prompt"] and "$x = 2$" in question["prompt"]
    keyed = [o["text"] for o in question["options"] if o["correct"]]
    assert keyed == [str(int(x.grad.item()))]


def test_a_created_tensor_is_a_leaf_and_has_no_gradient_before_backward(torch):
    x = torch.tensor(2.0, requires_grad=True)
    z = x * 3
    assert x.is_leaf and x.grad_fn is None and x.grad is None
    assert type(z.grad_fn).__name__ == "MulBackward0"


def test_two_paths_to_one_tensor_add(torch):
    x = torch.tensor(2.0, requires_grad=True)
    (x**3 + 2*x).backward()
    assert x.grad.item() == 3 * 2.0**2 + 2


def test_a_nudge_of_1e_minus_30_vanishes_in_float64(torch):
    w = torch.tensor(1.0, dtype=torch.float64)
    assert (w + 1e-30).item() == w.item()


# --- what the page says ----------------------------------------------------------------------

def test_the_chain_value_exercise_is_not_the_worked_example(lesson_text):
    worked = re.search(r"Worked example: \$z = u\^2\$ with \$u = (.*?)\$, at \$x = (\d)\$", lesson_text(SLUG))
    prompt = quiz_question("chain-value")["prompt"]
    assert worked and f"u = {worked[1]}" not in prompt


def test_backward_is_not_said_to_cost_the_same_as_the_forward_pass(lesson_text):
    said = lesson_text(SLUG)
    for old in ("about the same as the forward pass", "similar to one forward pass",
                "cost of one more pass", "one extra pass", "cost close to that of the forward pass"):
        assert old not in said, f"the lesson still says {old!r}"
    assert "two to three times" in said


def test_the_chain_rule_challenge_is_not_the_worked_example(torch, lesson_text):
    """The worked example squares 2x + 1; the challenge's Predict Output must practise another
    function, and its explanation's slopes must be the ones autograd multiplies."""
    assert re.search(r"Worked example: \$z = u\^2\$ with \$u = 2x \+ 1\$", lesson_text(SLUG))
    problem = next(p for p in problems(SLUG) if p["id"] == "chain-rule-output")
    assert "2 * x + 1" not in problem["code"]
    x = torch.tensor(1.0, requires_grad=True)
    u = 3 - x
    u.retain_grad()
    (u ** 3).backward()
    assert (u.grad.item(), x.grad.item()) == (12.0, -12.0)   # outer slope 3u^2, times the inner -1
