"""Lesson 11, Classification end to end: what its cells print, checked against what its prose,
quiz and challenge say (under microtorch and PyTorch, from the course's one run of every cell);
the training runs behind the other numbers (a doubled softmax, a small learning rate); and
what CrossEntropyLoss, BCELoss and BCEWithLogitsLoss accept and compute."""

from __future__ import annotations

import functools
import importlib
import math
import random

import pytest

from gradlab_data import digits_arrays
from tests.support.course import printed_by

SLUG = "classifying-digits"


def printed(torch, title):
    return printed_by(SLUG, torch, title)


# --- the lesson's data and network, as its cells write them ---------------------------------------

def digits(torch):
    """The lesson's `load_digits()`, as tensors of the library under test."""
    images, labels = digits_arrays()
    return torch.tensor(images), torch.tensor(labels)


def split(torch):
    images, labels = digits(torch)
    order = list(range(len(labels)))
    random.Random(0).shuffle(order)
    order = torch.tensor(order)
    X, y = images[order] / 16, labels[order]
    return X[:1200], y[:1200], X[1200:], y[1200:]


@functools.cache
def trained(library, lr=0.5, epochs=15, softmax=False):
    """(test loss before, test loss after, test accuracy after) of the lesson's network, trained
    as its cell trains it; `softmax` ends the model with an nn.Softmax, the mistake it warns of."""
    torch = importlib.import_module(library)
    torch.set_num_threads(1) if library == "torch" else None
    nn = torch.nn
    X_train, y_train, X_test, y_test = split(torch)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10), *([nn.Softmax(dim=1)] if softmax else []))
    rng = random.Random(0)
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, nn.Linear):
                bound = 1 / math.sqrt(layer.in_features)
                for param in (layer.weight, layer.bias):
                    param.copy_(torch.tensor([rng.uniform(-bound, bound) for _ in range(param.numel())]).reshape(param.shape))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    with torch.no_grad():
        before = loss_fn(model(X_test), y_test).item()
    for _ in range(epochs):
        for start in range(0, 1200, 50):
            optimizer.zero_grad()
            loss_fn(model(X_train[start:start + 50]), y_train[start:start + 50]).backward()
            optimizer.step()
    with torch.no_grad():
        logits = model(X_test)
    return before, loss_fn(logits, y_test).item(), (logits.argmax(dim=1) == y_test).float().mean().item()


# --- what the cells print is what the prose says ---------------------------------------------------

def test_the_loader_gives_1797_images_of_0_to_16_in_nearly_equal_classes(torch, lesson_text):
    out = printed(torch, "Load the digits").splitlines()
    assert out[0] == "torch.Size([1797, 64]) torch.float32 0.0 16.0"
    assert out[1] == "torch.Size([1797]) torch.int64 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]"
    assert out[2] == "images per digit: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]"
    said = lesson_text(SLUG)
    assert "it starts 0, 1, 2, …, 9, 0, 1" in said and "about 180 each" in said


def test_the_file_is_not_in_a_repeating_order(torch):
    _, labels = digits(torch)
    assert (labels == torch.arange(len(labels)) % 10).float().mean().item() < 0.2


def test_cross_entropy_is_minus_the_log_of_the_right_class(torch, lesson_text):
    out = printed(torch, "Cross-entropy is minus the log of the right class's probability").splitlines()
    assert out[2:] == ["1.5755 1.5755", "predicted: [0, 2]"]
    assert "[0.0493, 0.0545, 0.8962]" in out[1]
    assert "its probability for class 1 is small (0.05)" in lesson_text(SLUG)
    huge = torch.nn.CrossEntropyLoss()(torch.tensor([[1000.0, 0.0]]), torch.tensor([0]))
    assert huge.item() == 0.0  # no overflow


def test_training_reaches_0_958_and_loss_and_accuracy_part_at_epoch_14(torch, lesson_text):
    out = printed(torch, "Train the digit classifier").splitlines()
    assert out[0] == "epoch  1: test loss 1.282, accuracy 0.640"
    assert out[12:] == ["epoch 13: test loss 0.157, accuracy 0.956",
                        "epoch 14: test loss 0.153, accuracy 0.953",
                        "epoch 15: test loss 0.150, accuracy 0.958"]
    assert round(0.9564 * 597) - round(0.9531 * 597) == 2  # "two more wrong digits"
    said = lesson_text(SLUG)
    for claim in ["fell from 0.157 to 0.153", "from 0.956 to 0.953 (two more wrong digits)", "names 64 of every 100",
                  "after fifteen, about 96"]:
        assert claim in said


