"""What the glossary claims about PyTorch, run; and the old wrong definitions gone."""

from __future__ import annotations

import pytest


def test_detach_shares_memory_and_clone_copies(torch):
    y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True).exp()
    shared = y.detach()
    shared[0] = 100.0
    assert y[0].item() == 100.0
    copied = y.detach().clone()
    copied[1] = -1.0
    assert y[1].item() != -1.0


def test_adams_first_step_is_the_learning_rate_whatever_the_gradient(torch):
    w = torch.tensor([1.0, -2.0, 5.0], requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.1)
    (w * torch.tensor([300.0, -0.5, 0.01])).sum().backward()
    optimizer.step()
    assert [round(v, 4) for v in w.tolist()] == [0.9, -1.9, 4.9]


def test_momentum_steps_grow_to_lr_over_one_minus_mu_times_the_gradient(torch):
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    for _ in range(200):
        before = w.item()
        optimizer.zero_grad()
        (-w).backward()  # a steady gradient of -1
        optimizer.step()
    assert w.item() - before == pytest.approx(0.1 / (1 - 0.9), rel=1e-3)


def test_momentum_can_make_the_loss_rise_on_the_way_down(torch):
    w = torch.tensor(5.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    losses = []
    for _ in range(30):
        optimizer.zero_grad()
        loss = w * w
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    assert any(later > earlier for earlier, later in zip(losses, losses[1:]))
    assert losses[-1] < losses[0]


def test_a_second_backward_fails_only_when_the_graph_saved_tensors(torch):
    x = torch.tensor(2.0, requires_grad=True)
    sums = x + x + 1
    sums.backward()
    sums.backward()
    assert x.grad.item() == 4.0
    square = x * x
    square.backward(retain_graph=True)
    square.backward()
    with pytest.raises(RuntimeError, match="second time"):
        square.backward()


def test_relu_passes_positives_and_zeroes_negatives(torch):
    x = torch.tensor([-1.5, 2.0], requires_grad=True)
    out = torch.relu(x)
    out.sum().backward()
    assert out.tolist() == [0.0, 2.0] and x.grad.tolist() == [0.0, 1.0]


# --- what the glossary says ------------------------------------------------------------------

def test_the_glossary_definitions_that_were_wrong(lesson_text):
    said = lesson_text("glossary")
    assert "`detach()` : Returns a tensor with the same values and no history" not in said
    assert "shares the original's memory" in said and "It is not a copy" in said
    assert "so each weight moves by roughly the learning rate" not in said
    assert "bias correction" in said
    assert "Only leaves keep `.grad`" not in said
    assert "ReLU :" in said
