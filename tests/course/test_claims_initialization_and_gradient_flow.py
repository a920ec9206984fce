"""Lesson 12, Initialization and gradient flow: what its cells print, checked against what its
prose, cards, quiz and challenge say (under microtorch and PyTorch, from the course's one run of
every cell); tensor and forward hooks; the gradient's size layer by layer in the lesson's stacks;
nn.init's rules against their formulas; and clip_grad_norm_. Each claim runs under microtorch
and PyTorch, except the depths and gains the reader tries with the sliders, which run in the
browser and so under microtorch."""

from __future__ import annotations

import functools
import importlib
import math
import random

import pytest

from tests.support.course import printed_by

SLUG = "initialization-and-gradient-flow"
WIDTH = 32


# --- the lesson's data, stack and measurement, as its cells write them ---------------------------

@functools.cache
def data(library):
    torch = importlib.import_module(library)
    random.seed(0)
    X = torch.tensor([[random.gauss(0, 1) for _ in range(WIDTH)] for _ in range(64)])
    y = torch.tensor([[math.sin(sum(row[:3]))] for row in X.tolist()])
    return X, y


def make_stack(torch, depth, gain, activation="Tanh", seed=0):
    nn = torch.nn
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(WIDTH, WIDTH), getattr(nn, activation)()]
    model = nn.Sequential(*layers, nn.Linear(WIDTH, 1))
    rng = random.Random(seed)
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, nn.Linear):
                bound = gain * math.sqrt(6 / (layer.in_features + layer.out_features))
                values = [rng.uniform(-bound, bound) for _ in range(layer.weight.numel())]
                layer.weight.copy_(torch.tensor(values).reshape(layer.weight.shape))
                layer.bias.zero_()
    return model


def gradient_norms(torch, model, X=None, y=None):
    """The norm of the gradient at every hidden activation's output, first layer first."""
    if X is None:
        X, y = data(torch.__name__)
    activations = [m for m in model if not isinstance(m, torch.nn.Linear)]
    norms = {}

    def on_forward(module, inputs, output):
        output.register_hook(lambda grad: norms.update({module: grad.norm().item()}))

    handles = [m.register_forward_hook(on_forward) for m in activations]
    torch.nn.MSELoss()(model(X), y).backward()
    for handle in handles:
        handle.remove()
    return [norms[m] for m in activations]


@functools.cache
def norms_of(library, depth, gain, activation="Tanh"):
    torch = importlib.import_module(library)
    return tuple(gradient_norms(torch, make_stack(torch, depth, gain, activation)))


def printed(torch, title):
    return printed_by(SLUG, torch, title)


# --- hooks ---------------------------------------------------------------------------------------

def test_five_sigmoids_pass_back_what_the_prose_says_last_stage_first(torch, lesson_text):
    out = printed(torch, "A gradient passing back through five sigmoids").splitlines()
    assert [line.split(":")[0][-1] for line in out[:5]] == ["5", "4", "3", "2", "1"]
    assert [line.split()[-1] for line in out] == ["1.0000", "0.2248", "0.0507", "0.0115", "0.0027", "0.000676"]
    assert float(out[-1].split()[-1]) <= 0.25 ** 5 < 0.001
    assert "0.2248, then 0.0507, down to 0.000676 at `x`" in lesson_text(SLUG)


def test_the_sigmoid_slope_is_at_most_a_quarter_at_zero(torch):
    z = torch.linspace(-6, 6, 1201, requires_grad=True)
    torch.sigmoid(z).sum().backward()
    assert z.grad.max().item() == pytest.approx(0.25) and z.grad.argmax().item() == 600


def test_a_weight_of_4_passes_back_exactly_1_per_stage(torch):
    x = torch.tensor(0.0, requires_grad=True)
    h = x
    for _ in range(3):
        h = torch.sigmoid(4 * h) - 0.5
    h.backward()
    assert x.grad.item() == 1.0


def test_a_tensor_hook_that_returns_a_tensor_replaces_the_gradient(torch):
    x = torch.tensor(3.0, requires_grad=True)
    y = x * x
    y.register_hook(lambda grad: grad * 10)
    y.backward()
    assert x.grad.item() == 60.0       # the challenge's Predict Output