def test_a_softmax_before_cross_entropy_trains_far_slower(torch, lesson_text):
    assert round(trained(torch.__name__)[2], 2) == 0.96
    assert round(trained(torch.__name__, softmax=True)[2], 2) == 0.76
    assert "reaches an accuracy of 0.76 instead of 0.96" in lesson_text(SLUG)


def test_a_small_learning_rate_barely_moves_in_five_epochs(torch):
    """The challenge's Hyperparameter problem."""
    before, after, accuracy = trained(torch.__name__, lr=0.01, epochs=5)
    assert (round(before, 2), round(after, 2), round(accuracy, 2)) == (2.33, 2.27, 0.16)


def test_the_prediction_cell_prints_two_thirds_in_float32(torch):
    assert printed(torch, "Your prediction: accuracy from logits") == "0.6666666865348816\n"


def test_the_confusion_matrix_has_572_right_and_row_8_as_the_prose_reads_it(torch, lesson_text):
    out = printed(torch, "Count every (true, predicted) pair")
    rows = [line.strip(" []tensor(),") for line in out.splitlines()[:10]]
    rows = [[int(v) for v in row.replace("[", "").split(",") if v.strip()] for row in rows]
    assert rows[8] == [0, 5, 1, 0, 0, 1, 0, 0, 58, 3] and rows[0][0] == sum(rows[0]) == 64
    assert sum(rows[8]) - rows[8][8] == 10  # the quiz: "10 of the 68 eights were wrong"
    assert "right: 572 of 597" in out
    assert "25 wrong of 597" in printed(torch, "The misclassified images")
    said = lesson_text(SLUG)
    assert "572 of 597" in said and "five eights called ones, and three more called nines" in said


def test_bce_with_logits_stays_exact_where_bce_after_a_sigmoid_is_capped(torch):
    out = printed(torch, "BCEWithLogitsLoss is BCELoss after a sigmoid, computed safely").splitlines()
    assert out == ["0.6850", "0.6850", "tensor(120.) tensor(100.)"]
    assert torch.sigmoid(torch.tensor(-120.0)).item() == 0.0


def test_the_zero_detector_beats_its_floor(torch, lesson_text):
    out = printed(torch, "Train a one-logit 'is it a 0?' classifier").splitlines()
    assert out == ["accuracy: 0.997", "share of test images that are 0: 0.107",
                   "first image: logit -3.39, probability 0.033"]
    z = torch.linspace(-5, 5, 101)
    assert torch.equal(z > 0, torch.sigmoid(z) > 0.5)


# --- what the losses accept, as the quiz and challenge say ------------------------------------------

def test_bce_loss_refuses_a_logit_outside_0_and_1(torch):
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        torch.nn.BCELoss()(torch.tensor([3.0]), torch.tensor([1.0]))


def test_bce_with_logits_refuses_class_numbers_for_ten_logits(torch):
    with pytest.raises(ValueError, match="must be the same as input size"):
        torch.nn.BCEWithLogitsLoss()(torch.zeros(50, 10), torch.zeros(50, dtype=torch.int64))


def test_squared_error_on_a_sigmoid_has_almost_no_gradient_when_confidently_wrong(torch):
    """The challenge's Model Choice explanation, against BCEWithLogitsLoss on the same logit."""
    grads = []
    for loss in (lambda z: (torch.sigmoid(z) - 1) ** 2, lambda z: torch.nn.BCEWithLogitsLoss()(z, torch.tensor(1.0))):
        z = torch.tensor(-10.0, requires_grad=True)
        loss(z).backward()
        grads.append(abs(z.grad.item()))
    assert grads[0] < 1e-4 and grads[1] > 0.99


def test_equal_logits_cost_log_of_the_class_count(torch):
    loss = torch.nn.CrossEntropyLoss()(torch.zeros(2, 4), torch.tensor([0, 3]))
    assert f"{loss.item():.4f}" == f"{math.log(4):.4f}" == "1.3863"
