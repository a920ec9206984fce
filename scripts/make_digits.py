"""Write gradlab_data/digits.gz, the handwritten digits that lesson 11 trains on, from
scikit-learn's copy of the UCI "Optical Recognition of Handwritten Digits" set (CC BY 4.0).

scikit-learn is needed only here, never by the site or the tests: run this in a throwaway venv,

    python3 -m venv /tmp/skl && /tmp/skl/bin/pip install scikit-learn
    /tmp/skl/bin/python scripts/make_digits.py

and commit the file it writes. It prints the file's sha256, which gradlab_data/README.md and the
lesson record and tests/runtime/test_digits_data.py checks.

The format (read by gradlab_data.load_digits): gzip, with no name and a zero timestamp so the same
data always gives the same bytes, of 1,797 x 64 bytes of pixel values (each image's 8 rows of 8,
every value 0 to 16) followed by the 1,797 labels, one byte each (0 to 9).
"""

import gzip
import hashlib
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

TARGET = Path(__file__).resolve().parents[1] / "gradlab_data" / "digits.gz"


def main() -> None:
    digits = load_digits()
    pixels, labels = digits.data, digits.target
    # The set stores whole counts of "on" cells in each 4x4 block: say so if that ever changes.
    assert pixels.shape == (1797, 64) and np.array_equal(pixels, pixels.round()), "pixels are not whole numbers"
    assert pixels.min() == 0 and pixels.max() == 16 and set(labels) == set(range(10))
    raw = pixels.astype(np.uint8).tobytes() + labels.astype(np.uint8).tobytes()
    TARGET.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{TARGET.name}: {TARGET.stat().st_size} bytes, sha256 {hashlib.sha256(TARGET.read_bytes()).hexdigest()}")
    print("images per class:", np.bincount(labels).tolist())


if __name__ == "__main__":
    main()