def test_a_hook_on_an_intermediate_tensor_fires_without_retain_grad(torch):
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    seen = []
    y.register_hook(seen.append)
    (y * y).backward()
    assert [g.item() for g in seen] == [12.0]
    with pytest.warns(UserWarning):
        assert y.grad is None         # the hook saw it, .grad does not keep it


def test_a_tensor_hooks_handle_takes_it_off(torch):
    x = torch.tensor(1.0, requires_grad=True)
    seen = []
    handle = (y := x * 2).register_hook(seen.append)
    handle.remove()
    y.backward()
    assert seen == [] and x.grad.item() == 2.0


def test_a_forward_hook_runs_after_forward_and_its_return_value_replaces_the_output(torch):
    layer = torch.nn.Tanh()
    calls = []
    handle = layer.register_forward_hook(lambda module, inputs, output: calls.append((module, inputs[0].item(), output.item())))
    layer(torch.tensor(0.0))
    assert calls == [(layer, 0.0, 0.0)]
    handle.remove()
    layer(torch.tensor(0.0))
    assert len(calls) == 1            # removed: it runs no more
    layer.register_forward_hook(lambda module, inputs, output: output + 5)
    assert layer(torch.tensor(0.0)).item() == 5.0


def test_the_forward_hooks_measure_what_retain_grad_measures(torch):
    model = make_stack(torch, 3, gain=1.0)
    measured = gradient_norms(torch, model)
    X, y = data(torch.__name__)
    h, kept = X, []
    for module in model:
        h = module(h)
        if not isinstance(module, torch.nn.Linear):
            h.retain_grad()
            kept.append(h)
    torch.nn.MSELoss()(h, y).backward()
    assert measured == pytest.approx([t.grad.norm().item() for t in kept], rel=1e-6)
    assert not any(len(m._forward_hooks) for m in model)    # the handles took them off


# --- the stacks --------------------------------------------------------------------------------

def test_the_sigmoid_stack_vanishes_by_about_a_quarter_per_layer(torch, lesson_text):
    out = printed(torch, "The gradient's size at every hidden layer, measured with hooks")
    assert out.strip() == "sigmoid, gain 1: layer 20 3.1e-01, layer 10 7.7e-08, layer 1 2.2e-13"
    norms = norms_of(torch.__name__, 20, 1.0, "Sigmoid")
    per_layer = (norms[0] / norms[-1]) ** (1 / 19)
    assert 0.2 < per_layer < 0.3                             # "about a quarter"
    assert 1e12 <= norms[-1] / norms[0] < 1e13               # "a million million times smaller"
    said = lesson_text(SLUG)
    assert "about 0.3; at the first layer it is $2 \\times 10^{-13}$" in said
    assert "the first layer got $10^{-12}$ of the top layer's gradient" in said      # a card


def test_twenty_tanh_layers_at_four_gains(torch, lesson_text):
    out = printed(torch, "Twenty tanh layers at four gains").splitlines()
    assert out == ["gain 0.58: layer 20 1.4e-01, layer 1 2.3e-06, ratio 1.6e-05",
                   "gain 1.00: layer 20 2.5e-01, layer 1 3.8e-02, ratio 0.15",
                   "gain 1.67: layer 20 7.6e-01, layer 1 3.6e+00, ratio 4.8",
                   "gain 3.00: layer 20 2.8e+00, layer 1 8.9e+02, ratio 3.1e+02"]
    ratio = {gain: norms_of(torch.__name__, 20, gain)[0] / norms_of(torch.__name__, 20, gain)[-1]
             for gain in [0.58, 1.0, 5 / 3, 3.0]}
    assert 50_000 < 1 / ratio[0.58] < 70_000 and 6 < 1 / ratio[1.0] < 8 and 300 < ratio[3.0] < 320
    said = lesson_text(SLUG)
    for claim in ["by a factor of about 60,000", "shrinks, by about 7", "grows by 4.8 across twenty layers",
                  "310 times larger at the first layer"]:
        assert claim in said


def test_with_gain_0_58_the_signal_shrinks_on_the_way_forward(torch):
    model = make_stack(torch, 20, gain=0.58)
    h, spread = data(torch.__name__)[0], []
    with torch.no_grad():
        for module in model:
            h = module(h)
            if isinstance(module, torch.nn.Tanh):
                spread.append(h.std().item())
    assert spread[-1] < spread[0] / 100 and all(b < a for a, b in zip(spread, spread[1:]))


