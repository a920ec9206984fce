"""Lesson 7, From a line to a neural network: stacked Linear layers merge into one; ReLU's and
tanh's slopes; what an nn.Module registers; the two moons defeat every line (one layer, a
stack, an MLP without a bend) and an MLP with ReLU or tanh classifies every point from each
seed the lesson reports; with 3 hidden units the outcome depends on the seed. Each claim runs
under microtorch and PyTorch."""

from __future__ import annotations

import functools
import importlib
import random

import pytest

SLUG = "from-a-line-to-a-network"


# --- the lesson's data, model and loop, as its cells write them --------------------------------

def moons(torch):
    random.seed(0)
    n = 100
    angle = torch.tensor([random.uniform(0, torch.pi) for _ in range(n)])
    jitter = torch.tensor([[random.gauss(0, 0.1), random.gauss(0, 0.1)] for _ in range(2 * n)])
    upper = torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)
    lower = torch.stack([1 - torch.cos(angle), 0.5 - torch.sin(angle)], dim=1)
    return torch.cat([upper, lower]) + jitter, torch.cat([torch.zeros(n), torch.ones(n)])


def mlp(torch, hidden=16, activation="ReLU"):
    nn = torch.nn

    class MLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer1 = nn.Linear(2, hidden)
            self.layer2 = nn.Linear(hidden, hidden)
            self.out = nn.Linear(hidden, 1)
            self.act = getattr(nn, activation)()

        def forward(self, x):
            return self.out(self.act(self.layer2(self.act(self.layer1(x)))))

    return MLP()


def train(torch, model, steps=300, lr=0.05, checkpoints=()):
    """Train as the lesson's `train` does; return {step: accuracy} at each checkpoint."""
    X, y = moons(torch)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    seen = {}
    for step in range(1, steps + 1):
        optimizer.zero_grad()
        loss_fn(model(X).squeeze(1), y).backward()
        optimizer.step()
        if step in checkpoints:
            seen[step] = accuracy(torch, model)
    return seen


def accuracy(torch, model):
    X, y = moons(torch)
    with torch.no_grad():
        return ((model(X).squeeze(1) > 0).float() == y).float().mean().item()


@functools.cache
def trained(library, seed, steps=300, **options):
    """{step: accuracy} after 30, 60 and `steps` steps of the lesson's MLP trained from `seed`
    (cached: several claims read one run)."""
    torch = importlib.import_module(library)
    torch.manual_seed(seed)
    return train(torch, mlp(torch, **options), steps=steps, checkpoints={30, 60, steps})


@pytest.fixture(autouse=True)
def one_thread(request):
    """PyTorch's threads only fight over a loaded machine's cores for tensors this small."""
    library = request.getfixturevalue("torch") if "torch" in request.fixturenames else None
    if library is None or library.__name__ != "torch":
        yield
        return
    before = library.get_num_threads()
    library.set_num_threads(1)
    yield
    library.set_num_threads(before)


# --- stacked Linear layers ----------------------------------------------------------------------

def test_two_linear_layers_merge_into_one(torch):
    torch.manual_seed(0)
    first, second = torch.nn.Linear(2, 3), torch.nn.Linear(3, 1)
    x = torch.randn(5, 2)
    with torch.no_grad():
        W = second.weight @ first.weight
        b = second.weight @ first.bias + second.bias
        assert torch.allclose(second(first(x)), x @ W.T + b)
    assert tuple(W.shape) == (1, 2)


def test_three_linear_layers_merge_too(torch):
    torch.manual_seed(1)
    layers = [torch.nn.Linear(2, 8), torch.nn.Linear(8, 8), torch.nn.Linear(8, 1)]
    x = torch.randn(4, 2)
    with torch.no_grad():
        W = layers[2].weight @ layers[1].weight @ layers[0].weight
        b = layers[2].weight @ (layers[1].weight @ layers[0].bias + layers[1].bias) + layers[2].bias
        assert torch.allclose(torch.nn.Sequential(*layers)(x), x @ W.T + b, atol=1e-6)


# --- ReLU and tanh ------------------------------------------------------------------------------

