"""The "When training goes wrong" page: every symptom's claim run under microtorch and PyTorch
(the patients rebuilt here as the page's cells write them), the numbers its prose quotes checked
against what its cells print, and every link to a lesson landing on a section that exists."""

from __future__ import annotations

import math
import random
import re
import warnings

import pytest

from tests.support.course import LESSONS, printed_by, text

SLUG = "when-training-goes-wrong"


def printed(torch, title):
    return printed_by(SLUG, torch, title)


# --- the first patient: forty points and a line ------------------------------------------------

def line_data(torch):
    random.seed(0)
    X = torch.tensor([[random.uniform(-2, 2)] for _ in range(40)])
    return X, 2 * X + 1 + 0.1 * torch.tensor([[random.gauss(0, 1)] for _ in range(40)])


def make_line(torch):
    model = torch.nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(0.5)
        model.bias.fill_(-0.5)
    return model


def line_losses(torch, lr, steps, order="healthy"):
    """The loss at every step of SGD on the line; `order` names the page's broken loops."""
    X, y = line_data(torch)
    model = make_line(torch)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    if order == "old model":
        model = make_line(torch)
    losses, weights = [], []
    for _ in range(steps):
        if order in ("healthy", "old model"):
            optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(X), y)
        loss.backward()
        if order == "wiped":
            optimizer.zero_grad()
        optimizer.step()
        losses.append(loss.item())
        weights.append((model.weight.item(), abs(model.weight.grad.item()) if model.weight.grad is not None else None))
    return losses, weights


def test_a_learning_rate_too_large_grows_the_loss_by_a_steady_factor_then_inf_then_nan(torch, lesson_text):
    losses, _ = line_losses(torch, lr=2.0, steps=60)
    factors = [later / earlier for earlier, later in zip(losses[:5], losses[1:6])]
    assert all(24 < factor < 26 for factor in factors), factors
    assert "multiplied by about 25" in lesson_text(SLUG)
    first_inf = next(step for step, loss in enumerate(losses, start=1) if math.isinf(loss))
    first_nan = next(step for step, loss in enumerate(losses, start=1) if math.isnan(loss))
    assert (first_inf, first_nan) == (27, 56)
    out = printed(torch, "nan: a learning rate ten times too large")
    # Three significant figures: the last digits of 2.6 million depend on how the CPU rounds a sum.
    assert "the first losses: 6.74, 167, 4.19e+03, 1.05e+05, 2.62e+06" in out
    assert "first inf at step 27 and first nan at step 56" in out
    assert line_losses(torch, lr=0.2, steps=60)[0][-1] == pytest.approx(0.0103, abs=5e-5)


def test_one_nan_in_the_data_makes_the_first_loss_and_every_weight_nan(torch):
    X, y = line_data(torch)
    X[7, 0] = float("nan")
    model = make_line(torch)
    loss = torch.nn.functional.mse_loss(model(X), y)
    loss.backward()
    assert all(torch.isnan(param.grad).all().item() for param in model.parameters())   # nan, not None
    torch.optim.SGD(model.parameters(), lr=0.2).step()
    assert math.isnan(loss.item())
    assert all(torch.isnan(param).all().item() for param in model.parameters())
    assert torch.isnan(X).nonzero().tolist() == [[7, 0]]


def test_a_probability_that_rounds_to_zero_gives_inf_where_cross_entropy_stays_finite(torch, F):
    scores, answer = torch.tensor([[0.0, 120.0]]), torch.tensor([0])
    probability = torch.softmax(scores, dim=1)[0, 0]
    assert probability.item() == 0.0
    assert math.isinf((-torch.log(probability)).item())
    assert F.cross_entropy(scores, answer).item() == pytest.approx(120.0)


@pytest.mark.parametrize("order", ["wiped", "old model"])
def test_two_broken_loops_never_move_the_weight(torch, order):
    losses, weights = line_losses(torch, lr=0.2, steps=30, order=order)
    assert len(set(losses)) == 1 and {weight for weight, _ in weights} == {0.5}
    assert f"{losses[0]:.4f}" == "6.7355"
    # what checkup() tells the two apart by: no gradient at step() time, or a gradient that moves nothing
    assert (weights[0][1] is None) == (order == "wiped")