def test_the_tanh_slope_is_below_1_except_at_0(torch):
    z = torch.tensor([-2.0, -0.5, -0.01, 0.0, 0.01, 0.5, 2.0], requires_grad=True)
    torch.tanh(z).sum().backward()
    assert [g == 1.0 for g in z.grad.tolist()] == [False, False, False, True, False, False, False]
    assert z.grad.max().item() == 1.0


def test_the_experiments_default_run(torch):
    assert printed(torch, "Gradient size, layer by layer").strip() == "depth 20, gain 1: layer 20 2.5e-01, layer 1 3.8e-02"


def test_what_the_sliders_show_at_gain_1(lesson_text):
    """The sliders run in the browser, under microtorch: these are the numbers the reader sees."""
    ratios = [norms_of("microtorch", depth, 1.0)[0] / norms_of("microtorch", depth, 1.0)[-1] for depth in range(1, 41)]
    assert all(1 / 20 < r <= 1.0 for r in ratios) and len(set(round(r, 2) for r in ratios)) > 20   # within 20, wobbling
    assert "stays within a factor of 20 of the top layer's at every depth the slider allows" in lesson_text(SLUG)


def test_what_the_sliders_show_at_depth_40(lesson_text):
    ratio = {gain: norms_of("microtorch", 40, gain)[0] / norms_of("microtorch", 40, gain)[-1] for gain in [0.5, 1.65, 3.0]}
    assert 1e-12 <= ratio[0.5] < 1e-11 and 35 < ratio[1.65] < 45 and ratio[3.0] > 100_000
    said = lesson_text(SLUG)
    for claim in ["with 0.5, layer 1 gets $10^{-12}$", "with 1.65 about 40 times as much", "with 3 more than 100,000 times"]:
        assert claim in said


def test_gain_3_explodes_more_with_depth_as_the_quiz_says(torch):
    at = {depth: norms_of(torch.__name__, depth, 3.0)[0] / norms_of(torch.__name__, depth, 3.0)[-1] for depth in [5, 40]}
    assert 2.5 < at[5] < 3.5 and at[40] > 100_000


def test_a_factor_of_0_8_over_twenty_layers_is_about_0_01():
    assert round(0.8 ** 20, 2) == 0.01


# --- nn.init ---------------------------------------------------------------------------------

def test_the_xavier_cell_prints_the_formula_and_holds_to_it(torch):
    assert printed(torch, "Xavier for a tanh layer, with nn.init").splitlines() == [
        "gain 1.6667, bound 0.1804", "every weight inside the bound: True", "standard deviation 0.10, formula 0.10"]


def test_calculate_gain_gives_the_lessons_gains(torch):
    gain = torch.nn.init.calculate_gain
    assert (gain("linear"), gain("sigmoid"), gain("tanh"), gain("relu")) == (1, 1, pytest.approx(5 / 3), pytest.approx(math.sqrt(2)))


