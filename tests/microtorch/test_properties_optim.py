"""Random hyperparameters, same trajectories: RMSprop, Adagrad and AdamW's options follow
PyTorch's steps to float32 accuracy; an optimizer restored from a state_dict continues to the bit;
every learning-rate schedule produces PyTorch's floats exactly."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import microtorch
from tests.microtorch.test_properties import PROPERTY, arrays, assert_close, trajectory

torch = pytest.importorskip("torch")


@st.composite
def optimizer_runs(draw):
    kind = draw(st.sampled_from(["RMSprop", "Adagrad", "AdamW"]))
    options = {"lr": draw(st.sampled_from([0.001, 0.01, 0.1])),
               "weight_decay": draw(st.sampled_from([0, 0.01, 0.1])),
               "maximize": draw(st.booleans())}
    if kind == "RMSprop":
        options.update(alpha=draw(st.sampled_from([0.9, 0.99])), momentum=draw(st.sampled_from([0, 0.5, 0.9])),
                       centered=draw(st.booleans()), eps=draw(st.sampled_from([1e-8, 1e-3])))
    elif kind == "Adagrad":
        options.update(lr_decay=draw(st.sampled_from([0, 0.01, 0.5])),
                       initial_accumulator_value=draw(st.sampled_from([0, 0.1, 1.0])),
                       eps=draw(st.sampled_from([1e-10, 1e-3])))
    else:
        options.update(amsgrad=draw(st.booleans()), betas=(draw(st.sampled_from([0.8, 0.9])), 0.999))
    start = draw(arrays(np.float32, draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3))))
    return kind, options, start, draw(st.integers(1, 6))


@PROPERTY
@given(optimizer_runs())
def test_new_optimizer_trajectories_match_pytorch(run):
    if run[1]["maximize"]:   # maximizing sum(w^3/3 - w) runs off to infinity: minimise its negative
        run = (run[0], run[1], -run[2], run[3])
    expected_path, expected_idle = trajectory(torch, *run)
    path, idle = trajectory(microtorch, *run)
    for step, (mine, theirs) in enumerate(zip(path, expected_path)):
        assert_close(mine, theirs, f"{run[0]}{run[1]} after step {step + 1}")
    assert_close(idle, expected_idle, "a parameter without grad must not move")


def _train(w, optimizer, steps):
    for _ in range(steps):
        optimizer.zero_grad()
        (w**3 / 3 - w).sum().backward()
        optimizer.step()


@PROPERTY
@given(optimizer_runs(), st.integers(1, 4))
def test_an_optimizer_loaded_from_a_state_dict_continues_to_the_bit(run, later):
    kind, options, start, steps = run
    make = lambda w: getattr(microtorch.optim, kind)([w], **options)  # noqa: E731
    w = microtorch.tensor(start.copy(), requires_grad=True)
    original = make(w)
    _train(w, original, steps)
    checkpoint = copy.deepcopy(original.state_dict())
    resumed_w = microtorch.tensor(w.detach().numpy().copy(), requires_grad=True)
    _train(w, original, later)
    resumed = make(resumed_w)
    resumed.load_state_dict(checkpoint)
    _train(resumed_w, resumed, later)
    np.testing.assert_array_equal(resumed_w.detach().numpy(), w.detach().numpy())


SCHEDULES = {
    "StepLR": lambda L, o, d: L.StepLR(o, step_size=d(st.integers(1, 5)), gamma=d(st.sampled_from([0.1, 0.5, 0.9]))),
    "MultiStepLR": lambda L, o, d: L.MultiStepLR(o, d(st.lists(st.integers(0, 12), max_size=4)),
                                                 gamma=d(st.sampled_from([0.1, 0.3]))),
    "ExponentialLR": lambda L, o, d: L.ExponentialLR(o, gamma=d(st.sampled_from([0.5, 0.9, 0.99]))),
    "CosineAnnealingLR": lambda L, o, d: L.CosineAnnealingLR(o, T_max=d(st.integers(1, 8)),
                                                             eta_min=d(st.sampled_from([0.0, 1e-3]))),
    "LambdaLR": lambda L, o, d: L.LambdaLR(o, lambda e, r=d(st.sampled_from([0.7, 0.95])): r**e / (1 + e % 3)),
}


def _schedule(lib, kind, lrs, data, epochs):
    """The rates of every group over the epochs. `data` replays the same draws for both
    libraries, so both get the same schedule."""
    ws = [lib.tensor([1.0], requires_grad=True) for _ in lrs]
    optimizer = lib.optim.SGD([{"params": [w], "lr": lr} for w, lr in zip(ws, lrs)], lr=0.1)
    scheduler = SCHEDULES[kind](lib.optim.lr_scheduler, optimizer, data)
    seen = [scheduler.get_last_lr()]
    for _ in range(epochs):
        optimizer.step()
        scheduler.step()
        seen.append(scheduler.get_last_lr())
    return seen


class _Replay:
    """Draws once, then gives the same values again in the same order."""

    def __init__(self, draw):
        self.draw, self.values, self.position = draw, [], None

    def __call__(self, strategy):
        if self.position is None:
            self.values.append(self.draw(strategy))
            return self.values[-1]
        self.position += 1
        return self.values[self.position - 1]

    def rewind(self):
        self.position = 0
        return self


@PROPERTY
@given(st.sampled_from(sorted(SCHEDULES)), st.lists(st.sampled_from([1.0, 0.1, 0.03]), min_size=1, max_size=2),
       st.integers(1, 30), st.data())
def test_schedules_match_pytorch_exactly(kind, lrs, epochs, data):
    replay = _Replay(data.draw)
    expected = _schedule(torch, kind, lrs, replay, epochs)
    assert _schedule(microtorch, kind, lrs, replay.rewind(), epochs) == expected


@PROPERTY
@given(st.lists(st.sampled_from([1.0, 0.99995, 0.9, 1.1, 0.5]), min_size=1, max_size=25),
       st.sampled_from(["min", "max"]), st.sampled_from(["rel", "abs"]), st.integers(0, 3),
       st.integers(0, 2), st.sampled_from([0, 0.05]), st.sampled_from([1e-4, 0.05]))
def test_reduce_on_plateau_matches_pytorch_exactly(metrics, mode, threshold_mode, patience, cooldown, min_lr, threshold):
    runs = []
    for lib in (torch, microtorch):
        w = lib.tensor([1.0], requires_grad=True)
        optimizer = lib.optim.SGD([w], lr=1.0)
        scheduler = lib.optim.lr_scheduler.ReduceLROnPlateau(
            optimizer, mode=mode, factor=0.5, patience=patience, threshold=threshold,
            threshold_mode=threshold_mode, cooldown=cooldown, min_lr=min_lr)
        seen = []
        for metric in metrics:
            scheduler.step(metric)
            seen.append((scheduler.get_last_lr(), scheduler.best, scheduler.num_bad_epochs))
        runs.append(seen)
    assert runs[1] == runs[0]