def test_a_tiny_learning_rate_moves_the_loss_by_under_two_percent(torch, lesson_text):
    tiny, _ = line_losses(torch, lr=1e-4, steps=30)
    healthy, _ = line_losses(torch, lr=0.2, steps=30)
    assert 0.98 < tiny[-1] / tiny[0] < 1
    assert tiny[0] / healthy[-1] > 100   # "a factor of hundreds"
    assert "under 2% of it in 30 steps" in lesson_text(SLUG)


def test_without_zero_grad_the_loss_falls_then_rises_and_keeps_swinging(torch):
    losses, weights = line_losses(torch, lr=0.1, steps=100, order="never cleared")
    assert losses[0] > losses[1] > losses[2] and losses[2] < losses[3] < losses[4] < losses[5]
    gradients = [gradient for _, gradient in weights]
    assert gradients[0] < gradients[1] < gradients[2]   # growing while the loss falls
    healthy, healthy_weights = line_losses(torch, lr=0.1, steps=6)
    assert healthy_weights[0][1] > healthy_weights[2][1]   # a healthy loop's gradient shrinks
    assert max(losses[-20:]) > 2.5 and min(losses[-20:]) < 0.2   # still swinging at step 100
    assert f"{healthy[-1]:.3f}" == "0.207"


# The page's "momentum can raise the training loss" is run by test_claims_glossary.py's
# test_momentum_can_make_the_loss_rise_on_the_way_down, under both libraries.


def test_the_validation_loss_falls_then_rises_while_the_training_loss_falls(torch):
    history = [tuple(float(v) for v in re.findall(r"loss (\d\.\d+)", line))
               for line in printed(torch, "Validation loss: a network learns eight points by heart").splitlines()]
    epochs = [int(line.split(":")[0].split()[1])
              for line in printed(torch, "Validation loss: a network learns eight points by heart").splitlines()]
    assert epochs[1] == 4, "the prose says the validation loss is lowest at epoch 4"
    (_, val_start), (_, val_best), (_, val_100), (train_end, _) = history
    assert val_best < val_start and val_100 > 2 * val_best and train_end < 0.001


# --- gradients that are None -------------------------------------------------------------------

def test_a_scaled_weight_is_not_a_leaf_and_gets_no_grad_with_a_warning(torch):
    w = torch.tensor([0.5, -0.3], requires_grad=True) * 0.1
    (w * torch.tensor([1.0, 2.0])).sum().backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert w.grad is None
    assert not w.is_leaf and w.requires_grad and any(issubclass(item.category, UserWarning) for item in caught)
    fixed = (torch.tensor([0.5, -0.3]) * 0.1).requires_grad_()
    (fixed * torch.tensor([1.0, 2.0])).sum().backward()
    assert fixed.is_leaf and fixed.grad.tolist() == [1.0, 2.0]


def test_a_detach_in_the_forward_pass_leaves_the_layers_before_it_without_grad(torch):
    X, y = line_data(torch)
    first, second = torch.nn.Linear(1, 4), torch.nn.Linear(4, 1)
    hidden = first(X).detach()
    torch.nn.functional.mse_loss(second(torch.relu(hidden)), y).backward()
    assert not hidden.requires_grad
    assert first.weight.grad is None and second.weight.grad is not None


def test_backward_with_nothing_that_requires_grad_raises(torch):
    w = torch.tensor([0.5, -0.3], requires_grad=True)
    with pytest.raises(RuntimeError):
        torch.tensor(w.tolist()).sum().backward()


def test_grad_is_none_before_backward_and_again_after_zero_grad(torch):
    model = make_line(torch)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    assert model.weight.grad is None
    model(torch.tensor([[1.0]])).sum().backward()
    assert model.weight.grad is not None
    optimizer.zero_grad()
    assert model.weight.grad is None


# --- the second patient: three clusters --------------------------------------------------------

def clusters(torch):
    random.seed(1)
    centres = [(-1.5, 0.0), (1.5, 0.0), (0.0, 2.0)]
    labels = [i % 3 for i in range(60)]
    points = [[centres[k][0] + random.gauss(0, 0.6), centres[k][1] + random.gauss(0, 0.6)] for k in labels]
    return torch.tensor(points), labels