@pytest.mark.parametrize("rule", ["xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "linear_default"])
def test_each_init_draws_with_the_spread_of_the_lessons_table(torch, rule):
    """The table's formulas, for a 400-output, 100-input weight (so fan_in and fan_out differ):
    the sample's standard deviation within 2% of the formula, and a uniform's largest value
    just inside its bound."""
    init, fan_out, fan_in = torch.nn.init, 400, 100
    torch.manual_seed(0)
    w = torch.empty(fan_out, fan_in)
    gain = 5 / 3
    if rule == "linear_default":
        w = torch.nn.Linear(fan_in, fan_out).weight.detach()
        bound, std = 1 / math.sqrt(fan_in), 1 / math.sqrt(3 * fan_in)
    elif rule == "xavier_uniform":
        init.xavier_uniform_(w, gain=gain)
        bound = gain * math.sqrt(6 / (fan_in + fan_out))
        std = bound / math.sqrt(3)
    elif rule == "xavier_normal":
        init.xavier_normal_(w, gain=gain)
        bound, std = None, gain * math.sqrt(2 / (fan_in + fan_out))
    elif rule == "kaiming_uniform":
        init.kaiming_uniform_(w, nonlinearity="relu")
        bound = math.sqrt(2) * math.sqrt(3 / fan_in)
        std = bound / math.sqrt(3)
    else:
        init.kaiming_normal_(w, nonlinearity="relu")
        bound, std = None, math.sqrt(2) / math.sqrt(fan_in)
    assert w.std().item() == pytest.approx(std, rel=0.02)
    assert abs(w.mean().item()) < std / 50
    if bound is not None:
        assert 0.99 * bound < w.abs().max().item() <= bound


def test_linears_default_is_kaiming_uniform_with_a_sqrt_5_and_a_gain_of_0_58_for_a_square_layer(torch):
    w = torch.empty(64, 256)
    torch.nn.init.kaiming_uniform_(w, a=math.sqrt(5))
    assert 0.99 / 16 < w.abs().max().item() <= 1 / 16        # 1 / sqrt(256 inputs)
    n = 256
    assert round((1 / math.sqrt(n)) / math.sqrt(6 / (2 * n)), 2) == round(1 / math.sqrt(3), 2) == 0.58


def test_linear_draws_its_weights_with_kaiming_uniform_and_a_sqrt_5(torch):
    for seed in range(3):
        torch.manual_seed(seed)
        drawn = torch.nn.Linear(5, 3).weight.detach().clone()
        torch.manual_seed(seed)
        assert torch.equal(drawn, torch.nn.init.kaiming_uniform_(torch.empty(3, 5), a=math.sqrt(5)))


def test_init_fills_a_parameter_in_place_and_returns_it(torch):
    layer = torch.nn.Linear(8, 8)
    weight = layer.weight
    assert torch.nn.init.xavier_uniform_(weight) is weight and torch.nn.init.zeros_(layer.bias) is layer.bias
    assert weight.requires_grad and weight.is_leaf and weight.grad_fn is None and layer.bias.abs().sum().item() == 0


def test_model_apply_reaches_every_module_and_the_default_stack_vanishes(torch):
    for seed in range(5):   # the weights come from the library's generator: hold for several seeds
        torch.manual_seed(seed)
        model = torch.nn.Sequential(*[m for _ in range(20) for m in (torch.nn.Linear(WIDTH, WIDTH), torch.nn.Tanh())],
                                    torch.nn.Linear(WIDTH, 1))
        before = gradient_norms(torch, model)
        assert before[0] < before[-1] / 1000

        def tanh_init(module):
            if isinstance(module, torch.nn.Linear):
                torch.nn.init.xavier_uniform_(module.weight, gain=torch.nn.init.calculate_gain("tanh"))
                torch.nn.init.zeros_(module.bias)
        visited = []
        model.apply(lambda module: visited.append(module))
        assert len(visited) == 42 and visited[-1] is model      # every layer, then the model itself
        model.zero_grad()
        model.apply(tanh_init)
        after = gradient_norms(torch, model)
        assert max(after) < 20 * min(after)
    assert printed(torch, "Re-initialize a whole model with model.apply").splitlines() == [
        "PyTorch's default: layer 1 gets less than 1/1000 of layer 20's gradient: True",
        "Xavier with gain 5/3: every layer within a factor of 20 of every other: True"]


def test_the_challenges_thirty_layer_choices(torch):
    """Xavier with the tanh gain changes the gradient by about 20 over thirty 64-wide tanh layers,
    std=1 by about a billion, and all-zero weights give every weight a gradient of 0."""
    nn = torch.nn

    def stack(fill):
        model = nn.Sequential(*[m for _ in range(30) for m in (nn.Linear(64, 64), nn.Tanh())], nn.Linear(64, 1))
        with torch.no_grad():
            for layer in model:
                if isinstance(layer, nn.Linear):
                    fill(layer.weight)
                    nn.init.zeros_(layer.bias)
        return model

    torch.manual_seed(0)
    X, y = torch.randn(64, 64), torch.zeros(64, 1)
    xavier = gradient_norms(torch, stack(lambda w: nn.init.xavier_uniform_(w, gain=5 / 3)), X, y)
    unit = gradient_norms(torch, stack(lambda w: nn.init.normal_(w, std=1.0)), X, y)
    assert 5 < xavier[0] / xavier[-1] < 50 and unit[0] / unit[-1] > 1e8
    zero = stack(nn.init.zeros_)
    nn.MSELoss()(zero(X), torch.ones(64, 1)).backward()
    assert all(layer.weight.grad.abs().sum().item() == 0 for layer in zero if isinstance(layer, nn.Linear))


# --- clip_grad_norm_ -----------------------------------------------------------------------------

def test_the_clipping_cells_print_the_norm_from_before_clipping(torch):
    assert printed(torch, "clip_grad_norm_ on two small gradients").splitlines() == [
        "tensor(13.)", "tensor([1.5000, 2.0000]) tensor([6.0000])"]


def test_the_total_norm_is_the_norm_of_the_per_tensor_norms_and_one_factor_scales_all(torch):
    a, b = torch.tensor([1.0, -2.0, 2.0], requires_grad=True), torch.tensor([[4.0]], requires_grad=True)
    a.grad, b.grad = torch.tensor([1.0, -2.0, 2.0]), torch.tensor([[4.0]])      # norms 3 and 4
    total = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
    assert total.item() == pytest.approx(5.0)
    assert a.grad.tolist() == pytest.approx([0.2, -0.4, 0.4], rel=1e-5) and b.grad.item() == pytest.approx(0.8, rel=1e-5)
    clipped = math.sqrt(a.grad.pow(2).sum().item() + b.grad.pow(2).sum().item())
    assert clipped == pytest.approx(1.0, rel=1e-5)


def test_clipping_never_raises_a_gradient_and_inf_never_clips(torch):
    for max_norm in [20.0, math.inf]:
        w = torch.zeros(2, requires_grad=True)
        (torch.tensor([6.0, 8.0]) * w).sum().backward()
        assert torch.nn.utils.clip_grad_norm_([w], max_norm=max_norm).item() == 10.0
        assert w.grad.tolist() == [6.0, 8.0]


def test_clipping_keeps_the_imbalance_between_layers(torch):
    model = make_stack(torch, 10, gain=1.0, activation="Sigmoid")
    X, y = data(torch.__name__)
    torch.nn.MSELoss()(model(X), y).backward()
    before = [layer.weight.grad.norm().item() for layer in model if isinstance(layer, torch.nn.Linear)]
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1e-3)
    after = [layer.weight.grad.norm().item() for layer in model if isinstance(layer, torch.nn.Linear)]
    assert [a / after[-1] for a in after] == pytest.approx([b / before[-1] for b in before], rel=1e-4)
    assert all(a < b for a, b in zip(after, before))


def test_clip_grad_value_clamps_each_element_and_turns_the_direction(torch):
    w = torch.zeros(2, requires_grad=True)
    (torch.tensor([0.5, 8.0]) * w).sum().backward()
    torch.nn.utils.clip_grad_value_([w], clip_value=1.0)
    assert w.grad.tolist() == [0.5, 1.0]          # no longer parallel to [0.5, 8]


def train(torch, max_norm, steps=30):
    model = make_stack(torch, 10, gain=3.0)
    X, y = data(torch.__name__)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
    losses, steps_taken = [], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = torch.nn.MSELoss()(model(X), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        before = [p.detach().clone() for p in model.parameters()]
        optimizer.step()
        steps_taken.append(math.sqrt(sum((p.detach() - b).pow(2).sum().item() for p, b in zip(model.parameters(), before))))
        losses.append(loss.item())
    return losses, steps_taken


def test_without_clipping_the_loss_overflows_then_becomes_nan_and_clipping_keeps_it_down(torch, lesson_text):
    losses, steps = train(torch, math.inf)
    assert steps[0] == pytest.approx(0.3 * 218.2, rel=1e-3) and round(steps[0]) == 65
    first_bad = next(i for i, loss in enumerate(losses) if not math.isfinite(loss))
    assert math.isinf(losses[first_bad]) and math.isnan(losses[-1])
    clipped, clipped_steps = train(torch, 1.0)
    assert max(clipped[1:]) < clipped[0] and all(s <= 0.3 * 1.0 + 1e-5 for s in clipped_steps)
    out = printed(torch, "Thirty steps with and without clipping").splitlines()
    assert out == ["max_norm=inf: first total norm 218.2, first loss 20.1",
                   "  every later loss below the first: False, last loss finite: False",
                   "max_norm=1.0: first total norm 218.2, first loss 20.1",
                   "  every later loss below the first: True, last loss finite: True"]
    assert "the first step is $0.3 \\times 218 \\approx 65$ long" in lesson_text(SLUG)
