"""The in-place refusals word for word as PyTorch prints them: the version check at backward()
(a saved output, a saved input, a saved view) and the refusals at the in-place op itself."""
import pytest

import microtorch

real = pytest.importorskip("torch")


def saved_output(torch):
    s = torch.tensor([1.0, 2.0, 3.0], requires_grad=True).sigmoid()
    s.mul_(2)
    s.sum().backward()


def saved_input(torch):
    c = torch.tensor([3.0, 4.0])
    loss = (torch.tensor([1.0, 2.0], requires_grad=True) * c).sum()
    c.add_(1)
    c.add_(1)
    loss.backward()


def saved_view(torch):
    c = torch.tensor([[3.0, 4.0]])
    loss = (torch.tensor([1.0, 2.0], requires_grad=True) * c.view(2)).sum()
    c.mul_(2)
    loss.backward()


def leaf(torch):
    torch.tensor([1.0], requires_grad=True).sub_(1)


def view_of_leaf(torch):
    torch.tensor([1.0, 2.0], requires_grad=True)[:1].zero_()


def after_an_update(torch):
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    loss = (w ** 2).sum()
    loss.backward(retain_graph=True)
    with torch.no_grad():
        w -= 0.1 * w.grad
    loss.backward()


@pytest.mark.parametrize("case", [saved_output, saved_input, saved_view, leaf, view_of_leaf, after_an_update])
def test_the_message_is_pytorchs(case):
    messages = []
    for torch in (microtorch, real):
        with pytest.raises(RuntimeError) as caught:
            case(torch)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