def classify(torch, targets, lr=0.5, steps=50, softmax_first=False):
    """(loss, accuracy on `targets`) after training the page's classifier."""
    P, _ = clusters(torch)
    model = torch.nn.Linear(2, 3)
    with torch.no_grad():
        model.weight.copy_(torch.tensor([[0.2, -0.1], [-0.3, 0.1], [0.1, 0.3]]))
        model.bias.zero_()
    forward = (lambda x: torch.softmax(model(x), dim=1)) if softmax_first else model
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = torch.nn.CrossEntropyLoss()(forward(P), targets)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        return loss.item(), (model(P).argmax(dim=1) == targets).float().mean().item()


def test_comparing_a_row_with_a_column_gives_chance_whatever_the_guesses(torch):
    _, labels = clusters(torch)
    column = torch.tensor(labels).reshape(-1, 1)
    for guesses in ([0] * 60, labels, [random.Random(seed).randrange(3) for seed in range(60)]):
        compared = torch.tensor(guesses) == column
        assert tuple(compared.shape) == (60, 60)
        assert compared.float().mean().item() == pytest.approx(1 / 3)
    assert classify(torch, torch.tensor(labels))[1] == 1.0


def test_labels_shuffled_apart_keep_the_loss_near_log_three_however_long_it_trains(torch):
    _, labels = clusters(torch)
    random.Random(5).shuffle(labels)
    for steps in (50, 500):
        loss, accuracy = classify(torch, torch.tensor(labels), steps=steps)
        assert abs(loss - math.log(3)) < 0.05 and 1 / 3 < accuracy < 0.5


def test_a_tiny_learning_rate_leaves_the_accuracy_at_chance_and_the_loss_near_its_start(torch):
    targets = torch.tensor(clusters(torch)[1])
    start, untrained = classify(torch, targets, lr=0.0, steps=1)
    loss, accuracy = classify(torch, targets, lr=0.0005)
    assert untrained == accuracy == pytest.approx(1 / 3)
    assert abs(loss - start) / start < 0.05


def test_softmax_before_cross_entropy_cannot_go_below_log_1_plus_2_over_e(torch, F):
    floor = math.log(1 + 2 / math.e)
    perfect = torch.softmax(torch.tensor([[50.0, -50.0, -50.0]]), dim=1)
    assert F.cross_entropy(perfect, torch.tensor([0])).item() == pytest.approx(floor, abs=1e-4)
    assert round(floor, 2) == 0.55


def test_softmax_first_sends_weaker_gradients(torch, F):
    gradients = []
    for squash in (False, True):
        scores = torch.tensor([[0.2, -0.1, 0.4]] * 3, requires_grad=True)
        F.cross_entropy(torch.softmax(scores, dim=1) if squash else scores, torch.tensor([0, 1, 2])).backward()
        gradients.append(scores.grad.norm().item())
    assert gradients[1] < gradients[0] / 2


def test_softmax_first_slows_learning_more_than_it_stops_it(torch):
    _, labels = clusters(torch)
    targets = torch.tensor(labels)
    fast_loss, fast_accuracy = classify(torch, targets, lr=0.5, softmax_first=True)
    assert fast_accuracy == 1.0 and fast_loss > 0.55   # the accuracy climbs, the loss stalls high
    slow_twice, slow_plain = classify(torch, targets, lr=0.05, softmax_first=True), classify(torch, targets, lr=0.05)
    assert slow_twice[0] > slow_plain[0] and slow_twice[1] < slow_plain[1]


# --- the page's links --------------------------------------------------------------------------

def test_every_link_lands_on_a_section_of_a_lesson(site_dir):
    links = re.findall(r"\]\(lessons/([a-z-]+)\.md#([a-z0-9_-]+)\)", text(SLUG))
    assert len(links) >= 10
    for slug, anchor in links:
        assert slug in LESSONS, f"the page links {slug!r}, which is not a lesson"
        html = (site_dir / "lessons" / slug / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, f"lessons/{slug}.md has no section #{anchor}"
    own = (site_dir / SLUG / "index.html").read_text(encoding="utf-8")
    for anchor in re.findall(r"\]\(#([a-z0-9_-]+)\)", text(SLUG)):
        assert f'id="{anchor}"' in own, f"the page has no section #{anchor}"
