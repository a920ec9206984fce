"""DataLoader: a dataset in mini-batches, in order or shuffled anew at every epoch, in this
process (microtorch has no worker processes)."""
import numpy as np

from ... import random
from ..._errors import unsupported
from ..._tensor import _wrap
from ._collate import default_collate
from .dataset import Subset, TensorDataset

# Samplers and worker processes, which microtorch leaves out: these options' defaults.
_REFUSED = {"sampler": None, "batch_sampler": None, "num_workers": 0, "pin_memory": False,
            "timeout": 0, "worker_init_fn": None, "multiprocessing_context": None,
            "prefetch_factor": None, "persistent_workers": False, "pin_memory_device": ""}


class DataLoader:
    """Iterating gives batches of `batch_size` samples merged by `collate_fn`; `shuffle=True`
    draws a new order each epoch from `generator` (or the global one)."""

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False, timeout=0,
                 worker_init_fn=None, multiprocessing_context=None, generator=None, *,
                 prefetch_factor=None, persistent_workers=False, pin_memory_device="",
                 in_order=True):
        given = dict(sampler=sampler, batch_sampler=batch_sampler, num_workers=num_workers,
                     pin_memory=pin_memory, timeout=timeout, worker_init_fn=worker_init_fn,
                     multiprocessing_context=multiprocessing_context,
                     prefetch_factor=prefetch_factor, persistent_workers=persistent_workers,
                     pin_memory_device=pin_memory_device)
        for name, value in given.items():
            if value is not _REFUSED[name] and value != _REFUSED[name]:
                raise unsupported(f"DataLoader({name}={value!r})")
        if batch_size is None:
            raise unsupported("DataLoader(batch_size=None)")
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.dataset, self.batch_size, self.drop_last = dataset, batch_size, drop_last
        self.generator, self.num_workers = generator, num_workers
        self.collate_fn = default_collate if collate_fn is None else collate_fn
        self._shuffle = bool(shuffle)

    def __len__(self):
        rows = len(self.dataset)
        return rows // self.batch_size if self.drop_last else -(-rows // self.batch_size)

    def __iter__(self):
        # PyTorch draws a seed for its worker processes at every epoch, so what the generator
        # gives afterwards depends on having iterated; drawing one too keeps that so.
        random.generator(self.generator).integers(2**63)
        order = np.arange(len(self.dataset))
        if self._shuffle:
            source = self.generator
            if source is None:   # a fresh stream per epoch, seeded from the global one
                source = random.Generator().manual_seed(random.generator().integers(2**63))
            order = random.generator(source).permutation(order)
        return self._batches(order)

    def _batches(self, order):
        end = len(order) - len(order) % self.batch_size if self.drop_last else len(order)
        starts = range(0, end, self.batch_size)
        columns = _tensor_columns(self.dataset) if self.collate_fn is default_collate else None
        if columns is not None:   # what default_collate would build, one indexing per tensor
            arrays, rows = columns
            order = order if rows is None else rows[order]
            for start in starts:
                picked = order[start:start + self.batch_size]
                yield [_wrap(array[picked]) for array in arrays]
            return
        for start in starts:
            indices = order[start:start + self.batch_size].tolist()   # Python ints, as in PyTorch
            yield self.collate_fn([self.dataset[i] for i in indices])

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'DataLoader' object has no attribute '{name}'")
        raise unsupported(f"DataLoader.{name}")


def _tensor_columns(dataset):
    """For a TensorDataset, or a Subset of one, whose rows default_collate would only stack: the
    tensors' arrays, and which of their rows dataset[i] is (None: row i). None for any other
    dataset, or where stacking would record a graph."""
    rows = None
    while type(dataset) is Subset:
        picked = np.asarray(dataset.indices)
        if picked.dtype.kind not in "iu":
            return None
        rows = picked if rows is None else picked[rows]
        dataset = dataset.dataset
    if type(dataset) is not TensorDataset or any(t.requires_grad for t in dataset.tensors):
        return None
    return [t._data for t in dataset.tensors], rows
