"""Lesson 5, Learning rate and optimizers: a slightly too large learning rate makes the weight
zig-zag while the full-batch loss falls; momentum bounces the loss and steps up to
lr / (1 - momentum); Adam's first step is lr because of bias correction, and a growing gradient
can make later steps larger; the sum-versus-mean fix depends on the optimizer. Each claim runs
under microtorch and PyTorch, and the old wrong sentences stay gone."""

from __future__ import annotations

import math
import re
import warnings

import pytest

from tests.support.course import cells, text, widgets

SLUG = "learning-rate-and-optimizers"



def sgd_path(torch, lr, steps, momentum=0.0):
    """(w after each step, loss before each step) for L = (w - 3)^2 from w = 0."""
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=momentum)
    weights, losses = [], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = (w - 3) ** 2
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        weights.append(w.item())
    return weights, losses


# --- too large: the weight zig-zags, the loss does not -----------------------------------------

def test_slightly_too_large_lr_zigzags_the_weight_while_the_loss_falls(torch):
    weights, losses = sgd_path(torch, 0.95, 20)
    assert [round(w, 2) for w in weights[:4]] == [5.7, 0.57, 5.19, 1.03]
    assert [round(loss, 2) for loss in losses[:4]] == [9.0, 7.29, 5.9, 4.78]
    sides = [w > 3 for w in weights]
    assert all(a != b for a, b in zip(sides, sides[1:])), "w should land on alternate sides of 3"
    assert all(b < a for a, b in zip(losses, losses[1:])), "the full-batch loss should fall every step"


def test_lr_above_one_diverges(torch):
    weights, _ = sgd_path(torch, 1.05, 20)
    distances = [abs(w - 3) for w in weights]
    assert all(b > a for a, b in zip(distances, distances[1:]))



@pytest.mark.parametrize("momentum, second_move", [(0.0, 0.1), (0.9, 0.1 * (0.9 * 5 + 1))])
def test_only_momentum_carries_speed_from_one_step_to_the_next(torch, momentum, second_move):
    """Challenge `why-diverge`: plain SGD's step depends on the current gradient alone."""
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=momentum)
    moves = []
    for slope in [5.0, 1.0]:
        before = w.item()
        optimizer.zero_grad()
        (slope * w).backward()
        optimizer.step()
        moves.append(before - w.item())
    assert moves[1] == pytest.approx(second_move, rel=1e-5)

def test_momentum_makes_the_full_batch_loss_bounce(torch):
    _, losses = sgd_path(torch, 0.05, 12, momentum=0.9)
    rises = [i for i in range(1, len(losses)) if losses[i] > losses[i - 1]]
    assert rises, "with momentum the loss should go up on some steps"


def test_momentum_step_grows_to_lr_over_one_minus_mu(torch):
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    moves = []
    for _ in range(80):
        before = w.item()
        optimizer.zero_grad()
        w.backward()                   # gradient 1 every step
        optimizer.step()
        moves.append(before - w.item())
    assert moves[0] == pytest.approx(0.1)
    assert moves[-1] == pytest.approx(0.1 / (1 - 0.9), rel=1e-3)


@pytest.mark.parametrize("set_to_none, moves", [(False, True), (True, False)])
def test_a_velocity_moves_weights_whose_gradient_was_zeroed(torch, set_to_none, moves):
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    for _ in range(2):                 # two proper steps build up a velocity
        optimizer.zero_grad()
        ((w - 3) ** 2).backward()
        optimizer.step()
    before = w.item()
    ((w - 3) ** 2).backward()
    optimizer.zero_grad(set_to_none=set_to_none)   # the misplaced clear
    optimizer.step()
    assert (w.item() != before) is moves


def test_the_lesson_plots_w_beside_the_loss():
    plotted = [cell.code for cell in cells(SLUG) if "plt.show()" in cell.code and re.search(r"\.plot\([^)]*weights", cell.code)]
    assert plotted and ".plot(losses" in plotted[0], "no figure draws w beside the loss"


def test_no_item_says_the_loss_zigzags_for_a_slightly_large_lr(lesson_text):
    words = lesson_text(SLUG)
    for wrong in ["the loss zig-zags", "loss zig-zags down", "jumps up and down from step to step",
                  "Zig-zags are the classic sign", "steepest", "first step is exactly the learning rate"]:
        assert wrong.lower() not in words.lower(), f"the lesson still says {wrong!r}"
    cards = {c["id"]: c for deck in widgets(SLUG)["flashcards"] for c in deck["cards"]}
    assert "weight" in cards["too-large"]["back"] and "still falls" in cards["too-large"]["back"]
    quiz = {q["id"]: q for quiz in widgets(SLUG)["quiz"] for q in quiz["questions"]}
    keyed = [o for o in quiz["zigzag"]["options"] if o["correct"]]
    assert "`w` overshoots" in keyed[0]["text"]


