"""Properties of torch.utils.data and torch.save/load on random inputs: every epoch visits each row
once, the loader's shortcut for TensorDatasets builds exactly the batch default_collate would
build from the rows, random_split partitions, and save/load round-trips any tensor."""

from __future__ import annotations

import io
import pickle
import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import pytest

import microtorch as torch
from microtorch import serialization
from microtorch.utils.data import DataLoader, Subset, TensorDataset, default_collate, random_split

PROPERTY = settings(max_examples=60, deadline=None, derandomize=True)
DTYPES = st.sampled_from([np.float32, np.float64, np.int64, np.int32, np.bool_])


@st.composite
def tensor_datasets(draw):
    """A TensorDataset of 1 to 3 tensors with `rows` rows each, of any dtype and row shape."""
    rows = draw(st.integers(0, 12))
    tensors = []
    for _ in range(draw(st.integers(1, 3))):
        row_shape = draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3))
        array = draw(hnp.arrays(draw(DTYPES), (rows, *row_shape)))
        tensors.append(torch.from_numpy(array))
    return TensorDataset(*tensors)


def _same(a, b):
    return (type(a) is type(b) and a.dtype == b.dtype and a.shape == b.shape
            and np.array_equal(a.numpy(), b.numpy(), equal_nan=a.is_floating_point()))


@PROPERTY
@given(tensor_datasets(), st.integers(1, 5), st.booleans(), st.booleans(), st.integers(0, 3))
def test_tensor_dataset_batches_are_what_default_collate_builds(ds, batch_size, shuffle, drop_last, seed):
    subset_rows = list(range(len(ds)))[::-1][: max(len(ds) - 1, 0)]
    for dataset in (ds, Subset(ds, subset_rows)):
        torch.manual_seed(seed)
        batches = list(DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last))
        # the same order, batched the slow way: a collate_fn that is not default_collate itself
        torch.manual_seed(seed)
        rows = list(DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                               collate_fn=lambda samples: samples))
        assert len(batches) == len(rows)
        for batch, samples in zip(batches, rows):
            expected = default_collate(samples)
            assert type(batch) is list and len(batch) == len(expected)
            assert all(_same(a, b) for a, b in zip(batch, expected))


@PROPERTY
@given(st.integers(0, 40), st.integers(1, 9), st.booleans(), st.booleans())
def test_an_epoch_visits_every_row_once(rows, batch_size, shuffle, drop_last):
    loader = DataLoader(TensorDataset(torch.arange(rows)), batch_size=batch_size, shuffle=shuffle,
                        drop_last=drop_last)
    seen = [i for (batch,) in loader for i in batch.tolist()]
    assert len(seen) == len(set(seen)) == (rows - rows % batch_size if drop_last else rows)
    assert set(seen) <= set(range(rows))
    assert len(list(loader)) == len(loader)
    if not shuffle:
        assert seen == list(range(len(seen)))


@PROPERTY
@given(st.integers(1, 50), st.lists(st.integers(0, 20), min_size=1, max_size=4), st.integers(0, 99))
def test_random_split_partitions_and_is_seeded(total, weights, seed):
    fractions = [w / sum(weights) for w in weights] if sum(weights) else [1.0]
    def split():
        return random_split(range(total), fractions, generator=torch.Generator().manual_seed(seed))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # empty splits warn, as in PyTorch
        parts, again = split(), split()
    indices = [i for part in parts for i in part.indices]
    assert sorted(indices) == list(range(total))
    assert [p.indices for p in parts] == [p.indices for p in again]
    assert all(abs(len(p) - f * total) < len(fractions) for p, f in zip(parts, fractions))


@PROPERTY
@given(st.data(), DTYPES, st.booleans())
def test_save_load_round_trips_any_tensor(data, dtype, transpose):
    shapes = (hnp.array_shapes(min_dims=2, max_dims=2, min_side=2, max_side=4) if transpose
              else hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4))
    t = torch.from_numpy(data.draw(hnp.arrays(dtype, shapes)))
    if transpose:   # not contiguous, as a transposed weight is
        t = t.t()
    wants_grad = t.is_floating_point() and data.draw(st.booleans())
    t.requires_grad_(wants_grad)
    loaded = {"t": t, "p": torch.nn.Parameter(t.detach(), requires_grad=wants_grad)}
    for _ in range(2):   # what was loaded saves and loads the same again
        buffer = io.BytesIO()
        torch.save(loaded, buffer)
        buffer.seek(0)
        loaded = torch.load(buffer)
    for key, cls in (("t", torch.Tensor), ("p", torch.nn.Parameter)):
        back = loaded[key]
        assert type(back) is cls and back.requires_grad == wants_grad and back.is_leaf
        assert back.dtype == t.dtype and back.shape == t.shape
        assert back.is_contiguous() == t.is_contiguous()
        assert np.array_equal(back.detach().numpy(), t.detach().numpy(), equal_nan=t.is_floating_point())


class _Crafted:
    """Pickles as a call of serialization's own rebuild functions, with arguments of one's choice."""

    def __init__(self, function, *args):
        self.function, self.args = function, args

    def __reduce__(self):
        return self.function, self.args


@pytest.mark.parametrize("offset, shape, strides", [(0, (100,), (1,)), (1, (2,), (1,)), (-1, (1,), (1,)),
                                                    (0, (2, 2), (1, -1)), (0, (2,), (1, 1))])
def test_a_crafted_file_cannot_view_memory_outside_its_storage(offset, shape, strides):
    storage = _Crafted(serialization._rebuild_storage, "float32", bytes(8))   # two floats
    tensor = _Crafted(serialization._rebuild_tensor, False, storage, offset, shape, strides, False)
    buffer = io.BytesIO(serialization._HEADER + pickle.dumps(tensor, protocol=4))
    with pytest.raises(pickle.UnpicklingError, match="outside its storage"):
        torch.load(buffer)


def test_the_crafted_file_loads_when_it_stays_inside():
    storage = _Crafted(serialization._rebuild_storage, "float32", np.float32([1, 2]).tobytes())
    tensor = _Crafted(serialization._rebuild_tensor, False, storage, 1, (1,), (1,), False)
    buffer = io.BytesIO(serialization._HEADER + pickle.dumps(tensor, protocol=4))
    assert torch.load(buffer).tolist() == [2.0]
