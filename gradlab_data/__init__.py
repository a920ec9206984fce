"""Small real data sets for the course, shipped inside the site's wheel so that a lesson loads
them in the browser's Python with no other host, and the same call works under CPython.

    from gradlab_data import load_digits
    images, labels = load_digits()

Where each set comes from, its licence and its checksum are in README.md beside this file.
"""

from __future__ import annotations

import gzip
from importlib import resources

DIGITS = 1797  # images in the set
PIXELS = 64  # 8 x 8 each, values 0 to 16


def load_digits():
    """The 1,797 handwritten digits of UCI's "Optical Recognition of Handwritten Digits" set (the
    images scikit-learn's `load_digits()` returns), as (images, labels): a float32 tensor of shape
    (1797, 64), one image of 8 rows of 8 per row, values 0 to 16, and an int64 tensor of the
    digits 0 to 9. Tensors of whatever `torch` is: PyTorch, or microtorch in the browser."""
    import torch

    images, labels = digits_arrays()
    return torch.tensor(images), torch.tensor(labels)


def digits_arrays():
    """The same as NumPy arrays (float32 images, int64 labels), for code that picks its library."""
    import numpy as np

    raw = gzip.decompress(resources.files(__package__).joinpath("digits.gz").read_bytes())
    if len(raw) != DIGITS * (PIXELS + 1):
        raise ValueError(f"digits.gz holds {len(raw)} bytes, not the {DIGITS * (PIXELS + 1)} of the digits set")
    values = np.frombuffer(raw, dtype=np.uint8)
    return values[: DIGITS * PIXELS].reshape(DIGITS, PIXELS).astype(np.float32), values[DIGITS * PIXELS:].astype(np.int64)