def test_the_lesson_says_what_is_stochastic_about_sgd():
    assert re.search(r"\*stochastic\*: in real training each step computes the gradient on a random\s+mini-batch",
                     text(SLUG))


# --- Adam -------------------------------------------------------------------------------------

@pytest.mark.parametrize("scale", [1.0, 1000.0])
def test_adams_first_step_is_lr_whatever_the_loss_scale(torch, scale):
    w = torch.tensor(1.0, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.1)
    (scale * (w - 3) ** 2).backward()
    optimizer.step()
    assert w.item() - 1.0 == pytest.approx(0.1, abs=1e-6)


def test_adam_is_the_bias_corrected_update(torch):
    beta1, beta2, eps, lr = 0.9, 0.999, 1e-8, 0.1
    w = torch.tensor(1.0, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=lr)
    mine, m, v = 1.0, 0.0, 0.0
    uncorrected_first = None
    for t in range(1, 6):
        optimizer.zero_grad()
        ((w - 3) ** 2).backward()
        optimizer.step()
        g = 2 * (mine - 3)
        m, v = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g * g
        if t == 1:
            uncorrected_first = lr * m / (v ** 0.5 + eps)
        mine -= lr * (m / (1 - beta1 ** t)) / ((v / (1 - beta2 ** t)) ** 0.5 + eps)
        assert w.item() == pytest.approx(mine, abs=1e-5), f"step {t}"
    assert uncorrected_first == pytest.approx(-lr * 0.1 / 0.001 ** 0.5), "without correction: about 3.2 lr"


def test_the_lesson_describes_bias_correction():
    page_text = text(SLUG)
    assert "**bias correction**" in page_text and r"1 - \beta_1^t" in page_text



def test_adam_steps_beyond_lr_when_a_gradient_grows_past_its_history(torch):
    """Steady gradients give Adam steps of at most lr; a gradient that jumps far above its
    recent values moves m-hat (weight 0.1) faster than the root of v-hat (weight 0.001)."""
    lr = 0.1
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=lr)
    steps = []
    for g in [1e-3] * 1000 + [1.0]:
        before = w.item()
        optimizer.zero_grad()
        (g * w).backward()
        optimizer.step()
        steps.append(abs(w.item() - before))
    assert max(steps[:-1]) < lr * 1.001
    assert steps[-1] > 2 * lr


def test_adams_step_is_not_said_to_be_at_most_lr(lesson_text):
    said = lesson_text(SLUG)
    for old in ["roughly the largest step Adam takes", "about `lr` at most", "at most about the learning rate",
                "about `lr` per weight at most", "first step is exactly"]:
        assert old not in said, f"the lesson still says {old!r}"
    assert "several times `lr`" in said


@pytest.mark.parametrize("lr", [0.1, 0.5, 0.9, 1.0, 1.1])
def test_the_lr_factor_question_is_keyed_to_what_sgd_does(torch, lr):
    weights, _ = sgd_path(torch, lr, 60)
    question = next(q for quiz in widgets(SLUG)["quiz"] for q in quiz["questions"] if q["id"] == "lr-factor")
    keyed = {str(option["text"]): option["correct"] for option in question["options"]}
    assert keyed[str(lr)] is (abs(weights[-1] - 3) < 1e-3)


def test_a_diverging_loss_prints_inf_before_nan(torch):
    """The nan-loss challenge: a run that diverges shows a growing loss, then inf, then nan."""
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=1.05)
    losses = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # NumPy's overflow notices, under microtorch
        for _ in range(1000):
            optimizer.zero_grad()
            loss = (w - 3) ** 2
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    first_inf = next(i for i, loss in enumerate(losses) if math.isinf(loss))
    first_nan = next(i for i, loss in enumerate(losses) if math.isnan(loss))
    assert all(b > a for a, b in zip(losses[:first_inf], losses[1:first_inf]))
    assert 0 < first_inf < first_nan

@pytest.mark.parametrize("optimizer_name, lr_for_sum", [("SGD", 0.1 / 64), ("Adam", 0.1)])
def test_the_cure_for_a_summed_loss_depends_on_the_optimizer(torch, optimizer_name, lr_for_sum):
    """Summing over 64 examples multiplies every gradient by 64: SGD needs lr / 64 to take the
    same step, while Adam takes the same step with the same lr (challenge `sum-reduction`)."""
    x = torch.tensor([[float(i % 7)] for i in range(64)])
    y = 2 * x + 1

    def first_step(reduction, lr):
        w = torch.tensor([[0.5]], requires_grad=True)
        optimizer = getattr(torch.optim, optimizer_name)([w], lr=lr)
        torch.nn.functional.mse_loss(x @ w, y, reduction=reduction).backward()
        optimizer.step()
        return w.item() - 0.5

    assert first_step("sum", lr_for_sum) == pytest.approx(first_step("mean", 0.1), rel=1e-4)
