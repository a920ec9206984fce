"""What lesson 2 (loss-functions) claims about PyTorch, run; and the old wrong sentences gone."""

from __future__ import annotations

import math

import pytest

SLUG = "loss-functions"
LOGITS = [[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]


def test_cross_entropy_accepts_class_probabilities_as_targets(torch, F):
    logits = torch.tensor(LOGITS)
    by_index = F.cross_entropy(logits, torch.tensor([0, 2]))
    one_hot = F.cross_entropy(logits, torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]))
    soft_target = [[0.8, 0.1, 0.1], [0.0, 0.3, 0.7]]
    soft = F.cross_entropy(logits, torch.tensor(soft_target))
    assert one_hot.item() == pytest.approx(by_index.item())
    by_definition = [-sum(t * math.log(p) for t, p in zip(t_row, p_row))
                     for t_row, p_row in zip(soft_target, torch.softmax(logits, dim=1).tolist())]
    assert soft.item() == pytest.approx(sum(by_definition) / 2, rel=1e-5)


def test_float_class_indices_are_refused(torch, F):
    with pytest.raises(RuntimeError, match="expected target dtype to be Long or Byte"):
        F.cross_entropy(torch.tensor(LOGITS), torch.tensor([0.0, 2.0]))


def test_a_batch_mean_divides_each_rows_gradient_by_n(torch, F):
    logits = torch.tensor(LOGITS, requires_grad=True)
    F.cross_entropy(logits, torch.tensor([0, 2])).backward()
    one_hot = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    with torch.no_grad():
        expected = ((torch.softmax(logits, dim=1) - one_hot) / 2).tolist()
    for got_row, want_row in zip(logits.grad.tolist(), expected):
        assert got_row == pytest.approx(want_row, abs=1e-6)


def test_log_of_sigmoid_breaks_at_minus_200_and_bce_with_logits_does_not(torch, F):
    yes = torch.tensor(1.0)
    z = torch.tensor(-200.0, requires_grad=True)
    by_hand = -torch.log(torch.sigmoid(z))
    by_hand.backward()
    assert math.isinf(by_hand.item()) and math.isnan(z.grad.item())

    z = torch.tensor(-200.0, requires_grad=True)
    clamped = F.binary_cross_entropy(torch.sigmoid(z), yes)
    clamped.backward()
    assert clamped.item() == 100.0 and z.grad.item() == 0.0  # finite, but it has stopped learning

    z = torch.tensor(-200.0, requires_grad=True)
    from_logit = F.binary_cross_entropy_with_logits(z, yes)
    from_logit.backward()
    assert from_logit.item() == pytest.approx(200.0) and z.grad.item() == pytest.approx(-1.0)


def test_bce_with_logits_loss_module_averages_the_examples(torch):
    loss = torch.nn.BCEWithLogitsLoss()(torch.tensor([-200.0, 3.0]), torch.tensor([1.0, 0.0]))
    assert loss.item() == pytest.approx((200.0 + math.log1p(math.exp(3.0))) / 2, rel=1e-6)


def test_mse_on_a_sigmoid_gives_a_tiny_gradient_when_confidently_wrong(torch):
    z = torch.tensor(-6.0, requires_grad=True)
    ((torch.sigmoid(z) - 1.0) ** 2).backward()
    mse_gradient = z.grad.item()
    z = torch.tensor(-6.0, requires_grad=True)
    (-torch.log(torch.sigmoid(z))).backward()
    assert 150 < z.grad.item() / mse_gradient < 250


def steps(torch, F, optimizer_class, reduction: str, lr: float) -> list[float]:
    """Where the weight goes in five steps on one batch of 64, with the loss summed or averaged."""
    x = torch.arange(64, dtype=torch.float32) / 64
    y = 3 * x + 1
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = optimizer_class([w], lr=lr)
    path = []
    for _ in range(5):
        optimizer.zero_grad()
        F.mse_loss(w * x, y, reduction=reduction).backward()
        optimizer.step()
        path.append(w.item())
    return path


def test_with_sgd_a_summed_loss_needs_the_learning_rate_divided_by_the_batch_size(torch, F):
    mean = steps(torch, F, torch.optim.SGD, "mean", lr=0.1)
    assert steps(torch, F, torch.optim.SGD, "sum", lr=0.1 / 64) == pytest.approx(mean, rel=1e-5)
    assert steps(torch, F, torch.optim.SGD, "sum", lr=0.1) != pytest.approx(mean, rel=0.1)


def test_with_adam_a_summed_loss_needs_no_change(torch, F):
    mean = steps(torch, F, torch.optim.Adam, "mean", lr=0.1)
    assert steps(torch, F, torch.optim.Adam, "sum", lr=0.1) == pytest.approx(mean, rel=1e-5)


# --- what the page says ----------------------------------------------------------------------

def test_targets_are_not_said_to_exclude_probabilities(lesson_text):
    said = lesson_text(SLUG)
    assert "not probabilities" not in said
    assert "Labels must be whole-number class indices (`int64`), not floats" not in said
    assert "class probabilities of shape (N, C)" in said  # the card cross-entropy-inputs


def test_the_lesson_teaches_bce_with_logits_at_minus_200(lesson_text):
    said = lesson_text(SLUG)
    assert "torch.tensor(-200.0, requires_grad=True)" in said
    assert "torch.nn.BCEWithLogitsLoss()" in said and "F.binary_cross_entropy_with_logits" in said


def test_the_sum_reduction_problem_names_its_optimizer(lesson_text):
    said = lesson_text(SLUG)
    assert "You train with plain SGD" in said and "Adam" in said


@pytest.mark.parametrize("z", [-6.0, 0.0, 2.0])
def test_cross_entropy_from_a_score_has_gradient_p_minus_one(torch, F, z):
    """Card `mse-on-probabilities`: for a "yes", the gradient reaching the score is p - 1."""
    score = torch.tensor(z, requires_grad=True)
    F.binary_cross_entropy_with_logits(score, torch.tensor(1.0)).backward()
    assert score.grad.item() == pytest.approx(1 / (1 + math.exp(-z)) - 1, abs=1e-6)
