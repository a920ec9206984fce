"""Lesson 4, Gradients in practice: what it says about detach, leaves, freed graphs and
accumulation is what the libraries do, and the old wrong sentences stay gone (the keys are
checked for the whole course in test_keys.py)."""

from __future__ import annotations

import re
import warnings

import pytest

from tests.support.course import cells, text, widgets

SLUG = "gradients-in-practice"



# --- detach: same memory, no history ----------------------------------------------------------

def test_detach_shares_memory_with_the_original(torch):
    y = torch.tensor([1.0, 2.0], requires_grad=True) * 3
    d = y.detach()
    d[0] = 100.0
    assert y[0].item() == 100.0, "writing into y.detach() must change y: they share memory"
    assert (d.requires_grad, d.grad_fn, d.is_leaf) == (False, None, True)


def test_changing_a_saved_value_through_detach_breaks_backward(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()                        # exp saves its output for the backward pass
    y.detach().zero_()
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.sum().backward()


def test_detach_clone_is_an_independent_copy(torch):
    y = torch.tensor([1.0, 2.0], requires_grad=True) * 3
    c = y.detach().clone()
    c[0] = 100.0
    assert y[0].item() == 3.0 and c.grad_fn is None


def test_the_lesson_shows_shared_memory_and_the_copy():
    codes = [cell.code for cell in cells(SLUG)]
    assert any(re.search(r"\.detach\(\)\n\w+\[0\] = ", code) for code in codes), \
        "no cell writes through a detached tensor to show the shared memory"
    assert any(".detach().clone()" in code for code in codes), "no cell shows detach().clone()"
    assert any(".zero_()" in code and "inplace" not in code and ".backward()" in code for code in codes), \
        "no cell shows the in-place error that a write through detach() can cause"


def test_detach_is_not_called_a_copy(lesson_text):
    words = lesson_text(SLUG)
    for sentence in re.split(r"(?<=[.!?])\s+", words):
        if "detach" in sentence and re.search(r"\bcopy\b", sentence, re.I) and not sentence.rstrip().endswith("?"):
            assert re.search(r"\bnot (a )?copy|clone\(\)|does \*\*not copy", sentence, re.I), \
                f"a sentence calls detach() a copy: {sentence.strip()[:160]!r}"
    assert "same numbers as `t`" not in words and "same values and no history" not in words


# --- leaves and .grad -------------------------------------------------------------------------

def test_only_leaves_store_grad_and_a_non_leaf_warns(torch):
    x = torch.tensor(3.0, requires_grad=True)
    y = x * 2
    (y ** 2).backward()
    assert y.requires_grad and not y.is_leaf
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert y.grad is None
    assert any(issubclass(w.category, UserWarning) for w in caught), "reading a non-leaf's .grad must warn"
    assert x.grad.item() == 24.0



def test_the_non_leaf_warning_shows_once_per_line(torch):
    """Lesson 4: the warning appears the first time the cell runs; a rerun prints only `None`."""
    cell = "x = torch.tensor(3.0, requires_grad=True)\ny = x * 2\n(y ** 2).backward()\nprint(y.grad)\n"
    scope = {"torch": torch}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(2):           # the page runs a cell again in the same namespace
            exec(compile(cell, "<cell>", "exec"), scope)
    assert len([w for w in caught if "not a leaf" in str(w.message)]) == 1

def test_lesson_says_backward_fills_only_leaves():
    page = text(SLUG)
    assert "Only leaves keep their `.grad`" not in page
    assert "only for\nleaves that have `requires_grad=True`" in page or \
           re.search(r"only for\s+leaves that have `requires_grad=True`", page)


# --- a second backward ------------------------------------------------------------------------

def test_a_second_backward_fails_only_when_the_graph_saved_values(torch):
    x = torch.tensor(3.0, requires_grad=True)
    z = x * x
    z.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        z.backward()
    doubled = x * 2                    # the lesson says even this saves a value
    doubled.backward()
    with pytest.raises(RuntimeError, match="second time"):
        doubled.backward()
    x.grad = None
    s = x + 1                          # an addition saves nothing
    s.backward()
    s.backward()
    assert x.grad.item() == 2.0


def test_retain_graph_allows_a_second_pass_that_adds(torch):
    x = torch.tensor(3.0, requires_grad=True)
    z = x * x
    z.backward(retain_graph=True)
    z.backward()
    assert x.grad.item() == 12.0


# --- accumulation -----------------------------------------------------------------------------

def test_two_halves_divided_by_two_give_the_full_batch_gradient(torch):
    xs, ys = torch.tensor([1.0, 2.0, 3.0, 4.0]), torch.tensor([2.0, 4.0, 6.0, 8.0])
    w = torch.tensor(0.0, requires_grad=True)
    ((w * xs - ys) ** 2).mean().backward()
    full = w.grad.item()
    w.grad = None
    for xb, yb in [(xs[:2], ys[:2]), (xs[2:], ys[2:])]:
        (((w * xb - yb) ** 2).mean() / 2).backward()
    assert w.grad.item() == pytest.approx(full)
    per_example = [(2 * (0.0 * x - y) * x) for x, y in zip([1, 2, 3, 4], [2, 4, 6, 8])]
    assert full == pytest.approx(sum(per_example) / 4), "a mean's gradient is the summed gradients over N"


def test_the_accumulation_exercise_is_not_the_worked_cell_again(torch):
    quiz = {q["id"]: q for quiz in widgets(SLUG)["quiz"] for q in quiz["questions"]}
    prompt = quiz["loop-accumulates"]["prompt"]
    assert "(x * 2).backward()` three times" not in prompt, "the quiz repeats the predict cell"
    w = torch.tensor(3.0, requires_grad=True)
    for _ in range(2):
        (w * w).backward()             # a fresh graph each time: no error
    keyed = [o["text"] for o in quiz["loop-accumulates"]["options"] if o["correct"]]
    assert keyed == ["`" + str(w.grad) + "`"] == ["`tensor(12.)`"]