def test_relus_slope_is_zero_or_one_and_zero_at_zero(torch):
    z = torch.tensor([-3.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
    torch.relu(z).sum().backward()
    assert z.grad.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]


@pytest.mark.parametrize("at, slope", [(0.0, 1.0), (1.0, 0.42), (2.0, 0.07), (-2.0, 0.07), (3.0, 0.01), (-3.0, 0.01)])
def test_tanhs_slope_is_one_minus_its_square(torch, at, slope):
    z = torch.tensor(at, requires_grad=True)
    torch.tanh(z).backward()
    assert z.grad.item() == pytest.approx(1 - torch.tanh(torch.tensor(at)).item() ** 2, rel=1e-5)
    assert round(z.grad.item(), 2) == slope


# --- nn.Module ----------------------------------------------------------------------------------

def test_the_mlp_has_337_parameters(torch):
    assert sum(p.numel() for p in mlp(torch).parameters()) == 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1 == 337


def test_layers_in_a_plain_list_are_not_registered(torch):
    nn = torch.nn

    class Listed(nn.Module):
        def __init__(self, container):
            super().__init__()
            self.layers = container([nn.Linear(2, 8), nn.Linear(8, 1)])

    assert list(Listed(list).parameters()) == []
    with pytest.raises(ValueError, match="empty parameter list"):
        torch.optim.SGD(Listed(list).parameters(), lr=0.1)
    assert len(list(Listed(nn.ModuleList).parameters())) == 4


def test_a_layer_assigned_before_super_init_is_refused(torch):
    class Early(torch.nn.Module):
        def __init__(self):
            self.layer = torch.nn.Linear(2, 1)
            super().__init__()

    with pytest.raises(AttributeError, match="before Module.__init__"):
        Early()


def test_calling_a_module_runs_its_hooks_and_forward_alone_does_not(torch):
    model = torch.nn.Linear(2, 1)
    seen = []
    model.register_forward_hook(lambda module, inputs, output: seen.append(output))
    x = torch.ones(1, 2)
    model.forward(x)
    assert seen == []
    model(x)
    assert len(seen) == 1


# --- the two moons --------------------------------------------------------------------------------

def test_no_straight_line_splits_the_moons(torch):
    """A class-1 point lies inside a triangle of class-0 points, so no line has all class 0 on one side."""
    X, y = moons(torch)
    upper, lower = X[y == 0].tolist(), X[y == 1].tolist()

    def nearest(points, to):
        return min(points, key=lambda p: (p[0] - to[0]) ** 2 + (p[1] - to[1]) ** 2)

    a, b, c = (nearest(upper, corner) for corner in [(-1.0, 0.0), (1.0, 0.0), (0.0, 1.0)])
    p = nearest(lower, (0.0, 0.5))

    def side(u, v, w):
        return (v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0])

    signs = [side(a, b, p), side(b, c, p), side(c, a, p)]
    assert all(s > 0 for s in signs) or all(s < 0 for s in signs)


def test_the_best_line_gets_187_of_200_and_a_stack_of_lines_the_same(torch):
    nn = torch.nn
    torch.manual_seed(0)
    line = train(torch, nn.Linear(2, 1), lr=0.1, checkpoints={300})
    stack = train(torch, nn.Sequential(nn.Linear(2, 16), nn.Linear(16, 16), nn.Linear(16, 1)), checkpoints={300})
    assert line[300] == pytest.approx(187 / 200)
    assert stack[300] == pytest.approx(187 / 200)


def test_without_a_bend_the_mlp_stops_where_the_line_does(torch):
    assert trained(torch.__name__, 0, activation="Identity")[300] == pytest.approx(187 / 200)


@pytest.mark.parametrize("seed", range(3))
def test_the_relu_mlp_classifies_every_point_from_each_seed_tried(torch, seed):
    assert trained(torch.__name__, seed)[300] == 1.0


def test_the_tanh_mlp_classifies_every_point_too(torch):
    assert trained(torch.__name__, 0, activation="Tanh")[300] == 1.0


def test_the_boundary_has_bent_past_the_line_within_sixty_steps(torch):
    assert trained(torch.__name__, 0)[60] > 187 / 200


@pytest.mark.parametrize("activation", ["ReLU", "Tanh"])
def test_thirty_steps_are_not_enough(torch, activation):
    assert trained(torch.__name__, 0, activation=activation)[30] < 1.0


def test_with_three_hidden_units_the_outcome_depends_on_the_seed(torch):
    """Some seeds reach every point, others stop near the line's 93.5%; more steps do not free a
    stuck run (the challenge's `seed-dependent` problem)."""
    results = [trained(torch.__name__, seed, hidden=3)[300] for seed in range(5)]
    assert 1.0 in results
    stuck = next(seed for seed, result in enumerate(results) if result < 0.97)
    assert trained(torch.__name__, stuck, steps=300 + 500, hidden=3)[800] < 1.0


def test_a_relu_mlp_learns_a_circle(torch):
    """The challenge's `circle-model`: one ReLU layer between two Linear layers draws a closed curve."""
    nn = torch.nn
    random.seed(1)
    points = torch.tensor([[random.uniform(-2, 2), random.uniform(-2, 2)] for _ in range(300)])
    inside = ((points ** 2).sum(1) < 1).float()
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(500):
        optimizer.zero_grad()
        nn.BCEWithLogitsLoss()(model(points).squeeze(1), inside).backward()
        optimizer.step()
    with torch.no_grad():
        assert ((model(points).squeeze(1) > 0).float() == inside).float().mean().item() >= 0.99


def test_the_lesson_reports_what_these_tests_check(lesson_text):
    said = lesson_text(SLUG)
    for claim in ["187 of the 200 points", "each of the three seeds we tried", "stop near the line's 93.5%",
                  "500 more steps", "PyTorch takes 0 at exactly 0", "only 0.07 at $z = \\pm 2$"]:
        assert claim in said, f"the lesson no longer says {claim!r}: update it and the test together"
